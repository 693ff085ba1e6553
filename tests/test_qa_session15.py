"""Question forms and word tests from the sets read in session 15 (session 14's held-out
limbaugh, obamacare and refugees after their run; the study sets debates, graham and ham),
each on a hand-built article, each with its flag off to show what it changes:

- a name the graph lacks in the topic of a say question about a linked speaker goes to the
  word tests, not to "not in the graph" (engine.TOPIC_NAMES), and a state named in full is
  written by its AP short form ("Washington" / "Wash.", support.STATE_SHORT);
- "How much of his own money ...": an amount of money writes "money"
  (support.MONEY_AMOUNTS), and "Though he has given ..." is about whom the sentence before
  names (engine.ANAPHOR);
- "the effects of X" asks about X (support.FRAMING);
- "How did China respond to Y?": a country never quoted has no answer
  (engine.SPEAKING_PLACES); "What does CNS stand for?" and "Which
  branch of the military did X serve in?" go to the membership route, and a sentence
  writing the name in full answers the first (routes.SPELLED_OUT).

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os
import re
from functools import partial

import pytest
from claimgraph.qa import engine as engine_mod
from claimgraph.qa import router, routes, support
from claimgraph.qa.router import route
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import blob, claim, evidence, handbuilt_engine, top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:s15"
PARAS = [
    "Donald Trump spoke about refugees at a rally on Monday.",
    "\u201cBad, bad things are going to happen,\u201d Trump warned in Everett, Wash., recently.",
    "Nor is Trump self-funding. Though he has given more than $60 million to his campaign, "
    "he signed a fundraising pact with the party in May.",
    "\u201cSequestration severely handicapped our military,\u201d Gen. Norman Ham said.",
    "However, Christian News Service reported that the goal had been exceeded.",
    "CNS reported Monday that 11,491 refugees had been admitted.",
    "Trump has called climate change a hoax invented by China.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:trump": {"en": ["Donald Trump", "Trump"], "zh": []},
          "ex:ham": {"en": ["Norman Ham", "Ham"], "zh": []},
          "ex:cns": {"en": ["Christian News Service", "CNS"], "zh": []},
          "ex:china": {"en": ["China"], "zh": []}}
TYPES = {"ex:trump": "Person", "ex:ham": "Person", "ex:cns": "Organization", "ex:china": "Place"}


@pytest.fixture(scope="module")
def engine():
    ev = partial(evidence, TEXT, ART)
    stmts = [
        claim(LABELS, ev, "ex:trump", "warned", "\u201cBad, bad things are going to happen,\u201d",
              PARAS[1]),
        claim(LABELS, ev, "ex:ham", "said", "\u201cSequestration severely handicapped our "
              "military,\u201d", PARAS[3]),
        claim(LABELS, ev, "ex:cns", "reported", "that the goal had been exceeded", PARAS[4]),
        claim(LABELS, ev, "ex:cns", "reported", "that 11,491 refugees had been admitted", PARAS[5]),
        claim(LABELS, ev, "ex:trump", "called", "climate change a hoax invented by China",
              PARAS[6], ("ex:china",)),
        Statement("fact", "$60 million: Though he has given more than $60 million to his campaign",
                  "more than $60 million", None, [ev(PARAS[2].split(". ", 1)[1])], (), ()),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_topic_name_goes_to_the_word_tests(engine, monkeypatch):
    q = "What did Trump warn in Everett, Washington?"
    assert "Bad, bad things" in blob(top(engine.ask(q)))
    # a topic nothing of Trump's writes is still refused, by the word tests
    assert engine.ask("What did Trump say about Angela Merkel?")["abstained"]
    # the asked speaker's own name still abstains at once
    assert engine.ask("What did Angela Merkel say about Everett?")["reason"] == \
        "Angela Merkel is not in the graph"
    monkeypatch.setattr(support, "STATE_SHORT", 0)
    assert engine.ask(q)["abstained"]
    monkeypatch.setattr(engine_mod, "TOPIC_NAMES", 0)
    assert engine.ask(q)["reason"] == "Washington is not in the graph"


def test_state_short_forms():
    assert "wash" in support.forms("washington")
    assert "calif" in support.forms("california")
    assert support.forms("virginia") == frozenset({"virgi"})  # "Va.": too short to trust


@pytest.mark.slow
def test_an_amount_writes_money(engine, monkeypatch):
    q = "How much of his own money has Trump put into his campaign?"
    assert "$60 million" in blob(top(engine.ask(q)))
    monkeypatch.setattr(support, "MONEY_AMOUNTS", 0)
    assert engine.ask(q)["abstained"]


def test_a_pronoun_after_a_conjunction_refers_back():
    assert engine_mod.ANAPHOR.search("Though he has given more than $60 million")
    assert engine_mod.ANAPHOR.search("But they said no")
    assert not engine_mod.ANAPHOR.search("Though Smith has given more")


@pytest.mark.slow
def test_the_effects_of_a_topic(engine, monkeypatch):
    q = "What did Ham say about the effects of sequestration?"
    assert "handicapped" in blob(top(engine.ask(q)))
    monkeypatch.setattr(support, "GENERIC", support.GENERIC - {"effect", "effects"})
    assert engine.ask(q)["abstained"]


@pytest.mark.slow
def test_a_country_never_quoted_does_not_respond(engine, monkeypatch):
    q = "How did China respond to Trump's claim that climate change is a hoax?"
    assert engine.ask(q)["reason"] == "China is in the graph but never quoted"
    monkeypatch.setattr(engine_mod, "SPEAKING_PLACES", ())
    res = engine.ask(q)
    assert not res["abstained"] or "never quoted" not in res["reason"]


def test_question_forms():
    assert route("Which branch of the military did Norman Ham serve in?").subject == "Norman Ham"
    for q in ("What does CNS stand for?", "What is CNS short for?"):
        assert (route(q).name, route(q).subject) == ("membership", "CNS")


@pytest.mark.slow
def test_an_acronym_is_answered_by_its_full_name(engine, monkeypatch):
    q = "What does CNS stand for?"
    assert "Christian News Service" in blob(top(engine.ask(q)))
    monkeypatch.setattr(routes, "SPELLED_OUT", re.compile("(?!)"))
    assert "Christian News Service" not in blob(top(engine.ask(q)))


def test_a_trailing_according_to_asks_what_x_said(monkeypatch):
    q = "For whom does the current health system work well, according to Bill Clinton?"
    r = route(q)
    assert (r.name, r.subject) == ("say", "Bill Clinton")
    assert r.topic == "For whom does the current health system work well"
    # a count stays a fact; "the article" is no speaker
    assert route("How many secretaries has Obama had, according to Ham?").name == "fact"
    assert route("What is Clinton's role, according to the article?").name == "membership"
    monkeypatch.setattr(router, "TRAILING_ACCORDING", 0)
    assert route(q).name == "membership"

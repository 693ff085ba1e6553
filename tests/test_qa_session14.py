"""Question forms and tests from the study sets of session 14 (coal, pence, returns), each on
a hand-built article, each with its flag off to show what it changes:

- "Joe Biden" is the Joseph R. Biden Jr. the articles name (linking.HYPOCORISMS);
- affiliation questions written "Which network does X host for?", "Which publication is X
  with?", "At which law firm is X a lawyer?", "What is X's connection to Y?", "Where is X a
  senior fellow?" go to the membership route;
- "What precedent did X say Trump should follow?" and "Whom did X name as the winner?" ask
  what X said;
- "Clarke's former business partner at Lenox" is the person the article describes so near
  Clarke (roles.OWNER_POSSESSIVE), and "Clarke's lawyer", described nowhere, is not Clarke
  (roles.POSSESSOR_NOT_SUBJECT);
- words that frame a question ("react", "finally name") need no article to write them;
- a topic with a word no article writes is X's when X's statement is near it in MiniLM
  (support.MIN_PARAPHRASE);
- X's paraphrase answers with X's own words that follow it as a second evidence
  (routes.FOLLOWING_QUOTE);
- X who only "declined to comment" was never quoted (routes.NO_COMMENT).

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os
from functools import partial

import pytest
from claimgraph.qa import linking, roles, routes, support
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine, top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:s14"
PARAS = [
    "Vice President Joseph R. Biden Jr. spoke to students in Philadelphia on Tuesday.",
    "\u201cTell that to the janitor in here who pays taxes,\u201d Mr. Biden said.",
    "His former business partner at Lenox, Lawrence Cummings, called Mr. Clarke a master at "
    "bolting together deals.",
    "Mr. Clarke said the mine would stay open. \u201cCoal isn't the villain,\u201d he said. "
    "\u201cThe villain is excess carbon dioxide in the atmosphere.\u201d",
    "Hill said the new parking rules downtown were a mistake. \u201cThey will empty our streets "
    "and close half the shops by winter,\u201d Hill said.",
    "Jim Justice, who owns the mines, declined to comment.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:biden": {"en": ["Joseph R. Biden Jr", "Biden"], "zh": []},
          "ex:cummings": {"en": ["Lawrence Cummings"], "zh": []},
          "ex:clarke": {"en": ["Tom Clarke", "Clarke"], "zh": []},
          "ex:lenox": {"en": ["Lenox"], "zh": []},
          "ex:hill": {"en": ["Ann Hill", "Hill"], "zh": []},
          "ex:justice": {"en": ["Jim Justice", "Justice"], "zh": []}}
TYPES = {"ex:biden": "Person", "ex:cummings": "Person", "ex:clarke": "Person",
         "ex:lenox": "Organization", "ex:hill": "Person", "ex:justice": "Person"}


@pytest.fixture(scope="module")
def engine():
    ev = partial(evidence, TEXT, ART)
    stmts = [
        claim(LABELS, ev, "ex:biden", "said", "\u201cTell that to the janitor in here who pays "
              "taxes,\u201d", PARAS[1]),
        claim(LABELS, ev, "ex:cummings", "called", "Mr. Clarke a master at bolting together deals",
              PARAS[2], ("ex:clarke", "ex:lenox")),
        claim(LABELS, ev, "ex:clarke", "said", "the mine would stay open",
              "Mr. Clarke said the mine would stay open."),
        claim(LABELS, ev, "ex:clarke", "said", "\u201cCoal isn't the villain,\u201d \u201cThe "
              "villain is excess carbon dioxide in the atmosphere.\u201d",
              "\u201cCoal isn't the villain,\u201d he said."),
        claim(LABELS, ev, "ex:hill", "said", "the new parking rules downtown were a mistake",
              "Hill said the new parking rules downtown were a mistake."),
        claim(LABELS, ev, "ex:hill", "said", "\u201cThey will empty our streets and close half "
              "the shops by winter,\u201d", "\u201cThey will empty our streets and close half "
              "the shops by winter,\u201d Hill said."),
        claim(LABELS, ev, "ex:justice", "declined", "to comment", PARAS[5]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def _speaker(res: dict) -> str:
    return top(res)["speaker"]["iri"]


@pytest.mark.slow
def test_a_short_given_name_is_the_person(engine, monkeypatch):
    q = "What did Joe Biden say about taxes?"
    assert _speaker(engine.ask(q)) == "ex:biden"
    assert engine.ask("What did Jill Biden say about taxes?")["abstained"]  # another Biden
    monkeypatch.setattr(linking, "HYPOCORISMS", 0)
    assert engine.ask(q)["abstained"]


def test_same_given_names():
    from claimgraph.extract.names import same_given_names

    assert {"joe", "joseph"} <= same_given_names("joe")
    assert "bill" in same_given_names("william")
    assert same_given_names("xavier") == frozenset({"xavier"})


@pytest.mark.parametrize(("q", "x"), [
    ("Which network does Chris Matthews host for?", "Chris Matthews"),
    ("Which publication is Dan McLaughlin with?", "Dan McLaughlin"),
    ("At which law firm is Kevin Barrett a lawyer?", "Kevin Barrett"),
    ("What is Chandler Van Voorhis's connection to C2I?", "Chandler Van Voorhis"),
    ("Where is Steven M. Rosenthal a senior fellow?", "Steven M. Rosenthal"),
])
def test_affiliation_question_forms(q, x):
    r = route(q)
    assert (r.name, r.subject) == ("membership", x)


def test_a_noun_before_the_say_verb_is_what_was_said():
    r = route("What precedent did the Tax Policy Center fellow say Trump should follow?")
    assert (r.name, r.subject) == ("say", "Tax Policy Center fellow")
    assert "precedent" in r.topic
    assert route("What kind of advice did Obama give?").name == "say"  # as before


def test_whom_x_named_is_what_x_said():
    r = route("Whom did Matthews finally name as the winner of the night?")
    assert (r.name, r.subject) == ("say", "Matthews")
    assert r.topic.startswith("name as the winner")
    # a person X named in what X said: the open route, as before
    assert route("Who did Trump say he would consider naming to the Supreme Court?").name == "general"
    assert route("Who did the police arrest?").name == "general"  # no speech verb
    r = route("How did Matthews expect Pence's performance to affect Trump's standing?")
    assert (r.name, r.subject) == ("say", "Matthews")


@pytest.mark.slow
def test_a_person_described_by_a_possessive(engine, monkeypatch):
    q = "What did Clarke's former business partner at Lenox say about his deals?"
    assert _speaker(engine.ask(q)) == "ex:cummings"
    res = engine.ask("What did Clarke's lawyer say?")  # no one: not Clarke
    assert res["abstained"] or _speaker(res) != "ex:clarke"
    monkeypatch.setattr(roles, "POSSESSOR_NOT_SUBJECT", 0)
    assert _speaker(engine.ask("What did Clarke's lawyer say?")) == "ex:clarke"
    monkeypatch.setattr(roles, "OWNER_POSSESSIVE", 0)
    res = engine.ask(q)
    assert res["abstained"] or _speaker(res) != "ex:cummings"


@pytest.mark.slow
def test_a_framing_word_is_no_key_word(engine):
    assert "react" in support.GENERIC and "finally" in support.GENERIC
    assert not engine._unknown_words("How did Biden react to the remark?")


@pytest.mark.slow
def test_a_paraphrased_topic_is_answered(engine, monkeypatch):
    q = "What does Clarke see as the real enemy in the climate fight?"  # "enemy": no article
    res = engine.ask(q)
    assert any("villain" in e["quote"] for a in res["answers"] for e in a["evidence"]), res
    assert engine.ask("What did Clarke say about the price of bread?")["abstained"]
    monkeypatch.setattr(support, "MIN_PARAPHRASE", 1.0)
    assert engine.ask(q)["abstained"]


@pytest.mark.slow
def test_a_paraphrase_shows_the_quote_after_it(engine, monkeypatch):
    q = "What did Hill say about the parking rules?"
    ans = top(engine.ask(q))
    assert "mistake" in ans["text"]
    assert len(ans["evidence"]) == 2 and "empty our streets" in ans["evidence"][1]["quote"]
    monkeypatch.setattr(routes, "FOLLOWING_QUOTE", 0)
    assert len(top(engine.ask(q))["evidence"]) == 1


@pytest.mark.slow
def test_declining_to_comment_is_no_statement(engine, monkeypatch):
    q = "What did Jim Justice say about the mines?"
    assert "never quoted" in engine.ask(q)["reason"]
    monkeypatch.setattr(routes, "NO_COMMENT", 0)
    res = engine.ask(q)
    assert not res["abstained"] or "never quoted" not in res["reason"]

"""Classes of QA failure found on blind-written question sets (session 9):

* a given name the articles write alone, before the surname of a person whose names lack
  it ("Melania Trump" where the articles write "a photo of Melania" and "Donald Trump"),
  is another person of that family, not in the graph;
* a topic X's claims paraphrase ("the ruling" for "Friday's decision") is theirs when the
  claims are clearly nearer it than made-up topics ("the weather", "tennis");
* "Who will X face?" asks for someone to come: a sentence without a future marker before
  the verb asked about ("Cruz is facing a reelection fight in 2018") names no one.

The linker test is fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.linking import Linker
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:s9"
PARAS = [
    "Donald Trump retweeted a photo of Heidi Cruz contrasted with a photo of Melania.",
    "Ted Cruz is facing a reelection fight in 2018, and talk had been mounting about a "
    "Republican challenging him in the primary, chatter that may simmer down now that Cruz has "
    "endorsed Trump.",
    "Trump said Cruz would endorse Mike Lee next month.",
    "A federal appeals court ruled Friday that Ohio's purge of voters is illegal. The ruling "
    "came after a lawsuit.",
    "David Pepper is the Ohio Democratic Party chairman. \"The decision reaffirms a basic "
    "principle: voters shouldn't lose their right to vote simply because they vote "
    "infrequently,\" he said in a statement.",
]
LABELS = {"ex:trump": {"en": ["Donald Trump", "Trump"], "zh": []},
          "ex:heidi": {"en": ["Heidi Cruz"], "zh": []},
          "ex:cruz": {"en": ["Ted Cruz", "Cruz"], "zh": []},
          "ex:lee": {"en": ["Mike Lee"], "zh": []},
          "ex:pepper": {"en": ["David Pepper"], "zh": []}, "ex:ohio": {"en": ["Ohio"], "zh": []},
          # the extractor may type a lone given name wrongly (a place): no person of the graph
          "ex:melania": {"en": ["Melania"], "zh": []}}
TYPES = {"ex:trump": "Person", "ex:heidi": "Person", "ex:cruz": "Person", "ex:lee": "Person",
         "ex:pepper": "Person", "ex:ohio": "Place",
         "ex:melania": "Place"}


def _claims() -> list[Statement]:
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    return [
        claim(LABELS, ev, "ex:trump", "retweeted", "a photo of Heidi Cruz contrasted with a photo "
              "of Melania", PARAS[0], ("ex:heidi", "ex:melania")),
        claim(LABELS, ev, "ex:trump", "said", "Cruz would endorse Mike Lee next month",
              PARAS[2], ("ex:cruz", "ex:lee")),
        claim(LABELS, ev, "ex:pepper", "said", "\"The decision reaffirms a basic principle: voters "
              "shouldn't lose their right to vote simply because they vote infrequently,\"",
              "\"The decision reaffirms a basic principle: voters shouldn't lose their right to vote "
              "simply because they vote infrequently,\" he said in a statement."),
    ]


def test_a_given_name_written_alone_before_another_persons_surname():
    lk = Linker(LABELS, TYPES, PARAS)
    q = "What did Melania Trump say about Heidi Cruz?"
    assert lk.unknown_names(q, lk.link(q)) == ["Melania Trump"]
    for q in ("What did Donald Trump say about Heidi Cruz?", "What did Heidi Cruz say?",
              "What did Trump say about Melania?"):
        assert lk.unknown_names(q, lk.link(q)) == [], q


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine(_claims(), LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_given_name_of_another_family_member_is_refused(engine):
    res = engine.ask("What did Melania Trump say about Heidi Cruz?")
    assert res["abstained"]
    res = engine.ask("What did Donald Trump say about Heidi Cruz?")
    assert any("Heidi" in a["text"] for a in res["answers"]), res.get("reason")


@pytest.mark.slow
def test_who_will_needs_a_future_marker(engine):
    assert engine.ask("Who will Cruz face in the 2018 primary?")["abstained"]
    top = _top(engine.ask("Who will Cruz endorse?"))
    assert "Mike Lee" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_paraphrased_topic_is_nearer_than_made_up_ones(engine):
    top = _top(engine.ask("What did David Pepper say about the ruling?"))
    assert top["speaker"]["label"] == "David Pepper"
    for t in ("the weather", "gardening", "jazz"):
        assert engine.ask(f"What did David Pepper say about {t}?")["abstained"], t

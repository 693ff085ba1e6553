"""Question answering on news text: what X told Y, actions taken for cues, counts for
how-many questions, irregular verb forms and numbers as the question's words.

The helper tests are fast; the engine tests embed a hand-built snapshot with the
packaged MiniLM, so they are marked slow.
"""

from __future__ import annotations

import os
import re
from functools import partial

import pytest
from claimgraph.qa.routes import ADDRESSING, COUNT, _count_of, cue_word, speech_cue
from claimgraph.qa.support import forms, lemmas
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import blob as _blob
from qa_handbuilt import claim as handbuilt_claim
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


# ---- helpers (fast) ----------------------------------------------------------------------

def _claim(cue: str, content: str, head: str = "Ann Lee") -> Statement:
    return Statement("claim", f"{head} {cue}: {content}", f"{cue} {content}",
                     {"iri": "ex:x", "label": head})


def test_irregular_forms_are_one_word():
    assert forms("make") == forms("made") == {"make", "made"}
    assert {"sell", "sold"} <= forms("sold")
    assert {"rise", "rose"} <= forms("rose")
    assert forms("2015") == {"2015"}  # a year is a word written alike
    assert "tell" in lemmas("told") and "see" in lemmas("saw")
    assert lemmas("grilled") == frozenset()


def test_an_action_is_no_speech_cue():
    assert not speech_cue(_claim("grilled", "Acme Bank CEO Bo Chen on Tuesday"))
    assert not speech_cue(_claim("attempting", "to push a bill through the Senate"))
    assert not speech_cue(_claim("appeared", "to blame low-level workers"))
    for cue in ("said", "told", "stating", "warned", "saw", "views", "declined", "analysis",
                "suggests", "criticized", "explaining"):
        assert speech_cue(_claim(cue, "that the plan will fail")), cue
    # no cue at all (the claim is its content), or a capitalized word: not judged
    no_cue = Statement("claim", "Ann Lee said: The plan will fail", "The plan will fail",
                       {"iri": "ex:x", "label": "Ann Lee"})
    assert cue_word(no_cue) == "" and speech_cue(no_cue)


def test_counts_and_amounts():
    assert _count_of("― 5,300 employees were fired", "employe") == 2
    assert _count_of("Twenty-nine people were injured", "people") == 2
    assert _count_of("the firings amounted to 1 percent of 100,000 retail bankers", "employe") == 1
    assert _count_of("it had fired the thousands of employees from 2011 to 2016", "employe") == 0
    assert COUNT.search("Chen made $19.3 million in 2015.")
    assert not COUNT.search("at 8:30 p.m. on Sunday in 2016")


def test_addressing_cue():
    pat = re.compile(ADDRESSING + r"(?:Bo Chen|Chen)\b")
    assert pat.search("“You should resign,” Lee told Chen, after he admitted it")
    assert pat.search("Lee told Acme Bank CEO Bo Chen that he should resign")
    assert pat.search("she said to Mr. Chen")
    assert not pat.search("Ann Lee grilled Acme Bank CEO Bo Chen on Tuesday")
    assert not pat.search("Lee told reporters Chen should resign")


# ---- a hand-built news snapshot (slow: MiniLM) -----------------------------------------------

ART = "ex:hearing"
PARAS = [
    "Senator Ann Lee grilled Acme Bank CEO Bo Chen on Tuesday for his role in a scheme in which "
    "bankers opened accounts for customers without their knowledge.",
    "\u201cYou should resign and give back the money,\u201d Lee told Chen.",
    "\u201cIt is gutless leadership,\u201d Lee said.",
    "Lee said Acme Bank CEO Bo Chen had failed the customers of his bank.",
    "Acme Bank said that it had fired thousands of employees from 2011 to 2016 for the practice. "
    "It raised its reserve for legal costs to $1.7 billion.",
    "Last week Chen appeared to blame low-level workers for the scheme, which was widespread "
    "throughout the bank \u2015 5,300 employees were fired for their involvement.",
    "Chen made $19.3 million in 2015.",
    "Senate leader Max Ruiz is attempting to push a bill with similar terms through the Senate.",
    "The regulator fined the bank $185 million.",
]
TEXT = "\n".join(PARAS)


def _ev(phrase: str) -> dict:
    return evidence(TEXT, ART, phrase)


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []},
              "ex:chen": {"en": ["Bo Chen", "Chen"], "zh": []},
              "ex:acme": {"en": ["Acme Bank"], "zh": []},
              "ex:ruiz": {"en": ["Max Ruiz", "Ruiz"], "zh": []},
              "ex:senate": {"en": ["Senate"], "zh": []}}
    types = {"ex:lee": "Person", "ex:chen": "Person", "ex:acme": "Organization",
             "ex:ruiz": "Person", "ex:senate": "Organization"}

    claim = partial(handbuilt_claim, labels, _ev)

    stmts = [
        claim("ex:lee", "grilled", "Acme Bank CEO Bo Chen on Tuesday for his role in a scheme",
              PARAS[0], ("ex:chen", "ex:acme")),
        claim("ex:lee", "told", "\u201cYou should resign and give back the money,\u201d", PARAS[1],
              ("ex:chen",)),
        claim("ex:lee", "said", "\u201cIt is gutless leadership,\u201d", PARAS[2]),
        claim("ex:lee", "said", "Acme Bank CEO Bo Chen had failed the customers of his bank",
              PARAS[3], ("ex:chen", "ex:acme")),
        claim("ex:acme", "said", "that it had fired thousands of employees from 2011 to 2016 for "
              "the practice", PARAS[4].split(" It raised")[0]),
        Statement("fact", "$1.7 billion its reserve: It raised its reserve for legal costs to $1.7 "
                  "billion.", "$1.7 billion: It raised its reserve for legal costs to $1.7 billion.",
                  None, [_ev("It raised its reserve for legal costs to $1.7 billion.")]),
        Statement("affiliation", "Bo Chen is CEO at Acme Bank", "Bo Chen is CEO at Acme Bank",
                  {"iri": "ex:chen", "label": "Bo Chen"}, [_ev(PARAS[0])], ("ex:chen", "ex:acme"),
                  ("ex:acme",), "CEO"),
        claim("ex:chen", "appeared", "to blame low-level workers for the scheme", PARAS[5]),
        claim("ex:ruiz", "attempting", "to push a bill with similar terms through the Senate",
              PARAS[7], ("ex:senate",)),
    ]
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_what_x_told_y_is_what_was_said_to_y(engine):
    top = _top(engine.ask("What did Ann Lee tell Bo Chen?"))
    assert "resign" in top["text"] and top["speaker"]["label"] == "Ann Lee"


@pytest.mark.slow
def test_an_action_ranks_below_what_x_said(engine):
    res = engine.ask("What did Ann Lee say?")
    assert not res["answers"][0]["text"].startswith("grilled")
    assert all(not a["text"].startswith("grilled") for a in res["answers"][:2])


@pytest.mark.slow
def test_only_actions_is_never_quoted(engine):
    res = engine.ask("What did Max Ruiz say about the bill?")
    assert res["abstained"] and "never quoted" in res["reason"]


@pytest.mark.slow
def test_how_many_prefers_a_count_of_the_noun(engine):
    assert "5,300" in _blob(_top(engine.ask("How many employees were fired?")))


@pytest.mark.slow
def test_an_irregular_verb_and_a_year_are_shared_words(engine):
    assert "19.3 million" in _blob(_top(engine.ask("How much did Chen make in 2015?")))


@pytest.mark.slow
def test_it_after_an_organization_with_person_members(engine):
    # Acme Bank's CEO is a person; "It raised its reserve" still speaks for the bank
    res = engine.ask("What did Acme Bank say about its reserve for legal costs?")
    assert any("1.7 billion" in a["text"] for a in res["answers"]), res

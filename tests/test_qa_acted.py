"""What did X <verb>, X never quoted: a sentence that writes the verb with X as its subject
("Acme and Globex, ..., which together vowed to cut emissions") or agent ("were rejected
by the Rights Council") answers, credited to X; a plain "say" still finds X never quoted.
And a short verb's past tense is a form of it for the word tests ("vow" / "vowed").

The forms test is fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.support import forms
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_a_short_verbs_past_tense():
    assert "vowed" in forms("vow") and "voted" in forms("vote") and "fired" in forms("fire")
    assert "holde" not in forms("hold")  # "holders" is no form of "hold"


ART = "ex:acted"
PARAS = [
    "Much of the impetus for the deal came from Acme and Globex, the two biggest polluters, "
    "which together vowed to cut emissions in half.",
    "Calls to establish a commission to investigate the spill were rejected by the Rights "
    "Council in 2015.",
    "\"The deal is weak,\" Ann Lee said.",
]
LABELS = {"ex:acme": {"en": ["Acme"], "zh": []}, "ex:globex": {"en": ["Globex"], "zh": []},
          "ex:rc": {"en": ["Rights Council"], "zh": []}, "ex:lee": {"en": ["Ann Lee"], "zh": []}}
TYPES = {"ex:acme": "Organization", "ex:globex": "Organization", "ex:rc": "Organization",
         "ex:lee": "Person"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:lee", "said", "The deal is weak", PARAS[2])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_what_x_did_is_the_sentence_saying_so(engine):
    top = _top(engine.ask("What did Acme and Globex vow?"))
    assert "cut emissions" in top["evidence"][0]["quote"] and "Acme" in top["speaker"]["label"]
    top = _top(engine.ask("What did the Rights Council reject in 2015?"))
    assert "commission" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_what_x_said_is_still_never_quoted(engine):
    res = engine.ask("What did Acme say about the deal?")
    assert res["abstained"] and "never quoted" in res["reason"]
    assert engine.ask("What did the Rights Council approve?")["abstained"]

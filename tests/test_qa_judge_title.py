""""What did the judge say?" is the person the article titles Justice ("Manhattan Supreme
Court Justice Frank Nervo") or Judge (names.TITLE_ABBREVIATIONS).

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os
from functools import partial

import pytest
from qa_handbuilt import claim, evidence, handbuilt_engine, top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:court"
PARAS = [
    "Manhattan Supreme Court Justice Frank Nervo rejected the request on Thursday.",
    "Nervo wrote that the court would not inject itself into the political process.",
    "Judge Ann Moss of the appeals court said the county must pay the contractor in full.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:nervo": {"en": ["Frank Nervo"], "zh": []}, "ex:moss": {"en": ["Ann Moss"], "zh": []}}
TYPES = {"ex:nervo": "Person", "ex:moss": "Person"}


@pytest.fixture(scope="module")
def engine():
    ev = partial(evidence, TEXT, ART)
    stmts = [
        claim(LABELS, ev, "ex:nervo", "wrote", "the court would not inject itself into the "
              "political process", PARAS[1]),
        claim(LABELS, ev, "ex:moss", "said", "the county must pay the contractor in full", PARAS[2]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def test_the_judge_is_titled_justice(engine):
    assert engine._titled("judge") == {"ex:nervo", "ex:moss"}
    ans = top(engine.ask("What did the judge say about the political process?"))
    assert ans["speaker"]["iri"] == "ex:nervo"

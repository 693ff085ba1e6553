"""How-many questions answered by a count of something else: "How many jobs has the
program created?" is not answered by "About 10,000 visas are awarded annually" (every
number of the best answer counts another noun, far from "jobs" in MiniLM); "5,300
employees" still answers "How many workers ...", and a number standing alone ("killing
more than 10,000.") may count what was asked.

The helper tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import _counts_other
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_what_a_sentence_counts():
    visas = "About 10,000 visas are awarded annually, to investors who make up 80 percent."
    assert _counts_other(visas, ["jobs"]) == ["visas", "percent"]
    assert _counts_other(visas, ["visa"]) == []
    assert _counts_other("It was blamed for killing more than 10,000.", ["people"]) == []
    assert _counts_other("Twenty-nine were injured tonight.", ["people"]) == []
    assert _counts_other("The program has grown rapidly.", ["jobs"]) == []


ART = "ex:counts"
PARAS = [
    "The XB-7 program was created to bring jobs to rural areas and has grown rapidly. About "
    "10,000 visas are awarded annually under the XB-7 program, mostly to investors from "
    "abroad, who make up 80 percent of applicants.",
    "The Acme bank said it fired 5,300 employees over the XB-7 accounts scheme.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:xb7": {"en": ["XB-7"], "zh": []}, "ex:acme": {"en": ["Acme"], "zh": []}}
    types = {"ex:xb7": "Organization", "ex:acme": "Organization"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_a_count_of_something_else_is_refused(engine):
    res = engine.ask("How many jobs has the XB-7 program created?")
    assert res["abstained"], res["answers"][:1]


@pytest.mark.slow
def test_a_count_of_the_noun_or_a_near_one_answers(engine):
    top = _top(engine.ask("How many XB-7 visas are awarded each year?"))
    assert "10,000" in top["evidence"][0]["quote"]
    top = _top(engine.ask("How many workers were fired by the Acme bank?"))
    assert "5,300" in top["evidence"][0]["quote"]

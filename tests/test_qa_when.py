"""When-questions: the best sentence must give a time ("Thursday", "last year", "next
month"), else the engine abstains, as a how-many question with no number does.

The DATE test is fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import DATE
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_times_a_sentence_may_give():
    for t in ("voted Thursday", "last year", "next month", "later this year", "six weeks before the "
              "vote", "a decade ago", "in the 1990s", "at 8:30 p.m.", "on Jan. 1", "in 2015"):
        assert DATE.search(t), t
    for t in ("The budget requires approval by the full council.", "the last few", "one year",
              "this committee", "EB-5"):
        assert not DATE.search(t), t


ART = "ex:when"
PARAS = [
    "A city council panel voted Tuesday to hold the transit director in contempt.",
    "The transit budget requires approval by the full council.",
    "The mayor first proposed the transit plan last year.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:council": {"en": ["city council"], "zh": []}}
    types = {"ex:council": "Organization"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_a_when_question_is_answered_by_a_dated_sentence(engine):
    top = _top(engine.ask("When did the mayor propose the transit plan?"))
    assert "last year" in top["evidence"][0]["quote"]
    top = _top(engine.ask("When did the council panel vote on the transit director?"))
    assert "Tuesday" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_when_question_whose_best_sentence_gives_no_time_is_refused(engine):
    res = engine.ask("When will the full council vote on the transit budget?")
    assert res["abstained"] and "time" in res["reason"]

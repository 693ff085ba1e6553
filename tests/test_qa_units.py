"""Questions that name the unit of their answer ("How powerful was the test in kilotons?"):
a sentence giving a number of that unit answers, first; none giving one, the engine
abstains (a sentence about the test with no number is no answer).

The unit helpers are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import TIME_UNIT_ASKED, UNIT_ASKED, _gives_unit
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _unit(q: str) -> str | None:
    m = UNIT_ASKED.search(q) or TIME_UNIT_ASKED.match(q)
    return m.group("unit") if m else None


def test_the_unit_a_question_asks_for():
    assert _unit("How powerful was the test in kilotons?") == "kilotons"
    assert _unit("What did the bridge cost in U.S. dollars?") == "dollars"
    assert _unit("How long did the siege last in days?") == "days"
    assert _unit("What did Ann Lee say for the first time in years?") is None
    assert _unit("What happened in Seoul?") is None


def test_a_number_of_the_unit():
    assert _gives_unit("a yield of about 10 kilotons", "kilotons")
    assert _gives_unit("roughly three kilotons of TNT", "kilotons")
    assert _gives_unit("It cost $5 million.", "dollars")
    assert _gives_unit("Output rose 4.5% in May.", "percent")
    assert not _gives_unit("It may take several days to tell how powerful it was.", "kilotons")
    assert not _gives_unit("Ten people were hurt.", "kilotons")


ART = "ex:units"
PARAS = [
    "The latest test, the ministry said, was its biggest yet, although it may take several "
    "days to determine how powerful it was.",
    "The new bridge over the river cost $40 million and took three years to build.",
    "The old bridge was closed in 1990.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:ministry": {"en": ["ministry"], "zh": []}}
    types = {"ex:ministry": "Organization"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_a_unit_no_sentence_gives_is_refused(engine):
    res = engine.ask("How powerful was the latest test in kilotons?")
    assert res["abstained"] and "kilotons" in res["reason"]


@pytest.mark.slow
def test_a_unit_a_sentence_gives_answers(engine):
    top = _top(engine.ask("What did the new bridge cost in dollars?"))
    assert "$40 million" in top["evidence"][0]["quote"]

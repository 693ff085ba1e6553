"""Vote tallies: "What was the committee's vote on the resolution?" is a fact question
whose answer is a tally ("voted 19-15", "by a 2-to-1 vote", "unanimously"); a sentence
giving one ranks first among the numeric sentences.

The router and TALLY tests are fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from claimgraph.qa.routes import TALLY
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_a_vote_question_is_a_fact_question():
    assert route("What was the committee's vote on the contempt resolution?").name == "fact"
    assert route("What was the vote of the appeals court panel?").name == "fact"
    assert route("What was the final tally?").name == "fact"


def test_tallies():
    for t in ("voted 19-15 along party lines", "By a 2-to-1 vote,", "passed 52 to 48",
              "approved unanimously"):
        assert TALLY.search(t), t
    for t in ("from 2011 to 2016", "the 2015-16 season", "a 10-year-old", "the F-35", "EB-5",
              "rose 3-4 percent"):
        assert not TALLY.search(t), t


ART = "ex:tally"
PARAS = [
    "The Budget Committee voted 9-4 along party lines to send the budget resolution to the "
    "full council.",
    "The committee's vote on the budget resolution came after three hours of debate, said "
    "committee chairman Dan Fox.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:fox": {"en": ["Dan Fox"], "zh": []}}
    types = {"ex:fox": "Person"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_the_vote_is_its_tally(engine):
    top = _top(engine.ask("What was the committee's vote on the budget resolution?"))
    assert "9-4" in top["evidence"][0]["quote"]

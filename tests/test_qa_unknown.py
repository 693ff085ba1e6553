"""A question word no article uses: "How many people live in Burma?" ("live" in no article)
is answered by a plain count of the noun ("a country of 54 million"), while "How many people
died in the explosion?" is still refused when the article only says how many were injured.

Helper tests are fast; the engine tests embed a hand-built snapshot with MiniLM (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import _plain_count
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_plain_counts_and_counted_events():
    assert _plain_count("investment in the nation of 53 million people.", "people")
    assert _plain_count("Burma, a country of 54 million, voted.", "people")
    assert _plain_count("the 28,000 U.S. troops in South Korea", "troop")
    assert not _plain_count("Twenty-nine people were injured tonight", "people")
    assert not _plain_count("5,300 employees had opened accounts", "employee")
    assert not _plain_count("Burma, a country of 54 million, voted.", "troop")
    assert not _plain_count("growth of 3 percent", "people")


ART = "ex:unknown"
PARAS = [
    "Burma, a country of 54 million, held elections on Sunday.",
    "Twenty-nine people were injured tonight in Chelsea by an explosion.",
    "The explosion went off around 8:30 p.m. near a busy street, the police said.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:burma": {"en": ["Burma"], "zh": []}, "ex:chelsea": {"en": ["Chelsea"], "zh": []}}
    types = {"ex:burma": "Place", "ex:chelsea": "Place"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_an_unknown_verb_of_a_plain_count_is_excused(engine):
    top = _top(engine.ask("How many people live in Burma?"))
    assert "54 million" in top["text"]


@pytest.mark.slow
def test_an_unknown_verb_of_a_counted_event_is_not(engine):
    assert engine.ask("How many people died in the explosion?")["abstained"]
    top = _top(engine.ask("How many people were injured in the explosion?"))
    assert "Twenty-nine" in top["text"]

"""A fact question naming a role ("the secretary general post") is not about a named thing
every answer must name: "Six women and six men vied for the post" answers "How many women
vied for the secretary general post?" (entities still must be named: "How much gold does
China hold?" wants China in the sentence).

The engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:rolelink"
PARAS = [
    "Ann Lee has been secretary general of the Union since 2007. Her successor is to take "
    "over on Jan. 1.",
    "Six women and six men vied for the post, but the front-runners are men.",
    "Gold prices rose 5 percent last year.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:union": {"en": ["Union"], "zh": []},
              "ex:sg": {"en": ["secretary general"], "zh": []},
              "ex:china": {"en": ["China"], "zh": []}}
    types = {"ex:lee": "Person", "ex:union": "Organization", "ex:china": "Place"}  # a role: no type
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_a_role_named_by_the_question_need_not_be_named_by_the_answer(engine):
    top = _top(engine.ask("How many women vied for the secretary general post?"))
    assert "Six women" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_an_entity_named_by_the_question_must_be(engine):
    assert engine.ask("How much gold does China hold?")["abstained"]

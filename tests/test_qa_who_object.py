"""Who-questions whose verb takes a named person ("Who will succeed Ann Lee?", "Who
replaced X?"): the answer is someone else, so X's own statements and sentences naming no
one else do not answer; with no successor named, the engine abstains.

The engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:succeed"
PARAS = [
    "Ann Lee, the council's president, said she backed the idea of a woman succeeding her as "
    "president.",
    "Ms. Lee's successor as president is to take over on Jan. 1.",
    "Bob Ray will replace Dan Fox as the council's treasurer in March.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:ray": {"en": ["Bob Ray"], "zh": []},
          "ex:fox": {"en": ["Dan Fox"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:ray": "Person", "ex:fox": "Person"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:lee", "said", "she backed the idea of a woman succeeding her as "
                   "president", PARAS[0])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def test_the_route():
    assert route("Who will succeed Ann Lee as president?").name == "general"


@pytest.mark.slow
def test_no_successor_named_is_refused(engine):
    assert engine.ask("Who will succeed Ann Lee as president?")["abstained"]


@pytest.mark.slow
def test_a_named_successor_answers(engine):
    top = _top(engine.ask("Who will replace Dan Fox as treasurer?"))
    assert "Bob Ray" in top["evidence"][0]["quote"]

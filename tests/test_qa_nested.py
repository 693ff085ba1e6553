"""What did X say, when X is only inside another speaker's claim: "Democrats noted that
last year Dan Fox testified before the committee" is the Democrats' statement about Fox,
not Fox's report; "Dan Fox wrote to the committee that ..." in the article's voice stays
his. And "X invoked his rights" reports nothing X said.

The verb test is fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import REPORT_VERBS
from qa_handbuilt import claim, evidence, handbuilt_engine

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_invoking_a_right_is_no_report():
    assert "invoke" not in REPORT_VERBS and "testify" in REPORT_VERBS


ART = "ex:nested"
PARAS = [
    "Dan Fox said the city budget is balanced.",
    "Democrats repeatedly noted that last year Dan Fox testified before the ethics committee "
    "about the stadium contracts.",
    "In March, Dan Fox wrote to the ethics committee that the audit of the city budget was late.",
]
LABELS = {"ex:fox": {"en": ["Dan Fox"], "zh": []}, "ex:dems": {"en": ["Democrats"], "zh": []}}
TYPES = {"ex:fox": "Person", "ex:dems": "Organization"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:fox", "said", "the city budget is balanced", PARAS[0]),
             claim(LABELS, ev, "ex:dems", "noted", "that last year Dan Fox testified before the "
                   "ethics committee about the stadium contracts", PARAS[1], about=("ex:fox",))]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_report_nested_in_another_speakers_claim_is_not_x_s(engine):
    res = engine.ask("What did Dan Fox say about the stadium contracts?")
    quotes = [a["evidence"][0]["quote"] for a in res["answers"] if a["speaker"]
              and a["speaker"]["label"] == "Dan Fox"]
    assert not any("testified" in q for q in quotes), quotes
    # his own report in the article's voice still answers
    res = engine.ask("What did Dan Fox write to the ethics committee?")
    assert not res["abstained"] and "audit" in res["answers"][0]["evidence"][0]["quote"]

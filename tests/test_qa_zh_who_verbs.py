"""Chinese who-questions by any reporting verb ("谁批评了斯坦普夫?", "谁呼吁斯坦普夫辞职?"), as
the English route takes every verb of SAY_VERBS: the who_said route, the verb not a word the
answer must write ("criticize" in no article: "the question's key words are not in the
graph"), and the person named right after the verb asked about, not by ("Who criticized
Stumpf?" is not answered by Stumpf).

The router test is fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.mark.parametrize("question, topic", [
    ("谁批评了斯坦普夫?", "斯坦普夫"),
    ("谁指责富国银行?", "富国银行"),
    ("谁呼吁斯坦普夫辞职?", "斯坦普夫辞职"),
    ("谁说缅甸发生了巨大变化?", "缅甸发生了巨大变化"),  # as before
])
def test_a_reporting_verb_routes_a_who_question(question, topic):
    r = route(question)
    assert (r.name, r.topic) == ("who_said", topic)


ART = "ex:bank"
PARAS = [
    "Senator Ann Warren told Wells Fargo chief John Stumpf that he should resign over the "
    "scandal at the bank.",
    "John Stumpf said the bank had fired 5,300 employees who opened the accounts.",
]
LABELS = {"ex:warren": {"en": ["Ann Warren"], "zh": []},
          "ex:stumpf": {"en": ["John Stumpf"], "zh": []},
          "ex:wf": {"en": ["Wells Fargo"], "zh": []}}
TYPES = {"ex:warren": "Person", "ex:stumpf": "Person", "ex:wf": "Organization"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:warren", "told", "John Stumpf that he should resign over the "
                   "scandal at the bank", PARAS[0], about=("ex:stumpf",)),
             claim(LABELS, ev, "ex:stumpf", "said", "the bank had fired 5,300 employees who "
                   "opened the accounts", PARAS[1])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_who_criticized_x_is_answered_by_someone_else(engine):
    top = _top(engine.ask("谁批评了斯坦普夫?"))
    assert top["speaker"]["iri"] == "ex:warren"

"""A given name no article writes before a surname the graph holds is another person of
that family: "What did Michelle Obama say about the museum?" was answered by the graph's
Obama (the article writes "President Obama" and "Mr. Obama" only; first run of the
museum set). A title before the surname is no given name.

The engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:museum"
PARAS = ["President Obama said the museum tells an American story.",
         "Mr. Obama, who toured it with his family, spoke for half an hour."]
LABELS = {"ex:obama": {"en": ["Obama"], "zh": []}}
TYPES = {"ex:obama": "Person"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:obama", "said", "the museum tells an American story", PARAS[0])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["What did Michelle Obama say about the museum?",
                                      "What did Sasha Obama's aide say?"])
def test_another_given_name_is_another_person(engine, question):
    res = engine.ask(question)
    assert res["abstained"] and "not in the graph" in res["reason"]


@pytest.mark.slow
@pytest.mark.parametrize("question", ["What did President Obama say about the museum?",
                                      "What did Mr. Obama say about the museum?",
                                      "What did Obama say about the museum?"])
def test_a_title_or_the_surname_alone_is_the_graph_person(engine, question):
    assert "American story" in _top(engine.ask(question))["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_typo_of_a_written_given_name_is_no_other_person():
    paras = ["Stephen Roach said volatility would rise."]
    labels = {"ex:roach": {"en": ["Stephen Roach"], "zh": []}}
    text = paras[0]
    stmts = [claim(labels, lambda p: evidence(text, "ex:a", p), "ex:roach", "said",
                   "volatility would rise", paras[0])]
    eng = handbuilt_engine(stmts, labels, {"ex:roach": "Person"}, paras, "ex:a")
    assert "volatility" in _top(eng.ask("What did Stephan Roach say about volatility?"))["text"]

""""How did X respond to Y's attack on Z?": X's statements in the paragraph of, or the two
after, the other speaker's claim the question describes rank first, and the topic's words
(which describe what Y said) are not asked of X's statements (routes.RESPONSE_BONUS). A
made-up stimulus matches no claim well enough (RESPONSE_MIN) and changes nothing. And
"What figure did X give for Y?" is what X said, Y and the figure's words its topic.

The router tests are fast; the engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os

import pytest
from claimgraph.qa import routes
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:respond"
PARAS = [
    "Senator Ann Lee unveiled the power plant rules on Monday, saying they would cut emissions.",
    "Lee said the rules would create jobs in the solar industry.",
    "Another critic, Tom Fisk, a law professor who once taught Lee, attacked the power plant "
    "rules as \"burning the Constitution.\"",
    "Lee dismissed the criticism. \"You know, I like Tom,\" she said, \"but he has represented "
    "coal companies for years.\"",
    "Lee said the Paris agreement was the most important climate deal in history.",
    "Lee said the plan would bring 12,000 new positions to the state's solar industry by 2020.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []}, "ex:fisk": {"en": ["Tom Fisk", "Fisk"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:fisk": "Person"}


def _ev(sentence: str) -> dict:
    return evidence(TEXT, ART, sentence)


@pytest.fixture(scope="module")
def engine():
    stmts = [
        claim(LABELS, _ev, "ex:lee", "saying", "they would cut emissions", PARAS[0]),
        claim(LABELS, _ev, "ex:lee", "said", "the rules would create jobs in the solar industry", PARAS[1]),
        claim(LABELS, _ev, "ex:fisk", "attacked", "the power plant rules as \"burning the Constitution.\"",
              PARAS[2]),
        claim(LABELS, _ev, "ex:lee", "said", "\"You know, I like Tom,\" she said, \"but he has "
              "represented coal companies for years.\"", PARAS[3][len("Lee dismissed the criticism. "):]),
        claim(LABELS, _ev, "ex:lee", "said", "the Paris agreement was the most important climate deal "
              "in history", PARAS[4]),
        claim(LABELS, _ev, "ex:lee", "said", "the plan would bring 12,000 new positions to the state's "
              "solar industry by 2020", PARAS[5]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


Q = "How did Lee respond to the law professor's attack on the power plant rules?"


def test_a_response_is_what_x_said_right_after(engine, monkeypatch):
    ans = _top(engine.ask(Q))
    assert ans["speaker"]["label"] == "Ann Lee" and "I like Tom" in ans["text"]
    monkeypatch.setattr(routes, "RESPONSE_BONUS", 0)
    res = engine.ask(Q)
    assert res["abstained"] or "I like Tom" not in res["answers"][0]["text"]


def test_a_made_up_stimulus_adds_nothing(engine):
    res = engine.ask("How did Lee respond to the weather in Tokyo?")
    assert res["abstained"] or "I like Tom" not in res["answers"][0]["text"]


def test_a_figure_x_gave_is_what_x_said():
    r = route("What youth unemployment figure did Trump cite to black voters?")
    assert (r.name, r.subject, r.topic) == ("say", "Trump", "youth unemployment to black voters")
    r = route("What growth forecast did the IMF make for China?")
    assert (r.name, r.subject, r.topic) == ("say", "IMF", "growth China")
    # an act that is no number keeps its adjectives out of the topic
    assert route("What pointed advice did Obama give?").topic == ""


def test_a_figure_is_a_statement_with_a_number(engine, monkeypatch):
    q = "What jobs figure did Lee give for the solar industry?"
    assert "12,000" in _top(engine.ask(q))["text"]
    monkeypatch.setattr(routes, "QUANTITY_BONUS", 0)
    assert "12,000" not in _top(engine.ask(q))["text"]


def test_what_level_of_is_a_fact_question():
    assert route("What level of support does Trump have among black voters?").name == "fact"


def test_how_does_x_say():
    r = route("How does Trump say he would pay for the paid leave?")
    assert (r.name, r.subject, r.topic) == ("say", "Trump", "he would pay for the paid leave")
    r = route("How did Scott answer questions about whether he can raise enough money?")
    assert (r.name, r.subject) == ("say", "Scott")
    # "respond" keeps its own path (the engine's did_of with the response ranking)
    assert route("How did Stumpf respond to Warren?").name == "general"
    # the one quoted is a name right before the verb
    assert route("How did Trump respond when Clinton said he had paid no taxes?").name == "general"

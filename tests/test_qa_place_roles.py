""""What did Mexico's economy minister say?": the one person the articles describe as the
economy minister (or minister of the economy) near the place's name or adjective
(PLACE_POSSESSIVE); and a say topic the articles write whole, but nowhere near X's
statements, is not what X spoke of (WRITTEN_ELSEWHERE), however political both are.

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os

import pytest
from claimgraph.qa import roles, routes
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:placeroles"
PARAS = [
    "PolitiFact will have 18 fact-checkers working during the first presidential debate.",
    "The minister of the economy, Mr. Ana Ruiz, spoke in Mexico City on Monday.",
    "\"We must not overreact to campaign rhetoric,\" Ruiz told reporters.",
    "Canada's trade minister, Tom Lane, said the tariffs would hurt farmers.",
    "Raj Shah said that statements made by Republicans are far more scrutinized than those of "
    "Democrats.",
    "Mexico said it would retaliate against Christmas trees.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:pf": ["PolitiFact"], "ex:ruiz": ["Ana Ruiz", "Ruiz"], "ex:mexico": ["Mexico"],
          "ex:canada": ["Canada"], "ex:lane": ["Tom Lane"], "ex:shah": ["Raj Shah", "Shah"]}
LABELS = {i: {"en": v, "zh": []} for i, v in LABELS.items()}
TYPES = {"ex:pf": "Organization", "ex:ruiz": "Person", "ex:mexico": "Place", "ex:canada": "Place",
         "ex:lane": "Person", "ex:shah": "Person"}


def _ev(sentence: str) -> dict:
    return evidence(TEXT, ART, sentence)


@pytest.fixture(scope="module")
def engine():
    stmts = [
        claim(LABELS, _ev, "ex:pf", "announced", "it will have 18 fact-checkers working during the "
              "first presidential debate", PARAS[0]),
        claim(LABELS, _ev, "ex:ruiz", "told", "\"We must not overreact to campaign rhetoric,\"", PARAS[2]),
        claim(LABELS, _ev, "ex:lane", "said", "the tariffs would hurt farmers", PARAS[3]),
        claim(LABELS, _ev, "ex:shah", "said", "that statements made by Republicans are far more "
              "scrutinized than those of Democrats", PARAS[4]),
        claim(LABELS, _ev, "ex:mexico", "said", "it would retaliate against Christmas trees", PARAS[5]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def _subject(engine, q: str) -> list[str]:
    from claimgraph.qa.router import route

    _r, links = engine._role_links(q, route(q), engine.linker.link(q))
    return [lk.iri for lk in links]


def test_a_place_possessive_role(engine, monkeypatch):
    q = "What does Mexico's economy minister think about campaign rhetoric?"
    assert _subject(engine, q) == ["ex:ruiz"]
    assert _top(engine.ask(q))["speaker"]["label"] == "Ana Ruiz"
    # the place must be named in the description's paragraph: Canada's is no one here
    assert _subject(engine, "What did Canada's economy minister say about campaign rhetoric?") == ["ex:canada"]
    # a role alone after the place is anyone's
    assert _subject(engine, "What did Mexico's minister say?") == ["ex:mexico"]
    monkeypatch.setattr(roles, "PLACE_POSSESSIVE", 0)
    assert _subject(engine, q) == ["ex:mexico"]


def test_a_topic_written_elsewhere(engine, monkeypatch):
    assert engine.ask("What did Raj Shah say about the first presidential debate?")["abstained"]
    assert _top(engine.ask("What did Raj Shah say about Republicans?"))["speaker"]["label"] == "Raj Shah"
    monkeypatch.setattr(routes, "WRITTEN_ELSEWHERE", 0)
    assert not engine.ask("What did Raj Shah say about the first presidential debate?")["abstained"]

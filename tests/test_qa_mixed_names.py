"""A name written in Chinese part by sound, part by sense (坦帕湾时报: 坦帕 "Tampa" by sound,
湾 "bay", 时报 "Times"; 皮尤研究中心: Pew Research Center) links the one organization whose
label it fits (names.MIXED_NAMES); a sense-only or sound-only misfit links nothing.

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os

import pytest
from claimgraph.qa import names
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:mixed"
PARAS = [
    "The Tampa Bay Times said Trump lacked the temperament to be president.",
    "The Pew Research Center found that most voters watched the debate.",
    "The New York Times said the race had tightened.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:tbt": {"en": ["Tampa Bay Times"], "zh": []},
          "ex:pew": {"en": ["Pew Research Center"], "zh": []},
          "ex:nyt": {"en": ["New York Times"], "zh": []},
          "ex:trump": {"en": ["Donald Trump", "Trump"], "zh": []}}
TYPES = {"ex:tbt": "Organization", "ex:pew": "Organization", "ex:nyt": "Organization",
         "ex:trump": "Person"}


def _ev(sentence: str) -> dict:
    return evidence(TEXT, ART, sentence)


@pytest.fixture(scope="module")
def engine():
    stmts = [claim(LABELS, _ev, "ex:tbt", "said", "Trump lacked the temperament to be president", PARAS[0]),
             claim(LABELS, _ev, "ex:pew", "found", "that most voters watched the debate", PARAS[1]),
             claim(LABELS, _ev, "ex:nyt", "said", "the race had tightened", PARAS[2])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def test_mixed_names(engine):
    assert engine._mixed_name("《坦帕湾时报》") == ["ex:tbt"]
    assert engine._mixed_name("皮尤研究中心") == ["ex:pew"]
    # sense alone (纽约 is no sound of "New York" here: the dictionary names it) is another test's
    assert engine._mixed_name("巴尔的摩时报") == []  # Baltimore Times: no such entity
    assert engine._mixed_name("坦帕湾邮报") == []  # "Post" is no "Times"


def test_a_mixed_name_is_a_question_subject(engine, monkeypatch):
    ans = _top(engine.ask("《坦帕湾时报》对特朗普怎么看?"))
    assert ans["speaker"]["label"] == "Tampa Bay Times"
    monkeypatch.setattr(names, "MIXED_NAMES", 0)
    res = engine.ask("《坦帕湾时报》对特朗普怎么看?")
    assert res["abstained"] or res["answers"][0]["speaker"]["label"] != "Tampa Bay Times"

"""A Chinese topic around a name written in Latin letters ("查尔斯·格拉斯利对EB-5签证项目怎么看?"):
the speaker's statements naming EB-5 are about the topic when the Chinese words around it
gloss to words the articles use (签证项目 "visa project"). The gloss's MiniLM vector ("EB-5
visa certificate certify item project event") sat below the topic floor for every statement
of Grassley's, and the question was refused as "quoted, but not about EB-5签证项目".

The engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:visa"
PARAS = [
    "The EB-5 visa project lets foreign investors put money into American businesses.",
    "Charles Grassley said developers had used EB-5 funding to build luxury condos in wealthy "
    "neighborhoods.",
]
LABELS = {"ex:grassley": {"en": ["Charles Grassley"], "zh": []}, "ex:eb5": {"en": ["EB-5"], "zh": []}}
TYPES = {"ex:grassley": "Person", "ex:eb5": "Concept"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:grassley", "said", "developers had used EB-5 funding to build "
                   "luxury condos in wealthy neighborhoods", PARAS[1], about=("ex:eb5",))]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_latin_name_the_speaker_names_keeps_the_topic(engine):
    top = _top(engine.ask("查尔斯·格拉斯利对EB-5签证项目怎么看?"))
    assert "luxury condos" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_chinese_words_no_article_uses_still_refuse(engine):
    res = engine.ask("查尔斯·格拉斯利对EB-5的足球比赛怎么看?")  # "football match"
    assert res["abstained"]

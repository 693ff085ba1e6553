"""A Chinese say topic is one X spoke about only when X's paragraphs write a whole sense
of each of its words: 利率 "interest rates" is not written by "in the public interest",
房价 "house price" not by "the White House". The topic test counted any one gloss word
of a topic word, in any sentence of X's paragraphs, and half of a two-word topic was
enough (食品安全 "food safety" by "safety" alone), so made-up topics ("X对房价怎么看?")
were answered with whatever X said.

A say question in the English word order ("X说了什么关于Y?") keeps Y as its topic (it
routed as "what did X say", Y dropped), and a Chinese question naming a speaker in two
English words ("Ann Lee对利率怎么看?") routes by the Chinese patterns (it went to the
general route).

The router and gloss tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.gloss import sense_phrases
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_a_sense_is_all_of_its_words():
    assert ("interest", "rates") in sense_phrases("利率")
    assert ("house", "price") in sense_phrases("房价")
    assert ("interest",) not in sense_phrases("利率")


@pytest.mark.parametrize("question, subject, topic", [
    ("沃伦说了什么关于斯坦普夫?", "沃伦", "斯坦普夫"),
    ("沃伦讲了什么关于银行的问题?", "沃伦", "银行"),
    ("Ann Lee对利率怎么看?", "Ann Lee", "利率"),
    ("Ann Lee说了什么关于利率?", "Ann Lee", "利率"),
    ("沃伦说了什么?", "沃伦", ""),  # as before
])
def test_the_topic_after_the_verb_is_kept(question, subject, topic):
    r = route(question)
    assert (r.name, r.subject, r.topic) == ("say", subject, topic)


def test_an_english_question_naming_a_chinese_label_still_routes_in_english():
    r = route("What did 保罗·瑞安 say about the protests?")
    assert (r.name, r.subject, r.topic) == ("say", "保罗·瑞安", "the protests")


ART = "ex:senate"
PARAS = [
    "Senator Ann Lee said the sanctions had to stay in place in the public interest.",
    "Ann Lee said the White House had ignored the safety of its own staff, whatever the price.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee"], "zh": []},
          "ex:wh": {"en": ["White House"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:wh": "Organization"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:lee", "said", "the sanctions had to stay in place in the "
                   "public interest", PARAS[0]),
             claim(LABELS, ev, "ex:lee", "said", "the White House had ignored the safety of its "
                   "own staff, whatever the price", PARAS[1], about=("ex:wh",))]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Lee对利率怎么看?",  # interest rates: "interest" alone
    "Lee对房价怎么看?",  # house prices: "House" and "price" far apart
    "Lee对食品安全怎么看?",  # food safety: "safety" alone
    "Ann Lee对利率怎么看?",
    "Lee说了什么关于利率?",
])
def test_a_topic_written_in_part_is_refused(engine, question):
    res = engine.ask(question)
    assert res["abstained"], res["answers"][:1]


@pytest.mark.slow
def test_a_topic_x_wrote_is_answered(engine):
    for q in ("Lee对制裁怎么看?", "Ann Lee说了什么关于制裁?"):  # sanctions
        top = _top(engine.ask(q))
        assert "sanctions" in top["evidence"][0]["quote"]


# a topic naming an entity X's statements name, the rest in words the articles use
ART2 = "ex:tv"
PARAS2 = [
    "Of Russia, Ann Lee said their strategy was to create the appearance of being a "
    "legitimate source.",
    "Its channel broadcasts television programs in English around the world.",
]
LABELS2 = {"ex:lee": {"en": ["Ann Lee"], "zh": ["李安"]},
           "ex:russia": {"en": ["Russia"], "zh": []}}
TYPES2 = {"ex:lee": "Person", "ex:russia": "Place"}


@pytest.fixture(scope="module")
def engine2():
    text = "\n".join(PARAS2)

    def ev(phrase):
        return evidence(text, ART2, phrase)

    stmts = [claim(LABELS2, ev, "ex:lee", "said", "their strategy was to create the appearance of "
                   "being a legitimate source", PARAS2[0], about=("ex:russia",))]
    return handbuilt_engine(stmts, LABELS2, TYPES2, PARAS2, ART2)


@pytest.mark.slow
def test_a_chinese_name_in_the_topic_that_x_names_keeps_it(engine2):
    # 俄罗斯 -> Russia (the dictionary), 电视台 "television station": "television" is
    # written in the article, not in Lee's paragraph
    top = _top(engine2.ask("李安对俄罗斯电视台怎么看?"))
    assert "legitimate source" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_chinese_name_with_words_no_article_uses_still_refuses(engine2):
    assert engine2.ask("李安对俄罗斯足球比赛怎么看?")["abstained"]


def test_a_sense_of_alternatives_is_either_word():
    # 他 "he or him": "succeeding him" writes it; no sentence writes "he ... him" as one sense
    assert ("he",) in sense_phrases("他") and ("him",) in sense_phrases("他")

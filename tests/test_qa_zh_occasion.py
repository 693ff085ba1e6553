"""Chinese say questions found by the first runs of the immunity, museum and walkin sets:

* "X在Y上说了什么?" asks what X said at an occasion Y ("奥巴马总统在博物馆落成仪式上说了什么?"):
  Y is the topic (the whole "X在Y上" was the subject, and nothing ranked X's claims);
* a demonstrative pointing at the occasion carries no topic ("对这次行动日": 这 + 次, and
  次 glossed "next, sequence, second" was a topic word no paragraph writes);
* a dictionary sense naming something is written by its name: 共和党人 "a Republican party
  member" by "Republicans" (the whole sense was asked for, as "interest rates" must be).

The router and gloss tests are fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.gloss import gloss_words, sense_phrases
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.mark.parametrize("question, subject, topic", [
    ("奥巴马总统在博物馆落成仪式上说了什么?", "奥巴马总统", "博物馆落成仪式"),
    ("沃伦在听证会期间说了什么?", "沃伦", "听证会"),
    ("沃伦说了什么?", "沃伦", ""),  # as before
])
def test_an_occasion_is_the_topic(question, subject, topic):
    r = route(question)
    assert (r.name, r.subject, r.topic) == ("say", subject, topic)


def test_a_demonstrative_is_no_topic_word():
    assert [w for w, _ in gloss_words("这次行动日")] == ["行动"]
    assert [w for w, _ in gloss_words("此次会议")] == ["会议"]


def test_a_sense_naming_something_is_its_name():
    assert sense_phrases("共和党人") == (("republican",),)
    assert ("interest", "rates") in sense_phrases("利率")  # no name: every word


ART = "ex:panel"
PARAS = [
    "At the hearing, Rep. Ann Lee said the Republicans would stop at nothing to make "
    "political hay of the deals.",
    "The panel voted to hold the aide in contempt.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee"], "zh": ["李安"]}}
TYPES = {"ex:lee": "Person"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:lee", "said", "they would stop at nothing to make political "
                   "hay of the deals", PARAS[0])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_named_sense_in_x_paragraph_keeps_the_topic(engine):
    # "Republicans" in Lee's sentence; "Republican party member" nowhere
    top = _top(engine.ask("李安如何评价共和党人?"))
    assert "political hay" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_an_occasion_question_keeps_its_topic(engine):
    top = _top(engine.ask("李安在这次听证会上说了什么?"))  # "this hearing": 这次 is no word of it
    assert "political hay" in top["evidence"][0]["quote"]

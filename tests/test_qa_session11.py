"""A say question whose topic is a clause asking its object ("What did X say the birther
issue signals?", "... say he asked his staff to do after the leak?", "... say he had been
thinking about lately?"): the topic test judges the clause's content, not its grammar (a
pronoun subject, its auxiliaries, a verb relating it to what is asked, a stranded
preposition, "lately", an occasion); made-up content is still refused. "What did X tell Y
about Z?" has topic Z (Y, whom X told, ranks).

The router tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import clause_gist, route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_clause_gist():
    r = route("What did Gwen Moore say the birther issue signals?")
    assert (r.topic, r.gist) == ("the birther issue signals", "the birther issue")
    r = route("What did Kevin Sullivan say he asked his staff to do after the Trump tax leak?")
    assert r.gist == "his staff"
    assert route("What did Jim Clyburn say he had been thinking about lately?").gist == ""
    assert route("What did Jim Clyburn say he had been reading lately?").gist == "reading"
    assert route("What did Ann Lee say he had been thinking about football?").gist == "football"
    assert route("What did the spokesman say Trump's tax history shows?").gist == "Trump's tax history"
    # no clause: a topic after "about", a noun last, a topic before "about"
    for q in ("What did Obama say about the economic signals?", "What did Obama say the jobs?",
              "What did Obama say Tuesday about the bills?", "What does Obama think of the Democrats?"):
        assert route(q).gist is None, q
    assert clause_gist("about the economy") is None


def test_tell_y_about_z():
    r = route("What did Trump tell the Retired American Warriors about the condition of the military?")
    assert (r.topic, r.venue) == ("the condition of the military", "the Retired American Warriors")
    r = route("What did McCaskill tell Oz at the 2014 Senate hearing?")
    assert (r.topic, r.venue) == ("Oz", "at the 2014 Senate hearing")


ART = "ex:s11"
PARAS = [
    "Bob Trump repeated the birther claim on Friday.",
    "\"It is a dog whistle to all Americans, especially African-Americans,\" Rep. Ann Moore said Friday.",
    "Tax commissioner Tom Sullivan says he instructed staff Monday to check whether anyone "
    "illegally disclosed the information.",
    "\"I have been doing a lot of thinking recently about where we are as a country,\" said Jim Cole.",
    "Bob Trump spoke to the Retired American Warriors in Herndon, Virginia.",
    "Bob Trump told a veterans group that the U.S. military is \"depleted\".",
]
LABELS = {"ex:trump": {"en": ["Bob Trump"], "zh": []}, "ex:moore": {"en": ["Ann Moore"], "zh": []},
          "ex:sullivan": {"en": ["Tom Sullivan"], "zh": []}, "ex:cole": {"en": ["Jim Cole"], "zh": []}}
TYPES = {k: "Person" for k in LABELS}


def _claims():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    return [
        claim(LABELS, ev, "ex:trump", "repeated", "the birther claim", PARAS[0]),
        claim(LABELS, ev, "ex:moore", "said", "\"It is a dog whistle to all Americans, especially "
              "African-Americans,\"", PARAS[1]),
        claim(LABELS, ev, "ex:sullivan", "says", "he instructed staff Monday to check whether anyone "
              "illegally disclosed the information", PARAS[2]),
        claim(LABELS, ev, "ex:cole", "said", "\"I have been doing a lot of thinking recently about where "
              "we are as a country,\"", PARAS[3]),
        claim(LABELS, ev, "ex:trump", "told", "a veterans group that the U.S. military is "
              "\"depleted\"", PARAS[5]),
    ]


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine(_claims(), LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_clause_topic_is_judged_by_its_content(engine):
    for q, who, words in (
            ("What did Ann Moore say the birther issue signals?", "Ann Moore", "dog whistle"),
            ("What did Tom Sullivan say he asked his staff to do after the tax leak?", "Tom Sullivan",
             "instructed staff"),
            ("What did Jim Cole say he had been thinking about lately?", "Jim Cole", "thinking"),
            ("What did Bob Trump tell the Retired American Warriors about the condition of the U.S. military?",
             "Bob Trump", "depleted")):
        top = _top(engine.ask(q))
        assert top["speaker"]["label"] == who and words in top["text"], q


@pytest.mark.slow
def test_a_clause_about_nothing_x_said_is_refused(engine):
    for q in ("What did Ann Moore say the stock market signals?",
              "What did Jim Cole say he had been thinking about football?",
              "What did Jim Cole say he had been reading lately?",
              "What did Tom Sullivan say he asked his staff to do about bitcoin?",
              "What did Bob Trump tell the veterans group about interest rates?"):
        assert engine.ask(q)["abstained"], q

"""Chinese say questions in more of the forms people write them: X对Y有什么评价 / 作何评价,
X是怎么评价Y的, X如何评论Y, X认为Y会怎样 / 怎么样, X谈到了什么 (they went to the general
route); and a topic that is only a name written by sound (沃伦对斯坦普夫有什么评价?: 斯坦普夫,
Stumpf): X's statements naming that person are about it, as the English route's _naming has
it (the name's character-by-character gloss is noise: "quoted, but not about 斯坦普夫").

The router tests are fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.mark.parametrize("question, subject, topic", [
    ("沃伦对斯坦普夫有什么评价?", "沃伦", "斯坦普夫"),
    ("沃伦对斯坦普夫作何评价?", "沃伦", "斯坦普夫"),
    ("沃伦是怎么评价斯坦普夫的?", "沃伦", "斯坦普夫"),
    ("沃伦如何评论斯坦普夫?", "沃伦", "斯坦普夫"),
    ("国际货币基金组织认为美国经济会怎样?", "国际货币基金组织", "美国经济"),
    ("奥布斯特费尔德认为全球化怎么样?", "奥布斯特费尔德", "全球化"),
    ("沃伦谈到了什么?", "沃伦", ""),
    ("标准普尔对美国主权信用评级怎么看?", "标准普尔", "美国主权信用评级"),  # as before
])
def test_a_chinese_say_form_routes(question, subject, topic):
    r = route(question)
    assert (r.name, r.subject, r.topic) == ("say", subject, topic)


ART = "ex:bank"
PARAS = [
    "Senator Ann Warren told Wells Fargo chief John Stumpf that he should resign over the "
    "scandal at the bank.",
    "Ann Warren also said the bank had failed its customers for years.",
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
             claim(LABELS, ev, "ex:warren", "said", "the bank had failed its customers for years",
                   PARAS[1])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_topic_that_is_a_name_by_sound_is_what_x_said_of_that_person(engine):
    top = _top(engine.ask("沃伦对斯坦普夫有什么评价?"))
    assert "should resign" in top["evidence"][0]["quote"]

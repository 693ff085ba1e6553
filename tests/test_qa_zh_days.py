"""The days a Chinese question may be asked from (今天, 今日, 最近: "today", "recently") carry no
topic: the gloss drops them, as it drops question words and particles, so the topic tests do
not look for "today" in the speaker's statements ("迈克尔·麦克福尔对今日俄罗斯电视台怎么看?" was
refused: "today" / "russia" / "television station", one of three in McFaul's paragraph)."""

from __future__ import annotations

import pytest
from claimgraph.qa.gloss import dictionary, gloss_words

pytestmark = pytest.mark.skipif(not dictionary(), reason="CC-CEDICT not installed")


@pytest.mark.parametrize("question, dropped", [
    ("麦克福尔今天说了什么?", "今天"),
    ("麦克福尔对今日俄罗斯电视台怎么看?", "今日"),
    ("麦克福尔最近对美元怎么看?", "最近"),
])
def test_a_day_word_is_no_topic(question, dropped):
    words = [w for w, _ in gloss_words(question)]
    assert dropped not in words and words


def test_the_other_words_keep_their_glosses():
    words = dict(gloss_words("麦克福尔对今日俄罗斯电视台怎么看?"))
    assert "russia" in words["俄罗斯"] and "television" in words["电视台"]

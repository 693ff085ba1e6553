"""A Chinese topic that names an entity ("IMF对美国经济增长怎么看?", 美国 linked to the U.S.
through the dictionary): the speaker's statements naming it rank first. A Chinese topic has no
BM25, so the article's "U.S." gets no credit from the gloss's "united states usa us"; the IMF's
"estimate of global growth" ranked above "lowering its forecast for U.S. growth".

The engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:growth"
PARAS = [
    "Acme held its estimate of global economic growth steady at 3.1 percent this year, it said.",
    "Acme announced that it is lowering its forecast for U.S. output this year to 1.6 percent.",
]
ELABELS = {"ex:fund": {"en": ["Acme"], "zh": []}, "ex:us": {"en": ["U.S."], "zh": []}}
ETYPES = {"ex:fund": "Organization", "ex:us": "Place"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    # the statement about global growth is nearer the gloss ("united states usa us economic
    # growth"); the one naming the U.S. answers
    stmts = [claim(ELABELS, ev, "ex:fund", "said", "its estimate of global economic growth steady "
                   "at 3.1 percent this year", PARAS[0]),
             claim(ELABELS, ev, "ex:fund", "announced", "that it is lowering its forecast for "
                   "U.S. output this year to 1.6 percent", PARAS[1], about=("ex:us",))]
    return handbuilt_engine(stmts, ELABELS, ETYPES, PARAS, ART)


@pytest.mark.slow
def test_a_chinese_topic_naming_a_place_ranks_the_statement_naming_it_first(engine):
    top = _top(engine.ask("Acme 对美国经济增长怎么看?"))
    assert "U.S. output" in top["evidence"][0]["quote"]

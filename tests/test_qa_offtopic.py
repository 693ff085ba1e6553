"""Off-topic questions that share only a name, or a word like a name, with a sentence:
"What is the capital of Utah?" over an article about a Utah congressman and the Capitol.
A lower-case English word is not a typo of a one-word name, so "capital" stays a content
word the answer must write (and none does).

The linker tests are fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.linking import Linker
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:offtopic"
PARAS = [
    "\"Subpoenas are not optional,\" panel Chairman Rep. Dan Fox (R-Utah) said after the witness "
    "failed to appear.",
    "Congress could have the witness jailed at the Capitol, a power not used in a century.",
]
LABELS = {"ex:fox": {"en": ["Dan Fox"], "zh": []}, "ex:capitol": {"en": ["Capitol"], "zh": []},
          "ex:goldman": {"en": ["Goldman Sachs"], "zh": []}}
TYPES = {"ex:fox": "Person", "ex:capitol": "Place", "ex:goldman": "Organization"}


def test_a_lower_case_english_word_is_no_typo_of_a_one_word_name():
    lk = Linker(LABELS, TYPES, PARAS)
    assert lk.link("What is the capital of Utah?") == []
    # a misspelt name is still read as the name: not an English word, or capitalized,
    # or one word of a longer name
    assert [x.iri for x in lk.link("What happened at the Capitl?")] == ["ex:capitol"]
    assert [x.iri for x in lk.link("What did goldman sacks say?")] == ["ex:goldman"]


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:fox", "said", "Subpoenas are not optional", PARAS[0])]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_question_sharing_only_a_place_word_is_refused(engine):
    assert engine.ask("What is the capital of Utah?")["abstained"]
    top = _top(engine.ask("What did Dan Fox say about subpoenas?"))
    assert "not optional" in top["text"]

"""Cues that are actions, not statements: "the United States, Britain and France support
some opposition groups", "Ed Schultz supported Democrats", "members backed one warring
party" report no speech, so a speaker whose claims all have such cues was never quoted.

The lemma test is fast; the engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import SPEECH_LEMMAS
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_supporting_and_backing_are_no_speech():
    assert not {"support", "back"} & SPEECH_LEMMAS
    assert {"say", "criticize", "endorse"} <= SPEECH_LEMMAS


ART = "ex:actions"
PARAS = [
    "The Council's starkest failure has been over Syria, as its members support some "
    "opposition groups.",
    "\"The Council has failed Syria,\" Ann Lee said.",
]
LABELS = {"ex:council": {"en": ["Security Council"], "zh": []},
          "ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:syria": {"en": ["Syria"], "zh": []}}
TYPES = {"ex:council": "Organization", "ex:lee": "Person", "ex:syria": "Place"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [claim(LABELS, ev, "ex:council", "support", "some opposition groups", PARAS[0],
                   about=("ex:syria",)),
             claim(LABELS, ev, "ex:lee", "said", "The Council has failed Syria", PARAS[1],
                   about=("ex:syria",))]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_speaker_of_only_actions_was_never_quoted(engine):
    res = engine.ask("What did the Security Council say about Syria?")
    assert res["abstained"] and "never quoted" in res["reason"]
    top = _top(engine.ask("What did Ann Lee say about Syria?"))
    assert "failed Syria" in top["text"]

"""Question answering on news text: a verb the article words differently ("compare" for
"likened"), a quote opening its paragraph in the New York Times' '' style, what a newspaper
reported when the extractor credits the nested speaker.

The helper tests are fast; the engine tests embed a hand-built snapshot with the
packaged MiniLM, so they are marked slow.
"""

from __future__ import annotations

import os
from functools import partial

import pytest
from claimgraph.qa.engine import OPENS_QUOTE
from claimgraph.qa.router import route, said_of
from qa_handbuilt import blob as _blob
from qa_handbuilt import claim as handbuilt_claim
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


# ---- helpers (fast) ----------------------------------------------------------------------

def test_what_did_x_verb_y_is_what_x_said_about_y():
    assert route("What did Ann Lee compare Acme Bank to?").name == "general"
    r = said_of("What did Ann Lee compare Acme Bank to?")
    assert (r.name, r.subject, r.topic, r.rank) == ("say", "Ann Lee", "Acme Bank to",
                                                    "compare Acme Bank to")
    assert said_of("What did Ann Lee compare?").topic == ""  # no rest: the engine refuses it
    assert said_of("Who is Ann Lee?") is None


def test_quote_styles_open_a_paragraph():
    for q in ("\u201cNo,\u201d she said.", "\"No,\" she said.", "''No,'' she said.",
              "\u2018No,\u2019 she said.", "\u00abNo,\u00bb she said."):
        assert OPENS_QUOTE.match(q), q
    assert not OPENS_QUOTE.match("She said no.")
    assert not OPENS_QUOTE.match("'Tis the season, she said.")


# ---- a hand-built news snapshot (slow: MiniLM) -----------------------------------------------

ART = "ex:column"
PARAS = [
    "A passionate defender of the network, Mr. Ruiz likened Acme Bank to a public utility, in an "
    "interview last week.",
    "Mr. Ruiz said the network had never told him what to say about Acme Bank.",
    "Several former employees have complained. That was what Ann Lee said when she resigned from "
    "the bank in dramatic fashion in 2014.",
    "''I cannot be part of a bank that hides the truth from its customers,'' Ms. Lee told the "
    "audience.",
    "Still, The Daily Ledger reported at the time that the bank's chief, Bo Chen, told the staff "
    "that her statement was ''not in line with our policy.''",
    "The Daily Ledger said the bank's profits fell by half in the spring.",
    "Last week, I watched Max Ruiz on the Acme Bank Europe channel. His guest, the activist "
    "Eva Ortiz, called for the ratification of the treaty.",
]
TEXT = "\n".join(PARAS)


def _ev(phrase: str) -> dict:
    return evidence(TEXT, ART, phrase)


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:ruiz": {"en": ["Max Ruiz", "Ruiz"], "zh": []},
              "ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []},
              "ex:chen": {"en": ["Bo Chen", "Chen"], "zh": []},
              "ex:acme": {"en": ["Acme Bank"], "zh": []},
              "ex:ledger": {"en": ["Daily Ledger", "The Daily Ledger"], "zh": []},
              "ex:acme-eu": {"en": ["Acme Bank Europe"], "zh": []},
              "ex:ortiz": {"en": ["Eva Ortiz", "Ortiz"], "zh": []}}
    types = {"ex:ruiz": "Person", "ex:lee": "Person", "ex:chen": "Person",
             "ex:acme": "Organization", "ex:ledger": "Organization",
             "ex:acme-eu": "Organization", "ex:ortiz": "Person"}

    claim = partial(handbuilt_claim, labels, _ev)

    first = PARAS[2].split(" That was")[0]
    stmts = [
        claim("ex:ruiz", "likened", "Acme Bank to a public utility, in an interview last week",
              PARAS[0], ("ex:acme",)),
        claim("ex:ruiz", "said", "the network had never told him what to say about Acme Bank",
              PARAS[1], ("ex:acme",)),
        claim("ex:lee", "told", "''I cannot be part of a bank that hides the truth from its "
              "customers,''", PARAS[3]),
        # the extractor credits the nested speaker, not the newspaper that reported it
        claim("ex:chen", "told", "the staff that her statement was ''not in line with our "
              "policy.''", PARAS[4]),
        claim("ex:ledger", "said", "the bank's profits fell by half in the spring", PARAS[5],
              ("ex:acme",)),
        claim("ex:ortiz", "called", "for the ratification of the treaty",
              PARAS[6].split("channel. ")[1]),
    ]

    assert first  # the paragraph before the quote has two sentences
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_a_verb_the_article_words_differently(engine):
    top = _top(engine.ask("What did Max Ruiz compare Acme Bank to?"))
    assert "public utility" in _blob(top) and top["speaker"]["label"] == "Max Ruiz"
    # no rest to test X's statements by, or a verb no article writes: refused as before
    assert engine.ask("What did Max Ruiz eat?")["abstained"]
    assert engine.ask("What did Max Ruiz eat at Acme Bank?")["abstained"]


@pytest.mark.slow
def test_say_when_clause_in_the_paragraph_before_a_double_apostrophe_quote(engine):
    top = _top(engine.ask("What did Ann Lee say when she resigned?"))
    assert "hides the truth" in top["text"] and top["speaker"]["label"] == "Ann Lee"


@pytest.mark.slow
def test_what_a_newspaper_reported_of_a_nested_speaker(engine):
    top = _top(engine.ask("What did The Daily Ledger report about Bo Chen?"))
    assert "not in line with our policy" in _blob(top)
    assert top["speaker"]["label"] == "Daily Ledger"
    res = engine.ask("What did The Daily Ledger report about the weather?")
    assert res["abstained"], res


@pytest.mark.slow
def test_a_name_inside_a_longer_name_is_not_the_topic(engine):
    # the sentence before Ortiz's claim names Acme Bank Europe, not Acme Bank
    res = engine.ask("What did Eva Ortiz say about Acme Bank?")
    assert res["abstained"] and "not about" in res["reason"], res
    assert "treaty" in _top(engine.ask("What did Eva Ortiz say about the treaty?"))["text"]

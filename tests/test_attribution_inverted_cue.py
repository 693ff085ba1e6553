"""Quotes whose cue follows them ("...," said X), on hand-written paragraphs."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A
from claimgraph.extract.readers import read_article


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _attributions(nlp, text):
    return A.doc_attributions(nlp(text), read_article(text, "t", "text"))


# the quote's last sentence has no verb, so the parse makes it the subject of "said"
FRAGMENT = (
    "\u201cThe mayor\u2019s office is in crisis mode. Total crisis mode,\u201d said Dana Whitfield, "
    "a Tampa-based organizer of the Neighborhood Renters Union."
)


def test_a_quote_ending_in_a_fragment_is_said_by_the_name_after_the_cue(nlp, monkeypatch):
    monkeypatch.setattr(A, "QUOTED_SUBJECT", 0)
    before = _attributions(nlp, FRAGMENT)
    assert not any(a.speaker == "Dana Whitfield" for a in before)
    monkeypatch.setattr(A, "QUOTED_SUBJECT", 1)
    (got,) = _attributions(nlp, FRAGMENT)
    assert got.speaker == "Dana Whitfield"
    assert got.cue.text == "said"
    assert got.kind == "direct"
    assert got.content.text.startswith("\u201cThe mayor")
    assert got.content.text.rstrip("\u201d").endswith("Total crisis mode,")


def test_no_source_candidate_inside_its_own_quote(nlp, monkeypatch):
    from claimgraph.extract import ranker as R

    text = ("Dana Whitfield spoke at the rally on Monday. \u201cThe mayor\u2019s office is in crisis "
            "mode. Total crisis mode.\u201d The crowd cheered.")
    doc = nlp(text)
    a, b = text.index("\u201c"), text.index("\u201d") + 1
    quote = A.Candidate("quote", None, (a, b), None, "")

    def sources():
        cands = R.source_candidates(doc, quote, None, R.noun_chunks(doc), [(a, b)])
        return {text[s:e] for (s, e), _t, _f in cands}

    monkeypatch.setattr(R, "OUTSIDE_CONTENT", 0)
    assert any(a <= text.index(s) < b for s in sources())
    monkeypatch.setattr(R, "OUTSIDE_CONTENT", 1)
    got = sources()
    assert got and not any(a <= text.index(s) < b for s in got)


SHOUTED = ("\"This is a big year for our town!\" the mayor's niece, Dana Whitfield, waved to "
           "the crowd. \"The city is watching. We have to show that we have his back.\"")


def test_a_cue_inside_another_quote_gives_no_speaker(nlp, monkeypatch):
    def first_quote_cue():
        got = [a for a in _attributions(nlp, SHOUTED) if a.content.text.startswith("\"This is")]
        return {a.cue.text if a.cue else None for a in got}

    monkeypatch.setattr(A, "QUOTED_CUES", 0)
    assert "show" in first_quote_cue()
    monkeypatch.setattr(A, "QUOTED_CUES", 1)
    assert "show" not in first_quote_cue()


def test_shouting_is_speech(nlp):
    text = SHOUTED.replace(" waved to ", " shouted to ")
    got = [a for a in _attributions(nlp, text) if a.content.text.startswith("\"This is")]
    assert got and all(a.cue.text == "shouted" and a.speaker == "Dana Whitfield" for a in got)

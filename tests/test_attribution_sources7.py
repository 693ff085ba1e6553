"""Sources found over the parse: artifacts that speak, parenthesised names, datelines."""

from __future__ import annotations

import pytest
from claimgraph.extract import sources


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _tok(doc, word: str):
    return next(t for t in doc if t.text == word)


def _source(doc, cue: str) -> str | None:
    stok, how = sources.subject_of(_tok(doc, cue))
    span = sources.source_span(doc, stok, how)
    return doc.text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(("text", "cue", "want"), [
    # the subject did not make the object: the object speaks
    ("Police receive 911 calls saying shots have been fired inside the center.", "saying",
     "911 calls"),
    ("Investigators reviewed documents showing that he was paid in cash.", "showing", "documents"),
    ("The file holds many papers, including handwritten ledgers showing that he was paid.",
     "showing", "handwritten ledgers"),
    # the subject made it: the subject speaks (guidelines: the sentient source)
    ("The senator issued a statement saying that the bill was dead.", "saying", "The senator"),
    ("The campaign responded with a tweet saying that the poll was rigged.", "saying",
     "The campaign"),
    ("Forbes shot back in an article stating that New York was the capital.", "stating", "Forbes"),
])
def test_participle_on_an_object(nlp, monkeypatch, text, cue, want):
    monkeypatch.setattr(sources, "ACL_ARTIFACT", 1)  # off by default (see sources.py)
    assert _source(nlp(text), cue) == want


def test_a_subject_in_parentheses_is_the_name_before_them(nlp):
    text = "Earlier, Gov. John Kasich (R-OH), said he would stay in the race."
    doc = nlp(text)
    span = sources.source_span(doc, _tok(doc, "OH"), "nsubj")
    assert text[span[0] : span[1]] == "Gov. John Kasich (R-OH)"


@pytest.mark.parametrize(("text", "first", "want"), [
    ("Washington (AFP) \u2013 Democrat Hillary Clinton has taken a swipe at Donald Trump, "
     "saying that his comments do harm.", "Washington", "Democrat Hillary Clinton"),
    ("WASHINGTON, Aug. 24 (UPI) \u2014 A spokesman for Hillary Clinton called the report "
     "flawed.", "WASHINGTON", "A spokesman for Hillary Clinton"),
])
def test_a_dateline_is_not_the_source(nlp, text, first, want):
    doc = nlp(text)
    assert sources.dateline_end(doc, doc[0].idx) is not None
    span = sources.source_span(doc, _tok(doc, first), "nsubj")
    assert text[span[0] : span[1]] == want


def test_no_dateline_in_an_ordinary_opening(nlp):
    doc = nlp("Hillary Clinton (D) said on Monday that she would win.")
    assert sources.dateline_end(doc, 0) is None

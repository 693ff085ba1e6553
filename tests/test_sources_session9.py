"""Sources of relative-clause and parenthetical cues (issue #3, session 9).

The switches REL_SPEAKER and PAREN_APPOS ship off (see sources.py); each test sets
its switch, and each positive case fails with it off (the paired test checks that)."""

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
    stok, how = sources.subject_of(_tok(doc, cue), keep_said=True)
    span = sources.source_span(doc, stok, how)
    return doc.text[span[0] : span[1]] if span else None


REL = [
    ("Critics have long attacked the state funding system, which advocates say disadvantages "
     "needy schools.", "say", "advocates"),
]


@pytest.mark.parametrize(("text", "cue", "want"), REL)
def test_the_speaker_of_a_relative_clause_cue_is_its_own_subject(nlp, monkeypatch, text, cue, want):
    monkeypatch.setattr(sources, "REL_SPEAKER", 1)
    assert _source(nlp(text), cue) == want


@pytest.mark.parametrize(("text", "cue", "want"), REL)
def test_without_the_switch_the_relative_phrase_is_the_source(nlp, monkeypatch, text, cue, want):
    monkeypatch.setattr(sources, "REL_SPEAKER", 0)
    assert _source(nlp(text), cue) != want


def test_a_relative_pronoun_alone_still_gives_the_noun(nlp, monkeypatch):
    monkeypatch.setattr(sources, "REL_SPEAKER", 1)
    doc = nlp("The mayor, who said the plan would fail, left early.")
    assert _source(doc, "said") == "The mayor, who"


PAREN = [
    ("To understand the real Dred Scott, Chief Justice Roberts said, one should visit this "
     "museum.", "said", "Chief Justice Roberts"),
]


@pytest.mark.parametrize(("text", "cue", "want"), PAREN)
def test_a_parenthetical_cue_is_said_by_its_own_subject(nlp, monkeypatch, text, cue, want):
    monkeypatch.setattr(sources, "PAREN_APPOS", 1)
    assert _source(nlp(text), cue) == want


@pytest.mark.parametrize(("text", "cue", "want"), PAREN)
def test_without_the_switch_the_host_noun_is_the_source(nlp, monkeypatch, text, cue, want):
    monkeypatch.setattr(sources, "PAREN_APPOS", 0)
    assert _source(nlp(text), cue) != want


@pytest.mark.parametrize(("text", "want"), [
    ("John Smith, the senator, said the bill would fail.", "John Smith, the senator"),
    ("Smith, a Republican, said Tuesday, that it failed.", "Smith, a Republican"),
])
def test_a_true_apposition_stays_with_its_name(nlp, monkeypatch, text, want):
    monkeypatch.setattr(sources, "PAREN_APPOS", 1)
    assert _source(nlp(text), "said") == want

"""Extraction patterns of session 17, each with its flag off to show what it changes: a
passive cue's subject as the content ("X was applauded by Y")."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution
from claimgraph.extract.coref import doc_text


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _passive(nlp, text: str) -> list[tuple[str, str | None]]:
    """The passive candidates of ``text``: (content, source) as written."""
    doc = nlp(text)
    t = doc_text(doc)
    return [(t[c.content[0]:c.content[1]], t[c.source[0]:c.source[1]] if c.source else None)
            for c in attribution.candidates(doc) if c.pattern == "passive"]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("These policy proposals have been applauded by Wall Street critics.",
     "These policy proposals", "Wall Street critics"),
    ("The move was reported by MSNBC on Monday.", "The move", "MSNBC"),
    # no agent: the subject is what was said of, and no one is its source
    ("His remarks were criticized on Monday.", "His remarks", None),
])
def test_a_passive_cue_has_its_subject_for_content(nlp, monkeypatch, text, content, source):
    assert (content, source) in _passive(nlp, text)
    monkeypatch.setattr(attribution, "PASSIVE_CONTENT", 0)
    assert _passive(nlp, text) == []


def test_a_passive_verb_with_no_cue_and_no_agent_proposes_nothing(nlp):
    # "was opened" reports no one's words, and no one is named doing it
    assert _passive(nlp, "The bridge was opened on Monday.") == []

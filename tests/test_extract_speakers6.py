"""Speakers named beside another name, and quotes that end their sentence."""

from __future__ import annotations

import pytest
from claimgraph.extract import coref
from claimgraph.extract.attribution import attributions_for_text


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _speaker(nlp, text: str, source: str) -> str | None:
    doc = nlp(text)
    a = text.index(source)
    return coref.resolve_speaker(doc, (a, a + len(source)), None)


@pytest.mark.parametrize(("text", "source", "want"), [
    ("An attorney for Pagliano, Mark MacDougall, stressed that his client was ready.",
     "An attorney for Pagliano, Mark MacDougall", "Mark MacDougall"),
    ("The wife of Keith Scott, Rakeyia Scott, said that he was unarmed.",
     "The wife of Keith Scott, Rakeyia Scott", "Rakeyia Scott"),
    # the only name is the one spoken for: unchanged
    ("A spokesman for Senator John Smith said the bill was dead.",
     "A spokesman for Senator John Smith", "John Smith"),
    ("Goldman Sachs economist Jan Hatzius said growth would slow.",
     "Goldman Sachs economist Jan Hatzius", "Jan Hatzius"),
])
def test_the_named_source_not_the_name_it_modifies(nlp, text, source, want):
    assert _speaker(nlp, text, source) == want


def test_a_quote_closing_its_sentence_is_not_the_next_sentences():
    text = ('Japan branded North Korea an "outlaw nation in the neighborhood." '
            'Russia insisted that Pyongyang "stop its dangerous escapades."\n')
    by_content = {a.content.text: a.speaker for a in attributions_for_text(text)}
    outlaw = [s for c, s in by_content.items() if "outlaw" in c]
    assert outlaw and all(s != "Russia" for s in outlaw)
    assert any(s == "Russia" for c, s in by_content.items() if "escapades" in c)


def test_a_quote_ending_in_a_comma_takes_the_cue_after_it():
    text = 'The plan failed, critics argued, "because nobody wanted it," Smith said.\n'
    got = [a for a in attributions_for_text(text) if "nobody wanted it" in a.content.text]
    assert got and got[0].speaker == "Smith"

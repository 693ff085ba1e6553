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


def test_a_quote_closing_its_sentence_is_not_the_next_sentences(nlp):
    from claimgraph.extract.attribution import doc_attributions

    text = ('Japan branded North Korea an "outlaw nation in the neighborhood." '
            'Russia insisted that Pyongyang "stop its dangerous escapades."\n')
    # the rules alone (no weights): the cue-less quote keeps its candidate whatever
    # a trained scorer makes of it
    got = {a.content.text: a.speaker for a in doc_attributions(nlp(text), None, None)}
    assert got.get('"outlaw nation in the neighborhood."') == "Japan"
    assert any(s == "Russia" for c, s in got.items() if "escapades" in c)


def test_a_quote_ending_in_a_comma_takes_the_cue_after_it():
    text = 'The plan failed, critics argued, "because nobody wanted it," Smith said.\n'
    got = [a for a in attributions_for_text(text) if "nobody wanted it" in a.content.text]
    assert got and got[0].speaker == "Smith"



def test_a_quoted_title_is_no_ones_words(nlp):
    from claimgraph.extract.attribution import candidates

    text = ("Mr. King hosts a show. The network licenses ''Politicking'' and "
            "\"Larry King Now\" from Ora. \"We need change,\" he said.\n")
    quoted = [text[c.content[0]:c.content[1]].strip("'\" ,") for c in candidates(nlp(text))
              if c.pattern == "quote"]
    assert "We need change" in quoted
    assert "Politicking" not in quoted and "Larry King Now" not in quoted


def test_a_bare_surname_is_the_person_introduced_first(nlp):
    text = ("Sen. Ted Cruz endorsed the nominee on Friday. The nominee had attacked his father, "
            "Rafael Cruz, in May. Cruz said he would vote for him.")
    doc = nlp(text)
    a = text.index("Cruz said")
    assert coref.resolve_speaker(doc, (a, a + 4), None) == "Ted Cruz"


def test_a_longer_spelling_of_the_same_name_is_kept(nlp):
    text = "Paul Ryan spoke first. Later Paul D. Ryan met reporters. Ryan said the bill would pass."
    doc = nlp(text)
    a = text.index("Ryan said")
    assert coref.resolve_speaker(doc, (a, a + 4), None) == "Paul D. Ryan"

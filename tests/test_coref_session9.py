"""Session 9 coreference rules (extract/coref.py): a person's name does not start
with a word the text writes in lower case that is no given name."""

from __future__ import annotations

import pytest
from claimgraph.extract import coref


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


_HEADLINE = (
    "Beneath Clinton's wins, signs of trouble\n\n"
    "Hillary Clinton set out 10 months ago to energize the party. But buried beneath "
    "Mrs. Clinton's victories on Tuesday night were troubling signs for the party.\n\n"
    "Mrs. Clinton spoke in Miami on Wednesday. \u201cWe have work to do,\u201d she said.\n"
)


def test_headline_word_is_no_first_name(nlp):
    doc = nlp(_HEADLINE)
    assert any(e.text.startswith("Beneath") and e.label_ == "PERSON" for e in doc.ents)  # the artefact
    assert coref.full_name(doc, "Clinton", len(_HEADLINE)) == "Hillary Clinton"
    a = _HEADLINE.rindex("she")
    assert coref.resolve_speaker(doc, (a, a + 3), doc.char_span(a, a + 3).root.i) == "Hillary Clinton"


def test_given_name_spelt_like_a_word_stays(nlp):
    # "bill" is written in lower case too, but Bill is a given name
    text = ("Bill Clinton campaigned in Ohio. The bill passed the Senate on Monday.\n\n"
            "Clinton praised the vote.")
    doc = nlp(text)
    assert coref.full_name(doc, "Clinton", text.rindex("Clinton")) == "Bill Clinton"
    assert coref.given_name("Bill") and not coref.given_name("Beneath")


def test_pronoun_chain(nlp, monkeypatch):
    # a paragraph's opening "She" (Ann Doyle) is the last subject before "she said",
    # not the person the paragraph names after it
    text = ("Ann Doyle runs the clinic in Dayton. The state cut its money twice.\n\n"
            "She met Mary Ellen Park, a lawyer, on Monday. \u201cWe are out of time,\u201d she said.")
    doc = nlp(text)
    a = text.rindex("she")
    assert coref.resolve_speaker(doc, (a, a + 3), doc.char_span(a, a + 3).root.i) == "Ann Doyle"
    monkeypatch.setattr(coref, "PRONOUN_CHAINS", 0)
    doc = nlp(text)
    assert coref.resolve_speaker(doc, (a, a + 3), doc.char_span(a, a + 3).root.i) == "Mary Ellen Park"

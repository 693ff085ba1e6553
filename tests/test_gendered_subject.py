"""A person the tagger took for an organization ("Carly Fiorina threw her support ..." is
tagged ORG by en_core_web_sm) is a person when a pronoun of the given name's sex follows her
name within a few words (extract/entities.GENDERED_SUBJECTS), and "she" then finds her
(coref._person_labels); a firm named like a person ("Goldman Sachs", "Morgan Stanley") stays
a firm."""

from __future__ import annotations

import os

import pytest
from claimgraph.extract import coref, entities
from claimgraph.extract.extractor import extract_doc
from claimgraph.extract.readers import read_article

os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXT = (
    "Endorsement in Miami.\n\n"
    "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday, saying it is time for a change.\n\n"
    "Fiorina, the former Hewlett-Packard CEO, made a surprise appearance at the rally.\n\n"
    "“He has fought for our liberty again and again,” she said to cheers.\n"
)


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _extract(nlp):
    return extract_doc(read_article(TEXT, "t", "text"), nlp(TEXT))


def test_a_person_tagged_as_an_organization(nlp, monkeypatch):
    ex = _extract(nlp)
    types = {e.key: e.type for e in ex.entities}
    assert types.get("carly fiorina") == "Person" and "fiorina" not in types  # one person
    quote = next(c for c in ex.claims if "fought for our liberty" in c.content.text)
    assert quote.speaker == "carly fiorina"
    monkeypatch.setattr(entities, "GENDERED_SUBJECTS", 0)
    ex = _extract(nlp)
    assert {e.key: e.type for e in ex.entities}.get("carly fiorina") == "Organization"
    assert next(c for c in ex.claims if "fought for our liberty" in c.content.text).speaker != "carly fiorina"


@pytest.mark.parametrize("text", [
    "Goldman Sachs cut his bonus, the trader said.",   # a rare given name
    "Morgan Stanley cut his bonus, the trader said.",  # a surname that is a given name
    "Carly Fiorina cut his bonus, the trader said.",   # the pronoun is not hers
])
def test_no_person_without_an_agreeing_pronoun(nlp, text):
    doc = nlp(text)
    org = [e for e in doc.ents if e.label_ == "ORG"]
    assert org and not any(entities._gendered_subject(e, e.text.split()) for e in org)
    doc.user_data.pop("claimgraph_ents", None)
    assert all(lab == "ORG" for _s, _e, lab, _n in coref._entities(doc) if _n in {e.text for e in org})

"""Coordinated sources: "A, B and C said" gives the claim to each of them."""

from __future__ import annotations

from dataclasses import replace

from claimgraph.extract.extractor import _co_speakers
from claimgraph.extract.records import Attribution, Mention, Span
from claimgraph.graph import add_extraction, new_dataset
from claimgraph.graph.validate import validate
from claimgraph.ontology import CG
from rdflib import RDF
from test_graph import BASE, WHEN, small_extraction

TYPES = {"jane doe": "Person", "john roe": "Person", "ann poe": "Person", "acme bank": "Organization",
         "ohio": "Place"}


def _co(text: str, source: str, speaker: str, names: dict[str, str]) -> list[str]:
    s = text.index(source)
    ments = []
    for name, key in names.items():
        i = text.find(name)
        while i >= 0:
            ments.append(Mention(key, Span(i, i + len(name), name), 1))
            i = text.find(name, i + 1)
    ments.sort(key=lambda m: m.span.start)
    att = Attribution(Span(0, 1, text[0]), Span(s, s + len(source), source), None, "indirect", 1,
                      speaker)
    return _co_speakers(att, speaker, ments, [m.span.start for m in ments], TYPES)


NAMES = {"Jane Doe": "jane doe", "John Roe": "john roe", "Ann Poe": "ann poe",
         "Acme Bank": "acme bank", "Ohio": "ohio"}


def test_three_with_party_tags():
    text = "Sens. Jane Doe (D-Ore.), John Roe (D-Ohio) and Ann Poe (D-N.J.) all suggested that x."
    src = "Jane Doe (D-Ore.), John Roe (D-Ohio) and Ann Poe (D-N.J.) all"
    assert _co(text, src, "jane doe", NAMES) == ["john roe", "ann poe"]


def test_person_and_organization_with_titles():
    text = "Jane Doe and Acme Bank said x. Jane Doe and Sen. John Roe said y."
    assert _co(text, "Jane Doe and Acme Bank", "jane doe", NAMES) == ["acme bank"]
    assert _co(text, "Jane Doe and Sen. John Roe", "jane doe", NAMES) == ["john roe"]


def test_relative_clause_is_no_coordination():
    text = "Jane Doe (R-Ky.), who is married to Acme Bank board member Ann Poe, said x."
    src = "Jane Doe (R-Ky.), who is married to Acme Bank board member Ann Poe"
    assert _co(text, src, "jane doe", NAMES) == []


def test_places_and_other_groups_do_not_speak():
    text = "Jane Doe of Ohio said x. John Roe and Ann Poe praised Jane Doe, who said y."
    assert _co(text, "Jane Doe of Ohio", "jane doe", NAMES) == []
    # the coordination must contain the speaker
    assert _co(text, "John Roe and Ann Poe praised Jane Doe", "jane doe", NAMES) == []


def test_claims_per_speaker_get_distinct_iris_and_conform():
    ex = small_extraction()
    c = ex.claims[0]
    ex = replace(ex, claims=(c, replace(c, speaker="acme bank", about=()), *ex.claims[1:]))
    ds = new_dataset()
    add_extraction(ds, ex, base=BASE, when=WHEN)
    same = [s for s in ds.subjects(RDF.type, CG.Claim)
            if str(ds.value(s, CG.content)) == c.content.text]
    assert len(same) == 2
    assert len({ds.value(s, CG.speaker) for s in same}) == 2
    rep = validate(ds)
    assert rep.conforms, rep.text
    # deterministic: a rebuild mints the same claim IRIs
    ds2 = new_dataset()
    add_extraction(ds2, ex, base=BASE, when=WHEN)
    assert set(ds2.subjects(RDF.type, CG.Claim)) == set(ds.subjects(RDF.type, CG.Claim))


def test_appositives_are_no_coordination():
    text = "Jane Doe, John Roe's niece, said x. Jane Doe, Acme Bank, said y."
    assert _co(text, "Jane Doe, John Roe's niece", "jane doe", NAMES) == []
    assert _co(text, "Jane Doe, Acme Bank", "jane doe", NAMES) == []


def test_organization_in_a_title_gives_way_to_its_person():
    text = "Jane Doe (R-Utah) and Acme Bank Chairman John Roe (R-Va.) asked x."
    src = "Jane Doe (R-Utah) and Acme Bank Chairman John Roe (R-Va.)"
    assert _co(text, src, "jane doe", NAMES) == ["john roe"]

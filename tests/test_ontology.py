"""The vocabulary, the closed namespace and the shapes stay in step."""

from __future__ import annotations

import pytest
from claimgraph.graph.build import TYPE_CLASS
from claimgraph.ontology import CG, CG_IRI, ORG, SCHEMA, load_ontology, load_shapes
from rdflib import RDF, URIRef
from rdflib.namespace import OWL, SKOS

SH = "http://www.w3.org/ns/shacl#"


def _ttl_terms() -> set[str]:
    g = load_ontology()
    return {str(s)[len(CG_IRI):] for s in g.subjects() if str(s).startswith(CG_IRI)}


def _namespace_terms() -> set[str]:
    return set(CG.__annotations__)


def test_namespace_matches_the_turtle_vocabulary():
    assert _ttl_terms() == _namespace_terms()


def test_closed_namespace_rejects_a_misspelt_term():
    with pytest.raises(AttributeError):
        CG.speakr  # noqa: B018
    assert CG.speaker == URIRef(CG_IRI + "speaker")


def test_every_term_has_a_label_and_a_kind():
    g = load_ontology()
    for name in _ttl_terms():
        iri = URIRef(CG_IRI + name)
        assert g.value(iri, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None, name
        assert set(g.objects(iri, RDF.type)), name


def test_reuses_standard_vocabularies():
    g = load_ontology()
    assert (CG.Claim, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
            URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert (CG.isFormer, URIRef("http://www.w3.org/2000/01/rdf-schema#domain"),
            ORG.Membership) in g
    assert (CG.proposed, URIRef("http://www.w3.org/2000/01/rdf-schema#range"), SKOS.Concept) in g
    assert (URIRef("https://claimgraph.org/ns"), RDF.type, OWL.Ontology) in g


def test_every_node_kind_has_a_shape():
    shapes = load_shapes()
    targets = set(shapes.objects(None, URIRef(SH + "targetClass")))
    kinds = set(TYPE_CLASS.values()) | {CG.Claim, CG.Fact, CG.Paragraph, ORG.Membership, ORG.Role,
                                         SCHEMA.NewsArticle,
                                         URIRef("http://www.w3.org/ns/oa#TextPositionSelector"),
                                         URIRef("http://www.w3.org/ns/oa#TextQuoteSelector"),
                                         URIRef("http://www.w3.org/ns/prov#Entity")}
    assert kinds <= targets, kinds - targets


def test_shapes_only_use_known_cg_terms():
    shapes = load_shapes()
    used = {str(t)[len(CG_IRI):] for trip in shapes for t in trip
            if isinstance(t, URIRef) and str(t).startswith(CG_IRI)}
    assert used and used <= _namespace_terms()


def test_doctests_of_names_and_iris():
    import doctest

    from claimgraph.extract import entities, names
    from claimgraph.graph import iris

    for mod in (names, entities, iris):
        res = doctest.testmod(mod)
        assert res.attempted > 0 and res.failed == 0, mod.__name__

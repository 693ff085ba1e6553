"""RDF exports: Turtle (union of all articles), TriG (named graphs kept), JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph

from ..store import atomic_write
from . import register

JSONLD_CONTEXT = {
    "cg": "https://claimgraph.org/ns#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}


def union(ds: Dataset) -> Graph:
    """All article graphs merged into one graph, prefixes kept."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for q in ds.quads((None, None, None, None)):
        g.add(q[:3])
    return g


@register("turtle", ".ttl", "Turtle: every article's triples in one graph")
def write_turtle(ds: Dataset, path: Path) -> None:
    atomic_write(path, union(ds).serialize(format="turtle"))


@register("trig", ".trig", "TriG: one named graph per article")
def write_trig(ds: Dataset, path: Path) -> None:
    atomic_write(path, ds.serialize(format="trig"))


@register("jsonld", ".jsonld", "JSON-LD with a context, named graphs kept")
def write_jsonld(ds: Dataset, path: Path) -> None:
    data = ds.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1)
    json.loads(data)  # fail here, not in the reader, if the serializer misbehaved
    atomic_write(path, data)

"""SHACL validation of a graph against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.ontology import load_shapes
from rdflib import Dataset, Graph


@dataclass
class Report:
    conforms: bool
    violations: list[dict]
    text: str


def validate(ds: Dataset | Graph) -> Report:
    """Validate the union of all article graphs; returns conformance and violations."""
    import pyshacl

    data = Graph()
    for q in ds.quads((None, None, None, None)) if isinstance(ds, Dataset) else ((*t, None) for t in ds):
        data.add(q[:3])
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=load_shapes(), inference="none", advanced=True, allow_warnings=True)
    SH = "http://www.w3.org/ns/shacl#"
    violations = []
    from rdflib import URIRef

    for r in results.subjects(URIRef(SH + "resultSeverity"), None):
        def get(p: str, r=r):
            return results.value(r, URIRef(SH + p))

        violations.append({"focus": str(get("focusNode")), "path": str(get("resultPath")),
                           "message": str(get("resultMessage")),
                           "severity": str(get("resultSeverity")).rsplit("#", 1)[-1]})
    return Report(bool(conforms), violations, text)

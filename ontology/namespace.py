"""The closed ``cg:`` namespace: a misspelt term fails at import time.

Kept in step with ``claimgraph.ttl`` by ``tests/test_ontology.py``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

CG_IRI = "https://claimgraph.org/ns#"

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")


class CG(DefinedNamespace):
    """claimgraph's own terms (see ``ontology/claimgraph.ttl``)."""

    _NS = Namespace(CG_IRI)
    _fail = True

    Claim: URIRef
    Fact: URIRef
    Paragraph: URIRef
    ClaimKind: URIRef
    Direct: URIRef
    Indirect: URIRef
    AccordingTo: URIRef
    Report: URIRef
    Belief: URIRef
    Authored: URIRef
    speaker: URIRef
    content: URIRef
    cue: URIRef
    sourceText: URIRef
    kind: URIRef
    about: URIRef
    evidence: URIRef
    article: URIRef
    paragraph: URIRef
    anchor: URIRef
    paragraphKind: URIRef
    hasParagraph: URIRef
    start: URIRef
    end: URIRef
    contentHash: URIRef
    isFormer: URIRef
    mentioned: URIRef
    mentionedIn: URIRef
    listedIn: URIRef
    proposed: URIRef
    discussed: URIRef
    value: URIRef
    quantity: URIRef
    unit: URIRef
    date: URIRef


KIND_IRI = {
    "direct": CG.Direct,
    "indirect": CG.Indirect,
    "according-to": CG.AccordingTo,
    "report": CG.Report,
    "belief": CG.Belief,
    "authored": CG.Authored,
}
KIND_NAME = {v: k for k, v in KIND_IRI.items()}

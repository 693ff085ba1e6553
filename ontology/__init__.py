"""The claimgraph vocabulary (``claimgraph.ttl``) and SHACL shapes (``shapes.ttl``)."""

from __future__ import annotations

from importlib import resources

from .namespace import CG, CG_IRI, KIND_IRI, KIND_NAME, OA, ORG, SCHEMA

__all__ = ["CG", "CG_IRI", "KIND_IRI", "KIND_NAME", "OA", "ORG", "SCHEMA",
           "ontology_path", "load_ontology", "load_shapes"]


def ontology_path(name: str = "claimgraph.ttl"):
    """Path of a packaged ontology file (``claimgraph.ttl`` or ``shapes.ttl``)."""
    return resources.files(__name__).joinpath(name)


def load_ontology():
    """The vocabulary as an rdflib ``Graph``."""
    from rdflib import Graph

    return Graph().parse(data=ontology_path().read_text(encoding="utf-8"), format="turtle")


def load_shapes():
    """The SHACL shapes as an rdflib ``Graph``."""
    from rdflib import Graph

    return Graph().parse(
        data=ontology_path("shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )

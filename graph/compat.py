"""Graph format versions: a graph says which format it is written in, and a
claimgraph that does not know that format refuses it instead of misreading it.

Every article's named graph (a ``prov:Entity``) carries
``schema:schemaVersion "N"``, N being :data:`FORMAT_VERSION` of the claimgraph
that built it. A graph without the marker predates it and reads as version 1.
Bump :data:`FORMAT_VERSION` when a change to the graph's shape would make an
older claimgraph misread it.
"""

from __future__ import annotations

from claimgraph.ontology import SCHEMA
from rdflib import Dataset, Literal
from rdflib.namespace import PROV, RDF

from claimgraph.errors import GraphError

FORMAT_VERSION = 1
VERSION_PREDICATE = SCHEMA.schemaVersion


def version_literal() -> Literal:
    """The marker the builder writes on each article's named graph."""
    return Literal(str(FORMAT_VERSION))


def graph_versions(ds: Dataset) -> set[str]:
    """The format versions the named graphs of ``ds`` declare (as written)."""
    out = set()
    for s, o in ds.subject_objects(VERSION_PREDICATE):
        if (s, RDF.type, PROV.Entity) in ds:
            out.add(str(o))
    return out


def check_version(ds: Dataset, source: str = "graph") -> None:
    """Raise :class:`GraphError` when ``ds`` is in a format newer than this claimgraph's.

    >>> from claimgraph.graph.build import new_dataset
    >>> check_version(new_dataset())  # no marker: an old graph, fine
    """
    for v in sorted(graph_versions(ds)):
        try:
            n = int(v.strip())
        except ValueError:
            raise GraphError(f"{source}: unknown graph format version {v!r}; this claimgraph "
                             f"reads format versions up to {FORMAT_VERSION}") from None
        if n > FORMAT_VERSION:
            raise GraphError(f"{source}: the graph was written by a newer claimgraph (format "
                             f"version {n}; this one reads up to {FORMAT_VERSION}); upgrade "
                             f"claimgraph to read it")

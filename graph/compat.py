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


def check_source(data: str, fmt: str, source: str = "graph") -> None:
    """Refuse a graph file that would make the parser reach outside it, before parsing.

    rdflib's JSON-LD parser fetches a ``@context`` (or ``@import``) given as a
    URL, ``http:`` or ``file:``: a graph file could make claimgraph request an
    internal address or read a local file. Only inline contexts are loaded.
    (TriG, Turtle and N-Quads name no documents to fetch.)
    """
    if fmt != "json-ld":
        return
    import json

    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as e:
        msg = " ".join(str(e).split())[:200]
        raise GraphError(f"{source}: malformed JSON-LD ({msg})") from None
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            raise GraphError(
                                f"{source}: the JSON-LD refers to an outside context "
                                f"({ctx[:80]!r}); claimgraph loads only inline contexts")
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)

"""How the property graph maps onto Neo4j: labels, keys, constraints, MERGE statements.

Shared by the Cypher script, the ``neo4j-admin`` CSV files and the Bolt
push, so all three load the same nodes and relationships:

* an entity is ``(:Entity:Person)``, ``(:Entity:Organization)``,
  ``(:Entity:Place)`` or ``(:Entity:Concept)``; claims, facts and articles are
  ``(:Claim)``, ``(:Fact)``, ``(:Article)``; every node has a unique ``iri``;
* relationship types are the projection's edge kinds (``SAID``, ``ABOUT``,
  ``MEMBER_OF``, ``PROPOSED``, ``DISCUSSED``, ``IN_ARTICLE``, ``MENTIONED_IN``);
  ``MEMBER_OF`` carries the membership's ``iri`` so that two roles at one
  organization stay two relationships.

Every statement is idempotent: ``MERGE`` on the key, then ``SET +=`` the
properties, so loading the same export twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Dataset

from ..projection import ENTITY_KINDS, Edge, Node, PropertyGraph, property_graph

KEY_LABELS = ("Entity", "Claim", "Fact", "Article")
BATCH = 500


def neo4j_graph(ds: Dataset) -> PropertyGraph:
    """The projection loaded into Neo4j: entities, claims, facts, articles."""
    return property_graph(ds, claims=True, facts=True, articles=True, co_mentions=False)


def key_label(kind: str) -> str:
    """The label a node of ``kind`` is merged on."""
    return "Entity" if kind in ENTITY_KINDS else kind


def labels(kind: str) -> list[str]:
    """Every label of a node of ``kind`` (key label first)."""
    return ["Entity", kind] if kind in ENTITY_KINDS else [kind]


def constraints() -> list[str]:
    """Uniqueness constraints on ``iri`` (Neo4j 4.4+/5 syntax), one per key label."""
    return [f"CREATE CONSTRAINT claimgraph_{lab.lower()}_iri IF NOT EXISTS "
            f"FOR (n:{lab}) REQUIRE n.iri IS UNIQUE" for lab in KEY_LABELS]


@dataclass(frozen=True)
class Batch:
    """One ``UNWIND`` statement: a template with ``{rows}`` and the rows it takes.

    ``statement("$rows")`` is the parameterized statement the push runs; the
    Cypher script puts a literal list in its place.
    """

    template: str
    rows: list[dict]

    def statement(self, rows: str) -> str:
        return self.template.replace("{rows}", rows, 1)


def node_batches(pg: PropertyGraph, size: int = BATCH) -> Iterator[Batch]:
    groups: dict[str, list[Node]] = {}
    for n in pg.nodes.values():
        groups.setdefault(n.kind, []).append(n)
    for kind in sorted(groups):
        key = key_label(kind)
        extra = f"\nSET n:{kind}" if kind != key else ""
        template = ("UNWIND {rows} AS row\n"
                    f"MERGE (n:{key} {{iri: row.iri}}){extra}\n"
                    "SET n += row.props")
        rows = [{"iri": n.id, "props": n.props} for n in groups[kind]]
        for i in range(0, len(rows), size):
            yield Batch(template, rows[i:i + size])


def edge_batches(pg: PropertyGraph, size: int = BATCH) -> Iterator[Batch]:
    groups: dict[tuple[str, str, str, bool], list[Edge]] = {}
    for e in pg.edges:
        sig = (e.kind, key_label(pg.nodes[e.source].kind), key_label(pg.nodes[e.target].kind),
               e.key is not None)
        groups.setdefault(sig, []).append(e)
    for (kind, src, dst, keyed) in sorted(groups):
        merge = (f"MERGE (a)-[r:{kind} {{iri: row.key}}]->(b)" if keyed
                 else f"MERGE (a)-[r:{kind}]->(b)")
        template = ("UNWIND {rows} AS row\n"
                    f"MATCH (a:{src} {{iri: row.s}})\n"
                    f"MATCH (b:{dst} {{iri: row.t}})\n"
                    f"{merge}\n"
                    "SET r += row.props")
        rows = []
        for e in groups[(kind, src, dst, keyed)]:
            row = {"s": e.source, "t": e.target, "props": e.props}
            if keyed:
                row["key"] = e.key
            rows.append(row)
        for i in range(0, len(rows), size):
            yield Batch(template, rows[i:i + size])


def batches(pg: PropertyGraph, size: int = BATCH) -> Iterator[Batch]:
    """Every node batch, then every relationship batch."""
    yield from node_batches(pg, size)
    yield from edge_batches(pg, size)

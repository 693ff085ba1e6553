"""Shared part of the stores that keep the graph outside this process (Oxigraph, SPARQL).

A build links each new article's entities against every earlier article, so it
needs the entity types and labels of the whole graph, but nothing else: the
link dataset holds only those triples, the finished articles' full named graphs
go to the store at each checkpoint and are then pruned from memory. Memory
grows with the number of entities, not of claims.
"""

from __future__ import annotations

from abc import abstractmethod

from rdflib import RDF, Dataset, URIRef
from rdflib.namespace import SKOS

from .build import TYPE_CLASS, new_dataset
from .store import COUNT_QUERY, IDS_QUERY, LINK_QUERY, GraphStore

_KEEP_TYPES = set(TYPE_CLASS.values())
_KEEP_PREDS = {SKOS.prefLabel, SKOS.altLabel}


class LinkingStore(GraphStore):
    """A store reached by SPARQL: subclasses give :meth:`select` and :meth:`write_graphs`."""

    @abstractmethod
    def select(self, query: str) -> list[tuple]:
        """Rows of a SELECT as tuples of rdflib terms."""

    @abstractmethod
    def write_graphs(self, graphs: dict[URIRef, list[tuple]]) -> None:
        """Replace each named graph by its triples, all at once."""

    def article_ids(self) -> set[str]:
        return {str(r[0]) for r in self.select(IDS_QUERY)}

    def link_dataset(self) -> Dataset:
        if getattr(self, "_link", None) is None:
            ds = new_dataset()
            for g, s, p, o in self.select(LINK_QUERY):
                ds.graph(g).add((s, p, o))
            self._link = ds
        return self._link

    def commit(self, graph_iris: list) -> None:
        if not graph_iris:
            return
        ds = self.link_dataset()
        graphs = {gi: list(ds.graph(gi)) for gi in graph_iris}
        self.write_graphs(graphs)
        # keep only what linking later articles needs
        for gi, triples in graphs.items():
            ds.remove_graph(ds.graph(gi))
            g = ds.graph(gi)
            for s, p, o in triples:
                if p in _KEEP_PREDS or (p == RDF.type and o in _KEEP_TYPES):
                    g.add((s, p, o))

    def counts(self) -> tuple[int, int]:
        rows = self.select(COUNT_QUERY)
        return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)


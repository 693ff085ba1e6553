"""Oxigraph as an embedded store (``--store oxigraph:PATH``): a folder on disk, SPARQL inside.

Builds write each checkpoint's article graphs in one Oxigraph transaction, so
a killed build leaves whole articles only. Reads go through ``oxrdflib`` (an
rdflib store backed by Oxigraph), so every view, the QA index and the
exporters run unchanged, with Oxigraph's SPARQL engine doing the queries.

The default graph holds the union of the article graphs, materialized as
articles are written. Oxigraph's own union default graph is a multiset: an
entity's type and labels, stated by every article that names it, would come
back once per article, multiplying rows and joins. The materialized default
graph is a set, as RDF merge is.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef

from claimgraph.errors import GraphError

from .linkstore import LinkingStore


def _ox():
    import pyoxigraph

    return pyoxigraph


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    ox = _ox()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    """A pyoxigraph term as an rdflib term."""
    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if term is None:
        return None
    raise TypeError(f"not an RDF term: {term!r}")


def _open(path: str | Path, read_only: bool = False):
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise GraphError(f"{p}: an Oxigraph store is a folder, and this is a file")
    try:
        return _ox().Store.read_only(str(p)) if read_only else _ox().Store(str(p))
    except OSError as e:
        msg = " ".join(str(e).split())[:200]
        raise GraphError(f"{p}: cannot open the Oxigraph store ({msg}); is another build "
                         "writing to it?") from None


def open_oxigraph_dataset(path: str | Path, missing_ok: bool = False) -> Dataset:
    """A read-only rdflib ``Dataset`` (union default graph) over the Oxigraph store at ``path``."""
    from oxrdflib.store import OxigraphStore as OxRdflibStore

    from .build import new_dataset

    p = Path(path)
    if not p.exists():
        if missing_ok:
            return new_dataset()
        raise GraphError(f"{p}: no Oxigraph store here; build one with "
                         f"`claimgraph build ... --store oxigraph:{p}`")
    store = _open(p, read_only=True)
    # a store written without the materialized union (e.g. loaded by hand): Oxigraph's union
    union = next(iter(store.quads_for_pattern(None, None, None, _ox().DefaultGraph())), None) is None
    ds = Dataset(store=OxRdflibStore(store=store), default_union=union)
    for prefix, ns in new_dataset().namespaces():
        ds.bind(prefix, ns, override=True)
    from .compat import check_version

    check_version(ds, f"oxigraph:{p}")  # a store written by a newer claimgraph is refused
    return ds


class OxigraphStore(LinkingStore):
    """A build target: the Oxigraph store in the folder ``path`` (created when missing)."""

    kind = "oxigraph"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.store = _open(self.path)
        self._link = None

    def select(self, query: str) -> list[tuple]:
        res = self.store.query(query)
        return [tuple(from_ox(sol[v]) for v in res.variables) for sol in res]

    def write_graphs(self, graphs) -> None:
        ox = _ox()
        for gi in graphs:  # a rerun replaces an article's graph, never doubles it
            if self.store.contains_named_graph(ox.NamedNode(str(gi))):
                self.store.remove_graph(ox.NamedNode(str(gi)))
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(gi)))
                 for gi, triples in graphs.items() for s, p, o in triples]
        quads += [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
        self.store.extend(quads)  # one transaction: the whole chunk or nothing
        self.store.flush()

    def close(self) -> None:
        self.store.flush()
        del self.store


def materialize_union(store) -> None:
    """Copy every named graph's triples into the default graph (a set: no duplicates).

    For stores filled by a bulk loader rather than by ``claimgraph build``.
    """
    ox = _ox()
    buf = []
    for q in store.quads_for_pattern(None, None, None, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            buf.append(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
            if len(buf) >= 100_000:  # bounded memory, unlike one INSERT ... WHERE update
                store.bulk_extend(buf)
                buf = []
    if buf:
        store.bulk_extend(buf)

"""The file store: a TriG (or N-Quads) file read whole and written atomically.

A write goes to a temporary file beside the target and is renamed over it, so
a failed build never leaves a half-written graph and the old one stays intact.
"""

from __future__ import annotations

import os
import re
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from claimgraph.errors import GraphError

from .build import new_dataset
from .compat import check_source, check_version

FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
           ".jsonld": "json-ld"}


def rdf_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise GraphError(f"{path}: unknown graph file type {suffix!r}; use .trig or .nq")
    return FORMATS[suffix]


def load_graph(path: str | Path, missing_ok: bool = False) -> Dataset:
    """Read a graph file; a missing file is an empty graph when ``missing_ok``.

    ``oxigraph:PATH`` and ``sparql:URL`` open those stores instead (see :func:`open_dataset`).
    """
    if is_store_spec(path):
        return open_dataset(path, missing_ok=missing_ok)
    p = Path(path)
    ds = new_dataset()
    if not p.exists():
        if missing_ok:
            return ds
        raise GraphError(f"{p}: no such graph file; build one with `claimgraph build`")
    if p.is_dir():
        raise GraphError(f"{p}: is a folder, not a graph file")
    if p.stat().st_size == 0:
        if missing_ok:
            return ds
        raise GraphError(f"{p}: the graph file is empty")
    try:
        data = p.read_text(encoding="utf-8")
        check_source(data, rdf_format(p), str(p))
        ds.parse(data=data, format=rdf_format(p), publicID=p.resolve().as_uri())
        check_version(ds, str(p))
    except GraphError:
        raise
    except UnicodeDecodeError:
        raise GraphError(f"{p}: not a UTF-8 graph file") from None
    except Exception as e:  # rdflib raises many parser exception types
        msg = " ".join(str(e).split())[:300]
        raise GraphError(f"{p}: malformed graph file ({type(e).__name__}: {msg})") from None
    return ds


def _file_mode(p: Path) -> int:
    """The existing file's mode, else 0666 less the process umask."""
    try:
        return p.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, _file_mode(p))
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_graph(ds: Dataset, path: str | Path) -> None:
    """Serialize ``ds`` to ``path`` atomically, in the format its suffix names.

    TriG and N-Quads go through the writers below (the same graph as rdflib's
    serializers, which spend seconds per 10k triples computing prefixed names).
    """
    fmt = rdf_format(path)
    if fmt == "turtle":
        raise GraphError(f"{path}: a graph with named graphs needs .trig or .nq, not .ttl")
    if fmt == "trig":
        atomic_write(path, trig_text(ds))
    elif fmt == "nquads":
        atomic_write(path, nquads_text(ds))
    else:
        atomic_write(path, ds.serialize(format=fmt))


# ---------------------------------------------------------------- fast TriG / N-Quads writers

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")  # a prefixed name's local part, conservatively
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _quote(text: str) -> str:
    """A string literal's quoted form (N-Triples and Turtle escapes: the same as rdflib's)."""
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"') \
        .replace("\r", "\\r") + '"'


def _nt(term) -> str:
    """A term in N-Triples form."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        q = _quote(str(term))
        if term.language:
            return f"{q}@{term.language}"
        return f"{q}^^<{term.datatype}>" if term.datatype else q
    return f"_:{term}"


def _named_graphs(ds: Dataset) -> list:
    return sorted((g for g in ds.graphs() if len(g)), key=lambda g: (
        g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))


def nquads_lines(ds: Dataset, graph_iris: list | None = None):
    """N-Quads lines of ``ds`` (or of its named graphs ``graph_iris``), each ending in a newline."""
    graphs = [ds.graph(gi) for gi in graph_iris] if graph_iris is not None else _named_graphs(ds)
    for g in graphs:
        gid = g.identifier
        tail = " .\n" if gid == DATASET_DEFAULT_GRAPH_ID else f" {_nt(gid)} .\n"
        for s, p, o in g.triples((None, None, None)):
            yield f"{_nt(s)} {_nt(p)} {_nt(o)}{tail}"


def nquads_text(ds: Dataset, graph_iris: list | None = None) -> str:
    return "".join(nquads_lines(ds, graph_iris))


def nquads_triples(gid, triples) -> str:
    """N-Quads of the triples of the graph named ``gid``, in the order given."""
    tail = " .\n" if gid == DATASET_DEFAULT_GRAPH_ID else f" {_nt(gid)} .\n"
    nt = {}

    def t(term) -> str:
        out = nt.get(term)
        if out is None:
            out = nt[term] = _nt(term)
        return out

    return "".join([f"{t(s)} {t(p)} {_nt(o)}{tail}" for s, p, o in triples])


def _graph_order(gid) -> tuple[bool, str]:
    return gid != DATASET_DEFAULT_GRAPH_ID, str(gid)


def namespace_map(ds: Dataset) -> dict[str, str]:
    """Namespace IRI -> prefix of the prefixes bound in ``ds``."""
    return {str(uri): prefix for prefix, uri in ds.namespace_manager.namespaces()}


class TrigBlocks:
    """TriG text one named graph at a time, with the prefixed names of ``ns``.

    ``block`` gives a graph's block and the prefixes it used; a file is
    :meth:`head` of the union of those prefixes followed by the blocks in
    :func:`_graph_order`, which is what :func:`trig_text` writes.
    """

    def __init__(self, ns: dict[str, str]) -> None:
        self.ns = ns
        self.cache: dict = {}
        self.used: dict[str, str] = {}

    def _iri(self, t: str) -> tuple[str, tuple[str, str] | None]:
        """(written form, (prefix, namespace) it uses or None) of the IRI ``t``."""
        i = max(t.rfind("#"), t.rfind("/")) + 1
        prefix = self.ns.get(t[:i]) if i else None
        if prefix is not None and _LOCAL.match(t, i):
            return f"{prefix}:{t[i:]}", (prefix, t[:i])
        return f"<{t}>", None

    def n3(self, term) -> str:
        hit = self.cache.get(term)
        if hit is None:
            if isinstance(term, Literal):  # literals rarely repeat: not cached
                q = _quote(str(term))
                if term.language:
                    return f"{q}@{term.language}"
                if term.datatype:
                    out, pfx = self._iri(str(term.datatype))
                    if pfx is not None:
                        self.used[pfx[0]] = pfx[1]
                    return f"{q}^^{out}"
                return q
            hit = self.cache[term] = self._iri(str(term)) if isinstance(term, URIRef) \
                else (f"_:{term}", None)
        if hit[1] is not None:
            self.used[hit[1][0]] = hit[1][1]
        return hit[0]

    def block(self, gid, triples) -> tuple[str, dict[str, str]]:
        """(text, prefixes used) of the graph ``gid`` holding ``triples`` (an iterable of (s, p, o))."""
        outer, self.used = self.used, {}
        n3 = self.n3
        default = gid == DATASET_DEFAULT_GRAPH_ID
        indent = "" if default else "    "
        body: list[str] = []
        if not default:
            body.append(f"\n{n3(gid)} {{\n")
        by_subject: dict = {}
        for s, p, o in triples:
            ps = str(p)
            # (rdf:type first, predicate, object as written, predicate term)
            by_subject.setdefault(s, []).append((ps != _RDF_TYPE, ps, n3(o), p))
        for s in sorted(by_subject, key=lambda t: (not isinstance(t, URIRef), str(t))):
            lines = []
            prev = None
            for not_type, ps, ot, p in sorted(by_subject[s]):
                if ps == prev:
                    lines[-1] += f",\n{indent}        {ot}"
                else:
                    lines.append(f"{n3(p) if not_type else 'a'} {ot}")
                prev = ps
            body.append(f"{indent}{n3(s)} " + f" ;\n{indent}    ".join(lines) + " .\n")
        if not default:
            body.append("}\n")
        used, self.used = self.used, outer
        self.used.update(used)
        return "".join(body), used

    @staticmethod
    def head(used: dict[str, str]) -> str:
        return "".join(f"@prefix {p}: <{u}> .\n" for p, u in sorted(used.items()))


def trig_text(ds: Dataset) -> str:
    """``ds`` as TriG: prefixed names, one block per named graph, triples grouped by subject.

    Graphs, subjects, predicates and objects are written in sorted order, so
    the same dataset always gives the same bytes.
    """
    w = TrigBlocks(namespace_map(ds))
    body = [w.block(g.identifier, g.triples((None, None, None)))[0] for g in _named_graphs(ds)]
    return w.head(w.used) + "".join(body)


# ---------------------------------------------------------------- stores for builds

STORE_KINDS = ("file", "oxigraph", "sparql")

#: what entity linking reads from earlier articles (see ``graph.build``): entity types and labels
LINK_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?s ?p ?o WHERE { GRAPH ?g {
  { ?s a ?o . VALUES ?o { schema:Person schema:Organization schema:Place skos:Concept }
    BIND(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> AS ?p) }
  UNION { ?s skos:prefLabel ?o . BIND(skos:prefLabel AS ?p) }
  UNION { ?s skos:altLabel ?o . BIND(skos:altLabel AS ?p) } } }"""
IDS_QUERY = ("SELECT DISTINCT ?h WHERE { GRAPH ?g { ?a <https://claimgraph.org/ns#contentHash> ?h } }")
COUNT_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?e) AS ?entities) WHERE { GRAPH ?g {
  { ?c a <https://claimgraph.org/ns#Claim> } UNION
  { ?e a ?t . VALUES ?t { schema:Person schema:Organization schema:Place skos:Concept } } } }"""


def parse_store(spec: str | Path) -> tuple[str, str]:
    """``(kind, location)`` of a graph location.

    ``oxigraph:PATH`` is an embedded Oxigraph store (a folder), ``sparql:URL``
    a SPARQL 1.1 endpoint (query and update at the same URL, or
    ``sparql:QUERY_URL|UPDATE_URL``); anything else is a graph file.

    >>> parse_store("oxigraph:/data/g")
    ('oxigraph', '/data/g')
    >>> parse_store("sparql:http://127.0.0.1:7878/query")
    ('sparql', 'http://127.0.0.1:7878/query')
    >>> parse_store("graph.trig")
    ('file', 'graph.trig')
    """
    s = str(spec)
    for kind in ("oxigraph", "sparql"):
        if s.startswith(kind + ":"):
            loc = s[len(kind) + 1:]
            # a URL that went through pathlib lost one slash of its "//"
            loc = re_slash(loc) if kind == "sparql" else loc
            if not loc:
                raise GraphError(f"{s}: say where the {kind} store is ({kind}:PATH or URL)")
            return kind, loc
    return "file", s


def re_slash(url: str) -> str:
    import re

    return re.sub(r"^(https?):/(?!/)", r"\1://", url)


def is_store_spec(spec: str | Path) -> bool:
    """True for ``oxigraph:`` and ``sparql:`` locations (not graph files)."""
    return parse_store(spec)[0] != "file"


def open_dataset(spec: str | Path, missing_ok: bool = False) -> Dataset:
    """A readable rdflib ``Dataset`` for a file, an Oxigraph store or a SPARQL endpoint."""
    kind, loc = parse_store(spec)
    if kind == "oxigraph":
        from .oxigraph_store import open_oxigraph_dataset

        return open_oxigraph_dataset(loc, missing_ok=missing_ok)
    if kind == "sparql":
        from .sparql_store import SparqlStore

        return SparqlStore(loc).dataset()
    return load_graph(loc, missing_ok=missing_ok)


class GraphStore(ABC):
    """Where a build writes: finished articles become durable in chunks (checkpoints).

    A build asks :meth:`article_ids` which articles are already in (by content
    hash), adds new ones to :meth:`link_dataset` with ``add_extraction`` (which
    links entities against what that dataset holds), calls :meth:`commit` with
    the ids of the articles finished since the last checkpoint, and
    :meth:`close` at the end. A kill loses at most the uncommitted chunk.
    """

    kind = "file"

    @abstractmethod
    def article_ids(self) -> set[str]:
        """See the class docstring."""

    @abstractmethod
    def link_dataset(self) -> Dataset:
        """See the class docstring."""

    @abstractmethod
    def commit(self, graph_iris: list) -> None:
        """See the class docstring."""

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to finish by default
        """Finish the build (the file store writes its file here)."""

    def release(self) -> None:  # noqa: B027 - optional hook, nothing held by default
        """Let go of the store without finishing (the file store unlocks its file)."""

    @abstractmethod
    def counts(self) -> tuple[int, int]:
        """(claims, entities) in the whole store."""

    def add_extraction(self, ex, base: str, when=None) -> bool:
        """Add one article to :meth:`link_dataset` (``graph.build.add_extraction``)."""
        from .build import add_extraction

        return add_extraction(self.link_dataset(), ex, base=base, when=when)


def _quads_nq(ds: Dataset, graph_iris: list) -> str:
    """N-Quads of the named graphs ``graph_iris`` of ``ds``."""
    return nquads_text(ds, graph_iris)


class FileStore(GraphStore):
    """The graph file, with a journal of checkpoint chunks beside it.

    Finished articles are written as ``<graph>.journal/NNNNNN.nq`` (atomically,
    one file per checkpoint); :meth:`close` writes the whole graph file
    atomically and removes the journal. A build that was killed leaves the
    journal; the next build of the same graph reads it back, so nothing
    finished is extracted twice and nothing is lost.

    The store holds ``<graph>.lock`` (:mod:`graph.lock`) from reading the file
    until :meth:`close` has written it (or :meth:`release`), so another writer
    (a second build, the app's "Add article") waits instead of overwriting it.
    """

    def __init__(self, path: str | Path, lock_timeout: float | None = None) -> None:
        from .lock import GraphLock

        self.path = Path(path)
        self.fmt = rdf_format(self.path)
        # articles added by this build, by graph IRI: their triples until the checkpoint,
        # then their text in the graph file's format (with the prefixes a TriG block uses)
        self._pending: dict[URIRef, list] = {}
        self._text: dict[URIRef, tuple[str, dict[str, str]]] = {}
        if rdf_format(self.path) == "turtle":  # a bad file name fails before any work
            raise GraphError(f"{path}: a graph with named graphs needs .trig or .nq, not .ttl")
        self.journal = self.path.with_name(self.path.name + ".journal")
        self.lock = GraphLock(self.path, "claimgraph build", lock_timeout)
        try:
            self._load()
        except BaseException:
            self.lock.release()
            raise

    def _load(self) -> None:
        self.ds = load_graph(self.path, missing_ok=True)
        self.recovered = 0
        if self.journal.is_dir():
            for chunk in sorted(self.journal.glob("*.nq")):
                try:
                    self.ds.parse(chunk, format="nquads")
                except Exception as e:  # rdflib raises many parser exception types
                    raise GraphError(f"{chunk}: damaged build journal ({type(e).__name__}); "
                                     f"delete {self.journal} to start over") from None
                self.recovered += 1
        self.changed = self.recovered > 0
        self._ns = namespace_map(self.ds)

    def article_ids(self) -> set[str]:
        from claimgraph.ontology import CG

        return {str(o) for o in self.ds.objects(None, CG.contentHash)}

    def link_dataset(self) -> Dataset:
        return self.ds

    def add_extraction(self, ex, base: str, when=None) -> bool:
        """Add one article: only what linking and counting read goes into the dataset;
        the article's whole graph is kept aside as triples, then as text (:meth:`commit`)."""
        from .build import add_extraction

        if self.fmt not in ("trig", "nquads"):  # written by rdflib from the whole dataset
            return add_extraction(self.ds, ex, base=base, when=when)
        return add_extraction(self.ds, ex, base=base, when=when,
                              sink=self._pending.__setitem__)

    def commit(self, graph_iris: list) -> None:
        if not graph_iris:
            return
        self.changed = True
        chunk = []
        for gi in graph_iris:
            triples = self._pending.pop(gi, None)
            if triples is None:
                chunk.append(_quads_nq(self.ds, [gi]))
            else:
                chunk.append(self._keep(gi, triples))
        self.journal.mkdir(parents=True, exist_ok=True)
        n = len(list(self.journal.glob("*.nq")))
        atomic_write(self.journal / f"{n:06d}.nq", "".join(chunk))

    def _keep(self, gi: URIRef, triples: list) -> str:
        """Keep the text of a graph added by this build; returns its N-Quads."""
        nq = nquads_triples(gi, triples)
        self._text[gi] = (nq, {}) if self.fmt == "nquads" else \
            TrigBlocks(self._ns).block(gi, triples)
        return nq

    def _graph_text(self) -> str:
        """The whole graph file: graphs of this build from their kept text, others from the dataset."""
        for gi in list(self._pending):
            self._keep(gi, self._pending.pop(gi))
        graphs = {g.identifier: g for g in _named_graphs(self.ds)}
        order = sorted(set(graphs) | set(self._text), key=_graph_order)
        if self.fmt == "nquads":
            return "".join(self._text[gi][0] if gi in self._text else _quads_nq(self.ds, [gi])
                           for gi in order)
        w = TrigBlocks(self._ns)
        used: dict[str, str] = {}
        body = []
        for gi in order:
            text, u = self._text[gi] if gi in self._text else \
                w.block(gi, graphs[gi].triples((None, None, None)))
            used.update(u)
            body.append(text)
        return w.head(used) + "".join(body)

    def close(self) -> None:
        try:
            if (self._text or self._pending) and self.fmt in ("trig", "nquads"):
                atomic_write(self.path, self._graph_text())
            elif self.changed or not self.path.exists():
                save_graph(self.ds, self.path)
            if self.journal.is_dir():
                for f in self.journal.iterdir():
                    f.unlink()
                self.journal.rmdir()
        finally:
            self.lock.release()

    def release(self) -> None:
        self.lock.release()

    def counts(self) -> tuple[int, int]:
        return dataset_counts(self.ds)


def dataset_counts(ds: Dataset) -> tuple[int, int]:
    """(claims, entities) of an in-memory dataset: :data:`COUNT_QUERY` by triple lookups."""
    from claimgraph.ontology import CG, SCHEMA
    from rdflib.namespace import RDF, SKOS

    claims = {s for s, _, _, _ in ds.quads((None, RDF.type, CG.Claim, None))}
    ents = set()
    for t in (SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place, SKOS.Concept):
        ents.update(s for s, _, _, _ in ds.quads((None, RDF.type, t, None)))
    return len(claims), len(ents)


def open_store(spec: str | Path) -> GraphStore:
    """The build target named by ``spec``: a graph file, ``oxigraph:PATH`` or ``sparql:URL``."""
    kind, loc = parse_store(spec)
    if kind == "oxigraph":
        from .oxigraph_store import OxigraphStore

        return OxigraphStore(loc)
    if kind == "sparql":
        from .sparql_store import SparqlStore

        return SparqlStore(loc)
    return FileStore(loc)

"""The property-graph projection of a claimgraph dataset, and its networkx form.

Every non-RDF exporter (GEXF, GraphML, Neo4j CSV, Cypher, the Neo4j push)
starts here, so they all agree on what a node and an edge are:

nodes
    ``Person``, ``Organization``, ``Place``, ``Concept`` (entities), and
    optionally ``Claim``, ``Fact`` and ``Article``. The node id is its IRI.
edges
    ``SAID`` (speaker -> claim), ``ABOUT`` (claim or fact -> entity),
    ``SAID_ABOUT`` (speaker -> entity, weight = number of claims; used when
    claims are not nodes), ``MEMBER_OF`` (person -> organization, with
    ``role`` and ``former``), ``PROPOSED`` / ``DISCUSSED`` (entity ->
    concept), ``CO_MENTIONED`` (two entities named in the same claim or fact,
    weight = number of such statements; symmetric, stored once from the
    smaller id to the larger), ``IN_ARTICLE`` (claim or fact -> article) and
    ``MENTIONED_IN`` (entity -> article).

Property values are ``str``, ``int``, ``float``, ``bool`` or ``list[str]``;
absent values (None, empty strings, empty lists) are left out, never stored
as empty. Strings keep every character XML 1.0 can carry; the C0 control
characters it cannot (everything below U+0020 but tab, newline and carriage
return) are dropped here, once, so that every format holds the same text.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimgraph.ontology import CG, KIND_NAME, OA, ORG, SCHEMA
from rdflib import RDF, BNode, Dataset, URIRef
from rdflib.namespace import SKOS

from . import views
from .build import CLASS_TYPE

ENTITY_KINDS = ("Person", "Organization", "Place", "Concept")

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")


def clean(text: str) -> str:
    r"""``text`` without the characters XML 1.0 cannot hold (C0 controls, lone surrogates).

    >>> clean("a\x00b\nc")
    'ab\nc'
    """
    return _ILLEGAL.sub("", text)


@dataclass(frozen=True)
class Node:
    """A node: its id (the IRI), its kind and its properties."""

    id: str
    kind: str
    props: dict[str, Any]


@dataclass(frozen=True)
class Edge:
    """A directed edge. ``key`` tells apart parallel edges of one kind (a membership IRI)."""

    source: str
    target: str
    kind: str
    props: dict[str, Any] = field(default_factory=dict)
    key: str | None = None


@dataclass
class PropertyGraph:
    """Nodes by id and a list of edges, each edge's ends among the nodes."""

    nodes: dict[str, Node]
    edges: list[Edge]

    def node_kinds(self) -> Counter:
        return Counter(n.kind for n in self.nodes.values())

    def edge_kinds(self) -> Counter:
        return Counter(e.kind for e in self.edges)


def _props(**kw: Any) -> dict[str, Any]:
    """Keep only present values; clean every string."""
    out: dict[str, Any] = {}
    for k, v in kw.items():
        if v is None:
            continue
        if isinstance(v, str):
            v = clean(v)
            if not v:
                continue
        elif isinstance(v, (list, tuple)):
            v = [clean(str(x)) for x in v if x is not None and clean(str(x))]
            if not v:
                continue
        out[k] = v
    return out


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def property_graph(ds: Dataset, *, claims: bool = True, facts: bool = True,
                   articles: bool = True, co_mentions: bool = False) -> PropertyGraph:
    """Project ``ds`` onto nodes and typed edges.

    Args:
        ds: the claimgraph dataset.
        claims: make claims nodes (``SAID`` and ``ABOUT`` edges); when False,
            each speaker's claims about an entity become one ``SAID_ABOUT``
            edge weighted by their number.
        facts: make numeric facts nodes (with ``ABOUT`` edges).
        articles: make articles nodes (``IN_ARTICLE``, ``MENTIONED_IN`` edges).
        co_mentions: add ``CO_MENTIONED`` edges between entities named in the
            same claim or fact.
    """
    ds = _bulk(ds)  # a store on disk: a few bulk reads instead of one per node and property
    lbls = views.labels(ds)
    # entities, memberships, claims and facts by direct triple lookups rather
    # than the SPARQL ``views`` (whose joins cost seconds per 10k statements);
    # a test checks both say the same
    links = _statement_links(ds)
    ents = _entities(ds, lbls, links)
    cls = _claims(ds) if claims else []
    fcts = _facts(ds) if facts else []
    descriptions: dict[str, str] = {}
    for s, o in ds.subject_objects(SCHEMA.description):
        descriptions.setdefault(str(s), str(o))

    cited: Counter = Counter()
    for _, _sp, about, _c in links:
        for a in about:
            cited[a] += 1

    nodes: dict[str, Node] = {}
    for e in ents:
        en, zh = e["labels"]["en"], e["labels"]["zh"]
        name_en, name_zh = (en[0] if en else None), (zh[0] if zh else None)
        aliases = [x for x in [*en[1:], *zh[1:]] if x not in (name_en, name_zh)]
        name = name_en or name_zh or e["iri"].rsplit("/", 1)[-1]
        nodes[e["iri"]] = Node(e["iri"], e["type"], _props(
            iri=e["iri"], name=name, name_en=name_en, name_zh=name_zh, aliases=aliases,
            type=e["type"], claims=int(e["claims"]), cited=int(cited.get(e["iri"], 0)),
            mentioned=bool(e["mentioned"]), description=descriptions.get(e["iri"])))

    edges: list[Edge] = []
    seen: set[tuple[str, str, str, str | None]] = set()

    def add(source: str, target: str, etype: str, key: str | None = None, **props: Any) -> None:
        if source not in nodes or target not in nodes:
            return
        sig = (source, target, etype, key)
        if sig in seen:
            return
        seen.add(sig)
        edges.append(Edge(source, target, etype, _props(**props), key))

    if articles:
        for a in _articles(ds):
            nodes[a["iri"]] = Node(a["iri"], "Article", _props(**a))

    if claims:
        for c in cls:
            ev = c["evidence"][0]
            nodes[c["iri"]] = Node(c["iri"], "Claim", _props(
                iri=c["iri"], name=_short(c["content"]), type="Claim", content=c["content"],
                kind=c["kind"], cue=c["cue"], source_text=c["source_text"],
                paragraph=ev["paragraph"], start=ev["start"], end=ev["end"],
                article=ev["article"]))
    if facts:
        for f in fcts:
            ev = f["evidence"][0]
            nodes[f["iri"]] = Node(f["iri"], "Fact", _props(
                iri=f["iri"], name=_short(f"{f['value']} {f['quantity']}"), type="Fact",
                value=f["value"], quantity=f["quantity"], date=f["date"], quote=ev["quote"],
                paragraph=ev["paragraph"], start=ev["start"], end=ev["end"],
                article=ev["article"]))

    about_of = {iri: about for iri, _sp, about, _c in links}
    for c in cls:
        sp = c["speaker"]
        if sp:
            add(sp, c["iri"], "SAID", kind=c["kind"])
        for a in sorted(about_of.get(c["iri"], ())):
            add(c["iri"], a, "ABOUT")
        if articles:
            ev = c["evidence"][0]
            add(c["iri"], ev["article"], "IN_ARTICLE", paragraph=ev["paragraph"])
    if not claims:
        said_about: Counter = Counter()
        for _iri, sp, about, _c in links:
            for a in about:
                if sp and a != sp:
                    said_about[(sp, a)] += 1
        for (sp, a), n in sorted(said_about.items()):
            add(sp, a, "SAID_ABOUT", claims=n, weight=float(n))
    for f in fcts:
        for a in sorted(about_of.get(f["iri"], ())):
            add(f["iri"], a, "ABOUT")
        if articles:
            ev = f["evidence"][0]
            add(f["iri"], ev["article"], "IN_ARTICLE", paragraph=ev["paragraph"])

    for m in _memberships(ds):
        ev = m["evidence"][0]
        add(m["person"]["iri"], m["organization"]["iri"], "MEMBER_OF", key=m["iri"],
            iri=m["iri"], role=m["role"], former=m["former"], paragraph=ev["paragraph"],
            quote=ev["quote"], article=ev["article"])

    for pred, etype in ((CG.proposed, "PROPOSED"), (CG.discussed, "DISCUSSED")):
        for s, o in sorted(ds.subject_objects(pred)):
            add(str(s), str(o), etype)

    if articles:
        for s, o in sorted(ds.subject_objects(CG.mentionedIn)):
            add(str(s), str(o), "MENTIONED_IN")

    if co_mentions:
        pairs: Counter = Counter()
        for _iri, sp, about, _c in links:
            members = sorted(x for x in (about | {sp}) if x and x in nodes)
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    pairs[(a, b)] += 1
        for (a, b), n in sorted(pairs.items()):
            add(a, b, "CO_MENTIONED", statements=n, weight=float(n))

    return PropertyGraph(nodes, edges)


def entity_graph(ds: Dataset, *, claims: bool = False) -> PropertyGraph:
    """The projection Gephi wants: entities, optionally claims, and co-mentions."""
    return property_graph(ds, claims=claims, facts=False, articles=False, co_mentions=True)


class _Prefetched:
    """The four rdflib lookups the projection makes, served from per-predicate bulk reads.

    Through ``oxrdflib`` every ``ds.value(node, pred)`` is a round trip into
    Oxigraph (about 180 s per 100k GEXF edges). Here each predicate is read
    once (``subject_objects``: one pattern scan) and indexed by subject in
    memory; ``subjects(pred, obj)`` is one scan per class. Same answers as
    the dataset itself (tests/test_scale.py compares the exports).
    """

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self._pairs: dict = {}
        self._index: dict = {}
        self._subjects: dict = {}

    def subject_objects(self, pred):
        if pred not in self._pairs:
            self._pairs[pred] = list(self.ds.subject_objects(pred))
        return iter(self._pairs[pred])

    def subjects(self, pred, obj):
        key = (pred, obj)
        if key not in self._subjects:
            self._subjects[key] = list(self.ds.subjects(pred, obj))
        return iter(self._subjects[key])

    def _by_subject(self, pred) -> dict:
        idx = self._index.get(pred)
        if idx is None:
            idx = {}
            for s, o in self.subject_objects(pred):
                idx.setdefault(s, []).append(o)
            self._index[pred] = idx
        return idx

    def objects(self, subject, pred):
        return iter(self._by_subject(pred).get(subject, ()))

    def value(self, subject, pred):
        got = self._by_subject(pred).get(subject)
        return got[0] if got else None


class _Lit(str):
    """A literal read straight from Oxigraph: its text, ``language``, ``datatype``, ``toPython``.

    rdflib's ``Literal`` costs ~20 us to make; the projection only needs these.
    """

    language: str | None
    datatype: str | None

    def toPython(self):  # noqa: N802 - rdflib's name
        dt = self.datatype or ""
        if dt.endswith("#boolean"):
            return self in ("true", "1")
        if dt.endswith(("#integer", "#int", "#long")):
            return int(self)
        return str(self)


class _OxPrefetched(_Prefetched):
    """:class:`_Prefetched` reading pyoxigraph directly, with light terms (no rdflib round trip)."""

    def __init__(self, ds: Dataset, store) -> None:
        import pyoxigraph as ox

        super().__init__(ds)
        self.ox, self.store = ox, store
        # claimgraph's Oxigraph stores keep the union of the article graphs in the default
        # graph (a set); a store without it is read across all graphs, de-duplicated
        self.graph = None if getattr(ds, "default_union", False) else ox.DefaultGraph()
        self._iri: dict[str, URIRef] = {}

    def _term(self, t):
        ox = self.ox
        if isinstance(t, ox.NamedNode):
            v = t.value
            u = self._iri.get(v)
            if u is None:
                u = self._iri[v] = URIRef(v)
            return u
        if isinstance(t, ox.Literal):
            lit = _Lit(t.value)
            lit.language = t.language
            lit.datatype = t.datatype.value if t.language is None else None
            return lit
        return BNode(t.value)

    def _scan(self, s, p, o) -> list:
        quads = self.store.quads_for_pattern(s, p, o, self.graph)
        if self.graph is None:
            return list(dict.fromkeys((q.subject, q.object) for q in quads))
        return [(q.subject, q.object) for q in quads]

    def subject_objects(self, pred):
        if pred not in self._pairs:
            term = self._term
            self._pairs[pred] = [(term(a), term(b))
                                 for a, b in self._scan(None, self.ox.NamedNode(str(pred)), None)]
        return iter(self._pairs[pred])

    def subjects(self, pred, obj):
        key = (pred, obj)
        if key not in self._subjects:
            from .oxigraph_store import to_ox

            self._subjects[key] = [self._term(a) for a, _ in self._scan(
                None, self.ox.NamedNode(str(pred)), to_ox(obj))]
        return iter(self._subjects[key])


    def table(self, cls, preds: dict) -> dict:
        """node -> {name: value} for every node of class ``cls``: one SPARQL query.

        ``preds`` maps column names to predicates (the first value of each, as
        ``ds.value`` gives); the columns ``article``, ``paragraph``, ``quote``,
        ``start`` and ``end`` are the node's evidence, as :func:`_evidence` reads it.
        """
        cols = {**preds, "article": CG.article, "paragraph": CG.paragraph}
        opt = " ".join(f"OPTIONAL {{ ?x <{p}> ?{n} }}" for n, p in cols.items())
        ev = " ".join(f"OPTIONAL {{ ?ev <{OA.hasSelector}> ?sel_{n} . ?sel_{n} <{p}> ?{n} }}"
                      for n, p in (("quote", OA.exact), ("start", OA.start), ("end", OA.end)))
        names = [*cols, "quote", "start", "end"]
        q = (f"SELECT ?x {' '.join('?' + n for n in names)} WHERE {{ ?x a <{cls}> . {opt} "
             f"OPTIONAL {{ ?x <{CG.evidence}> ?ev . {ev} }} }}")
        res = self.store.query(q, use_default_graph_as_union=self.graph is None)
        out: dict = {}
        term = self._term
        for row in res:
            x = term(row["x"])
            if x in out:
                continue
            out[x] = {n: (term(row[n]) if row[n] is not None else None) for n in names}
        return out


def _bulk(ds):
    """``ds`` itself when it is in memory, else a :class:`_Prefetched` view of it."""
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    store = getattr(ds, "store", None)
    if isinstance(ds, _Prefetched) or isinstance(store, (Memory, SimpleMemory)):
        return ds
    inner = getattr(store, "_inner", None)
    if type(inner).__module__.startswith("pyoxigraph"):
        return _OxPrefetched(ds, inner)
    return _Prefetched(ds)


def _statement_links(ds: Dataset) -> list[tuple[str, str | None, set[str], bool]]:
    """(IRI, speaker IRI or None, IRIs it is about, is a claim) for every claim and fact."""
    claims = {str(x) for x in ds.subjects(RDF.type, CG.Claim)}
    stmts = claims | {str(x) for x in ds.subjects(RDF.type, CG.Fact)}
    speaker = {str(s): str(o) for s, o in ds.subject_objects(CG.speaker)}
    about: dict[str, set[str]] = defaultdict(set)
    for s, o in ds.subject_objects(CG.about):
        about[str(s)].add(str(o))
    return [(x, speaker.get(x) if x in claims else None, about.get(x, set()), x in claims)
            for x in sorted(stmts)]


def _entities(ds: Dataset, lbls: dict, links) -> list[dict]:
    """What ``views.entities`` returns (less roles), without its SPARQL."""
    types: dict[str, str] = {}
    for cls, name in CLASS_TYPE.items():
        for s in ds.subjects(RDF.type, cls):
            types.setdefault(str(s), name)
    mentioned: dict[str, bool] = {}
    for s, o in ds.subject_objects(CG.mentioned):
        mentioned[str(s)] = mentioned.get(str(s), False) or bool(o.toPython())
    said = Counter(sp for _, sp, _, is_claim in links if sp and is_claim)
    out = []
    for iri, etype in sorted(types.items()):
        lab = lbls.get(iri, {"en": [], "zh": []})
        out.append({"iri": iri, "type": etype, "labels": {"en": lab["en"], "zh": lab["zh"]},
                    "claims": said.get(iri, 0), "mentioned": mentioned.get(iri, True)})
    return out


def _evidence(ds: Dataset, subject) -> dict:
    ev = ds.value(subject, CG.evidence)
    out = {"article": _str(ds.value(subject, CG.article)),
           "paragraph": _int(ds.value(subject, CG.paragraph)),
           "quote": None, "start": None, "end": None}
    if ev is not None:
        for sel in ds.objects(ev, OA.hasSelector):
            for key, pred in (("quote", OA.exact), ("start", OA.start), ("end", OA.end)):
                v = ds.value(sel, pred)
                if v is not None:
                    out[key] = str(v) if key == "quote" else int(v)
    return out


def _str(v) -> str | None:
    return str(v) if v is not None else None


def _int(v) -> int | None:
    return int(v) if v is not None else None


def _ev_row(r: dict) -> dict:
    return {"article": _str(r["article"]), "paragraph": _int(r["paragraph"]),
            "quote": _str(r["quote"]), "start": _int(r["start"]), "end": _int(r["end"])}


def _claims(ds: Dataset) -> list[dict]:
    """What ``views.claims`` returns (speaker and about as IRIs), without SPARQL."""
    if isinstance(ds, _OxPrefetched):
        t = ds.table(CG.Claim, {"content": CG.content, "kind": CG.kind, "cue": CG.cue,
                                "source_text": CG.sourceText, "speaker": CG.speaker})
        return [{"iri": str(c), "content": _str(r["content"]) or "",
                 "kind": KIND_NAME.get(r["kind"], "indirect"), "cue": _str(r["cue"]),
                 "source_text": _str(r["source_text"]), "speaker": _str(r["speaker"]),
                 "evidence": [_ev_row(r)]} for c, r in sorted(t.items())]
    out = []
    for c in sorted(set(ds.subjects(RDF.type, CG.Claim))):
        kind = ds.value(c, CG.kind)
        out.append({"iri": str(c), "content": _str(ds.value(c, CG.content)) or "",
                    "kind": KIND_NAME.get(kind, "indirect"),
                    "cue": _str(ds.value(c, CG.cue)),
                    "source_text": _str(ds.value(c, CG.sourceText)),
                    "speaker": _str(ds.value(c, CG.speaker)),
                    "evidence": [_evidence(ds, c)]})
    return out


def _facts(ds: Dataset) -> list[dict]:
    """What ``views.facts`` returns, without SPARQL."""
    if isinstance(ds, _OxPrefetched):
        t = ds.table(CG.Fact, {"value": CG.value, "quantity": CG.quantity, "date": CG.date,
                               "unit": CG.unit, "about": CG.about})
        return [{"iri": str(f), "value": _str(r["value"]) or "",
                 "quantity": _str(r["quantity"]) or "", "date": _str(r["date"]),
                 "unit": _str(r["unit"]) or "",
                 "about": _str(r["about"]) if _str(r["unit"]) == "years" else None,
                 "evidence": [_ev_row(r)]} for f, r in sorted(t.items())]
    out = []
    for f in sorted(set(ds.subjects(RDF.type, CG.Fact))):
        unit = _str(ds.value(f, CG.unit)) or ""
        out.append({"iri": str(f), "value": _str(ds.value(f, CG.value)) or "",
                    "quantity": _str(ds.value(f, CG.quantity)) or "",
                    "date": _str(ds.value(f, CG.date)), "unit": unit,
                    "about": _str(ds.value(f, CG.about)) if unit == "years" else None,
                    "evidence": [_evidence(ds, f)]})
    return out


def _memberships(ds: Dataset) -> list[dict]:
    """What ``views.memberships`` returns (IRIs, role, former, evidence), without SPARQL."""
    if isinstance(ds, _OxPrefetched):
        t = ds.table(ORG.Membership, {"person": ORG.member, "org": ORG.organization,
                                      "role": ORG.role, "former": CG.isFormer})
        out = []
        for m, r in sorted(t.items()):
            if r["person"] is None or r["org"] is None:
                continue
            role_label = _role_label(ds, r["role"])
            out.append({"iri": str(m), "person": {"iri": str(r["person"])},
                        "organization": {"iri": str(r["org"])},
                        "role": str(role_label) if role_label is not None else "",
                        "former": bool(r["former"].toPython()) if r["former"] is not None
                        else False, "evidence": [_ev_row(r)]})
        return out
    out = []
    for m in sorted(set(ds.subjects(RDF.type, ORG.Membership))):
        person, org = ds.value(m, ORG.member), ds.value(m, ORG.organization)
        if person is None or org is None:
            continue
        role_label = _role_label(ds, ds.value(m, ORG.role))
        former = ds.value(m, CG.isFormer)
        out.append({"iri": str(m), "person": {"iri": str(person)},
                    "organization": {"iri": str(org)},
                    "role": str(role_label) if role_label is not None else "",
                    "former": bool(former.toPython()) if former is not None else False,
                    "evidence": [_evidence(ds, m)]})
    return out


def _role_label(ds, role) -> str | None:
    # a role node two articles label differently ("Chief Economist", "chief economist"):
    # the smallest, so every store gives the same export
    if role is None:
        return None
    return min((str(o) for o in ds.objects(role, SKOS.prefLabel)), default=None)


def _articles(ds: Dataset) -> list[dict]:
    # direct triple lookups: views.articles() also loads every body and paragraph
    out = []
    for a in sorted(set(ds.subjects(RDF.type, SCHEMA.NewsArticle))):
        title = next(iter(ds.objects(a, SCHEMA.headline)), None)
        fname = next(iter(ds.objects(a, SCHEMA.name)), None)
        h = next(iter(ds.objects(a, CG.contentHash)), None)
        name = str(title or fname or h or a)
        out.append({"iri": str(a), "name": _short(name, 120), "type": "Article",
                    "title": str(title) if title else None,
                    "file": str(fname) if fname else None, "hash": str(h) if h else None})
    return out


def to_networkx(pg: PropertyGraph):
    """The projection as a ``networkx.MultiDiGraph``.

    Node attributes are the node's properties plus ``label`` (its name;
    a claim's ``kind`` becomes ``claim_kind``);
    edge attributes are ``relation`` (the edge kind in lower case),
    ``weight`` (1.0 unless the kind counts something) and the edge's
    properties. Edge keys are ``relation`` or ``relation:key``.
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in pg.nodes.values():
        attrs = dict(n.props)
        attrs["label"] = attrs.pop("name", n.id)
        if "kind" in attrs:  # GEXF readers take ``kind`` for the edge kind
            attrs["claim_kind"] = attrs.pop("kind")
        attrs.setdefault("type", n.kind)
        g.add_node(n.id, **attrs)
    rows = []
    for e in pg.edges:
        rel = e.kind.lower()
        attrs = {"relation": rel, **e.props}
        if "kind" in attrs:
            attrs["claim_kind"] = attrs.pop("kind")
        attrs["weight"] = float(attrs.get("weight", 1.0))
        rows.append((e.source, e.target, f"{rel}:{e.key}" if e.key else rel, attrs))
    g.add_edges_from(rows)
    return g


def project(ds: Dataset, *, claims: bool = False):
    """The networkx projection GEXF and GraphML are written from.

    >>> from claimgraph.graph import new_dataset
    >>> project(new_dataset()).number_of_nodes()
    0
    """
    return to_networkx(entity_graph(ds, claims=claims))


def node_size(attrs: dict) -> float:
    """A display size that grows with how much an entity says and is talked about."""
    return round(4.0 + 3.0 * math.sqrt(attrs.get("claims", 0) + attrs.get("cited", 0)), 2)

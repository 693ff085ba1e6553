"""Library functions behind the Streamlit app (and any other front end).

The app only renders; what it shows comes from here:

* :func:`add_article_text` adds pasted or uploaded text to a graph file,
  idempotently and atomically (the old graph survives any failure).
* :class:`Snapshot` holds the read-side views of one graph, computed once.
* :func:`entity_profile`, :func:`graph_elements` and
  :func:`example_questions` derive pages' content from a snapshot.
* :func:`highlight_html` marks attributions in an article as HTML in which
  every piece of article text is escaped.
"""

from __future__ import annotations

import colorsys
import hashlib
import html
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph import DEFAULT_BASE
from claimgraph.errors import InputError

MAX_UPLOAD_BYTES = 5_000_000
UPLOAD_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
NODE_TYPES = ("Person", "Organization", "Concept", "Place", "Claim")

# One writer at a time per process: Streamlit serves every session from one process.
_WRITE_LOCK = threading.Lock()

Progress = Callable[[str, float], None]


# ---------------------------------------------------------------- adding text


@dataclass
class AddReport:
    """What :func:`add_article_text` did."""

    added: bool
    article_id: str
    title: str
    source: str
    claims: int = 0
    entities: int = 0
    memberships: int = 0
    facts: int = 0
    graph_articles: int = 0
    seconds: float = 0.0

    @property
    def message(self) -> str:
        name = self.title or self.source or self.article_id
        if not self.added:
            return f"{name!r} is already in the graph (same text); nothing changed."
        return (f"Added {name!r}: {self.claims} claims, {self.entities} entities, "
                f"{self.memberships} affiliations, {self.facts} facts "
                f"({self.seconds:.1f} s). The graph now holds {self.graph_articles} articles.")


def _as_text(data: str | bytes, source: str) -> str:
    from claimgraph.extract.readers import decode

    if isinstance(data, bytes):
        if len(data) > MAX_UPLOAD_BYTES:
            raise InputError(f"{source}: {len(data):,} bytes is larger than the "
                             f"{MAX_UPLOAD_BYTES:,}-byte limit")
        return decode(data, source)
    if not isinstance(data, str):
        raise InputError(f"{source}: expected text, got {type(data).__name__}")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"{source}: {len(data):,} characters is more than the "
                         f"{MAX_UPLOAD_BYTES:,}-character limit")
    return data


def add_article_text(graph_path: str | Path, data: str | bytes, filename: str = "pasted.txt",
                     fmt: str | None = None, base: str = DEFAULT_BASE,
                     progress: Progress | None = None, nlp=None) -> AddReport:
    """Extract one article from ``data`` and add it to the graph file ``graph_path``.

    Adding the same text twice changes nothing (the article's content hash
    names it). The file is rewritten through a temp file and a rename, and only
    after extraction succeeded, so a failure leaves the old graph as it was.

    Args:
        graph_path: the .trig/.nq graph file; created when missing.
        data: the article as text, or the bytes of an uploaded file.
        filename: the name shown as the article's source; its suffix picks the
            reader (.txt, .md, .html) unless ``fmt`` is given.
        fmt: ``text``, ``markdown``, ``html`` or ``caixin``; None detects.
        progress: called as ``progress(step, fraction)`` as the work advances.
        nlp: a loaded spaCy pipeline (default: the package's, loaded once).

    Raises:
        InputError: empty, binary, oversized or wrongly typed input.
        GraphError: the graph file exists but cannot be read.
    """
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_article
    from claimgraph.graph import add_extraction, has_article, load_graph, save_graph
    from claimgraph.graph.store import rdf_format

    report = progress or (lambda step, frac: None)
    t0 = time.time()
    name = Path(filename or "pasted.txt").name
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in UPLOAD_SUFFIXES:
        raise InputError(f"{name}: only {', '.join(UPLOAD_SUFFIXES)} files can be added")
    rdf_format(graph_path)  # a bad graph file name fails before any work
    report("Reading the text", 0.05)
    text = _as_text(data, name)
    article = read_article(text, name, fmt)
    if not any(p.text.strip() for p in article.paragraphs):
        raise InputError(f"{name}: no text left after reading it as {article.format}")
    from claimgraph.graph.lock import graph_lock

    # threads of this app, then other processes (a `claimgraph build` into the same file)
    with _WRITE_LOCK, graph_lock(graph_path, "adding an article from the app"):
        report("Loading the graph", 0.15)
        ds = load_graph(graph_path, missing_ok=True)
        if has_article(ds, article.id):
            report("Already in the graph", 1.0)
            return AddReport(False, article.id, article.title, name,
                             graph_articles=_count_articles(ds), seconds=time.time() - t0)
        report("Parsing with spaCy", 0.3)
        if nlp is None:
            from claimgraph.extract.pipeline import load_nlp

            nlp = load_nlp()
        doc = nlp(article.text)
        report("Extracting entities and claims", 0.6)
        ex = extract_doc(article, doc)
        report("Adding to the graph", 0.8)
        add_extraction(ds, ex, base=base)
        report("Saving the graph", 0.9)
        save_graph(ds, graph_path)
        report("Done", 1.0)
        return AddReport(True, article.id, article.title, name, claims=len(ex.claims),
                         entities=sum(1 for e in ex.entities if e.mentioned),
                         memberships=len(ex.memberships), facts=len(ex.facts),
                         graph_articles=_count_articles(ds), seconds=time.time() - t0)


def _count_articles(ds) -> int:
    from rdflib import RDF

    from claimgraph.ontology import SCHEMA

    return len(set(ds.subjects(RDF.type, SCHEMA.NewsArticle)))


# ---------------------------------------------------------------- snapshot


@dataclass
class Snapshot:
    """The read-side views of one graph, computed once and shared by every page."""

    labels: dict
    entities: list[dict]
    claims: list[dict]
    memberships: list[dict]
    facts: list[dict]
    articles: list[dict]
    by_iri: dict[str, dict] = field(default_factory=dict)
    article_by_iri: dict[str, dict] = field(default_factory=dict)
    claim_by_iri: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_iri = {e["iri"]: e for e in self.entities}
        self.article_by_iri = {a["iri"]: a for a in self.articles}
        self.claim_by_iri = {c["iri"]: c for c in self.claims}

    def name(self, iri: str | None) -> str:
        """The display name of an entity (English preferred label first)."""
        from claimgraph.graph.views import label_of

        return label_of(self.labels, iri) or ""

    def role_text(self, iri: str | None) -> str:
        """'Role, Organization' of a person's first current affiliation ('' when none)."""
        ent = self.by_iri.get(iri or "")
        if not ent:
            return ""
        roles = [r for r in ent["roles"] if not r["former"]] or ent["roles"]
        if not roles:
            return ""
        r = roles[0]
        org = r["organization"]["label"] if r.get("organization") else ""
        text = ", ".join(x for x in (r["role"], org) if x)
        return f"former {text}" if r["former"] else text


def snapshot(ds) -> Snapshot:
    """Compute every view of ``ds`` once."""
    from claimgraph.graph import views

    lbls = views.labels(ds)
    return Snapshot(labels=lbls, entities=views.entities(ds), claims=views.claims(ds, lbls),
                    memberships=views.memberships(ds, lbls), facts=views.facts(ds),
                    articles=views.articles(ds))


# ---------------------------------------------------------------- entities


def entity_profile(snap: Snapshot, iri: str) -> dict:
    """One entity's page: its claims, the claims about it, affiliations, co-mentions.

    Co-mentioned entities are those that share a claim (as speaker or
    subject), an affiliation or a fact with this one, most shared first.

    Raises:
        InputError: ``iri`` is not an entity of the graph.
    """
    ent = snap.by_iri.get(iri)
    if ent is None:
        raise InputError(f"{iri}: no such entity in the graph")
    said = [c for c in snap.claims if c["speaker"] and c["speaker"]["iri"] == iri]
    about = [c for c in snap.claims if any(a["iri"] == iri for a in c["about"])
             and not (c["speaker"] and c["speaker"]["iri"] == iri)]
    affiliations = [m for m in snap.memberships
                    if m["person"]["iri"] == iri or m["organization"]["iri"] == iri]
    together: Counter[str] = Counter()
    for c in snap.claims:
        members = {a["iri"] for a in c["about"]}
        if c["speaker"]:
            members.add(c["speaker"]["iri"])
        if iri in members:
            together.update(members - {iri})
    for m in affiliations:
        together.update({m["person"]["iri"], m["organization"]["iri"]} - {iri})
    co = [{"iri": other, "label": snap.name(other), "type": snap.by_iri[other]["type"],
           "shared": n}
          for other, n in sorted(together.items(), key=lambda kv: (-kv[1], snap.name(kv[0])))
          if other in snap.by_iri]
    articles = sorted({c["evidence"][0]["article"] for c in said + about}
                      | {m["evidence"][0]["article"] for m in affiliations})
    return {"entity": ent, "name": snap.name(iri), "said": said, "about": about,
            "affiliations": affiliations, "co_mentioned": co,
            "articles": [snap.article_by_iri[a] for a in articles if a in snap.article_by_iri]}


def search_entities(snap: Snapshot, text: str = "", types: Iterable[str] | None = None) -> list[dict]:
    """Entities whose English or Chinese labels contain ``text`` (case-insensitive)."""
    needle = text.strip().casefold()
    wanted = set(types) if types else None
    out = []
    for e in snap.entities:
        if wanted is not None and e["type"] not in wanted:
            continue
        names = e["labels"]["en"] + e["labels"]["zh"]
        if needle and not any(needle in n.casefold() for n in names):
            continue
        out.append(e)
    return out


# ---------------------------------------------------------------- graph view


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def graph_elements(snap: Snapshot, types: Iterable[str] | None = None, focus: str | None = None,
                   depth: int = 1, max_nodes: int = 300) -> dict:
    """Nodes and edges of the entity–claim network, in Cytoscape's element format.

    Nodes are people, organizations, places, concepts and claims; edges are
    ``SAID`` (speaker → claim), ``ABOUT`` (claim → entity) and ``MEMBER_OF``
    (person → organization, ``FORMER_MEMBER_OF`` for a past role).

    Args:
        types: node types to keep (default: all of :data:`NODE_TYPES`).
        focus: an entity IRI; keep only nodes within ``depth`` hops of it.
        depth: hops from ``focus`` (1 = its direct neighbours).
        max_nodes: keep at most this many nodes (highest degree first).

    Returns:
        ``{"nodes": [...], "edges": [...], "truncated": bool, "total_nodes": int}``.
    """
    import networkx as nx

    keep = set(types) if types else set(NODE_TYPES)
    g = nx.MultiDiGraph()
    for e in snap.entities:
        if e["mentioned"] or e["claims"]:
            g.add_node(e["iri"], label=e["type"], name=snap.name(e["iri"]),
                       zh=", ".join(e["labels"]["zh"]), claims=e["claims"])
    for c in snap.claims:
        ev = c["evidence"][0]
        g.add_node(c["iri"], label="Claim", name=_short(c["content"]), text=c["content"],
                   kind=c["kind"], paragraph=ev["paragraph"])
        if c["speaker"] and c["speaker"]["iri"] in g:
            g.add_edge(c["speaker"]["iri"], c["iri"], label="SAID", cue=c["cue"] or "")
        for a in c["about"]:
            if a["iri"] in g:
                g.add_edge(c["iri"], a["iri"], label="ABOUT")
    for m in snap.memberships:
        p, o = m["person"]["iri"], m["organization"]["iri"]
        if p in g and o in g:
            g.add_edge(p, o, label="FORMER_MEMBER_OF" if m["former"] else "MEMBER_OF",
                       role=m["role"])
    # a claim by nobody and about nothing carries no link: leave it out of the network
    g.remove_nodes_from([n for n, d in g.nodes(data=True)
                         if d["label"] == "Claim" and g.degree(n) == 0])
    if focus:
        if focus not in g:
            raise InputError(f"{focus}: no such entity in the network")
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), focus,
                                                     cutoff=max(1, int(depth)))
        g = g.subgraph(near).copy()
    g = g.subgraph([n for n, d in g.nodes(data=True) if d["label"] in keep or n == focus]).copy()
    # an entity linked to nothing shown says nothing in a network view
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0 and n != focus])
    total = g.number_of_nodes()
    truncated = total > max_nodes
    if truncated:
        ranked = sorted(g.nodes, key=lambda n: (n != focus, -g.degree(n), str(n)))
        g = g.subgraph(ranked[:max_nodes]).copy()
    nodes = [{"data": {"id": n, **d}} for n, d in sorted(g.nodes(data=True))]
    edges = []
    for i, (u, v, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))):
        edges.append({"data": {"id": f"e{i}", "source": u, "target": v, **d}})
    return {"nodes": nodes, "edges": edges, "truncated": truncated, "total_nodes": total}


# ---------------------------------------------------------------- questions


def example_questions(snap: Snapshot, n: int = 5) -> list[str]:
    """Questions this graph can answer (and one it should refuse), drawn from its contents.

    The most quoted speakers give "What did X say?"; a person with a role gives
    "Who is X?"; an entity with a Chinese label gives a Chinese question; an
    entity that is listed but never mentioned gives a question the engine
    should abstain on.
    """
    out: list[str] = []
    speakers = sorted((e for e in snap.entities if e["claims"] and e["labels"]["en"]),
                      key=lambda e: (-e["claims"], snap.name(e["iri"])))
    people = [e for e in speakers if e["type"] == "Person"]
    orgs = [e for e in speakers if e["type"] != "Person"]
    for e in (people[:2] + orgs[:1]) or speakers[:3]:
        out.append(f"What did {snap.name(e['iri'])} say?")
    with_role = [e for e in snap.entities if e["type"] == "Person" and e["roles"]]
    if with_role:
        out.append(f"Who is {snap.name(with_role[0]['iri'])}?")
    zh = [e for e in speakers if e["labels"]["zh"]]
    if zh:
        out.append(f"{_first_zh(zh[0])}怎么看?")
    listed = [e for e in snap.entities if not e["mentioned"] and e["labels"]["en"]]
    if listed:
        out.append(f"What did {snap.name(listed[0]['iri'])} say?")
    seen, uniq = set(), []
    for q in out:
        if q not in seen:
            seen.add(q)
            uniq.append(q)
    return uniq[: max(n, 1)]


def _first_zh(ent: dict) -> str:
    """An entity's first Chinese label (its English name when it has none)."""
    return (ent["labels"]["zh"] or ent["labels"]["en"] or [ent["iri"]])[0]


# ---------------------------------------------------------------- export


def export_bytes(ds, fmt: str) -> tuple[bytes, str, str]:
    """(data, file name, MIME type) of ``ds`` exported as ``fmt``; folders come zipped.

    Raises:
        ExportError: ``fmt`` is not a registered format.
    """
    import io
    import tempfile
    import zipfile

    from claimgraph.graph.exporters import export, formats

    table = formats()
    if fmt not in table:
        from claimgraph.errors import ExportError

        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(table)}")
    ex = table[fmt]
    with tempfile.TemporaryDirectory(prefix="claimgraph-export-") as tmp:
        target = Path(tmp) / f"claimgraph{'' if ex.is_dir else ex.suffix}"
        out = export(ds, fmt, target)
        if out.is_dir():
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for f in sorted(out.rglob("*")):
                    if f.is_file():
                        zf.write(f, f.relative_to(out).as_posix())
            return buf.getvalue(), f"claimgraph-{fmt}.zip", "application/zip"
        return out.read_bytes(), out.name, _MIME.get(ex.suffix.lower(), "application/octet-stream")


_MIME = {".ttl": "text/turtle", ".trig": "application/trig", ".jsonld": "application/ld+json",
         ".gexf": "application/xml", ".graphml": "application/xml", ".cypher": "text/plain",
         ".cql": "text/plain", ".csv": "text/csv", ".nq": "application/n-quads"}


# ---------------------------------------------------------------- the reader


def speaker_colour(key: str) -> str:
    """A stable pastel colour for a speaker (hue from a hash of its IRI or name)."""
    h = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16)
    r, g, b = colorsys.hls_to_rgb((h % 360) / 360.0, 0.82, 0.75)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


@dataclass(frozen=True)
class Mark:
    """One span to highlight: offsets into the article text and its hover text."""

    start: int
    end: int
    speaker: str
    cue: str
    colour: str
    ident: str = ""


def claim_marks(snap: Snapshot, article_iri: str) -> list[Mark]:
    """Every claim of one article as a :class:`Mark`, coloured by speaker."""
    out = []
    for c in snap.claims:
        ev = c["evidence"][0]
        if ev["article"] != article_iri:
            continue
        sp = c["speaker"]
        who = sp["label"] if sp else (c["source_text"] or "unknown speaker")
        key = sp["iri"] if sp else f"text:{who}"
        out.append(Mark(ev["start"], ev["end"], who, c["cue"] or "", speaker_colour(key),
                        c["iri"].rsplit("/", 1)[-1]))
    return out


def _segments(length: int, marks: list[Mark], lo: int, hi: int) -> list[tuple[int, int, list[Mark]]]:
    """Cut [lo, hi) at every mark boundary; each piece lists the marks covering it."""
    cuts = {lo, hi}
    for m in marks:
        for x in (m.start, m.end):
            if lo < x < hi:
                cuts.add(x)
    points = sorted(c for c in cuts if 0 <= c <= length)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        cover = [m for m in marks if m.start <= a and b <= m.end]
        out.append((a, b, cover))
    return out


def highlight_html(text: str, marks: list[Mark], start: int = 0, end: int | None = None,
                   target: tuple[int, int] | None = None) -> str:
    """``text[start:end]`` as HTML with every mark wrapped in ``<mark>``.

    Every piece of article text is ``html.escape``d before it is wrapped, and
    so are the hover titles; nothing from the article reaches the page as
    markup. Overlapping marks are split at their boundaries and coloured by
    the innermost (shortest) one. The characters ``target`` = (start, end)
    covers (an answer's evidence: a claim or a whole sentence) are wrapped in
    ``<span class="cg-target">`` with an outline, the first piece with
    ``id="cg-target"`` so the page can scroll to it.

    >>> highlight_html("He said <b>no</b>.", [Mark(9, 17, "Ann", "said", "#fff")])
    'He said &lt;<mark style="background:#fff" title="Ann — said">b&gt;no&lt;/b&gt;</mark>.'
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    tgt = None
    if target is not None and target[0] < target[1] and target[0] < end and target[1] > start:
        tgt = (int(target[0]), int(target[1]))
        # the target's edges cut segments like a mark's do
        inside_cuts = [Mark(tgt[0], tgt[1], "", "", "")]
    else:
        inside_cuts = []
    parts: list[str] = []
    in_target = False
    for a, b, cover in _segments(len(text), inside + inside_cuts, start, end):
        cover = [m for m in cover if m.colour]
        hit = tgt is not None and tgt[0] <= a and b <= tgt[1]
        if hit and not in_target:
            ident = ' id="cg-target"' if a == tgt[0] else ""
            parts.append(f'<span{ident} class="cg-target" '
                         'style="outline:2px solid #d62728;outline-offset:2px;border-radius:.2rem">')
            in_target = True
        elif not hit and in_target:
            parts.append("</span>")
            in_target = False
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        if not cover:
            parts.append(piece)
            continue
        inner = min(cover, key=lambda m: m.end - m.start)
        title = html.escape(" | ".join(f"{m.speaker} — {m.cue}" if m.cue else m.speaker
                                       for m in sorted(cover, key=lambda m: m.start)
                                       if m.speaker), quote=True)
        attrs = f'style="background:{html.escape(inner.colour, quote=True)}"'
        if title:
            attrs += f' title="{title}"'
        parts.append(f"<mark {attrs}>{piece}</mark>")
    if in_target:
        parts.append("</span>")
    return "".join(parts)


def quote_in_paragraph(snap: Snapshot, evidence: dict) -> str:
    """The paragraph of one piece of evidence as HTML, its quote highlighted (escaped)."""
    art = snap.article_by_iri.get(evidence["article"])
    if art is None:
        return html.escape(evidence["quote"])
    para = next((p for p in art["paragraphs"] if p["paragraph"] == evidence["paragraph"]), None)
    lo, hi = (para["start"], para["end"]) if para else (evidence["start"], evidence["end"])
    lo, hi = min(lo, evidence["start"]), max(hi, evidence["end"])
    mark = Mark(evidence["start"], evidence["end"], "", "", "#fff3a3")
    return highlight_html(art["text"], [mark], lo, hi, target=None)


def legend(marks: list[Mark]) -> list[tuple[str, str, int]]:
    """(speaker, colour, number of spans) per speaker, most spans first."""
    count: dict[tuple[str, str], int] = defaultdict(int)
    for m in marks:
        count[(m.speaker, m.colour)] += 1
    return [(s, c, n) for (s, c), n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0][0]))]

"""Exports checked by the programs that consume them.

GEXF: networkx and graphology-gexf (the parser Gephi Lite uses, run with
node). GraphML: networkx. Cypher: a real openCypher engine (FalkorDB on a
unix socket). Neo4j CSV: the import tool's header grammar and a round-trip
reader. RDF: rdflib, isomorphic. The graph is built by hand from records whose
names carry quotes, backslashes, markup, newlines, emoji, Chinese and
spreadsheet-formula prefixes: each must survive every format intact.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from claimgraph.extract.records import (
    Article,
    Claim,
    ConceptLink,
    Entity,
    Extraction,
    Fact,
    Membership,
    Paragraph,
    Span,
)
from claimgraph.graph import add_extraction, new_dataset, save_graph
from claimgraph.graph.exporters import export, formats
from claimgraph.graph.projection import entity_graph, project, property_graph
from cypher_engine import split_statements
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from claimgraph.errors import ExportError

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "tests" / "js"

HOSTILE = [
    "O'Brien \"Bob\" \\ Backslash",
    "<script>alert(1)</script> & Sons",
    "Line\nBreak\r\nHoldings",
    "Tab\tSeparated, Semi; Colon | Pipe",
    "\U0001F600 Emoji Capital \U0001F4B8",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+cmd|' /C calc'!A0",
    "-2+3 Partners",
    "@SUM(A1:A9)",
    "'}); MATCH (n) DETACH DELETE n; //",
    "]]></label><x a=\"1\">",
    "Unicode\u2028line\u2029separators\u0085next",
]
ZH = "渣打银行"


@pytest.fixture(scope="module", autouse=True)
def _registry_loaded():
    # formats() fills the registry only while it is empty, so it must run
    # before any exporter module is imported directly (which registers just that one)
    formats()


def neo4j_graph(d):
    from claimgraph.graph.exporters.neo4j_model import neo4j_graph as ng

    return ng(d)


def cypher_text(pg, batch_size=500):
    from claimgraph.graph.exporters.cypher import cypher_text as ct

    return ct(pg, batch_size)


def read_neo4j_csv(path):
    from claimgraph.graph.exporters.neo4j_csv import read_neo4j_csv as r

    return r(path)


def _hostile_extraction() -> Extraction:
    text = "\n".join(HOSTILE) + f"\n{ZH} said the basis trade is risky.\n"
    para = Paragraph(1, 0, len(text), text)
    art = Article(id="hostile00000001", text=text, paragraphs=(para,),
                  title="Title \"quoted\" & <tagged> \u2014 \u6807\u9898", format="text",
                  source="/tmp/=evil,name.txt")
    ents = [Entity(f"hostile {i}", "Person" if i % 2 else "Organization", name,
                   aliases=(f"{name} alias",)) for i, name in enumerate(HOSTILE)]
    ents.append(Entity("standard chartered", "Organization", "Standard Chartered",
                       aliases=("StanChart",), names_zh=(ZH, "渣打"),
                       description="A bank; \"listed\" = here"))
    ents.append(Entity("basis trade", "Concept", "basis trade", names_zh=("基差交易",)))
    ents.append(Entity("listed only", "Organization", "Listed Only", mentioned=False))
    span = Span(0, len(HOSTILE[0]), HOSTILE[0])
    claims = [
        Claim("hostile 1", Span(0, 20, text[:20]), Span(0, 4, text[:4]), Span(0, 3, text[:3]),
              "direct", 1, about=("standard chartered", "basis trade", "hostile 0")),
        Claim("hostile 1", Span(20, 40, text[20:40]), None, None, "indirect", 1,
              about=("standard chartered",)),
        Claim("standard chartered", Span(len(text) - 30, len(text) - 1, text[-30:-1]),
              None, None, "according-to", 1, about=("basis trade",)),
        Claim(None, Span(40, 50, text[40:50]), None, None, "report", 1),
    ]
    members = [
        Membership("hostile 1", "hostile 0", "Chief \"Economist\"", True, span, 1),
        Membership("hostile 1", "hostile 0", "Board member; =advisor", False, span, 1),
        Membership("hostile 3", "standard chartered", "", False, span, 1),
    ]
    facts = [Fact("4.53%", "10-year Treasury yield", Span(0, 10, text[:10]), 1,
                  date="2025-04-11", about=("standard chartered", "hostile 2"))]
    links = [ConceptLink("standard chartered", "basis trade", "discussed", span, 1),
             ConceptLink("hostile 1", "basis trade", "proposed", span, 1)]
    return Extraction(art, tuple(ents), (), tuple(members), tuple(claims), tuple(facts),
                      tuple(links), {"extractor": "claimgraph/test"})


@pytest.fixture(scope="module")
def ds() -> Dataset:
    d = new_dataset()
    assert add_extraction(d, _hostile_extraction())
    return d


@pytest.fixture(scope="module")
def graph_file(ds, tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("hostile") / "hostile.trig"
    save_graph(ds, p)
    return p


def _names(pg) -> set[str]:
    out = set()
    for n in pg.nodes.values():
        for k in ("name", "name_en", "name_zh"):
            if k in n.props:
                out.add(n.props[k])
        out.update(n.props.get("aliases", []))
    return out


# --- the projection -------------------------------------------------------


def test_projection_keeps_every_hostile_name_and_relation(ds):
    pg = neo4j_graph(ds)
    names = _names(pg)
    for name in HOSTILE:
        assert name in names
        assert f"{name} alias" in names
    assert ZH in names and "渣打" in names
    kinds = pg.node_kinds()
    assert kinds["Claim"] == 4 and kinds["Fact"] == 1 and kinds["Article"] == 1
    assert kinds["Concept"] == 1
    edges = pg.edge_kinds()
    # two roles of one person at one organization stay two MEMBER_OF edges
    assert edges["MEMBER_OF"] == 3
    roles = {(e.props.get("role"), e.props["former"]) for e in pg.edges if e.kind == "MEMBER_OF"}
    assert ("Chief \"Economist\"", True) in roles and ("Board member; =advisor", False) in roles
    assert edges["SAID"] == 3  # the speakerless claim has no SAID edge
    assert edges["PROPOSED"] == 1 and edges["DISCUSSED"] == 1
    # 3 + 1 + 1 claim ABOUT edges + 2 fact ABOUT edges
    assert edges["ABOUT"] == 7
    assert edges["IN_ARTICLE"] == 5
    for e in pg.edges:
        assert e.source in pg.nodes and e.target in pg.nodes


def test_entity_graph_aggregates_said_about_and_co_mentions(ds):
    eg = entity_graph(ds)
    assert {n.kind for n in eg.nodes.values()} == {"Person", "Organization", "Concept"}
    said = {(eg.nodes[e.source].props["name"], eg.nodes[e.target].props["name"]): e.props
            for e in eg.edges if e.kind == "SAID_ABOUT"}
    # "hostile 1" made two claims about Standard Chartered
    assert said[(HOSTILE[1], "Standard Chartered")]["claims"] == 2
    assert said[(HOSTILE[1], "Standard Chartered")]["weight"] == 2.0
    co = {frozenset((eg.nodes[e.source].props["name"], eg.nodes[e.target].props["name"])): e
          for e in eg.edges if e.kind == "CO_MENTIONED"}
    pair = co[frozenset((HOSTILE[1], "Standard Chartered"))]
    assert pair.props["statements"] == 2  # both claims name both
    assert pair.source < pair.target  # stored once, smaller id first
    # the fact names Standard Chartered and hostile 2 together
    assert frozenset(("Standard Chartered", HOSTILE[2])) in co
    with_claims = entity_graph(ds, claims=True)
    assert with_claims.node_kinds()["Claim"] == 4
    assert "SAID_ABOUT" not in with_claims.edge_kinds()


def _agree_with_views(d):
    """The projection's fast triple scans say what the SPARQL views say."""
    from claimgraph.graph import projection, views

    lbls = views.labels(d)
    fast = projection._entities(d, lbls, projection._statement_links(d))
    slow = views.entities(d)
    keep = ("iri", "type", "labels", "claims", "mentioned")
    assert sorted(({k: e[k] for k in keep} for e in fast), key=lambda e: e["iri"]) == \
        sorted(({k: e[k] for k in keep} for e in slow), key=lambda e: e["iri"])

    def norm(ms):
        return sorted((m["iri"], m["person"]["iri"], m["organization"]["iri"], m["role"],
                       m["former"], m["evidence"][0]["paragraph"], m["evidence"][0]["quote"],
                       m["evidence"][0]["article"]) for m in ms)

    assert norm(projection._memberships(d)) == norm(views.memberships(d))
    cls = views.claims(d)
    links = {iri: (sp, about) for iri, sp, about, is_claim in projection._statement_links(d)
             if is_claim}
    assert links == {c["iri"]: (c["speaker"]["iri"] if c["speaker"] else None,
                                {a["iri"] for a in c["about"]}) for c in cls}
    mine = {c["iri"]: c for c in projection._claims(d)}
    assert set(mine) == {c["iri"] for c in cls}
    for c in cls:
        m = mine[c["iri"]]
        assert m["speaker"] == (c["speaker"]["iri"] if c["speaker"] else None)
        for k in ("content", "kind", "cue", "source_text", "evidence"):
            assert m[k] == c[k], (c["iri"], k)
    assert sorted(projection._facts(d), key=lambda f: f["iri"]) == \
        sorted(views.facts(d), key=lambda f: f["iri"])


def test_fast_projection_reads_agree_with_views(ds):
    _agree_with_views(ds)


# --- the registry and the CLI ---------------------------------------------


def test_registry_lists_every_format_and_cli_help_shows_them(capsys):
    from claimgraph.app.cli import main

    names = set(formats())
    assert {"gexf", "graphml", "neo4j-csv", "cypher", "jsonld", "turtle", "trig"} <= names
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    helptext = capsys.readouterr().out
    for name in names:
        assert name in helptext


def test_unknown_format_is_an_export_error(ds, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export(ds, "pdf", tmp_path / "x.pdf")


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "neo4j-csv", "cypher", "jsonld",
                                 "turtle", "trig"])
def test_cli_export_writes_every_format(graph_file, tmp_path, fmt, capsys):
    from claimgraph.app.cli import main

    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(graph_file), "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    if fmt == "neo4j-csv":
        assert out.is_dir() and (out / "import.sh").exists()
        assert any(out.glob("nodes_*.csv")) and any(out.glob("rels_*.csv"))
    else:
        assert out.is_file() and out.stat().st_size > 200
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temp files


# --- GEXF and GraphML -----------------------------------------------------


def _labels_by_id(g, token: bool = False) -> dict[str, str]:
    """Node labels; ``token``: as GEXF writes them (xsd:token, whitespace collapsed)."""
    return {n: " ".join(d["label"].split()) if token else d["label"]
            for n, d in g.nodes(data=True)}


def _exact_names(attrs) -> set[str]:
    return {v for d in attrs for k, v in d.items() if k in ("name_en", "name_zh")}


def test_gexf_parses_with_networkx_and_names_survive(ds, tmp_path):
    p = tmp_path / "g.gexf"
    export(ds, "gexf", p)
    ref = project(ds)
    g = nx.read_gexf(p)
    assert g.number_of_nodes() == ref.number_of_nodes()
    assert g.number_of_edges() == ref.number_of_edges()
    assert _labels_by_id(g) == _labels_by_id(ref, token=True)
    names = _exact_names(d for _, d in g.nodes(data=True))
    assert set(HOSTILE) | {ZH} <= names
    aliases = [json.loads(d["aliases"]) for _, d in g.nodes(data=True) if "aliases" in d]
    assert [f"{HOSTILE[2]} alias"] in aliases
    rel = Counter(d["relation"] for *_, d in g.edges(data=True))
    assert rel == Counter(d["relation"] for *_, d in ref.edges(data=True))
    claims = {d["name_en"]: d["claims"] for _, d in g.nodes(data=True)}
    assert claims[HOSTILE[1]] == 2 and isinstance(claims[HOSTILE[1]], int)
    formers = {d.get("role"): d.get("former") for *_, d in g.edges(data=True)
               if d["relation"] == "member_of"}
    assert formers["Chief \"Economist\""] is True
    assert formers["Board member; =advisor"] is False


def test_gexf_with_claims_as_nodes(ds, tmp_path):
    from claimgraph.graph.exporters.gexf import write_gexf

    p = tmp_path / "c.gexf"
    write_gexf(ds, p, claims=True)
    g = nx.read_gexf(p)
    ref = project(ds, claims=True)
    assert g.number_of_nodes() == ref.number_of_nodes()
    assert g.number_of_edges() == ref.number_of_edges()
    assert Counter(d["type"] for _, d in g.nodes(data=True))["Claim"] == 4


def test_graphml_parses_with_networkx_and_names_survive(ds, tmp_path):
    p = tmp_path / "g.graphml"
    export(ds, "graphml", p)
    ref = project(ds)
    g = nx.read_graphml(p)
    assert g.number_of_nodes() == ref.number_of_nodes()
    assert g.number_of_edges() == ref.number_of_edges()
    assert _labels_by_id(g) == _labels_by_id(ref)
    for n, d in ref.nodes(data=True):
        for k, v in d.items():
            got = g.nodes[n][k]
            assert (json.loads(got) if isinstance(v, list) else got) == v, (n, k)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the graphology-gexf check needs node 20+")
    if not (JS / "node_modules" / "graphology-gexf").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot install graphology-gexf")
        subprocess.run([npm, "ci", "--silent", "--no-audit", "--no-fund", "--prefix", str(JS)],
                       check=True, timeout=300)
    return node


def _graphology(path: Path, full: bool = False) -> dict:
    args = [_node(), str(JS / "gexf_counts.js"), str(path)] + (["--full"] if full else [])
    res = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_gexf_parses_with_graphology_gexf(ds, tmp_path):
    p = tmp_path / "g.gexf"
    export(ds, "gexf", p)
    ref = project(ds)
    got = _graphology(p, full=True)
    assert got["nodes"] == ref.number_of_nodes()
    assert got["edges"] == ref.number_of_edges()
    assert got["type"] == "directed"
    labels = {n["id"]: n["attributes"]["label"] for n in got["node_list"]}
    assert labels == _labels_by_id(ref, token=True)
    assert set(HOSTILE) | {ZH} <= _exact_names(n["attributes"] for n in got["node_list"])
    attrs = {n["attributes"]["name_en"]: n["attributes"] for n in got["node_list"]}
    assert attrs["Standard Chartered"]["name_zh"] == ZH
    assert attrs["Standard Chartered"]["cited"] == 3  # 2 claims + 1 fact about it
    assert attrs[HOSTILE[1]]["claims"] == 2
    kinds = Counter(e["attributes"]["kind"] for e in got["edge_list"])
    assert kinds == Counter(d["relation"] for *_, d in ref.edges(data=True))
    assert all(n["attributes"]["color"].startswith("rgb") for n in got["node_list"])


def test_gexf_keeps_parallel_edges_of_different_kinds(tmp_path):
    from claimgraph.graph.exporters.gexf import gexf_text

    g = nx.MultiDiGraph()
    g.add_node("a", label="A", type="Person")
    g.add_node("b", label="B", type="Organization")
    g.add_edge("a", "b", relation="member_of", role="CEO", former=False, weight=1.0)
    g.add_edge("a", "b", relation="member_of", role="Chair", former=True, weight=1.0)
    g.add_edge("a", "b", relation="co_mentioned", statements=3, weight=3.0)
    p = tmp_path / "multi.gexf"
    p.write_text(gexf_text(g), encoding="utf-8")
    assert nx.read_gexf(p).number_of_edges() == 3
    got = _graphology(p)
    assert (got["nodes"], got["edges"], got["multi"]) == (2, 3, True)


# --- Cypher in a real openCypher engine ----------------------------------


def _load(graph, script: str) -> int:
    ran = 0
    for stmt in split_statements(script):
        if stmt.startswith("CREATE CONSTRAINT"):
            continue  # Neo4j-only schema statement; FalkorDB's syntax differs
        graph.query(stmt)
        ran += 1
    return ran


def _counts(graph) -> tuple[int, int]:
    n = graph.query("MATCH (n) RETURN count(n)").result_set[0][0]
    r = graph.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    return n, r


def _snapshot(graph):
    nodes = graph.query("MATCH (n) RETURN n").result_set
    rels = graph.query("MATCH (a)-[r]->(b) RETURN a.iri, type(r), b.iri, r").result_set
    return (sorted(json.dumps([sorted(n[0].labels), n[0].properties], sort_keys=True)
                   for n in nodes),
            sorted(json.dumps([a, t, b, r.properties], sort_keys=True) for a, t, b, r in rels))


def test_cypher_script_shape(ds):
    pg = neo4j_graph(ds)
    script = cypher_text(pg, batch_size=2)
    stmts = split_statements(script)
    assert sum(s.startswith("CREATE CONSTRAINT") for s in stmts) == 4
    data = [s for s in stmts if not s.startswith("CREATE CONSTRAINT")]
    assert all(s.startswith("UNWIND [") and "MERGE" in s for s in data)
    assert stmts.index(data[0]) == 4  # constraints come first
    # no raw newline, carriage return or tab inside any string literal
    for line in script.split("\n"):
        assert "\r" not in line and "\t" not in line
    from claimgraph.graph.exporters.cypher import string

    assert string("a'b\\c\nd") == "'a\\'b\\\\c\\nd'"


def test_cypher_runs_in_falkordb_counts_match_and_is_idempotent(ds, falkordb):
    pg = neo4j_graph(ds)
    script = cypher_text(pg, batch_size=3)
    graph = falkordb.select_graph("claimgraph_test")
    from claimgraph.graph.exporters.neo4j_model import batches

    ran = _load(graph, script)
    assert ran == len(list(batches(pg, 3))) > 10  # every data statement ran
    assert _counts(graph) == (len(pg.nodes), len(pg.edges))
    before = _snapshot(graph)
    _load(graph, script)
    assert _counts(graph) == (len(pg.nodes), len(pg.edges))
    assert _snapshot(graph) == before

    # names arrive intact; the injection attempt is just a name
    rows = graph.query("MATCH (n:Entity) RETURN n.iri, n.name, n.aliases").result_set
    got = {r[0]: (r[1], r[2]) for r in rows}
    for n in pg.nodes.values():
        if n.kind in ("Person", "Organization", "Place", "Concept"):
            assert got[n.id] == (n.props["name"], n.props.get("aliases")), n.id
    labels = graph.query("MATCH (n:Entity {name: $name}) RETURN labels(n)",
                         {"name": "Standard Chartered"}).result_set[0][0]
    assert sorted(labels) == ["Entity", "Organization"]
    roles = graph.query("MATCH (:Person)-[r:MEMBER_OF]->(:Organization) "
                        "RETURN r.role, r.former ORDER BY r.role").result_set
    assert ["Chief \"Economist\"", True] in roles and ["Board member; =advisor", False] in roles
    kinds = dict(graph.query("MATCH ()-[r]->() RETURN type(r), count(r)").result_set)
    assert kinds == dict(pg.edge_kinds())
    art = graph.query("MATCH (a:Article) RETURN a.title").result_set[0][0]
    assert art == "Title \"quoted\" & <tagged> \u2014 \u6807\u9898"
    graph.delete()


# --- Neo4j CSV --------------------------------------------------------------

_TYPES = r"(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)"
_PROP = re.compile(rf"[A-Za-z_][A-Za-z0-9_]*(:{_TYPES}(\[\])?)?\Z")


def test_neo4j_csv_headers_follow_the_import_tool_format(ds, tmp_path):
    out = tmp_path / "csv"
    export(ds, "neo4j-csv", out)
    import csv

    for f in sorted(out.glob("*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        if f.name.startswith("nodes_"):
            assert header[:2] == ["iri:ID", ":LABEL"], f.name
            rest = header[2:]
        else:
            assert f.name.startswith("rels_")
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], f.name
            rest = header[3:]
        assert rest == sorted(rest) and len(set(rest)) == len(rest)
        for h in rest:
            assert _PROP.match(h), (f.name, h)
    person = (out / "nodes_Person.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "claims:long" in person and "mentioned:boolean" in person
    assert "aliases:string[]" in person
    member = (out / "rels_MEMBER_OF.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "former:boolean" in member and "paragraph:long" in member
    cmd = (out / "import.sh").read_text(encoding="utf-8")
    assert "--array-delimiter=U+001F" in cmd and "--multiline-fields=true" in cmd
    for f in out.glob("*.csv"):
        assert f"={f.name}" in cmd


def test_neo4j_csv_round_trip_rebuilds_nodes_and_edges(ds, tmp_path):
    out = tmp_path / "csv"
    export(ds, "neo4j-csv", out)
    nodes, rels = read_neo4j_csv(out)
    pg = neo4j_graph(ds)
    assert set(nodes) == set(pg.nodes)
    for nid, n in pg.nodes.items():
        assert nodes[nid]["props"] == n.props, nid
        assert nodes[nid]["labels"][-1] == n.kind
    want = Counter((e.source, e.target, e.kind, json.dumps(e.props, sort_keys=True))
                   for e in pg.edges)
    got = Counter((r["start"], r["end"], r["type"], json.dumps(r["props"], sort_keys=True))
                  for r in rels)
    assert got == want
    # formula-looking names are kept exactly: intact for Neo4j, not prefixed
    names = {n["props"]["name"] for n in nodes.values()}
    for name in HOSTILE:
        assert name in names


# --- RDF --------------------------------------------------------------------


def _named(d: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in d.graphs() if len(g)}


@pytest.mark.parametrize("fmt, suffix, parser", [("trig", ".trig", "trig"),
                                                  ("jsonld", ".jsonld", "json-ld")])
def test_named_graph_formats_round_trip_isomorphic(ds, tmp_path, fmt, suffix, parser):
    p = tmp_path / f"g{suffix}"
    export(ds, fmt, p)
    if fmt == "jsonld":
        assert "@context" in json.loads(p.read_text(encoding="utf-8"))
    back = Dataset()
    back.parse(p, format=parser)
    a, b = _named(ds), _named(back)
    assert set(a) == set(b)
    for k in a:
        assert isomorphic(a[k], b[k]), k


def test_turtle_round_trips_isomorphic_to_the_union(ds, tmp_path):
    from claimgraph.graph.exporters.rdf import union

    p = tmp_path / "g.ttl"
    export(ds, "turtle", p)
    back = Graph().parse(p, format="turtle")
    assert isomorphic(back, union(ds))
    labels = {str(o) for o in back.objects()}
    for name in HOSTILE:
        assert name in labels


# --- Bolt push, against a recording fake driver -----------------------------


class FakeTx:
    def __init__(self, log):
        self.log = log

    def run(self, query, parameters=None, **kw):
        self.log.append((query, {**(parameters or {}), **kw}))
        return self

    def consume(self):
        return None


class FakeSession(FakeTx):
    def __init__(self, log, database):
        super().__init__(log)
        self.database = database
        self.writes = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, fn, *args, **kw):
        self.writes += 1
        return fn(FakeTx(self.log), *args, **kw)


class FakeDriver:
    def __init__(self):
        self.log: list = []
        self.sessions: list[FakeSession] = []

    def session(self, database=None):
        s = FakeSession(self.log, database)
        self.sessions.append(s)
        return s


def test_push_sends_rows_as_parameters_in_batches(ds):
    from claimgraph.graph.neo4j_push import push_neo4j

    drv = FakeDriver()
    rep = push_neo4j(ds, "bolt://example:7687", "neo4j", "secret", database="news",
                     batch_size=2, driver=drv)
    pg = neo4j_graph(ds)
    assert (rep.nodes, rep.relationships) == (len(pg.nodes), len(pg.edges))
    assert drv.sessions[0].database == "news"
    constraints = [q for q, p in drv.log if q.startswith("CREATE CONSTRAINT")]
    assert len(constraints) == 4 and all(p == {} for q, p in drv.log[:4])
    data = drv.log[4:]
    assert len(data) == rep.batches == drv.sessions[0].writes
    sent_nodes, sent_edges = set(), Counter()
    for query, params in data:
        assert "UNWIND $rows AS row" in query
        assert set(params) == {"rows"} and 1 <= len(params["rows"]) <= 2
        # no value is ever formatted into the query text
        for name in HOSTILE + [ZH, "bolt://", "secret"]:
            assert name not in query
        assert "'" not in query and '"' not in query
        for row in params["rows"]:
            if "iri" in row:
                sent_nodes.add(row["iri"])
                assert row["props"] == pg.nodes[row["iri"]].props
            else:
                sent_edges[(row["s"], row["t"], query.split("[r:")[1].split("]")[0].split()[0])] += 1
    assert sent_nodes == set(pg.nodes)
    assert sent_edges == Counter((e.source, e.target, e.kind) for e in pg.edges)


def test_push_without_the_driver_is_a_clear_error(ds, monkeypatch):
    from claimgraph.graph.neo4j_push import push_neo4j

    monkeypatch.setitem(sys.modules, "neo4j", None)
    with pytest.raises(ExportError, match="pip install 'claimgraph\\[neo4j\\]'"):
        push_neo4j(ds, "bolt://localhost:7687", "neo4j", "pw")


def test_cli_push_reads_the_password_from_env_or_prompt(graph_file, monkeypatch, capsys):
    import getpass

    import claimgraph.graph.neo4j_push as push
    from claimgraph.app.cli import main, parser
    from claimgraph.graph.neo4j_push import PushReport

    seen = []

    def fake_push(ds, uri, user, password, **kw):
        seen.append((uri, user, password, kw))
        return PushReport(3, 2, 1)

    monkeypatch.setattr(push, "push_neo4j", fake_push)
    monkeypatch.setenv("CLAIMGRAPH_NEO4J_PASSWORD", "from-env")
    argv = ["push", "neo4j", "-g", str(graph_file), "--uri", "bolt://db:7687", "--user", "me"]
    assert main(argv) == 0
    assert seen[-1][:3] == ("bolt://db:7687", "me", "from-env")
    assert "pushed 3 nodes and 2 relationships" in capsys.readouterr().out
    monkeypatch.delenv("CLAIMGRAPH_NEO4J_PASSWORD")
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "typed")
    assert main(argv) == 0
    assert seen[-1][2] == "typed"
    # there is no way to put the password on the command line
    with pytest.raises(SystemExit):
        parser().parse_args(argv + ["--password", "x"])


# --- the seed article -------------------------------------------------------


@pytest.mark.slow
def test_example_graph_exports_agree_across_consumers(example_graph, tmp_path, falkordb):
    from claimgraph.graph import load_graph

    d = load_graph(example_graph)
    ref = project(d)
    p = tmp_path / "ex.gexf"
    export(d, "gexf", p)
    assert nx.read_gexf(p).number_of_nodes() == ref.number_of_nodes() > 10
    if shutil.which("node"):
        got = _graphology(p)
        assert (got["nodes"], got["edges"]) == (ref.number_of_nodes(), ref.number_of_edges())
    pg = neo4j_graph(d)
    graph = falkordb.select_graph("claimgraph_example")
    _load(graph, cypher_text(pg))
    assert _counts(graph) == (len(pg.nodes), len(pg.edges))
    graph.delete()
    out = tmp_path / "csv"
    export(d, "neo4j-csv", out)
    nodes, rels = read_neo4j_csv(out)
    assert (len(nodes), len(rels)) == (len(pg.nodes), len(pg.edges))
    assert property_graph(d).node_kinds()["Claim"] > 0
    _agree_with_views(d)



# --- any text at all ----------------------------------------------------------

def _any_text():
    from hypothesis import strategies as st

    return st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def test_any_text_survives_cypher_xml_and_csv(falkordb, tmp_path):
    """Property test: whatever the text, each format's reader returns it unchanged."""
    import csv
    import io
    import xml.etree.ElementTree as ET

    from claimgraph.graph.exporters.cypher import string
    from claimgraph.graph.exporters.neo4j_csv import _field
    from claimgraph.graph.exporters.xmlgraph import attr, text
    from claimgraph.graph.projection import clean
    from hypothesis import given, settings

    graph = falkordb.select_graph("claimgraph_strings")

    @settings(max_examples=150, deadline=None)
    @given(_any_text())
    def check(raw):
        s = clean(raw)
        assert graph.query(f"RETURN {string(s)}").result_set[0][0] == s
        el = ET.fromstring(f'<x a="{attr(s)}">{text(s)}</x>')
        assert el.get("a") == s and (el.text or "") == s
        row = next(csv.reader(io.StringIO(f"{_field(s)},1\n", newline="")))
        assert row == [s, "1"]

    check()


def test_push_to_an_unreachable_server_is_one_clear_error(ds):
    pytest.importorskip("neo4j", reason="the neo4j driver is an optional extra")
    import socket

    from claimgraph.graph.neo4j_push import push_neo4j

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ExportError, match="Neo4j push to bolt://127.0.0.1") as e:
        push_neo4j(ds, f"bolt://127.0.0.1:{port}", "neo4j", "s3cr3t-pw")
    assert "\n" not in str(e.value) and "s3cr3t" not in str(e.value)


def test_export_neo4j_csv_onto_a_file_is_refused(ds, tmp_path):
    f = tmp_path / "taken"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        export(ds, "neo4j-csv", f)


def test_neo4j_csv_export_replaces_a_previous_one(ds, tmp_path):
    out = tmp_path / "csv"
    out.mkdir()
    (out / "nodes_Gone.csv").write_text("iri:ID,:LABEL\n\"x\",\"Gone\"\n", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    export(ds, "neo4j-csv", out)
    assert not (out / "nodes_Gone.csv").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    nodes, _ = read_neo4j_csv(out)
    assert "x" not in nodes

"""Hostile input is normal input: the table of issue 9, one test (or row) per case.

Inputs (missing, empty, binary, wrong encodings, huge files, huge lines,
scripts, mixed scripts, broken or newer graph files) either work or fail with
one clear line, a non-zero exit and no partial output. Names and quotes built
to break IRIs, XML, Cypher, CSV and HTML come out inert. SPARQL is read-only,
local and time-limited. Nothing loads pickles. A killed build loses nothing it
finished.

Fast rows use the CLI in-process (``claimgraph.app.cli.main``) on graphs built
from hand-made records; rows marked slow run spaCy or the real script.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from claimgraph.app.cli import main
from claimgraph.extract.records import (
    Claim,
    Entity,
    Extraction,
    Membership,
    Span,
)
from claimgraph.graph import add_extraction, load_graph, new_dataset, save_graph
from cypher_engine import split_statements
from rdflib import Dataset, URIRef

from claimgraph.errors import ClaimgraphError, GraphError, InputError, QueryError

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = str(Path(sys.executable).with_name("claimgraph"))

# Names and quotes built to break IRIs, XML, Cypher, CSV, Markdown and HTML.
NASTY = [
    'Double "Quote" Holdings',
    "Single 'Quote' O'Neil",
    "Back\\slash \\\\ Partners",
    "Curly } Brace { Group",
    "<script>alert('x')</script> Media",
    "<img src=x onerror=alert(1)> Bank",
    "CDATA ]]> Breaker",
    '") DETACH DELETE n //',
    "'}) MATCH (n) DETACH DELETE n //",
    '=HYPERLINK("http://evil.example","click")',
    "New\nLine\r\nCapital",
    "\u202eRTL override\u202c \u200fמרק\u200f Capital",
    "[link](javascript:alert(1)) **bold**",
    "渣打银行 Standard Chartered",
]


def cli(*args: object) -> int:
    return main([str(a) for a in args])


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("claimgraph: error: ")
    return lines[0]


def _span(text: str, piece: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def nasty_extraction() -> Extraction:
    """One article whose every entity name and quote is one of ``NASTY``."""
    paras = [f"{name} said that {name} is fine." for name in NASTY]
    text = "\n\n".join(p.replace("\n", " ").replace("\r", " ") for p in paras)
    from claimgraph.extract.readers import read_article

    art = read_article(text, "nasty=\"<x>\".txt", "text")
    ents, claims, members = [], [], []
    for i, name in enumerate(NASTY):
        flat = name.replace("\n", " ").replace("\r", " ")
        p = art.paragraphs[i]
        src = Span(p.start, p.start + len(flat), flat)
        content = Span(p.start + len(flat) + len(" said that "), p.end - 1,
                       text[p.start + len(flat) + len(" said that "):p.end - 1])
        ents.append(Entity(f"nasty {i}", "Person" if i % 2 else "Organization", name,
                           aliases=(f"{name} alias",), description=name))
        cue = Span(src.end + 1, src.end + 5, "said")
        assert text[cue.start:cue.end] == "said" and text[src.start:src.end] == flat
        claims.append(Claim(f"nasty {i}", content, cue, src, "indirect", p.index,
                            about=(f"nasty {(i + 1) % len(NASTY)}",)))
        if i % 2:
            members.append(Membership(f"nasty {i}", f"nasty {i - 1}", f"Chief {name}",
                                      bool(i % 4 == 1), src, p.index))
    return Extraction(art, tuple(ents), (), tuple(members), tuple(claims), (), (),
                      {"extractor": "claimgraph/test", "model": "none"})


@pytest.fixture(scope="module")
def nasty_ds() -> Dataset:
    ds = new_dataset()
    assert add_extraction(ds, nasty_extraction())
    return ds


@pytest.fixture(scope="module")
def nasty_graph_file(nasty_ds, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nasty") / "nasty.trig"
    save_graph(nasty_ds, out)
    return out


@pytest.fixture
def old_graph(nasty_graph_file, tmp_path) -> Path:
    """A private copy of a valid graph: a failed add must leave it byte for byte."""
    out = tmp_path / "old.trig"
    out.write_bytes(nasty_graph_file.read_bytes())
    return out


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# ================================================================= inputs


def _write(name: str, data: bytes):
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name
    return make


def _sparse(name: str, size: int):
    def make(d: Path) -> Path:
        with open(d / name, "wb") as f:
            f.truncate(size)  # sparse: no 50 MB written to disk
        return d / name
    return make


BAD_INPUTS = {
    "missing file": (lambda d: d / "missing.txt", "no such file"),
    "a folder with no text files": (lambda d: (d / "sub").mkdir() or d / "sub", "holds no"),
    "empty file": (_write("empty.txt", b""), "the article is empty"),
    "whitespace only": (_write("ws.txt", b"  \n\t\n \r\n "), "the article is empty"),
    "binary": (_write("bin.txt", bytes(range(256)) * 4), "binary file"),
    "latin-1": (_write("l1.txt", "Le président a déclaré: ça va.".encode("latin-1")), "not UTF-8"),
    "UTF-16 without BOM": (_write("u16.txt", "The minister said so.".encode("utf-16-le")),
                           "binary file"),
    "50 MB file": (_sparse("big.txt", 50_000_000), "larger than the 20,000,000-byte limit"),
    "1 MB single line": (_write("line.txt", b"The minister said it would work. " * 32_000),
                         "longer than the 1,000,000-character limit"),
    "a device (/dev/zero: endless)": (lambda d: Path("/dev/zero"), "not a regular file"),
    "a named pipe nobody writes to": (lambda d: os.mkfifo(d / "pipe.txt") or d / "pipe.txt",
                                      "not a regular file"),
    "HTML with only a script": (_write("s.html", b"<html><script>alert(1)</script></html>"),
                                "no visible text"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_the_old_graph_is_intact(case, old_graph, tmp_path,
                                                                   capsys):
    make, message = BAD_INPUTS[case]
    before = old_graph.read_bytes()
    rc = cli("build", make(tmp_path), "-o", old_graph, "-q")
    assert rc == 2
    assert message in one_error_line(capsys)
    assert old_graph.read_bytes() == before
    assert no_temp_files(tmp_path)


def test_bad_file_among_good_ones_fails_before_anything_is_written(old_graph, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The minister said it was fine.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00")  # a UTF-16 BOM and half a character
    (tmp_path / "c.txt").write_bytes(b"Caf\xe9 owner said no.")
    before = old_graph.read_bytes()
    rc = cli("build", tmp_path / "c.txt", "-o", old_graph, "-q")
    assert rc == 2 and "not UTF-8" in one_error_line(capsys)
    assert old_graph.read_bytes() == before


def test_fifty_megabytes_are_refused_without_being_read(tmp_path, monkeypatch):
    from claimgraph.extract import readers

    big = _sparse("big.txt", 50_000_000)(tmp_path)

    def no_reading(self, *a, **k):
        raise AssertionError("the file was read before the size check")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InputError, match="split it into one file per article"):
        readers.read_file(big)


def test_an_article_over_spacys_limit_fails_before_spacy(monkeypatch):
    import claimgraph.extract.pipeline as pipeline
    from claimgraph.extract import readers

    def no_spacy(*a, **k):
        raise AssertionError("spaCy was loaded for an article it cannot parse")

    monkeypatch.setattr(pipeline, "load_nlp", no_spacy)
    line = "x" * (readers.MAX_CHARS + 1)
    with pytest.raises(InputError, match="1,000,001 characters"):
        readers.read_article(line, "line.txt")
    # HTML is measured after its markup is stripped: markup alone never trips the limit
    page = "<html><body><p>" + "<b></b>" * (readers.MAX_CHARS // 7 + 10) + "Hi.</p></body></html>"
    assert readers.read_article(page, "p.html").text == "Hi."


def test_utf16_with_bom_and_utf8_with_bom_read_as_the_same_text():
    from claimgraph.extract.readers import decode

    text = "渣打银行 said: “yields will rise.” \u200fשלום"
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text  # Python writes the BOM
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == text


@pytest.mark.slow
@pytest.mark.parametrize("case", ["utf-16 with BOM", "html with scripts", "mixed zh/en",
                                  "long single line"])
def test_odd_but_valid_inputs_build_a_conforming_graph(case, tmp_path, capsys):
    from claimgraph.graph.validate import validate

    body = ("Fed Chair Jerome Powell said inflation remained too high.\n\n"
            "美联储主席鲍威尔表示，通胀仍然过高。 Standard Chartered (渣打银行) said yields "
            "would rise, according to analysts.\n")
    if case == "utf-16 with BOM":
        f = tmp_path / "a.txt"
        f.write_bytes(body.encode("utf-16"))
    elif case == "html with scripts":
        f = tmp_path / "a.html"
        f.write_text("<html><head><title>T &amp; <x></title><script>var s='</p>';"
                     "alert(document.cookie)</script><style>p{}</style></head><body>"
                     "<p>Jerome Powell said <b>inflation</b> remained too high.</p>"
                     "<img src=x onerror=alert(1)><noscript>NOSCRIPT</noscript>"
                     "<p>Analysts said &lt;script&gt; tags are text here.</p></body></html>",
                     encoding="utf-8")
    elif case == "mixed zh/en":
        f = tmp_path / "a.txt"
        f.write_text(body, encoding="utf-8")
    else:
        f = tmp_path / "a.txt"
        f.write_text("Jerome Powell said the plan would work. " * 500, encoding="utf-8")
    out = tmp_path / "g.trig"
    rc = cli("build", f, "-o", out, "-q")
    capsys.readouterr()
    assert rc == 0
    ds = load_graph(out)
    assert validate(ds).conforms
    bodies = [str(o) for o in ds.objects(None, URIRef("https://schema.org/articleBody"))]
    assert len(bodies) == 1
    if case == "html with scripts":
        assert "alert" not in bodies[0] and "NOSCRIPT" not in bodies[0]
        assert "<script> tags are text here" in bodies[0]
    if case == "utf-16 with BOM":
        assert "渣打银行" in bodies[0] and "\ufeff" not in bodies[0]


# ============================================================ graph files


def _truncated(d: Path, src: Path) -> Path:
    data = src.read_bytes()
    (d / "cut.trig").write_bytes(data[: len(data) // 2])
    return d / "cut.trig"


def _newer(d: Path, src: Path) -> Path:
    text = src.read_text(encoding="utf-8")
    text, n = re.subn(r'schema:schemaVersion "1"', 'schema:schemaVersion "99"', text)
    assert n == 1
    (d / "newer.trig").write_text(text, encoding="utf-8")
    return d / "newer.trig"


def _write_graph(name: str, data: bytes):
    def make(d: Path, src: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name
    return make


BAD_GRAPHS = {
    "malformed graph file": (_write_graph("m.trig", b"<a> <b> { oops"), "malformed graph file"),
    "truncated graph file": (_truncated, "malformed graph file"),
    "graph from a newer version": (_newer, "written by a newer claimgraph"),
    "graph version not a number": (
        lambda d, s: _write_graph("v.trig", _newer(d, s).read_bytes().replace(
            b'"99"', b'"two"'))(d, s), "unknown graph format version"),
    "graph file not UTF-8": (_write_graph("l1.trig", b'<a:b> <a:c> "caf\xe9" .'),
                             "not a UTF-8 graph file"),
    "graph file is binary": (_write_graph("b.nq", bytes(range(256))), "graph file"),
    "graph file of unknown type": (_write_graph("g.xlsx", b"PK\x03\x04"),
                                   "unknown graph file type"),
}


@pytest.mark.parametrize("case", list(BAD_GRAPHS))
@pytest.mark.parametrize("command", ["entities", "sparql", "export", "build"])
def test_bad_graph_file_is_one_line_exit_3_for_every_command(case, command, nasty_graph_file,
                                                             tmp_path, capsys):
    make, message = BAD_GRAPHS[case]
    g = make(tmp_path, nasty_graph_file)
    before = g.read_bytes()
    if command == "entities":
        rc = cli("entities", "-g", g)
    elif command == "sparql":
        rc = cli("sparql", g, "ASK { ?s ?p ?o }")
    elif command == "export":
        rc = cli("export", g, "--format", "gexf", "-o", tmp_path / "out.gexf")
        assert not (tmp_path / "out.gexf").exists()
    else:
        art = tmp_path / "a.txt"
        art.write_text("The minister said it was fine.\n", encoding="utf-8")
        rc = cli("build", art, "-o", g, "-q")
    assert rc == 3
    assert message in one_error_line(capsys)
    assert g.read_bytes() == before


def test_built_graphs_carry_the_format_version(nasty_ds):
    from claimgraph.graph.compat import FORMAT_VERSION, graph_versions

    assert graph_versions(nasty_ds) == {str(FORMAT_VERSION)}


def test_a_graph_without_a_version_marker_still_loads(nasty_ds, tmp_path):
    from claimgraph.graph.compat import VERSION_PREDICATE

    old = new_dataset()
    for q in nasty_ds.quads():
        if q[1] != VERSION_PREDICATE:
            old.add(q)
    save_graph(old, tmp_path / "old.trig")
    assert "schemaVersion" not in (tmp_path / "old.trig").read_text(encoding="utf-8")
    assert len(load_graph(tmp_path / "old.trig")) == len(nasty_ds) - 1


def test_a_failed_save_leaves_the_old_graph_and_no_temp_file(old_graph, nasty_ds, monkeypatch):
    before = old_graph.read_bytes()

    def crash(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    ds = new_dataset()
    with pytest.raises(OSError):
        save_graph(ds, old_graph)
    assert old_graph.read_bytes() == before
    assert no_temp_files(old_graph.parent)


# ============================================================== injection

_IRI_BAD = re.compile(r'[\s<>"{}|\\^`\u200e\u200f\u202a-\u202e]')


def test_every_iri_is_valid_whatever_the_names(nasty_ds):
    iris = {t for q in nasty_ds.quads() for t in q if isinstance(t, URIRef)}
    assert len(iris) > 50
    for iri in iris:
        assert not _IRI_BAD.search(str(iri)), iri
        assert re.match(r"^(https?|urn):", str(iri)) or str(iri).startswith("file:"), iri
    from claimgraph.graph.iris import IRIs

    for name in NASTY + ["", "   ", "\x00", "../../etc/passwd", "a/b?c#d", "%00%2F"]:
        iri = str(IRIs("http://example.org/").entity(name))
        assert not _IRI_BAD.search(iri) and "/../" not in iri and "?" not in iri, iri
        assert iri.startswith("http://example.org/entity/") and "#" not in iri[20:]


def test_nasty_graph_conforms_to_shacl(nasty_ds):
    from claimgraph.graph.validate import validate

    assert validate(nasty_ds).conforms


def _names_in(nasty_ds) -> set[str]:
    from rdflib.namespace import SKOS

    return {str(o) for o in nasty_ds.objects(None, SKOS.prefLabel)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_stay_well_formed_and_keep_the_names(nasty_ds, tmp_path, fmt):
    import networkx as nx
    from claimgraph.graph.exporters import export

    out = tmp_path / f"g.{fmt}"
    export(nasty_ds, fmt, out)
    root = ET.parse(out).getroot()  # well-formed, or this raises
    assert root is not None
    g = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(out)
    labels = {str(v) for _, attrs in g.nodes(data=True) for v in attrs.values()}
    for name in ("<script>alert('x')</script> Media", "CDATA ]]> Breaker",
                 '") DETACH DELETE n //', "Curly } Brace { Group"):
        assert name in labels, name
    raw = out.read_text(encoding="utf-8")
    assert "<script>" not in raw and "<img " not in raw


def test_cypher_export_is_inert_in_a_real_engine(nasty_ds, tmp_path, falkordb):
    from claimgraph.graph.exporters import export

    out = tmp_path / "g.cypher"
    export(nasty_ds, "cypher", out)
    graph = falkordb.select_graph("hostile")
    graph.query("CREATE (:Canary {name: 'still here'})")
    for stmt in split_statements(out.read_text(encoding="utf-8")):
        if not stmt.startswith("CREATE CONSTRAINT"):
            graph.query(stmt)
    # a DETACH DELETE that escaped its string would have removed the canary
    assert graph.query("MATCH (c:Canary) RETURN c.name").result_set == [["still here"]]
    names = {r[0] for r in graph.query("MATCH (n) WHERE n.name IS NOT NULL "
                                       "RETURN n.name").result_set}
    for name in NASTY:
        assert any(name.replace("\r\n", "\n") == n.replace("\r\n", "\n") or name == n
                   for n in names), name


def test_neo4j_csv_keeps_every_cell_in_its_column(nasty_ds, tmp_path):
    import csv

    from claimgraph.graph.exporters import export

    out = tmp_path / "csv"
    export(nasty_ds, "neo4j-csv", out)
    files = sorted(out.glob("*.csv"))
    assert files
    seen = set()
    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        width = len(rows[0])
        assert all(len(r) == width for r in rows), f.name  # no value broke out of its cell
        seen.update(c for r in rows[1:] for c in r)
    assert '=HYPERLINK("http://evil.example","click")' in seen  # data intact, quoted


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_rdf_exports_parse_back_with_the_names(nasty_ds, tmp_path, fmt):
    from claimgraph.graph.exporters import export

    out = tmp_path / f"g.{fmt}"
    export(nasty_ds, fmt, out)
    back = Dataset(default_union=True)
    back.parse(out, format={"turtle": "turtle", "trig": "trig", "jsonld": "json-ld"}[fmt])
    labels = {str(o) for o in back.objects(None, URIRef(
        "http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert _names_in(nasty_ds) <= labels


# ================================================================= SPARQL

REFUSED = {
    "INSERT DATA": ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are not allowed"),
    "DELETE WHERE": ("DELETE WHERE { ?s ?p ?o }", "updates are not allowed"),
    "LOAD a file": ("LOAD <file:///etc/passwd>", "updates are not allowed"),
    "DROP ALL": ("DROP ALL", "updates are not allowed"),
    "SERVICE": ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                "SERVICE is not allowed"),
    "service, lower case": ("select * where { service <http://x.example/> { ?s ?p ?o } }",
                            "SERVICE is not allowed"),
    "SERVICE by \\u escape": (r"SELECT * WHERE { \u0053ERVICE <http://x.example/> { ?s ?p ?o } }",
                              "SERVICE is not allowed"),
    "SERVICE through a PREFIX": ("PREFIX ex: <http://x.example/> SELECT * WHERE { "
                                 "SERVICE ex:sparql { ?s ?p ?o } }", "SERVICE is not allowed"),
    "SERVICE SILENT in a subquery": ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT "
                                     "<http://x.example/> { ?s ?p ?o } } } }",
                                     "SERVICE is not allowed"),
    "SERVICE in OPTIONAL": ("SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <http://x/> "
                            "{ ?a ?p ?o } } }", "SERVICE is not allowed"),
    "FROM http": ("SELECT * FROM <http://x.example/data.ttl> WHERE { ?s ?p ?o }",
                  "FROM / FROM NAMED is not allowed"),
    "FROM file": ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                  "FROM / FROM NAMED is not allowed"),
    "FROM NAMED": ("SELECT * FROM NAMED <file:///etc/hosts> WHERE { GRAPH ?g { ?s ?p ?o } }",
                   "FROM / FROM NAMED is not allowed"),
    "ASK FROM": ("ASK FROM <http://x.example/> { ?s ?p ?o }", "FROM / FROM NAMED"),
    "CONSTRUCT FROM": ("CONSTRUCT { ?s ?p ?o } FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                       "FROM / FROM NAMED"),
    "malformed": ("SELECT WHERE {", "malformed query"),
    "not a query": ("rm -rf /", "malformed query"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_sparql_refuses_writes_remote_and_files(case, nasty_graph_file, capsys):
    query, message = REFUSED[case]
    rc = cli("sparql", nasty_graph_file, query)
    assert rc == 4
    assert message in one_error_line(capsys)


def test_sparql_keywords_inside_literals_and_iris_are_fine(nasty_ds):
    from claimgraph.graph.sparql import result_rows, run_query

    q = ('SELECT ?s WHERE { ?s ?p "SERVICE INSERT DELETE FROM LOAD" . '
         'FILTER(?s != <http://x.example/SERVICE/FROM>) } # SERVICE in a comment')
    assert result_rows(run_query(nasty_ds, q)) == (["s"], [])


def test_sparql_reads_nasty_names_back(nasty_ds):
    from claimgraph.graph.sparql import result_rows, run_query

    cols, rows = result_rows(run_query(
        nasty_ds, "SELECT ?l WHERE { ?e skos:prefLabel ?l }"))
    assert {r[0] for r in rows} >= {'") DETACH DELETE n //', "CDATA ]]> Breaker"}
    res = run_query(nasty_ds, "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e skos:prefLabel ?l }")
    assert len(res.graph) == len(rows)
    assert run_query(nasty_ds, "ASK { ?s a cg:Claim }").askAnswer is True


def test_a_runaway_query_is_stopped_at_the_limit_and_its_process_killed(nasty_ds):
    import multiprocessing as mp

    from claimgraph.graph.sparql import run_query

    before = {p.pid for p in mp.active_children()}
    t0 = time.monotonic()
    with pytest.raises(QueryError, match="longer than 1 s"):
        run_query(nasty_ds, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
                            "?j ?k ?l }", timeout=1)
    assert time.monotonic() - t0 < 60  # returned: the worker did not keep the caller waiting
    assert {p.pid for p in mp.active_children()} <= before


def test_the_cli_time_limit_is_an_exit_4(nasty_graph_file, capsys):
    rc = cli("sparql", nasty_graph_file, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . "
                                         "?g ?h ?i . ?j ?k ?l }", "--timeout", "0.5")
    assert rc == 4
    assert "longer than 0.5 s" in one_error_line(capsys)


class _Listener:
    """A local TCP server that records whether anything connected."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.hits += 1
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self.stop = True
        self.t.join(2)
        self.sock.close()


@pytest.mark.skipif(sys.platform != "linux", reason="the sandboxed fork is the Linux path")
def test_the_query_sandbox_blocks_network_and_files_even_past_the_check(nasty_ds):
    """Defence in depth: a query that slipped past check_query still reaches nothing."""
    from claimgraph.graph.sparql import _run_forked

    srv = _Listener()
    try:
        for q in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{srv.port}/sparql> "
                  f"{{ ?s ?p ?o }} }}",
                  f"SELECT * FROM <http://127.0.0.1:{srv.port}/x.ttl> WHERE {{ ?s ?p ?o }}"):
            try:
                res = _run_forked(nasty_ds, q, timeout=20)
                rows = list(res)
            except QueryError:
                rows = []
            assert rows == []
        secret = Path("/etc/hostname") if Path("/etc/hostname").exists() else Path("/etc/passwd")
        try:
            res = _run_forked(nasty_ds, f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}",
                              timeout=20)
            assert list(res) == []
        except QueryError:
            pass
        time.sleep(0.3)
        assert srv.hits == 0
    finally:
        srv.close()


def test_sparql_time_limit_must_be_positive(nasty_ds):
    from claimgraph.graph.sparql import run_query

    for bad in (0, -1, float("nan"), float("inf")):
        with pytest.raises(QueryError, match="positive"):
            run_query(nasty_ds, "ASK { ?s ?p ?o }", timeout=bad)


# ========================================================= unsafe loading

_UNSAFE = re.compile(r"\b(pickle|cPickle|dill|joblib|shelve|marshal)\b|torch\.load\s*\(|"
                     r"\byaml\.load\s*\(|\beval\s*\(|\bexec\s*\(|allow_pickle\s*=\s*True")


def test_nothing_loads_pickles_or_evaluates_user_data():
    hits = []
    for folder in ("claimgraph", "extract", "graph", "qa", "app", "ontology"):
        for f in (ROOT / folder).rglob("*.py"):
            for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if _UNSAFE.search(code) and "allow_pickle=False" not in code:
                    hits.append(f"{f.relative_to(ROOT)}:{i}: {line.strip()}")
    assert hits == []
    # numpy caches are opened with allow_pickle=False wherever np.load appears
    for f in (ROOT / "qa").rglob("*.py"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if "np.load(" in line:
                assert "allow_pickle=False" in line, line


# ============================================================ interruption


def _small_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    people = ["Ana Ruiz", "Ben Cole", "Chen Wei", "Dara Singh", "Eli Moss", "Fay Kerr"]
    for i in range(n):
        who = people[i % len(people)]
        p = folder / f"a{i:03d}.txt"
        p.write_text(f"Report {i}\n\n{who}, an economist at Bank {i % 4}, said rates would "
                     f"rise by {i} basis points this year.\n\n\"We expect {i} more cuts,\" "
                     f"{who.split()[0]} added.\n", encoding="utf-8")
        out.append(p)
    return out


def _article_graph_counts(graph: Path) -> dict[str, int]:
    from claimgraph.ontology import CG

    ds = load_graph(graph)
    counts: dict[str, int] = {}
    for g in ds.graphs():
        for h in g.objects(None, CG.contentHash):
            counts[str(h)] = counts.get(str(h), 0) + 1
    return counts


def _run_until(cmd: list[str], graph: Path, ready, env: dict) -> bool:
    """Start ``cmd``, SIGKILL it once ``ready(stderr_text)`` holds; True if it was killed."""
    log = graph.with_name("stderr.log")
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                start_new_session=True)
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if ready(log.read_text(encoding="utf-8", errors="replace")):
                break
            time.sleep(0.05)
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
    return killed


def _rerun_and_check(corpus: Path, graph: Path, ids: set[str], env: dict) -> str:
    r = subprocess.run([SCRIPT, "build", str(corpus), "-o", str(graph), "-q"],
                       capture_output=True, text=True, env=env, timeout=900)
    assert r.returncode == 0, r.stderr
    counts = _article_graph_counts(graph)
    assert set(counts) == ids
    assert all(v == 1 for v in counts.values()), counts
    assert not graph.with_name(graph.name + ".journal").exists()
    again = subprocess.run([SCRIPT, "build", str(corpus), "-o", str(graph), "-q"],
                           capture_output=True, text=True, env=env, timeout=900)
    assert again.returncode == 0 and ": 0 added" in again.stdout, again.stdout
    assert _article_graph_counts(graph) == counts
    return r.stdout


_ENV = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")


@pytest.mark.slow
def test_a_killed_cli_build_reruns_to_every_article_exactly_once(tmp_path):
    """SIGKILL of `claimgraph build FOLDER` mid-corpus, then the same command again."""
    from claimgraph.extract.readers import read_file

    corpus = tmp_path / "corpus"
    ids = {read_file(f).id for f in _small_corpus(corpus, 30)}
    graph = tmp_path / "g.trig"
    graph.write_bytes(b"")  # an empty graph file: the build adds to it

    def mid_corpus(err: str) -> bool:
        done = [int(n) for n in re.findall(r"(\d+)/30 ", err)]
        return bool(done) and 5 <= max(done) < 30

    killed = _run_until([SCRIPT, "build", str(corpus), "-o", str(graph)], graph, mid_corpus,
                        _ENV)
    assert killed, "the build finished before it could be killed mid-corpus"
    assert graph.read_bytes() == b""  # the graph file is written only when a build ends
    _rerun_and_check(corpus, graph, ids, _ENV)


@pytest.mark.slow
def test_a_build_killed_after_checkpoints_resumes_without_redoing_them(tmp_path):
    """Checkpoints every 3 articles: the rerun keeps what was finished and adds the rest."""
    from claimgraph.extract.readers import read_file

    corpus = tmp_path / "corpus"
    ids = {read_file(f).id for f in _small_corpus(corpus, 40)}
    graph = tmp_path / "g.trig"
    journal = graph.with_name(graph.name + ".journal")
    code = ("import sys; from claimgraph.pipeline import build_graph; "
            "build_graph([sys.argv[1]], sys.argv[2], progress=sys.stderr, batch_size=2, "
            "checkpoint_articles=3)")
    killed = _run_until([sys.executable, "-c", code, str(corpus), str(graph)], graph,
                        lambda err: journal.is_dir() and len(list(journal.glob("*.nq"))) >= 2,
                        _ENV)
    assert killed, "the build finished before it could be killed mid-corpus"
    assert not graph.exists()  # the graph file is written only when a build ends
    chunks = sorted(journal.glob("*.nq"))
    assert len(chunks) >= 2
    from claimgraph.ontology import CG

    kept = set()
    for c in chunks:  # every checkpoint chunk is whole: it parses
        back = Dataset(default_union=True).parse(c, format="nquads")
        kept |= {str(o) for o in back.objects(None, CG.contentHash)}
    assert len(kept) >= 6 and kept <= ids
    out = _rerun_and_check(corpus, graph, ids, _ENV)
    added = int(re.search(r": (\d+) added", out).group(1))
    assert added == len(ids) - len(kept)  # the finished ones were not extracted again


# ================================================================= the app


@pytest.fixture
def nasty_app_graph(nasty_graph_file, tmp_path) -> Path:
    out = tmp_path / "nasty.trig"
    out.write_bytes(nasty_graph_file.read_bytes())
    return out


_SAFE_TAGS = {"div", "span", "mark", "p", "br", "b", "i", "em", "strong", "small", "a",
              "style", "ul", "li", "sup", "sub", "code"}


def _html_bodies(at) -> list[str]:
    return [h.proto.body for h in at.get("html")]


def _markup(body: str) -> list[tuple[str, list]]:
    from html.parser import HTMLParser

    found: list[tuple[str, list]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    p = P(convert_charrefs=True)
    p.feed(body)
    p.close()
    return found


def _assert_no_article_markup(at) -> None:
    """Every tag in the page's HTML is the app's own: no script, img or on* handler from text."""
    for body in _html_bodies(at):
        for tag, attrs in _markup(body):
            if tag == "script":  # the app's scroll-to-target helper, fixed text
                assert "alert" not in body and "onerror" not in body.split("<script")[1], body
                continue
            assert tag in _SAFE_TAGS, (tag, body[:300])
            for name, value in attrs:
                assert not name.startswith("on"), (tag, name, body[:300])
                if name in ("href", "src", "action", "formaction", "style"):
                    assert "javascript:" not in (value or "").lower(), (tag, name, value)
    for m in at.markdown:
        assert not m.proto.allow_html or "alert(" not in m.value, m.value


def _open(graph: Path, monkeypatch, page: str | None = None, **params):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CLAIMGRAPH_GRAPH", str(graph))
    monkeypatch.setenv("CLAIMGRAPH_WARM_UP", "0")
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(f"ui/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", ["reader", "entities", "graph", "sparql", "export"])
def test_app_pages_show_hostile_text_as_text(page, nasty_app_graph, monkeypatch):
    at = _open(nasty_app_graph, monkeypatch, page)
    _assert_no_article_markup(at)
    if page == "reader":
        joined = "".join(_html_bodies(at))
        assert "&lt;script&gt;alert(" in joined and "&lt;img src=x onerror=alert(1)&gt;" in joined


def test_app_entity_page_of_a_script_named_entity_is_text(nasty_app_graph, monkeypatch,
                                                          nasty_ds):
    from claimgraph import service

    snap = service.snapshot(nasty_ds)
    iri = next(e["iri"] for e in snap.entities
               if snap.name(e["iri"]).startswith("<img src=x"))
    at = _open(nasty_app_graph, monkeypatch, "entities", entity=iri)
    _assert_no_article_markup(at)
    text = "\n".join([m.value for m in at.markdown] + _html_bodies(at)
                     + [x.value for x in at.title] + [x.value for x in at.header]
                     + [x.value for x in at.subheader])
    assert "onerror" in text  # the name is shown ...
    assert "<img src=x onerror" not in "".join(_html_bodies(at))  # ... but never as markup


@pytest.mark.slow
def test_app_ask_answer_cards_show_hostile_quotes_as_text(nasty_app_graph, monkeypatch):
    at = _open(nasty_app_graph, monkeypatch, None,
               q="What did <img src=x onerror=alert(1)> Bank say?")
    _assert_no_article_markup(at)
    # the answer card is there, its quote escaped in the paragraph and in the Markdown
    assert "&lt;img src=x onerror=alert(1)&gt; Bank is fine" in "".join(_html_bodies(at))
    assert any("\\<img src" in m.value for m in at.markdown)


# ========================================================== library errors


def test_library_errors_are_claimgraph_errors():
    from claimgraph.extract.readers import read_article

    for bad in ("", " ", "\n\n"):
        with pytest.raises(ClaimgraphError):
            read_article(bad)
    with pytest.raises(GraphError):
        load_graph("/nonexistent/graph.trig")
    from claimgraph.graph.iris import IRIs

    for base in ("javascript:alert(1)", "file:///etc/", "ftp://x/", "http://x/ y"):
        with pytest.raises(InputError):
            IRIs(base)


# ============================================================ the terminal

ESC_NAME = "Mary \x1b[2J\x1b]0;pwned\x07 Jones\x9b31m"


def test_cli_text_output_shows_control_characters_instead_of_obeying_them(tmp_path, capsys):
    import json

    from claimgraph.extract.readers import read_article

    text = f"Report\n\n{ESC_NAME} said rates would rise.\n"
    art = read_article(text, "esc.txt")
    p = art.paragraphs[1]
    src = _span(text, ESC_NAME)
    ex = Extraction(art, (Entity("mary jones", "Person", ESC_NAME),), (), (),
                    (Claim("mary jones", _span(text, "rates would rise"), _span(text, "said"),
                           src, "indirect", p.index),), (), (),
                    {"extractor": "claimgraph/test", "model": "none"})
    ds = new_dataset()
    add_extraction(ds, ex)
    g = tmp_path / "esc.trig"
    save_graph(ds, g)
    capsys.readouterr()
    for args in (("entities", "-g", g), ("sparql", g, "SELECT ?l WHERE { ?e skos:prefLabel ?l }"),
                 ("sparql", g, "SELECT ?b WHERE { ?a schema:articleBody ?b }")):
        assert cli(*args) == 0
        out = capsys.readouterr().out
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), (args, out)
        assert "\\u001b[2J" in out, (args, out)
    assert cli("entities", "-g", g, "--json") == 0
    data = json.loads(capsys.readouterr().out)  # still valid JSON, decoding to the same name
    assert data[0]["labels"]["en"][0] == ESC_NAME
    # an error message carrying a control character or a newline is one visible line
    bad = tmp_path / "bad\x1b[2J\nname.trig"
    bad.write_text("<a> <b> { oops", encoding="utf-8")
    assert cli("entities", "-g", bad) == 3
    line = one_error_line(capsys)
    assert "\x1b" not in line and "\\u001b[2J" in line


# ========================================================== unwritable output


@pytest.mark.parametrize("case", ["export onto a folder", "export where nothing can be created",
                                  "build where nothing can be created"])
def test_unwritable_output_is_one_line_exit_1(case, nasty_graph_file, tmp_path, capsys):
    before = nasty_graph_file.read_bytes()
    if case == "export onto a folder":
        (tmp_path / "d").mkdir()
        rc = cli("export", nasty_graph_file, "--format", "gexf", "-o", tmp_path / "d")
        assert (tmp_path / "d").is_dir() and no_temp_files(tmp_path)
    elif case == "export where nothing can be created":
        rc = cli("export", nasty_graph_file, "--format", "trig", "-o", "/proc/cg-test/x.trig")
    else:
        art = tmp_path / "a.txt"
        art.write_text("The minister said it was fine.\n", encoding="utf-8")
        rc = cli("build", art, "-o", "/proc/cg-test/x.trig", "-q")
    assert rc == 1
    one_error_line(capsys)
    assert nasty_graph_file.read_bytes() == before


# ============================================== graph files that reach outside


def test_a_jsonld_graph_cannot_make_claimgraph_fetch_or_read_a_context(tmp_path, capsys,
                                                                       nasty_ds):
    import json

    from claimgraph.graph.exporters import export

    srv = _Listener()
    try:
        cases = {
            "remote.jsonld": {"@context": f"http://127.0.0.1:{srv.port}/ctx.jsonld",
                              "@id": "http://x.example/a", "name": "b"},
            "file.jsonld": {"@context": ["file:///etc/passwd", {"a": "http://x/"}],
                            "@id": "http://x.example/a"},
            "nested.jsonld": {"@graph": [{"@id": "http://x.example/a", "http://x/p": {
                "@context": {"@import": f"http://127.0.0.1:{srv.port}/i.jsonld"},
                "@value": "v"}}]},
        }
        for name, doc in cases.items():
            (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
            assert cli("entities", "-g", tmp_path / name) == 3
            assert "outside context" in one_error_line(capsys)
        time.sleep(0.3)
        assert srv.hits == 0
    finally:
        srv.close()
    # claimgraph's own JSON-LD (an inline context) still loads
    export(nasty_ds, "jsonld", tmp_path / "own.jsonld")
    assert len(load_graph(tmp_path / "own.jsonld")) == len(nasty_ds)


# ============================================================== questions


def test_a_huge_question_is_refused_not_a_hang(nasty_graph_file, capsys):
    from claimgraph.qa.engine import MAX_QUESTION

    q = "Who said " + "Standard Chartered and UBS " * 200
    assert len(q) > MAX_QUESTION
    assert cli("ask", q, "-g", nasty_graph_file) == 4
    assert f"at most {MAX_QUESTION:,}" in one_error_line(capsys)


def test_an_oxigraph_store_from_a_newer_version_is_refused(nasty_graph_file, tmp_path, capsys):
    pyoxigraph = pytest.importorskip("pyoxigraph")

    newer = _newer(tmp_path, nasty_graph_file)
    for name, src in (("same", nasty_graph_file), ("newer", newer)):
        store = pyoxigraph.Store(str(tmp_path / name))
        store.load(path=str(src), format=pyoxigraph.RdfFormat.TRIG)
        store.flush()
        del store
    assert cli("entities", "-g", f"oxigraph:{tmp_path / 'same'}") == 0
    capsys.readouterr()
    assert cli("entities", "-g", f"oxigraph:{tmp_path / 'newer'}") == 3
    assert "written by a newer claimgraph" in one_error_line(capsys)

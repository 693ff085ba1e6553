"""Scale features: streaming builds that resume after a kill, skip-by-hash, and the
Oxigraph and SPARQL-endpoint stores giving the same answers as the file store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from claimgraph.graph.store import FileStore, parse_store

from claimgraph.errors import GraphError

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "claimgraph.app.cli"]

FIRST = ["Maria", "Daniel", "Aisha", "Tomas", "Grace", "Kenji", "Lena", "Omar", "Priya", "Hugo"]
LAST = ["Castellano", "Whitfield", "Okonkwo", "Lindqvist", "Moreau", "Tanaka", "Brennan",
        "Haddad", "Raman", "Vasquez"]
ORGS = ["Northgate Bank", "the Harbor Institute", "Crestline Capital", "the Meridian Fund"]
TOPICS = ["interest rates", "the housing market", "bond yields", "trade tariffs", "oil prices"]


def _article(i: int) -> str:
    who = f"{FIRST[i % 10]} {LAST[(i * 3 + 1) % 10]}"
    org = ORGS[i % len(ORGS)]
    topic = TOPICS[i % len(TOPICS)]
    return (f"Markets moved on report {i}\n\n"
            f"{who}, chief economist at {org}, said that {topic} would keep rising this year. "
            f"\"We expect pressure on {topic} to last into the spring,\" {who.split()[1]} told "
            f"reporters on Tuesday.\n\n"
            f"According to {org}, the outlook for {topic} depends on the central bank. "
            f"Analysts said the week's data, the {i}th release of the series, surprised them.\n")


def _corpus(d: Path, n: int) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return d


def _cli(*args, check=True, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    r = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=600, **kw)
    if check and r.returncode != 0:
        raise AssertionError(f"{args}: {r.stderr}")
    return r


def _hashes(graph: Path) -> list[str]:
    from claimgraph.graph import load_graph
    from claimgraph.ontology import CG

    return sorted(str(o) for o in load_graph(graph).objects(None, CG.contentHash))


# ---------------------------------------------------------------- fast: no models


def test_store_specs_parse():
    assert parse_store("oxigraph:/tmp/x") == ("oxigraph", "/tmp/x")
    assert parse_store("sparql:http://127.0.0.1:9/q") == ("sparql", "http://127.0.0.1:9/q")
    # a URL that went through pathlib (one slash of "//" lost) is repaired
    assert parse_store(str(Path("sparql:http://127.0.0.1:9/q"))) == ("sparql", "http://127.0.0.1:9/q")
    assert parse_store("g.trig") == ("file", "g.trig")
    with pytest.raises(GraphError, match="say where"):
        parse_store("oxigraph:")


def test_sparse_bm25_gives_rank_bm25s_scores():
    import random

    import numpy as np
    from claimgraph.qa.lexical import SparseBM25
    from rank_bm25 import BM25Okapi

    rng = random.Random(7)
    words = [f"w{i}" for i in range(200)]
    # skewed vocabulary: some words in most documents (rank_bm25's negative-idf floor)
    corpus = [[rng.choice(words[:rng.randint(2, 200)]) for _ in range(rng.randint(1, 15))]
              for _ in range(800)]
    for doc in corpus[::3] + corpus[1::3]:
        doc.append("common")
    corpus[3] = ["_"]
    ref, ours = BM25Okapi(corpus), SparseBM25(corpus)
    floored = ref.epsilon * ref.average_idf
    assert any(abs(v - floored) < 1e-12 for v in ref.idf.values())  # the floor is exercised
    for _ in range(40):
        q = [rng.choice([*words, "unseen", "common"]) for _ in range(rng.randint(0, 6))]
        q += q[:1]  # a repeated query word counts twice in rank_bm25
        np.testing.assert_allclose(ours.get_scores(q), ref.get_scores(q), rtol=0, atol=1e-9)


def test_engine_bm25_is_the_sparse_one_with_the_same_scores(example_graph):
    import numpy as np
    from claimgraph.qa import QAEngine
    from claimgraph.qa.engine import tokens
    from claimgraph.qa.lexical import SparseBM25
    from rank_bm25 import BM25Okapi

    eng = QAEngine.from_path(example_graph)
    assert isinstance(eng.bm25, SparseBM25)
    ref = BM25Okapi([tokens(s.text) or ["_"] for s in eng.statements])
    for q in ("What did UBS say about Treasury yields?", "basis trade hedge funds"):
        np.testing.assert_allclose(eng.bm25.get_scores(tokens(q)), ref.get_scores(tokens(q)),
                                   rtol=0, atol=1e-9)


def test_file_store_journal_is_read_back_and_removed(tmp_path, example_graph):
    from claimgraph.graph import load_graph
    from claimgraph.ontology import CG

    src = load_graph(example_graph)
    gi = next(c.identifier for c in src.graphs() if len(c) and "graph" in str(c.identifier))
    target = tmp_path / "g.trig"
    st = FileStore(target)
    for t in src.graph(gi):
        st.ds.graph(gi).add(t)
    st.commit([gi])  # a checkpoint, then the process "dies" before close()
    st.release()  # (as the kernel drops a dead process's lock)
    assert not target.exists()
    assert len(list((tmp_path / "g.trig.journal").glob("*.nq"))) == 1
    again = FileStore(target)  # the next build
    assert again.recovered == 1
    assert again.article_ids() == {str(o) for o in src.objects(None, CG.contentHash)}
    again.close()
    assert target.exists() and not (tmp_path / "g.trig.journal").exists()
    assert len(load_graph(target)) == len(src.graph(gi))


# ---------------------------------------------------------------- the graph file lock


def _build_writer(target, holding, started, ids) -> None:
    """A build: FileStore holds the lock from reading the graph until it is written."""
    from claimgraph.graph.store import FileStore
    from claimgraph.ontology import CG
    from rdflib import Literal, URIRef

    st = FileStore(target)
    holding.set()
    started.wait(60)
    time.sleep(0.3)  # give the app writer time to read the file, were it not locked
    gi = URIRef("https://claimgraph.org/id/graph/build-writer")
    st.ds.graph(gi).add((URIRef("https://claimgraph.org/id/article/build-writer"),
                         CG.contentHash, Literal("build-writer")))
    st.commit([gi])
    st.close()
    ids.put("build")


def _app_writer(target, holding, started, ids) -> None:
    """The app's "Add article", with a blank spaCy pipeline (the lock is what is tested)."""
    import spacy

    from claimgraph.service import add_article_text

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    holding.wait(60)
    started.set()
    rep = add_article_text(target, "Markets moved.\n\nJohn Smith said rates would rise.",
                           "a.txt", nlp=nlp)
    ids.put(rep.article_id)


def test_a_build_and_an_app_add_into_one_file_both_land(tmp_path):
    import multiprocessing as mp

    from claimgraph.graph import load_graph
    from claimgraph.ontology import CG

    target = tmp_path / "g.trig"
    ctx = mp.get_context("fork")
    holding, started, ids = ctx.Event(), ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=f, args=(target, holding, started, ids))
             for f in (_build_writer, _app_writer)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    got = {ids.get(timeout=5), ids.get(timeout=5)}
    assert "build" in got and len(got) == 2
    hashes = {str(o) for o in load_graph(target).objects(None, CG.contentHash)}
    assert hashes == {"build-writer", next(iter(got - {"build"}))}  # neither write was lost


def test_a_writer_that_waits_too_long_gets_a_clear_error(tmp_path):
    from claimgraph.graph.lock import GraphLock

    target = tmp_path / "g.trig"
    with GraphLock(target, "claimgraph build"):
        with pytest.raises(GraphError, match=r"another claimgraph process is writing this graph "
                                             r"\(pid \d+: claimgraph build\)"):
            FileStore(target, lock_timeout=0.1)
    st = FileStore(target, lock_timeout=0.1)  # free again
    st.close()
    assert target.exists()


def test_bad_store_locations_are_clear(tmp_path):
    from claimgraph.graph import load_graph

    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(GraphError, match="is a folder, and this is a file"):
        load_graph(f"oxigraph:{f}")
    with pytest.raises(GraphError, match="no Oxigraph store here"):
        load_graph(f"oxigraph:{tmp_path / 'none'}")
    with pytest.raises(GraphError, match="cannot reach the SPARQL endpoint"):
        load_graph("sparql:http://127.0.0.1:9/none")
    with pytest.raises(GraphError, match="http:// or https://"):
        load_graph("sparql:ftp://example.org/x")


# ---------------------------------------------------------------- a SPARQL 1.1 endpoint


class _Endpoint(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query and update by POST form) over an in-memory Oxigraph."""

    store = None

    def log_message(self, *a):  # keep test output clean
        pass

    def do_POST(self):  # noqa: N802 (http.server's name)
        import pyoxigraph as ox

        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        form = urllib.parse.parse_qs(body)
        try:
            if "update" in form:
                self.store.update(form["update"][0])
                out, ctype = b"", "text/plain"
            else:
                res = self.store.query(form["query"][0])
                out = res.serialize(format=ox.QueryResultsFormat.JSON)
                ctype = "application/sparql-results+json"
        except (SyntaxError, ValueError, OSError) as e:
            self.send_response(400)
            self.end_headers()
            self.wfile.write(str(e).encode())
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


@pytest.fixture
def sparql_endpoint():
    import pyoxigraph as ox

    handler = type("H", (_Endpoint,), {"store": ox.Store()})
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/sparql", handler.store
    srv.shutdown()
    srv.server_close()


# ---------------------------------------------------------------- slow: spaCy and the QA index


@pytest.mark.slow
def test_resume_after_sigkill_keeps_every_article_exactly_once(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 40)
    graph = tmp_path / "g.trig"
    journal = tmp_path / "g.trig.journal"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.Popen([*CLI, "build", str(corpus), "-o", str(graph), "-q",
                             "--checkpoint-every", "2"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and not list(journal.glob("*.nq")):
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before its first checkpoint could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not graph.exists()  # the graph file is written only when a build ends
    kept = len(list(journal.glob("*.nq")))
    assert kept >= 1
    r = _cli("build", corpus, "-o", graph, "-q")
    added, present = (int(x) for x in
                      r.stdout.split(":")[1].replace(" added,", "").split()[:2])
    assert present >= 2 * kept and added == 40 - present, r.stdout
    assert not journal.exists()
    hashes = _hashes(graph)
    assert len(hashes) == len(set(hashes)) == 40
    # and a third run adds nothing
    r = _cli("build", corpus, "-o", graph, "-q")
    assert "0 added, 40 already present" in r.stdout


@pytest.mark.slow
def test_skip_by_hash_and_bad_files(tmp_path):
    from claimgraph.errors import InputError
    from claimgraph.pipeline import build_graph

    d = _corpus(tmp_path / "c", 3)
    graph = tmp_path / "g.trig"
    rep = build_graph([str(d / "a000.txt")], graph)
    assert (rep.added, rep.skipped) == (1, 0)
    (d / "copy_of_a000.txt").write_text(_article(0), encoding="utf-8")  # same text, new name
    rep = build_graph([str(d)], graph)
    assert (rep.added, rep.skipped) == (2, 2)
    assert len(_hashes(graph)) == 3
    (d / "z_bad.txt").write_bytes(b"\x00\x01binary")
    (d / "a003.txt").write_text(_article(3), encoding="utf-8")
    before = graph.read_bytes()
    with pytest.raises(InputError, match="z_bad.txt"):
        build_graph([str(d)], graph, checkpoint_articles=1)
    assert graph.read_bytes() == before  # the old graph stays until a build ends
    rep = build_graph([str(d)], graph, skip_bad=True)
    assert rep.added == 0 and len(rep.bad) == 1 and "z_bad.txt" in rep.bad[0]
    assert len(_hashes(graph)) == 4  # a003 was kept from the failed build's checkpoint


QUESTIONS = [q["q"] for q in json.loads(
    (ROOT / "bench" / "questions" / "caixin.json").read_text(encoding="utf-8"))["questions"]][:8]


@pytest.mark.slow
def test_oxigraph_store_gives_the_file_stores_answers(tmp_path, example_path):
    # several articles naming the same organizations: each states their type and labels
    # in its own graph, which Oxigraph's union default graph would return once per article
    corpus = _corpus(tmp_path / "c", 4)
    store, graph = f"oxigraph:{tmp_path / 'ox'}", tmp_path / "g.trig"
    r = _cli("build", example_path, corpus, "--store", store, "-q")
    assert "5 added" in r.stdout
    assert "0 added, 5 already present" in _cli("build", example_path, corpus, "--store", store,
                                                 "-q").stdout
    _cli("build", example_path, corpus, "-o", graph, "-q")
    ents = json.loads(_cli("entities", "-g", store, "--json").stdout)
    assert _canon(ents) == _canon(json.loads(_cli("entities", "-g", graph, "--json").stdout))
    assert any(e["roles"] for e in ents)
    qs = "\n".join(QUESTIONS + ["What did Northgate Bank say about interest rates?"]) + "\n"
    a = _cli("ask", "-", "-g", store, input=qs).stdout
    b = _cli("ask", "-", "-g", graph, input=qs).stdout
    assert len(a.splitlines()) == len(QUESTIONS) + 1
    assert a == b
    # the exporters read Oxigraph by bulk queries (graph/projection.py): the same files
    for fmt in ("gexf", "neo4j-csv"):
        _cli("export", store, "--format", fmt, "-o", tmp_path / f"ox-{fmt}")
        _cli("export", graph, "--format", fmt, "-o", tmp_path / f"file-{fmt}")
    assert (tmp_path / "ox-gexf").read_bytes() == (tmp_path / "file-gexf").read_bytes()
    assert b"<edge " in (tmp_path / "ox-gexf").read_bytes()
    names = sorted(x.name for x in (tmp_path / "file-neo4j-csv").iterdir())
    assert len(names) > 3
    assert names == sorted(x.name for x in (tmp_path / "ox-neo4j-csv").iterdir())
    for name in names:
        assert (tmp_path / "ox-neo4j-csv" / name).read_bytes() == \
            (tmp_path / "file-neo4j-csv" / name).read_bytes(), name


@pytest.mark.slow
def test_sparql_endpoint_store_round_trip(tmp_path, example_path, example_graph, sparql_endpoint):
    from claimgraph.graph import load_graph, views

    from claimgraph.pipeline import build_graph

    url, server_store = sparql_endpoint
    rep = build_graph([str(example_path)], f"sparql:{url}")
    assert rep.added == 1 and rep.claims > 0
    assert len(server_store.named_graphs().__iter__().__next__().value) > 0
    rep = build_graph([str(example_path)], f"sparql:{url}")
    assert (rep.added, rep.skipped) == (0, 1)
    remote, local = load_graph(f"sparql:{url}"), load_graph(example_graph)
    assert len(remote) == len(local)
    assert _canon(views.entities(remote)) == _canon(views.entities(local))
    assert _canon(views.claims(remote)) == _canon(views.claims(local))


def _canon(rows: list[dict]) -> list[dict]:
    """Views with unordered lists as sets: a store returns alternative labels, roles and
    ``about`` links in its own order (the preferred label stays first)."""
    out = []
    for r in rows:
        r = dict(r)
        if "labels" in r:
            r["labels"] = {k: v[:1] + sorted(v[1:]) for k, v in r["labels"].items()}
        if "about" in r:
            r["about"] = sorted(r["about"], key=lambda a: a["iri"])
        if "roles" in r:  # a role node labelled differently by two articles: two rows
            r["roles"] = sorted(r["roles"], key=lambda x: json.dumps(x, sort_keys=True))
        out.append(r)
    return out


@pytest.mark.slow
def test_ann_index_answers_like_brute_force(example_graph, monkeypatch):
    from claimgraph.graph import load_graph
    from claimgraph.qa import QAEngine, ann

    ds = load_graph(example_graph)
    brute = QAEngine(ds)
    assert brute.ann is None  # the example graph is far below the threshold
    monkeypatch.setattr(ann, "ANN_THRESHOLD", 1)
    monkeypatch.setattr(ann, "POOL", 40)  # small enough that the pool really narrows
    fast = QAEngine(ds)
    assert fast.ann is not None
    narrowed = []
    real = ann.prefilter

    def spy(eng, sc, idx, *a, **kw):
        out = real(eng, sc, idx, *a, **kw)
        narrowed.append(len(out) < len(idx))
        return out

    monkeypatch.setattr(ann, "prefilter", spy)
    questions = [q["q"] for q in json.loads(
        (ROOT / "bench" / "questions" / "caixin.json").read_text(encoding="utf-8"))["questions"]]
    for q in questions:
        assert fast.ask(q) == brute.ask(q), q
    assert any(narrowed), "no question was answered from the ANN pool"

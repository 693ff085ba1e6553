"""Synthetic graphs of 10k / 100k / 1M claims: build, index, ask, SPARQL, export, memory.

A synthetic graph replicates the claims really extracted from a base graph
(default: the example article, built on the fly) under distinct IRIs: every
replica of an article gets its own article, graph, claim, fact, membership
and paragraph IRIs and content hash, while entities are shared (the same
speakers across many articles, as in a real corpus). Text is varied without
moving any character offset: every digit of the article body, the claim
contents and the quotes is rotated by the replica number, so numbers differ
between replicas (at most 10 variants of a sentence; sentences without
digits repeat: the report counts the distinct statement texts actually
embedded, and ``docs/scale.md`` projects the cost of fully distinct text).

Per size, three fresh processes, so each peak RSS is its own:

* **store** process: generate the replicas and bulk load them into an
  embedded Oxigraph store in chunks (what ``--store oxigraph:`` holds;
  extraction speed is ``bench/throughput.py``'s) = **build**; SPARQL "all
  claims by X" for the most quoted speaker; the GEXF and Neo4j CSV
  exporters over the store; its peak RSS;
* **qa-index** process (up to ``--qa-max`` claims): ``QAEngine`` over the
  store (statements read by SPARQL, MiniLM vectors of the distinct texts,
  cached under ``--vectors`` between runs, sparse BM25, FAISS HNSW past the
  threshold) = **index**, saved as the engine's index files; its peak RSS;
* **qa** process: ``QAEngine.load`` of those files (no graph read, statements
  decoded on demand, vectors memory-mapped), then warm ``ask`` of the English
  questions of ``bench/questions/caixin.json`` (question-vector cache cleared
  before each) = **ask p50/p99**; its peak RSS (``VmHWM``) and RSS after the
  asks, and whether torch was imported (it must not be: the numpy MiniLM
  serves both indexing and questions).

    .venv/bin/python bench/scale.py [--sizes 10000 100000 1000000] [--qa-max 100000]

Writes ``bench/results/scale.json`` (rows merged by size with earlier runs).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_ARTICLE = re.compile(r"(<[^>]*/(?:article|graph|claim|fact|membership|run)/[^>/]*)")


def _rot(text: str, r: int) -> str:
    return text.translate({ord(c): ord(str((int(c) + r) % 10)) for c in "0123456789"})


def base_quads(graph: Path) -> tuple[list[str], int]:
    """N-Quads lines of the base graph and its claim count."""
    from claimgraph.graph import load_graph

    ds = load_graph(graph)
    lines = [ln for ln in ds.serialize(format="nquads").splitlines() if ln.strip()]
    claims = sum(1 for ln in lines if "<https://claimgraph.org/ns#Claim>" in ln
                 and "22-rdf-syntax-ns#type>" in ln)
    return lines, claims


_LITERAL = re.compile(r'^(.*?) ("(?:[^"\\]|\\.)*")(.*)$')


def replica(lines: list[str], r: int) -> list[str]:
    out = []
    for ln in lines:
        ln = PER_ARTICLE.sub(lambda m: f"{m.group(1)}-r{r}", ln)
        m = _LITERAL.match(ln)
        if m and ("contentHash" in ln):
            ln = m.group(1) + " " + m.group(2)[:-1] + f"-r{r}\"" + m.group(3)
        elif m and any(p in ln for p in ("articleBody", "ns#content>", "oa#exact>", "ns#value>",
                                         "ns#sourceText>")):
            ln = m.group(1) + " " + _rot(m.group(2), r) + m.group(3)
        out.append(ln)
    return out


def write_synthetic(lines: list[str], per: int, size: int, path: Path,
                    start: int = 0, stop: int | None = None) -> int:
    """Replicas ``start``..``stop`` (default: all ``size`` needs) as N-Quads at ``path``."""
    n = -(-size // per)
    with open(path, "w", encoding="utf-8") as f:
        for r in range(start, n if stop is None else min(stop, n)):
            rep = replica(lines, r)
            f.write("\n".join(rep))
            f.write("\n")
            # the union in the default graph, as `build --store oxigraph:` writes it (the
            # store keeps one copy of a triple that many articles state)
            f.write("\n".join(ln[:ln.rstrip(" .").rfind(" <")] + " ." for ln in rep))
            f.write("\n")
    return n


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _rss() -> dict:
    """Peak (VmHWM) and current (VmRSS) resident memory of this process, in MB."""
    out = {}
    for ln in Path("/proc/self/status").read_text().splitlines():
        k, _, v = ln.partition(":")
        if k in ("VmHWM", "VmRSS"):
            out[k] = round(int(v.split()[0]) / 1024, 1)
    return out


def store_part(size: int, base: Path, work: Path, chunk: int = 500, reuse: bool = False,
               formats: tuple = ("gexf", "neo4j-csv")) -> dict:
    """Generate + bulk load (unless ``reuse`` finds the store), SPARQL, exports: one process."""
    import pyoxigraph as ox
    from claimgraph.graph import load_graph
    from claimgraph.graph.exporters import export
    from claimgraph.graph.sparql import run_query

    lines, per = base_quads(base)
    n = -(-size // per)
    row: dict = {"size": size, "replicas": n, "claims": n * per, "quads": n * len(lines)}
    store_dir = work / f"ox-{size}"
    nq = work / f"synthetic-{size}.nq"

    def fill() -> tuple[float, float]:
        gen = load = 0.0
        st = ox.Store(str(store_dir))
        for a in range(0, n, chunk):  # chunks: bounded disk for the N-Quads at 1M claims
            gen += _timed(lambda a=a: write_synthetic(lines, per, size, nq, a, a + chunk))[0]
            load += _timed(lambda: st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS))[0]
        load += _timed(st.flush)[0]
        nq.unlink()
        return gen, load  # the store closes with this frame

    if reuse and store_dir.is_dir():
        row["reused_store"] = True  # build time: from the run that made it
    else:
        gen, load = fill()
        row["generate_s"], row["build_s"] = round(gen, 2), round(load, 2)
    row["store_gb"] = round(sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file())
                            / 1e9, 2)
    row["load_build"] = os.getloadavg()
    ds = load_graph(f"oxigraph:{store_dir}")
    top = _top_speaker(ds)
    q = f"SELECT ?c ?content WHERE {{ ?c cg:speaker <{top}> ; cg:content ?content }}"
    sp_s, res = _timed(lambda: len(run_query(ds, q, timeout=3600).bindings))
    row["sparql_claims_by_x_s"], row["sparql_rows"] = round(sp_s, 3), res
    for fmt, name in (("gexf", "g.gexf"), ("neo4j-csv", "neo4j")):
        if fmt not in formats:
            continue
        t, c = time.perf_counter(), time.process_time()
        export(ds, fmt, work / f"{size}-{name}")
        row[f"export_{fmt}_s"] = round(time.perf_counter() - t, 2)
        row[f"export_{fmt}_cpu_s"] = round(time.process_time() - c, 2)
    with open(work / f"{size}-g.gexf", encoding="utf-8") as f:
        row["gexf_edges"] = sum(ln.count("<edge ") for ln in f)
    row["load_exports"] = os.getloadavg()
    row["store_peak_rss_mb"] = _rss()["VmHWM"]
    return row


def _top_speaker(ds) -> str:
    rows = ds.query("SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c <https://claimgraph.org/ns#speaker> ?s }"
                    " GROUP BY ?s ORDER BY DESC(?n) LIMIT 1")
    return str(next(iter(rows))[0])


NOISE = 0.25  # norm of the noise added to a replicated statement's vector (a unit vector)


def distinct_vectors(eng, seed: int = 0) -> None:
    """Give every statement its own vector, as fully distinct text would.

    The synthetic graph repeats its ~1k sentences hundreds of times, so the
    engine embeds ~1k texts and shares their vectors: the vector file, the HNSW
    index and the dense products would be ~450 times smaller than with real
    text. Here each statement gets its text's real MiniLM vector plus Gaussian
    noise of norm ~``NOISE`` (cosine to the original ~0.97), renormalized, and
    the HNSW index is rebuilt over all of them: the row count, memory and
    search work of distinct text, with the same rankings up to the noise.
    """
    import numpy as np
    from claimgraph.qa import ann
    from claimgraph.qa.store import RowMatrix

    m = eng.matrix
    n, dim = m.shape
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), dtype=np.float32)
    for a in range(0, n, 50_000):  # in chunks: no second N x DIM temporary
        b = min(n, a + 50_000)
        v = np.asarray(m.vecs, dtype=np.float32)[m.row[a:b]]
        v += rng.standard_normal(v.shape, dtype=np.float32) * (NOISE / dim ** 0.5)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[a:b] = v
    eng.matrix = ann.compact_if_large(RowMatrix(out, np.arange(n, dtype=np.int64)))
    del out
    eng.ann = ann.build_index(eng.matrix)


def qa_index_part(size: int, work: Path, vectors: Path, distinct: bool = True,
                  from_saved: bool = False) -> dict:
    """The QA index built from the store ``store_part`` left and saved beside it: one process.

    ``distinct``: every statement gets its own vector (:func:`distinct_vectors`).
    ``from_saved``: start from the index an earlier run saved (shared vectors) instead
    of the store (the statements are the same; only the vectors and HNSW are redone).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from claimgraph.graph import load_graph
    from claimgraph.qa import QAEngine

    row: dict = {"size": size}
    vectors.mkdir(parents=True, exist_ok=True)
    if from_saved:
        src = work / f"qa-{size}"
        meta = json.loads((src / "meta.json").read_text(encoding="utf-8"))
        idx_s, eng = _timed(lambda: QAEngine.load(src, meta=meta))
        row["index_from_saved"] = True
    else:
        ds = load_graph(f"oxigraph:{work / f'ox-{size}'}")
        idx_s, eng = _timed(lambda: QAEngine(ds, cache_dir=vectors))
    row["index_s"] = round(idx_s, 2)
    row["statements"] = len(eng.statements)
    row["distinct_texts"] = int(eng.matrix.vecs.shape[0])
    if distinct:
        dv_s, _ = _timed(lambda: distinct_vectors(eng))
        row["distinct_vectors_s"] = round(dv_s, 2)
        row["vector_rows"] = int(eng.matrix.vecs.shape[0])
    row["synthetic_vectors"] = "per statement (text vector + noise)" if distinct else "shared"
    row["ann"] = getattr(eng, "ann", None) is not None
    out = work / (f"qa-{size}-distinct" if distinct else f"qa-{size}")
    save_s, _ = _timed(lambda: eng.save(out))
    row["index_save_s"] = round(save_s, 2)
    row["index_rss_mb"] = _rss()
    row["load_index"] = os.getloadavg()
    return row


def qa_part(size: int, work: Path, vectors: Path, distinct: bool = True) -> dict:
    """Warm asks over the saved index, in a process that never reads the graph."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from claimgraph.qa import QAEngine
    from claimgraph.qa.embed import clear_query_cache

    row: dict = {"size": size}
    src = work / (f"qa-{size}-distinct" if distinct else f"qa-{size}")
    load_s, eng = _timed(lambda: QAEngine.load(src))
    if eng is None:
        raise SystemExit(f"no QA index in {src}")
    row["index_load_s"] = round(load_s, 2)
    row["load_rss_mb"] = _rss()
    qs = [q["q"] for q in json.loads((ROOT / "bench" / "questions" / "caixin.json")
                                     .read_text(encoding="utf-8"))["questions"]]
    qs = [q for q in qs if not re.search(r"[\u3400-\u9fff]", q)]  # MiniLM path (e5 is separate)
    first = []
    for n, q in enumerate(qs):  # warm: one pass (first-use work such as the numeric statement list)
        t = time.perf_counter()
        eng.ask(q)
        first.append((time.perf_counter() - t) * 1000)
        if n == 0:
            row["first_ask_rss_mb"] = _rss()
    row["warm_rss_mb"] = _rss()
    # the first pass: no row, statement or question cache holds anything of a question yet
    row["first_pass_p50_ms"] = round(statistics.median(first), 1)
    lat, cpu = [], []
    for q in qs:
        clear_query_cache()
        t, c = time.perf_counter(), time.process_time()
        eng.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    lat.sort()
    # CPU ms per ask: what the question costs, whatever the neighbours do to the wall time
    row["ask_cpu_p50_ms"] = round(statistics.median(cpu), 1)
    row["ask_n"] = len(lat)
    row["ask_p50_ms"] = round(statistics.median(lat), 1)
    row["ask_p99_ms"] = round(lat[min(len(lat) - 1, int(0.99 * len(lat)))], 1)
    row["load_ask"] = os.getloadavg()
    rss = _rss()
    row["qa_peak_rss_mb"], row["qa_rss_after_asks_mb"] = rss["VmHWM"], rss["VmRSS"]
    row["torch_imported"] = "torch" in sys.modules
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--base-graph", type=Path, help="a built .trig to replicate (default: "
                    "the example article)")
    ap.add_argument("--qa-max", type=int, default=100_000,
                    help="build the QA index and time asks only up to this many claims")
    ap.add_argument("--vectors", type=Path, default=Path(tempfile.gettempdir()) / "cg-scale-vectors",
                    help="MiniLM vector cache kept between runs")
    ap.add_argument("--work", type=Path, help="keep the stores here (default: a temp folder)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    ap.add_argument("--reuse-store", action="store_true",
                    help="keep a store left in --work by an earlier run (no build)")
    ap.add_argument("--formats", nargs="+", default=["gexf", "neo4j-csv"],
                    help="exports to time")
    ap.add_argument("--shared-vectors", action="store_true",
                    help="let statements that repeat a text share its vector (the synthetic "
                    "graph's ~1k distinct texts: far fewer rows than real text); default: every "
                    "statement gets its own vector (text vector + noise)")
    ap.add_argument("--index-from-saved", action="store_true",
                    help="build the distinct-vector index from the shared-vector index an "
                    "earlier run left in --work (with --reuse-store)")
    ap.add_argument("--part", choices=["store", "qa-index", "qa"], help=argparse.SUPPRESS)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.part:
        if a.part == "store":
            row = store_part(a.one, a.base_graph, a.work, reuse=a.reuse_store,
                             formats=tuple(a.formats))
        elif a.part == "qa-index":
            row = qa_index_part(a.one, a.work, a.vectors, distinct=not a.shared_vectors,
                                from_saved=a.index_from_saved)
        else:
            row = qa_part(a.one, a.work, a.vectors, distinct=not a.shared_vectors)
        print(json.dumps(row), flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="cg-scale-") as d:
        work = a.work or Path(d)
        work.mkdir(parents=True, exist_ok=True)
        base = a.base_graph
        if base is None:
            from claimgraph.pipeline import build_graph

            base = work / "base.trig"
            build_graph([str(ROOT / "examples" / "caixin_treasuries_selloff.txt")], base)
        out = a.out
        try:
            old = {r["size"]: r for r in json.loads(out.read_text(encoding="utf-8"))["rows"]}
        except (OSError, ValueError, KeyError):
            old = {}
        rows = []
        for size in a.sizes:
            row: dict = {}
            parts = ["store"] + (["qa-index", "qa"] if size <= a.qa_max else [])
            for part in parts:
                r = subprocess.run([sys.executable, __file__, "--part", part, "--one", str(size),
                                    "--base-graph", str(base), "--work", str(work),
                                    "--vectors", str(a.vectors), "--formats", *a.formats,
                                    *(["--reuse-store"] if a.reuse_store else []),
                                    *(["--shared-vectors"] if a.shared_vectors else []),
                                    *(["--index-from-saved"] if a.index_from_saved else [])],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"size {size} {part} failed:\n{r.stderr[-2000:]}", file=sys.stderr)
                    row[f"{part}_failed"] = r.stderr[-500:]
                    continue
                row.update(json.loads(r.stdout.strip().splitlines()[-1]))
            row["peak_rss_mb"] = max(row.get("store_peak_rss_mb", 0), row.get("qa_peak_rss_mb", 0),
                                     row.get("index_rss_mb", {}).get("VmHWM", 0))
            if not a.reuse_store:
                shutil.rmtree(work / f"ox-{size}", ignore_errors=True)
                shutil.rmtree(work / f"qa-{size}", ignore_errors=True)
                shutil.rmtree(work / f"qa-{size}-distinct", ignore_errors=True)
            rows.append(row)
            try:  # another run may have written rows meanwhile: merge by size again
                old = {r["size"]: r for r in json.loads(out.read_text(encoding="utf-8"))["rows"]}
            except (OSError, ValueError, KeyError):
                pass
            old[size] = row
            _table(rows)
            out.write_text(json.dumps({"cpu_count": os.cpu_count(), "load_avg": os.getloadavg(),
                                       "rows": [old[k] for k in sorted(old)]}, indent=2) + "\n",
                           encoding="utf-8")


def _table(rows: list[dict]) -> None:
    cols = [("claims", "claims"), ("statements", "stmts"), ("distinct_texts", "distinct"),
            ("build_s", "build s"), ("index_s", "index s"), ("ask_p50_ms", "ask p50 ms"),
            ("ask_p99_ms", "ask p99 ms"), ("sparql_claims_by_x_s", "sparql s"),
            ("export_gexf_s", "gexf s"), ("gexf_edges", "gexf edges"),
            ("export_neo4j-csv_s", "neo4j-csv s"), ("qa_peak_rss_mb", "QA peak RSS MB"),
            ("store_peak_rss_mb", "store+export peak RSS MB")]
    print(" | ".join(h for _, h in cols))
    for r in rows:
        print(" | ".join(str(r.get(k, "")) for k, _ in cols))
    print(flush=True)


if __name__ == "__main__":
    main()

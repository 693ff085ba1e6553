"""Synthetic graphs of 10k / 100k / 1M claims: build, index, ask, SPARQL, export, memory.

A synthetic graph replicates the claims really extracted from a base graph
(default: the example article, built on the fly) under distinct IRIs: every
replica of an article gets its own article, graph, claim, fact, membership
and paragraph IRIs and content hash, while entities are shared (the same
speakers across many articles, as in a real corpus). Text is varied without
moving any character offset: every digit of the article body, the claim
contents and the quotes is rotated by the replica number, so numbers differ
between replicas (sentences without digits repeat; the report counts the
distinct statement texts actually embedded).

Per size, in a fresh process (so peak RSS is that size's own):

* **build**: bulk load of the replicated N-Quads into an embedded Oxigraph
  store (what ``--store oxigraph:`` holds; extraction speed is
  ``bench/throughput.py``'s);
* **index**: ``QAEngine`` over the store (SPARQL views through oxrdflib,
  statements, MiniLM vectors of the distinct texts, BM25, FAISS HNSW past
  the threshold);
* **ask p50/p99**: warm ``ask`` of the example question set, question
  vector cache cleared before each;
* **sparql**: "all claims by X" for the most quoted speaker;
* **gexf / neo4j-csv**: the exporters over the store;
* **peak RSS** of the process.

    .venv/bin/python bench/scale.py [--sizes 10000 100000] [--base-graph G.trig]

Writes ``bench/results/scale.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
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


def write_synthetic(lines: list[str], per: int, size: int, path: Path) -> int:
    n = -(-size // per)
    with open(path, "w", encoding="utf-8") as f:
        for r in range(n):
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


def one(size: int, base: Path, work: Path, encoder: str = "st", qa_max: int = 10_000) -> dict:
    """Everything for one size, in this process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import pyoxigraph as ox
    from claimgraph.graph import load_graph
    from claimgraph.graph.exporters import export
    from claimgraph.graph.sparql import run_query
    lines, per = base_quads(base)
    nq = work / f"synthetic-{size}.nq"
    gen_s, replicas = _timed(lambda: write_synthetic(lines, per, size, nq))
    row: dict = {"size": size, "replicas": replicas, "claims": replicas * per,
                 "quads": replicas * len(lines), "generate_s": round(gen_s, 2)}
    store_dir = work / f"ox-{size}"

    def bulk():
        st = ox.Store(str(store_dir))
        st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        st.flush()
        del st

    row["build_s"] = round(_timed(bulk)[0], 2)
    nq.unlink()
    ds = load_graph(f"oxigraph:{store_dir}")
    if size <= qa_max:
        _qa(row, ds, encoder)
    top = _top_speaker(ds)
    q = f"SELECT ?c ?content WHERE {{ ?c cg:speaker <{top}> ; cg:content ?content }}"
    sp_s, res = _timed(lambda: len(run_query(ds, q, timeout=600).bindings))
    row["sparql_claims_by_x_s"], row["sparql_rows"] = round(sp_s, 3), res
    for fmt, name in (("gexf", "g.gexf"), ("neo4j-csv", "neo4j")):
        secs, _ = _timed(lambda fmt=fmt, name=name: export(ds, fmt, work / f"{size}-{name}"))
        row[f"export_{fmt}_s"] = round(secs, 2)
    gexf = (work / f"{size}-g.gexf").read_text(encoding="utf-8")
    row["gexf_edges"] = gexf.count("<edge ")
    row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return row


def _top_speaker(ds) -> str:
    rows = ds.query("SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c <https://claimgraph.org/ns#speaker> ?s }"
                    " GROUP BY ?s ORDER BY DESC(?n) LIMIT 1")
    return str(next(iter(rows))[0])


def _qa(row: dict, ds, encoder: str) -> None:
    from claimgraph.qa import QAEngine
    from claimgraph.qa.embed import clear_query_cache

    if encoder == "st":
        # bulk indexing through sentence-transformers (torch, batched): the same vectors
        # to 1e-5 as the numpy path one-shot asks use (tests/test_qa.py), several times faster
        from claimgraph.qa import embed, index

        embed.load_st_model()
        index.encode = embed.st_encode
    idx_s, eng = _timed(lambda: QAEngine(ds))
    row["index_s"] = round(idx_s, 2)
    row["statements"] = len(eng.statements)
    row["distinct_texts"] = len({s.key for s in eng.statements})
    row["ann"] = getattr(eng, "ann", None) is not None
    row["encoder"] = encoder
    qs = [q["q"] for q in json.loads((ROOT / "bench" / "questions" / "caixin.json")
                                     .read_text(encoding="utf-8"))["questions"]]
    qs = [q for q in qs if not re.search(r"[\u3400-\u9fff]", q)]  # MiniLM path (e5 is separate)
    eng.ask(qs[0])  # warm
    lat = []
    for q in qs:
        clear_query_cache()
        t = time.perf_counter()
        eng.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    row["ask_n"] = len(lat)
    row["ask_p50_ms"] = round(statistics.median(lat), 1)
    row["ask_p99_ms"] = round(lat[min(len(lat) - 1, int(0.99 * len(lat)))], 1)
    row["qa_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--base-graph", type=Path, help="a built .trig to replicate (default: "
                    "the example article)")
    ap.add_argument("--encoder", choices=["st", "numpy"], default="st",
                    help="MiniLM for the index build: sentence-transformers (default) or numpy")
    ap.add_argument("--qa-max", type=int, default=10_000,
                    help="build the QA index and time asks only up to this many claims")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a.one, a.base_graph, a.work, a.encoder, a.qa_max)), flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="cg-scale-") as d:
        work = Path(d)
        base = a.base_graph
        if base is None:
            from claimgraph.pipeline import build_graph

            base = work / "base.trig"
            build_graph([str(ROOT / "examples" / "caixin_treasuries_selloff.txt")], base)
        rows = []
        for size in a.sizes:
            r = subprocess.run([sys.executable, __file__, "--one", str(size), "--base-graph",
                                str(base), "--work", str(work), "--encoder", a.encoder, "--qa-max", str(a.qa_max)],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"size {size} failed:\n{r.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(r.stdout.strip().splitlines()[-1]))
            _table(rows)
            out = ROOT / "bench" / "results" / "scale.json"
            out.write_text(json.dumps({"cpu_count": os.cpu_count(), "load_avg": os.getloadavg(),
                                       "rows": rows}, indent=2) + "\n", encoding="utf-8")


def _table(rows: list[dict]) -> None:
    cols = [("claims", "claims"), ("statements", "stmts"), ("distinct_texts", "distinct"),
            ("build_s", "build s"), ("index_s", "index s"), ("ask_p50_ms", "ask p50 ms"),
            ("ask_p99_ms", "ask p99 ms"), ("sparql_claims_by_x_s", "sparql s"),
            ("export_gexf_s", "gexf s"), ("gexf_edges", "gexf edges"),
            ("export_neo4j-csv_s", "neo4j-csv s"), ("peak_rss_mb", "peak RSS MB")]
    print(" | ".join(h for _, h in cols))
    for r in rows:
        print(" | ".join(str(r.get(k, "")) for k, _ in cols))
    print(flush=True)


if __name__ == "__main__":
    main()

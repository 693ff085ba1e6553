"""Build throughput against a bare spaCy pass, same texts, same process count, one run.

Two timed passes over the same PolNeAR train articles, run **interleaved**
(bare, build, bare, build, ... ``--repeats`` times per process count) so
that the load other jobs put on the machine hits both alike; the ratio uses
the median of each side, and every pass records the load average:

* **bare**: ``nlp.pipe(texts, n_process=N, batch_size=B)`` with a plain
  ``spacy.load`` of the model package the build uses (the packaged
  ``en_core_web_sm`` copy, without the build's paragraph-break rule), texts
  already in memory, every doc consumed, nothing else;
* **build**: ``claimgraph.pipeline.build_graph`` of the same files into a
  fresh graph file with ``processes=N, batch_size=B``: listing and reading the
  files, spaCy, every extractor (entities, attribution, roles, concepts,
  facts), entity linking and RDF, the journal checkpoints, the final atomic
  TriG write and the claim/entity counts. Not included: the QA index that
  ``claimgraph build`` prepares afterwards unless ``--no-index`` (timed
  separately with ``--index``: it is embedding, not building).

Models are loaded before either pass (worker processes are forked with them
loaded), and one untimed warm-up of each side (a batch of texts through the
bare pipeline, a build of the same batch) runs first, so neither side's timed
passes include loading or first-use costs (the build's attribution model, lazy
imports). Prints articles/s of each and the ratio build/bare
(target >= 0.8), and writes ``bench/results/throughput.json``.

    .venv/bin/python bench/throughput.py [--limit 120] [--processes 1 2] [--repeats 2] [--index]

Texts: ``$CLAIMGRAPH_POLNEAR/train/text`` (default ``../shared/polnear``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def files(limit: int) -> list[Path]:
    base = Path(os.environ.get("CLAIMGRAPH_POLNEAR") or ROOT.parent / "shared" / "polnear")
    out = sorted((base / "train" / "text").glob("*.txt"))
    if not out:
        raise SystemExit(f"no PolNeAR train texts under {base}")
    return out[:limit] if limit else out


def _cpu() -> float:
    """CPU seconds of this process and its finished (joined) children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@lru_cache(maxsize=1)
def bare_nlp():
    """A plain ``spacy.load`` of the model package the build uses (nothing added)."""
    import spacy
    from claimgraph.extract.pipeline import MODEL

    return spacy.load(MODEL)


def bare_pass(texts: list[str], processes: int, batch_size: int) -> tuple[float, float]:
    nlp = bare_nlp()
    t, c = time.perf_counter(), _cpu()
    n = sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size))
    assert n == len(texts)
    return time.perf_counter() - t, _cpu() - c


def build_pass(paths: list[Path], processes: int, batch_size: int,
               index: bool = False) -> tuple[float, dict]:
    from claimgraph.pipeline import build_graph, prepare_index

    with tempfile.TemporaryDirectory() as d:
        t, c = time.perf_counter(), _cpu()
        rep = build_graph([str(p) for p in paths], Path(d) / "g.trig", processes=processes,
                          batch_size=batch_size)
        secs = time.perf_counter() - t
        out = {"added": rep.added, "claims": rep.claims, "entities": rep.entities,
               "cpu_s": _cpu() - c}
        if index:
            t = time.perf_counter()
            prepare_index(Path(d) / "g.trig")
            out["index_s"] = round(time.perf_counter() - t, 2)
    return secs, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=120, help="articles (0: all 840)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3, help="bare/build pairs per process count")
    ap.add_argument("--index", action="store_true",
                    help="also time the QA index the CLI prepares after a build (once)")
    a = ap.parse_args()
    paths = files(a.limit)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))
    from claimgraph.extract.pipeline import load_nlp

    load_nlp()  # model loads are not part of either pass
    bare_nlp()
    warm = min(len(paths), a.batch_size)
    bare_pass(texts[:warm], 1, a.batch_size)  # untimed warm-up of both sides
    build_pass(paths[:warm], 1, a.batch_size)
    rows = []
    index_s = None
    for n in a.processes:
        bares, builds, passes, rep = [], [], [], {}
        bare_cpu, build_cpu = [], []
        for _ in range(a.repeats):
            bare, cpu = bare_pass(texts, n, a.batch_size)
            bares.append(bare)
            bare_cpu.append(cpu)
            passes.append({"pass": "bare", "s": round(bare, 2), "cpu_s": round(cpu, 2),
                           "load_avg": os.getloadavg()})
            build, rep = build_pass(paths, n, a.batch_size)
            builds.append(build)
            build_cpu.append(rep.pop("cpu_s"))
            passes.append({"pass": "build", "s": round(build, 2), "cpu_s": round(build_cpu[-1], 2),
                           "load_avg": os.getloadavg()})
        bare, build = statistics.median(bares), statistics.median(builds)
        # CPU seconds (this process and its joined workers) are what load changes least
        cpu_ratio = round(statistics.median(bare_cpu) / statistics.median(build_cpu), 3)
        rows.append({"processes": n, "articles": len(texts), "chars": chars,
                     "bare_s": round(bare, 2), "build_s": round(build, 2),
                     "bare_articles_per_s": round(len(texts) / bare, 2),
                     "build_articles_per_s": round(len(texts) / build, 2),
                     "ratio": round(bare / build, 3),
                     "pair_ratios": [round(x / y, 3) for x, y in zip(bares, builds, strict=True)],
                     "bare_cpu_s": round(statistics.median(bare_cpu), 2),
                     "build_cpu_s": round(statistics.median(build_cpu), 2),
                     "cpu_ratio": cpu_ratio,
                     **rep, "passes": passes})
    if a.index:
        index_s = build_pass(paths, 1, a.batch_size, index=True)[1]["index_s"]
    print(f"{'proc':>4} {'articles':>8} {'bare s':>8} {'build s':>8} {'bare a/s':>9} "
          f"{'build a/s':>9} {'ratio':>6} {'cpu ratio':>9} {'pairs':>20} {'claims':>7}")
    for r in rows:
        print(f"{r['processes']:>4} {r['articles']:>8} {r['bare_s']:>8} {r['build_s']:>8} "
              f"{r['bare_articles_per_s']:>9} {r['build_articles_per_s']:>9} {r['ratio']:>6} "
              f"{r['cpu_ratio']:>9} {' '.join(map(str, r['pair_ratios'])):>20} {r['claims']:>7}")
        print("     load averages: " + "; ".join(
            f"{x['pass']} {x['s']}s ({x['cpu_s']} cpu) {tuple(round(v, 1) for v in x['load_avg'])}"
            for x in r["passes"]))
    print("target: ratio >= 0.8 (build throughput / bare spaCy throughput; medians of "
          f"{a.repeats} interleaved pairs)")
    if index_s is not None:
        print(f"QA index after a 1-process build (not in the ratio): {index_s} s")
    out = ROOT / "bench" / "results" / "throughput.json"
    out.write_text(json.dumps({"texts": "PolNeAR train", "batch_size": a.batch_size,
                               "repeats": a.repeats, "cpu_count": os.cpu_count(),
                               "load_avg": os.getloadavg(), "index_s": index_s,
                               "bare_includes": "plain spacy.load of the model package; nlp.pipe over in-memory texts",
                               "build_includes": "read files, spaCy, extractors, linking, RDF, "
                                                 "journal, final TriG write, counts; no QA index",
                               "warm_up": "one untimed batch through each side first",
                               "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Build throughput against a bare spaCy pass, same texts, same process count, one run.

Two timed passes over the same PolNeAR train articles:

* **bare**: ``nlp.pipe(texts, n_process=N)`` with the packaged
  ``en_core_web_sm`` copy, every doc consumed, nothing else;
* **build**: ``claimgraph.pipeline.build_graph`` of the same files into a
  fresh graph file with ``processes=N``: reading, spaCy, every extractor
  (entities, attribution, roles, concepts, facts), RDF, checkpoints, and the
  final atomic save.

Prints articles/s of each and the ratio build/bare (target >= 0.8), and writes
``bench/results/throughput.json``.

    .venv/bin/python bench/throughput.py [--limit 120] [--processes 1 2]

Texts: ``$CLAIMGRAPH_POLNEAR/train/text`` (default ``../shared/polnear``).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def files(limit: int) -> list[Path]:
    base = Path(os.environ.get("CLAIMGRAPH_POLNEAR") or ROOT.parent / "shared" / "polnear")
    out = sorted((base / "train" / "text").glob("*.txt"))
    if not out:
        raise SystemExit(f"no PolNeAR train texts under {base}")
    return out[:limit] if limit else out


def bare_pass(texts: list[str], processes: int, batch_size: int) -> float:
    from claimgraph.extract.pipeline import load_nlp

    nlp = load_nlp()
    t = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size))
    assert n == len(texts)
    return time.perf_counter() - t


def build_pass(paths: list[Path], processes: int, batch_size: int) -> tuple[float, dict]:
    from claimgraph.pipeline import build_graph

    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        rep = build_graph([str(p) for p in paths], Path(d) / "g.trig", processes=processes,
                          batch_size=batch_size)
        secs = time.perf_counter() - t
    return secs, {"added": rep.added, "claims": rep.claims, "entities": rep.entities}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=120, help="articles (0: all 840)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()
    paths = files(a.limit)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))
    from claimgraph.extract.pipeline import load_nlp

    load_nlp()  # model load is not part of either pass
    rows = []
    for n in a.processes:
        bare = bare_pass(texts, n, a.batch_size)
        build, rep = build_pass(paths, n, a.batch_size)
        rows.append({"processes": n, "articles": len(texts), "chars": chars,
                     "bare_s": round(bare, 2), "build_s": round(build, 2),
                     "bare_articles_per_s": round(len(texts) / bare, 2),
                     "build_articles_per_s": round(len(texts) / build, 2),
                     "ratio": round(bare / build, 3), **rep})
    print(f"{'proc':>4} {'articles':>8} {'bare s':>8} {'build s':>8} {'bare a/s':>9} "
          f"{'build a/s':>9} {'ratio':>6} {'claims':>7}")
    for r in rows:
        print(f"{r['processes']:>4} {r['articles']:>8} {r['bare_s']:>8} {r['build_s']:>8} "
              f"{r['bare_articles_per_s']:>9} {r['build_articles_per_s']:>9} {r['ratio']:>6} "
              f"{r['claims']:>7}")
    print("target: ratio >= 0.8 (build throughput / bare spaCy throughput)")
    out = ROOT / "bench" / "results" / "throughput.json"
    out.write_text(json.dumps({"texts": "PolNeAR train", "batch_size": a.batch_size,
                               "cpu_count": os.cpu_count(), "load_avg": os.getloadavg(),
                               "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Benchmark the transliteration matcher (qa/translit.py) on the fixture of
tests/test_qa_translit.py: real Western names in their standard Chinese forms
(positives) and Chinese names next to a different person of a similar name
(negatives).

* positives: the Chinese name is matched against every English label of the
  fixture; a hit is the right entity first, a miss is no link, a false link
  is any other entity;
* negatives: the right person is taken out of the labels and the similar one
  put in; linking to it is a false link;
* in sentences: each positive inside a Chinese question ("X对美元怎么看?")
  and an English one ("What did X say?"), same scoring.

Precision = hits / (hits + false links), recall = hits / positives. ``--sweep``
prints the same over a grid of the thresholds (PART_MIN, NAME_MIN), which is how
they were chosen. Also times ``find`` on a question (per-label units cached).

    .venv/bin/python bench/translit.py [--sweep] [--show]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from claimgraph.qa import translit  # noqa: E402
from test_qa_translit import (  # noqa: E402
    HELDOUT_NEGATIVES,
    HELDOUT_POSITIVES,
    NEGATIVES,
    POSITIVES,
    _all_labels,
    _matcher,
)


def evaluate(show: bool = False, positives=POSITIVES, negatives=NEGATIVES) -> dict:
    labels = list(dict.fromkeys(_all_labels() + [(en, t) for _, en, t in positives]))
    m, iris = _matcher(labels)
    by_iri = {v: k for k, v in iris.items()}
    res = {}
    for mode, fmt in (("bare", "{}"), ("zh sentence", "{}对美元怎么看?"), ("en sentence", "What did {} say?")):
        hit = miss = false = 0
        for zh, en, _ in positives:
            found = m.find(fmt.format(zh))
            if not found:
                miss += 1
                if show and mode == "bare":
                    print(f"  miss   {zh} ({en})")
            elif found[0].iri == iris[en]:
                hit += 1
            else:
                false += 1
                if show:
                    print(f"  wrong  {fmt.format(zh)} -> {by_iri[found[0].iri]} ({found[0].score}), not {en}")
        neg_false = 0
        for zh, en, t in negatives:
            right = {e for z, e, _ in positives if z == zh}
            mn, iris_n = _matcher([x for x in labels if x[0] not in right] + [(en, t)])
            found = mn.find(fmt.format(zh))
            if found and found[0].iri == iris_n[en]:
                neg_false += 1
                if show:
                    print(f"  false  {fmt.format(zh)} -> {en} ({found[0].score})")
        fl = false + neg_false
        res[mode] = {"hits": hit, "missed": miss, "wrong": false, "negatives_linked": neg_false,
                     "precision": hit / (hit + fl) if hit + fl else 1.0, "recall": hit / len(positives),
                     "n_neg": len(negatives)}
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="score the held-out pairs instead")
    a = ap.parse_args()
    print(f"fixture: {len(POSITIVES)} positives ({sum(t == 'Organization' for *_, t in POSITIVES)} "
          f"organizations), {len(NEGATIVES)} negatives; load {os.getloadavg()[0]:.2f}")
    if a.sweep:
        base = (translit.PART_MIN, translit.NAME_MIN)
        print(f"{'PART_MIN':>8} {'NAME_MIN':>8} {'P':>6} {'R':>6} {'false':>5}")
        for pm in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
            for nm in (0.6, 0.66, 0.7, 0.74, 0.78, 0.82):
                if nm < pm:
                    continue
                translit.PART_MIN, translit.NAME_MIN = pm, nm
                r = evaluate()
                p = statistics.mean(x["precision"] for x in r.values())
                rc = statistics.mean(x["recall"] for x in r.values())
                f = sum(x["wrong"] + x["negatives_linked"] for x in r.values())
                print(f"{pm:>8.2f} {nm:>8.2f} {p:>6.3f} {rc:>6.3f} {f:>5}")
        translit.PART_MIN, translit.NAME_MIN = base
    r = evaluate(show=a.show) if not a.heldout else evaluate(a.show, HELDOUT_POSITIVES, HELDOUT_NEGATIVES)
    if a.heldout:
        print(f"held-out: {len(HELDOUT_POSITIVES)} positives, {len(HELDOUT_NEGATIVES)} negatives")
    print(f"\nthresholds PART_MIN {translit.PART_MIN} NAME_MIN {translit.NAME_MIN} MARGIN {translit.MARGIN}")
    print(f"{'mode':12} {'hits':>5} {'missed':>6} {'wrong':>5} {'neg linked':>10} {'P':>6} {'R':>6}")
    for mode, x in r.items():
        print(f"{mode:12} {x['hits']:>5} {x['missed']:>6} {x['wrong']:>5} {x['negatives_linked']:>6}/"
              f"{x['n_neg']:<3} {x['precision']:>6.3f} {x['recall']:>6.3f}")
    # speed: a fresh matcher over the fixture's labels, one question at a time (no cache)
    m, _ = _matcher(_all_labels())
    qs = [f"{zh}对美元怎么看?" for zh, _, _ in POSITIVES] + ["谁认为美元被高估了?", "标准普尔对美国主权信用评级怎么看?"]
    times = []
    for q in qs:
        m._cache.clear()
        t0 = time.perf_counter()
        m.find(q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"\nfind() over {len(_all_labels())} labels, uncached: p50 {times[len(times) // 2]:.2f} ms, "
          f"max {times[-1]:.2f} ms ({len(qs)} questions; load {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

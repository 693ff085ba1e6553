"""Throughput of entity, role, concept and fact extraction against a bare spaCy pass.

Parses news texts once with ``nlp.pipe`` (timed: the bare spaCy pass), then
times each rule stage on the parsed docs. The target is extraction throughput
>= 0.8x a bare spaCy pass, i.e. the rule stages add at most 25% to the parse.
Attribution (another module) is timed too, for the full picture. Writes
``bench/results/extraction_speed.json``.

    .venv/bin/python bench/extraction_speed.py [--limit 40]

Texts: PolNeAR dev articles (``$CLAIMGRAPH_POLNEAR`` or ``../shared/polnear``)
plus the example article; the example alone when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts(limit: int) -> list[tuple[str, str]]:
    base = Path(os.environ.get("CLAIMGRAPH_POLNEAR") or ROOT.parent / "shared" / "polnear")
    out = [("example", (ROOT / "examples" / "caixin_treasuries_selloff.txt").read_text())]
    for p in sorted((base / "dev").rglob("*.txt"))[:limit]:
        out.append((p.stem, p.read_text(encoding="utf-8", errors="replace")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40)
    a = ap.parse_args()
    from claimgraph.extract.attribution import find_attributions
    from claimgraph.extract.concepts import find_concepts
    from claimgraph.extract.entities import build_entities
    from claimgraph.extract.facts import find_facts
    from claimgraph.extract.pipeline import load_nlp
    from claimgraph.extract.readers import read_article
    from claimgraph.extract.roles import find_memberships

    nlp = load_nlp()
    items = texts(a.limit)
    arts = [read_article(t, name) for name, t in items]
    list(nlp.pipe(["warm up"]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe((x.text for x in arts), batch_size=8))
    t_spacy = time.perf_counter() - t0
    tokens = sum(len(d) for d in docs)
    timing = {"entities": 0.0, "roles": 0.0, "concepts": 0.0, "facts": 0.0, "attribution": 0.0}
    counts = {"entities": 0, "memberships": 0, "concepts": 0, "facts": 0}
    for art, doc in zip(arts, docs, strict=True):
        t = time.perf_counter()
        ents, mentions, _ = build_entities(art, doc)
        timing["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        ms = find_memberships(art, doc, ents, mentions)
        timing["roles"] += time.perf_counter() - t
        t = time.perf_counter()
        concepts, cms, _ = find_concepts(art, doc, ents, mentions)
        timing["concepts"] += time.perf_counter() - t
        t = time.perf_counter()
        fs = find_facts(art, doc, mentions + cms)
        timing["facts"] += time.perf_counter() - t
        t = time.perf_counter()
        find_attributions(art, doc)
        timing["attribution"] += time.perf_counter() - t
        counts["entities"] += len(ents)
        counts["memberships"] += len(ms)
        counts["concepts"] += len(concepts)
        counts["facts"] += len(fs)
    mine = sum(v for k, v in timing.items() if k != "attribution")
    res = {
        "articles": len(arts), "tokens": tokens, "spacy_seconds": round(t_spacy, 3),
        "stage_seconds": {k: round(v, 3) for k, v in timing.items()},
        "throughput_ratio_rules": round(t_spacy / (t_spacy + mine), 3),
        "throughput_ratio_with_attribution": round(t_spacy / (t_spacy + mine + timing["attribution"]), 3),
        "counts": counts,
    }
    print(f"{len(arts)} articles, {tokens} tokens; bare spaCy {t_spacy:.2f} s "
          f"({tokens / t_spacy:.0f} tokens/s)")
    print(f"{'stage':<12} {'seconds':>8} {'% of spaCy':>10}")
    for k, v in timing.items():
        print(f"{k:<12} {v:8.3f} {100 * v / t_spacy:9.1f}%")
    print(f"throughput vs bare spaCy: entities+roles+concepts+facts "
          f"{res['throughput_ratio_rules']:.2f}x, with attribution "
          f"{res['throughput_ratio_with_attribution']:.2f}x (target >= 0.8x)")
    print("counts:", counts)
    out = ROOT / "bench" / "results" / "extraction_speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()

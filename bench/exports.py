"""Export speed on a synthetic graph: projection, GEXF, GraphML, Cypher, Neo4j CSV.

Builds ``--articles`` synthetic articles (hand-made records, no spaCy) with
``--claims`` claims each, every claim by one of ``--entities`` speakers about
three others, then times each exporter. Prints a table and writes
``bench/results/exports.json``. The scale target is a GEXF of 100k edges in
at most 5 s.

    .venv/bin/python bench/exports.py --articles 200 --claims 120 --entities 4000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def synthetic(n_articles: int, n_claims: int, n_entities: int, seed: int = 7):
    from claimgraph.extract.records import (
        Article,
        Claim,
        Entity,
        Extraction,
        Membership,
        Paragraph,
        Span,
    )
    from claimgraph.graph import add_extraction, new_dataset

    rnd = random.Random(seed)
    names = [f"Entity {i} \u00b7 \u540d{i}" for i in range(n_entities)]
    ds = new_dataset()
    for a in range(n_articles):
        text = f"Synthetic article {a}. " + "x" * (n_claims * 12)
        art = Article(id=f"bench{a:011d}", text=text,
                      paragraphs=(Paragraph(1, 0, len(text), text),), title=f"Article {a}")
        picked = rnd.sample(range(n_entities), min(n_entities, 60))
        ents = tuple(Entity(f"ent {i}", "Person" if i % 3 else "Organization", names[i])
                     for i in picked)
        claims = []
        for c in range(n_claims):
            sp, *about = rnd.sample(picked, 4)
            span = Span(c * 12, c * 12 + 10, text[c * 12:c * 12 + 10])
            claims.append(Claim(f"ent {sp}", span, None, None, "indirect", 1,
                                about=tuple(f"ent {x}" for x in about)))
        members = tuple(Membership(f"ent {p}", f"ent {o}", "adviser", False,
                                   Span(0, 5, text[:5]), 1)
                        for p, o in zip(picked[:10], picked[10:20], strict=True))
        add_extraction(ds, Extraction(art, ents, (), members, tuple(claims)))
    return ds


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--claims", type=int, default=120)
    ap.add_argument("--entities", type=int, default=4000)
    a = ap.parse_args(argv)

    from claimgraph.graph.exporters import formats
    from claimgraph.graph.exporters.cypher import cypher_text
    from claimgraph.graph.exporters.gexf import gexf_text
    from claimgraph.graph.exporters.graphml import graphml_text
    from claimgraph.graph.exporters.neo4j_csv import csv_files
    from claimgraph.graph.exporters.neo4j_model import neo4j_graph
    from claimgraph.graph.projection import entity_graph, to_networkx

    formats()
    ds, t_build = timed(lambda: synthetic(a.articles, a.claims, a.entities))
    eg, t_proj = timed(lambda: entity_graph(ds))
    g, t_nx = timed(lambda: to_networkx(eg))
    _, t_gexf = timed(lambda: gexf_text(g))
    _, t_graphml = timed(lambda: graphml_text(g))
    pg, t_neo = timed(lambda: neo4j_graph(ds))
    _, t_cypher = timed(lambda: cypher_text(pg))
    _, t_csv = timed(lambda: csv_files(pg))
    with tempfile.TemporaryDirectory() as d:
        from claimgraph.graph.exporters import export

        _, t_gexf_all = timed(lambda: export(ds, "gexf", Path(d) / "g.gexf"))

    rows = [
        ("build synthetic graph (not an export)", t_build, len(ds)),
        ("entity projection (views + networkx)", t_proj + t_nx, g.number_of_edges()),
        ("GEXF text from networkx", t_gexf, g.number_of_edges()),
        ("GEXF export end to end (registry)", t_gexf_all, g.number_of_edges()),
        ("GraphML text from networkx", t_graphml, g.number_of_edges()),
        ("Neo4j projection (claims, articles)", t_neo, len(pg.edges)),
        ("Cypher script", t_cypher, len(pg.edges)),
        ("neo4j-admin CSV", t_csv, len(pg.edges)),
    ]
    print(f"{'step':42} {'seconds':>8} {'count':>9}")
    for name, t, n in rows:
        print(f"{name:42} {t:8.2f} {n:9d}")
    res = {"args": vars(a), "triples": len(ds), "entity_nodes": g.number_of_nodes(),
           "entity_edges": g.number_of_edges(), "neo4j_nodes": len(pg.nodes),
           "neo4j_relationships": len(pg.edges),
           "seconds": {name: round(t, 3) for name, t, _ in rows},
           "target": "GEXF of 100k edges <= 5 s end to end",
           "python": sys.version.split()[0]}
    out = ROOT / "bench" / "results" / "exports.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Export speed on a synthetic graph: projection, GEXF, GraphML, Cypher, Neo4j CSV.

Builds ``--articles`` synthetic articles (hand-made records, no spaCy) with
``--claims`` claims each, every claim by one of ``--entities`` speakers about
three others, then times each exporter. Prints a table and writes
``bench/results/exports.json``. The scale target is a GEXF of 100k edges in
at most 5 s.

    .venv/bin/python bench/exports.py --articles 125 --claims 100 --entities 3000

CPU seconds are printed beside wall seconds: on a shared machine the wall
time also measures the neighbours.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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


def to_oxigraph(ds, path: Path):
    """``ds`` bulk-loaded into an Oxigraph store at ``path``, opened as claimgraph reads it."""
    import pyoxigraph as ox
    from claimgraph.graph import load_graph
    from claimgraph.graph.oxigraph_store import materialize_union
    from claimgraph.graph.store import nquads_text

    nq = path.with_suffix(".nq")
    nq.write_text(nquads_text(ds), encoding="utf-8")

    def fill() -> None:
        st = ox.Store(str(path))
        st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        materialize_union(st)
        st.flush()

    fill()
    nq.unlink()
    return load_graph(f"oxigraph:{path}")


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=125)
    ap.add_argument("--claims", type=int, default=100)
    ap.add_argument("--entities", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=2, help="runs per step (best is kept)")
    ap.add_argument("--oxigraph", action="store_true",
                    help="also export the same graph from an embedded Oxigraph store")
    a = ap.parse_args(argv)

    from claimgraph.graph.exporters import export, formats
    from claimgraph.graph.exporters.cypher import cypher_text
    from claimgraph.graph.exporters.gexf import gexf_text
    from claimgraph.graph.exporters.graphml import graphml_text
    from claimgraph.graph.exporters.neo4j_csv import csv_files
    from claimgraph.graph.exporters.neo4j_model import neo4j_graph
    from claimgraph.graph.projection import entity_graph, to_networkx

    formats()
    ds, t_build = timed(lambda: synthetic(a.articles, a.claims, a.entities))
    d = tempfile.mkdtemp()
    steps = [("entity projection (triples + networkx)", lambda: to_networkx(entity_graph(ds)))]
    g = steps[0][1]()
    pg = neo4j_graph(ds)
    steps += [
        ("GEXF text from networkx", lambda: gexf_text(g)),
        ("GEXF export end to end (registry)", lambda: export(ds, "gexf", Path(d) / "g.gexf")),
        ("GraphML text from networkx", lambda: graphml_text(g)),
        ("GraphML export end to end", lambda: export(ds, "graphml", Path(d) / "g.graphml")),
        ("Neo4j projection (claims, articles)", lambda: neo4j_graph(ds)),
        ("Cypher script text", lambda: cypher_text(pg)),
        ("neo4j-admin CSV text", lambda: csv_files(pg)),
    ]
    if a.oxigraph:  # the same graph in an embedded Oxigraph store (--store oxigraph:)
        oxds = to_oxigraph(ds, Path(d) / "ox")
        steps += [
            ("GEXF export end to end from Oxigraph", lambda: export(oxds, "gexf",
                                                                    Path(d) / "ox.gexf")),
            ("Neo4j CSV export end to end from Oxigraph",
             lambda: export(oxds, "neo4j-csv", Path(d) / f"ox-neo4j-{time.monotonic_ns()}")),
        ]
    rows = [("build synthetic graph (not an export)", t_build, 0.0, len(ds))]
    for name, fn in steps:
        wall, cpu = [], []
        for _ in range(a.repeat):
            t, c = time.perf_counter(), time.process_time()
            fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        n = g.number_of_edges() if "GEXF" in name or "GraphML" in name or "entity" in name \
            else len(pg.edges)  # (the Oxigraph exports hold the same graph: same counts)
        rows.append((name, min(wall), min(cpu), n))
    print(f"{'step':42} {'wall s':>8} {'cpu s':>8} {'edges':>9}")
    for name, t, c, n in rows:
        print(f"{name:42} {t:8.2f} {c:8.2f} {n:9d}")
    res = {"args": vars(a), "triples": len(ds), "entity_nodes": g.number_of_nodes(),
           "entity_edges": g.number_of_edges(), "neo4j_nodes": len(pg.nodes),
           "neo4j_relationships": len(pg.edges),
           "wall_seconds": {name: round(t, 3) for name, t, _, _ in rows},
           "cpu_seconds": {name: round(c, 3) for name, _, c, _ in rows},
           "load_average": list(os.getloadavg()),
           "target": "GEXF of 100k edges <= 5 s end to end",
           "python": sys.version.split()[0]}
    out = ROOT / "bench" / "results" / "exports.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(d, ignore_errors=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The file store's atomic write: all or nothing, with the file mode a plain write gives."""

from __future__ import annotations

import os
import stat

import pytest
from claimgraph.graph.store import atomic_write


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "g.trig", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "g.trig").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path):
    p = tmp_path / "g.trig"
    p.write_text("old")
    p.chmod(0o640)
    atomic_write(p, "new")
    assert p.read_text() == "new"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    p = tmp_path / "g.trig"
    p.write_text("old")
    with pytest.raises(TypeError):
        atomic_write(p, 12345)  # not text or bytes: fails inside the write
    assert p.read_text() == "old"
    assert [x.name for x in tmp_path.iterdir()] == ["g.trig"]


# ---------------------------------------------------------------- the fast TriG / N-Quads writers


def _tricky_dataset():
    from rdflib import BNode, Dataset, Literal, URIRef
    from rdflib.namespace import RDF, SKOS, XSD

    ds = Dataset()
    ds.bind("skos", SKOS)
    g = ds.graph(URIRef("https://example.org/graph/1"))
    a = URIRef("https://example.org/id/a")
    g.add((a, RDF.type, SKOS.Concept))
    g.add((a, SKOS.prefLabel, Literal('he said "hi"\\n\n\r\tback\\slash """ end', lang="en")))
    g.add((a, SKOS.prefLabel, Literal("渣打银行", lang="zh")))
    g.add((a, SKOS.note, Literal(3)))
    g.add((a, SKOS.note, Literal("x", datatype=XSD.string)))
    g.add((a, SKOS.note, Literal("y", datatype=URIRef("https://example.org/dt#odd type"[:-5]))))
    g.add((URIRef("https://example.org/id/with%20space-1.x"), SKOS.related, a))
    g.add((a, SKOS.related, BNode("b1")))
    ds.graph(URIRef("https://example.org/graph/2")).add((a, RDF.type, SKOS.Concept))
    ds.add((a, SKOS.note, Literal("in the default graph")))
    return ds


def _quads(ds):  # blank nodes get new labels when parsed: compare them as "_:"
    from rdflib import BNode

    def n3(t):
        return "_:" if isinstance(t, BNode) else t.n3()

    return sorted((str(getattr(c, "identifier", c)), n3(s), n3(p), n3(o))
                  for s, p, o, c in ds.quads((None, None, None, None)))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_fast_writers_give_back_the_same_quads(fmt):
    from claimgraph.graph.store import nquads_text, trig_text
    from rdflib import Dataset

    ds = _tricky_dataset()
    text = trig_text(ds) if fmt == "trig" else nquads_text(ds)
    back = Dataset()
    back.parse(data=text, format=fmt)
    assert _quads(back) == _quads(ds)


def test_trig_writer_is_deterministic_and_uses_prefixes(example_graph):
    from claimgraph.graph import load_graph
    from claimgraph.graph.store import trig_text

    ds = load_graph(example_graph)
    a, b = trig_text(ds), trig_text(load_graph(example_graph))
    assert a == b
    assert "@prefix cg: <https://claimgraph.org/ns#> ." in a and " a cg:Claim" in a


def test_save_graph_round_trips_the_example(tmp_path, example_graph):
    from claimgraph.graph import load_graph, save_graph
    from rdflib.compare import isomorphic

    ds = load_graph(example_graph)
    for name in ("g.trig", "g.nq"):
        save_graph(ds, tmp_path / name)
        back = load_graph(tmp_path / name)
        assert len(back) == len(ds)
        for g in ds.graphs():
            assert isomorphic(back.graph(g.identifier), g)

"""The CLI contracts of DESIGN.md, run as a user runs them: the installed script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = str(Path(sys.executable).with_name("claimgraph"))
COMMANDS = ["build", "attributions", "ask", "entities", "export", "sparql", "validate", "app"]


def cg(*args, stdin: str | None = None, check: bool = False) -> subprocess.CompletedProcess:
    r = subprocess.run([SCRIPT, *map(str, args)], capture_output=True, text=True, input=stdin,
                       timeout=600)
    if check and r.returncode != 0:
        raise AssertionError(f"claimgraph {args} failed: {r.stderr}")
    return r


def test_help_lists_every_command():
    r = cg("--help", check=True)
    for c in COMMANDS:
        assert c in r.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    r = cg(command, "--help")
    assert r.returncode == 0
    assert "usage: claimgraph " + command in r.stdout


def test_export_formats_come_from_the_registry():
    from claimgraph.graph.exporters import formats

    r = cg("export", "--help", check=True)
    for name in formats():
        assert name in r.stdout


def _file(name: str, data: bytes):
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name

    return make


@pytest.mark.parametrize("make_bad, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (_file("empty.txt", b""), "empty"),
    (_file("blank.txt", b" \n\n \t"), "empty"),
    (_file("l1.txt", "Se\xf1or said no.".encode("latin-1")), "not UTF-8"),
    (_file("bin.txt", b"\x00\x01\x02binary"), "binary"),
])
def test_build_bad_input_is_one_line_and_leaves_the_graph_alone(tmp_path, make_bad, message):
    bad = make_bad(tmp_path)
    graph = tmp_path / "g.trig"
    graph.write_text("# an existing graph\n", encoding="utf-8")
    r = cg("build", bad, "-o", graph)
    assert r.returncode != 0
    assert message in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert graph.read_text(encoding="utf-8") == "# an existing graph\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".g.trig")] == []


def test_unknown_input_format_is_refused(tmp_path, example_path):
    r = cg("build", example_path, "--format", "pdf", "-o", tmp_path / "g.trig")
    assert r.returncode == 2
    assert "invalid choice" in r.stderr


def test_unknown_export_format_is_refused(example_graph, tmp_path):
    r = cg("export", example_graph, "--format", "xlsx", "-o", tmp_path / "x")
    assert r.returncode != 0
    assert "invalid choice" in r.stderr
    assert not (tmp_path / "x").exists()


def test_malformed_graph_is_a_clear_error(tmp_path):
    g = tmp_path / "bad.trig"
    g.write_text("<a> <b> { oops", encoding="utf-8")
    r = cg("entities", "-g", g)
    assert r.returncode == 3
    assert "malformed graph file" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_graph_is_a_clear_error(tmp_path):
    r = cg("ask", "Who said anything?", "-g", tmp_path / "none.trig")
    assert r.returncode == 3
    assert "no such graph file" in r.stderr


@pytest.mark.slow
def test_entities_json_lists_standard_chartered_with_chinese_label(example_graph):
    ents = json.loads(cg("entities", "-g", example_graph, "--json", check=True).stdout)
    sc = [e for e in ents if "Standard Chartered Bank" in e["labels"]["en"]]
    assert len(sc) == 1
    assert "渣打银行" in sc[0]["labels"]["zh"]
    assert set(sc[0]) >= {"iri", "type", "labels", "roles", "claims", "mentioned"}
    assert sc[0]["type"] == "Organization"
    western = [e for e in ents if "Western Securities" in e["labels"]["en"]]
    assert western and western[0]["mentioned"] is False and western[0]["claims"] == 0


@pytest.mark.slow
def test_ask_json_answers_with_evidence_from_the_article(example_graph, example_path):
    r = cg("ask", "What did Eric Robertsen say about US Treasuries?", "-g", example_graph,
           "--json", check=True)
    res = json.loads(r.stdout)
    assert res["question"] == "What did Eric Robertsen say about US Treasuries?"
    assert res["abstained"] is False
    top = res["answers"][0]
    assert set(top) >= {"text", "score", "kind", "speaker", "evidence"}
    text = example_path.read_text(encoding="utf-8")
    ev = top["evidence"][0]
    assert set(ev) >= {"article", "paragraph", "quote", "start", "end"}
    assert text[ev["start"]:ev["end"]] == ev["quote"]
    assert "Treasuries" in ev["quote"]


@pytest.mark.slow
def test_ask_stdin_prints_one_json_object_per_line(example_graph):
    qs = "What did Eric Robertsen say?\nWhat did Jerome Powell say about rates?\n"
    r = cg("ask", "-", "-g", example_graph, stdin=qs, check=True)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["question"] for x in lines] == ["What did Eric Robertsen say?",
                                              "What did Jerome Powell say about rates?"]
    assert lines[0]["abstained"] is False
    assert lines[1]["abstained"] is True and lines[1]["answers"] == []


@pytest.mark.slow
def test_building_twice_changes_nothing(example_graph, example_path):
    before = example_graph.read_bytes()
    r = cg("build", example_path, "-o", example_graph, check=True)
    assert "0 added, 1 already present" in r.stdout
    assert example_graph.read_bytes() == before


@pytest.mark.slow
def test_attributions_json_is_score_py_format(example_path):
    atts = json.loads(cg("attributions", example_path, "--json", check=True).stdout)
    text = example_path.read_text(encoding="utf-8")
    assert atts
    for a in atts:
        c = a["content"]
        assert text[c["start"]:c["end"]] == c["text"]
        for part in ("source", "cue"):
            if a[part] is not None:
                assert text[a[part]["start"]:a[part]["end"]] == a[part]["text"]


@pytest.mark.slow
def test_export_turtle_and_trig_parse_back(example_graph, tmp_path):
    from rdflib import Dataset, Graph

    cg("export", example_graph, "--format", "turtle", "-o", tmp_path / "g.ttl", check=True)
    cg("export", example_graph, "--format", "trig", "-o", tmp_path / "g.trig", check=True)
    assert len(Graph().parse(tmp_path / "g.ttl")) > 100
    ds = Dataset()
    ds.parse(tmp_path / "g.trig", format="trig")
    assert len(list(ds.graphs())) >= 2


@pytest.mark.slow
def test_sparql_reads_and_refuses_updates(example_graph):
    r = cg("sparql", example_graph, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }",
           check=True)
    assert int(r.stdout.splitlines()[1]) > 0
    r = cg("sparql", example_graph, "DELETE WHERE { ?s ?p ?o }")
    assert r.returncode == 4 and "only SELECT" in r.stderr
    r = cg("sparql", example_graph,
           "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert r.returncode == 4 and "SERVICE is not allowed" in r.stderr


@pytest.mark.slow
def test_validate_example_graph_conforms(example_graph):
    r = cg("validate", example_graph)
    assert r.returncode == 0, r.stdout
    assert "conforms" in r.stdout


@pytest.mark.slow
def test_build_prepares_the_qa_index_unless_told_not_to(tmp_path, example_path):
    from claimgraph.qa.index import cache_dir_for, file_hash, load_meta

    graph = tmp_path / "g.trig"
    cg("build", example_path, "-o", graph, "-q", "--no-index", check=True)
    assert not cache_dir_for(graph).exists()
    other = tmp_path / "other.txt"
    other.write_text("Rates will rise, Jane Doe of Acme Bank said on Monday.\n", encoding="utf-8")
    cg("build", other, "-o", graph, "-q", check=True)
    assert (cache_dir_for(graph) / "minilm.npz").is_file()
    # the cache is for the graph as built, so the first ask reuses it
    assert load_meta(cache_dir_for(graph))["graph_sha256"] == file_hash(graph)
    r = cg("ask", "What did Jane Doe say about rates?", "-g", graph, "--json", check=True)
    assert json.loads(r.stdout)["answers"][0]["speaker"]["label"] == "Jane Doe"

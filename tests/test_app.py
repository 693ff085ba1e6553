"""The Streamlit app, page by page, through ``streamlit.testing.v1.AppTest``.

Fast tests run on a tiny graph built by hand from records (no spaCy, no
embedding model); the slow ones use the example article's graph and the real
QA engine and extractor.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claimgraph import service
from claimgraph.errors import ExportError, InputError

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app" / "streamlit_app.py")

# An article with markup-looking text: nothing of it may reach the page as HTML.
TINY = (
    "Rates <b>up</b> again\n\n"
    "Jane Roe, chief economist at Acme Bank, said rates would rise <script>alert(1)</script> soon.\n\n"
    "\"Inflation is sticky,\" said Li Wei, adding that Acme Bank was too optimistic.\n\n"
    "Ghost Corp is listed in the directory.\n"
)


def _span(text: str, piece: str):
    from claimgraph.extract.records import Span

    start = text.index(piece)
    return Span(start, start + len(piece), piece)


def tiny_extraction():
    from claimgraph.extract.readers import read_article
    from claimgraph.extract.records import Claim, Entity, Extraction, Membership

    art = read_article(TINY, "tiny.txt")
    para = {p.index: p for p in art.paragraphs}
    ents = (
        Entity("jane roe", "Person", "Jane Roe"),
        Entity("acme bank", "Organization", "Acme Bank", names_zh=("阿克米银行",)),
        Entity("li wei", "Person", "Li Wei"),
        Entity("ghost corp", "Organization", "Ghost Corp", mentioned=False),
    )
    c1 = _span(TINY, "rates would rise <script>alert(1)</script> soon")
    c2 = _span(TINY, "\"Inflation is sticky,\"")
    c3 = _span(TINY, "Acme Bank was too optimistic")
    claims = (
        Claim("jane roe", c1, _span(TINY, "said"), _span(TINY, "Jane Roe"), "indirect", 2,
              ()),
        Claim("li wei", c2, _span(TINY, "said Li"), _span(TINY, "Li Wei"), "direct", 3, ()),
        Claim("li wei", c3, _span(TINY, "adding"), _span(TINY, "Li Wei"), "indirect", 3,
              ("acme bank",)),
    )
    mem = Membership("jane roe", "acme bank", "chief economist", False,
                     _span(TINY, "Jane Roe, chief economist at Acme Bank"), 2)
    assert para[2].start <= c1.start and c1.end <= para[2].end
    return Extraction(article=art, entities=ents, claims=claims, memberships=(mem,),
                      meta={"extractor": "test", "model": "none"})


@pytest.fixture(scope="session")
def tiny_graph_file(tmp_path_factory) -> Path:
    from claimgraph.graph import add_extraction, new_dataset, save_graph

    ds = new_dataset()
    add_extraction(ds, tiny_extraction())
    out = tmp_path_factory.mktemp("tiny") / "tiny.trig"
    save_graph(ds, out)
    return out


@pytest.fixture
def tiny_graph(tiny_graph_file, tmp_path) -> Path:
    """A private copy of the tiny graph (tests may add to it)."""
    out = tmp_path / "tiny.trig"
    shutil.copy(tiny_graph_file, out)
    return out


@pytest.fixture(scope="session")
def tiny_snap(tiny_graph_file):
    from claimgraph.graph import load_graph

    return service.snapshot(load_graph(tiny_graph_file))


def app(graph: Path, monkeypatch, page: str | None = None, **params) -> AppTest:
    monkeypatch.setenv("CLAIMGRAPH_GRAPH", str(graph))
    monkeypatch.setenv("CLAIMGRAPH_WARM_UP", "0")  # no background model loading in tests
    at = AppTest.from_file(APP, default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page and page != "ask":
        at.switch_page(f"ui/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.proto.body for h in at.get("html")]
    parts += [x.value for x in at.title] + [x.value for x in at.header]
    return "\n".join(parts)


def iri_of(snap, name: str) -> str:
    return next(e["iri"] for e in snap.entities if snap.name(e["iri"]) == name)


# ---------------------------------------------------------------- service


def test_highlight_escapes_article_text_and_titles():
    m = service.Mark(0, 14, 'Bob <i>"x"</i>', "said", "#abcdef")
    out = service.highlight_html("<script>x</script> tail", [m])
    assert "<script>" not in out
    assert "&lt;script&gt;x&lt;/s" in out
    assert 'title="Bob &lt;i&gt;&quot;x&quot;&lt;/i&gt; — said"' in out
    assert out.count("<mark") == 1 and out.endswith("</mark>ipt&gt; tail")


def test_highlight_splits_overlaps_and_colours_by_innermost():
    outer = service.Mark(0, 10, "A", "", "#111111")
    inner = service.Mark(3, 6, "B", "", "#222222")
    out = service.highlight_html("0123456789xyz", [outer, inner])
    assert out.count("<mark") == 3
    assert '<mark style="background:#222222" title="A | B">345</mark>' in out
    assert out.endswith("</mark>xyz")


def test_highlight_outlines_a_target_that_is_not_a_mark():
    m = service.Mark(2, 5, "A", "said", "#111111")
    out = service.highlight_html("0123456789", [m], target=(4, 8))
    assert out.count('id="cg-target"') == 1
    head, tail = out.split('<span id="cg-target" class="cg-target"', 1)
    assert head == '01<mark style="background:#111111" title="A — said">23</mark>'
    assert tail.endswith('><mark style="background:#111111" title="A — said">4</mark>567</span>89')
    # a paragraph the target only continues into gets the outline but not the id
    assert 'class="cg-target"' in service.highlight_html("0123456789", [], 6, 10, target=(4, 8))
    assert "cg-target" not in service.highlight_html("0123456789", [], 8, 10, target=(4, 8))


def test_entity_profile_lists_claims_affiliations_and_co_mentions(tiny_snap):
    li = iri_of(tiny_snap, "Li Wei")
    acme = iri_of(tiny_snap, "Acme Bank")
    prof = service.entity_profile(tiny_snap, li)
    assert len(prof["said"]) == 2
    assert [c["iri"] for c in prof["about"]] == []
    assert [co["iri"] for co in prof["co_mentioned"]] == [acme]
    acme_prof = service.entity_profile(tiny_snap, acme)
    assert len(acme_prof["about"]) == 1 and acme_prof["affiliations"]
    assert {co["label"] for co in acme_prof["co_mentioned"]} == {"Li Wei", "Jane Roe"}
    with pytest.raises(InputError):
        service.entity_profile(tiny_snap, "https://example.org/nobody")


def test_search_matches_english_and_chinese_labels(tiny_snap):
    assert [e["labels"]["en"][0] for e in service.search_entities(tiny_snap, "阿克米")] == ["Acme Bank"]
    assert [e["labels"]["en"][0] for e in service.search_entities(tiny_snap, "ACME")] == ["Acme Bank"]
    people = service.search_entities(tiny_snap, "", ["Person"])
    assert {e["type"] for e in people} == {"Person"} and len(people) == 2


def test_graph_elements_filter_focus_and_depth(tiny_snap):
    full = service.graph_elements(tiny_snap)
    labels = {n["data"]["label"] for n in full["nodes"]}
    assert labels == {"Person", "Organization", "Claim"}
    ids = {n["data"]["id"] for n in full["nodes"]}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in full["edges"])
    assert iri_of(tiny_snap, "Ghost Corp") not in ids  # listed only: not in the network
    jane = iri_of(tiny_snap, "Jane Roe")
    one = service.graph_elements(tiny_snap, focus=jane, depth=1)
    assert {n["data"]["label"] for n in one["nodes"]} == {"Person", "Organization", "Claim"}
    assert len(one["nodes"]) == 3  # Jane, her claim, Acme Bank
    two = service.graph_elements(tiny_snap, focus=jane, depth=2)
    assert len(two["nodes"]) > len(one["nodes"])
    no_claims = service.graph_elements(tiny_snap, types=["Person", "Organization"])
    assert {n["data"]["label"] for n in no_claims["nodes"]} == {"Person", "Organization"}
    capped = service.graph_elements(tiny_snap, max_nodes=2)
    assert capped["truncated"] and len(capped["nodes"]) == 2


def test_example_questions_come_from_the_graph(tiny_snap):
    qs = service.example_questions(tiny_snap)
    assert "What did Li Wei say?" in qs
    assert "Who is Jane Roe?" in qs
    assert "What did Ghost Corp say?" in qs  # listed, never quoted: shows abstention


@pytest.mark.parametrize("data, name, message", [
    ("   \n", "pasted.txt", "empty"),
    (b"\x00\x01\x02binary", "x.txt", "binary"),
    (b"\xff\xfe\xfa", "x.txt", "UTF"),
    ("some text", "evil.exe", "only"),
])
def test_add_article_bad_input_is_a_clear_error_and_keeps_the_graph(tiny_graph, data, name, message):
    before = tiny_graph.read_bytes()
    with pytest.raises(InputError, match=message):
        service.add_article_text(tiny_graph, data, name)
    assert tiny_graph.read_bytes() == before


def test_add_article_already_present_changes_nothing(tiny_graph):
    before = tiny_graph.read_bytes()
    rep = service.add_article_text(tiny_graph, TINY, "again.txt")
    assert not rep.added and "already in the graph" in rep.message
    assert tiny_graph.read_bytes() == before


def test_export_bytes_for_every_registered_format(tiny_graph):
    from claimgraph.graph import load_graph
    from claimgraph.graph.exporters import formats

    ds = load_graph(tiny_graph)
    for name in formats():
        data, fname, mime = service.export_bytes(ds, name)
        assert data and fname.startswith("claimgraph") and mime
    with pytest.raises(ExportError):
        service.export_bytes(ds, "nope")


# ---------------------------------------------------------------- pages (fast)


def test_every_page_renders_without_error(tiny_graph, monkeypatch):
    at = app(tiny_graph, monkeypatch)
    assert at.title[0].value == "Ask the graph"
    for page, title in [("entities", "Entities"), ("graph", "Graph"), ("reader", "Article reader"),
                        ("add", "Add an article"), ("export", "Export"), ("sparql", "SPARQL")]:
        at.switch_page(f"ui/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title[0].value == title


def test_ask_page_offers_example_questions_from_the_graph(tiny_graph, monkeypatch):
    at = app(tiny_graph, monkeypatch)
    labels = [b.label for b in at.button]
    assert "What did Li Wei say?" in labels and "Ask" in labels


def test_entities_table_search_and_entity_page(tiny_graph, tiny_snap, monkeypatch):
    at = app(tiny_graph, monkeypatch, "entities")
    df = at.dataframe[0].value
    assert set(df["name"]) == {"Jane Roe", "Acme Bank", "Li Wei", "Ghost Corp"}
    assert "阿克米银行" in set(df["中文"])
    assert df.set_index("name").loc["Jane Roe", "roles"] == "chief economist, Acme Bank"
    at.text_input(key="entity_search").input("阿克米").run()
    assert list(at.dataframe[0].value["name"]) == ["Acme Bank"]
    at.selectbox(key="entity_pick").select(iri_of(tiny_snap, "Acme Bank")).run()
    assert not at.exception
    assert at.query_params["entity"] == iri_of(tiny_snap, "Acme Bank")
    text = all_text(at)
    assert "Acme Bank" in at.header[0].value
    assert "阿克米银行" in text
    assert "Acme Bank was too optimistic" in text  # the claim about it, in its paragraph
    links = [p.proto.label for p in at.get("page_link")]
    assert "Li Wei (1)" in links and "Jane Roe (1)" in links  # co-mentioned, linked


def test_entity_page_by_query_param_escapes_the_quote(tiny_graph, tiny_snap, monkeypatch):
    at = app(tiny_graph, monkeypatch, "entities", entity=iri_of(tiny_snap, "Jane Roe"))
    bodies = [h.proto.body for h in at.get("html")]
    para = next(b for b in bodies if "rates would rise" in b)
    assert "<script>" not in para and "&lt;script&gt;alert(1)&lt;/script&gt;" in para
    assert "<mark" in para
    text = all_text(at)
    assert "chief economist" in text and "Acme Bank" in text


def test_graph_page_draws_the_network_and_focuses(tiny_graph, tiny_snap, monkeypatch):
    at = app(tiny_graph, monkeypatch, "graph")
    caption = " ".join(c.value for c in at.caption)
    assert "nodes" in caption and "edges" in caption
    n_all = int(caption.split(" nodes")[0].split()[-1])
    at.selectbox(key="graph_focus_None").select(iri_of(tiny_snap, "Jane Roe")).run()
    caption = " ".join(c.value for c in at.caption)
    assert int(caption.split(" nodes")[0].split()[-1]) < n_all


def test_reader_highlights_by_speaker_and_jumps_to_a_span(tiny_graph, tiny_snap, monkeypatch):
    claim = next(c for c in tiny_snap.claims if c["content"].startswith("Acme Bank"))
    ev = claim["evidence"][0]
    aid = ev["article"].rsplit("/", 1)[-1]
    at = app(tiny_graph, monkeypatch, "reader", article=aid, start=str(ev["start"]),
             end=str(ev["end"]))
    body = next(h.proto.body for h in at.get("html") if '<div class="cg-article">' in h.proto.body)
    assert body.count("<mark") == 3
    assert "&lt;b&gt;up&lt;/b&gt;" in body and "<script>" not in body
    assert 'id="cg-target"' in body and 'title="Li Wei — adding"' in body
    assert any("paragraph 3" in i.value for i in at.info)
    colours = {service.speaker_colour(iri_of(tiny_snap, n)) for n in ("Li Wei", "Jane Roe")}
    assert all(c in body for c in colours)


def test_add_page_empty_text_is_an_error(tiny_graph, monkeypatch):
    before = tiny_graph.read_bytes()
    at = app(tiny_graph, monkeypatch, "add")
    at.button(key="add_button").click().run()
    assert any("empty" in e.value for e in at.error)
    assert tiny_graph.read_bytes() == before


def test_add_page_upload_of_binary_is_refused(tiny_graph, monkeypatch):
    before = tiny_graph.read_bytes()
    at = app(tiny_graph, monkeypatch, "add")
    at.file_uploader(key="add_file").set_value(("photo.txt", b"\x89PNG\x00\x00\x00", "text/plain"))
    at.run()
    at.button(key="add_button").click().run()
    assert any("binary" in e.value for e in at.error)
    assert tiny_graph.read_bytes() == before


def test_export_page_has_a_download_button_per_format(tiny_graph, monkeypatch):
    from claimgraph.graph.exporters import formats

    at = app(tiny_graph, monkeypatch, "export")
    keys = {b.key for b in at.get("download_button")}
    assert keys == {f"export_{name}" for name in formats()}


def test_sparql_page_runs_examples_and_refuses_updates(tiny_graph, monkeypatch):
    at = app(tiny_graph, monkeypatch, "sparql")
    at.selectbox(key="sparql_example").select("Who is quoted most").run()
    assert "COUNT" in at.text_area(key="sparql_query").value
    at.button(key="sparql_run").click().run()
    df = at.dataframe[0].value
    assert dict(zip(df["speaker"], df["claims"].astype(int), strict=True)) == {"Li Wei": 2, "Jane Roe": 1}
    at.text_area(key="sparql_query").input("DELETE WHERE { ?s ?p ?o }").run()
    at.button(key="sparql_run").click().run()
    assert any("only SELECT" in e.value or "not allowed" in e.value for e in at.error)
    at.text_area(key="sparql_query").input("SELECT ?x WHERE { ?x").run()
    at.button(key="sparql_run").click().run()
    assert any("malformed" in e.value for e in at.error)


def test_empty_graph_points_to_add_article(tmp_path, monkeypatch):
    at = app(tmp_path / "none.trig", monkeypatch)
    assert any("no articles" in i.value for i in at.info)
    at.switch_page("ui/graph.py").run()
    assert not at.exception and any("no articles" in i.value for i in at.info)


def test_every_page_works_without_memberships_or_facts(tmp_path, monkeypatch):
    import dataclasses

    from claimgraph.graph import add_extraction, new_dataset, save_graph

    ds = new_dataset()
    add_extraction(ds, dataclasses.replace(tiny_extraction(), memberships=(), facts=()))
    graph = tmp_path / "bare.trig"
    save_graph(ds, graph)
    at = app(graph, monkeypatch)
    for page in ["entities", "graph", "reader", "export", "sparql"]:
        at.switch_page(f"ui/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
    at.switch_page("ui/sparql.py").run()
    at.selectbox(key="sparql_example").select("Roles and affiliations").run()
    at.button(key="sparql_run").click().run()
    assert not at.error and len(at.dataframe[0].value) == 0


def test_graph_component_ships_its_javascript():
    """The network view loads nothing from a CDN: every script is a file in the wheel."""
    import re

    import st_link_analysis

    build = Path(st_link_analysis.__file__).parent / "frontend" / "build"
    index = (build / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', index)
    assert refs and not [r for r in refs if re.match(r"(?:https?:)?//", r)]
    assert all((build / r).is_file() for r in refs)


def test_malformed_graph_is_a_clear_error_on_every_page(tmp_path, monkeypatch):
    bad = tmp_path / "bad.trig"
    bad.write_text("this is not TriG {", encoding="utf-8")
    at = app(bad, monkeypatch)
    assert any("Cannot open the graph" in e.value and "malformed" in e.value for e in at.error)
    at.switch_page("ui/entities.py").run()
    assert not at.exception and at.error


def test_page_markup_never_carries_raw_article_html(tiny_graph, monkeypatch, tiny_snap):
    at = app(tiny_graph, monkeypatch, "reader")
    for h in at.get("html"):
        body = h.proto.body
        assert "<script>alert" not in body and "<b>up" not in body
    assert html.escape("<b>up</b>") in "".join(h.proto.body for h in at.get("html"))


# ---------------------------------------------------------------- pages (slow: models)


@pytest.mark.slow
def test_ask_shows_answer_cards_with_speaker_and_paragraph(example_graph, monkeypatch):
    from claimgraph.graph import load_graph

    snap = service.snapshot(load_graph(example_graph))
    speaker = max((e for e in snap.entities if e["labels"]["en"]), key=lambda e: e["claims"])
    name = snap.name(speaker["iri"])
    at = app(example_graph, monkeypatch)
    at.text_input(key="question").input(f"What did {name} say?").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    heads = [m.value for m in at.markdown if "paragraph" in m.value]
    first_word = name.split()[0]
    assert heads and any(first_word in h.replace("\\", "") for h in heads)
    quotes = [h.proto.body for h in at.get("html") if '<div class="cg-para">' in h.proto.body]
    assert quotes and all("<mark" in q for q in quotes)
    links = [p.proto for p in at.get("page_link")]
    assert any(p.label == "Show in article" and "start=" in p.query_string for p in links)


@pytest.mark.slow
def test_ask_question_from_a_shared_link(example_graph, monkeypatch):
    at = app(example_graph, monkeypatch, "ask", q="What did Western Securities say?")
    assert at.text_input(key="question").value == "What did Western Securities say?"
    assert at.warning and "Not in the graph" in at.warning[0].value
    at.text_input(key="question").input("Who is Stephen Roach?").run()
    assert at.query_params["q"] == "Who is Stephen Roach?"


@pytest.mark.slow
def test_ask_example_button_fills_the_question(example_graph, monkeypatch):
    at = app(example_graph, monkeypatch)
    first = at.button(key="example_0")
    label = first.label
    first.click().run()
    assert at.text_input(key="question").value == label
    assert not at.exception


@pytest.mark.slow
def test_ask_abstains_with_a_clear_message(example_graph, monkeypatch):
    at = app(example_graph, monkeypatch)
    at.text_input(key="question").input("What did Western Securities say about bonds?").run()
    assert not at.exception
    assert at.warning and "Not in the graph" in at.warning[0].value
    assert not [h for h in at.get("html") if '<div class="cg-para">' in h.proto.body]


@pytest.mark.slow
def test_add_article_page_extracts_and_is_idempotent(tiny_graph, monkeypatch):
    from claimgraph.graph import load_graph

    text = ("Port strike ends\n\nUnion leader Maria Lopez said the strike at the port of Oakland "
            "would end on Friday, according to a statement from the International Longshore "
            "Union.\n\n\"We have a fair deal,\" Lopez told reporters.\n")
    before = service.snapshot(load_graph(tiny_graph))
    at = app(tiny_graph, monkeypatch, "add")
    at.text_area(key="add_text").input(text)
    at.text_input(key="add_name").input("strike.txt")
    at.button(key="add_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success and "Added 'Port strike ends'" in at.success[0].value
    after = service.snapshot(load_graph(tiny_graph))
    assert len(after.articles) == len(before.articles) + 1
    assert {c["iri"] for c in before.claims} <= {c["iri"] for c in after.claims}
    assert len(after.claims) > len(before.claims)
    mtime = tiny_graph.stat().st_mtime_ns
    at.button(key="add_button").click().run()
    assert at.info and "already in the graph" in at.info[-1].value
    assert tiny_graph.stat().st_mtime_ns == mtime
    at.switch_page("ui/reader.py").run()
    titles = at.selectbox[0].options
    assert any("Port strike ends" in t for t in titles)


@pytest.mark.slow
def test_add_article_page_reads_an_uploaded_html_file(tiny_graph, monkeypatch):
    from claimgraph.graph import load_graph

    page = (b"<html><head><title>x</title><script>var a = 1;</script></head><body>"
            b"<h1>Dam opens</h1><p>Engineer Priya Nair said the dam would open in May.</p>"
            b"</body></html>")
    at = app(tiny_graph, monkeypatch, "add")
    at.file_uploader(key="add_file").set_value(("dam.html", page, "text/html"))
    at.run()
    at.button(key="add_button").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    art = next(a for a in service.snapshot(load_graph(tiny_graph)).articles if a["name"] == "dam.html")
    assert "Priya Nair" in art["text"] and "<p>" not in art["text"] and "var a" not in art["text"]


POLNEAR = ROOT.parent / "shared" / "polnear" / "dev" / "text"


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR.is_dir(), reason="the PolNeAR dev texts are not beside the repo")
def test_every_page_works_on_ten_polnear_articles(tmp_path, monkeypatch):
    from claimgraph.pipeline import build_graph

    files = sorted(POLNEAR.glob("*.txt"))[:10]
    graph = tmp_path / "polnear.trig"
    build_graph([str(f) for f in files], graph)
    from claimgraph.graph import load_graph

    snap = service.snapshot(load_graph(graph))
    assert len(snap.articles) == 10
    at = app(graph, monkeypatch)
    for page in ["entities", "graph", "export", "sparql", "add"]:
        at.switch_page(f"ui/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
    for art in snap.articles:
        at.query_params.clear()
        at.query_params["article"] = art["id"]
        at.switch_page("ui/reader.py").run()
        assert not at.exception, (art["name"], [e.value for e in at.exception])
        body = next(h.proto.body for h in at.get("html") if '<div class="cg-article">' in h.proto.body)
        assert body.count('<p id="cg-p') == len(art["paragraphs"])
    top = sorted(snap.entities, key=lambda e: -e["claims"])[:5]
    for ent in top:
        at.query_params.clear()
        at.query_params["entity"] = ent["iri"]
        at.switch_page("ui/entities.py").run()
        assert not at.exception, (ent["iri"], [e.value for e in at.exception])
        at.query_params.clear()
        at.query_params["focus"] = ent["iri"]
        at.switch_page("ui/graph.py").run()
        assert not at.exception and "nodes" in " ".join(c.value for c in at.caption)

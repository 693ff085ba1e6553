"""Records to RDF: golden graph, idempotent builds, cross-article merging, SHACL, views."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from claimgraph.extract.readers import read_text
from claimgraph.extract.records import (
    Claim,
    ConceptLink,
    Entity,
    Extraction,
    Fact,
    Membership,
    Mention,
    Span,
)
from claimgraph.graph import add_extraction, new_dataset, remove_article, views
from claimgraph.graph.validate import validate
from claimgraph.ontology import CG, ORG, SCHEMA
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

GOLDEN = Path(__file__).parent / "golden"
BASE = "http://example.org/cg/"
WHEN = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
META = {"extractor": "claimgraph-extract/test", "model": "model-1.0",
        "models": ("model==1.0", "spacy==3.8.0")}


def _span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def small_extraction(text: str | None = None) -> Extraction:
    """Hand-written records for tests/golden/small_article.txt: every node kind once."""
    text = text if text is not None else (GOLDEN / "small_article.txt").read_text(encoding="utf-8")
    art = read_text(text, "small_article.txt")
    p2, p3 = art.paragraphs[1].index, art.paragraphs[2].index
    ents = (
        Entity("jane doe", "Person", "Jane Doe"),
        Entity("acme bank", "Organization", "Acme Bank", aliases=("AB",), names_zh=("艾克米银行",)),
        Entity("example institute", "Organization", "Example Institute", part_of="acme bank"),
        Entity("ghost securities", "Organization", "Ghost Securities", mentioned=False,
               description="The article does not mention Ghost Securities."),
        Entity("harbor plan", "Concept", "Harbor Plan", description="would calm markets"),
    )
    mentions = (
        Mention("jane doe", _span(text, "Jane Doe"), p2),
        Mention("acme bank", _span(text, "Acme Bank"), p2),
        Mention("example institute", _span(text, "Example Institute"), p2),
        Mention("harbor plan", _span(text, "Harbor Plan"), p2),
        Mention("acme bank", _span(text, "Acme Bank", 1), p2),
        Mention("acme bank", _span(text, "Acme Bank", 2), p3),
    )
    sent2 = _span(text, text.split("\n\n")[1])
    sent3 = _span(text, text.split("\n\n")[2].strip())
    memberships = (
        Membership("jane doe", "acme bank", "chief economist", True,
                   _span(text, "Jane Doe, former chief economist at Acme Bank"), p2),
        Membership("jane doe", "example institute", "senior fellow", False,
                   _span(text, "Jane Doe, former chief economist at Acme Bank and now a senior "
                               "fellow at Acme Bank's Example Institute"), p2),
    )
    claims = (
        Claim("jane doe", _span(text, 'the "Harbor Plan" would calm markets'), _span(text, "said"),
              _span(text, "Jane Doe"), "indirect", p2, about=("harbor plan",)),
        Claim("acme bank", _span(text, "the 10-year yield rose 12 basis points to 4.1% in May 2025"),
              _span(text, "reported"), _span(text, "Acme Bank", 2), "indirect", p3),
    )
    facts = (
        Fact("12 basis points", "10-year yield", sent3, p3, "May 2025", ("acme bank",),
             unit="basis points"),
        Fact("4.1%", "10-year yield", sent3, p3, "May 2025", ("acme bank",), unit="percent"),
    )
    links = (ConceptLink("jane doe", "harbor plan", "discussed", sent2, p2),)
    return Extraction(art, ents, mentions, memberships, claims, facts, links, meta=dict(META))


def _graphs(ds: Dataset) -> dict[str, set]:
    return {str(g.identifier): set(g) for g in ds.graphs() if len(g)}


def _built(ex: Extraction | None = None) -> Dataset:
    ds = new_dataset()
    assert add_extraction(ds, ex or small_extraction(), base=BASE, when=WHEN)
    return ds


def test_golden_graph_is_isomorphic():
    ds = _built()
    golden = GOLDEN / "small.trig"
    if os.environ.get("CLAIMGRAPH_UPDATE_GOLDEN"):
        golden.write_text(ds.serialize(format="trig"), encoding="utf-8")
    expected = Dataset()
    expected.parse(golden, format="trig")
    got_graphs = {str(g.identifier): g for g in ds.graphs() if len(g)}
    exp_graphs = {str(g.identifier): g for g in expected.graphs() if len(g)}
    assert got_graphs.keys() == exp_graphs.keys()
    for name, g in got_graphs.items():
        assert isomorphic(g, exp_graphs[name]), f"named graph {name} differs from the golden file"


def test_vocabulary_of_small_graph():
    ds = _built()
    jane = URIRef(BASE + "entity/jane-doe")
    acme = URIRef(BASE + "entity/acme-bank")
    assert (jane, RDF.type, SCHEMA.Person) in ds
    assert (acme, SKOS.prefLabel, Literal("艾克米银行", lang="zh")) in ds
    assert (acme, SKOS.altLabel, Literal("AB", lang="en")) in ds
    ms = list(ds.subjects(RDF.type, ORG.Membership))
    former = {str(ds.value(ds.value(m, ORG.role), SKOS.prefLabel)): ds.value(m, CG.isFormer).toPython()
              for m in ms}
    assert former == {"chief economist": True, "senior fellow": False}
    concept = URIRef(BASE + "entity/harbor-plan")
    assert (concept, RDF.type, SKOS.Concept) in ds
    assert (jane, CG.discussed, concept) in ds
    assert (concept, SKOS.scopeNote, Literal("would calm markets", lang="en")) in ds
    claim = next(ds.subjects(CG.speaker, jane))
    assert (claim, CG.about, concept) in ds
    ev = ds.value(claim, CG.evidence)
    sels = set(ds.objects(ev, URIRef("http://www.w3.org/ns/oa#hasSelector")))
    assert len(sels) == 2
    assert (URIRef(BASE + "entity/example-institute"), ORG.unitOf, acme) in ds
    fact_units = {str(o) for o in ds.objects(None, CG.unit)}
    assert fact_units == {"basis points", "percent"}
    ghost = URIRef(BASE + "entity/ghost-securities")
    assert (ghost, CG.mentioned, Literal(False)) in ds
    assert not list(ds.subjects(CG.speaker, ghost))


def test_provenance_names_extractor_models_and_time():
    ds = _built()
    rows = list(ds.query("""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?when ?agent (GROUP_CONCAT(?used; separator="|") AS ?models) WHERE {
          ?g a prov:Entity ; prov:wasGeneratedBy ?run .
          ?run prov:endedAtTime ?when ; prov:wasAssociatedWith ?agent ; prov:used ?used .
          FILTER(isLiteral(?used))
        } GROUP BY ?g ?when ?agent"""))
    assert len(rows) == 1
    assert str(rows[0].g).startswith(BASE + "graph/")
    assert str(rows[0].when).startswith("2025-05-01T12:00:00")
    assert set(str(rows[0].models).split("|")) == {"model==1.0", "spacy==3.8.0"}


def test_iris_hold_no_raw_text():
    ds = _built()
    safe = re.compile(r"^http://example\.org/cg/[a-z]+/[a-z0-9./-]+$")
    for s, _p, o in ds.triples((None, None, None)):
        for term in (s, o):
            if isinstance(term, URIRef) and str(term).startswith(BASE):
                assert safe.match(str(term)), term
                assert "calm" not in str(term) and "yield" not in str(term)


def test_base_is_configurable():
    ds = new_dataset()
    add_extraction(ds, small_extraction(), base="urn:test:", when=WHEN)
    assert (URIRef("urn:test:entity/jane-doe"), RDF.type, SCHEMA.Person) in ds


def test_building_twice_changes_nothing():
    ds = _built()
    before = _graphs(ds)
    assert add_extraction(ds, small_extraction(), base=BASE, when=datetime.now(UTC)) is False
    assert _graphs(ds) == before


def test_second_article_adds_its_graph_and_shares_entities():
    ds = _built()
    before = _graphs(ds)
    text2 = ("Acme cuts\n\nAcme Bank Group said rates will fall, according to a note. John Doe "
             "agreed.\n\nDoe added more.\n")
    art2 = read_text(text2, "second.txt")
    ex2 = Extraction(
        art2,
        entities=(Entity("acme bank group", "Organization", "Acme Bank Group"),
                  Entity("john doe", "Person", "John Doe", aliases=("Doe",))),
        mentions=(Mention("acme bank group", _span(text2, "Acme Bank Group"), 2),),
        claims=(Claim("acme bank group", _span(text2, "rates will fall"), _span(text2, "said"),
                      _span(text2, "Acme Bank Group"), "indirect", 2),),
        meta=dict(META))
    assert add_extraction(ds, ex2, base=BASE, when=WHEN)
    after = _graphs(ds)
    # the first article's named graph is untouched; one new named graph
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(after) == len(before) + 1
    acme = URIRef(BASE + "entity/acme-bank")
    orgs = set(ds.subjects(RDF.type, SCHEMA.Organization))
    # merged by the same short-form rule as within an article ("Acme Bank" + "Group")
    assert URIRef(BASE + "entity/acme-bank-group") not in orgs
    assert (acme, SKOS.altLabel, Literal("Acme Bank Group", lang="en")) in ds
    assert len(list(ds.subjects(CG.speaker, acme))) == 2
    # "Doe" alone never links a person across articles: John Doe is not Jane Doe
    assert URIRef(BASE + "entity/john-doe") in set(ds.subjects(RDF.type, SCHEMA.Person))
    assert validate(ds).conforms
    # removing the second article keeps the entity the first one asserts
    assert remove_article(ds, art2.id, base=BASE)
    assert _graphs(ds) == before


def test_two_letter_acronym_alone_does_not_link_articles():
    ds = _built()
    text = "HQ\n\nAB said so.\n"
    ex = Extraction(read_text(text), entities=(Entity("ab", "Organization", "AB"),),
                    meta=dict(META))
    assert add_extraction(ds, ex, base=BASE, when=WHEN)
    # "AB" could be Acme Bank or any other A... B...: it stays its own node
    assert (URIRef(BASE + "entity/ab"), RDF.type, SCHEMA.Organization) in ds


def test_person_with_middle_initial_links_across_articles():
    ds = _built()
    text = "Doe\n\nJane Q. Doe said so.\n"
    ex = Extraction(read_text(text), entities=(Entity("jane q. doe", "Person", "Jane Q. Doe"),),
                    meta=dict(META))
    assert add_extraction(ds, ex, base=BASE, when=WHEN)
    jane = URIRef(BASE + "entity/jane-doe")
    assert (jane, SKOS.altLabel, Literal("Jane Q. Doe", lang="en")) in ds
    assert len(set(ds.subjects(RDF.type, SCHEMA.Person))) == 1


def test_small_graph_conforms():
    rep = validate(_built())
    assert rep.conforms, rep.text


def _violations(ds) -> list[dict]:
    rep = validate(ds)
    assert not rep.conforms
    return rep.violations


def test_shapes_catch_a_claim_without_content():
    ds = _built()
    claim = next(ds.subjects(RDF.type, CG.Claim))
    for g in ds.graphs():
        g.remove((claim, CG.content, None))
    assert any("content" in v["path"] for v in _violations(ds))


def test_shapes_catch_an_unmentioned_speaker():
    ex = small_extraction()
    bad = replace(ex, claims=(replace(ex.claims[0], speaker="ghost securities"),))
    assert _violations(_built(bad))


def test_shapes_catch_a_membership_without_organization():
    ds = _built()
    m = next(ds.subjects(RDF.type, ORG.Membership))
    for g in ds.graphs():
        g.remove((m, ORG.organization, None))
    assert any("organization" in v["path"] for v in _violations(ds))


def test_shapes_catch_a_selector_with_start_after_end():
    ds = _built()
    oa = "http://www.w3.org/ns/oa#"
    sel = next(ds.subjects(RDF.type, URIRef(oa + "TextPositionSelector")))
    g = next(g for g in ds.graphs() if (sel, None, None) in g)
    g.remove((sel, URIRef(oa + "start"), None))
    from rdflib import XSD
    g.add((sel, URIRef(oa + "start"), Literal(10 ** 6, datatype=XSD.nonNegativeInteger)))
    assert _violations(ds)


def test_views_entities_json_shape():
    ents = {e["iri"].rsplit("/", 1)[-1]: e for e in views.entities(_built())}
    jane = ents["jane-doe"]
    assert set(jane) >= {"iri", "type", "labels", "roles", "claims", "mentioned"}
    assert jane["type"] == "Person" and jane["claims"] == 1 and jane["mentioned"] is True
    roles = sorted((r["role"], r["organization"]["label"], r["former"]) for r in jane["roles"])
    assert roles == [("chief economist", "Acme Bank", True),
                     ("senior fellow", "Example Institute", False)]
    assert ents["acme-bank"]["labels"] == {"en": ["Acme Bank", "AB"], "zh": ["艾克米银行"]}
    assert ents["ghost-securities"]["mentioned"] is False
    assert ents["harbor-plan"]["type"] == "Concept"


QUERIES = Path(__file__).resolve().parents[1] / "docs" / "queries.md"


def _doc_queries() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", QUERIES.read_text(encoding="utf-8"), re.S)


def test_docs_queries_run_on_the_small_graph():
    from claimgraph.graph.sparql import result_rows, run_query

    ds = _built()
    qs = _doc_queries()
    assert len(qs) == 3
    sub = {"standard & poor's": "jane doe", "mar-a-lago accord": "harbor plan"}
    results = []
    for q in qs:
        for k, v in sub.items():
            q = q.replace(f'"{k}"', f'"{v}"')
        results.append(result_rows(run_query(ds, q)))
    said_cols, said = results[0]
    assert said_cols[:2] == ["kind", "paragraph"]
    assert [r[-1] for r in said] == ['the "Harbor Plan" would calm markets']
    who = {tuple(r) for r in results[1][1]}
    assert who == {("Jane Doe", "claim"), ("Jane Doe", "discussed")}
    people = results[2][1]
    assert [r[:4] for r in people] == [["Acme Bank", "Jane Doe", "chief economist", "true"],
                                       ["Example Institute", "Jane Doe", "senior fellow", "false"]]


@pytest.mark.slow
def test_example_graph_conforms_and_rebuild_is_idempotent(example_graph, tmp_path):
    from claimgraph.graph import load_graph

    from claimgraph.pipeline import build_graph

    ds = load_graph(example_graph)
    rep = validate(ds)
    assert rep.conforms, rep.text
    copy = tmp_path / "g.trig"
    copy.write_bytes(example_graph.read_bytes())
    report = build_graph([str(Path(__file__).resolve().parents[1] / "examples" /
                              "caixin_treasuries_selloff.txt")], copy)
    assert report.added == 0 and report.skipped == 1
    assert copy.read_bytes() == example_graph.read_bytes()


def test_same_role_in_two_articles_keeps_each_articles_evidence():
    ds = _built()
    text2 = "Doe returns\n\nJane Doe, former chief economist at Acme Bank, spoke.\n"
    art2 = read_text(text2, "third.txt")
    ex2 = Extraction(
        art2,
        entities=(Entity("jane doe", "Person", "Jane Doe"),
                  Entity("acme bank", "Organization", "Acme Bank")),
        memberships=(Membership("jane doe", "acme bank", "chief economist", True,
                                _span(text2, "Jane Doe, former chief economist at Acme Bank"), 2),),
        meta=dict(META))
    assert add_extraction(ds, ex2, base=BASE, when=WHEN)
    ms = views.memberships(ds)
    former = [m for m in ms if m["role"] == "chief economist"]
    assert len(former) == 2
    assert {m["evidence"][0]["article"] for m in former} == {
        BASE + "article/" + small_extraction().article.id, BASE + "article/" + art2.id}
    jane = next(e for e in views.entities(ds) if e["iri"].endswith("/jane-doe"))
    assert len(jane["roles"]) == 2  # the repeated role is listed once
    assert validate(ds).conforms


def test_label_cache_gives_the_same_graph_as_a_fresh_index():
    def second(name: str) -> Extraction:
        text = f"T\n\n{name} said rates rise.\n"
        return Extraction(read_text(text, name),
                          entities=(Entity(name.casefold(), "Organization", name),),
                          meta=dict(META))

    exs = [small_extraction(), second("Acme Bank Group"), second("Example Institute")]
    cached, fresh = new_dataset(), new_dataset()
    for ex in exs:
        add_extraction(cached, ex, base=BASE, when=WHEN)
        if hasattr(fresh, "_claimgraph_labels"):
            del fresh._claimgraph_labels
        add_extraction(fresh, ex, base=BASE, when=WHEN)
    assert _graphs(cached) == _graphs(fresh)
    assert len(set(cached.subjects(RDF.type, SCHEMA.Organization))) == 3


@pytest.mark.slow
def test_example_entities_json(example_graph, capsys):
    import json

    from claimgraph.app.cli import main

    assert main(["entities", "-g", str(example_graph), "--json"]) == 0
    ents = json.loads(capsys.readouterr().out)
    for e in ents:
        assert set(e) >= {"iri", "type", "labels", "roles", "claims", "mentioned"}
        assert set(e["labels"]) == {"en", "zh"}
        for r in e["roles"]:
            assert set(r) >= {"role", "organization", "former"}
            assert set(r["organization"]) >= {"iri", "label"}
    by = {e["labels"]["en"][0]: e for e in ents if e["labels"]["en"]}
    roles = {(r["role"], r["organization"]["label"], r["former"]) for r in by["Stephen Roach"]["roles"]}
    assert roles == {("Chief Economist", "Morgan Stanley", True),
                     ("Senior Fellow", "Paul Tsai China Center", False)}
    assert by["Wong Ka-shing"]["labels"]["zh"] == ["黄嘉诚"]
    assert by["Standard & Poor's"]["labels"] == {"en": ["Standard & Poor's", "S&P"], "zh": ["标准普尔"]}
    assert by["Western Securities"]["mentioned"] is False and by["Western Securities"]["claims"] == 0
    assert by["Mar-a-Lago Accord"]["type"] == "Concept"
    # one node per entity: no label is shared by two entities of the same type
    seen: dict[tuple[str, str], str] = {}
    for e in ents:
        for lab in e["labels"]["en"] + e["labels"]["zh"]:
            assert seen.setdefault((e["type"], lab.casefold()), e["iri"]) == e["iri"], lab


@pytest.mark.slow
def test_docs_queries_on_the_example(example_graph):
    from claimgraph.graph import load_graph
    from claimgraph.graph.sparql import result_rows, run_query

    ds = load_graph(example_graph)
    q1, q2, q3 = _doc_queries()
    assert result_rows(run_query(ds, q1))[1]  # S&P said something
    who = {tuple(r) for r in result_rows(run_query(ds, q2))[1]}
    assert ("Stephen Miran", "proposed") in who
    people = {tuple(r) for r in result_rows(run_query(ds, q3))[1]}
    assert ("Morgan Stanley", "Stephen Roach", "Chief Economist", "true") in people
    assert ("White House Council of Economic Advisers", "Stephen Miran", "chairman", "false") in people


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_lean_file_store_writes_what_the_whole_dataset_would(tmp_path, suffix):
    """A build's file store keeps only what linking reads in rdflib and each new article's
    graph as text; the file it writes is the one the whole dataset gives, linking included."""
    from claimgraph.graph.iris import IRIs
    from claimgraph.graph.store import FileStore, dataset_counts, save_graph

    text = (GOLDEN / "small_article.txt").read_text(encoding="utf-8")
    second = small_extraction(text + "\n\nA second edition.\n")
    # an entity only a label links to the first article's "Acme Bank"
    second = replace(second, entities=second.entities + (
        Entity("acme bank group", "Organization", "Acme Bank"),))
    exs = [small_extraction(), second]
    full = new_dataset()
    for ex in exs:
        assert add_extraction(full, ex, base=BASE, when=WHEN)
    save_graph(full, tmp_path / f"full{suffix}")
    st = FileStore(tmp_path / f"lean{suffix}")
    try:
        for ex in exs:
            assert st.add_extraction(ex, BASE, when=WHEN)
            assert not st.add_extraction(ex, BASE, when=WHEN)  # the same text again: skipped
            st.commit([IRIs(BASE).graph(ex.article.id)])
        assert len(st.ds) < len(full) and st.counts() == dataset_counts(full)
        st.close()
    finally:
        st.release()
    a = (tmp_path / f"full{suffix}").read_text(encoding="utf-8")
    b = (tmp_path / f"lean{suffix}").read_text(encoding="utf-8")
    if suffix == ".nq":  # rdflib's N-Quads order is its set order
        a, b = sorted(a.splitlines()), sorted(b.splitlines())
    assert a == b
    # linked through the labels the lean dataset keeps
    assert len(_graphs(full)) == 2 and "acme-bank-group" not in "".join(b)

"""Entities: cleaning, typing, alias merging, bilingual labels, concepts."""

from __future__ import annotations

import pytest
from claimgraph.extract.entities import EntityIndex, candidate
from claimgraph.extract.names import canonical_place, initials, is_acronym_of, norm_key
from claimgraph.extract.readers import read_text


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def _doc(nlp, words: list[str], ents: list[tuple[int, int, str]]):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return doc


def _cand(nlp, sentence: str, ent: tuple[int, int, str]):
    doc = _doc(nlp, sentence.split(), [ent])
    return candidate(doc.ents[0])


# -- names -----------------------------------------------------------------

@pytest.mark.parametrize("short,full", [
    ("S&P", "Standard & Poor's"), ("CICC", "China International Capital Corporation"),
    ("LTCM", "Long-Term Capital Management"), ("ECB", "European Central Bank"),
])
def test_acronyms(short, full):
    assert is_acronym_of(short, full)


def test_not_acronyms():
    assert not is_acronym_of("UBS", "Union Pacific")
    assert not is_acronym_of("Fed", "Federal Reserve")  # a clipped word, handled as a short form
    assert initials("Standard & Poor's") == "S&P"


def test_country_short_forms():
    assert canonical_place("U.S.") == "United States"
    assert canonical_place("UK") == "United Kingdom"
    assert canonical_place("Japan") == "Japan"


# -- the index's merge rules ---------------------------------------------------

def test_surname_back_reference_merges_into_the_full_name():
    ix = EntityIndex()
    ix.add("Stephen Miran", "Person", 0, 13)
    ix.add("Miran", "Place", 50, 55)  # the NER's type for a bare surname is often wrong
    ix.merge_late()
    assert [c.name for c in ix.clusters] == ["Stephen Miran"]
    assert ix.find("Miran").type == "Person"


def test_ambiguous_surname_stays_apart():
    ix = EntityIndex()
    ix.add("Wang Liwei", "Person", 0, 10)
    ix.add("Wang Shiyu", "Person", 20, 30)
    ix.add("Wang", "Person", 40, 44)
    ix.merge_late()
    assert sorted(c.name for c in ix.clusters) == ["Wang", "Wang Liwei", "Wang Shiyu"]


def test_organization_short_forms():
    ix = EntityIndex()
    ix.add("Fed", "Organization", 0, 3)
    ix.add("Federal Reserve", "Organization", 10, 25)
    ix.add("U.S. Federal Reserve", "Organization", 30, 50)
    ix.add("U.S.", "Place", 30, 34)
    ix.add("Standard & Poor's", "Organization", 60, 77)
    ix.add("S&P", "Organization", 80, 83)
    ix.merge_late()
    names = sorted(c.name for c in ix.clusters)
    assert names == ["Federal Reserve", "Standard & Poor's", "United States"]
    fed = ix.find("Federal Reserve")
    assert {"Fed", "U.S. Federal Reserve"} <= fed.aliases
    assert ix.find("U.S.").name == "United States"


def test_longer_name_becomes_canonical():
    ix = EntityIndex()
    ix.add("Standard Chartered", "Organization", 0, 18)
    ix.add("Standard Chartered Bank", "Organization", 30, 53)
    ix.merge_late()
    assert [c.name for c in ix.clusters] == ["Standard Chartered Bank"]


def test_chinese_alias_goes_to_zh_labels():
    ix = EntityIndex()
    cl = ix.add("Wong Ka-shing", "Person", 0, 13)
    ix.alias(cl, "黄嘉诚")
    assert cl.zh == ["黄嘉诚"] and ix.find("黄嘉诚") is cl


# -- cleaning and typing of single NER spans ----------------------------------

def test_person_inside_an_organization_name(blank):
    c = _cand(blank, "a Senior Fellow at Paul Tsai China Center , said", (4, 6, "PERSON"))
    assert c[:2] == ("Paul Tsai China Center", "Organization")


def test_publication_tagged_as_person(blank):
    c = _cand(blank, "By Caixin Weekly 's Wang Liwei", (1, 4, "PERSON"))
    assert c[:2] == ("Caixin Weekly", "Organization")


def test_name_before_administration_is_a_person(blank):
    c = _cand(blank, "proposals from Trump administration advisors", (2, 3, "ORG"))
    assert c[:2] == ("Trump", "Person")


def test_part_of_a_job_title_is_not_an_organization(blank):
    assert _cand(blank, "and Head of Asia Pacific Fixed Income at Invesco", (3, 6, "ORG")) is None


@pytest.mark.parametrize("words,ent", [
    ("the article says", (0, 2, "ORG")),
    ("10-year U.S. Treasury bonds", (1, 3, "ORG")),
    ("由于债券收益率与价格呈反向关系 ,", (0, 1, "ORG")),
    ("the Global Head of Research at", (1, 5, "ORG")),
])
def test_junk_mentions(blank, words, ent):
    assert _cand(blank, words, ent) is None


# -- end to end on small articles and the example ---------------------------------

@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.mark.slow
def test_two_articles_sharing_an_entity_produce_one_node(nlp, tmp_path):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.graph import add_extraction, new_dataset, views

    a = read_text("Rates\n\nGoldman Sachs analyst Jane Smith said the Federal Reserve would cut "
                  "rates in June.\n")
    b = read_text("Markets\n\nThe Fed held rates, and Goldman Sachs said yields could rise to "
                  "5% in 2026, according to a note.\n")
    ds = new_dataset()
    for art in (a, b):
        assert add_extraction(ds, extract_doc(art, nlp(art.text)))
    ents = views.entities(ds)
    gs = [e for e in ents if "Goldman Sachs" in e["labels"]["en"]]
    fed = [e for e in ents if "Federal Reserve" in e["labels"]["en"] or "Fed" in e["labels"]["en"]]
    assert len(gs) == 1 and len(fed) == 1
    assert {"Federal Reserve", "Fed"} <= set(fed[0]["labels"]["en"])
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert sum("/graph/" in g for g in graphs) == 2


def _example(nlp, path):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_file

    art = read_file(path)
    return extract_doc(art, nlp(art.text))


@pytest.mark.slow
def test_example_entities(nlp, example_path):
    ex = _example(nlp, example_path)
    by_name = {e.name: e for e in ex.entities}
    orgs = {n for n, e in by_name.items() if e.type == "Organization"}
    people = {n for n, e in by_name.items() if e.type == "Person"}
    directory = {d.name.split(" (")[0] for d in ex.article.directory}
    assert directory <= orgs
    assert {"Eric Robertsen", "Stephen Roach", "Shen Jianguang", "Liu Gang", "Wong Ka-shing",
            "Wu Jinduo", "Stephen Miran", "Victor Haghani", "Tony Pasquariello", "Janet Yellen",
            "Elon Musk"} <= people
    assert {"Federal Reserve", "Paul Tsai China Center", "Yale Law School", "European Central Bank",
            "White House Council of Economic Advisers", "Caixin Weekly"} <= orgs
    # aliases merged into one node each
    assert "S&P" in by_name["Standard & Poor's"].aliases
    assert "CICC" in by_name["China International Capital Corporation"].aliases
    assert "LTCM" in by_name["Long-Term Capital Management"].aliases
    assert {"Fed", "U.S. Federal Reserve"} <= set(by_name["Federal Reserve"].aliases)
    assert "Miran" in by_name["Stephen Miran"].aliases
    assert "Roach" in by_name["Stephen Roach"].aliases
    # Chinese labels
    assert by_name["Wong Ka-shing"].names_zh == ("黄嘉诚",)
    assert by_name["Standard Chartered Bank"].names_zh == ("渣打银行",)
    assert by_name["Long-Term Capital Management"].names_zh == ("长期资本管理公司",)
    # listed, not mentioned, and never a speaker
    assert by_name["Western Securities"].mentioned is False
    assert all(c.speaker != "western securities" for c in ex.claims)
    # no junk
    junk = {"Asia Pacific Fixed", "Paul Tsai", "U.S. Federal Reserve", "Treasurys", "U.S. Treasury",
            "Trump administration", "Global Head of Research", "Hong Kong Stock Strategist"}
    assert not junk & set(by_name)
    assert by_name["Trump"].type == "Person"
    assert not any(any("\u4e00" <= ch <= "\u9fff" for ch in e.name) for e in ex.entities)
    assert by_name["United States"].type == "Place" and "U.S." in by_name["United States"].aliases
    assert by_name["Paul Tsai China Center"].part_of == "yale law school"
    # the byline's Chinese names pair with its English names
    assert by_name["Caixin Weekly"].names_zh == ("财新周刊",)
    assert by_name["Wang Liwei"].names_zh == ("王力为",)


@pytest.mark.slow
def test_example_concepts(nlp, example_path):
    ex = _example(nlp, example_path)
    concepts = {e.name: e for e in ex.entities if e.type == "Concept"}
    assert {"Mar-a-Lago Accord", "basis trade", "capital tariffs", "reciprocal tariffs"} <= set(concepts)
    assert "century bonds" in concepts["Mar-a-Lago Accord"].description
    assert "price differences between bonds and futures" in concepts["basis trade"].description
    links = {(x.entity, x.relation, x.concept) for x in ex.concept_links}
    assert ("stephen miran", "proposed", "mar-a-lago accord") in links
    assert ("pictet wealth management", "discussed", "mar-a-lago accord") in links
    assert ("pictet wealth management", "discussed", "capital tariffs") in links
    assert ("wu jinduo", "discussed", "basis trade") in links
    # a name used as a modifier ("Trump administration advisors") is not the proposer
    assert not any(w == "trump" and r == "proposed" for w, r, _ in links)
    # claims are about the concepts they name
    assert any("mar-a-lago accord" in c.about for c in ex.claims) or any(
        "capital tariffs" in c.about for c in ex.claims)


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ('Analysts call it the “Tokyo Consensus,” a plan to weaken the yen.', "Tokyo Consensus"),
    ("Hedge funds unwound the carry trade last week.", "carry trade"),
    ('He warned of so-called "zombie firms" in the sector.', "zombie firms"),
])
def test_concept_rules(nlp, text, expected):
    from claimgraph.extract.concepts import find_concepts

    art = read_text(text)
    concepts, _, _ = find_concepts(art, nlp(text), (), ())
    assert expected in {c.name for c in concepts}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    'She said it was "highly unusual" for markets.',
    '"We will not sell," the minister said.',
])
def test_quotes_that_are_not_concepts(nlp, text):
    from claimgraph.extract.concepts import find_concepts

    assert find_concepts(read_text(text), nlp(text), (), ())[0] == ()


def test_norm_key_matches_possessives():
    assert norm_key("Goldman Sachs'") == norm_key("Goldman Sachs")


def test_bilingual_byline_gives_chinese_labels(blank):
    from claimgraph.extract.entities import build_entities

    text = "Markets\n\n文|财新周刊 王力为 丁锋\nBy Caixin Weekly's Wang Liwei and Ding Feng\n\nBody text.\n"
    art = read_text(text)
    doc = blank.make_doc(text)
    spans = [("Caixin Weekly's", "PERSON"), ("Wang Liwei", "PERSON"), ("Ding Feng", "PERSON")]
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=lab) for t, lab in spans]
    ents, _, _ = build_entities(art, doc)
    got = {e.name: (e.type, e.names_zh) for e in ents}
    assert got == {"Caixin Weekly": ("Organization", ("财新周刊",)),
                   "Wang Liwei": ("Person", ("王力为",)), "Ding Feng": ("Person", ("丁锋",))}


@pytest.mark.slow
def test_unquoted_named_plan_and_its_discusser(nlp):
    from claimgraph.extract.extractor import extract_doc

    text = ("Dollar slides\n\nS&P kept its AA+ rating, and Stephen Roach warned about the "
            "Mar-a-Lago Accord.\n")
    ex = extract_doc(read_text(text), nlp(text))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("Mar-a-Lago Accord") == "Concept"
    assert "Mar" not in names  # a piece of a hyphenated word is no name
    links = {(x.entity, x.relation, x.concept) for x in ex.concept_links}
    assert ("stephen roach", "discussed", "mar-a-lago accord") in links
    assert not any(w == "s&p" for w, _, _ in links)  # the subject of another clause


def test_bare_surname_first_then_two_full_names():
    ix = EntityIndex()
    ix.add("Clinton", "Person", 0, 7)
    ix.add("Hillary Clinton", "Person", 20, 35)
    ix.add("Bill Clinton", "Person", 50, 62)
    ix.merge_late()
    assert sorted(c.name for c in ix.clusters) == ["Bill Clinton", "Hillary Clinton"]
    assert "Clinton" in ix.find("Hillary Clinton").aliases


def test_names_with_commas_or_trailing_of_are_cleaned(blank):
    assert _cand(blank, "the Atlantic , Pres said", (1, 4, "ORG")) is None
    c = _cand(blank, "the Armenian Patriarchate of", (1, 4, "ORG"))
    assert c is not None and c[0] == "Armenian Patriarchate"


def _entities_of(nlp, text: str, spans: list[tuple[str, str, int]]):
    from claimgraph.extract.entities import build_entities

    doc = nlp.make_doc(text)
    ents = []
    for t, lab, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(t, start + 1)
        ents.append(doc.char_span(start, start + len(t), label=lab))
    doc.ents = ents
    return {e.name for e in build_entities(read_text(text), doc)[0]}


def test_sentence_initial_common_word_is_no_name(blank):
    text = "Title here\n\nTurnout was high. The turnout of voters rose, Acme Bank said.\n"
    assert _entities_of(blank, text, [("Turnout", "ORG", 0), ("Acme Bank", "ORG", 0)]) == \
        {"Acme Bank"}


def test_a_word_also_capitalized_mid_sentence_stays(blank):
    text = "Title here\n\nCongress met. A party congress met too. Voters in Congress agreed.\n"
    assert _entities_of(blank, text, [("Congress", "ORG", 0), ("Congress", "ORG", 1)]) == \
        {"Congress"}

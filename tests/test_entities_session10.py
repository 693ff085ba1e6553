"""Entities (session 10): surnames the tagger took for organizations, names glued together."""

from __future__ import annotations

import pytest
from claimgraph.extract import entities as E
from claimgraph.extract.entities import EntityIndex, build_entities
from claimgraph.extract.readers import read_text


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def _parsed(nlp, text: str, ents: list[tuple[str, str, int]], tags: dict[str, str] | None = None):
    """``text`` tokenized by ``nlp`` with the given entities (surface, label, occurrence)
    and fine-grained tags (word -> tag, every occurrence); no trained model."""
    from spacy.tokens import Doc

    tok = nlp(text)
    words = [t.text for t in tok]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tok],
              tags=[(tags or {}).get(w, "NN") for w in words])
    spans = []
    for surface, label, nth in ents:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    assert doc.text == text
    return doc


def _entities(nlp, text, ents, tags=None):
    art = read_text(text)
    entities, mentions, _ = build_entities(art, _parsed(nlp, text, ents, tags))
    count = {e.name: sum(m.entity == e.key for m in mentions) for e in entities}
    return {e.name: (e.type, count[e.name]) for e in entities}


def _trump_index() -> EntityIndex:
    ix = EntityIndex()
    for i in range(3):  # "Trump" three times, the tagger's ORG, before the full name
        ix.add("Trump", "Organization", 10 * i, 10 * i + 5)
    ix.add("Donald Trump", "Person", 100, 112)
    ix.merge_late()
    return ix


def test_a_one_word_organization_that_is_a_persons_surname_is_that_person(monkeypatch):
    ix = _trump_index()
    assert [(c.name, c.type, len(c.mentions)) for c in ix.clusters] == [
        ("Donald Trump", "Person", 4)]
    monkeypatch.setattr(E, "ORG_SURNAMES", 0)
    assert sorted(c.name for c in _trump_index().clusters) == ["Donald Trump", "Trump"]


def test_a_surname_shared_by_two_persons_or_an_acronym_stays_apart():
    ix = EntityIndex()
    for i in range(3):
        ix.add("Trump", "Organization", 10 * i, 10 * i + 5)
        ix.add("GOP", "Organization", 50 + 10 * i, 53 + 10 * i)
    ix.add("Donald Trump", "Person", 100, 112)
    ix.add("Eric Trump", "Person", 200, 210)
    ix.add("Indiana GOP", "Person", 400, 411)
    ix.merge_late()
    assert sorted(c.name for c in ix.clusters) == ["Donald Trump", "Eric Trump", "GOP",
                                                   "Indiana GOP", "Trump"]


TEXT = ("Donald Trump has changed his views on trade.\n\n"
        "In a meeting with the editorial board of the Washington Post Trump said that he "
        "would not raise tariffs.\n\nThe Washington Post reported it.\n")
GLUED = [("Donald Trump", "PERSON", 0), ("Washington Post Trump", "ORG", 0),
         ("Washington Post", "ORG", 1)]


def test_a_surname_glued_to_an_organization_where_a_clause_starts_is_split(blank, monkeypatch):
    got = _entities(blank, TEXT, GLUED, {"said": "VBD"})
    assert got == {"Donald Trump": ("Person", 2), "Washington Post": ("Organization", 2)}
    monkeypatch.setattr(E, "GLUED_SURNAMES", 0)
    assert "Washington Post Trump" in _entities(blank, TEXT, GLUED, {"said": "VBD"})


def test_no_split_without_a_verb_after_the_surname_or_after_a_title(blank):
    got = _entities(blank, TEXT, GLUED)  # "said" not a finite verb here
    assert "Washington Post Trump" in got
    text = "Donald Trump spoke.\n\nThe GOP Rep Trump said that he would run.\n"
    got = _entities(blank, text, [("Donald Trump", "PERSON", 0), ("GOP Rep Trump", "ORG", 0)],
                    {"said": "VBD"})
    assert "GOP Rep Trump" in got


OZ = ("Mehmet Oz \u2014 Ivy League-trained surgeon and television host \u2014 is running for the "
      "Senate.\n\nOz said on Tuesday that he would win. Many voters know Oz from television.\n")
OZ_ENTS = [("Senate", "ORG", 0), ("Oz", "PERSON", 1), ("Oz", "ORG", 2)]


def test_a_person_the_tagger_missed_at_first_mention_gets_the_full_name(blank, monkeypatch):
    tags = {"Mehmet": "NNP", "Oz": "NNP"}
    assert _entities(blank, OZ, OZ_ENTS, tags) == {"Mehmet Oz": ("Person", 3),
                                                   "Senate": ("Organization", 1)}
    monkeypatch.setattr(E, "UNTAGGED_FULL_NAMES", 0)
    assert "Mehmet Oz" not in _entities(blank, OZ, OZ_ENTS, tags)


def test_no_full_name_from_a_title_or_a_word_the_text_writes_in_lower_case(blank):
    tags = {"Judge": "NNP", "Will": "NNP", "Oz": "NNP"}
    text = "Judge Oz ruled.\n\nOz said no. Will Oz run? He will not.\n"
    got = _entities(blank, text, [("Oz", "PERSON", 1)], tags)
    assert got == {"Oz": ("Person", 3)}


def test_the_glued_name_finds_the_person_without_an_alias(blank):
    art = read_text(TEXT)
    entities, _, index = build_entities(art, _parsed(blank, TEXT, GLUED, {"said": "VBD"}))
    assert index.find("Washington Post Trump").name == "Donald Trump"  # a speaker's source
    assert not any("Washington Post Trump" in e.aliases for e in entities)


def test_a_name_after_a_dateline_dash_inside_one_span_is_a_person(blank, monkeypatch):
    text = "Nomination night\n\nCLEVELAND - Donald Trump painted a dire portrait of the country.\n"
    ents = [("CLEVELAND - Donald Trump", "ORG", 0)]
    got = _entities(blank, text, ents)
    assert got["Donald Trump"] == ("Person", 1) and got["CLEVELAND"] == ("Place", 1)
    monkeypatch.setattr(E, "DASHED_NAMES", 0)
    got = _entities(blank, text, ents)
    assert "Donald Trump" not in got and got["CLEVELAND"] == ("Organization", 1)


def test_a_possessive_with_the_left_quote_is_stripped(monkeypatch):
    from claimgraph.extract import names as N

    N.clean_name.cache_clear()
    assert N.clean_name("Donald Trump\u2018s") == "Donald Trump"
    monkeypatch.setattr(N, "LEFT_QUOTE_POSSESSIVE", 0)
    N.clean_name.cache_clear()
    try:
        assert N.clean_name("Donald Trump\u2018s") == "Donald Trump\u2018s"
    finally:
        N.clean_name.cache_clear()  # no answer of the flag off left behind


def test_an_organization_after_role_of_is_the_employer_not_a_job_titles_part(blank, monkeypatch):
    from claimgraph.extract.entities import candidate

    text = "James Danko is president of Butler University in Indianapolis."
    doc = _parsed(blank, text, [("Butler University", "ORG", 0)])
    assert candidate(doc.ents[0])[:2] == ("Butler University", "Organization")
    monkeypatch.setattr(E, "NAMED_EMPLOYER", 0)
    assert candidate(doc.ents[0]) is None
    # a part of a job title stays out: "Head of Asia Pacific Fixed Income at Invesco"
    doc = _parsed(blank, "She is Head of Asia Pacific Fixed Income at Invesco.",
                  [("Asia Pacific Fixed", "ORG", 0)])
    assert candidate(doc.ents[0]) is None


def test_an_organizations_person_tagged_as_one_name_is_split(blank, monkeypatch):
    text = "Right after the vote, National Review\u2019s Ian Tuttle wrote that it was over.\n"
    ents = [("National Review\u2019s Ian Tuttle", "ORG", 0)]
    assert _entities(blank, text, ents) == {"National Review": ("Organization", 1),
                                            "Ian Tuttle": ("Person", 1)}
    monkeypatch.setattr(E, "POSSESSIVE_GLUE", 0)
    assert list(_entities(blank, text, ents)) == ["National Review\u2019s Ian Tuttle"]


def test_no_split_of_an_organizations_unit_or_a_county(blank):
    text = "The ruling of Wisconsin\u2019s Supreme Court came first.\n"
    got = _entities(blank, text, [("Wisconsin\u2019s Supreme Court", "ORG", 0)])
    assert list(got) == ["Wisconsin\u2019s Supreme Court"]


def test_a_dashed_or_possessive_glued_name_finds_the_person(blank):
    text = "Nomination night\n\nCLEVELAND - Donald Trump painted a dire portrait of the country.\n"
    _, _, index = build_entities(read_text(text), _parsed(
        blank, text, [("CLEVELAND - Donald Trump", "ORG", 0)]))
    assert index.find("CLEVELAND - Donald Trump").name == "Donald Trump"  # a speaker's source
    text = "Right after the vote, National Review\u2019s Ian Tuttle wrote that it was over.\n"
    _, _, index = build_entities(read_text(text), _parsed(
        blank, text, [("National Review\u2019s Ian Tuttle", "ORG", 0)]))
    assert index.find("National Review\u2019s Ian Tuttle").name == "Ian Tuttle"


def _full_parse(nlp, parse, ents=()):
    """A Doc from (word, tag, head, dep) rows, spaces between words but before punctuation."""
    from spacy.tokens import Doc, Span

    words = [w for w, _t, _h, _d in parse]
    spaces = [i + 1 < len(words) and words[i + 1] not in ",." for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=[t for _w, t, _h, _d in parse],
              heads=[h for _w, _t, h, _d in parse], deps=[d for _w, _t, _h, d in parse])
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return doc


# "Mehmet Oz, a surgeon, is running. Oz said he would win.", nothing tagged
OZ_PARSE = [("Mehmet", "NNP", 1, "compound"), ("Oz", "NNP", 7, "nsubj"), (",", ",", 1, "punct"),
            ("a", "DT", 4, "det"), ("surgeon", "NN", 1, "appos"), (",", ",", 1, "punct"),
            ("is", "VBZ", 7, "aux"), ("running", "VBG", 7, "ROOT"), (".", ".", 7, "punct"),
            ("Oz", "NNP", 10, "nsubj"), ("said", "VBD", 10, "ROOT"), ("he", "PRP", 13, "nsubj"),
            ("would", "MD", 13, "aux"), ("win", "VB", 10, "ccomp"), (".", ".", 10, "punct")]


def test_an_untagged_full_name_whose_surname_is_a_subject_elsewhere(blank, monkeypatch):
    doc = _full_parse(blank, OZ_PARSE)
    entities, mentions, _ = build_entities(read_text(doc.text), doc)
    assert [(e.name, e.type, e.aliases) for e in entities] == [("Mehmet Oz", "Person", ("Oz",))]
    assert len(mentions) == 2
    monkeypatch.setattr(E, "UNTAGGED_SUBJECTS", 0)
    assert build_entities(read_text(doc.text), _full_parse(blank, OZ_PARSE))[0] == ()


def test_no_untagged_full_name_from_a_month_or_a_surname_after_the(blank):
    parse = [(w if w != "Mehmet" else "March", t, h, d) for w, t, h, d in OZ_PARSE]
    doc = _full_parse(blank, parse)
    assert build_entities(read_text(doc.text), doc)[0] == ()
    parse = OZ_PARSE[:9] + [("The", "DT", 10, "det")] + [
        (w, t, h + 1, d) for w, t, h, d in OZ_PARSE[9:]]
    parse[10] = ("Oz", "NNP", 11, "nsubj")
    doc = _full_parse(blank, parse)
    assert build_entities(read_text(doc.text), doc)[0] == ()

"""Roles (session 10): a role that completes a copula belongs to the copula's subject."""

from __future__ import annotations

import pytest
from claimgraph.extract import roles as R
from claimgraph.extract.readers import read_text
from claimgraph.extract.records import Entity, Mention, Span
from claimgraph.extract.roles import find_memberships

# (word, head, dep) of a hand-made parse, lemma "be" for "is" / "was"
HALTZEL = [("Jane", 1, "compound"), ("Doe", 9, "nsubj"), (",", 1, "punct"),
           ("former", 4, "amod"), ("adviser", 1, "appos"), ("to", 4, "prep"),
           ("Ann", 7, "compound"), ("Lee", 5, "pobj"), (",", 1, "punct"), ("is", 9, "ROOT"),
           ("Senior", 11, "compound"), ("Fellow", 9, "attr"), ("at", 11, "prep"),
           ("Example", 14, "compound"), ("Institute", 12, "pobj"), (".", 9, "punct")]
ENTS = {"Jane Doe": "Person", "Ann Lee": "Person", "Example Institute": "Organization"}


@pytest.fixture(scope="module")
def vocab():
    import spacy

    return spacy.blank("en").vocab


def _memberships(vocab, parse):
    from spacy.tokens import Doc

    words = [w for w, _h, _d in parse]
    spaces = [i + 1 < len(words) and words[i + 1] not in ",." for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, heads=[h for _w, h, _d in parse],
              deps=[d for _w, _h, d in parse],
              lemmas=["be" if w in ("is", "was") else w.lower() for w in words])
    text = doc.text
    art = read_text(text)
    ents, mentions = [], []
    for name, etype in ENTS.items():
        ents.append(Entity(name.casefold(), etype, name))
        a = text.find(name)
        if a >= 0:
            mentions.append(Mention(name.casefold(), Span(a, a + len(name), name), 1))
    mentions.sort(key=lambda m: m.span.start)
    out = find_memberships(art, doc, ents, mentions)
    return {(m.person, m.organization, m.role, m.former) for m in out}


def test_a_copulas_subject_holds_the_role_past_an_appositive_naming_another_person(
        vocab, monkeypatch):
    assert _memberships(vocab, HALTZEL) == {
        ("jane doe", "example institute", "Senior Fellow", False)}
    monkeypatch.setattr(R, "COPULA_SUBJECT", 0)  # the person nearest the role took it
    assert _memberships(vocab, HALTZEL) == {
        ("ann lee", "example institute", "Senior Fellow", False)}


def test_a_former_role_after_the_copula_and_no_role_without_a_copula(vocab):
    former = HALTZEL[:10] + [("a", 13, "det"), ("former", 13, "amod"), ("Senior", 13, "compound"),
                             ("Fellow", 9, "attr"), ("at", 13, "prep"),
                             ("Example", 16, "compound"), ("Institute", 14, "pobj"),
                             (".", 9, "punct")]
    assert ("jane doe", "example institute", "Senior Fellow", True) in _memberships(vocab, former)
    # "Jane Doe, adviser to Ann Lee, met Senior Fellow ...": no copula, no role
    met = [(w, h, "dobj" if d == "attr" else d) if w != "is" else ("met", h, d)
           for w, h, d in HALTZEL]
    assert _memberships(vocab, met) == set()


# "Jane Doe, a former aide to Ann Lee and now the chairman of Example Institute, said ..."
DIAZ = [("Jane", 1, "compound"), ("Doe", 17, "nsubj"), (",", 1, "punct"), ("a", 5, "det"),
        ("former", 5, "amod"), ("aide", 1, "appos"), ("to", 5, "prep"), ("Ann", 8, "compound"),
        ("Lee", 6, "pobj"), ("and", 5, "cc"), ("now", 12, "advmod"), ("the", 12, "det"),
        ("chairman", 5, "conj"), ("of", 12, "prep"), ("Example", 15, "compound"),
        ("Institute", 13, "pobj"), (",", 1, "punct"), ("said", 17, "ROOT")]


def test_a_role_coordinated_with_an_appositive_belongs_to_its_head(vocab, monkeypatch):
    assert _memberships(vocab, DIAZ) == {
        ("jane doe", "example institute", "chairman", False)}
    monkeypatch.setattr(R, "APPOS_HOLDER", 0)  # the person nearest the role took it
    assert _memberships(vocab, DIAZ) == {("ann lee", "example institute", "chairman", False)}


def test_an_appositive_role_with_a_plain_noun_before_it(vocab, monkeypatch):
    # "Jane Doe, a labor economist at Example Institute, said": "labor" is no link word
    parse = [("Jane", 1, "compound"), ("Doe", 10, "nsubj"), (",", 1, "punct"), ("a", 5, "det"),
             ("labor", 5, "compound"), ("economist", 1, "appos"), ("at", 5, "prep"),
             ("Example", 8, "compound"), ("Institute", 6, "pobj"), (",", 1, "punct"),
             ("said", 10, "ROOT")]
    assert _memberships(vocab, parse) == {
        ("jane doe", "example institute", "labor economist", False)}
    monkeypatch.setattr(R, "APPOS_HOLDER", 0)
    assert _memberships(vocab, parse) == set()


def test_no_appositive_holder_past_another_name(vocab):
    # "Jane Doe, Tanden, head of Example Institute, said": Tanden is no mention here
    parse = [("Jane", 1, "compound"), ("Doe", 10, "nsubj"), (",", 1, "punct"),
             ("Tanden", 1, "appos"), (",", 1, "punct"), ("head", 1, "appos"), ("of", 5, "prep"),
             ("Example", 8, "compound"), ("Institute", 6, "pobj"), (",", 1, "punct"),
             ("said", 10, "ROOT")]
    assert _memberships(vocab, parse) == set()


def _plain(text: str, people: list[str], orgs: list[str]):
    """Memberships of ``text`` split into sentences by the sentencizer, mentions by name."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ents, mentions = [], []
    for names, etype in ((people, "Person"), (orgs, "Organization")):
        for n in names:
            ents.append(Entity(n.casefold(), etype, n))
            a = text.find(n)
            while a >= 0:
                mentions.append(Mention(n.casefold(), Span(a, a + len(n), n), 1))
                a = text.find(n, a + 1)
    mentions.sort(key=lambda m: m.span.start)
    out = find_memberships(read_text(text), nlp(text), ents, mentions)
    return {(m.person, m.organization, m.role, m.former) for m in out}


def test_an_organizations_named_person_is_affiliated_with_it(monkeypatch):
    text = "Breitbart\u2019s Joel Pollak said the report was wrong."
    assert _plain(text, ["Joel Pollak"], ["Breitbart"]) == {
        ("joel pollak", "breitbart", "", False)}
    monkeypatch.setattr(R, "ORG_POSSESSIVE_PERSON", 0)
    assert _plain(text, ["Joel Pollak"], ["Breitbart"]) == set()


def test_no_affiliation_through_a_surname_the_tagger_took_for_an_organization():
    text = "Donald Trump spoke. Later Trump's Mike Pence spoke too."
    assert _plain(text, ["Donald Trump", "Mike Pence"], ["Trump"]) == set()


def test_each_coordinated_person_of_an_organization():
    text = "By Acme Weekly's Jane Roe, John Doe, and Ann Lee."
    got = _plain(text, ["Jane Roe", "John Doe", "Ann Lee"], ["Acme Weekly"])
    assert got == {(p, "acme weekly", "", False) for p in ("jane roe", "john doe", "ann lee")}


def test_a_past_president_is_a_former_one(vocab, monkeypatch):
    # "Jane Doe, past president of Example Institute, said"
    parse = [("Jane", 1, "compound"), ("Doe", 9, "nsubj"), (",", 1, "punct"),
             ("past", 4, "amod"), ("president", 1, "appos"), ("of", 4, "prep"),
             ("Example", 7, "compound"), ("Institute", 5, "pobj"), (",", 1, "punct"),
             ("said", 9, "ROOT")]
    assert _memberships(vocab, parse) == {("jane doe", "example institute", "president", True)}
    monkeypatch.setattr(R, "PAST_IS_FORMER", 0)
    assert _memberships(vocab, parse) == {
        ("jane doe", "example institute", "past president", False)}

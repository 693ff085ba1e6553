"""Roles: lower-case modifiers between "the" and an organization's name ("an analyst at
the libertarian Cato Institute", "a member of the center-left Social Democratic Party")."""

from __future__ import annotations

from claimgraph.extract import entities as E
from claimgraph.extract import roles as R
from claimgraph.extract.readers import read_text


def _memberships(text: str, names: list[tuple[str, str]]) -> set[tuple]:
    import spacy
    from spacy.tokens import Span as SpacySpan

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    ents = []
    for name, label in names:
        sp = doc.char_span(text.find(name), text.find(name) + len(name))
        ents.append(SpacySpan(doc, sp.start, sp.end, label=label))
    doc.ents = ents
    art = read_text(text)
    es, ms, _i = E.build_entities(art, doc)
    return {(m.person, m.organization, m.role, m.former)
            for m in R.find_memberships(art, doc, es, ms)}


TEXT = ("Michael Tanner, an analyst at the libertarian Cato Institute, said the plan was vague. "
        "Ann Roe, a former fellow at the left-leaning Center for American Progress, agreed.")
NAMES = [("Michael Tanner", "PERSON"), ("Cato Institute", "ORG"), ("Ann Roe", "PERSON"),
         ("Center for American Progress", "ORG")]


def test_modifiers_before_the_organization(monkeypatch):
    assert _memberships(TEXT, NAMES) == {
        ("michael tanner", "cato institute", "analyst", False),
        ("ann roe", "center for american progress", "fellow", True)}
    monkeypatch.setattr(R, "ORG_MODIFIERS", 0)
    assert _memberships(TEXT, NAMES) == set()


def test_no_modifier_across_a_preposition():
    # "of the board of" is no modifier run: the role stays the one before the last "of"
    text = "Jo Park, the chairman of the board of Acme Corp, said no."
    got = _memberships(text, [("Jo Park", "PERSON"), ("Acme Corp", "ORG")])
    assert got == _memberships_off(text, [("Jo Park", "PERSON"), ("Acme Corp", "ORG")])


def _memberships_off(text, names):
    old = R.ORG_MODIFIERS
    R.ORG_MODIFIERS = 0
    try:
        return _memberships(text, names)
    finally:
        R.ORG_MODIFIERS = old

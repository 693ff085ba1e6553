"""Titles before a name: organization + role noun, legislators' Sen./Rep., plural titles."""

from __future__ import annotations

import re

import pytest
from claimgraph.extract.readers import read_text
from claimgraph.extract.records import Entity, Mention, Span
from claimgraph.extract.roles import find_memberships

PEOPLE = ["Jane Doe", "John Roe", "Ann Poe", "Max Moe"]


@pytest.fixture(scope="module")
def nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def memberships(nlp, text: str, orgs: list[str]) -> set[tuple[str, str, str, bool]]:
    """Roles of ``text`` with mentions found by exact name (no NER needed)."""
    art = read_text(text)
    mentions, ents = [], {}
    for names, etype in ((PEOPLE, "Person"), (orgs, "Organization")):
        for n in names:
            ents[n.casefold()] = Entity(n.casefold(), etype, n)
            for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
                mentions.append(Mention(n.casefold(), Span(m.start(), m.end(), n), 1))
    mentions.sort(key=lambda m: m.span.start)
    out = find_memberships(art, nlp(text), ents.values(), mentions)
    for m in out:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.text
    return {(m.person, m.organization, m.role, m.former) for m in out}


def test_lower_case_multiword_title(nlp):
    got = memberships(nlp, "Acme Bank board member Jane Doe resigned.", ["Acme Bank"])
    assert got == {("jane doe", "acme bank", "board member", False)}


def test_body_and_capitalised_title(nlp):
    got = memberships(nlp, "Senate Majority Leader Jane Doe (R-Ky.) blocked the bill.", ["Senate"])
    assert got == {("jane doe", "senate", "Majority Leader", False)}


def test_former_before_the_organization(nlp):
    got = memberships(nlp, "Former Treasury Secretary Jane Doe disagreed.", ["Treasury"])
    assert got == {("jane doe", "treasury", "Secretary", True)}


def test_possessive_organization(nlp):
    got = memberships(nlp, "Then Acme Bank's chief executive John Roe spoke.", ["Acme Bank"])
    assert got == {("john roe", "acme bank", "chief executive", False)}


def test_lower_case_words_that_are_no_title(nlp):
    assert memberships(nlp, "Acme Bank said on Monday Jane Doe left.", ["Acme Bank"]) == set()
    assert memberships(nlp, "Acme Bank customers Jane Doe and John Roe sued.", ["Acme Bank"]) == set()


def test_campaign_of_a_name_is_no_employer(nlp):
    # NER sometimes types a candidate's name as an organization
    assert memberships(nlp, "Roe campaign chairman Jane Doe quit.", ["Roe"]) == set()


def test_plural_title_goes_to_each_coordinated_person(nlp):
    got = memberships(nlp, "Acme Bank board members Jane Doe and John Roe voted no.",
                      ["Acme Bank"])
    assert got == {("jane doe", "acme bank", "board member", False),
                   ("john roe", "acme bank", "board member", False)}


def test_senator_needs_the_chamber_named(nlp):
    text = "Ohio Sen. Jane Doe grilled the CEO."
    assert memberships(nlp, text, []) == set()
    got = memberships(nlp, text + " The Senate will vote.", ["Senate"])
    assert got == {("jane doe", "senate", "senator", False)}


def test_representative_falls_back_to_congress(nlp):
    got = memberships(nlp, "Congress left town, said former Rep. John Roe.", ["Congress"])
    assert got == {("john roe", "congress", "representative", True)}


def test_state_senator_is_not_the_senate(nlp):
    assert memberships(nlp, "State Sen. Jane Doe spoke. The Senate met.", ["Senate"]) == set()
    assert memberships(nlp, "The state Sen. Jane Doe spoke. The Senate met.", ["Senate"]) == set()


def test_plural_abbreviated_title_with_party_tags(nlp):
    text = ("The Senate heard Sens. Jane Doe (D-Ore.), John Roe (D-Ohio) and Ann Poe (R-N.J.), "
            "while Max Moe watched.")
    got = memberships(nlp, text, ["Senate"])
    assert got == {(p, "senate", "senator", False) for p in ("jane doe", "john roe", "ann poe")}


def test_singular_title_does_not_spread(nlp):
    got = memberships(nlp, "The Senate heard Sen. Jane Doe and John Roe.", ["Senate"])
    assert got == {("jane doe", "senate", "senator", False)}


def test_ambassador_to_an_organization(nlp):
    got = memberships(nlp, "Jane Doe, ambassador to the United Nations, objected.",
                      ["United Nations"])
    assert got == {("jane doe", "united nations", "ambassador", False)}
    assert memberships(nlp, "Jane Doe, an economist, went to the United Nations.",
                       ["United Nations"]) == set()


def test_appositive_organization_and_title(nlp):
    got = memberships(nlp, "John Roe, Acme Bank's chief executive, apologized. Jane Doe, a former "
                           "Acme Bank economist, agreed.", ["Acme Bank"])
    assert got == {("john roe", "acme bank", "chief executive", False),
                   ("jane doe", "acme bank", "economist", True)}
    # the organization is the object of something else, not a title's
    assert memberships(nlp, "Jane Doe, the Acme Bank deal, closed.", ["Acme Bank"]) == set()


def test_then_marks_a_past_title(nlp):
    got = memberships(nlp, "She ran against then-Sen. Jane Doe. The Senate agreed.", ["Senate"])
    assert got == {("jane doe", "senate", "senator", True)}
    got = memberships(nlp, "He met then-Acme Bank CEO John Roe.", ["Acme Bank"])
    assert got == {("john roe", "acme bank", "CEO", True)}

"""Roles and affiliations as stated, current or former."""

from __future__ import annotations

import re

import pytest
from claimgraph.extract.readers import read_text
from claimgraph.extract.records import Entity, Mention, Span
from claimgraph.extract.roles import find_memberships

PEOPLE = ["Stephen Roach", "Shen Jianguang", "Tony Pasquariello", "Victor Haghani",
          "Stephen Miran", "Miran", "Jane Doe", "David Solomon", "Liu Gang", "Wu Jinduo"]
ORGS = ["Example Institute", "Morgan Stanley", "Yale Law School", "Paul Tsai China Center", "European Central Bank",
        "JD.com", "Goldman Sachs", "Long-Term Capital Management", "LTCM", "Hudson Bay Capital",
        "White House Council of Economic Advisers", "Acme Bank", "Fudan Development Institute",
        "China International Capital Corporation"]
KEY = {"Miran": "stephen miran", "LTCM": "long-term capital management"}


@pytest.fixture(scope="module")
def nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def memberships(nlp, text: str) -> set[tuple[str, str, str, bool]]:
    """Roles of ``text`` with mentions found by exact name (no NER needed)."""
    art = read_text(text)
    mentions, ents = [], {}
    for names, etype in ((PEOPLE, "Person"), (ORGS, "Organization")):
        for n in names:
            key = KEY.get(n, n.casefold())
            ents[key] = Entity(key, etype, n)
            for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
                mentions.append(Mention(key, Span(m.start(), m.end(), n), 1))
    mentions.sort(key=lambda m: m.span.start)
    out = find_memberships(art, nlp(text), ents.values(), mentions)
    for m in out:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.text
    return {(m.person, m.organization, m.role, m.former) for m in out}


def test_former_and_current_roles_chain(nlp):
    got = memberships(nlp, "Stephen Roach, former Chief Economist at Morgan Stanley and now a "
                           "Senior Fellow at Yale Law School's Paul Tsai China Center, commented.")
    assert got == {("stephen roach", "morgan stanley", "Chief Economist", True),
                   ("stephen roach", "paul tsai china center", "Senior Fellow", False)}


def test_previously_served_and_currently(nlp):
    got = memberships(nlp, "The article mentions that Shen Jianguang, who previously served as a "
                           "senior economist at the European Central Bank, is currently the Chief "
                           "Economist at JD.com (Jingdong Group).")
    assert got == {("shen jianguang", "european central bank", "senior economist", True),
                   ("shen jianguang", "jd.com", "Chief Economist", False)}


def test_head_of_an_organizations_business(nlp):
    got = memberships(nlp, "Tony Pasquariello, head of Goldman Sachs' hedge fund business, "
                           "published a report.")
    assert got == {("tony pasquariello", "goldman sachs", "head of hedge fund business", False)}


def test_co_founded_by(nlp):
    got = memberships(nlp, "Long-Term Capital Management (LTCM) was a hedge fund co-founded by "
                           "Victor Haghani, mentioned in the article.")
    assert got == {("victor haghani", "long-term capital management", "co-founder", False)}


def test_appointed_as_chairman_with_a_short_name(nlp):
    got = memberships(nlp, "After the election, Miran was appointed as chairman of the White House "
                           "Council of Economic Advisers.")
    assert got == {("stephen miran", "white house council of economic advisers", "chairman",
                    False)}


def test_former_firm_of(nlp):
    got = memberships(nlp, "Hudson Bay Capital is mentioned as the former firm of Stephen Miran, a "
                           "former senior strategist who wrote a paper.")
    assert got == {("stephen miran", "hudson bay capital", "senior strategist", True)}


def test_is_identified_as_and_is_the(nlp):
    got = memberships(nlp, "Wu Jinduo is identified as a part-time researcher at the Fudan "
                           "Development Institute. Liu Gang is the Chief Overseas and Hong Kong "
                           "Stock Strategist at China International Capital Corporation (CICC).")
    assert got == {("wu jinduo", "fudan development institute", "part-time researcher", False),
                   ("liu gang", "china international capital corporation",
                    "Chief Overseas and Hong Kong Stock Strategist", False)}


def test_organization_before_title(nlp):
    got = memberships(nlp, "Goldman Sachs CEO David Solomon spoke on Monday.")
    assert got == {("david solomon", "goldman sachs", "CEO", False)}


def test_pronoun_subject_takes_the_previous_person(nlp):
    got = memberships(nlp, "Jane Doe spoke first. She is a senior analyst at Acme Bank.")
    assert got == {("jane doe", "acme bank", "senior analyst", False)}


@pytest.mark.parametrize("text", [
    "Jane Doe said the chairman of Acme Bank resigned.",
    "Jane Doe met the Chief Economist at Morgan Stanley.",
    "Acme Bank hired a new head of research, Jane Doe said.",
])
def test_no_role_without_a_linking_clause(nlp, text):
    assert memberships(nlp, text) == set()


@pytest.mark.slow
def test_example_article_roles(example_path):
    from claimgraph.extract.entities import build_entities
    from claimgraph.extract.pipeline import load_nlp
    from claimgraph.extract.readers import read_file

    art = read_file(example_path)
    doc = load_nlp()(art.text)
    ents, mentions, _ = build_entities(art, doc)
    got = {(m.person, m.organization, m.role, m.former)
           for m in find_memberships(art, doc, ents, mentions)}
    assert got == {
        ("eric robertsen", "standard chartered bank", "Chief Strategist and Global Head of Research",
         False),
        ("stephen roach", "morgan stanley", "Chief Economist", True),
        ("stephen roach", "paul tsai china center", "Senior Fellow", False),
        ("shen jianguang", "european central bank", "senior economist", True),
        ("shen jianguang", "jd.com", "Chief Economist", False),
        ("liu gang", "china international capital corporation",
         "Chief Overseas and Hong Kong Stock Strategist", False),
        ("wong ka-shing", "invesco", "Managing Director and Head of Asia Pacific Fixed Income", False),
        ("wu jinduo", "fudan development institute", "part-time researcher", False),
        ("stephen miran", "hudson bay capital", "senior strategist", True),
        ("stephen miran", "white house council of economic advisers", "chairman", False),
        ("victor haghani", "long-term capital management", "co-founder", False),
        ("tony pasquariello", "goldman sachs", "head of hedge fund business", False),
        # the byline "By Caixin Weekly's Wang Liwei, Ding Feng, and Wang Shiyu"
        ("wang liwei", "caixin weekly", "", False), ("ding feng", "caixin weekly", "", False),
        ("wang shiyu", "caixin weekly", "", False),
    }


def test_served_as_is_former_and_now_is_current(nlp):
    got = memberships(nlp, "Jane Doe, an economist who served as director of Acme Bank and is now "
                           "president of Example Institute, spoke.")
    assert got == {("jane doe", "acme bank", "director", True),
                   ("jane doe", "example institute", "president", False)}


def test_division_keeps_its_preposition(nlp):
    got = memberships(nlp, "Jane Doe, an economist at Acme Bank's policy center, said so.")
    assert got == {("jane doe", "acme bank", "economist at policy center", False)}

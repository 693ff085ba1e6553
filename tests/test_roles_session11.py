"""Roles (session 11): a legislator's party-state tag ("Sen. Bernie Sanders (I-Vt.)",
"Ted Cruz, R-Texas", "Chuck Grassley, Republican of Iowa") gives the party and the state."""

from __future__ import annotations

import pytest
from claimgraph.extract import entities as E
from claimgraph.extract import roles as R
from claimgraph.extract.names import STATES, party_state_tag, party_state_tags, us_state
from claimgraph.extract.readers import read_text

TEXT = ("Sen. Bernie Sanders (I-Vt.) spoke first. Rep. Adam Schiff (D-Calif.) agreed with "
        "Marco Rubio (R-Fla.), and Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) did "
        "too, as did Ted Cruz, R-Texas, and Chuck Grassley, Republican of Iowa. "
        "Jane Roe, a Democrat from Ohio, was not asked.")
PERSONS = ["Bernie Sanders", "Adam Schiff", "Marco Rubio", "Jon Tester", "David Vitter",
           "Ted Cruz", "Chuck Grassley", "Jane Roe"]


def test_every_state_by_its_short_forms():
    assert len(set(STATES.values())) == 51  # the 50 states and the District of Columbia
    assert [us_state(f) for f in ("Vt.", "Calif.", "N.Y.", "N.Y", "NY", "Texas", "Tex.", "TX",
                                  "W.Va.", "Wisc.", "Kans.", "Loudoun")] == [
        "Vermont", "California", "New York", "New York", "New York", "Texas", "Texas", "Texas",
        "West Virginia", "Wisconsin", "Kansas", None]


def test_tags_and_their_spans():
    tags = party_state_tags(TEXT)
    got = [(t.party, t.state, TEXT[t.state_start:t.state_end]) for t in tags]
    assert got == [("", "Vermont", "Vt."), ("Democratic Party", "California", "Calif."),
                   ("Republican Party", "Florida", "Fla."),
                   ("Democratic Party", "Montana", "Mont."),
                   ("Republican Party", "Louisiana", "La."), ("Republican Party", "Texas", "Texas"),
                   ("Republican Party", "Iowa", "Iowa"), ("Democratic Party", "Ohio", "Ohio")]
    assert party_state_tag("Chris Collins, R-NY. He", 13).state_end == 19  # not the period
    assert party_state_tag("Jo Li (R-Loudoun)", 5) is None  # a county, not a state
    assert party_state_tag("Al Green, a Democrat from Kansas City, said", 8) is None


@pytest.fixture(scope="module")
def built():
    import spacy
    from spacy.tokens import Span as SpacySpan

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    ents = []
    for name in PERSONS:
        a = TEXT.find(name)
        ents.append(SpacySpan(doc, doc.char_span(a, a + len(name)).start,
                              doc.char_span(a, a + len(name)).end, label="PERSON"))
    doc.ents = ents
    return read_text(TEXT), doc


def _run(built):
    art, doc = built
    ents, mentions, _index = E.build_entities(art, doc)
    return ents, mentions, R.find_memberships(art, doc, ents, mentions)


def test_party_and_state_memberships(built, monkeypatch):
    ents, mentions, ms = _run(built)
    types = {e.key: e.type for e in ents}
    assert types["vermont"] == types["california"] == "Place"
    assert types["democratic party"] == "Organization"
    vt = next(m for m in mentions if m.entity == "vermont")
    assert vt.span.text == "Vt."  # the abbreviation is the state's mention
    got = {(m.person, m.organization, m.role) for m in ms}
    assert {("bernie sanders", "vermont", "independent senator"),
            ("adam schiff", "california", "representative"),
            ("adam schiff", "democratic party", "member"),
            ("marco rubio", "florida", "legislator"),
            ("jon tester", "montana", "senator"),
            ("david vitter", "louisiana", "senator"),  # "Sens." covers both
            ("ted cruz", "texas", "legislator"),
            ("ted cruz", "republican party", "member"),
            ("chuck grassley", "republican party", "member"),
            ("jane roe", "democratic party", "member")} <= got
    assert not any(m.person == "bernie sanders" and "party" in m.organization for m in ms)
    # a title-less appositive is a voter's party, not an office
    assert not any(m.person in ("jane roe", "chuck grassley") and types[m.organization] == "Place"
                   for m in ms)


def test_flags_off_give_nothing(built, monkeypatch):
    monkeypatch.setattr(R, "PARTY_STATE_MEMBERSHIPS", 0)
    _e, _m, ms = _run(built)
    assert not ms
    monkeypatch.setattr(R, "PARTY_STATE_MEMBERSHIPS", 1)
    monkeypatch.setattr(E, "PARTY_STATE_TAGS", 0)
    ents, _m, ms = _run(built)
    assert "vermont" not in {e.key for e in ents}
    assert not ms


def test_a_title_opened_by_a_chamber_names_the_office(monkeypatch):
    assert R._title_of("Senate Majority Leader Mitch McConnell", 23)[0] == "senator"
    assert R._title_of("House Judiciary Committee Chairman Bob Goodlatte", 35)[0] \
        == "representative"
    assert R._title_of("White House Press Secretary Josh Earnest", 28) is None
    monkeypatch.setattr(R, "CHAMBER_TITLES", 0)
    assert R._title_of("Senate Majority Leader Mitch McConnell", 23) is None


def test_a_tag_after_jr():
    text = "Sens. Joe Manchin (D-WV), Bob Casey Jr. (D-PA), and Tim Kaine"
    tag = party_state_tag(text, text.find(" Jr") + 3)
    assert (tag.party, tag.state) == ("Democratic Party", "Pennsylvania")
    assert [t.state for t in party_state_tags(text)] == ["West Virginia", "Pennsylvania"]


def test_a_state_before_a_title(monkeypatch):
    import spacy
    from spacy.tokens import Span as SpacySpan

    text = "Former Florida Gov. Jeb Bush met Ohio Gov. John Kasich and Vermont Sen. Bernie Sanders."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    ents = []
    for name, label in (("Florida", "GPE"), ("Jeb Bush", "PERSON"), ("Ohio", "GPE"),
                        ("John Kasich", "PERSON"), ("Vermont", "GPE"),
                        ("Bernie Sanders", "PERSON")):
        sp = doc.char_span(text.find(name), text.find(name) + len(name))
        ents.append(SpacySpan(doc, sp.start, sp.end, label=label))
    doc.ents = ents
    art = read_text(text)

    def run():
        es, ms, _i = E.build_entities(art, doc)
        return {(m.person, m.organization, m.role, m.former)
                for m in R.find_memberships(art, doc, es, ms)}

    assert run() == {("jeb bush", "florida", "governor", True),
                     ("john kasich", "ohio", "governor", False),
                     ("bernie sanders", "vermont", "senator", False)}
    monkeypatch.setattr(R, "STATE_TITLES", 0)
    assert run() == set()

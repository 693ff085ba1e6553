"""Groups of speakers and the names around them, end to end through the extractor:
"they" after a coordinated source, a legislator's party between commas, a title after
a place-based description, a plan's name without its article, an acronym whose last
period the tokenizer took."""

from __future__ import annotations

import pytest
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_text


def _extract(text: str):
    return extract_article(read_text(text, "hand-written.txt"))


def _speakers(ex, needle: str) -> set[str]:
    return {c.speaker for c in ex.claims if needle in ex.article.text[c.content.start:c.content.end]}


@pytest.fixture(scope="module")
def senators():
    return _extract(
        "Farm Program Faces Vote.\n\n"
        "Critics of the farm program, like Senators Martha Quill, Republican of Kansas, and "
        "Daniel Ostrow, Democrat of Maine, see the vote as a chance to fix it. They sent a "
        "letter on Monday to Senate leaders opposing the bill.\n\n"
        "\"The program has become a giveaway to the largest farms,\" they wrote.\n")


def test_they_after_a_coordinated_source_is_the_group(senators):
    assert _speakers(senators, "giveaway") == {"martha quill", "daniel ostrow"}


def test_party_between_commas_still_coordinates(senators):
    assert _speakers(senators, "chance to fix") == {"martha quill", "daniel ostrow"}
    roles = {(m.person, m.role, m.organization) for m in senators.memberships}
    assert ("daniel ostrow", "senator", "senate") in roles


def test_they_without_a_group_keeps_the_coreference():
    ex = _extract(
        "Bank Warns.\n\n"
        "Acme Bank said on Monday that profits would fall. \"We expect a hard year,\" "
        "they said.\n")
    assert _speakers(ex, "hard year") <= {"acme bank"}


def test_they_after_a_single_named_speaker_keeps_the_coreference():
    ex = _extract(
        "Vote Nears.\n\n"
        "Senators Martha Quill and Daniel Ostrow said the bill was flawed. Acme Bank "
        "said the bill would pass. \"It is a fine bill,\" they said.\n")
    # the nearest named source is one organization, not the senators' group
    assert "martha quill" not in _speakers(ex, "fine bill")


def test_role_after_a_place_based_description():
    ex = _extract(
        "Visas Debated.\n\n"
        "Jane Alder, a Denver-based developer and spokeswoman for the Plains Investment "
        "Coalition, said the program works.\n")
    roles = {(m.person, m.organization) for m in ex.memberships}
    assert ("jane alder", "plains investment coalition") in roles
    role = next(m.role for m in ex.memberships if m.person == "jane alder")
    assert "Denver-based" not in role and role.endswith("spokeswoman")


def test_plan_name_drops_the_article_and_the_possessive():
    ex = _extract(
        "Rules Challenged.\n\n"
        "States are challenging the Environmental Protection Agency's Clean Water Plan "
        "rules.\n\nThe Clean Water Plan was designed to cut pollution by 2030.\n")
    # spaCy may tag it an organization or leave it to the concept rules: either way, one
    # name without "The" or the agency before it
    names = {e.name for e in ex.entities if "Plan" in e.name}
    assert names == {"Clean Water Plan"}


def test_acronym_source_without_its_last_period():
    ex = _extract(
        "Oversight.\n\n"
        "The Securities and Exchange Commission (S.E.C.) filed a complaint. The agency "
        "oversees the program The S.E.C. said it would increase oversight as well.\n")
    assert "securities and exchange commission" in _speakers(ex, "increase oversight")


def test_a_surname_named_alone_first_is_not_a_later_relative():
    ex = _extract(
        "Turnout Push.\n\n"
        "President Darnell spoke on Saturday. Mr. Darnell said turnout mattered. Aides to "
        "Mr. Darnell agreed.\n\n"
        "The campaign will also send the first lady, Rosa Darnell, to Ohio. \"We need every "
        "vote,\" Mr. Darnell said.\n")
    persons = {e.name for e in ex.entities if e.type == "Person"}
    assert {"Darnell", "Rosa Darnell"} <= persons
    assert _speakers(ex, "every vote") == {"darnell"}


def test_a_headline_surname_still_takes_the_full_name():
    ex = _extract(
        "Darnell Warns Of Turnout Gap.\n\n"
        "Rosa Darnell, the campaign chair, said turnout mattered. \"We need every vote,\" "
        "Darnell said.\n")
    assert _speakers(ex, "every vote") == {"rosa darnell"}


def test_a_caption_noun_is_not_part_of_a_name():
    ex = _extract(
        "Rally.\n\n"
        "[Video: FULL SPEECH: President Darnell Speech at Union Hall (9/17/16)]\n\n"
        "Mr. Darnell said the union would decide.\n")
    assert not any(e.name.endswith("Speech") for e in ex.entities)

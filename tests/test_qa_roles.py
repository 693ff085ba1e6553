"""Who holds a role the graph has no affiliation for: "Who is the ranking Democrat on the
panel?" ("said Rep. Ann Lee of Ohio, the panel's ranking Democrat"), "Who chairs the
Finance Committee?" ("panel Chairman Rep. Dan Fox", the committee named elsewhere in the
article): a sentence writing the role's words with a person named right by them answers;
a role no sentence writes so is still refused.

The router test is fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_a_role_on_an_organization_routes_as_a_role():
    r = route("Who is the ranking Democrat on the panel?")
    assert (r.name, r.role, r.subject, r.wants_person) == ("membership", "ranking Democrat",
                                                           "panel", True)


ART = "ex:roles"
PARAS = [
    "The City Finance Committee voted 9-4 to send the budget to the full council.",
    "\"This is a ploy,\" said Rep. Ann Lee of Ohio, the panel's ranking Democrat.",
    "\"Budgets are not optional,\" panel Chairman Rep. Dan Fox (R-Utah) said after the vote.",
    "Bob Ray, a council member, said the vote was expected.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:fox": {"en": ["Dan Fox"], "zh": []},
          "ex:ray": {"en": ["Bob Ray"], "zh": []},
          "ex:cfc": {"en": ["City Finance Committee"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:fox": "Person", "ex:ray": "Person", "ex:cfc": "Organization"}


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine([], LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_the_person_a_sentence_gives_the_role_answers(engine):
    top = _top(engine.ask("Who is the ranking Democrat on the panel?"))
    assert top["speaker"]["label"] == "Ann Lee" and "ranking Democrat" in top["evidence"][0]["quote"]
    top = _top(engine.ask("Who chairs the City Finance Committee?"))
    assert top["speaker"]["label"] == "Dan Fox"


@pytest.mark.slow
def test_a_role_no_sentence_gives_a_person_is_refused(engine):
    assert engine.ask("Who is the treasurer of the City Finance Committee?")["abstained"]


LEADER = [
    "Obama's 2012 visit was preceded by a visit from Senate Republican leader Mitch Hale.",
    "Obama has had a frosty relationship with Mitch Hale, now the Senate majority leader, who in "
    "2010 said the party's most important goal was to make Obama a one-term president, and who "
    "has blocked his nominees and his budget ever since.",
]


@pytest.fixture(scope="module")
def leader():
    from claimgraph.qa.verbalize import Statement
    from qa_handbuilt import evidence

    labels = {"ex:hale": {"en": ["Mitch Hale"], "zh": []}, "ex:senate": {"en": ["Senate"], "zh": []}}
    types = {"ex:hale": "Person", "ex:senate": "Organization"}
    text = "\n".join(LEADER)
    aff = Statement("affiliation", "Mitch Hale is Republican leader at Senate",
                    "Mitch Hale is Republican leader at Senate", {"iri": "ex:hale", "label": "Mitch Hale"},
                    [evidence(text, "ex:leader", LEADER[0])], ("ex:hale", "ex:senate"),
                    ("ex:hale", "ex:senate"), role="Republican leader")
    return handbuilt_engine([aff], labels, types, LEADER, "ex:leader")


@pytest.mark.slow
def test_a_statement_writing_the_whole_role_answers_first(leader):
    top = _top(leader.ask("Who is the Senate majority leader?"))
    assert top["speaker"]["label"] == "Mitch Hale" and "majority leader" in top["evidence"][0]["quote"]

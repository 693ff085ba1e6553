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

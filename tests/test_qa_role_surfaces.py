""""What did Rowan's campaign manager say?" is the person the article describes so, though
the question names Jane Rowan by surname (routes.ROLE_SURFACES) and types a straight
apostrophe where the article prints a curly one (roles.DESCRIBED_APOSTROPHES); and the
holder is the role's in a sentence that writes the name beside the role noun: Tom Bell,
named in the same sentence but far from "campaign manager", has no campaign manager there.

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os
from functools import partial

import pytest
from claimgraph.qa import roles, routes
from qa_handbuilt import claim, evidence, handbuilt_engine, top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:roles"
PARAS = [
    "Mayor Jane Rowan\u2019s longtime campaign manager Sam Hill said in an interview on Tuesday "
    "that Governor Tom Bell \u201cabandoned our cities when they asked for help.\u201d",
    "Bell said the cities had received more state money this year than ever before.",
    "Mayor Jane Rowan\u2019s spokeswoman Ann Ford said the mayor would not debate Bell.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:rowan": {"en": ["Jane Rowan"], "zh": []}, "ex:hill": {"en": ["Sam Hill"], "zh": []},
          "ex:bell": {"en": ["Tom Bell", "Bell"], "zh": []}, "ex:ford": {"en": ["Ann Ford"], "zh": []}}
TYPES = {"ex:rowan": "Person", "ex:hill": "Person", "ex:bell": "Person", "ex:ford": "Person"}


@pytest.fixture(scope="module")
def engine():
    ev = partial(evidence, TEXT, ART)
    stmts = [
        claim(LABELS, ev, "ex:hill", "said", "Governor Tom Bell \u201cabandoned our cities when "
              "they asked for help.\u201d", PARAS[0], ("ex:bell",)),
        claim(LABELS, ev, "ex:bell", "said", "the cities had received more state money this "
              "year than ever before", PARAS[1]),
        claim(LABELS, ev, "ex:ford", "said", "the mayor would not debate Bell", PARAS[2],
              ("ex:rowan", "ex:bell")),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def test_a_role_of_a_person_named_by_surname(engine, monkeypatch):
    q = "What did Rowan's campaign manager say about Governor Bell?"
    assert top(engine.ask(q))["speaker"]["iri"] == "ex:hill"
    monkeypatch.setattr(routes, "ROLE_SURFACES", 0)
    monkeypatch.setattr(roles, "OWNER_POSSESSIVE", 0)  # (which finds him too)
    res = engine.ask(q)
    assert res["abstained"] or res["answers"][0]["speaker"]["iri"] != "ex:hill", res


def test_no_holder_for_a_name_far_from_the_role_noun(engine, monkeypatch):
    subject = "Bell's campaign manager"
    links = engine.linker.link(subject)
    assert engine._role_holder(subject, {"ex:bell"}, links) == set()
    monkeypatch.setattr(routes, "ROLE_SURFACES", 0)
    assert engine._role_holder(subject, {"ex:bell"}, links)  # whoever is nearest "manager"


def test_a_description_matches_either_apostrophe(engine, monkeypatch):
    assert engine.described_as("Rowan's spokeswoman") == {"ex:ford"}
    assert engine.described_as("Rowan\u2019s spokeswoman") == {"ex:ford"}
    monkeypatch.setattr(roles, "DESCRIBED_APOSTROPHES", 0)
    engine.__dict__.pop("_near_cache", None)
    assert engine.described_as("Rowan's spokeswoman") == set()
    engine.__dict__.pop("_near_cache", None)

""""What did Congress say about X?" is not answered by a member's claim: a senator speaks
for herself, not for the Senate or Congress (routes.LEGISLATURES), while an organization's
officials still speak for it. "How did President Obama respond to Y?" is what Obama said,
the title before the linked name notwithstanding (router.TITLED_DOERS).

The engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os

import pytest
from claimgraph.qa import router, routes
from claimgraph.qa.router import did_of
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import evidence, handbuilt_engine

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:legis"
PARAS = [
    "Sen. Ann Lee, a member of Congress, said she would introduce legislation to close real "
    "estate tax loopholes.",
    "Acme Bank chief economist Tom Fisk said the loopholes cost the Treasury billions.",
    "Congress adjourned on Friday.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []}, "ex:fisk": {"en": ["Tom Fisk", "Fisk"], "zh": []},
          "ex:congress": {"en": ["Congress"], "zh": []}, "ex:acme": {"en": ["Acme Bank"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:fisk": "Person", "ex:congress": "Organization",
         "ex:acme": "Organization"}


def _claim(iri: str, body: str, role: str, content: str, para: str) -> Statement:
    lab = LABELS[iri]["en"][0]
    return Statement("claim", f"{lab} ({role} at {LABELS[body]['en'][0]}) said: {content}",
                     f"said {content}", {"iri": iri, "label": lab}, [evidence(TEXT, ART, para)],
                     (iri, body), (), role)


def _member(iri: str, body: str, role: str, para: str) -> Statement:
    lab, org = LABELS[iri]["en"][0], LABELS[body]["en"][0]
    return Statement("affiliation", f"{lab} is {role} at {org}", f"{lab} is {role} at {org}",
                     {"iri": iri, "label": lab}, [evidence(TEXT, ART, para)], (iri, body), (), role)


@pytest.fixture(scope="module")
def engine():
    stmts = [
        _claim("ex:lee", "ex:congress", "senator", "she would introduce legislation to close real "
               "estate tax loopholes", PARAS[0]),
        _claim("ex:fisk", "ex:acme", "chief economist", "the loopholes cost the Treasury billions",
               PARAS[1]),
        _member("ex:lee", "ex:congress", "senator", PARAS[0]),
        _member("ex:fisk", "ex:acme", "chief economist", PARAS[1]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def test_a_legislature_is_not_quoted_through_its_members(engine, monkeypatch):
    q = "What did Congress say about closing real estate tax loopholes?"
    res = engine.ask(q)
    assert res["abstained"] and "Congress" in res["reason"], res
    monkeypatch.setattr(routes, "LEGISLATURES", 0)
    res = engine.ask(q)
    assert not res["abstained"] and res["answers"][0]["speaker"]["iri"] == "ex:lee"


def test_an_organization_still_speaks_through_its_officials(engine):
    res = engine.ask("What did Acme Bank say about the loopholes?")
    assert not res["abstained"] and res["answers"][0]["speaker"]["iri"] == "ex:fisk", res


def test_a_title_before_the_doer(monkeypatch):
    q = "How did President Obama respond to Trump's demand that he not pardon Clinton?"
    assert did_of(q, "Obama").subject == "Obama"
    assert did_of(q, "Obama").rank.startswith("respond to Trump's demand")
    monkeypatch.setattr(router, "TITLED_DOERS", 0)
    assert did_of(q, "Obama") is None

"""A legislature the articles name only by its members' title ("Sen. Bernie Sanders", "the
Vermont senator") is no unknown name in a question ("Which state does Sanders represent in
the Senate?"); one whose members the articles never name stays unknown."""

from __future__ import annotations

import pytest
from claimgraph.qa import linking
from claimgraph.qa.linking import Linker, member_forms

LABELS = {"ex:sanders": {"en": ["Bernie Sanders"], "zh": []}}
TYPES = {"ex:sanders": "Person"}


def _linker(text: str) -> Linker:
    return Linker(LABELS, TYPES, [text])


def test_member_forms():
    assert "senator" in member_forms("Senate") and "sen" in member_forms("the Senate")
    assert "congressman" in member_forms("Congress")
    assert member_forms("Acme") == ()


@pytest.mark.parametrize("text", [
    "Sen. Bernie Sanders of Vermont said the tax breaks do nothing to create jobs.",
    "The Vermont senator, Bernie Sanders, said the tax breaks do nothing to create jobs.",
])
def test_a_body_named_by_its_members_title_is_no_unknown_name(text):
    lk = _linker(text)
    q = "Which state does Bernie Sanders represent in the Senate?"
    assert lk.unknown_names(q, lk.link(q)) == []


def test_a_body_whose_members_are_never_named_stays_unknown(monkeypatch):
    lk = _linker("Bernie Sanders said the tax breaks do nothing to create jobs.")
    q = "Which state does Bernie Sanders represent in the Senate?"
    assert lk.unknown_names(q, lk.link(q)) == ["Senate"]
    lk = _linker("Sen. Bernie Sanders said the tax breaks do nothing to create jobs.")
    monkeypatch.setattr(linking, "BODY_MEMBERS", 0)
    assert lk.unknown_names(q, lk.link(q)) == ["Senate"]

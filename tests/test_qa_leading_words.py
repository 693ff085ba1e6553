"""A question's first word is capitalized whatever it is: a preposition there ("Below what
income ...?") or a word an interrogative follows ("Roughly how many ...?") is no unknown
name; a name that opens a question still is one."""

from __future__ import annotations

import pytest
from claimgraph.qa import linking
from claimgraph.qa.linking import Linker

LABELS = {"ex:kantrowitz": {"en": ["Mark Kantrowitz"], "zh": []}}
TYPES = {"ex:kantrowitz": "Person"}
TEXT = "Mark Kantrowitz said families with incomes under $50,000 rarely save for college."


def _unknown(q: str) -> list[str]:
    lk = Linker(LABELS, TYPES, [TEXT])
    return lk.unknown_names(q, lk.link(q))


@pytest.mark.parametrize("q", [
    "Below what family income do families rarely save for college, according to Kantrowitz?",
    "Since when have families saved for college, according to Kantrowitz?",
    "Despite their hopes, what did Kantrowitz say families do?",
    "Roughly how many families save for college, according to Kantrowitz?",
    "“Below what income do families rarely save?”",
])
def test_a_word_capitalized_only_at_the_start_is_no_name(q):
    assert _unknown(q) == []


def test_a_name_that_opens_the_question_is_still_unknown():
    assert _unknown("Goldman's view on college savings?") == ["Goldman"]
    assert _unknown("Since when does Goldman advise families?") == ["Goldman"]
    assert _unknown("Goldman says what about college savings?") == ["Goldman"]


def test_the_same_word_inside_the_question_is_still_read_as_a_name():
    assert _unknown("What did Below say about college savings?") == ["Below"]


def test_off_it_was_an_unknown_name(monkeypatch):
    monkeypatch.setattr(linking, "LEADING_WORDS", 0)
    assert _unknown("Below what family income do families rarely save for college?") == ["Below"]

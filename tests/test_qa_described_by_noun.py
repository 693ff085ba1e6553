""""Who is X?": a sentence that writes what X is right before X's name ("longtime
Democratic pollster Pat Caddell", "billionaire and Trump critic Mark Cuban") describes X,
as an apposition does (qa/names.py NamesMixin._apposition), and a verb or a place before
the name does not."""

from types import SimpleNamespace

import pytest
from claimgraph.qa.names import NamesMixin


def _pattern(*names):
    ns = SimpleNamespace(labels={"e:x": {"en": list(names)}}, variants={})
    pat, _ = NamesMixin._apposition(ns, {"e:x"})
    return pat


@pytest.mark.parametrize("text", [
    "In offering analysis of the election, longtime Democratic pollster Pat Caddell told a host.",
    "The Clinton camp invited billionaire and Trump critic Pat Caddell to sit in the front row.",
    "Breitbart News Daily host Pat Caddell asked the question.",
    "the director of debate at Wayne State University, Pat Caddell, said so",  # as before
])
def test_a_noun_before_the_name_describes_it(text):
    assert _pattern("Pat Caddell", "Caddell").search(text)


@pytest.mark.parametrize("text", [
    "“This is in their heads,” said Caddell, speaking of the race.",
    "Caddell went on to discuss recently released polls.",
    "Polls in Ohio show Pat Caddell was right.",
])
def test_a_verb_or_a_place_before_the_name_does_not(text):
    assert not _pattern("Pat Caddell", "Caddell").search(text)

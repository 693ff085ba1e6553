""""Who is X?": a sentence that writes what X is right before X's name ("longtime
Democratic pollster Pat Caddell", "billionaire and Trump critic Mark Cuban") describes X,
as an apposition does (qa/names.py NamesMixin._apposition), and a verb or a place before
the name does not."""

from types import SimpleNamespace

import pytest
from claimgraph.qa.names import NamesMixin


def _pattern(*names):
    ns = SimpleNamespace(labels={"e:x": {"en": list(names)}}, variants={})
    return NamesMixin._apposition(ns, {"e:x"})


@pytest.mark.parametrize("text", [
    "In offering analysis of the election, longtime Democratic pollster Pat Caddell told a host.",
    "The Clinton camp invited billionaire and Trump critic Pat Caddell to sit in the front row.",
    "Breitbart News Daily host Pat Caddell asked the question.",
    "the director of debate at Wayne State University, Pat Caddell, said so",  # as before
])
def test_a_noun_before_the_name_describes_it(text):
    assert _pattern("Pat Caddell", "Caddell").describes(text)


@pytest.mark.parametrize("text", [
    "“This is in their heads,” said Caddell, speaking of the race.",
    "Caddell went on to discuss recently released polls.",
    "Polls in Ohio show Pat Caddell was right.",
])
def test_a_verb_or_a_place_before_the_name_does_not(text):
    assert not _pattern("Pat Caddell", "Caddell").describes(text)


@pytest.mark.parametrize("text", [
    "Pat Caddell, who ran polls for Jimmy Carter, said so.",            # a clause after
    "Caddell, director of polling at the firm, said so.",              # a role after
    "Pat Caddell of the Caddell Group said so.",                       # "of" an organization
    "Fox News’s Pat Caddell said so.",                                 # an owner before
    "White House chief of staff Pat Caddell said so.",                 # a three-word noun
    "Sen. John Q. Caddell said so.",                                   # a title, two words between
    "He called Caddell. Then a pollster, the former aide, Caddell, spoke.",  # a later mention
])
def test_each_description_is_found_at_any_mention(text):
    assert _pattern("John Q. Caddell", "Pat Caddell", "Caddell").describes(text)


def test_a_title_right_before_the_name():
    pat = _pattern("Chris Christie", "Christie")
    assert pat.titled("New Jersey Gov. Chris Christie said so.")
    assert not pat.titled("Chris Christie, the governor, said so.")
    assert not pat.titled("Gov. Christies said so.")  # the name must end a word
    assert pat.describes("Chris Christie, the governor, said so.")

"""Entity linking in questions: labels, aliases, Chinese labels, case, possessives, typos."""

from __future__ import annotations

import pytest
from claimgraph.qa.linking import Linker, edit_distance, normalize

LABELS = {
    "ex:gs": {"en": ["Goldman Sachs"], "zh": ["高盛"]},
    "ex:sp": {"en": ["Standard & Poor's", "S&P"], "zh": ["标准普尔"]},
    "ex:cicc": {"en": ["China International Capital Corporation (CICC)"], "zh": ["中金公司"]},
    "ex:roach": {"en": ["Stephen Roach"], "zh": []},
    "ex:wong": {"en": ["Wong Ka-shing"], "zh": ["黄嘉诚"]},
    "ex:ltcm": {"en": ["Long-Term Capital Management"], "zh": []},
    "ex:us": {"en": ["U.S."], "zh": []},
    "ex:ust": {"en": ["U.S. Treasury"], "zh": []},
    "ex:jd": {"en": ["JD.com"], "zh": ["京东集团"]},
    "ex:scb": {"en": ["Standard Chartered Bank"], "zh": ["渣打银行"]},
}
TYPES = {"ex:gs": "Organization", "ex:sp": "Organization", "ex:cicc": "Organization",
         "ex:roach": "Person", "ex:wong": "Person", "ex:ltcm": "Organization", "ex:us": "Place",
         "ex:ust": "Organization", "ex:jd": "Organization", "ex:scb": "Organization"}
TEXT = ("Stephen Roach said long-term yields rose. Treasuries sold off. Goldman Sachs and the Fed. "
        "Investors sold U.S. Treasury bonds.")


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(LABELS, TYPES, [TEXT])


def iris(linker: Linker, q: str) -> list[str]:
    return [lk.iri for lk in linker.link(q)]


@pytest.mark.parametrize("question, expected", [
    ("What did Goldman Sachs say?", ["ex:gs"]),
    ("what did GOLDMAN SACHS say?", ["ex:gs"]),  # case
    ("Who heads Goldman Sachs' hedge fund business?", ["ex:gs"]),  # possessive s'
    ("What is Goldman Sachs's view?", ["ex:gs"]),  # possessive 's
    ("What did Roach’s team say?", ["ex:roach"]),  # surname, curly possessive
    ("What did S&P say about the rating?", ["ex:sp"]),  # alias
    ("What did Standard and Poor's say?", ["ex:sp"]),  # "&" typed as "and"
    ("what did cicc say?", ["ex:cicc"]),  # an acronym in lower case (no such English word)
    ("what did ltcm do?", ["ex:ltcm"]),
    ("what did roach say?", []),  # a surname that is an English word: only as written
    ("What did CICC say?", ["ex:cicc"]),  # parenthetical acronym
    ("What did China International Capital Corporation say?", ["ex:cicc"]),
    ("What did LTCM do?", ["ex:ltcm"]),  # initials
    ("What did Wong Ka shing say?", ["ex:wong"]),  # hyphen as space
    ("What did U.S. Treasury officials say?", ["ex:ust"]),  # longest match wins
    ("What did jd.com say?", ["ex:jd"]),
])
def test_english_labels_and_aliases(linker, question, expected):
    assert iris(linker, question) == expected


@pytest.mark.parametrize("question, expected", [
    ("What did 高盛 say about the dollar?", ["ex:gs"]),  # Chinese label inside English
    ("What did 黄嘉诚 say?", ["ex:wong"]),  # Chinese alias of a person
    ("标准普尔对美国主权信用评级怎么看?", ["ex:sp"]),  # question wholly in Chinese
    ("京东集团的首席经济学家是谁?", ["ex:jd"]),
    ("渣打银行怎么看美债?", ["ex:scb"]),
    ("高盛和中金公司怎么看?", ["ex:gs", "ex:cicc"]),
])
def test_chinese_labels(linker, question, expected):
    assert iris(linker, question) == expected


@pytest.mark.parametrize("question, expected", [
    ("what did goldman sacks say", ["ex:gs"]),
    ("What did Stephen Roch say?", ["ex:roach"]),
    ("What did Standard Charterd Bank say?", ["ex:scb"]),
])
def test_small_typos(linker, question, expected):
    links = linker.link(question)
    assert [lk.iri for lk in links] == expected
    assert links[0].how == "typo"


@pytest.mark.parametrize("question", [
    "Why did long-term yields rise?",  # "Long-Term" of LTCM only as a name
    "What did the sellers say?",  # "sellers" is not "Sachs"
    "Which yields rose?",
])
def test_no_false_links(linker, question):
    assert iris(linker, question) == []


def test_unknown_names(linker):
    q = "What did Jerome Powell say about Treasuries?"
    assert linker.unknown_names(q, linker.link(q)) == ["Jerome Powell"]
    q = "What did Goldman Sachs say about Treasuries?"  # a topic word from the article
    assert linker.unknown_names(q, linker.link(q)) == []
    q = "What did the Fed say?"  # in the text, not an entity: not "unknown"
    assert linker.unknown_names(q, linker.link(q)) == []
    q = "Who is the CEO of Apple?"
    assert linker.unknown_names(q, linker.link(q)) == ["CEO of Apple"]


def test_link_spans_point_into_the_question(linker):
    q = "Did 高盛 and Stephen Roach agree?"
    for lk in linker.link(q):
        assert q[lk.start:lk.end] == lk.surface


def test_normalize_keeps_length():
    s = "Goldman Sachs’ ÉTÉ — ＳＰ"
    assert len(normalize(s)) == len(s)
    assert normalize(s).startswith("goldman sachs' ete")


def test_edit_distance():
    assert edit_distance("sachs", "sacsh", 2) == 1  # adjacent swap
    assert edit_distance("roach", "roch", 2) == 1
    assert edit_distance("goldman", "silverman", 2) == 3  # capped at limit + 1

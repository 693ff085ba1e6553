"""Attribution candidates and selection, session 10 (issue #3).

Each rule has a switch (a module constant); every positive case here fails with its
switch off (the paired test checks that)."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A
from claimgraph.extract import sources


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _span(doc, span):
    return doc.text[span[0] : span[1]] if span else None


# --------------------------------------------------------------------------- QUOTE_OUTER

_Q_TEXT = ('He said he often thinks of what his parents told him: "In order to get to heaven, you '
           'have to have letters of reference from poor people."')


def _quote_and_ccomp():
    qa = _Q_TEXT.index('"')
    quote = A.Candidate("quote", None, (qa, len(_Q_TEXT) - 1), None, "", ["pat=quote"], score=0.95)
    said = _Q_TEXT.index("said")
    ccomp = A.Candidate("ccomp", (said, said + 4), (_Q_TEXT.index("he often"), len(_Q_TEXT) - 1),
                        (0, 2), "say", ["pat=ccomp"], score=0.9, source_tok=0)
    thinks = _Q_TEXT.index("thinks")
    inner = A.Candidate("ccomp", (thinks, thinks + 6), (qa, len(_Q_TEXT) - 1), (11, 13), "think",
                        ["pat=ccomp"], score=0.2, source_tok=2)
    return quote, ccomp, inner


@pytest.mark.parametrize("flag", [1, 0])
def test_a_bare_quote_yields_to_the_cued_content_that_holds_it(monkeypatch, flag):
    monkeypatch.setattr(A, "QUOTE_OUTER", flag)
    quote, ccomp, inner = _quote_and_ccomp()
    kept = A._select([quote, ccomp, inner], 0.32)
    assert (kept == [ccomp]) == bool(flag)
    if not flag:
        assert kept == [quote]  # the quote rules would guess its speaker from the nearer cue


def test_a_bare_quote_keeps_its_place_when_the_holder_is_kept_already(monkeypatch):
    monkeypatch.setattr(A, "QUOTE_OUTER", 1)
    quote, ccomp, inner = _quote_and_ccomp()
    ccomp.score = 0.99  # kept first: the quote is its duplicate and goes
    assert A._select([quote, ccomp, inner], 0.32) == [ccomp]


def test_a_bare_quote_stays_when_no_speech_cue_holds_it(monkeypatch):
    monkeypatch.setattr(A, "QUOTE_OUTER", 1)
    quote, ccomp, inner = _quote_and_ccomp()
    ccomp.score = 0.1  # below the threshold: not a candidate to yield to
    assert A._select([quote, ccomp, inner], 0.32) == [quote]


# --------------------------------------------------------------------------- JOIN_OWN_CUE

JOINS = [
    # the next quote has a cue of its own
    ('"That is all we have," Franken said. Silverman responded, "Thank God they can fix it."',
     "said"),
    # a speech participle after the cue: PolNeAR's content is the first quote
    ('"It is clear he did not fight for it," Christie said, adding that he had fought for bills. '
     '"A leader must fight."', "said"),
]


@pytest.mark.parametrize(("text", "cue"), JOINS)
@pytest.mark.parametrize("flag", [1, 0])
def test_a_quote_does_not_join_one_past_another_cue(monkeypatch, text, cue, flag):
    monkeypatch.setattr(A, "JOIN_OWN_CUE", flag)
    quotes = A._quotes(text)
    first = quotes[0]
    got = A._extend_to_quotes(first, text.index(cue), quotes, text)
    assert (got == first) == bool(flag)
    if not flag:
        assert got == (first[0], quotes[1][1])


def test_a_plain_split_quote_still_joins(monkeypatch):
    monkeypatch.setattr(A, "JOIN_OWN_CUE", 1)
    text = '"We won the state," Sanders said. "Now we go on to the next one."'
    quotes = A._quotes(text)
    assert A._extend_to_quotes(quotes[0], text.index("said"), quotes, text) == (0, len(text))


# --------------------------------------------------------------------------- PAREN_CLAUSE

_PAREN = ("Clinton was seen stumbling to a van this past weekend (her campaign later disclosed "
          "that she has pneumonia).")


@pytest.mark.parametrize("flag", [1, 0])
def test_a_subject_inside_parentheses_is_its_own_clause_s(nlp, monkeypatch, flag):
    monkeypatch.setattr(sources, "PAREN_CLAUSE", flag)
    doc = nlp(_PAREN)
    cue = next(t for t in doc if t.text == "disclosed")
    stok, how = sources.subject_of(cue, keep_said=True)
    got = _span(doc, sources.source_span(doc, stok, how))
    assert (got == "her campaign") == bool(flag)
    if not flag:
        assert got == "this past weekend (her campaign"


@pytest.mark.parametrize("flag", [1, 0])
def test_the_content_of_a_cue_inside_parentheses_stays_inside(nlp, monkeypatch, flag):
    monkeypatch.setattr(sources, "PAREN_CLAUSE", flag)
    # (session 22's SPLIT_COMPS drops the clause before the subject on its own: off here,
    # so that the test is of PAREN_CLAUSE alone)
    monkeypatch.setattr(A, "SPLIT_COMPS", 0)
    doc = nlp(_PAREN)
    got = {_span(doc, c.content) for c in A.candidates(doc) if c.cue_lemma == "disclose"}
    assert ("that she has pneumonia" in got) == bool(flag)
    assert all(("weekend" in x) != bool(flag) for x in got)


def test_a_name_before_a_closed_parenthesis_is_still_the_source(nlp, monkeypatch):
    monkeypatch.setattr(sources, "PAREN_CLAUSE", 1)
    doc = nlp("Gov. John Kasich (R-OH) said he would run again.")
    cue = next(t for t in doc if t.text == "said")
    stok, how = sources.subject_of(cue, keep_said=True)
    assert _span(doc, sources.source_span(doc, stok, how)) == "Gov. John Kasich (R-OH)"


# --------------------------------------------------------------------------- PARTICIPLE_OUTER

PARTICIPLES = [
    ("Trump argued that a database would keep people from coming into the country illegally, "
     "saying it is all about management.", "saying", "Trump", "database"),
    ("Speaking earlier Tuesday in Florida, Trump insisted that he has \u201cexpanded the "
     "Republican party,\u201d claiming that he is responsible for higher voter turnout.",
     "claiming", "Trump", "he"),
]


@pytest.mark.parametrize(("text", "cue", "outer", "inner"), PARTICIPLES)
@pytest.mark.parametrize("flag", [1, 0])
def test_a_speech_participle_on_the_content_is_the_outer_speaker_s(nlp, monkeypatch, text, cue, outer,
                                                                   inner, flag):
    monkeypatch.setattr(sources, "PARTICIPLE_OUTER", flag)
    doc = nlp(text)
    stok, _ = sources.subject_of(next(t for t in doc if t.text == cue), keep_said=True)
    assert stok.text == (outer if flag else inner)


def test_a_participle_before_the_speech_verb_keeps_its_own_subject(nlp, monkeypatch):
    monkeypatch.setattr(sources, "PARTICIPLE_OUTER", 1)
    doc = nlp("Her friends have mocked his campaign, calling him a buffoon, Susan said.")
    part = next(t for t in doc if t.text == "calling")
    stok, _ = sources.subject_of(part, keep_said=True)
    assert stok is None or stok.text != "Susan"

"""Attribution content boundaries, session 12: where a content ends.

Each rule has a switch (a module constant); every positive case here fails with its
switch off (the paired parametrized case checks that)."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _ccomps(nlp, text, lemma="say"):
    doc = nlp(text)
    return [(text[c.content[0] : c.content[1]], c.features) for c in A.candidates(doc)
            if c.pattern == "ccomp" and c.cue_lemma == lemma]


# --------------------------------------------------------------------------- CCOMP_CUTS

_CONJ = "She said she admires his determination and highlighted their shared commitment on policy goals."


@pytest.mark.parametrize("flag", [1, 0])
def test_a_ccomp_content_gets_a_variant_without_a_coordinated_cue(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "CCOMP_CUTS", flag)
    got = _ccomps(nlp, _CONJ)
    texts = [t for t, _ in got]
    assert "she admires his determination and highlighted their shared commitment on policy goals" in texts
    assert ("she admires his determination" in texts) == bool(flag)
    if flag:
        feats = dict(got)["she admires his determination"]
        assert "variant=trim" in feats and "cut=conj|VBD" in feats and "cutsubj=False" in feats
        # the untrimmed candidate is told a cut exists
        assert "hascut=conj|VBD" in dict(got)[texts[0]]


@pytest.mark.parametrize("flag", [1, 0])
def test_a_short_head_before_a_long_participle_clause_gets_its_variant(nlp, monkeypatch, flag):
    # the old trimmed variant needed the cut to keep 40% of the content
    monkeypatch.setattr(A, "CCOMP_CUTS", flag)
    text = ("Carson said he saw no need, telling George Stephanopoulos on Sunday morning that the "
            "campaign tells the truth and deals with the issues that voters care about most.")
    texts = [t for t, _ in _ccomps(nlp, text)]
    assert ("he saw no need" in texts) == bool(flag)


# --------------------------------------------------------------------------- CONJ_TAG

@pytest.mark.parametrize("flag", [1, 0])
def test_a_coordinated_verb_in_another_tense_is_no_cut(nlp, monkeypatch, flag):
    # 'tell' goes with 'would sit' (the content's own subject), not with 'says'
    monkeypatch.setattr(A, "CCOMP_CUTS", 1)
    monkeypatch.setattr(A, "CONJ_TAG", flag)
    text = "Kasich says he would sit Putin down and tell him to stop the nonsense."
    texts = [t for t, _ in _ccomps(nlp, text)]
    assert "he would sit Putin down and tell him to stop the nonsense" in texts
    assert ("he would sit Putin down" in texts) == (not flag)


# --------------------------------------------------------------------------- SPLIT_TAIL

_S_TEXT = "She said she admires his determination and highlighted their shared commitment."


def _split_cands():
    t = _S_TEXT
    said = t.index("said")
    a, cut, end = t.index("she admires"), t.index(" and"), len(t) - 1
    hl = t.index("highlighted")
    cue = (said, said + 4)
    full = A.Candidate("ccomp", cue, (a, end), (0, 3), "say",
                       ["pat=ccomp", "hascut=conj|VBD"], score=0.8, source_tok=0)
    trim = A.Candidate("ccomp", cue, (a, cut), (0, 3), "say",
                       ["pat=ccomp", "variant=trim", "cut=conj|VBD"], score=0.5, source_tok=0)
    obj = A.Candidate("dobj", (hl, hl + 11), (t.index("their"), end), (0, 3), "highlight",
                      ["pat=dobj"], score=0.4, source_tok=0)
    return full, trim, obj


@pytest.mark.parametrize("flag", [1, 0])
def test_a_kept_content_gives_up_a_tail_holding_the_next_attribution(monkeypatch, flag):
    monkeypatch.setattr(A, "SPLIT_TAIL", flag)
    full, trim, obj = _split_cands()
    kept = A._select([full, trim, obj], 0.32)
    if flag:
        assert kept == [trim, obj]
    else:
        assert kept == [full]  # 'highlighted' yields to the outer 'said' and is lost


@pytest.mark.parametrize("flag", [1, 0])
def test_a_content_whose_tail_holds_a_kept_attribution_is_trimmed(monkeypatch, flag):
    monkeypatch.setattr(A, "SPLIT_TAIL", flag)
    monkeypatch.setattr(A, "OUTER", 1.0)  # no outer switch: the plain duplicate test decides
    full, trim, obj = _split_cands()
    obj.score = 0.9  # kept first
    kept = A._select([full, trim, obj], 0.32)
    if flag:
        assert kept == [obj, trim]
    else:
        assert kept == [obj]


def test_no_split_without_a_trimmed_variant(monkeypatch):
    monkeypatch.setattr(A, "SPLIT_TAIL", 1)
    full, _trim, obj = _split_cands()
    assert A._select([full, obj], 0.32) == [full]


# --------------------------------------------------------------------------- JOIN_NEXT_CUE

@pytest.mark.parametrize("flag", [1, 0])
def test_no_join_to_a_quote_with_its_own_cue(monkeypatch, flag):
    monkeypatch.setattr(A, "JOIN_NEXT_CUE", flag)
    text = '"The plan is fine," Smith said. "But the other one is better," he added.'
    quotes = A._quotes(text)
    first = quotes[0]
    got = A._extend_to_quotes(first, text.index("said"), quotes, text)
    assert (got == first) == bool(flag)
    if not flag:
        assert got == (first[0], quotes[1][1])


def test_a_quote_without_its_own_cue_still_joins(monkeypatch):
    monkeypatch.setattr(A, "JOIN_NEXT_CUE", 1)
    text = '"The plan is fine," Smith said. "But the other one is better."'
    quotes = A._quotes(text)
    assert A._extend_to_quotes(quotes[0], text.index("said"), quotes, text) == (quotes[0][0], quotes[1][1])

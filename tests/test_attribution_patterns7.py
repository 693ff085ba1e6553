"""Session 7 candidate patterns on hand-built parses: more noun cues and their
sources ('Adelson, a fierce supporter of Netanyahu', 'his opposition to the deal'),
a relative clause's object ('an offer the leadership rebuffed'), 'X thinks so',
and an object without its apposition ('chose Kaine, a senator')."""

from __future__ import annotations

import spacy
from claimgraph.extract import attribution as A
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def _doc(rows):
    """``rows``: (word, head index, dep, pos, tag, lemma) per token."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _text(doc, span):
    return doc.text[span[0] : span[1]] if span else None


def _supporter():
    # "Adelson , a fierce supporter of Netanyahu , spoke ."
    return _doc([
        ("Adelson", 8, "nsubj", "PROPN", "NNP", "Adelson"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("a", 4, "det", "DET", "DT", "a"),
        ("fierce", 4, "amod", "ADJ", "JJ", "fierce"),
        ("supporter", 0, "appos", "NOUN", "NN", "supporter"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Netanyahu", 5, "pobj", "PROPN", "NNP", "Netanyahu"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("spoke", 8, "ROOT", "VERB", "VBD", "speak"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ])


def test_appositive_noun_cue_takes_its_head_as_source(monkeypatch):
    monkeypatch.setattr(A, "NOUN_MORE", 0)
    assert not [c for c in A.candidates(_supporter()) if c.pattern == "noun"]
    monkeypatch.setattr(A, "NOUN_MORE", 1)
    doc = _supporter()
    (c,) = [c for c in A.candidates(doc) if c.pattern == "noun"]
    assert _text(doc, c.cue) == "supporter"
    assert _text(doc, c.content) == "of Netanyahu"
    assert _text(doc, c.source) == "Adelson"
    assert "nprep=of" in c.features


def _opposition():
    # "His opposition to the deal grew ."
    return _doc([
        ("His", 1, "poss", "PRON", "PRP$", "his"),
        ("opposition", 5, "nsubj", "NOUN", "NN", "opposition"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("deal", 2, "pobj", "NOUN", "NN", "deal"),
        ("grew", 5, "ROOT", "VERB", "VBD", "grow"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ])


def test_noun_cue_content_after_to(monkeypatch):
    monkeypatch.setattr(A, "NOUN_MORE", 0)
    assert not [c for c in A.candidates(_opposition()) if c.pattern == "noun"]
    monkeypatch.setattr(A, "NOUN_MORE", 1)
    doc = _opposition()
    (c,) = [c for c in A.candidates(doc) if c.pattern == "noun"]
    assert _text(doc, c.content) == "to the deal"
    assert _text(doc, c.source) == "His"


def _rebuffed():
    # "Obama made an offer the leadership rebuffed ."
    return _doc([
        ("Obama", 1, "nsubj", "PROPN", "NNP", "Obama"),
        ("made", 1, "ROOT", "VERB", "VBD", "make"),
        ("an", 3, "det", "DET", "DT", "an"),
        ("offer", 1, "dobj", "NOUN", "NN", "offer"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("leadership", 6, "nsubj", "NOUN", "NN", "leadership"),
        ("rebuffed", 3, "relcl", "VERB", "VBD", "rebuff"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])


def _adopted():
    # "standards , which were adopted by states , remain ."
    return _doc([
        ("standards", 8, "nsubj", "NOUN", "NNS", "standard"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("which", 4, "nsubjpass", "PRON", "WDT", "which"),
        ("were", 4, "auxpass", "AUX", "VBD", "be"),
        ("adopted", 0, "relcl", "VERB", "VBN", "adopt"),
        ("by", 4, "agent", "ADP", "IN", "by"),
        ("states", 5, "pobj", "NOUN", "NNS", "state"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("remain", 8, "ROOT", "VERB", "VBP", "remain"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ])


def test_relative_clause_object_is_the_content(monkeypatch):
    monkeypatch.setattr(A, "RELCL_OBJ", 0)
    assert not [c for c in A.candidates(_rebuffed()) if c.pattern == "relobj"]
    monkeypatch.setattr(A, "RELCL_OBJ", 1)
    doc = _rebuffed()
    (c,) = [c for c in A.candidates(doc) if c.pattern == "relobj"]
    assert (_text(doc, c.cue), _text(doc, c.content), _text(doc, c.source)) == \
        ("rebuffed", "an offer", "the leadership")
    doc = _adopted()
    (c,) = [c for c in A.candidates(doc) if c.pattern == "relobj"]
    assert (_text(doc, c.cue), _text(doc, c.content), _text(doc, c.source)) == ("adopted", "which", "states")


def test_said_so_is_the_content(monkeypatch):
    # "Cruz thinks so ."
    rows = [
        ("Cruz", 1, "nsubj", "PROPN", "NNP", "Cruz"),
        ("thinks", 1, "ROOT", "VERB", "VBZ", "think"),
        ("so", 1, "advmod", "ADV", "RB", "so"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    monkeypatch.setattr(A, "SAID_SO", 0)
    assert not [c for c in A.candidates(_doc(rows)) if c.pattern == "so"]
    monkeypatch.setattr(A, "SAID_SO", 1)
    doc = _doc(rows)
    (c,) = [c for c in A.candidates(doc) if c.pattern == "so"]
    assert (_text(doc, c.cue), _text(doc, c.content), _text(doc, c.source)) == ("thinks", "so", "Cruz")


def test_object_without_its_apposition_is_a_variant(monkeypatch):
    # "Clinton chose Kaine , a senator ."
    rows = [
        ("Clinton", 1, "nsubj", "PROPN", "NNP", "Clinton"),
        ("chose", 1, "ROOT", "VERB", "VBD", "choose"),
        ("Kaine", 1, "dobj", "PROPN", "NNP", "Kaine"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("a", 5, "det", "DET", "DT", "a"),
        ("senator", 2, "appos", "NOUN", "NN", "senator"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    monkeypatch.setattr(A, "OBJ_NP", 0)
    doc = _doc(rows)
    assert [_text(doc, c.content) for c in A.candidates(doc) if c.pattern == "dobj"] == ["Kaine , a senator"]
    monkeypatch.setattr(A, "OBJ_NP", 1)
    doc = _doc(rows)
    dobj = [c for c in A.candidates(doc) if c.pattern == "dobj"]
    assert [_text(doc, c.content) for c in dobj] == ["Kaine , a senator", "Kaine"]
    assert "variant=np" in dobj[1].features
    # a kept variant and its full span are one attribution (same cue, same start)
    for c, s in zip(dobj, (0.9, 0.95), strict=True):
        c.score = s
    assert [_text(doc, c.content) for c in A._select(dobj, 0.5)] == ["Kaine"]

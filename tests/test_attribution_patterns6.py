"""Session 6 attribution rules on hand-built parses: a passive speech or belief
verb's subject is no source ('X was accused of ...'), and a content's trailing
clause is a second, trimmed variant ('praised the stadium, which opened ...')."""

from __future__ import annotations

import spacy
from claimgraph.extract import attribution as A
from claimgraph.extract import ranker as R
from claimgraph.extract import sources as S
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab  # a bare Vocab() has no lower-case forms


def _doc(rows, ents=None):
    """``rows``: (word, head index, dep, pos, tag, lemma) per token."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               ents=ents or ["O"] * len(words))


def _accused():
    # "Quiros was accused of lying ."
    return _doc([
        ("Quiros", 2, "nsubjpass", "PROPN", "NNP", "Quiros"),
        ("was", 2, "auxpass", "AUX", "VBD", "be"),
        ("accused", 2, "ROOT", "VERB", "VBN", "accuse"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("lying", 3, "pcomp", "VERB", "VBG", "lie"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], ["B-PERSON"] + ["O"] * 5)


def test_passive_speech_verb_has_no_source():
    doc = _accused()
    assert S.subject_of(doc[2]) == (None, "passive")
    # the scorer's features still describe the subject
    assert S.subject_of(doc[2], keep_said=True)[0].text == "Quiros"
    prep = [c for c in A.candidates(doc) if c.pattern == "prep"]
    assert prep and all(c.source is None and c.said_of for c in prep)
    assert "how=passive_subj" in prep[0].features


def test_ranker_gives_a_said_of_candidate_no_source():
    doc = _accused()
    c = next(c for c in A.candidates(doc) if c.pattern == "prep")
    # a model that would take any noun phrase: the passive subject stays no source
    R.rerank_sources(doc, [c], {"weights": {"bias": 1.0}})
    assert c.source is None
    c2 = A.Candidate("prep", c.cue, c.content, None, c.cue_lemma, list(c.features))
    R.rerank_sources(doc, [c2], {"weights": {"bias": 1.0}})
    assert c2.source is not None  # without the flag the ranker picks one


def test_attitude_participle_and_has_contraction_keep_their_subject():
    # "Clinton is assured of winning ."
    doc = _doc([
        ("Clinton", 2, "nsubjpass", "PROPN", "NNP", "Clinton"),
        ("is", 2, "auxpass", "AUX", "VBZ", "be"),
        ("assured", 2, "ROOT", "VERB", "VBN", "assure"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("winning", 3, "pcomp", "VERB", "VBG", "win"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert S.subject_of(doc[2])[0].text == "Clinton"
    # "He 's said no ." (a parse that took "'s" for a passive auxiliary)
    doc = _doc([
        ("He", 2, "nsubjpass", "PRON", "PRP", "he"),
        ("'s", 2, "auxpass", "AUX", "VBZ", "be"),
        ("said", 2, "ROOT", "VERB", "VBN", "say"),
        ("no", 2, "dobj", "INTJ", "UH", "no"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert S.subject_of(doc[2])[0].text == "He"


def test_quoted_as_saying_is_the_subjects_own():
    # "Smith was quoted as saying that rates rose ."
    doc = _doc([
        ("Smith", 2, "nsubjpass", "PROPN", "NNP", "Smith"),
        ("was", 2, "auxpass", "AUX", "VBD", "be"),
        ("quoted", 2, "ROOT", "VERB", "VBN", "quote"),
        ("as", 2, "prep", "ADP", "IN", "as"),
        ("saying", 3, "pcomp", "VERB", "VBG", "say"),
        ("that", 7, "mark", "SCONJ", "IN", "that"),
        ("rates", 7, "nsubj", "NOUN", "NNS", "rate"),
        ("rose", 4, "ccomp", "VERB", "VBD", "rise"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    stok, _how = S.subject_of(doc[4])
    assert stok is not None and stok.text == "Smith"
    ccomp = [c for c in A.candidates(doc) if c.pattern == "ccomp" and c.cue_lemma == "say"]
    assert ccomp and ccomp[0].source is not None and not ccomp[0].said_of


def _stadium():
    # "Lee praised the stadium , which opened ."
    return _doc([
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("stadium", 1, "dobj", "NOUN", "NN", "stadium"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("which", 6, "nsubj", "PRON", "WDT", "which"),
        ("opened", 3, "relcl", "VERB", "VBD", "open"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], ["B-PERSON"] + ["O"] * 7)


def test_trailing_clause_gives_a_trimmed_variant():
    doc = _stadium()
    text = doc.text
    dobj = [c for c in A.candidates(doc) if c.pattern == "dobj" and c.cue_lemma == "praise"]
    spans = {text[c.content[0]:c.content[1]]: c for c in dobj}
    assert set(spans) == {"the stadium , which opened", "the stadium"}
    trimmed = spans["the stadium"]
    assert "variant=trim" in trimmed.features and "pat_variant=dobj|trim" in trimmed.features
    assert trimmed.source == spans["the stadium , which opened"].source


def test_a_content_and_its_trimmed_variant_are_one():
    # "Lee praised the stadium , which opened after years of delays ."
    doc = _doc([
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("stadium", 1, "dobj", "NOUN", "NN", "stadium"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("which", 6, "nsubj", "PRON", "WDT", "which"),
        ("opened", 3, "relcl", "VERB", "VBD", "open"),
        ("after", 6, "prep", "ADP", "IN", "after"),
        ("years", 7, "pobj", "NOUN", "NNS", "year"),
        ("of", 8, "prep", "ADP", "IN", "of"),
        ("delays", 9, "pobj", "NOUN", "NNS", "delay"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    dobj = [c for c in A.candidates(doc) if c.pattern == "dobj" and c.cue_lemma == "praise"]
    assert len(dobj) == 2
    # the two differ too much for DEDUPE (dice < 0.5) but are one attribution
    assert A._dice(dobj[0].content, dobj[1].content) < A.DEDUPE
    for first, second in ((0, 1), (1, 0)):
        dobj[first].score, dobj[second].score = 0.9, 0.8
        assert A._select(list(dobj), 0.5) == [dobj[first]]


def test_no_trimmed_variant_without_a_trailing_clause():
    # "Lee praised the stadium ."
    doc = _doc([
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("stadium", 1, "dobj", "NOUN", "NN", "stadium"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    dobj = [c for c in A.candidates(doc) if c.pattern == "dobj"]
    assert len(dobj) == 1 and "variant=trim" not in dobj[0].features


def test_cue_inside_a_quote_that_runs_to_the_next_paragraph():
    text = ('"At the White House, reporters questioned Earnest about it.\n'
            '"I do not know," he said.\n'
            '\u201cWe will go,\u201d she said. \u201cAnd then we thought\n')
    assert A._in_open_quote(text, text.index("questioned"))
    assert not A._in_open_quote(text, text.index("he said"))
    assert not A._in_open_quote(text, text.index("she said"))
    assert A._in_open_quote(text, text.index("thought"))
    assert not A._in_open_quote("Lee said so.", 4)


def test_open_quote_feature_on_verb_candidates():
    # '" Lee praised the stadium' (a paragraph opening a quote it never closes)
    doc = _doc([
        ('"', 2, "punct", "PUNCT", "``", '"'),
        ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee"),
        ("praised", 2, "ROOT", "VERB", "VBD", "praise"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("stadium", 2, "dobj", "NOUN", "NN", "stadium"),
    ])
    c = next(c for c in A.candidates(doc) if c.pattern == "dobj")
    assert "openq=True" in c.features
    c = next(c for c in A.candidates(_stadium()) if c.pattern == "dobj")
    assert "openq=False" in c.features

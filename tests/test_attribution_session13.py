"""Attribution sources and speakers, session 13.

'"...," Flynn, a top Trump surrogate, said Thursday morning on Fox News's "Fox and Friends."':
the parse takes "Fox and Friends" (a show's title, in quote marks, after the verb) for the
subject of "said"; the name between the quote and the cue speaks (QUOTED_TITLE_SOURCE).
"Harsh? He doesn't think so.": a one-word question is no person for "he" to refer to
(names.FRAGMENT_WORDS). Each positive case fails with its switch off."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _sources(nlp, text):
    doc = nlp(text)
    return {text[c.source[0]:c.source[1]] for c in A.candidates(doc)
            if c.cue_lemma == "say" and c.source is not None and text[c.content[0]] == "\u201c"}


_SHOW = ("\u201cThere's a severe disconnect between this White House and our military,\u201d "
         "Flynn, a top Trump surrogate, said Thursday morning on Fox News\u2019s \u201cFox and "
         "Friends.\u201d")


@pytest.mark.parametrize("flag", [1, 0])
def test_a_quoted_show_title_after_the_cue_is_no_source(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "QUOTED_TITLE_SOURCE", flag)
    got = _sources(nlp, _SHOW)
    if flag:
        assert got == {"Flynn, a top Trump surrogate"}
    else:
        assert "Flynn, a top Trump surrogate" not in got


def test_a_quote_with_its_speaker_after_the_cue_is_unchanged(nlp):
    text = "\u201cWe will win the state,\u201d said Senator Ann Lee on Sunday."
    assert _sources(nlp, text) == {"Senator Ann Lee"}




# --------------------------------------------------------------------------- FRAGMENT_WORDS

_HARSH = ("Kevin McKinley wrote a book about saving.\n\nHarsh? He doesn't think so. ''I don't "
          "judge what people choose to spend money on,'' he said.")


@pytest.mark.parametrize("flag", [1, 0])
def test_a_one_word_question_is_no_speaker(nlp, monkeypatch, flag):
    from claimgraph.extract import names
    from claimgraph.extract.extractor import extract_article
    from claimgraph.extract.readers import read_article

    monkeypatch.setattr(names, "FRAGMENT_WORDS", flag)
    x = extract_article(read_article(_HARSH, "t", "text"), nlp)
    people = {e.name for e in x.entities if e.type == "Person"}
    speakers = {c.speaker for c in x.claims if "judge" in c.content.text}
    assert ("Harsh" in people) == (not flag)
    if flag:
        assert speakers == {"kevin mckinley"}, speakers


def test_fragment_word():
    from claimgraph.extract.names import fragment_word

    assert fragment_word("Big lot. Harsh? He doesn't think so.", 9, 14)
    assert fragment_word("Harsh! he said", 0, 5)
    assert not fragment_word("Who is Harsh? Nobody knows.", 7, 12)
    assert not fragment_word("Big lot. Vijay Harsh? No.", 9, 20)

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


# --------------------------------------------------------------------------- NESTED_SPEECH

_NESTED = ("Senator Ann Lee said Governor Tom Bell was wrong when he said last week that the "
           "state budget \u201cwill balance itself by spring.\u201d")


def _claims(nlp, text, nested):
    from claimgraph.extract.readers import read_article

    return [(a.speaker, a.content.text) for a in
            A.find_attributions(read_article(text, "t", "text"), nlp(text), nested=nested)]


@pytest.mark.parametrize("flag", [1, 0])
def test_what_a_claim_reports_another_said_is_that_speakers_claim_in_the_graph(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "NESTED_SPEECH", flag)
    got = _claims(nlp, _NESTED, nested=True)
    assert [s for s, _ in got if s == "Ann Lee"] == ["Ann Lee"]
    bell = [t for s, t in got if s == "Tom Bell"]
    assert bell == (["that the state budget \u201cwill balance itself by spring.\u201d"] if flag else [])


def test_polnear_output_stays_outermost(nlp):
    assert [s for s, _ in _claims(nlp, _NESTED, nested=False)] == ["Ann Lee"]


def test_no_inner_claim_from_an_infinitive_or_a_common_noun(nlp):
    for text in ("Senator Ann Lee urged Governor Tom Bell to admit that the state budget was short.",
                 "Senator Ann Lee said a new poll shows that voters want the budget balanced."):
        assert {s for s, _ in _claims(nlp, text, nested=True)} <= {"Ann Lee"}, text

"""A paragraph that ends with a speech cue and a colon gives the next paragraph to
the cue's source: a block quote that lost its marks ('The governor added:'), or
quoted paragraphs that carry the quote on ('Dr. Ward stated:\\n\\n"A\\n\\n"B"')."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A
from claimgraph.extract.readers import read_article


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _attributions(nlp, text):
    article = read_article(text, "t", "text")
    return article, A.doc_attributions(nlp(text), article)


BLOCK = (
    "It's typical of Hillary Clinton. She knows nothing, but the mouth never stops. "
    "And the fact is that she has no idea what happened in North Carolina."
)
GOVERNOR = (
    "Christie Calls Clinton A Disgrace.\n\n"
    "Christie blasted Clinton as a \u201cdisgrace\u201d on Wednesday on a radio show.\n\n"
    "The governor added:\n\n" + BLOCK + "\n\n"
    "Clinton's comments came as the facts are still being gathered.\n"
)


def test_unquoted_paragraph_after_a_speech_cue_and_colon(nlp, monkeypatch):
    monkeypatch.setattr(A, "BLOCK_QUOTES", 0)
    _, before = _attributions(nlp, GOVERNOR)
    assert not [a for a in before if a.content.text == BLOCK]
    monkeypatch.setattr(A, "BLOCK_QUOTES", 1)
    article, got = _attributions(nlp, GOVERNOR)
    (block,) = [a for a in got if a.content.text == BLOCK]
    assert block.source.text == "The governor"
    assert block.cue.text == "added"
    assert block.kind == "indirect"  # no quote marks: the module's kinds decide
    # the claim's paragraph is its content's, not the cue's
    assert article.paragraphs[block.paragraph - 1].text == BLOCK
    # no piece of the block stands alone unless it has a cue of its own inside it
    s, e = block.content.start, block.content.end
    assert all(a.cue is not None and s <= a.cue.start < e
               for a in got if a is not block and s <= a.content.start < e)


WARD = (
    "Ward Slams Lynch.\n\n"
    "Dr. Ward stated:\n\n"
    "\"The Justice Department is not about equal justice anymore. It is about an extreme "
    "vision of transforming our nation.\n\n"
    "\"The latest example of this overreach is the lawsuit against North Carolina, which "
    "lets business owners decide who can use which bathrooms.\n\n"
    "\"I will be a conservative champion for Arizona. I will stop the bureaucrats at the "
    "bathroom door.\"\n\n"
    "North Carolina's law took effect on March 23 of this year.\n"
)


def test_quoted_paragraphs_run_on_while_the_quote_stays_open(nlp, monkeypatch):
    monkeypatch.setattr(A, "BLOCK_QUOTES", 0)
    _, before = _attributions(nlp, WARD)
    assert not [a for a in before if a.content.text.startswith("\"The Justice")]
    monkeypatch.setattr(A, "BLOCK_QUOTES", 1)
    article, got = _attributions(nlp, WARD)
    (block,) = [a for a in got if a.content.text.startswith("\"The Justice")]
    assert block.content.text.endswith("bathroom door.\"")
    assert block.content.text.count("\n\n") == 2  # three paragraphs, not the narration after
    assert block.source.text == "Dr. Ward"
    assert block.kind == "direct"
    assert article.paragraphs[block.paragraph - 1].text.startswith("\"The Justice")
    # the last paragraph's quote is part of the block, no claim of its own
    assert not [a for a in got if a.content.text.startswith("\"I will be")]


STATEMENT = (
    "Trump on Munich.\n\n"
    "In response to the loss of life, Donald Trump issued the following statement:\n\n"
    "Our prayers are with all those affected by the horrible attacks in Munich. This cannot "
    "continue. The rise of terrorism threatens the way of life for all civilized people.\n\n"
    "Here's what he said:\n\n"
    "<video src=\"https://example.com/trump-munich.mp4\"></video>\n\n"
    "The results:\n\n"
    "Trump leads Clinton by four points among likely voters in the new poll.\n\n"
    "He listed three reasons:\n\n"
    "1. The economy is not growing fast enough for working families in the state.\n\n"
    "CNN also noted the relatively sparse attendance:\n\n"
    "Even the campaign's own reporter took a moment to point out the lack of a crowd.\n\n"
    "Watch the video below:\n\n"
    "Follow the reporter on Twitter for more updates from the campaign trail tonight.\n"
)


def test_statement_noun_fires_and_non_speech_colons_do_not(nlp, monkeypatch):
    monkeypatch.setattr(A, "BLOCK_QUOTES", 1)
    _, got = _attributions(nlp, STATEMENT)
    prayers = [a for a in got if a.content.text.startswith("Our prayers")]
    assert len(prayers) == 1 and prayers[0].source.text == "Donald Trump"
    assert prayers[0].content.text.endswith("civilized people.")
    # a video embed, a result line, a list item, an object that is the content, a
    # promotion: none is the colon's speaker's
    for start in ("<video", "Trump leads", "1. The economy", "Even the campaign", "Follow the"):
        assert not [a for a in got if a.content.text.startswith(start) and a.cue is not None
                    and a.cue.start < a.content.start - 2], start
    monkeypatch.setattr(A, "BLOCK_QUOTES", 0)
    _, before = _attributions(nlp, STATEMENT)
    assert not [a for a in before if a.content.text.startswith("Our prayers")]


def test_a_cued_attribution_inside_the_block_does_not_stand_for_it(nlp):
    # most of the block is what "you" pointed out: kept, with its cue inside the block, it is
    # nested in the block, not the block itself, so the governor's block is still added
    inner = ("The same way, as you very aptly pointed out, Laura, people jumped to conclusions in "
             "Ferguson, which caused riots in Ferguson, because of politicians dumping gasoline.")
    text = GOVERNOR.replace(BLOCK, "It's typical. " + inner)
    doc = nlp(text)
    a = text.index(inner)
    cue = text.index("pointed")
    nested = A.Candidate("verb", (cue, cue + len("pointed")), (a, a + len(inner)), None, "point", [])
    out = A._block_quotes(doc, [nested])
    assert nested in out
    (block,) = [c for c in out if c.pattern == "block"]
    assert text[block.cue[0]:block.cue[1]] == "added"
    assert block.content == (text.index("It's typical."), a + len(inner))

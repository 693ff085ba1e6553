"""Embedded social-media posts (extract/posts.py): a tweet's text, signed "— Name (@handle)
Month D, YYYY", is a claim of the account that posted it, with the name in the signature
as its source; no other attribution runs into a signature; PolNeAR's attributions (which
discard embedded posts) never include them."""

from __future__ import annotations

import os

import pytest
from claimgraph.extract import posts
from claimgraph.extract.attribution import find_attributions
from claimgraph.extract.extractor import extract_doc
from claimgraph.extract.readers import read_article

os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXT = (
    "Senator faces backlash over toll plan.\n\n"
    "Senator Ann Lee said on Monday that the bridge toll would rise in May.\n\n"
    "The plan drew criticism online.\n\n"
    "This toll is a tax on working families and it must be stopped. https://t.co/AbC123xyz — "
    "Metro Riders Union (@MetroRiders) May 2, 2023\n\n"
    "<tweet id=\"1\" author=\"@tomray\" datetime=\"2023-05-02\">I will vote against the toll, "
    "whatever the leadership says. pic.twitter.com/Q1w2E3r4 — Tom Ray (@tomray) 2 May 2023</tweet>.\n\n"
    "Lee did not respond to either post.\n\n"
    "#tolls https://t.co/ZZ9 — Jo Park (@jopark) May 3, 2023\n"
)


def _article():
    return read_article(TEXT, "t", "text")


def test_each_signed_post_is_its_signer_s_claim():
    got = posts.embedded_posts(_article())
    assert [(a.speaker, a.source.text, a.kind, a.cue) for a in got] == [
        ("Metro Riders Union", "Metro Riders Union", "direct", None),
        ("Tom Ray", "Tom Ray", "direct", None)]
    union, ray = got
    assert union.content.text == "This toll is a tax on working families and it must be stopped."
    assert ray.content.text == "I will vote against the toll, whatever the leadership says."  # no tag, no link
    assert TEXT[union.source.start:union.source.end] == "Metro Riders Union"
    assert union.paragraph == 4 and ray.paragraph == 5
    assert posts.signs_post(TEXT, ray.source.start) and not posts.signs_post(TEXT, TEXT.index("Ann Lee"))


def test_a_post_of_too_few_words_and_prose_are_no_posts(monkeypatch):
    assert "Jo Park" not in {a.speaker for a in posts.embedded_posts(_article())}  # a hashtag, a link
    text = "He wrote — John Smith (@jsmith) on Monday that the toll is a tax.\n"  # no date
    assert posts.embedded_posts(read_article(text, "t", "text")) == []
    monkeypatch.setattr(posts, "EMBEDDED_POSTS", 0)
    assert posts.embedded_posts(_article()) == [] and posts.signatures(TEXT) == []


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def test_posts_join_the_graph_claims_not_polnear_s(nlp):
    art = _article()
    doc = nlp(TEXT)
    ex = extract_doc(art, doc)
    by = {c.speaker: c for c in ex.claims if c.speaker}
    assert "metro riders union" in by and "tom ray" in by
    assert by["tom ray"].content.text.startswith("I will vote against the toll")
    types = {e.key: e.type for e in ex.entities}
    assert types["metro riders union"] == "Organization" and types["tom ray"] == "Person"
    signed = posts.signatures(TEXT)
    for c in ex.claims:  # nothing else runs into a signature
        for x in (c.content, None if c.speaker in ("metro riders union", "tom ray") else c.source):
            assert x is None or not any(x.start < e and s < x.end for s, e in signed), c
    # PolNeAR discards embedded posts: the scorer's attributions hold none of them
    assert not any(a.content.text.startswith(("This toll is a tax", "I will vote"))
                   and a.cue is None for a in find_attributions(art, doc))

"""A speaker the coreference rules name from the text itself, though the tagger found
no entity there, keeps its claim (extract/extractor.py NAMED_SPEAKERS)."""

from __future__ import annotations

import pytest
from claimgraph.extract import extractor
from claimgraph.extract.readers import read_article

TEXT = ("Many farm leaders share these worries, but the Central and West Prairie Coalition, "
        "which represents 40,000 growers, wants to stay neutral. Recently, however, it issued "
        "a paper calling for lower tariffs.")


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _speaker_of(nlp, content_start: str):
    ex = extractor.extract_doc(read_article(TEXT, "t", "text"), nlp(TEXT))
    (claim,) = [c for c in ex.claims if c.content.text.startswith(content_start)]
    return claim.speaker, {e.name: e.type for e in ex.entities}


def test_a_name_only_coreference_found_enters_the_graph(nlp, monkeypatch):
    monkeypatch.setattr(extractor, "NAMED_SPEAKERS", 0)
    assert _speaker_of(nlp, "a paper")[0] is None
    monkeypatch.setattr(extractor, "NAMED_SPEAKERS", 1)
    speaker, types = _speaker_of(nlp, "a paper")
    assert speaker == "central and west prairie coalition"
    assert types["Central and West Prairie Coalition"] == "Organization"


def test_only_a_name_the_article_writes_capitalised():
    assert extractor._written_name_type("Stan Pate", "Stan Pate said so.") == "Person"
    assert extractor._written_name_type("Stan Pate", "Pate said so.") is None
    assert extractor._written_name_type("the farm leaders", "the farm leaders said") is None
    assert extractor._written_name_type("Prairie Coalition", "a Prairie Coalition") == "Organization"


NICK = ("\"This is a big year for our senator, Bobby Kent!\" Kent's niece, state Del. Marcia "
        "\"Cia\" Price (D-Newport News), told the crowd. \"The nation is watching.\"")


def test_a_quoted_nickname_is_no_end_of_the_name(nlp, monkeypatch):
    from claimgraph.extract import coref

    def speakers():
        ex = extractor.extract_doc(read_article(NICK, "t", "text"), nlp(NICK))
        return {c.speaker for c in ex.claims if c.source and "niece" in c.source.text}

    monkeypatch.setattr(coref, "NICKNAMES", 0)
    assert speakers() != {"marcia price"}
    monkeypatch.setattr(coref, "NICKNAMES", 1)
    assert speakers() == {"marcia price"}

"""Session 11: entity rules (names.py shared full-name finder, calendar words, caches)."""

from __future__ import annotations

from claimgraph.extract import extractor


def test_written_name_type_unnicks_an_article_once(monkeypatch):
    calls = []
    orig = extractor._unnicked

    def counting(text):
        calls.append(text)
        return orig(text)

    monkeypatch.setattr(extractor, "_unnicked", counting)
    extractor._unnicked_article.cache_clear()
    text = 'Marcia "Cia" Price said so. Pate agreed.'
    assert extractor._written_name_type("Marcia Price", text) == "Person"
    assert extractor._written_name_type("Stan Pate", text) is None
    assert extractor._written_name_type("Jane Roe", text) is None
    assert len(calls) == 1  # one pass over the article for every speaker

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


def test_given_surname_is_one_finder_for_entities_and_speakers():
    from claimgraph.extract import coref, entities, names

    def anyone(w):
        return True

    assert names.given_surname("-Nate Cohn explains why", "Cohn", anyone).group(0) == "Nate Cohn"
    assert names.given_surname("Jean-Pierre Cohn and Nate Cohn", "Cohn", anyone).group(1) == "Nate"
    assert names.given_surname("Dr.Mehmet Oz", "Oz", anyone) is None
    assert names.given_surname("Mehmet Ozzy", "Oz", anyone) is None
    assert names.given_surname("Dr. Oz and Mehmet Oz", "Oz", lambda w: w != "Dr").group(0) \
        == "Mehmet Oz"
    # both rooms call the shared finder (no copy of its pattern left behind)
    import inspect
    assert "given_surname(" in inspect.getsource(entities._untagged_full_names)
    assert "given_surname(" in inspect.getsource(coref._surnames)

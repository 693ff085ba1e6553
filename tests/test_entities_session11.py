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


def _blank_doc(text, persons):
    import spacy
    from spacy.tokens import Span as SpacySpan

    doc = spacy.blank("en")(text)
    ents = []
    for name in persons:
        a = text.find(name)
        sp = doc.char_span(a, a + len(name))
        ents.append(SpacySpan(doc, sp.start, sp.end, label="PERSON"))
    doc.ents = ents
    return doc


def test_a_date_glued_before_a_name_is_no_part_of_it(monkeypatch):
    from claimgraph.extract import entities as E
    from claimgraph.extract.readers import read_text

    text = "Jo Oz ran. On Tuesday Oz said no. A memoir by Wednesday Martin came out."
    doc = _blank_doc(text, ["Tuesday Oz", "Wednesday Martin"])
    names = {e.name for e in E.build_entities(read_text(text), doc)[0]}
    # Oz is Jo Oz; Wednesday Martin is a name, not a date (no time word before it)
    assert names == {"Jo Oz", "Wednesday Martin"}
    monkeypatch.setattr(E, "CALENDAR_NAMES", 0)
    assert "Tuesday Oz" in {e.name for e in E.build_entities(read_text(text), doc)[0]}


def test_a_date_glued_before_a_source_is_no_part_of_the_speaker(monkeypatch):
    from claimgraph.extract import coref

    text = "Monday night Fetterman told reporters no."
    doc = _blank_doc(text, [])
    assert coref.resolve_speaker(doc, (0, 22)) == "Fetterman"
    monkeypatch.setattr(coref, "CALENDAR_NAMES", 0)
    doc = _blank_doc(text, [])
    assert coref.resolve_speaker(doc, (0, 22)) == "Monday night Fetterman"

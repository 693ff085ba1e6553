"""Entities: a full name written with and without its middle initial ("Loretta E. Lynch",
"Loretta Lynch") in one article is one person, and the bare surname then has one owner."""

from __future__ import annotations

from claimgraph.extract import entities as E
from claimgraph.extract.readers import read_text


def _entities(text: str, names: list[tuple[str, str]]) -> dict[str, tuple[str, set[str]]]:
    import spacy
    from spacy.tokens import Span as SpacySpan

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    ents, at = [], 0
    for name, label in names:
        a = text.index(name, at)
        at = a + len(name)
        sp = doc.char_span(a, a + len(name))
        ents.append(SpacySpan(doc, sp.start, sp.end, label=label))
    doc.ents = ents
    es, _ms, _i = E.build_entities(read_text(text), doc)
    return {e.key: (e.type, set(e.aliases)) for e in es}


TEXT = ("Attorney General Loretta E. Lynch spoke on Monday. Loretta Lynch said the law was "
        "clear. Lynch added that she would wait.")
NAMES = [("Loretta E. Lynch", "PERSON"), ("Loretta Lynch", "PERSON"), ("Lynch", "ORG")]


def test_a_name_without_its_middle_initial_is_the_same_person(monkeypatch):
    got = _entities(TEXT, NAMES)
    assert list(got) == ["loretta e. lynch"]
    assert {"Loretta Lynch", "Lynch"} <= got["loretta e. lynch"][1]
    monkeypatch.setattr(E, "MIDDLE_INITIALS", 0)
    assert "loretta lynch" in _entities(TEXT, NAMES)


def test_two_fuller_names_leave_it_alone():
    # "George Bush" could be either: no merge
    text = "George H. W. Bush and George W. Bush met. George Bush spoke."
    got = _entities(text, [("George H. W. Bush", "PERSON"), ("George W. Bush", "PERSON"),
                           ("George Bush", "PERSON")])
    assert "george bush" in got

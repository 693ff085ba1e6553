"""A person written with a nickname and formally in one article is one person: the speaker
'Rep. Robert C. "Bobby" Scott' (unnicked to "Robert C. Scott") is the "Bobby Scott" the
index holds (extractor.NICKNAME_SPEAKERS), and a "Bobby Scott" cluster joins the one
"Robert (C.) Scott" (entities.NICKNAME_GIVEN)."""

from __future__ import annotations

from claimgraph.extract import entities as E
from claimgraph.extract import extractor as X
from claimgraph.extract.readers import read_article
from test_entities_middle import _entities as _entity_table

TEXT = ('NEWPORT NEWS, Va. - In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" Scott '
        "threw open his family's home on Labor Day.\n\n"
        '"This is a big year for our potential senator, Bobby Scott!" his niece shouted.\n\n'
        "\"I'll be able to raise what's necessary,\" Scott said.\n\n"
        "Bobby Scott said he plans to ramp up fundraising.")


def _speakers(monkeypatch, on: int) -> set[str]:
    monkeypatch.setattr(X, "NICKNAME_SPEAKERS", on)
    ex = X.extract_article(read_article(TEXT, "nick", "text"))
    return {c.speaker for c in ex.claims if c.speaker}


def test_a_nicknamed_speaker_is_one_person(monkeypatch):
    assert _speakers(monkeypatch, 1) == {"bobby scott"}
    assert "robert c. scott" in _speakers(monkeypatch, 0)


def _entities(text: str, names: list[tuple[str, str]]) -> dict[str, set[str]]:
    return {key: aliases for key, (_type, aliases) in _entity_table(text, names).items()}


def test_a_nickname_joins_the_formal_name(monkeypatch):
    text = "Rep. Robert C. Scott spoke on Monday. Bobby Scott said the bill was fair. Tim Scott agreed."
    names = [("Robert C. Scott", "PERSON"), ("Bobby Scott", "PERSON"), ("Tim Scott", "PERSON")]
    got = _entities(text, names)
    assert "bobby scott" not in got and "Bobby Scott" in got["robert c. scott"]
    assert "tim scott" in got  # no nickname of Robert
    monkeypatch.setattr(E, "NICKNAME_GIVEN", 0)
    assert "bobby scott" in _entities(text, names)

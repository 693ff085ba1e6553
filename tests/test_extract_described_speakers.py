"""Speakers named by description, not by name: "The New York businessman says" is the
person named before, not New York (coref.DESCRIBED_PERSONS); "The campaign says" is the
campaign of the candidate named last whose campaign the article names, not the organization
named last (coref.CAMPAIGN_OWNER); a place modifying a common noun ("a poll of Indiana
voters", "The Wisconsin Republican") is no speaker (coref.PLACE_MODIFIERS); "Crooked
Hillary Clinton" in a quoted tweet is the Hillary Clinton named in full, no second person
(entities.EPITHET_NAMES)."""

from __future__ import annotations

from claimgraph.extract import coref
from claimgraph.extract import extractor as X
from claimgraph.extract.readers import read_article
from test_entities_middle import _entities as _entity_table


def _speakers(text: str) -> dict[str, str | None]:
    ex = X.extract_article(read_article(text, "described", "text"))
    return {c.content.text: c.speaker for c in ex.claims}


def _speaker_of(text: str, words: str) -> str | None:
    got = [s for content, s in _speakers(text).items() if words in content]
    assert got, _speakers(text)
    return got[0]


BUSINESSMAN = ("Donald Trump spoke to supporters in Michigan on Friday.\n\n"
               "The New York businessman says that the country needs new leadership.")


def test_a_definite_description_is_the_person_named_before(monkeypatch):
    assert _speaker_of(BUSINESSMAN, "new leadership") == "donald trump"
    monkeypatch.setattr(coref, "DESCRIBED_PERSONS", 0)
    assert _speaker_of(BUSINESSMAN, "new leadership") != "donald trump"


CAMPAIGN = ("Hillary Clinton's campaign raised $10 million in August.\n\n"
            "The FBI criticized the use of a private email system.\n\n"
            "Hillary Clinton plans to call on young people to join national service.\n\n"
            "The campaign says the candidate will announce a new program on Friday.")


def test_the_campaign_is_the_candidates_not_the_last_organization(monkeypatch):
    assert _speaker_of(CAMPAIGN, "new program") == "clinton campaign"
    monkeypatch.setattr(coref, "OWN_CAMPAIGN", 0)  # the candidate herself, as before
    assert _speaker_of(CAMPAIGN, "new program") == "hillary clinton"
    monkeypatch.setattr(coref, "CAMPAIGN_OWNER", 0)
    assert _speaker_of(CAMPAIGN, "new program") not in ("hillary clinton", "clinton campaign")


def test_the_campaign_without_a_named_campaign_is_left_to_the_other_rules():
    text = ("Hillary Clinton plans to call on young people to join national service.\n\n"
            "The campaign says the candidate will announce a new program on Friday.")
    assert coref._campaign_owner(_doc(text), text.index("The campaign")) is None


def _doc(text: str):
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()(text)


def _entities(text: str, names: list[tuple[str, str]]) -> dict[str, set[str]]:
    return {key: aliases for key, (_type, aliases) in _entity_table(text, names).items()}


def test_an_epithet_before_a_full_name_is_that_person(monkeypatch):
    from claimgraph.extract import entities as E

    text = ("Hillary Clinton spoke in Florida. Trump tweeted about Crooked Hillary Clinton. "
            "Miss Universe Alicia Machado replied. Alicia Machado said she would vote. "
            "Mary Ann Smith and Ann Smith met.")
    names = [("Hillary Clinton", "PERSON"), ("Crooked Hillary Clinton", "PERSON"),
             ("Universe Alicia Machado", "PERSON"), ("Alicia Machado", "PERSON"),
             ("Mary Ann Smith", "PERSON"), ("Ann Smith", "PERSON")]
    got = _entities(text, names)
    assert "crooked hillary clinton" not in got and "Crooked Hillary Clinton" in got["hillary clinton"]
    assert "universe alicia machado" not in got and "alicia machado" in got
    assert "mary ann smith" in got and "ann smith" in got  # "Mary" is a given name
    monkeypatch.setattr(E, "EPITHET_NAMES", 0)
    assert "crooked hillary clinton" in _entities(text, names)


PLACES = ("A poll of Indiana voters found that Trump leads.\n\n"
          "Germany said it would help.\n\n"
          "The city of Phoenix demanded that the campaign stop using the image.\n\n"
          "U.S. officials said the talks failed.\n\n"
          "Sen. Ron Johnson spoke on Monday. The Wisconsin Republican said he would vote no.")


def test_a_place_speaks_only_as_the_source_or_through_its_officials(monkeypatch):
    got = _speakers(PLACES)
    assert got["that Trump leads"] is None  # the poll, not Indiana
    assert got["it would help"] == "germany"
    assert got["that the campaign stop using the image"] == "phoenix"
    assert got["the talks failed"] == "united states"
    assert got["he would vote no"] == "ron johnson"  # not Wisconsin
    monkeypatch.setattr(coref, "PLACE_MODIFIERS", 0)
    got = _speakers(PLACES)
    assert got["that Trump leads"] == "indiana" and got["he would vote no"] == "wisconsin"

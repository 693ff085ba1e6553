"""Extraction rules from the sets read in session 15, each with its flag off to show what it
changes: an "according to" phrase the parse made the whole sentence, a speaker written as an
untagged acronym, a title-case headline's non-names, and a description under its sentence's
subject."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution, coref, entities, extractor
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_article


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _claims(nlp, text: str) -> list[tuple[str | None, str, str]]:
    x = extract_article(read_article(text, "t", "text"), nlp)
    return [(c.speaker, c.source.text if c.source else "", c.content.text) for c in x.claims]


ACCORDING = ("The bill passed on Monday. According to conservative talk radio host Rush Limbaugh, "
             "the move reeks of \u201cfear\u201d and desperation.")


def test_according_to_ends_at_its_comma(nlp, monkeypatch):
    want = ("rush limbaugh", "conservative talk radio host Rush Limbaugh",
            "the move reeks of \u201cfear\u201d and desperation")
    assert want in _claims(nlp, ACCORDING)
    monkeypatch.setattr(attribution, "ACCORDING_WHOLE", 0)
    assert want not in _claims(nlp, ACCORDING)


ACRONYM = ("However, Christian News Service reported that the goal had been exceeded.\n\n"
           "CNS reported Monday that the U.S. had accepted 11,491 Syrian refugees.")


def test_an_untagged_acronym_speaker_is_its_organization(nlp, monkeypatch):
    said = [c for c in _claims(nlp, ACRONYM) if "11,491" in c[2]]
    assert said and said[0][0] == "christian news service"
    monkeypatch.setattr(extractor, "ACRONYM_SPEAKERS", 0)
    said = [c for c in _claims(nlp, ACRONYM) if "11,491" in c[2]]
    assert said and said[0][0] != "christian news service"


HEADLINE = ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n"
            "President Barack Obama called on the United States to accept more refugees on "
            "Monday.\n\nObama said the holiday was a celebration of faith.")


def test_a_headline_holds_no_glued_names(nlp, monkeypatch):
    def names():
        x = extract_article(read_article(HEADLINE, "t", "text"), nlp)
        return {e.name for e in x.entities}

    assert "Obama Seeks" not in names() and "Barack Obama" in names()
    monkeypatch.setattr(entities, "HEADLINE_JUNK", 0)
    assert "Obama Seeks" in names()


def test_headline_junk_keeps_real_names():
    text = "Sell Coal, Says Peabody Energy.\n\nPeabody Energy will sell coal, it said."
    cands = [(None, ("Sell Coal", "Person", 0, 9)), (None, ("Peabody Energy", "Organization", 16, 30)),
             (None, ("Peabody Energy", "Organization", 32, 46))]
    kept = [c[1][0] for c in entities._headline_junk(cands, text)]
    assert kept == ["Peabody Energy", "Peabody Energy"]
    # a given name before the name the body writes: a person's full name, kept
    text = "Bill Clinton Calls Obamacare A Crazy System.\n\nClinton spoke in Flint on Monday."
    cands = [(None, ("Bill Clinton", "Person", 0, 12)), (None, ("Clinton", "Person", 46, 53))]
    assert len(entities._headline_junk(cands, text)) == 2
    text = "Clinton Breaks With Obama On Trade.\n\nClinton spoke in Flint on Monday."
    cands = [(None, ("Clinton Breaks", "Person", 0, 14)), (None, ("Clinton", "Person", 37, 44))]
    assert [c[1][0] for c in entities._headline_junk(cands, text)] == ["Clinton"]


SUBJECT = ("John Miller met Ann Lee. In June, the senator urged voters to reject Lee after the "
           "businesswoman claimed that taxes were too high.")
SHARED = ("Gary Johnson, the Libertarian candidate, spoke in Ohio.\n\n"
          "Homeland Security Secretary Jeh Johnson says hackers are taking aim at election "
          "officials.\n\nJohnson tells MSNBC that the attack remains under investigation.")
BILL = ("Former President Bill Clinton criticized the law in Flint for his wife Hillary "
        "Clinton.\n\n\u201cIt doesn't make any sense,\u201d Clinton said.")


@pytest.mark.parametrize(("text", "opening", "flag", "want", "without"), [
    # a description under its sentence's subject is another person
    (SUBJECT, "that taxes", (coref, "OTHER_THAN_SUBJECT"), "ann lee", "john miller"),
    # a surname two persons share: the one written last as a subject
    (SHARED, "that the attack", (coref, "RECENT_SUBJECT"), "jeh johnson", "gary johnson"),
    # and no undecided third entity of the bare surname
    (BILL, "\u201cIt doesn", (extractor, "SHARED_SURNAMES"), "bill clinton", "clinton"),
])
def test_whom_a_name_or_description_is(nlp, monkeypatch, text, opening, flag, want, without):
    def speaker():
        return next(sp for sp, _src, content in _claims(nlp, text) if content.startswith(opening))

    assert speaker() == want
    monkeypatch.setattr(*flag, 0)
    assert speaker() == without


SIGNED = ("31 Voters Share Their Thoughts On The Race.\n\n"
          "\u201cMaybe we can build a wall around the candidate.\u201d \u2015 Steve Quinlan.\n"
          "\u201cThe most unqualified child to ever run for president.\u201d \u2015 Oscar P. Quintero\n")


def test_a_signed_quote_is_its_signers(nlp, monkeypatch):
    def speakers():
        return {c[2][:12]: (c[0], c[1]) for c in _claims(nlp, SIGNED)}

    got = speakers()
    assert got["\u201cMaybe we ca"] == ("steve quinlan", "Steve Quinlan")
    assert got["\u201cThe most un"] == ("oscar p. quintero", "Oscar P. Quintero")
    monkeypatch.setattr(attribution, "SIGNED_QUOTES", 0)
    assert all(sp != "steve quinlan" for sp, _ in speakers().values())


OPED = ("My father would have loved Trump.\n\n"
        "I know all about Donald Trump and how he manipulates his followers.\n\n"
        "My father said, \u201cWe live in Satan's kingdom.\u201d\n\n"
        "Charlotte Meehan is playwright-in-residence at Wheaton College.")


def test_the_narrators_i_is_the_author(nlp, monkeypatch):
    def speakers():
        return {c[1]: c[0] for c in _claims(nlp, OPED)}

    got = speakers()
    assert got["I"] == "charlotte meehan"
    assert got["My father"] == "charlotte meehan s father"
    monkeypatch.setattr(coref, "FIRST_PERSON", 0)
    assert speakers()["I"] != "charlotte meehan"

"""Who a speaker's pronoun or short name stands for (extract/coref.py): narrative
mentions, not quoted ones; the reporting person, not the person reported on;
misspelt surnames; a surname the tagger took for an organization."""

from __future__ import annotations

import pytest
from claimgraph.extract import coref
from coref_speaker import resolved_speaker


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _both(nlp, monkeypatch, flag, text, source):
    monkeypatch.setattr(coref, flag, 0)
    off = resolved_speaker(nlp, text, source)
    monkeypatch.setattr(coref, flag, 1)
    return off, resolved_speaker(nlp, text, source)


QUOTED_NAME = (
    "Gary Pollard, the mayor of Dunmore, opened the meeting on Monday.\n\n"
    "\u201cNobody builds houses for Dunmore anymore. Mark Ellison had a plan once. "
    "Nobody has one now,\u201d he said."
)


def test_a_name_inside_the_quote_is_not_its_speaker(nlp, monkeypatch):
    off, on = _both(nlp, monkeypatch, "NARRATIVE_ANTECEDENTS", QUOTED_NAME, "he")
    assert off == "Mark Ellison"
    assert on == "Gary Pollard"


NYT_QUOTES = (
    "Mr. Hale met reporters in Albany on Tuesday.\n\n"
    "''Senator Ruiz does not get along with the governor,'' he said."
)


def test_paired_single_quote_marks_quote_too(nlp, monkeypatch):
    monkeypatch.setattr(coref, "NARRATIVE_ANTECEDENTS", 1)
    off, on = _both(nlp, monkeypatch, "PAIRED_QUOTES", NYT_QUOTES, "he")
    assert off == "Ruiz"
    assert on == "Hale"


REPORTED = (
    "Tom Baxter said Richard Moreno had voted against the measure.\n\n"
    "\u201cThat is not how we do things here,\u201d he said."
)


def test_the_reporting_person_not_the_reported_one(nlp, monkeypatch):
    off, on = _both(nlp, monkeypatch, "REPORTED_SUBJECTS", REPORTED, "he")
    assert off == "Richard Moreno"
    assert on == "Tom Baxter"


REPORTING_ORG = (
    "Tom Baxter spoke first. The Associated Press says Richard Moreno has 1,061 delegates.\n\n"
    "\u201cWe are close,\u201d he said."
)


def test_an_organization_reporting_leaves_the_reported_person(nlp, monkeypatch):
    monkeypatch.setattr(coref, "REPORTED_SUBJECTS", 1)
    assert resolved_speaker(nlp, REPORTING_ORG, "he") == "Richard Moreno"


MISSPELT = (
    "\u201cThe county is in a bind,\u201d said Leslie Wimes, a Tampa organizer.\n\n"
    "Wines believes that the county took its voters for granted."
)


def test_a_misspelt_surname_is_the_person(nlp, monkeypatch):
    off, on = _both(nlp, monkeypatch, "TYPO_SURNAMES", MISSPELT, "Wines")
    assert off == "Wines"
    assert on == "Leslie Wimes"


def test_no_typo_for_a_given_name_or_a_family(nlp):
    text = ("Massimo Franco wrote a book. Francis said so.\n\n"
            "Bill Clinton spoke. The Clintons left early.")
    doc = nlp(text)
    assert coref._misspelt(doc, "Francis", len(text)) == "Francis"
    assert coref._misspelt(doc, "Clintons", len(text)) == "Clintons"
    assert coref._misspelt(doc, "Frenco", len(text)) == "Massimo Franco"


FIRST_NAMED = (
    "CLEVELAND - Donald Trump accepted the nomination on Thursday, introduced by his "
    "daughter Ivanka Trump.\n\n"
    "Trump vowed to put the country first.\n\n"
    "\u201cAmericanism, not globalism, will be our credo,\u201d he said.\n\n"
    "Donald Trump laid out stark differences with Clinton."
)


def test_a_surname_is_the_person_named_first(nlp, monkeypatch):
    # the tagger misses the dateline's "Donald Trump" (an ORG with the dateline),
    # tags "Ivanka Trump" next, and "Donald Trump" only at the end
    monkeypatch.setattr(coref, "FIRST_IN_TEXT", 0)
    assert coref._surnames(nlp(FIRST_NAMED))["Trump"] == "Ivanka Trump"
    monkeypatch.setattr(coref, "FIRST_IN_TEXT", 1)
    assert coref._surnames(nlp(FIRST_NAMED))["Trump"] == "Donald Trump"
    text = FIRST_NAMED[: FIRST_NAMED.index(" he said") + 8]
    assert resolved_speaker(nlp, FIRST_NAMED, "he") == "Donald Trump", text


def test_a_surname_tagged_as_an_organization_is_the_person(nlp, monkeypatch):
    text = ("Donald Trump spoke in Ohio on Monday.\n\n"
            "In a meeting with the editorial board, Trump said that NATO may be obsolete.")
    doc = nlp(text)
    a = text.rindex("Trump")
    tok = doc.char_span(a, a + 5).root
    if tok.ent_type_ != "ORG":
        pytest.skip("the tagger took this Trump for a person: nothing to repair")
    monkeypatch.setattr(coref, "ORG_SURNAMES", 0)
    assert coref.resolve_speaker(doc, (a, a + 5), tok.i) != "Donald Trump"
    monkeypatch.setattr(coref, "ORG_SURNAMES", 1)
    doc = nlp(text)
    assert coref.resolve_speaker(doc, (a, a + 5), tok.i) == "Donald Trump"


def test_a_given_name_the_tagger_missed_makes_the_full_name(nlp, monkeypatch):
    from spacy.tokens import Span

    text = ("Mehmet Oz \u2014 surgeon and daytime TV star \u2014 has critics.\n\n"
            "Donald Trump taped a show on Thursday. Later, Oz took questions from the crowd.\n\n"
            "He has promoted unproven therapies for years, the critics say.")

    def tagged():
        doc = nlp(text)
        k = next(t.i for t in doc if t.text == "Oz" and t.idx > 20)
        doc.ents = [e for e in doc.ents if not (e.start <= k < e.end)] + [Span(doc, k, k + 1, "PERSON")]
        return doc

    assert not any(e.text.startswith("Mehmet") for e in tagged().ents)
    a = text.rindex("He ")
    monkeypatch.setattr(coref, "UNTAGGED_FULL_NAMES", 0)
    doc = tagged()
    assert coref.resolve_speaker(doc, (a, a + 2), doc.char_span(a, a + 2).root.i) != "Mehmet Oz"
    monkeypatch.setattr(coref, "UNTAGGED_FULL_NAMES", 1)
    doc = tagged()
    assert coref._surnames(doc)["Oz"] == "Mehmet Oz"
    assert coref.resolve_speaker(doc, (a, a + 2), doc.char_span(a, a + 2).root.i) == "Mehmet Oz"


COALITION = (
    "Tom Baxter spoke first. The Baltic Freedom Council, which represents 20,000 members "
    "in the United States, wants to stay neutral in the race against Microsoft. Recently, "
    "however, it issued a paper calling for new bases."
)


def test_it_is_the_organization_last_named_as_a_subject(nlp, monkeypatch):
    off, on = _both(nlp, monkeypatch, "ORG_SUBJECTS", COALITION, "it")
    assert off == "Microsoft"  # the organization named last
    assert on.removeprefix("The ") == "Baltic Freedom Council"


def test_his_campaign_is_no_organization_named_before(nlp, monkeypatch):
    # no person tagged before "his campaign": never the Senate
    text = ("Mehmet Oz testified before the Senate on Tuesday. He will run for office next year, "
            "according to his campaign.")
    off, on = _both(nlp, monkeypatch, "OWNED_BY_PERSON", text, "his campaign")
    assert off == "Senate"
    assert on != "Senate"

"""Extraction rules of session 18, each with its flag off to show what it changes: the name
that owns a document noun is its maker ("a Daily Ledger analysis shows"), a letters page's
signed letters are their writers' ("I" is the signer, the sentences are the signer's
claims), and "he seems to" in a letter or op-ed is the writer's own judgement."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution, coref, letters, opinion
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_article


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _extract(nlp, text: str):
    return extract_article(read_article(text, "t", "text"), nlp)


def _claims(nlp, text: str) -> list[tuple[str | None, str, str, str]]:
    x = _extract(nlp, text)
    return [(c.speaker, c.source.text if c.source else "", c.content.text, c.kind) for c in x.claims]


# ---------------------------------------------------------------- a document's maker

ANALYSIS = ("Spending on lobbying rose to nearly $4 billion last year, a USA TODAY analysis of "
            "federal disclosure reports shows.")


def test_the_name_owning_a_document_noun_is_its_maker(nlp, monkeypatch):
    x = _extract(nlp, ANALYSIS)
    said = [c for c in x.claims if "lobbying" in c.content.text]
    assert [c.speaker for c in said] == ["usa today"]
    assert {e.key: e.type for e in x.entities}["usa today"] == "Organization"
    monkeypatch.setattr(coref, "DOCUMENT_OWNERS", 0)
    assert [c[0] for c in _claims(nlp, ANALYSIS) if "lobbying" in c[2]] != ["usa today"]


@pytest.mark.parametrize(("text", "owner"), [
    ("POLITICO's Battleground States average shows the race tightening.", "POLITICO"),
    ("A Gallup poll found that most voters distrust both parties.", "Gallup"),
    # a month, a headline's capitals, a pronoun's report: no maker
    ("An April poll found that most voters distrust both parties.", None),
    ("New Poll Shows Voters Distrust Both Parties.", None),
    ("His report found that most voters distrust both parties.", None),
])
def test_document_owner(nlp, text, owner):
    doc = nlp(text)
    subj = next(t for t in doc if t.dep_ == "nsubj")
    a = min(t.idx for t in subj.subtree)
    b = max(t.idx + len(t) for t in subj.subtree)
    assert coref.document_owner(doc, a, b) == owner


# ---------------------------------------------------------------- a letters page

PAGE = """Readers weigh in on the transit levy.

LETTERS.

The council's plan to raise the transit levy is a mistake. I ride the bus every day and the service has only grown worse since the last increase.

Commuters like me deserve better schedules before we pay more. Many of my neighbors believe the council wastes money. A driver told me: "We have not had a new bus since 2009."

Harriet M. Oduya.

Dayton, Ohio.

My husband and I moved here for the trains. We are convinced the levy will pay for itself within a decade.

Tomasz Wierzbicki.

Akron.

TWITTER.

We asked our followers whether they would back the levy.

The buses were late three times this week, and he seems to think that is fine.

@rider_4471.

A levy without a plan for new routes will change nothing for the suburbs. Night buses? Not a word.

@akronbiker.
"""


def test_a_letters_page_is_signed_letter_by_letter():
    found = letters.letters(PAGE)
    assert [x.writer for x in found] == ["Harriet M. Oduya", "Tomasz Wierzbicki", "@rider_4471",
                                         "@akronbiker"]
    first = found[0]
    assert PAGE[first.start:].startswith("The council's plan")
    assert PAGE[first.start:first.end].endswith("since 2009.\"")
    # the page's one-line prompt under a header is no reader's
    assert PAGE[found[2].start:].startswith("The buses were late")


def test_a_letters_sentences_and_its_i_are_its_writers(nlp, monkeypatch):
    claims = _claims(nlp, PAGE)
    own = {(c[0], c[2][:24]) for c in claims if c[3] == "authored"}
    assert ("harriet m. oduya", "The council's plan to ra") in own
    assert ("tomasz wierzbicki", "We are convinced the lev") in own or any(
        c[0] == "tomasz wierzbicki" and c[1] == "We" for c in claims)
    assert ("akronbiker", "A levy without a plan fo") in own
    # a post is one claim, whole, its questions too
    assert [c[2] for c in claims if c[0] == "akronbiker"] == [
        "A levy without a plan for new routes will change nothing for the suburbs. Night buses? "
        "Not a word."]
    # "he seems to think that is fine": the tweet's writer judges, no one else is quoted
    assert any(c[0] == "rider_4471" and "seems to think" in c[2] for c in claims if c[3] == "authored")
    # what a group thinks, as the writer tells it, is the writer's claim; a quote is not
    assert ("harriet m. oduya", "Many of my neighbors bel") in own
    assert not any(c[3] == "authored" and "new bus" in c[2] for c in claims)
    # no letter's text is another writer's
    assert not any(c[0] == "harriet m. oduya" and "levy will pay" in c[2] for c in claims)
    monkeypatch.setattr(letters, "LETTER_WRITERS", 0)
    assert not any(c[3] == "authored" for c in _claims(nlp, PAGE))


def test_a_letters_we_is_its_writer_and_the_pages_we_is_no_one(nlp):
    claims = _claims(nlp, PAGE)
    assert [c[0] for c in claims if c[1] == "We" and "levy will pay" in c[2]] == ["tomasz wierzbicki"]
    assert all(c[0] is None for c in claims if c[1] == "We" and "followers" in c[2])


ONE = """Readers respond.

Letters.

Mayor Tom Reed needs to stop now unless he wants to lose every vote he has left. Riders have waited long enough.

Paula Greer.

Lima, Ohio."""


def test_one_letter_alone_is_signed_with_its_town(nlp, monkeypatch):
    found = letters.letters(ONE)
    assert [x.writer for x in found] == ["Paula Greer"]
    assert ONE[found[0].start:].startswith("Mayor Tom Reed needs")  # not the "Letters." header
    own = [c[2] for c in _claims(nlp, ONE) if c[0] == "paula greer" and c[3] == "authored"]
    # the mayor's wish, under the writer's main clause, is inside the writer's claim
    assert any(t.startswith("Mayor Tom Reed needs to stop") for t in own)
    monkeypatch.setattr(opinion, "EMBEDDED_CUES", 0)
    own = [c[2] for c in _claims(nlp, ONE) if c[0] == "paula greer" and c[3] == "authored"]
    assert not any(t.startswith("Mayor Tom Reed needs to stop") for t in own)


def test_a_name_over_a_paragraph_signs_nothing_without_a_town():
    text = "A note.\n\nThe council met on Tuesday and voted to raise the levy by two percent.\n\nPaula Greer.\n"
    assert letters.letters(text) == ()


def test_letter_writers_are_people(nlp):
    types = {e.key: e.type for e in _extract(nlp, PAGE).entities}
    assert types["harriet m. oduya"] == "Person"
    assert types["rider_4471"] == "Person"


@pytest.mark.parametrize("text", [
    # headings that name the person the paragraph below is about sign nothing
    "How each candidate could win.\n\nHillary Clinton.\n\nClinton was a senator from New York "
    "and has a strong base among older voters in the state.\n\nDonald Trump.\n\nTrump is a New "
    "Yorker in ways that matter to voters upstate and on Long Island.\n",
    # a news report's closing byline
    "The council voted on Tuesday to raise the levy by two percent, after a long debate over "
    "bus routes and schedules.\n\nJane Morrow.\n",
])
def test_no_letters_without_signatures(text):
    assert letters.letters(text) == ()


def test_letters_are_never_what_polnear_scores(nlp):
    art = read_article(PAGE, "t", "text")
    assert not [a for a in attribution.find_attributions(art, nlp(art.text)) if a.kind == "authored"]


# ---------------------------------------------------------------- "he seems to" in an op-ed

OPED = ("Why the levy will fail.\n\n"
        "The mayor has spent two years promising better buses and has delivered none of them. "
        "He seems to believe that riders will forget the broken promises by election day. "
        "It is simply astounding that Mayor Tom Reed demands patience from riders who wait an "
        "hour for every bus.\n\n"
        "Harriet Oduya is a transit advocate in Dayton.")


def test_how_a_thing_seems_is_the_authors_claim(nlp, monkeypatch):
    own = [c[2] for c in _claims(nlp, OPED) if c[3] == "authored"]
    assert any(t.startswith("He seems to believe") for t in own)
    monkeypatch.setattr(opinion, "_SEEMS", __import__("re").compile(r"(?!)"))
    own = [c[2] for c in _claims(nlp, OPED) if c[3] == "authored"]
    assert not any(t.startswith("He seems to believe") for t in own)


def test_the_writers_judgement_of_what_another_did_is_the_writers_claim(nlp, monkeypatch):
    def own():
        return [c[2] for c in _claims(nlp, OPED) if c[3] == "authored"]

    assert any(t.startswith("It is simply astounding") for t in own())
    monkeypatch.setattr(opinion, "EMBEDDED_CUES", 0)
    assert not any(t.startswith("It is simply astounding") for t in own())

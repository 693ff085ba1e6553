"""Extraction rules from the sets read in session 16, each with its flag off to show what it
changes: a report's maker as its speaker, a relative pronoun's antecedent, a title's gender,
a closing mark typed to open a quote, an op-ed's own sentences as its author's claims, the
narrator's kin, a speaker introduced with a role just before a quote, plural "they", and an
interview transcript's "NAME: ..." lines."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution, coref, opinion
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_article


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _claims(nlp, text: str) -> list[tuple[str | None, str, str, str]]:
    x = extract_article(read_article(text, "t", "text"), nlp)
    return [(c.speaker, c.source.text if c.source else "", c.content.text, c.kind) for c in x.claims]


def _speaker_of(nlp, text: str, words: str) -> str | None:
    said = [c for c in _claims(nlp, text) if words in c[2]]
    assert said, f"no claim holds {words!r}"
    return said[0][0]


REPORT = ("The authors of the report, which include the Tax Fairness League and Citizens for Tax "
          "Justice, combed through the filings of 500 companies.\n\n"
          "Goldman Sachs holds $28.6 billion offshore, and the report says it has 987 "
          "subsidiaries in tax havens.\n\n"
          "It also points out that the penalties for hiding subsidiaries are very light.")


@pytest.mark.parametrize("words", ["987 subsidiaries", "penalties for hiding"])
def test_the_report_is_its_makers(nlp, monkeypatch, words):
    assert _speaker_of(nlp, REPORT, words) == "citizens for tax justice"
    monkeypatch.setattr(coref, "REPORT_AUTHORS", 0)
    assert _speaker_of(nlp, REPORT, words) != "citizens for tax justice"


def test_a_report_about_a_name_is_not_by_it(nlp):
    doc = nlp("A report on Goldman Sachs was released. The Pew Research Center released a "
              "survey on Monday.")
    makers = [e.text for e in doc.ents if coref._names_a_document(e.root)]
    assert makers == ["The Pew Research Center"]


RELATIVE = ("Glenn Beck spoke on Monday.\n\n"
            "Beck, who has in the past described Trump as \u201ca pathological narcissistic "
            "sociopath,\u201d returned to the radio.\n\n"
            "Having said that, there are some economists who argue that corporate taxes should be "
            "very low.")


def test_a_relative_pronoun_is_its_antecedent(nlp, monkeypatch):
    claims = _claims(nlp, RELATIVE)
    beck = [c for c in claims if "narcissist" in c[2]]
    assert beck and beck[0][:2] == ("glenn beck", "who")
    group = [c for c in claims if "corporate taxes" in c[2]]
    assert group and group[0][0] is None and group[0][1] == "some economists"
    monkeypatch.setattr(coref, "RELATIVE_ANTECEDENTS", 0)
    claims = _claims(nlp, RELATIVE)
    assert [c[0] for c in claims if "narcissist" in c[2]] != ["glenn beck"]
    # (the group's source without the rule is the source ranker's choice: the pair trained
    # in session 17 picks "some economists" on its own, the one before picked "who")


TITLED = ("In 1999, Representative James Rogan lined up to be photographed with President Bill "
          "Clinton.\n\n"
          "But Mrs. Clinton, who was distracted, was not as friendly, and Mrs. Clinton said the "
          "line was too long.\n\nHillary Clinton did not comment on the photograph.")


VOXPOP = ("Readers wrote in.\n\n"
          "\u201dMr. Trump embodies the lasting legacy of racism in the United States. "
          "He represents our greatest shame.\u201d \u2015 Sonya Herridge\n"
          "\u201cHe is ignorant of our culture and lives.\u201d\u2015 Pamela Padilla\n")


def test_a_closing_mark_that_opens_a_line_opens_a_quote(nlp, monkeypatch):
    assert _speaker_of(nlp, VOXPOP, "greatest shame") == "sonya herridge"
    assert _speaker_of(nlp, VOXPOP, "ignorant of our culture") == "pamela padilla"
    monkeypatch.setattr(attribution, "TYPO_OPEN", 0)
    assert not [c for c in _claims(nlp, VOXPOP) if "greatest shame" in c[2]]


OPED = ("Ready for Trump vs. Clinton?; \nHis primary debate tricks won't work.\n\n"
        "Presidential candidates generally benefit from lowered debate expectations. "
        "Trump said he won \"every single debate\" in the primaries.\n\n"
        "How is that possible?\n\n"
        "Trump's success in the primaries will not necessarily translate into success against "
        "Clinton.\n\n"
        "Aaron Kall is director of debate at the University of Michigan.")


def test_an_op_eds_sentences_are_its_authors(nlp, monkeypatch):
    claims = _claims(nlp, OPED)
    own = [c for c in claims if c[3] == "authored"]
    assert {c[0] for c in own} == {"aaron kall"}
    texts = [c[2] for c in own]
    assert any(t.startswith("Presidential candidates generally benefit") for t in texts)
    assert any("will not necessarily translate" in t for t in texts)
    # not the headline, the question, the tagline, nor Trump's own claim
    assert not any("Ready for" in t or "possible" in t or "director of debate" in t
                   or "every single debate" in t for t in texts)
    assert [c[0] for c in claims if "every single debate" in c[2]] == ["trump"]
    monkeypatch.setattr(opinion, "OPINION_AUTHORS", 0)
    assert not [c for c in _claims(nlp, OPED) if c[3] == "authored"]


def test_op_eds_are_never_what_polnear_scores(nlp):
    art = read_article(OPED, "t", "text")
    assert not [a for a in attribution.find_attributions(art, nlp(art.text)) if a.kind == "authored"]


@pytest.mark.parametrize("last, author", [
    ("Aaron Kall is director of debate at the University of Michigan.", "Aaron Kall"),
    ("Gabriel Arana is senior media editor at The Huffington Post.", "Gabriel Arana"),
    ("Mr. Hurt is eager to get the book out before the election.", None),  # named before
    ("Gov. John Kasich is polling a distant third.", None),
    ("The Ku Klux Klan is using Donald Trump as a talking point.", None),
    ("Although Bloomberg is not yet a candidate, Trump sent a jab his way.", None),
])
def test_only_a_signing_tagline_makes_an_op_ed(nlp, last, author):
    text = ("Debate night.\n\nMr. Hurt wrote a book. Kasich spoke. My parents, James and Olive "
            "Kall, were teachers and we talked about politics every night at home.\n\n" + last)
    art = read_article(text, "t", "text")
    found = opinion.signed_author(art, nlp(art.text))
    assert (found[0] if found else None) == author


INTRODUCED = ("Obama had many artists writing songs about him, which is something that concerns "
              "Henry Crespo, president of the Miami-based Florida Democratic Black Caucus.\n\n"
              "\u201cNo one is writing songs for Hillary,\u201d he said.")


KIN = ("My father would have loved Trump.\n\n"
       "My father spent our savings on Beehive freeze-dried food for the crash of the country. "
       "He also told his young protégés on a regular basis that \"terrorism is the answer.\"\n\n"
       "My mother has softened with age, but she still says things such as, \"We're not all "
       "meant to be equal, you know.\"\n\n"
       "Charlotte Meehan is playwright-in-residence at Wheaton College.")


PLURAL = ("Politifact did a fact-check on Donald Trump's claim about Chicago.\n\n"
          "Politifact seized on Trump's claim that there have been thousands of shootings. "
          "They checked the Chicago Tribune and found there had been 3,210 shooting victims.")


TRANSCRIPT = ("Mike Pence spoke to Chris Wallace on Sunday.\n\n"
              "\"WALLACE: Will Gennifer Flowers be there?\n\n"
              "\"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of a "
              "reality show. Gennifer Flowers will not be attending the debate.\n")


def test_a_transcript_line_is_its_speakers(nlp, monkeypatch):
    art = read_article(TRANSCRIPT, "t", "text")
    doc = nlp(art.text)
    got = [(a.speaker, a.source.text, a.cue.text, a.content.text)
           for a in attribution.find_attributions(art, doc) if a.cue is not None and a.cue.text == ":"]
    assert ("Mike Pence", "PENCE", ":", "Well, look, Hillary Clinton apparently thinks this is an "
            "episode of a reality show. Gennifer Flowers will not be attending the debate.") in got
    assert any(g[0] == "Chris Wallace" and g[3] == "Will Gennifer Flowers be there?" for g in got)
    monkeypatch.setattr(attribution, "TRANSCRIPT_LINES", 0)
    assert not [a for a in attribution.find_attributions(art, doc) if a.source and a.source.text == "PENCE"]


@pytest.mark.parametrize("text, words, flag, on, off", [
    # "Mrs. Clinton" is never he, but Hillary Clinton, named in full later
    (TITLED, "line was too long", "TITLE_GENDER", "hillary clinton", "bill clinton"),
    # "They checked the Chicago Tribune": no one person
    (PLURAL, "3,210 shooting victims", "PLURAL_NO_PERSON", None, "donald trump"),
    # the person the paragraph before introduced with a role
    (INTRODUCED, "No one is writing", "NEW_SPEAKER", "henry crespo", ...),
    # a person named in passing, with no role, is no new speaker
    (INTRODUCED.replace(", president of the Miami-based Florida Democratic Black Caucus",
                        " and Ann Lee"), "No one is writing", "NEW_SPEAKER", "obama", "obama"),
    # the narrator's "my father", then "he"
    (KIN, "terrorism is the answer", "NARRATOR_KIN", "charlotte meehan s father", ...),
    (KIN, "meant to be equal", "NARRATOR_KIN", "charlotte meehan s mother", ...),
])
def test_speaker_rules(nlp, monkeypatch, text, words, flag, on, off):
    """Each rule's speaker, and with its flag off another (``...``: any other)."""
    assert _speaker_of(nlp, text, words) == on
    monkeypatch.setattr(coref, flag, 0)
    got = _speaker_of(nlp, text, words)
    assert got != on if off is ... else got == off

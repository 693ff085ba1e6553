"""A kin, counsel or campaign source speaks for itself, not for its possessor."""

from __future__ import annotations

import pytest
from claimgraph.extract import coref
from coref_speaker import resolved_speaker as _speaker


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.mark.parametrize(("text", "source", "want"), [
    ("Keith Scott was shot on Tuesday. Scott's family said that he was unarmed.",
     "Scott's family", "Scott family"),
    ("Donald Trump spoke on Monday. Trump's campaign said the poll was rigged.",
     "Trump's campaign", "Trump campaign"),
    # a campaign written as a compound, or "the campaign" once its owner's is named: the same
    ("Donald Trump spoke on Monday. The Trump campaign said the poll was rigged.",
     "The Trump campaign", "Trump campaign"),
    ("Donald Trump spoke on Monday. Trump's campaign was angry. The campaign said the poll "
     "was rigged.", "The campaign", "Trump campaign"),
    # the campaign deeper in the span, its owner the only name there
    ("Donald Trump spoke on Monday. A document on the Trump campaign's website states that "
     "the leave is paid.", "A document on the Trump campaign's website", "Trump campaign"),
    ("Hillary Clinton spoke on Monday. A spokesman for Hillary Clinton's campaign said the "
     "plan was vague.", "A spokesman for Hillary Clinton's campaign", "Clinton campaign"),
    ("Pagliano's lawyer said that his client would testify.", "Pagliano's lawyer",
     "Pagliano's lawyer"),
    # the article named the lawyer before: he is the speaker
    ("An attorney for Pagliano, Mark MacDougall, said he was ready. Pagliano's lawyer "
     "said later that his client would testify.", "Pagliano's lawyer", "Mark MacDougall"),
    ("Mark MacDougall, an attorney for Pagliano, said he was ready. Pagliano's lawyer "
     "said later that his client would testify.", "Pagliano's lawyer", "Mark MacDougall"),
    # unchanged: a spokesman speaks for his principal, a report is its author's
    ("A spokesman for Senator John Smith said the bill was dead.",
     "A spokesman for Senator John Smith", "John Smith"),
    ("Goldman Sachs' report said growth would slow.", "Goldman Sachs' report", "Goldman Sachs"),
])
def test_agent_source_is_not_its_possessor(nlp, text, source, want):
    assert _speaker(nlp, text, source) == want


def test_agent_type():
    assert coref.agent_type("Scott's family") == "Organization"
    assert coref.agent_type("Pagliano's lawyer") == "Person"
    assert coref.agent_type("Clinton's aides") == "Organization"
    assert coref.agent_type("attorney for Pagliano") == "Person"
    assert coref.agent_type("Donald Trump") is None
    assert coref.agent_type("Goldman Sachs' report") is None
    assert coref.agent_type("Trump campaign") == "Organization"
    assert coref.agent_type("the campaign") is None


def test_campaign_off_is_the_candidate(nlp, monkeypatch):
    monkeypatch.setattr(coref, "OWN_CAMPAIGN", 0)
    text = "Donald Trump spoke on Monday. The Trump campaign said the poll was rigged."
    assert _speaker(nlp, text, "The Trump campaign") in ("Trump", "Donald Trump")  # the candidate


def test_a_campaign_keeps_the_names_the_article_writes(nlp):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_article

    text = ("Hillary Clinton spoke in Ohio. Hillary Clinton's campaign said the crowd was large. "
            "The campaign also said she would return.")
    ex = extract_doc(read_article(text, "t", "text"), nlp(text))
    camp = [e for e in ex.entities if e.key == "clinton campaign"]
    assert camp and camp[0].type == "Organization"
    assert {"Hillary Clinton's campaign", "Clinton's campaign"} <= set(camp[0].aliases)
    assert [c.speaker for c in ex.claims].count("clinton campaign") == 2


@pytest.mark.parametrize(("text", "possessor", "speaker"), [
    ("Keith Scott was shot on Tuesday. Scott's family said that he was unarmed.",
     "keith scott", "scott family"),
    ("Donald Trump spoke on Monday. Trump's campaign said the poll was rigged.",
     "donald trump", "trump campaign"),
])
def test_graph_speaker_is_the_agent(nlp, text, possessor, speaker):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_article

    ex = extract_doc(read_article(text, "t", "text"), nlp(text))
    speakers = {c.speaker for c in ex.claims}
    assert speaker in speakers and possessor not in speakers
    assert speaker in {e.key for e in ex.entities}


def test_the_campaign_is_no_name_of_it(nlp):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_article

    text = ("Hillary Clinton's campaign manager spoke in Ohio. The campaign said the crowd was "
            "large. Hillary Clinton's campaign said she would return.")
    ex = extract_doc(read_article(text, "t", "text"), nlp(text))
    camp = [e for e in ex.entities if e.key == "clinton campaign"]
    assert camp and not any(a.lower().startswith("the ") for a in camp[0].aliases), camp

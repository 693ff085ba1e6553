"""A pronoun subject is not a name inside its own clause that is no subject there:
"Campaigning against Mitt Romney in 2012, he barely mentioned climate change" is the
president named before, not Romney (coref.OWN_CLAUSE); the subject of a clause of its own
("After John Smith arrived, he said ...") still may be."""

from __future__ import annotations

import pytest
from claimgraph.extract import coref
from claimgraph.extract.attribution import attributions_for_text

ROMNEY = ("Barack Obama won in 2008.\n\nIn defeat, the president appeared cowed. Campaigning against "
          "Mitt Romney in 2012, he barely mentioned climate change.")


def _speakers(text: str) -> list[str | None]:
    return [a.speaker for a in attributions_for_text(text) if a.source and a.source.text in ("he", "she")]


@pytest.mark.parametrize("text, speaker", [
    (ROMNEY, "Barack Obama"),
    ("Barack Obama spoke first.\n\nAsked about Donald Trump, he said the plan was dead.", "Barack Obama"),
    ("Barack Obama spoke first. After John Smith arrived, he said the plan was dead.", "John Smith"),
])
def test_own_clause(text, speaker):
    got = _speakers(text)
    assert got and all(s == speaker for s in got), got


def test_own_clause_switch(monkeypatch):
    monkeypatch.setattr(coref, "OWN_CLAUSE", 0)
    assert "Mitt Romney" in _speakers(ROMNEY)


@pytest.mark.parametrize("text, speaker", [
    ("Hillary Clinton spoke in Iowa.\n\nChris Christie spoke later.\n\nSince Clinton's op-ed in May, "
     "she has said the pipeline is a mistake.", "Hillary Clinton"),
    ("Ted Cruz spoke first.\n\nDonald Trump spoke next. As for Trump, he said he is not worried.",
     "Donald Trump"),
])
def test_a_possessor_or_a_topic_may_be_the_pronoun(text, speaker):
    got = _speakers(text)
    assert got and got[0] == speaker, got

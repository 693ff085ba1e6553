""""According to whom ...?", "Which organization is the source for the figure that ...?",
"Whose figures show ...?" ask who said it (router.SOURCE_QUESTIONS); "According to X, ...?"
still asks what X said."""

from __future__ import annotations

import pytest
from claimgraph.qa import router
from claimgraph.qa.router import route


@pytest.mark.parametrize("q, topic", [
    ("According to whom did the prison population reach 2.3 million?",
     "the prison population reach 2.3 million"),
    ("Which organization is the source for the figure that the US prison population reached "
     "a record 2.3 million?", "the US prison population reached a record 2.3 million"),
    ("Who is the source of the claim that wages rose last year?", "wages rose last year"),
    ("Whose figures show that 40 percent of inmates are black?", "40 percent of inmates are black"),
    ("According to which agency, did exports fall?", "exports fall"),
])
def test_a_source_question_is_who_said(q, topic, monkeypatch):
    r = route(q)
    assert (r.name, r.topic) == ("who_said", topic)
    monkeypatch.setattr(router, "SOURCE_QUESTIONS", 0)
    assert route(q).name != "who_said" or route(q).topic != topic


def test_according_to_a_name_is_still_what_it_said():
    r = route("According to the NAACP, how large was the prison population in 2008?")
    assert (r.name, r.subject) == ("say", "NAACP")

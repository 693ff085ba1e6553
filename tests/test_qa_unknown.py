"""A question word no article uses: "How many people live in Burma?" ("live" in no article)
is answered by a plain count of the noun ("a country of 54 million"), while "How many people
died in the explosion?" is still refused when the article only says how many were injured.

Helper tests are fast; the engine tests embed a hand-built snapshot with MiniLM (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.routes import _plain_count
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_plain_counts_and_counted_events():
    assert _plain_count("investment in the nation of 53 million people.", "people")
    assert _plain_count("Burma, a country of 54 million, voted.", "people")
    assert _plain_count("the 28,000 U.S. troops in South Korea", "troop")
    assert not _plain_count("Twenty-nine people were injured tonight", "people")
    assert not _plain_count("5,300 employees had opened accounts", "employee")
    assert not _plain_count("Burma, a country of 54 million, voted.", "troop")
    assert not _plain_count("growth of 3 percent", "people")


ART = "ex:unknown"
PARAS = [
    "Burma, a country of 54 million, held elections on Sunday.",
    "Twenty-nine people were injured tonight in Chelsea by an explosion.",
    "The explosion went off around 8:30 p.m. near a busy street, the police said.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:burma": {"en": ["Burma"], "zh": []}, "ex:chelsea": {"en": ["Chelsea"], "zh": []}}
    types = {"ex:burma": "Place", "ex:chelsea": "Place"}
    return handbuilt_engine([], labels, types, PARAS, ART)


@pytest.mark.slow
def test_an_unknown_verb_of_a_plain_count_is_excused(engine):
    top = _top(engine.ask("How many people live in Burma?"))
    assert "54 million" in top["text"]


@pytest.mark.slow
def test_an_unknown_verb_of_a_counted_event_is_not(engine):
    assert engine.ask("How many people died in the explosion?")["abstained"]
    top = _top(engine.ask("How many people were injured in the explosion?"))
    assert "Twenty-nine" in top["text"]


# ---- a reporting verb the article does not write --------------------------------------------

def test_who_with_any_reporting_verb_is_who_said():
    from claimgraph.qa.router import route

    r = route("Who criticized Stumpf?")
    assert (r.name, r.topic) == ("who_said", "Stumpf")  # the verb is how, not what
    assert route("Who accused Stumpf of scapegoating?").topic == "Stumpf of scapegoating"
    assert route("Who proposed the Harbor Accord?").name == "concept"  # as before
    assert route("Who heads Acme Bank?").name == "membership"
    assert (route("What did Vitter ask?").name, route("What did Vitter ask?").subject) == \
        ("say", "Vitter")


PARAS2 = [
    "Ann Lee, Bob Smith and Carl Diaz all suggested the harbor board had been unfair to the "
    "harbor fishermen.",
    "\"You are scapegoating the fishermen at the very bottom,\" Ann Lee told the harbor board.",
]


@pytest.fixture(scope="module")
def cospeakers():
    from claimgraph.qa.verbalize import Statement
    from qa_handbuilt import evidence

    text = "\n".join(PARAS2)
    labels = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:smith": {"en": ["Bob Smith"], "zh": []},
              "ex:diaz": {"en": ["Carl Diaz"], "zh": []},
              "ex:board": {"en": ["harbor board"], "zh": []}}
    types = {"ex:lee": "Person", "ex:smith": "Person", "ex:diaz": "Person",
             "ex:board": "Organization"}
    stmts = [Statement("claim", f"{labels[i]['en'][0]} suggested: the harbor board had been unfair "
                       "to the harbor fishermen", "suggested the harbor board had been unfair to the "
                       "harbor fishermen", {"iri": i, "label": labels[i]["en"][0]},
                       [evidence(text, "ex:co", PARAS2[0])], (i,), ("ex:board",))
             for i in ("ex:lee", "ex:smith", "ex:diaz")]
    stmts.append(Statement("claim", "Ann Lee told: You are scapegoating the fishermen at the very "
                           "bottom", "told You are scapegoating the fishermen at the very bottom",
                           {"iri": "ex:lee", "label": "Ann Lee"},
                           [evidence(text, "ex:co", PARAS2[1])], ("ex:lee",), ("ex:board",)))
    return handbuilt_engine(stmts, labels, types, PARAS2, "ex:co")


@pytest.mark.slow
def test_copies_of_one_claim_do_not_hide_the_next(cospeakers):
    import numpy as np

    # three co-speakers' copies of one claim score best; the word tests read the next
    # distinct claim too, as the answers show it
    idx = np.flatnonzero(cospeakers.kind == "claim")
    scores = np.array([0.9, 0.9, 0.9, 0.5] + [0.1] * (len(idx) - 4))
    top = cospeakers._distinct_top(idx, scores, 3)
    assert len(top) == 2 and "scapegoating" in cospeakers.statements[top[1]].text
    res = cospeakers.ask("Who accused the harbor board of scapegoating?")
    assert any("scapegoating" in a["text"] for a in res["answers"])


def test_debating_is_a_statement():
    from claimgraph.qa.routes import speech_cue
    from claimgraph.qa.verbalize import Statement

    def claim(cue: str) -> Statement:
        return Statement("claim", f"Scholars {cue}: the salience of ethnic ties",
                         f"{cue} the salience of ethnic ties", {"iri": "ex:s", "label": "Scholars"})

    assert speech_cue(claim("debated")) and speech_cue(claim("disputed"))
    assert not speech_cue(claim("premiered"))  # an act, not a statement

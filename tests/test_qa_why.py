"""Why-questions: "Why does X do Y?" is what X said about Y, a claim giving the reason first:
one answering a why-question the article asks ("Why the affiliation? 'They pay us ...'"),
then one with a reason word ("because", "so that").

Router tests are fast; the engine tests embed a hand-built snapshot with the packaged MiniLM
(slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import did_of, route, why_of, why_route
from claimgraph.qa.routes import REASON, WHY_ASKED
from claimgraph.qa.verbalize import Statement, split_sentences
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_why_questions_name_subject_and_rest():
    assert why_of("Why does Larry King work with RT?") == "Larry King work with RT"
    assert why_of("why didn't the council lift the curfew") == "the council lift the curfew"
    assert why_of("What did Obama say?") is None
    r = why_route("Why did Obama oppose the bill?", "Obama")
    assert (r.name, r.subject, r.topic, r.why) == ("say", "Obama", "oppose the bill", True)
    assert why_route("Why did Obama oppose the bill?", "Biden") is None
    assert why_route("Why did Obama?", "Obama") is None  # nothing asked of him
    assert route("Why does Larry King work with RT?").name == "general"  # the engine decides


def test_did_and_how_questions_with_a_verb_no_route_knows():
    r = did_of("Did Warren support a criminal investigation?", "Warren")
    assert (r.subject, r.topic, r.rank) == ("Warren", "a criminal investigation",
                                            "support a criminal investigation")
    assert did_of("How did Stumpf respond to Warren?", "Stumpf").rank == "respond to Warren"
    assert did_of("Did Stumpf resign?", "Stumpf") is None  # nothing after the verb
    assert did_of("Did Stumpf resign?", "Warren") is None


def test_passive_questions_ask_what_was_said_of_x():
    # "What was X criticized for?" asks what others said of X, not what X said
    for q in ("What was Suu Kyi criticized for?", "What has Suu Kyi been criticized for?",
              "What was Obama told?"):
        assert route(q).name == "general", q
    assert route("What is Obama saying about Burma?").subject == "Obama"
    assert route("What did Obama say about Burma?").subject == "Obama"


def test_who_owns_is_a_membership_question():
    r = route("Who owns Ora?")
    assert (r.name, r.subject, r.wants_person) == ("membership", "Ora", True)
    assert route("Who co-owns Ora with Larry King?").name == "membership"


def test_reasons_and_asked_whys():
    assert REASON.search("opposed it because it would raise taxes")
    assert REASON.search("cut rates in order to support growth")
    assert REASON.search("the decline is driven by weak business investment")
    assert not REASON.search("wants to raise taxes")
    assert WHY_ASKED.match("Why the affiliation?")
    assert not WHY_ASKED.match("Why the affiliation matters is clear.")


def test_a_quote_after_a_question_is_its_own_sentence():
    t = "Why the affiliation? ''They pay us,'' Mr. King said. ''We need it.'' He left."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "Why the affiliation?", "''They pay us,'' Mr. King said.", "''We need it.''", "He left."]


# ---- a hand-built article (slow: MiniLM) ----------------------------------------------------

ART = "ex:why"
PARAS = [
    "Ann Lee is not an employee of Globex, though she works with its producers. The network "
    "licenses her show from a studio she co-owns.",
    "Why the affiliation? \"They pay us a lot of money, and we need money to pay our staff,\" "
    "Ms. Lee said.",
    "Ann Lee said she was not familiar with the rest of Globex's programming because she did "
    "not get the network at home.",
    "Bob Smith opposed the harbor bill because it would raise taxes on fishermen.",
    "Bob Smith said the harbor bill was long and the vote on it was late.",
    "Ann Lee criticized the harbor bill because its fees would fall on small boats.",
]
TEXT = "\n".join(PARAS)


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:globex": {"en": ["Globex"], "zh": []},
              "ex:smith": {"en": ["Bob Smith"], "zh": []}}
    types = {"ex:lee": "Person", "ex:globex": "Organization", "ex:smith": "Person"}
    lee = {"iri": "ex:lee", "label": "Ann Lee"}
    smith = {"iri": "ex:smith", "label": "Bob Smith"}

    def ev(phrase):
        return [evidence(TEXT, ART, phrase)]

    stmts = [
        Statement("claim", "Ann Lee said: They pay us a lot of money, and we need money to pay our "
                  "staff", "said They pay us a lot of money, and we need money to pay our staff", lee,
                  ev("\"They pay us a lot of money, and we need money to pay our staff,\" Ms. Lee "
                     "said."), ("ex:lee",)),
        Statement("claim", "Ann Lee said: she was not familiar with the rest of Globex's programming "
                  "because she did not get the network at home", "said she was not familiar with the "
                  "rest of Globex's programming because she did not get the network at home", lee,
                  ev(PARAS[2]), ("ex:lee",), ("ex:globex",)),
        Statement("claim", "Bob Smith opposed: the harbor bill because it would raise taxes on "
                  "fishermen", "opposed the harbor bill because it would raise taxes on fishermen",
                  smith, ev(PARAS[3]), ("ex:smith",)),
        Statement("claim", "Bob Smith said: the harbor bill was long and the vote on it was late",
                  "said the harbor bill was long and the vote on it was late", smith, ev(PARAS[4]),
                  ("ex:smith",)),
        Statement("claim", "Ann Lee criticized: the harbor bill because its fees would fall on small "
                  "boats", "criticized the harbor bill because its fees would fall on small boats",
                  lee, ev(PARAS[5]), ("ex:lee",)),
    ]
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_the_answer_to_the_articles_own_why(engine):
    top = _top(engine.ask("Why does Ann Lee work with Globex?"))
    assert top["speaker"]["label"] == "Ann Lee" and "pay us" in top["text"]


@pytest.mark.slow
def test_a_claim_giving_a_reason_first(engine):
    top = _top(engine.ask("Why did Bob Smith oppose the harbor bill?"))
    assert top["speaker"]["label"] == "Bob Smith" and "raise taxes" in top["text"]
    top = _top(engine.ask("Why was Bob Smith against the harbor bill?"))
    assert "raise taxes" in top["text"]


@pytest.mark.slow
def test_a_why_nothing_answers_is_refused(engine):
    assert engine.ask("Why did Bob Smith eat lunch at the diner?")["abstained"]


@pytest.mark.slow
def test_a_reporting_verb_the_article_does_not_write_is_how_x_spoke(engine):
    # "attack" is in no sentence: the topic is Globex (else half the topic's words unknown)
    top = _top(engine.ask("Why did Ann Lee attack Globex?"))
    assert top["speaker"]["label"] == "Ann Lee"


@pytest.mark.slow
def test_did_x_verb_y_is_what_x_said_of_y(engine):
    # the general route refuses ("attack" is in no statement); what Lee said of Globex answers
    top = _top(engine.ask("Did Ann Lee attack Globex?"))
    assert top["speaker"]["label"] == "Ann Lee" and "Globex" in top["text"]
    assert engine.ask("Did Bob Smith eat lunch at the diner?")["abstained"]


@pytest.mark.slow
def test_a_why_verb_no_article_writes_is_not_its_topic(engine):
    # "collaborate" is in no sentence: Lee's statements are tested on Globex, ranked by both
    top = _top(engine.ask("Why does Ann Lee collaborate with Globex?"))
    assert top["speaker"]["label"] == "Ann Lee" and "pay us" in top["text"]

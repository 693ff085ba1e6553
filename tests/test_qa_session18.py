"""Question forms from session 18: "How did X defend / criticize Y?" (X a handle too) asks
what X said of Y; "What was X's background?" asks who X is; "Where does X live and work?"
is answered by X's own "I live and work in ..." when no affiliation is known; a claim whose
content only refers back ("cited the figure") quotes the sentence before as evidence. The
engine tests embed a hand-built snapshot (slow)."""

from __future__ import annotations

import os
from functools import partial

import pytest
from claimgraph.qa import routes
from claimgraph.qa.router import route
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import claim, evidence, handbuilt_engine, top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:s18"
PARAS = [
    "Many residents have heard that 40 buses break down each week. Mayor Ann Lee cited the "
    "figure at Tuesday's council meeting.",
    "I live and work in Dayton and ride the number 7 bus to the plant every morning.",
    "The levy is a tax on riders who already pay too much, and the council knows it.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []},
          "ex:oduya": {"en": ["Harriet Oduya", "Oduya"], "zh": []},
          "ex:rider": {"en": ["@rider_4471"], "zh": []}}
TYPES = {k: "Person" for k in LABELS}


def _authored(iri: str, sentence: str, ev) -> Statement:
    lab = LABELS[iri]["en"][0]
    return Statement("claim", f"{lab} wrote: {sentence}", sentence, {"iri": iri, "label": lab},
                     [ev(sentence)], (iri,), ())


@pytest.fixture(scope="module")
def engine():
    ev = partial(evidence, TEXT, ART)
    stmts = [
        claim(LABELS, ev, "ex:lee", "cited", "the figure at Tuesday's council meeting",
              "Mayor Ann Lee cited the figure at Tuesday's council meeting."),
        _authored("ex:oduya", PARAS[1], ev),
        _authored("ex:rider", PARAS[2], ev),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.parametrize(("q", "name", "subject"), [
    ("How did @rider_4471 criticize the levy?", "say", "@rider_4471"),
    ("How did Ann Lee defend the budget?", "say", "Ann Lee"),
    ("What was Harriet Oduya's background?", "membership", "Harriet Oduya"),
    ("What is Ann Lee's job?", "membership", "Ann Lee"),
    ("Where does Harriet Oduya live and work?", "membership", "Harriet Oduya"),
    ("What did the Daily Ledger's analysis show about fares?", "say", "Daily Ledger's analysis"),
])
def test_routes(q, name, subject):
    r = route(q)
    assert (r.name, r.subject) == (name, subject)


def test_a_position_on_something_is_no_job():
    assert route("What is Ann Lee's position on the levy?").name != "membership"


def test_a_report_no_maker_names_is_not_a_speaker():
    assert route("What did the poll show about fares?").name != "say"


@pytest.mark.slow
def test_how_a_handle_spoke_of_something_is_what_it_wrote(engine):
    ans = top(engine.ask("How did @rider_4471 criticize the levy?"))
    assert ans["speaker"]["label"] == "@rider_4471"
    assert "tax on riders" in ans["text"]


@pytest.mark.slow
def test_where_a_writer_lives_and_works_in_the_writers_own_words(engine):
    ans = top(engine.ask("Where does Harriet Oduya live and work?"))
    assert "Dayton" in ans["text"]
    # no affiliation and no such words of her own: nothing to answer with
    assert engine.ask("Where does @rider_4471 work?")["abstained"]


@pytest.mark.slow
def test_a_claim_that_refers_back_quotes_the_sentence_before(engine, monkeypatch):
    q = "What statistic did Ann Lee cite at the council meeting?"
    ans = top(engine.ask(q))
    assert ans["speaker"]["label"] == "Ann Lee"
    assert any("40 buses" in e["quote"] for e in ans["evidence"])
    monkeypatch.setattr(routes, "ANAPHORIC_CONTENT", 0)
    ans = top(engine.ask(q))
    assert not any("40 buses" in e["quote"] for e in ans["evidence"])


@pytest.mark.parametrize(("content", "back"), [
    ("the figure", True),
    ("the figure at last week's forum", True),
    ("that claim again", True),
    ("the claim that the levy is illegal", False),
    ("the figure of 20 a day", False),
    ("a new figure", False),
])
def test_back_reference(content, back):
    assert bool(routes.BACK_REFERENCE.match(content)) is back


@pytest.mark.parametrize(("zh", "label"), [
    ("凯瑟琳·凯茨对税务记录怎么看?", "Kathryn Kates"),  # a silent e before the final s
    ("盖茨说了什么?", "Bill Gates"),
    ("弗拉加-罗森菲尔德为什么反对他?", "Mauricio Fraga-Rosenfeld"),  # a hyphenated surname
    ("毛里西奥·弗拉加-罗森菲尔德说了什么?", "Mauricio Fraga-Rosenfeld"),
])
def test_transliterated_names(zh, label):
    from claimgraph.qa.translit import Transliterator

    labels = {"e:1": ["Kathryn Kates"], "e:2": ["Mauricio Fraga-Rosenfeld"], "e:3": ["Bill Gates"],
              "e:4": ["Donald Trump"]}
    found = Transliterator(labels, persons=set(labels)).find(zh)
    assert [m.label for m in found] == [label]

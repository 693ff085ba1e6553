"""Session 22, from the held-out set written blind on three PolNeAR train articles:

- extraction: a cue with a clause on each side of its subject ("... a cumulative effect: some
  40 percent ... said they expect ...") takes the one after for its content, not both with
  the source and cue between; a bare quote inside an object content ('called the mayor a
  "reckless spender" who is acting "as if ..."') yields to that content; "<clause>, said a
  former spokesman for X, Y, who ..." has the clause for content and the noun phrase for
  source where the parse hung both on the cue; a show's title in quotes after "said on"
  is no quote;
- speakers: "the GOP front-runner said" is the person named before, not the party; "Crane's
  potential VP said" is the running mate the article named, never Crane;
- routing: "What did X say to justify Y?" asks how X justified Y; "What positions did X
  hold ...?" asks X's roles;
- ranking: a paragraph setting out what the next one's speakers answer supports the topic
  it writes; "How did X justify Y?" is answered by X's claim cued "defend" when Y
  paraphrases it; two claims of one sentence rank by their own words; "the woman who
  shouted the insult at Crane's rally" is a woman quoted, not Crane.

The extraction tests parse small hand-written texts; the engine tests embed hand-built
snapshots (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.extract import attribution, coref
from claimgraph.extract.attribution import attributions_for_text
from claimgraph.qa import router, routes
from claimgraph.qa.router import route
from coref_speaker import resolved_speaker
from qa_handbuilt import engine_of
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _contents(text: str, cue: str) -> list[str]:
    return [a.content.text for a in attributions_for_text(text, "t", "text")
            if a.cue is not None and a.cue.text == cue]


SPLIT = ("Rates have had a steady climb: some 40 percent of voters in a recent survey said "
         "they expect higher rates next year.")


def test_the_clause_after_the_subject_is_the_content(monkeypatch):
    assert _contents(SPLIT, "said") == ["they expect higher rates next year"]
    monkeypatch.setattr(attribution, "SPLIT_COMPS", 0)
    assert all("percent" in c for c in _contents(SPLIT, "said"))


CALLED = ("Sen. Ann Lee, hoping to win in Iowa, called Mayor Ron Baxter a \"spoiled child\" who's "
          "acting \"as if he is an emperor, as if he is a tyrant.\"")


def test_a_quote_inside_an_object_content_yields_to_it(monkeypatch):
    assert any(c.startswith("Mayor Ron Baxter a \"spoiled child\"") for c in _contents(CALLED, "called"))
    monkeypatch.setattr(attribution, "QUOTE_OUTER_OBJECTS", 0)
    assert not any(c.startswith("Mayor Ron Baxter") for c in _contents(CALLED, "called"))


INVERTED = ("He also had a voice in decisions about major American investments in Ukraine, said "
            "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a "
            "candidate in the new bloc Mr. Manafort helped form.")


def test_an_inverted_said_keeps_its_clause_for_content(monkeypatch):
    atts = [a for a in attributions_for_text(INVERTED, "t", "text") if a.cue and a.cue.text == "said"]
    assert [a.content.text for a in atts] == [
        "He also had a voice in decisions about major American investments in Ukraine"]
    assert atts[0].source.text.startswith("a former spokesman")
    monkeypatch.setattr(attribution, "INVERTED_SAID", 0)
    assert not any(c.startswith("He also had") for c in _contents(INVERTED, "said"))


SHOW = "''He sees China as a rival with its own interests,'' Mr. Baxter said on CBS's ''Face the Nation.''"


def test_a_shows_title_is_no_quote(monkeypatch):
    assert _contents(SHOW, "said") == ["''He sees China as a rival with its own interests,''"]
    monkeypatch.setattr(attribution, "SHOW_TITLES", 0)
    assert "CBS's ''Face the Nation.''" in _contents(SHOW, "said")


FRONT = ("As usual, it was Donald Crane who commanded most of the attention. Appearing on NBC's "
         "Meet the Press, the GOP front-runner said Governor Ann Lee caused tremendous damage.")


def test_the_front_runner_is_the_person_named_before(nlp, monkeypatch):
    assert resolved_speaker(nlp, FRONT, "the GOP front-runner") == "Donald Crane"
    monkeypatch.setattr(coref, "FRONT_RUNNERS", 0)
    assert resolved_speaker(nlp, FRONT, "the GOP front-runner") == "GOP"


DEPUTY = ("While Republican presidential nominee Donald Crane has yet to endorse House Speaker Paul "
          "Baxter, Crane\u2019s running mate \u2014 Ohio Gov. Ann Lee \u2014 has thrown her support behind "
          "Baxter.\n\nCrane\u2019s potential VP then revealed that the ticket was united.")
MANAGER = "Donald Crane's campaign manager said on Monday that the polls were wrong."


def test_an_owners_running_mate_is_not_the_owner(nlp, monkeypatch):
    assert resolved_speaker(nlp, DEPUTY, "Crane\u2019s potential VP") == "Ann Lee"
    assert resolved_speaker(nlp, MANAGER, "Donald Crane's campaign manager") == "Donald Crane's campaign manager"
    monkeypatch.setattr(coref, "OWNED_DEPUTIES", 0)
    assert resolved_speaker(nlp, DEPUTY, "Crane\u2019s potential VP") == "Crane"
    assert resolved_speaker(nlp, MANAGER, "Donald Crane's campaign manager") == "Donald Crane"


@pytest.mark.parametrize("q, verb, topic", [
    ("What did Ben Dole say to justify replacing his campaign leadership?", "justify",
     "replacing his campaign leadership"),
    ("What did the mayor say in defense of the budget?", "defend", "the budget"),
    ("What did Lee say about the defense of Taiwan?", "say", "the defense of Taiwan"),
])
def test_say_to_justify_is_asked_how(q, verb, topic, monkeypatch):
    r = route(q)
    assert (r.verb, r.topic, r.manner) == (verb, topic, verb != "say")
    monkeypatch.setattr(router, "SAY_TO_DEFEND", 0)
    assert route(q).verb == "say"


def test_positions_held_ask_the_roles():
    r = route("What positions did Ann Lee hold at the time she endorsed the speaker?")
    assert (r.name, r.subject) == ("membership", "Ann Lee")


ART = "ex:rally"
PARAS = [
    "What unified the candidates on Sunday was the governor's effort to control the spread of "
    "guns, possibly by executive action rather than going through the legislature.",
    "Ann Lee, hoping to surge in the north, called the governor a \"petulant child\" who is "
    "acting \"as if he is a king.\"",
    "Retired surgeon Ben Dole went on a Sunday show to defend his recent staff shake-up, viewed as "
    "a sign his campaign may be in trouble.",
    "Dole brought in a new campaign manager last month, leading to the exodus of two top aides.",
    "He praised those who left but said, \"We're in a different ballgame.\"",
]
LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []},
          "ex:dole": {"en": ["Ben Dole", "Dole"], "zh": []}}
TYPES = {k: "Person" for k in LABELS}


@pytest.fixture(scope="module")
def rally():
    rows = [
        ("ex:lee", "hoping", "to surge in the north", PARAS[1]),
        ("ex:lee", "called", "the governor a \"petulant child\" who is acting \"as if he is a king.\"",
         PARAS[1]),
        ("ex:dole", "defend", "his recent staff shake-up", PARAS[2]),
        ("ex:dole", "said", "\"We're in a different ballgame.\"", PARAS[4]),
    ]
    return engine_of(rows, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_the_paragraph_before_writes_the_topic(rally, monkeypatch):
    q = "How did Ann Lee characterize the governor over his push to act on guns by executive action?"
    assert "petulant" in _top(rally.ask(q))["text"]
    monkeypatch.setattr(routes, "LEAD_PARAGRAPH", 0)
    assert rally.ask(q)["abstained"]


TOWN = ["At a town hall on gun violence and executive action, Ann Lee, hoping to surge in the "
        "north, called the governor a \"petulant child.\""]


@pytest.mark.slow
def test_two_claims_of_one_sentence_rank_by_their_own_words(monkeypatch):
    rows = [("ex:lee", "hoping", "to surge in the north", TOWN[0]),
            ("ex:lee", "called", "the governor a \"petulant child.\"", TOWN[0])]
    engine = engine_of(rows, LABELS, TYPES, TOWN, "ex:town")
    q = "How did Ann Lee characterize the governor at the town hall on gun violence and executive action?"
    assert "petulant" in _top(engine.ask(q))["text"]
    monkeypatch.setattr(routes, "OWN_TIE", 0.0)
    assert "petulant" not in _top(engine.ask(q))["text"]


@pytest.mark.slow
def test_how_x_justified_y_is_xs_defence(rally, monkeypatch):
    q = "What did Ben Dole say to justify replacing his campaign leadership?"
    got = rally.ask(q)
    assert not got["abstained"] and any((a["speaker"] or {}).get("label") == "Ben Dole"
                                        for a in got["answers"]), got
    monkeypatch.setattr(routes, "MANNER_CUED", 0)
    assert rally.ask(q)["abstained"]


@pytest.mark.parametrize("subject, gender", [
    ("woman who shouted the insult about Ted Crane at Donald Crane's rally", "f"),
    ("the man in the red hat", "m"),
    ("那位在克雷恩集会上喊出侮辱性词语的女支持者", "f"),
    ("Ann Lee", None),
    ("the women's caucus chairman", None),
    ("the Gold Star mother", None),
])
def test_described_gender(subject, gender):
    assert routes.described_gender(subject) == gender


RALLY = [
    "Donald Crane was mocking his rival when a woman in the crowd shouted out an insult.",
    "The woman who started it all identified herself as a local resident named Caroline Baxter.",
    "\u201cIt just came out of my mouth,\u201d she said.",
]
R_LABELS = {"ex:crane": {"en": ["Donald Crane", "Crane"], "zh": []},
            "ex:baxter": {"en": ["Caroline Baxter", "Baxter"], "zh": []}}


@pytest.mark.slow
def test_a_described_woman_is_a_quoted_woman(monkeypatch):
    rows = [("ex:crane", "mocking", "his rival", RALLY[0]),
            ("ex:baxter", "said", "\u201cIt just came out of my mouth,\u201d", RALLY[2])]
    engine = engine_of(rows, R_LABELS, {k: "Person" for k in R_LABELS}, RALLY, "ex:rally2")
    q = "How did the woman who shouted the insult at Donald Crane's rally explain why she did it?"
    assert _top(engine.ask(q))["speaker"]["label"] == "Caroline Baxter"
    monkeypatch.setattr(routes, "DESCRIBED_GENDER", 0)
    got = engine.ask(q)
    assert got["abstained"] or got["answers"][0]["speaker"]["label"] != "Caroline Baxter"

"""Session 21, from the held-out set written blind on three PolNeAR train articles:

- reading: a body whose paragraphs are single lines (after a title and a blank line) has a
  paragraph per line, a hard-wrapped sentence staying one;
- extraction: a name inside a source's relative clause is not the speaker ("officials who
  spoke with The Huffington Post said"); a reporting verb conjoined to another shares its
  subject, so the person it reports on is not the one "he" comes back to; "Twitter's Adam
  Sharp said", tagged one work of art, is Adam Sharp;
- routing: a quoted why-question with who asked it ('"But why?" reporter Jo Nash asked him.')
  sets up the answer after it, and "X为什么说Y?" is a why-question too; "When Y asked ..., how
  did X respond?" is asked as "How did X respond when Y
  asked ...?"; "What is the background of X, the ...?" and "Who is X, the ...?" ask who X
  is; "X是如何为Y辩护的?" asks what X said of Y;
- ranking: "How did X defend Y?" is answered by the quote right after X's claim cued
  "defended"; "when Y asked ..." is answered after Y's claim reported by "asked"; a who-question
  is answered by the statement writing nearly all its words though others name its names and
  rank higher ("He hates them. He's trying to kill them," Pell said); a who-question's verb finds a doer written with a verb of the same meaning
  ("conceded" / "acknowledged"); "how much money / time" prefers a sentence giving a sum
  and a span of time.

The extraction tests parse small hand-written texts; the engine test embeds a hand-built
snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.extract import coref, extractor, readers
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import paragraph_ranges, read_text
from claimgraph.qa import routes
from claimgraph.qa.router import route, unfronted
from coref_speaker import resolved_speaker
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


LINES = ("Crane Doubles Down.\n\n"
         "Radio host Hugh Pell interviewed Donald Crane on Thursday.\n"
         "\u201cNo, it is no mistake,\u201d Crane said.\u00a0\n"
         "Editor\u2019s note: this story was\nupdated on Friday.\n\n"
         "The end.")


def _paras(text):
    return [text[a:b] for a, b in paragraph_ranges(text)]


def test_single_line_paragraphs_after_a_blank_line(monkeypatch):
    assert _paras(LINES) == [
        "Crane Doubles Down.", "Radio host Hugh Pell interviewed Donald Crane on Thursday.",
        "\u201cNo, it is no mistake,\u201d Crane said.",
        "Editor\u2019s note: this story was\nupdated on Friday.", "The end."]
    monkeypatch.setattr(readers, "LINE_PARAGRAPHS", 0)
    assert len(_paras(LINES)) == 3


def test_hard_wrapped_text_stays_one_paragraph(monkeypatch):
    wrapped = ("Title\n\nThe council met on Monday and voted to close the\nharbor road.\nThe mayor "
               "said the vote was\nfair. Residents of the east side were\nnot consulted, a group said.")
    assert len(_paras(wrapped)) == 2
    monkeypatch.setattr(readers, "LINE_SHARE", 0.0)  # one break of four ends a sentence
    assert len(_paras(wrapped)) == 3


OFFICIALS = (
    "Party Looks For New Chair.\n\n"
    "The party needs to rebuild after the chair's tenure. Current and former officials who "
    "spoke with The Daily Ledger said the organization has become a shell of itself.\n")


def _speakers(text: str, needle: str) -> set:
    ex = extract_article(read_text(text, "hand-written.txt"))
    return {c.speaker for c in ex.claims if needle in ex.article.text[c.content.start:c.content.end]}


def test_a_name_in_the_sources_relative_clause_does_not_speak(monkeypatch):
    monkeypatch.setattr(extractor, "RELATIVE_CLAUSE_NAMES", 0)
    assert _speakers(OFFICIALS, "shell of itself") == {"daily ledger"}
    monkeypatch.setattr(extractor, "RELATIVE_CLAUSE_NAMES", 1)
    assert _speakers(OFFICIALS, "shell of itself") == {None}


def test_before_relative():
    assert coref.before_relative("officials who spoke with The Daily Ledger") == len("officials")
    assert coref.before_relative("Schiff, 56, who has served") == len("Schiff, 56")
    assert coref.before_relative("who") == 3  # the pronoun itself stays
    assert coref.before_relative("Tom Baxter") == len("Tom Baxter")


CONJOINED = (
    "Radio host Hugh Pell interviewed Donald Crane on Thursday.\n"
    "Pell argued that liberals allowed crime to flourish, but suggested Crane went too far.\n"
    "\u201cBut by using that term, they are hitting you again. Mistake?\u201d he asked.\n")


def test_a_conjoined_reporting_verb_shares_its_subject(nlp, monkeypatch):
    monkeypatch.setattr(coref, "CONJOINED_REPORTERS", 0)
    assert resolved_speaker(nlp, CONJOINED, "he") == "Donald Crane"
    monkeypatch.setattr(coref, "CONJOINED_REPORTERS", 1)
    assert resolved_speaker(nlp, CONJOINED, "he") == "Hugh Pell"


def test_a_fronted_time_clause_goes_last():
    assert unfronted("When Pell asked whether it was a mistake, how did Crane respond?") == \
        "How did Crane respond when Pell asked whether it was a mistake?"
    assert unfronted("After the debate, what did Lee say about taxes?") == \
        "What did Lee say about taxes after the debate?"
    for q in ("When did Crane say that?", "How did Crane respond?",
              "As a senator, Lee voted for it."):
        assert unfronted(q) == q


@pytest.mark.parametrize("q, subject", [
    ("What is the background of Tim Canova, the Democrat challenging Debbie Wasserman Schultz?",
     "Tim Canova"),
    ("What is the job of Ann Lee?", "Ann Lee"),
    ("Who is Tim Canova, the Democrat challenging Wasserman Schultz in her primary?", "Tim Canova"),
])
def test_who_x_is_asked_with_a_description(q, subject):
    r = route(q)
    assert (r.name, r.subject) == ("membership", subject)


def test_background_of_a_concept_stays_a_concept():
    assert route("What is the background of the Mar-a-Lago Accord?").name == "concept"
    assert route("What is the role of Standard Chartered in the deal?").name == "concept"


def test_chinese_how_did_x_defend_y():
    r = route("克里斯蒂是如何为特朗普对非裔美国人生活状况的描述进行辩护的？")
    assert (r.name, r.subject, r.topic) == ("say", "克里斯蒂", "特朗普对非裔美国人生活状况的描述")


def test_verb_kin_are_one_meaning_each():
    kin = [g for g in routes.VERB_KIN if "concede" in g]
    assert kin and "acknowledge" in kin[0] and "admit" in kin[0]
    assert not any("said" in g or "say" in g for g in routes.VERB_KIN)


@pytest.mark.parametrize("q, want", [
    ("How much time and money did the committee spend on its investigation?", [True, True]),
    ("How much did the new stadium cost?", [True, False]),
    ("How long did the siege last?", [False, True]),
    ("How long is the border wall?", [False, False]),
    ("How much did prices rise?", [False, False]),
])
def test_amounts_asked(q, want):
    assert [bool(asked.search(q)) for asked, _given in routes.AMOUNTS_ASKED] == want


@pytest.mark.parametrize("sentence, want", [
    ("It is impossible to spend two years and $7 million probing government.", [True, True]),
    ("The fund paid 40 million euros.", [True, False]),
    ("The talks ran for several months.", [False, True]),
    ("Seven panels had already looked into it.", [False, False]),
])
def test_amounts_given(sentence, want):
    assert [bool(given.search(sentence)) for _asked, given in routes.AMOUNTS_ASKED] == want


ART = "ex:inquiry"
PARAS = [
    "Report on the harbor collapse sheds little light.",
    "To that end they created a select committee to investigate the harbor, after seven "
    "panels and one commission had already done so.",
    "It is impossible to spend two years and $7 million probing government and not find fault.",
]
LABELS = {"ex:harbor": {"en": ["Harbor"], "zh": []}}
TYPES = {"ex:harbor": "Place"}


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine([], LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_how_much_time_and_money_finds_the_sum_and_the_span(engine, monkeypatch):
    q = "How much time and money did the select committee spend on its investigation?"
    top = _top(engine.ask(q))
    assert "two years and $7 million" in top["evidence"][0]["quote"], top["text"]
    monkeypatch.setattr(routes, "AMOUNTS_ASKED", ())
    top = _top(engine.ask(q))
    assert "two years" not in top["evidence"][0]["quote"], top["text"]


def _engine(paras: list[str], labels: dict, types: dict, rows: list[tuple]):
    """A hand-built engine over ``paras`` whose claims are ``rows`` of (speaker, cue,
    content, the sentence or part of it that is the claim's evidence)."""
    text = "\n".join(paras)
    stmts = [claim(labels, lambda sentence: evidence(text, R_ART, sentence), *row) for row in rows]
    return handbuilt_engine(stmts, labels, types, paras, R_ART)


R_ART = "ex:interview"
R_PARAS = [
    "Radio host Hugh Pell interviewed Donald Crane on Thursday.",
    "Crane said on Wednesday that Mayor Olson was the founder of the crime wave.",
    "Pell said Crane had claimed Olson was \u201cthe founder\u201d of the criminal organization.",
    "\u201cNo, I meant he is the founder. He was the most valuable player,\u201d Crane said.",
    "Pell said the term was hurting Crane with voters.",
    "\u201cBut by using the term founder, they are hitting you again. Mistake?\u201d Pell asked.",
    "\u201cNo, it is no mistake. Everyone is liking it,\u201d Crane said.",
]
R_LABELS = {"ex:crane": {"en": ["Donald Crane", "Crane"], "zh": []},
            "ex:pell": {"en": ["Hugh Pell", "Pell"], "zh": []},
            "ex:olson": {"en": ["Olson"], "zh": []}}
R_TYPES = {k: "Person" for k in R_LABELS}


@pytest.fixture(scope="module")
def interview():
    return _engine(R_PARAS, R_LABELS, R_TYPES, [
        ("ex:crane", "said", "Mayor Olson was the founder of the crime wave", R_PARAS[1]),
        ("ex:pell", "said", "Crane had claimed Olson was \u201cthe founder\u201d of the criminal organization",
         R_PARAS[2]),
        ("ex:crane", "said", "\u201cNo, I meant he is the founder. He was the most valuable player,\u201d",
         R_PARAS[3]),
        ("ex:pell", "said", "the term was hurting Crane with voters", R_PARAS[4]),
        ("ex:pell", "asked", "\u201cBut by using the term founder, they are hitting you again. Mistake?\u201d",
         R_PARAS[5]),
        ("ex:crane", "said", "\u201cNo, it is no mistake. Everyone is liking it,\u201d", R_PARAS[6]),
    ])


@pytest.mark.slow
def test_when_y_asked_is_answered_after_ys_question(interview, monkeypatch):
    q = "When Pell asked whether calling Olson the founder of the gang was a mistake, how did Crane respond?"
    top = _top(interview.ask(q))
    assert "no mistake" in top["evidence"][0]["quote"], top["text"]
    monkeypatch.setattr(routes, "RESPONSE_CUE_BONUS", 0.0)
    top = _top(interview.ask(q))
    assert "no mistake" not in top["evidence"][0]["quote"], top["text"]


H_PARAS = [
    "Crane Calls Mayor Olson The Founder Of The Gang.",
    "\u201cI meant exactly that. Olson is the founder of the gang,\u201d Crane said.",
    "\u201cBut he is not sympathetic to them. He hates them. He is trying to kill them,\u201d Pell said.",
    "\u201cI don't care. Olson was the founder. The way he left was the founding of the gang,\u201d "
    "Crane said.",
    "\u201cOlson is the most valuable player of the gang. Give Olson the award,\u201d Crane said.",
    "\u201cThe gang should thank Mayor Olson, its founder,\u201d Crane said.",
]


@pytest.fixture(scope="module")
def hates():
    return _engine(H_PARAS, R_LABELS, R_TYPES, [
        ("ex:crane", "said", "\u201cI meant exactly that. Olson is the founder of the gang,\u201d", H_PARAS[1]),
        ("ex:pell", "said", "\u201cBut he is not sympathetic to them. He hates them. He is trying to kill "
         "them,\u201d", H_PARAS[2]),
        ("ex:crane", "said", "\u201cI don't care. Olson was the founder. The way he left was the founding "
         "of the gang,\u201d", H_PARAS[3]),
        ("ex:crane", "said", "\u201cOlson is the most valuable player of the gang. Give Olson the "
         "award,\u201d", H_PARAS[4]),
        ("ex:crane", "said", "\u201cThe gang should thank Mayor Olson, its founder,\u201d", H_PARAS[5]),
    ])


@pytest.mark.slow
def test_who_said_by_the_words_beyond_the_names(hates, monkeypatch):
    q = "Who said Olson hates the gang and is trying to kill them?"
    got = hates.ask(q)
    assert not got["abstained"] and _top(got)["speaker"]["label"] == "Hugh Pell", got
    monkeypatch.setattr(routes, "COVERED_IN_POOL", 0)
    got = hates.ask(q)
    assert got["abstained"] or _top(got)["speaker"]["label"] != "Hugh Pell", got


D_PARAS = [
    "Governor Ann Lee on Sunday defended the budget plan's cost of $4 billion.",
    "\u201cThe money comes back to us in jobs and in roads,\u201d Lee said.",
    "Lee said the budget plan's cost would be shared with the counties.",
]
D_LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": ["李安"]}}


@pytest.fixture(scope="module")
def defended():
    return _engine(D_PARAS, D_LABELS, {"ex:lee": "Person"}, [
        ("ex:lee", "defended", "the budget plan's cost of $4 billion", D_PARAS[0]),
        ("ex:lee", "said", "\u201cThe money comes back to us in jobs and in roads,\u201d",
         D_PARAS[1][:-len(" Lee said.")]),
        ("ex:lee", "said", "the budget plan's cost would be shared with the counties", D_PARAS[2]),
    ])


@pytest.mark.slow
def test_how_did_x_defend_y_is_the_quote_after(defended, monkeypatch):
    q = "How did Lee defend the budget plan's cost?"
    assert route(q).manner
    assert "money comes back" in _top(defended.ask(q))["evidence"][0]["quote"]
    monkeypatch.setattr(routes, "MANNER_QUOTES", 0)
    assert "money comes back" not in _top(defended.ask(q))["evidence"][0]["quote"]


@pytest.mark.parametrize("text, asks", [
    ("\u201cBut why?\u201d reporter Jackie Nespral asked him.", True),
    ("\u201cWhy?\u201d she asked.", True),
    ("Why the affiliation?", True),
    ("\u201cBut why?\u201d he said, and then he left the room.", False),
    ("Why not? Because it is late.", False),
])
def test_why_asked(text, asks):
    assert bool(routes.WHY_ASKED.match(text)) == asks


def test_chinese_why_say_is_a_why_question():
    r = route("特朗普为什么说奥巴马是ISIS的创始人?")
    assert (r.name, r.subject, r.why) == ("say", "特朗普", True)
    assert not route("特朗普对奥巴马怎么看?").why


OWNED = ("Nobody else in the field looks primed to break out of the pack.\n\n"
         "\"What stuns me is how little the playing field seems to shift week to week,\" "
         "Twitter's Adam Sharp said.")


def test_an_owners_person_is_the_person(nlp, monkeypatch):
    monkeypatch.setattr(coref, "OWNED_NAMES", 0)
    off = resolved_speaker(nlp, OWNED, "Twitter's Adam Sharp")
    monkeypatch.setattr(coref, "OWNED_NAMES", 1)
    assert (off, resolved_speaker(nlp, OWNED, "Twitter's Adam Sharp")) == ("Twitter's Adam Sharp", "Adam Sharp")
    assert coref._OWNED_NAME.match("Monday's Morning Email")  # the pattern, but no given name
    text = "Monday's Morning Email said the morning was quiet."
    assert resolved_speaker(nlp, text, "Monday's Morning Email") != "Morning Email"

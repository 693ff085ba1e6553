"""Classes of QA failure found on blind-written question sets (session 10):

* "How has X described Y?" (the perfect) and "Where does X stand on Y?" ask what X said of
  Y; for a stance, a sentence about X that X opens ("Ann Lee ... has been a consistent
  supporter of NATO") answers, as the Chinese 对Y持什么立场 does;
* a Chinese name the dictionary writes with the given name in parentheses, 金里奇
  "(Newt) Gingrich", is that person;
* a stance verb the extractor took for a cue ("admires Putin as a 'strong leader'") is what
  X thinks, not an action below X's statements;
* "In what year did ...?" is answered by a sentence writing a year (no number else);
* "What did X tell Y at Z?": Y is whom X told, Z the occasion (not a topic X's words must
  write); a paragraph opening with a pronoun ("scolded him: ...") names whom in the
  paragraph before;
* a topic naming a person X's statements never name is not passed by another name it
  writes that they do ("Oz's interview with Trump" for claims about Oz only);
* who-said: the claim quoting the question's words in a row first;
* a question the article asks ("What is Trump's view of NATO?") is no claim of X's;
* "as The New Yorker put it, 'the operator'" is what The New Yorker said.

The router, dictionary and helper tests are fast; the engine tests embed a hand-built
snapshot (slow).
"""

from __future__ import annotations

import os
import re

import pytest
from claimgraph.qa.gloss import name_senses
from claimgraph.qa.router import route
from claimgraph.qa.routes import _asks, _put_it, _quoted_first, speech_cue
from claimgraph.qa.translit import Transliterator
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_how_has_x_described_y_and_where_does_x_stand():
    r = route("How has Trump described Vladimir Putin?")
    assert (r.name, r.subject, r.topic) == ("say", "Trump", "Vladimir Putin")
    r = route("Where does Hillary Clinton stand on NATO?")
    assert (r.name, r.subject, r.topic, r.stance) == ("say", "Hillary Clinton", "NATO", True)
    r = route("希拉里·克林顿对北约持什么立场?")
    assert (r.name, r.subject, r.topic, r.stance) == ("say", "希拉里·克林顿", "北约", True)
    assert not route("What did Trump say about NATO?").stance
    assert route("Where does Michael Haltzel work?").name == "membership"


def test_which_organization_does_x_lead():
    for q in ("Which organization does Cornell William Brooks lead?",
              "Which Senate committee has Hillary Clinton served on?", "What company does Ann Lee run?"):
        r = route(q)
        assert r.name == "membership" and r.subject in ("Cornell William Brooks", "Hillary Clinton",
                                                         "Ann Lee"), q
    assert route("Which group did Ann Lee criticize?").name != "membership"


def test_told_y_at_an_occasion():
    r = route("What did McCaskill tell Oz at the 2014 Senate hearing?")
    assert (r.subject, r.topic, r.venue) == ("McCaskill", "Oz", "at the 2014 Senate hearing")
    # "about" still gives the topic
    r = route("What did Warren tell Stumpf at the hearing about the fraud?")
    assert r.topic != "Stumpf"
    r = route("特朗普在接受彭博社采访时如何评价北约?")
    assert (r.subject, r.topic, r.venue) == ("特朗普", "北约", "接受彭博社采访")


def test_a_surname_after_the_given_name_in_parentheses():
    assert "Gingrich" in name_senses("金里奇")
    m = Transliterator({"e:g": ["Newt Gingrich"], "e:e": ["Estonia"]}, {"e:g"})
    assert [x.iri for x in m.find("What did 金里奇 say about Estonia in July?")] == ["e:g"]


def _claim(cue: str, content: str, quote: str) -> Statement:
    return Statement("claim", f"Donald Trump {cue}: {content}", f"{cue} {content}",
                     {"iri": "ex:t", "label": "Donald Trump"},
                     [{"article": "a", "paragraph": 1, "quote": quote, "start": 0, "end": len(quote)}],
                     ("ex:t",), ())


def test_a_stance_verb_is_what_x_thinks():
    assert speech_cue(_claim("admires", "Putin as a strong leader",
                             "Trump admires Putin as a strong leader."))
    assert not speech_cue(_claim("grilled", "Stumpf", "Trump grilled Stumpf."))


def test_a_question_the_article_asks_is_no_claim():
    assert _asks(_claim("view", "of NATO", "What is Trump's view of NATO?"))
    assert not _asks(_claim("asked", "“Why not?”", "Trump asked: “Why not?”"))
    assert not _asks(_claim("said", "NATO is obsolete", "Trump said NATO is obsolete."))
    assert not _asks(_claim("asked", "why the U.S. should pay", "Trump asked why the U.S. should pay?"))


def test_as_x_put_it():
    q = "as The New Yorker put it in a lengthy expose, “the operator.”"
    m = re.compile(r"The New Yorker\s+(?P<v>[a-z]+)\b").search(q)
    assert _put_it(m, q)
    q2 = "The New Yorker put the profile online."
    assert not _put_it(re.compile(r"The New Yorker\s+(?P<v>[a-z]+)\b").search(q2), q2)


def test_who_said_the_words_quoted_first():
    def ans(who, quote, score):
        return {"text": who, "score": score, "speaker": {"label": who},
                "evidence": [{"quote": quote}]}

    found = [ans("Vox", "Oz places business above his scientific training", 0.76),
             ans("Gorski", "Oz has a huge bully pulpit", 0.65),
             ans("McCaskill", "The scientific community is almost monolithic against you", 0.64)]
    out = _quoted_first(found, "Oz the scientific community is almost monolithic against him")
    assert out[0]["speaker"]["label"] == "McCaskill" and out[0]["score"] == 0.76
    assert [a["speaker"]["label"] for a in out[1:]] == ["Vox", "Gorski"]
    # two words in a row are no quotation
    assert _quoted_first(found, "Oz scientific training")[0]["speaker"]["label"] == "Vox"


ART = "ex:s10"
PARAS = [
    "Ann Lee, a longtime member of the Armed Services Committee, has been a consistent and "
    "outspoken supporter of NATO and of solidarity with its allies.",
    "Ann Lee said the election would be close.",
    "A group of doctors in 2015 sent a letter to the dean of Hill College, calling for Mark "
    "Oz's dismissal.",
    "Mark Oz appeared at a 2014 Senate hearing for his role in promoting diet pills on his show.",
    "Sen. Jane Roe scolded him: \"The scientific community is almost monolithic against you.\"",
    "\"Oz has a huge bully pulpit,\" said Dan Gorski, a professor of surgery.",
    "Dan Gorski said Oz's show is full of bad medical advice.",
    "Bob Trump gave an interview on Oz's show in September.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:nato": {"en": ["NATO"], "zh": []},
          "ex:oz": {"en": ["Mark Oz", "Oz"], "zh": []}, "ex:roe": {"en": ["Jane Roe"], "zh": []},
          "ex:gorski": {"en": ["Dan Gorski"], "zh": []}, "ex:trump": {"en": ["Bob Trump"], "zh": []},
          "ex:hill": {"en": ["Hill College"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:nato": "Organization", "ex:oz": "Person", "ex:roe": "Person",
         "ex:gorski": "Person", "ex:trump": "Person", "ex:hill": "Organization"}


def _claims() -> list[Statement]:
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    return [
        claim(LABELS, ev, "ex:lee", "said", "the election would be close", PARAS[1]),
        claim(LABELS, ev, "ex:roe", "scolded", "\"The scientific community is almost monolithic "
              "against you.\"", PARAS[4]),
        claim(LABELS, ev, "ex:gorski", "said", "\"Oz has a huge bully pulpit,\"", PARAS[5], ("ex:oz",)),
        claim(LABELS, ev, "ex:gorski", "said", "Oz's show is full of bad medical advice", PARAS[6],
              ("ex:oz",)),
    ]


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine(_claims(), LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_where_does_x_stand_is_answered_by_a_sentence_x_opens(engine):
    top = _top(engine.ask("Where does Ann Lee stand on NATO?"))
    assert "supporter of NATO" in top["text"] and top["speaker"]["label"] == "Ann Lee"
    assert engine.ask("Where does Ann Lee stand on tennis?")["abstained"]


@pytest.mark.slow
def test_in_what_year(engine):
    top = _top(engine.ask("In what year did a group of doctors write to Hill College?"))
    assert "2015" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_told_y_at_an_occasion_named_the_paragraph_before(engine):
    for q in ("What did Jane Roe tell Oz at the 2014 Senate hearing?",
              "What did Roe tell Oz at the 2014 Senate hearing?"):  # linked / found by words
        top = _top(engine.ask(q))
        assert "Roe" in top["speaker"]["label"] and "monolithic" in top["text"], q


@pytest.mark.slow
def test_a_topic_naming_someone_never_named_is_not_passed_by_another_name(engine):
    assert engine.ask("What did Dan Gorski say about Oz's interview with Bob Trump?")["abstained"]
    top = _top(engine.ask("What did Dan Gorski say about Oz?"))
    assert top["speaker"]["label"] == "Dan Gorski"

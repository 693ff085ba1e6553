"""Classes of QA failure found on blind-written question sets (session 8):

* "X is quoted, but not about Y" where X is: a noun made from a verb the article writes
  ("hospitalization" / "hospitalized"), a doubled-consonant inflection ("letting" / "let"),
  a function word no article need write ("without"), a venue before "about" ("say on CNBC
  about ...");
* a topic naming a place X's statements never name is refused, however near a long quote
  of X's sits to it ("What did Christie say about Trump's comments on Tulsa?");
* a group asked with a place ("the protesters in Tulsa") is the group, found by a noun of
  the same meaning ("Demonstrators said ..."), not the place; a group credited with no claim
  ("analysts", "advocates") speaks in a sentence where it is the subject of a reporting verb;
* a paragraph introduced by "The governor added:" is the governor's claim (the extractor's
  block quotes, extract/attribution._block_quotes): the QA answers from it;
* a Western place name written by sound in a Chinese topic (塔尔萨, Tulsa) is linked and
  glossed as its English label, not as characters of other words.

The router tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from claimgraph.qa.support import derived_stem
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:s8"
PARAS = [
    "Hillary Clinton criticized police officer Betty Shelby for shooting Terence Crutcher.",
    "Demonstrators said they want \"justice for Terence,\" but pledged to remain civil. The Tulsa "
    "protest remained peaceful.",
    "On Wednesday, Donald Trump told a crowd in Cleveland that he was \"troubled\" by the shooting "
    "in Tulsa. He called the incident a terrible situation.",
    "Chris Christie called Clinton a \"disgrace\" on a radio show. \"Those comments are a disgrace,\" "
    "he said.",
    "The governor added:",
    "It is typical of Hillary Clinton. She knows nothing, but the mouth never stops. People jumped to "
    "conclusions in Ferguson because of politicians dumping gasoline on a fire.",
    "Melanie disputes the idea that she needed to be hospitalized. Melanie said she had been "
    "hospitalized for weeks after a rant online.",
    "Trump has questioned the need for moderators before the candidates meet. \"Let Hillary and I "
    "sit there and just debate,\" Trump said this month on CNBC.",
    "The Republican nominee has wondered whether the moderators will be fair, engaging in what "
    "analysts described as pre-debate tactics.",
    "Chief Justice John G. Roberts Jr. spoke of the legacy of racism in Jim Crow laws.",
    "Christie, who would hold the office of president if he won, still hopes to hold office, was on "
    "the radio. New Jersey Gov. Chris Christie then left.",
]
LABELS = {"ex:clinton": {"en": ["Hillary Clinton", "Clinton"], "zh": []},
          "ex:shelby": {"en": ["Betty Shelby"], "zh": []},
          "ex:crutcher": {"en": ["Terence Crutcher"], "zh": []},
          "ex:trump": {"en": ["Donald Trump", "Trump"], "zh": ["特朗普"]},
          "ex:christie": {"en": ["Chris Christie", "Christie"], "zh": ["克里斯蒂"]},
          "ex:tulsa": {"en": ["Tulsa"], "zh": []}, "ex:cleveland": {"en": ["Cleveland"], "zh": []},
          "ex:ferguson": {"en": ["Ferguson"], "zh": []},
          "ex:melanie": {"en": ["Melanie"], "zh": []}, "ex:cnbc": {"en": ["CNBC"], "zh": []},
          "ex:jgr": {"en": ["John G. Roberts Jr"], "zh": []}, "ex:roberts": {"en": ["Roberts"], "zh": []}}
TYPES = {"ex:clinton": "Person", "ex:shelby": "Person", "ex:crutcher": "Person",
         "ex:trump": "Person", "ex:christie": "Person", "ex:tulsa": "Place",
         "ex:cleveland": "Place", "ex:ferguson": "Place", "ex:melanie": "Person",
         "ex:cnbc": "Organization", "ex:jgr": "Person", "ex:roberts": "Person"}


def _claims() -> list[Statement]:
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    demo = "Demonstrators said they want \"justice for Terence,\" but pledged to remain civil."
    return [
        claim(LABELS, ev, "ex:clinton", "criticized", "police officer Betty Shelby for shooting "
              "Terence Crutcher", PARAS[0], ("ex:shelby", "ex:crutcher")),
        Statement("claim", "Demonstrators said: they want \"justice for Terence,\"",
                  "said they want \"justice for Terence,\"", {"iri": None, "label": "Demonstrators"},
                  [ev(demo)], (), ()),
        claim(LABELS, ev, "ex:trump", "told", "that he was \"troubled\" by the shooting in Tulsa",
              "On Wednesday, Donald Trump told a crowd in Cleveland that he was \"troubled\" by the "
              "shooting in Tulsa.", ("ex:tulsa",)),
        claim(LABELS, ev, "ex:christie", "called", "Clinton a \"disgrace\" on a radio show",
              "Chris Christie called Clinton a \"disgrace\" on a radio show.", ("ex:clinton",)),
        claim(LABELS, ev, "ex:christie", "said", "\"Those comments are a disgrace,\"",
              "\"Those comments are a disgrace,\" he said."),
        # the block quote "The governor added:" introduces, as extract/attribution._block_quotes
        # gives it: cue in paragraph 5, content the whole of paragraph 6
        claim(LABELS, ev, "ex:christie", "added", PARAS[5], PARAS[5], ("ex:clinton", "ex:ferguson")),
        claim(LABELS, ev, "ex:melanie", "said", "she had been hospitalized for weeks after a rant "
              "online", "Melanie said she had been hospitalized for weeks after a rant online."),
        claim(LABELS, ev, "ex:trump", "questioned", "the need for moderators before the candidates meet",
              "Trump has questioned the need for moderators before the candidates meet."),
        claim(LABELS, ev, "ex:trump", "said", "\"Let Hillary and I sit there and just debate,\"",
              "\"Let Hillary and I sit there and just debate,\" Trump said this month on CNBC.",
              ("ex:clinton", "ex:cnbc")),
        claim(LABELS, ev, "ex:jgr", "spoke", "of the legacy of racism in Jim Crow laws", PARAS[9]),
    ]


def test_a_venue_before_about_is_no_topic_word():
    r = route("What did Trump say on CNBC about letting the candidates debate without moderators?")
    assert (r.subject, r.topic, r.venue) == (
        "Trump", "letting the candidates debate without moderators", "on CNBC")
    r = route("What did X say to reporters on Tuesday about the bill?")
    assert (r.topic, r.venue) == ("the bill", "to reporters on Tuesday")
    assert route("What did X say in the interview?").topic == "the interview"


def test_a_derived_noun_shares_its_verbs_stem():
    assert derived_stem("hospitalization") == "hospitaliz"
    assert derived_stem("refusal") == "refus"
    assert derived_stem("nation") is None  # no stem of five letters


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine(_claims(), LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_block_quote_answers_who_said(engine):
    top = _top(engine.ask("Who said Clinton knows nothing but the mouth never stops?"))
    assert top["speaker"]["label"] == "Chris Christie"
    top = _top(engine.ask("What did Christie say about Ferguson?"))
    assert "Ferguson" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_derived_noun_is_a_known_word(engine):
    assert engine._known("hospitalization")  # "hospitalized"
    top = _top(engine.ask("What did Melanie say about her hospitalization?"))
    assert "weeks" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_letting_without_and_a_venue(engine):
    assert engine._known("lett")  # "letting": "let"
    top = _top(engine.ask("What did Trump say on CNBC about letting the candidates debate without "
                          "moderators?"))
    assert "just debate" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_place_x_never_names(engine):
    q = "What did Christie say about Trump's comments on Tulsa?"
    links = engine.linker.link(q)
    subj = [lk for lk in links if lk.iri == "ex:christie"]
    mine = engine.ids_with(engine.by_index, {"ex:christie"}, ("claim",)).tolist()
    assert engine._unnamed("Trump's comments on Tulsa", links, subj, engine._context(mine))
    assert not engine._unnamed("Ferguson", engine.linker.link("about Ferguson"), [],
                               engine._context(mine))
    assert engine.ask(q)["abstained"]


@pytest.mark.slow
def test_a_group_in_a_place(engine):
    top = _top(engine.ask("What did the protesters in Tulsa say they want?"))
    assert top["speaker"]["label"] == "Demonstrators"
    assert engine.ask("What did Tulsa say?")["abstained"]


@pytest.mark.slow
def test_a_group_with_no_claim_speaks_in_a_sentence(engine):
    top = _top(engine.ask("How did analysts describe Trump's remarks about the moderators?"))
    assert top["speaker"]["label"] == "analysts" and "pre-debate" in top["evidence"][0]["quote"]
    assert engine.ask("What did analysts say about the weather?")["abstained"]


@pytest.mark.slow
def test_a_place_written_by_sound_in_a_chinese_topic(engine):
    links = engine.linker.link("特朗普对塔尔萨枪击事件说了什么?")
    assert {lk.iri for lk in links} >= {"ex:trump", "ex:tulsa"}
    top = _top(engine.ask("特朗普对塔尔萨枪击事件说了什么?"))
    assert top["speaker"]["label"] == "Donald Trump" and "Tulsa" in top["evidence"][0]["quote"]
    assert engine.ask("克里斯蒂对塔尔萨枪击事件说了什么?")["abstained"]


def test_one_unnamed_professional_is_named_as_written():
    from claimgraph.qa.verbalize import one_source

    assert one_source("a doctor") == "a doctor" and one_source("one witness") == "one witness"
    assert one_source("a box") is None


def test_what_office_does_x_hold_asks_the_role():
    r = route("What office does Chris Christie hold?")
    assert (r.name, r.subject) == ("membership", "Chris Christie")
    assert route("What post did Ban Ki-moon hold?").name == "membership"


@pytest.mark.slow
def test_a_surname_before_a_generational_suffix_who_spoke(engine):
    assert engine.variants.get("ex:roberts") == {"ex:jgr"}  # "John G. Roberts Jr" is Roberts
    top = _top(engine.ask("What did Roberts say about racism?"))  # "spoke" reports speech
    assert top["speaker"]["label"] == "John G. Roberts Jr"


@pytest.mark.slow
def test_what_office_a_title_before_the_name_answers(engine):
    top = _top(engine.ask("What office does Chris Christie hold?"))
    assert "Gov." in top["evidence"][0]["quote"]

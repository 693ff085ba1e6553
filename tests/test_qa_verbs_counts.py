"""Which of X's claims a reporting verb asks for ("What did X write ..."), a report's
finding ("What did the GAO report find?"), when-questions answered by the dated sentence
of the event asked about, shares answered by a percentage, how-many questions that no
statement gives a number for, a name's number that is no count ("EB-5"), and a number's
sentence that names only a people ("Chinese citizens") being about whom the sentence
before names.

Router and helper tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from claimgraph.qa.routes import COUNT, NUMBER, _gives_count, _verb_forms
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_a_report_verb_after_the_reporter_is_no_topic():
    r = route("What did the Budget Office report find?")
    assert (r.name, r.subject, r.topic, r.verb) == ("say", "Budget Office", "", "find")
    r = route("What did Ann Lee write about the bill?")
    assert (r.topic, r.verb) == ("the bill", "write")


def test_verb_forms_and_counts():
    assert {"write", "wrote"} <= _verb_forms("wrote") and _verb_forms("") == set()
    assert not COUNT.search("The XB-7 program has grown rapidly.")
    assert not NUMBER.search("The XB-7 program has grown rapidly.")
    assert COUNT.search("About 10,000 visas are awarded annually")
    assert _gives_count("a father of seven") and not _gives_count("The program has grown.")


ART = "ex:verbs"
PARAS = [
    "Critics of the XB-7 program, like Senators Ann Lee and Bob Ray, see reauthorization as a "
    "chance to fix it.",
    "\"The program has become plagued by fraud and should expire,\" they wrote.",
    "The program, which was created in 1990, has expanded well beyond its original intent, "
    "they say.",
    "The XB-7 program has grown rapidly. About 10,000 visas are awarded annually, primarily "
    "to wealthy Chinese citizens, who make up about 80 percent of the investors.",
    "A Budget Office report released last year found that the agency could not trace the "
    "money.",
]


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:ray": {"en": ["Bob Ray"], "zh": []},
              "ex:xb7": {"en": ["XB-7"], "zh": []},
              "ex:cbo": {"en": ["Budget Office"], "zh": []},
              "ex:china": {"en": ["China"], "zh": []}}
    types = {"ex:lee": "Person", "ex:ray": "Person", "ex:xb7": "Organization",
             "ex:cbo": "Organization", "ex:china": "Place"}
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = []
    for who in ("ex:lee", "ex:ray"):
        stmts += [
            claim(labels, ev, who, "see", "reauthorization as a chance to fix it", PARAS[0]),
            claim(labels, ev, who, "wrote", PARAS[1].split(",\"")[0] + "\"", PARAS[1]),
            claim(labels, ev, who, "say", "The program, which was created in 1990, has expanded "
                  "well beyond its original intent", PARAS[2]),
        ]
    stmts.append(claim(labels, ev, "ex:cbo", "found", "that the agency could not trace the money",
                       PARAS[4]))
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_what_x_wrote_is_the_written_claim(engine):
    top = _top(engine.ask("What did Ann Lee write about the program?"))
    assert "plagued" in top["text"]
    # said is any cue: the best claim about the program, whichever verb
    top = _top(engine.ask("What did Ann Lee say about the program's original intent?"))
    assert "original intent" in top["text"]


@pytest.mark.slow
def test_what_a_report_found(engine):
    top = _top(engine.ask("What did the Budget Office report find?"))
    assert "trace the money" in top["text"]


@pytest.mark.slow
def test_when_is_the_dated_sentence_of_the_event(engine):
    top = _top(engine.ask("When was the XB-7 program created?"))
    assert "1990" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_share_is_a_percentage_and_a_people_is_no_name(engine):
    top = _top(engine.ask("What share of XB-7 investors are Chinese citizens?"))
    assert "80 percent" in top["evidence"][0]["quote"]
    top = _top(engine.ask("How many XB-7 visas are awarded each year?"))
    assert "10,000" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_how_many_with_no_number_is_refused(engine):
    res = engine.ask("How many senators signed the XB-7 letter?")
    assert res["abstained"]


def test_a_capitalized_word_is_part_of_the_name_not_the_verb():
    r = route("What did China and the United States vow?")
    assert (r.name, r.subject, r.verb) == ("say", "China and the United States", "vow")
    r = route("Where does Ann Lee teach?")
    assert (r.name, r.subject) == ("membership", "Ann Lee")


LEAD = ["In Yemen, a military coalition led by Saudi Arabia is implicated in the bombing of "
        "schools.", "Protesters marched through Charlotte on Sunday."]


@pytest.fixture(scope="module")
def leads():
    labels = {"ex:yemen": {"en": ["Yemen"], "zh": []},
              "ex:saudi": {"en": ["Saudi Arabia"], "zh": []},
              "ex:charlotte": {"en": ["Charlotte"], "zh": []}}
    types = {"ex:yemen": "Place", "ex:saudi": "Place", "ex:charlotte": "Place"}
    return handbuilt_engine([], labels, types, LEAD, "ex:leads")


@pytest.mark.slow
def test_who_leads_with_no_affiliation_reads_the_sentence_that_says_so(leads):
    top = _top(leads.ask("Who leads the military coalition in Yemen?"))
    assert "led by Saudi Arabia" in top["evidence"][0]["quote"]
    # a role no sentence writes stays refused
    assert leads.ask("Who is the police chief of Charlotte?")["abstained"]


def test_a_question_in_traditional_characters_routes_as_its_simplified_twin():
    r = route("麥克福爾說了什麼?")
    assert (r.name, r.subject) == ("say", "麥克福爾")  # the name as written
    r = route("邁克爾·麥克福爾對今日俄羅斯電視台怎麼看?")
    assert (r.name, r.subject, r.topic) == ("say", "邁克爾·麥克福爾", "今日俄羅斯電視台")
    assert route("罗奇对美元怎么看?").subject == "罗奇"


PASSIVE = ["Mr. Quill was accused of using $50 million for personal expenses.",
           "Mr. Ostrow was quoted as saying the program had worked."]


@pytest.fixture(scope="module")
def passive():
    labels = {"ex:quill": {"en": ["Dan Quill"], "zh": []},
              "ex:ostrow": {"en": ["Eve Ostrow"], "zh": []}}
    types = {"ex:quill": "Person", "ex:ostrow": "Person"}
    text = "\n".join(PASSIVE)

    def ev(phrase):
        return evidence(text, "ex:passive", phrase)

    stmts = [claim(labels, ev, "ex:quill", "accused", "of using $50 million for personal expenses",
                   PASSIVE[0]),
             claim(labels, ev, "ex:ostrow", "quoted", "as saying the program had worked",
                   PASSIVE[1])]
    return handbuilt_engine(stmts, labels, types, PASSIVE, "ex:passive")


@pytest.mark.slow
def test_a_passive_cue_is_said_of_its_subject_not_by_it(passive):
    res = passive.ask("What did Dan Quill say about the charges?")
    assert res["abstained"] and "never quoted" in res["reason"]
    top = _top(passive.ask("What did Eve Ostrow say about the program?"))
    assert "had worked" in top["text"]

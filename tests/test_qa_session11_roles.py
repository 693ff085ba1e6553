"""A person a question names by a role description, or by a given name written in Chinese.

"What did the Vermont senator say ...?", "the group's president", "the former DNC chairman",
"the Center for American Progress official": the subject is whom the graph's memberships
give that role (role noun, organization, former or current; a place the articles write
by the person's name), one person or one quoted person; the organization stays the
subject when it is one ("What did the DNC say?"), and "Who is the president of X?" still
asks for the person. 伊万卡 (Ivanka), 希拉里 (Hillary), 伯尼 (Bernie) alone are the one
person of the graph with that given name; a given name two persons share links neither.

The transliteration tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.translit import Transliterator
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _matcher(names: list[str]) -> Transliterator:
    return Transliterator({f"e:{n}": [n] for n in names}, {f"e:{n}" for n in names})


def _found(m: Transliterator, text: str) -> list[str]:
    return [x.label for x in m.find(text)]


def test_a_given_name_alone_links_its_one_person():
    m = _matcher(["Ivanka Trump", "Donald Trump", "Hillary Clinton", "Bill Clinton",
                  "Bernie Sanders", "Mitt Romney", "Tim Kaine"])
    assert _found(m, "What did 伊万卡 write about single mothers?") == ["Ivanka Trump"]
    assert _found(m, "希拉里对移民怎么看?") == ["Hillary Clinton"]  # not Bill Clinton
    assert _found(m, "伯尼说了什么?") == ["Bernie Sanders"]
    assert _found(m, "What did 米特 say about Trump?") == ["Mitt Romney"]
    # a surname alone still links as before; two Clintons: neither
    assert _found(m, "What did 凯恩 say?") == ["Tim Kaine"]
    assert _found(m, "克林顿说了什么?") == []


def test_a_given_name_two_persons_share_links_neither():
    m = _matcher(["Donald Trump", "Donald Tusk", "Mike Pence"])
    assert _found(m, "唐纳德说了什么?") == []
    # the dictionary's full name for 特朗普 is Donald Trump: no Donald Tusk by "Donald"
    assert _found(m, "特朗普说了什么?") == ["Donald Trump"]


def test_a_given_name_is_written_as_the_dictionary_writes_it():
    # Michael is 迈克尔; 麦考尔 is McCaul, a surname, though it sounds like "Michael"
    m = _matcher(["Michael McFaul", "Bernie Sanders"])
    assert _found(m, "麦考尔说了什么?") == []
    assert _found(m, "迈克尔说了什么?") == ["Michael McFaul"]
    # 杰里米 is the dictionary's Jeremy: no Jerome, however near it sounds
    assert _found(_matcher(["Jerome Powell"]), "杰里米说了什么?") == []


def test_a_title_first_is_no_given_name():
    m = _matcher(["President Obama", "Senator Warren"])
    assert _found(m, "普雷西登特说了什么?") == []


ART = "ex:roles11"
PARAS = [
    "Don Fowler, who led the Democratic National Committee in the 1990s, is worried.",
    "Fowler warned that Clinton must get back on the campaign trail by the weekend.",
    "The DNC said in a statement that Clinton would return to the campaign trail in Ohio.",
    "Senators Charles Grassley, Republican of Iowa, and Patrick Leahy, Democrat of Vermont, "
    "wrote a letter on Thursday.",
    "Leahy said the visa program was riddled with fraud.",
    "Grassley said the visa program needed more oversight.",
    "Ann Marsh, who runs the Acme Coalition, said the farm law would hurt small farms.",
    "President Barack Obama said the farm law would help small farms.",
    "Ivanka Trump wrote that single mothers need paid leave.",
    "Donald Trump said the wall would be paid for.",
    "Ben Cole, a Kilo Institute official, said the levy was a gimmick.",
    "Tina Ross of the Kilo Institute said the levy was fair.",
    "Tina Houchins, a Gold Star mother from Texas, asked why Obama would not use the phrase.",
    "Obama said the phrase would insult peaceful Muslims.",
    "Tom Hanify, the president of the Indiana state firefighters union, said the firehouse chatter "
    "was all about the tariff.",
    "Cheryl Mills, a top Clinton aide, said she never asked anyone to delete the emails.",
    "Huma Abedin, a Clinton aide since 1996, said the emails were personal.",
    "Clinton said the emails were deleted long before the subpoena.",
]
TEXT = "\n".join(PARAS)
LABELS = {"ex:fowler": ["Don Fowler", "Fowler"], "ex:dnc": ["Democratic National Committee", "DNC"],
          "ex:clinton": ["Hillary Clinton", "Clinton"], "ex:grassley": ["Charles Grassley", "Grassley"],
          "ex:leahy": ["Patrick Leahy", "Leahy"], "ex:senate": ["Senate"], "ex:iowa": ["Iowa"],
          "ex:vermont": ["Vermont"], "ex:marsh": ["Ann Marsh"], "ex:acme": ["Acme Coalition"],
          "ex:obama": ["Barack Obama", "Obama"], "ex:us": ["United States"],
          "ex:ivanka": ["Ivanka Trump"], "ex:trump": ["Donald Trump", "Trump"],
          "ex:cole": ["Ben Cole"], "ex:ross": ["Tina Ross"], "ex:kilo": ["Kilo Institute"],
          "ex:houchins": ["Tina Houchins", "Houchins"], "ex:texas": ["Texas"],
          "ex:hanify": ["Tom Hanify", "Hanify"], "ex:indiana": ["Indiana"],
          "ex:mills": ["Cheryl Mills", "Mills"], "ex:abedin": ["Huma Abedin", "Abedin"],
          "ex:role/president": ["president"]}  # a role the graph holds as a thing: no type
LABELS = {i: {"en": v, "zh": []} for i, v in LABELS.items()}
TYPES = {i: "Person" for i in LABELS if "/" not in i} | {i: "Organization" for i in
                                         ("ex:dnc", "ex:senate", "ex:acme", "ex:kilo")} \
    | {i: "Place" for i in ("ex:iowa", "ex:vermont", "ex:us", "ex:texas", "ex:indiana")}


def _aff(p: str, o: str, role: str, sentence: str, former: bool = False) -> Statement:
    text = f"{LABELS[p]['en'][0]} {'was formerly' if former else 'is'} {role} at {LABELS[o]['en'][0]}"
    return Statement("affiliation", text, text, {"iri": p, "label": LABELS[p]["en"][0]},
                     [evidence(TEXT, ART, sentence)], (p, o), (p, o), role, former)


def _claim(p: str, cue: str, content: str, sentence: str, org: str | None = None) -> Statement:
    lab = LABELS[p]["en"][0]
    return Statement("claim", f"{lab} {cue}: {content}", f"{cue} {content}", {"iri": p, "label": lab},
                     [evidence(TEXT, ART, sentence)], (p,) + ((org,) if org else ()))


@pytest.fixture(scope="module")
def engine():
    stmts = [
        _aff("ex:fowler", "ex:dnc", "former chairman", PARAS[0], former=True),
        _claim("ex:fowler", "warned", "that Clinton must get back on the campaign trail by the weekend",
               PARAS[1]),
        _claim("ex:dnc", "said", "that Clinton would return to the campaign trail in Ohio", PARAS[2]),
        _aff("ex:grassley", "ex:senate", "senator", PARAS[3]),
        _aff("ex:leahy", "ex:senate", "senator", PARAS[3]),
        _claim("ex:leahy", "said", "the visa program was riddled with fraud", PARAS[4], "ex:senate"),
        _claim("ex:grassley", "said", "the visa program needed more oversight", PARAS[5], "ex:senate"),
        _aff("ex:marsh", "ex:acme", "president", PARAS[6]),
        _aff("ex:obama", "ex:us", "President", PARAS[7]),
        _claim("ex:marsh", "said", "the farm law would hurt small farms", PARAS[6], "ex:acme"),
        _claim("ex:obama", "said", "the farm law would help small farms", PARAS[7], "ex:us"),
        _claim("ex:ivanka", "wrote", "that single mothers need paid leave", PARAS[8]),
        _claim("ex:trump", "said", "the wall would be paid for", PARAS[9]),
        _aff("ex:cole", "ex:kilo", "official", PARAS[10]),
        _aff("ex:ross", "ex:kilo", "economist", PARAS[11]),
        _claim("ex:cole", "said", "the levy was a gimmick", PARAS[10], "ex:kilo"),
        _claim("ex:houchins", "asked", "why Obama would not use the phrase", PARAS[12]),
        _claim("ex:obama", "said", "the phrase would insult peaceful Muslims", PARAS[13], "ex:us"),
        _claim("ex:hanify", "said", "the firehouse chatter was all about the tariff", PARAS[14]),
        _claim("ex:mills", "said", "she never asked anyone to delete the emails", PARAS[15]),
        _claim("ex:abedin", "said", "the emails were personal", PARAS[16]),
        _claim("ex:clinton", "said", "the emails were deleted long before the subpoena", PARAS[17]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


def _speaker(engine, q: str) -> str:
    return _top(engine.ask(q))["speaker"]["label"]


@pytest.mark.slow
def test_a_role_and_organization_name_the_member(engine):
    assert _speaker(engine, "What did the former DNC chairman say about Clinton returning to the "
                            "campaign trail?") == "Don Fowler"
    # a general question too: the member, not the organization
    assert _speaker(engine, "Why did the former DNC chairman warn Clinton?") == "Don Fowler"
    # the organization as the speaker stays the organization
    assert _speaker(engine, "What did the DNC say about Clinton returning to the campaign trail?") \
        == "Democratic National Committee"


@pytest.mark.slow
def test_a_place_the_articles_write_by_the_name(engine):
    # both are senators; "Democrat of Vermont" is Leahy's, not Grassley's (across "and")
    assert _speaker(engine, "What did the Vermont senator say about the visa program?") == "Patrick Leahy"
    assert _speaker(engine, "What did the Iowa senator say about the visa program?") == "Charles Grassley"


@pytest.mark.slow
def test_a_generic_organization_and_a_generic_role(engine):
    # "the group": an organization (Obama's presidency is of a place)
    assert _speaker(engine, "What did the group's president say about the farm law?") == "Ann Marsh"
    # "official": any member; the one quoted of two
    assert _speaker(engine, "How did the Kilo Institute official characterize the levy?") == "Ben Cole"


@pytest.mark.slow
def test_a_person_the_articles_describe_so(engine):
    # no membership: "Tina Houchins, a Gold Star mother from Texas,": her statements only,
    # not any speaker's nearest the question
    res = engine.ask("What did the Gold Star mother say?")
    assert {a["speaker"]["label"] for a in _top(res) and res["answers"]} == {"Tina Houchins"}
    # "the president of the Indiana state firefighters union" (a word more, and the other
    # way round)
    res = engine.ask("What did the Indiana firefighters union president say?")
    assert {a["speaker"]["label"] for a in _top(res) and res["answers"]} == {"Tom Hanify"}
    # a name inside the description is not whom it describes ("a top Clinton aide": Mills)
    res = engine.ask("What did the top Clinton aide say about the emails?")
    assert {a["speaker"]["label"] for a in _top(res) and res["answers"]} == {"Cheryl Mills"}


@pytest.mark.slow
def test_a_question_for_the_person_is_still_the_membership_route(engine):
    top = _top(engine.ask("Who is the president of the Acme Coalition?"))
    assert top["speaker"]["label"] == "Ann Marsh" and top["kind"] == "affiliation"


@pytest.mark.slow
def test_a_transliterated_given_name_is_the_speaker(engine):
    assert _speaker(engine, "What did 伊万卡 write about single mothers?") == "Ivanka Trump"


def test_where_a_general_question_writes_its_description():
    from claimgraph.qa.roles import RolesMixin
    from claimgraph.qa.router import route

    def span(q: str) -> str | None:
        at = RolesMixin._description_span(q, route(q))
        return q[at[0]:at[1]] if at else None

    assert span("How did the head of the Congressional Black Caucus describe it?") == \
        "head of the Congressional Black Caucus"
    assert span("Did the Vermont senator endorse Clinton?") == "Vermont senator"
    assert span("Why did Clinton's campaign spokesman say that?") == "Clinton's campaign spokesman"
    # a name after the title is the subject: no description to resolve
    assert span("Did the Vermont senator Patrick Leahy endorse Clinton?") is None

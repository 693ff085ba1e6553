"""Classes of QA failure found on unseen articles (session 7):

* "What did X call Y?" / "What did X exhort Y to do?": X's claim whose cue is the verb asked
  answers (call / brand / label / dub route as say; another verb X's claims have for a cue
  too), and the placeholder verb ("of doing", "to do") is no topic word;
* "Who branded / called ...?": the sentence's subject of that verb is the speaker ("Japan
  branded ...", a sentence with no claim; "leaders denounce what Prime Minister Lee
  called ...", a claim of the leaders');
* what X said, X given no claim of its own: a sentence where X speaks in quotes;
* "Who is the mayor of Springfield?": "Springfield Mayor Ann Lee" (the city not linked in
  the sentence, "Springfield Mayor" taken for a person's name);
* "Where was X born?": the sentence whose "born" has X for its subject, not X's mother;
* an unnamed single source ("said one Democratic source") is the answer's speaker as written;
* "What did FBI Director James Comey say?" asks James Comey, not the FBI in his title;
* "In how many cities were the walk-ins held?" is a count question ("walk-ins": walk-in);
* "What did New York state officials say ...?": "state" is no verb there;
* "Who is Tom Cole's wife?": "his wife, Jane" in a claim of Cole's, "Roe's wife, Mary";
* "What did Carl Mint say?", a full name the text writes but no entity holds, is never quoted;
* "When will X happen?" wants a sentence saying it will ("would get rid of ..., beginning in
  January"), not one dating a call for it.

The router and verbalize tests are fast; the engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.router import route
from claimgraph.qa.routes import HOW_MANY
from claimgraph.qa.scoring import tokens
from claimgraph.qa.verbalize import Statement, claim_speakers, one_source
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def test_call_routes_as_what_x_said_with_its_verb():
    r = route("What did Trump call Cruz?")
    assert (r.name, r.subject, r.topic, r.verb) == ("say", "Trump", "Cruz", "call")
    assert route("What did Japan brand North Korea?").verb == "brand"


def test_a_placeholder_verb_is_no_topic():
    assert route("What did Rep. Cummings accuse Republicans of doing?").topic == "Republicans"
    r = route("What did Obama warn a museum alone cannot do?")
    assert (r.name, r.subject, r.verb) == ("say", "Obama", "warn")
    assert route("What does Keron Blair do?").name == "membership"


def test_a_count_question_after_a_preposition():
    r = route("In how many cities were the walk-ins held?")
    assert r.name == "fact" and HOW_MANY.match(r.topic).group("noun") == "cities"
    assert tokens("the walk-ins") == tokens("a walk-in") == ["walk"]


def test_a_noun_before_the_verb_asked_is_the_subjects():
    r = route("What did New York state officials say about school funding?")
    assert (r.subject, r.topic, r.verb) == ("New York state officials", "school funding", "say")
    assert route("What did Japan say about North Korea?").subject == "Japan"


def test_a_future_time_is_said_of_the_future():
    from claimgraph.qa.routes import RoutesMixin

    q = "When will Acme get rid of the sales incentives?"
    assert RoutesMixin._says_future("Acme announced it would get rid of these incentives, "
                                    "beginning in January 2017.", q)
    assert not RoutesMixin._says_future("Cole called Friday for getting rid of the incentives, "
                                        "in the upcoming election.", q)


def test_one_unnamed_source_is_named_as_written():
    assert one_source("one Democratic source on the panel") == "one Democratic source on the panel"
    assert one_source("a GOP source, who asked not to be named") == "a GOP source"
    assert one_source("Jim Jordan") is None and one_source("he") is None
    assert one_source("the Saudi government, which") == "the Saudi government"
    ev = {"article": "a", "paragraph": 1, "quote": "q", "start": 0, "end": 1}
    claims = [{"speaker": None, "evidence": [ev], "source_text": "one Democratic source"},
              {"speaker": None, "evidence": [ev], "source_text": "it"}]
    (sp, group), (sp2, _) = claim_speakers(claims, {})
    assert sp == {"iri": None, "label": "one Democratic source"} and group is None
    assert sp2 is None


ART = "ex:s7"
PARAS = [
    "Iran detonated a bomb on Friday. Japan branded Iran an \"outlaw nation in the "
    "neighborhood.\" Russia insisted that the test \"stop at once.\"",
    "World leaders denounce what Prime Minister Ann Lee called Iran's \"reckless, "
    "provocative, dangerous\" actions.",
    "Springfield Mayor Bob Roe said Friday that the video should be released.",
    "Tom Cole exhorted Republicans to \"vote your conscience\" and said he stood on principle. "
    "Cole said the convention was a triumph. Cole refused to endorse Roe during a prime-time "
    "speech at the Republican National Convention in July.",
    "Cole has long said that he qualifies as a natural-born citizen because his mother was born in Ohio. "
    "Rivals doubted Cole's eligibility because he was born in Canada.",
    "Springfield also apparently disagrees with the state.",
    "The FBI said it decided against recommending charges. FBI Director James Comey testified "
    "before the panel.",
    "The truth, Cole said, was that Roe had attacked his wife, Jane, in an ad. Roe's wife, Mary, "
    "is a former model.",
    "The officer who fired, Carl Mint, who was placed on leave after the bomb test, wore no camera.",
    "Mayors urged Congress to keep the visa program, and they say Congress will change parts of "
    "the program. Developers and supporters in Congress say the program has brought billions of "
    "dollars to poor areas.",
]
LABELS = {"ex:iran": {"en": ["Iran"], "zh": []}, "ex:japan": {"en": ["Japan"], "zh": []},
          "ex:russia": {"en": ["Russia"], "zh": []}, "ex:lee": {"en": ["Ann Lee"], "zh": []},
          "ex:smayor": {"en": ["Springfield Mayor"], "zh": []},
          "ex:roe": {"en": ["Bob Roe"], "zh": []}, "ex:spring": {"en": ["Springfield"], "zh": []},
          "ex:cole": {"en": ["Tom Cole", "Cole"], "zh": []},
          "ex:canada": {"en": ["Canada"], "zh": []}, "ex:ohio": {"en": ["Ohio"], "zh": []},
          "ex:fbi": {"en": ["FBI"], "zh": []}, "ex:comey": {"en": ["James Comey"], "zh": []},
          "ex:jane": {"en": ["Jane Cole", "Jane"], "zh": []},
          "ex:congress": {"en": ["Congress"], "zh": []}}
TYPES = {"ex:iran": "Place", "ex:japan": "Place", "ex:russia": "Place", "ex:lee": "Person",
         "ex:smayor": "Person", "ex:roe": "Person", "ex:spring": "Place", "ex:cole": "Person",
         "ex:canada": "Place", "ex:ohio": "Place", "ex:fbi": "Organization", "ex:comey": "Person",
         "ex:jane": "Person", "ex:congress": "Organization"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    labels = dict(LABELS, **{"ex:leaders": {"en": ["World leaders"], "zh": []}})
    s1 = "Russia insisted that the test \"stop at once.\""
    s2 = PARAS[1]
    s3 = "Springfield Mayor Bob Roe said Friday that the video should be released."
    s4 = "Tom Cole exhorted Republicans to \"vote your conscience\" and said he stood on principle."
    s5 = "Cole said the convention was a triumph."
    s8 = ("Cole refused to endorse Roe during a prime-time speech at the Republican National "
          "Convention in July.")
    s6 = "Cole has long said that he qualifies as a natural-born citizen because his mother was born in Ohio."
    s9 = "The FBI said it decided against recommending charges."
    s10 = "The truth, Cole said, was that Roe had attacked his wife, Jane, in an ad."
    s11 = ("Mayors urged Congress to keep the visa program, and they say Congress will change "
           "parts of the program.")
    s12 = ("Developers and supporters in Congress say the program has brought billions of dollars "
           "to poor areas.")
    devs = "Developers and supporters in Congress"
    stmts = [
        claim(LABELS, ev, "ex:congress", "say", "Congress will change parts of the program", s11),
        Statement("claim", f"{devs} say: the program has brought billions of dollars to poor areas",
                  "say the program has brought billions of dollars to poor areas",
                  {"iri": "ex:congress", "label": devs}, [ev(s12)], ("ex:congress",)),
        claim(LABELS, ev, "ex:cole", "said", "The truth was that Roe had attacked his wife, Jane, "
              "in an ad", s10, ("ex:roe", "ex:jane")),
        claim(LABELS, ev, "ex:fbi", "said", "it decided against recommending charges", s9),
        claim(LABELS, ev, "ex:russia", "insisted", "that the test \"stop at once.\"", s1,
              ("ex:iran",)),
        claim(labels, ev, "ex:leaders", "denounce", "what Prime Minister Ann Lee called "
              "Iran's \"reckless, provocative, dangerous\" actions", s2, ("ex:lee", "ex:iran")),
        claim(LABELS, ev, "ex:roe", "said", "the video should be released", s3, ("ex:smayor",)),
        claim(LABELS, ev, "ex:cole", "exhorted", "Republicans to \"vote your conscience", s4),
        claim(LABELS, ev, "ex:cole", "said", "the convention was a triumph", s5),
        claim(LABELS, ev, "ex:cole", "refused", "to endorse Roe during a prime-time speech at the "
              "Republican National Convention in July", s8, ("ex:roe",)),
        claim(LABELS, ev, "ex:cole", "said", "that he qualifies as a natural-born citizen because his mother "
              "was born in Ohio", s6, ("ex:ohio",)),
    ]
    return handbuilt_engine(stmts, labels, TYPES, PARAS, ART)


@pytest.mark.slow
def test_the_doer_of_the_verb_asked_is_the_speaker(engine):
    top = _top(engine.ask("Who branded Iran an outlaw nation?"))
    assert top["speaker"]["label"] == "Japan" and "outlaw" in top["evidence"][0]["quote"]
    top = _top(engine.ask("Who called Iran's actions reckless, provocative and dangerous?"))
    assert top["speaker"]["label"] == "Ann Lee"
    top = _top(engine.ask("Who called Iran an outlaw nation?"))  # "branded": a naming verb too
    assert top["speaker"]["label"] == "Japan"


@pytest.mark.slow
def test_x_never_claimed_speaks_in_a_quoted_sentence(engine):
    top = _top(engine.ask("What did Japan say about Iran?"))
    assert top["speaker"]["label"] == "Japan" and "outlaw" in top["evidence"][0]["quote"]
    # Ann Lee's quoted words inside the leaders' claim ("what ... Ann Lee called ...")
    top = _top(engine.ask("What did Ann Lee say about Iran?"))
    assert top["speaker"]["label"] == "Ann Lee" and "reckless" in top["evidence"][0]["quote"]
    res = engine.ask("What did Springfield say about the state?")
    assert res["abstained"]  # "apparently disagrees": a stance, no quote


@pytest.mark.slow
def test_the_cue_asked_answers(engine):
    q = "What did Cole exhort Republicans to do at the convention?"
    r, subj = engine._cued(q, engine.linker.link(q))  # Cole's claims have "exhorted" for a cue
    assert (r.name, r.verb, [lk.iri for lk in subj]) == ("say", "exhort", ["ex:cole"])
    assert engine._cued("What did Cole eat at the convention?",
                        engine.linker.link("What did Cole eat at the convention?")) is None
    top = _top(engine.ask(q))  # "exhorted" is no speech verb, but the verb asked
    assert "conscience" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_title_before_the_name_answers_the_role(engine):
    top = _top(engine.ask("Who is the mayor of Springfield?"))
    assert top["speaker"]["label"] == "Bob Roe"


@pytest.mark.slow
def test_where_born_is_where_x_was_born(engine):
    top = _top(engine.ask("Where was Tom Cole born?"))
    assert "Canada" in top["evidence"][0]["quote"]


@pytest.mark.slow
def test_a_person_after_a_title_is_asked(engine):
    res = engine.ask("What did FBI Director James Comey say about the charges?")
    assert res["abstained"] and "James Comey" in res["reason"]  # never quoted; not the FBI's claim
    top = _top(engine.ask("What did the FBI say about the charges?"))
    assert top["speaker"]["label"] == "FBI"


@pytest.mark.slow
def test_a_relative_in_apposition(engine):
    top = _top(engine.ask("Who is Tom Cole's wife?"))  # "his" in Cole's claim is Cole's
    assert top["speaker"]["label"] == "Jane Cole" and "Jane" in top["evidence"][0]["quote"]
    top = _top(engine.ask("Who is Bob Roe's wife?"))  # not Jane, though Roe is named before "his"
    assert "Mary" in top["text"] and top["speaker"] is None


@pytest.mark.slow
def test_a_name_written_but_never_quoted(engine):
    res = engine.ask("What did Carl Mint say about the bomb test?")
    assert res["abstained"] and "never quoted" in res["reason"]


@pytest.mark.slow
def test_a_speaker_written_as_asked(engine):
    top = _top(engine.ask("What do developers and supporters in Congress say about the program?"))
    assert "billions" in top["evidence"][0]["quote"]
    top = _top(engine.ask("What did Congress say about the program?"))
    assert "change parts" in top["evidence"][0]["quote"]

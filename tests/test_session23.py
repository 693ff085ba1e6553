"""Session 23, from the two held-out sets written blind on PolNeAR train articles:

- extraction: what a report says its subject pledged ('X ... pledged to "promote ...," the
  Times reported') is the subject's claim in the graph too, not only the Times's, and an inner
  claim is kept at half the scorer's threshold; a title-case headline's verb glued to a name
  ("Ted Cruz Refuses to Disavow ...") is no part of it; "said Cruz constituent Dan Golvach
  when asked about ..." is Golvach's, without the time clause;
- ranking: "What did X tell Y about Z?" ranks X's claims cued "told" first only among those
  near Z; the general route's answer quotes the speaker's words that follow a paraphrase,
  as the say route's does; a say topic's closing time clause ("after the Pulse nightclub
  shooting") is left to ranking when the speaker's article writes it.

The extraction tests parse small hand-written texts; the engine tests embed hand-built
snapshots (slow).
"""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution, coref, entities
from claimgraph.extract.attribution import attributions_for_text
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.names import headline_verb_cut
from claimgraph.extract.readers import read_article
from claimgraph.qa import router, routes
from qa_handbuilt import engine_of
from qa_handbuilt import top as _top

PLEDGE = ("Earlier in the day, Mayor Ann Lee held a roundtable meeting with community leaders and "
          "pledged to \u201cpromote the kinds of changes that will prevent this from happening to "
          "other families,\u201d the New York Times reported.")


def _claims(text: str) -> list[tuple[str | None, str, str]]:
    ex = extract_article(read_article(text, "t", "text"))
    return [(c.speaker, c.cue.text if c.cue else "", c.content.text) for c in ex.claims]


def test_a_reported_pledge_is_the_pledgers_claim_too(monkeypatch):
    got = _claims(PLEDGE)
    assert any(s == "new york times" and cue == "reported" for s, cue, _ in got), got
    assert any(s == "ann lee" and cue == "pledged" and content.startswith("to \u201cpromote")
               for s, cue, content in got), got
    # PolNeAR's attributions stay the outermost: the Times's report only
    assert [a.cue.text for a in attributions_for_text(PLEDGE, "t", "text") if a.cue] == ["reported"]
    # the scorer puts this inner claim below its threshold (PolNeAR taught it to drop inner
    # ones): kept at half of it, not at all of it
    monkeypatch.setattr(attribution, "NESTED_SHARE", 1.0)
    assert not any(cue == "pledged" for _, cue, _ in _claims(PLEDGE))
    monkeypatch.setattr(attribution, "NESTED_SHARE", 0.5)
    monkeypatch.setattr(attribution, "NESTED_PLEDGES", 0)
    assert not any(cue == "pledged" for _, cue, _ in _claims(PLEDGE))


LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []},
          "ex:mayors": {"en": ["Conference of Mayors"], "zh": []}}
TYPES = {"ex:lee": "Person", "ex:mayors": "Organization"}
MAYORS = [
    "Ann Lee took a swipe at her rival's stance, saying that \u201cbombastic comments\u201d do more "
    "harm than good during such times.",
    "Lee, who was speaking to the mayors, did not mention him by name, but told city "
    "leaders that the country should be governed by those who put the public ahead of their own business.",
    "The country needs leaders \u201cwho understand that bombastic comments in turbulent times can "
    "actually cause more turbulence,\u201d Lee said.",
]


@pytest.mark.slow
def test_told_ranks_first_only_among_claims_near_the_topic(monkeypatch):
    rows = [("ex:lee", "saying", "that \u201cbombastic comments\u201d do more harm than good during such "
             "times", MAYORS[0]),
            ("ex:lee", "told", "that the country should be governed by those who put the public ahead of "
             "their own business", MAYORS[1]),
            ("ex:lee", "said", "the country needs leaders \u201cwho understand that bombastic comments in "
             "turbulent times can actually cause more turbulence,\u201d", MAYORS[2])]
    engine = engine_of(rows, LABELS, TYPES, MAYORS, "ex:mayors1")
    q = ("What did Ann Lee tell the Conference of Mayors about the effect of inflammatory rhetoric "
         "from leaders during turbulent times?")
    assert router.route(q).venue == "the Conference of Mayors"
    assert "bombastic" in _top(engine.ask(q))["text"]
    monkeypatch.setattr(routes, "CUE_NEAR", 0)
    assert "governed" in _top(engine.ask(q))["text"]


GRAHAM = [
    "Lee said she was impressed with the governor's children, but lamented that his daughter's "
    "presentation of him didn't match up to reality.",
    "\u201cI was hoping to see more of what his daughter sees in her father,\u201d Lee said. \u201cSo I "
    "was disappointed.\u201d",
]


@pytest.mark.slow
def test_the_general_routes_answer_quotes_what_follows(monkeypatch):
    rows = [("ex:lee", "lamented", "that his daughter's presentation of him didn't match up to reality",
             GRAHAM[0]),
            ("ex:lee", "said", "\u201cI was hoping to see more of what his daughter sees in her father,\u201d "
             "Lee said. \u201cSo I was disappointed.\u201d", GRAHAM[1])]
    engine = engine_of(rows, LABELS, TYPES, GRAHAM, "ex:graham")
    q = ("How did Ann Lee react to the way the governor came across compared with how his daughter "
         "had presented him?")
    assert router.route(q).name == "general"
    first = _top(engine.ask(q))
    assert "lamented" in first["text"]
    assert any("I was hoping" in e["quote"] for e in first["evidence"]), first["evidence"]
    monkeypatch.setattr(routes, "GENERAL_FOLLOW", 0)
    first = _top(engine.ask(q))
    assert not any("I was hoping" in e["quote"] for e in first["evidence"])


@pytest.mark.parametrize("q, gist, occasion", [
    ("What did Ann Lee promise at her roundtable with community leaders after the Pulse nightclub "
     "shooting?", "at her roundtable with community leaders", "after the Pulse nightclub shooting"),
    ("What did Ann Lee say about taxes after the debate?", "taxes", "after the debate"),
    ("What did Ann Lee insist after the debate?", None, ""),  # the whole topic: kept
])
def test_a_closing_time_clause_is_the_occasion(q, gist, occasion, monkeypatch):
    r = router.route(q)
    assert (r.gist, r.occasion) == (gist, occasion)
    monkeypatch.setattr(router, "OCCASION_GIST", 0)
    assert router.route(q).occasion == ""


PULSE = [
    "In Orlando, Mayor Ann Lee made a stop at the Pulse nightclub, where 49 people were killed in a "
    "mass shooting last month.",
    "She placed a bouquet of white flowers at the site.",
    "Earlier in the day, Lee held a roundtable meeting with Orlando community leaders and pledged to "
    "\u201cpromote the kinds of changes that will prevent this from happening to other families,\u201d "
    "the Daily Ledger reported.",
]


@pytest.mark.slow
def test_what_x_said_then_need_not_name_the_occasion(monkeypatch):
    labels = {**LABELS, "ex:pulse": {"en": ["Pulse"], "zh": []}}
    rows = [("ex:lee", "pledged", "to \u201cpromote the kinds of changes that will prevent this from "
             "happening to other families,\u201d", PULSE[2])]
    engine = engine_of(rows, labels, {**TYPES, "ex:pulse": "Organization"}, PULSE, "ex:pulse1")
    q = ("What did Ann Lee promise at her roundtable with Orlando community leaders after the Pulse "
         "nightclub shooting?")
    assert "promote" in _top(engine.ask(q))["text"]
    # an occasion her article never writes is no occasion of hers: the whole topic is judged
    assert engine.ask("What did Ann Lee promise at the roundtable after the earthquake?")["abstained"]
    monkeypatch.setattr(router, "OCCASION_GIST", 0)
    assert engine.ask(q)["abstained"]


@pytest.mark.parametrize("name, text, cut", [
    ("Ted Cruz Refuses", "Sen. Ted Cruz refuses to disavow the endorsement.", "Ted Cruz"),
    ("Ted Cruz Refuses", "Ted Cruz Refuses to Disavow Endorsement.", "Ted Cruz Refuses"),
    ("Darryl Fears", "Darryl Fears wrote that fears grew.", "Darryl Fears"),  # not "Darryl fears"
    ("John Will", "John will go.", "John"),  # the cost: a surname the text writes as a verb
])
def test_headline_verb_cut(name, text, cut):
    assert headline_verb_cut(name, text) == cut


HEADLINE = ("Ann Baxter Refuses to Disavow Lee Endorsement\n\n"
            "Sen. Ann Baxter refuses to disavow the endorsement of Sen. Ron Lee.\n\n"
            "Ann Baxter wrote an op-ed urging Congress to pass the bill.")


def test_a_headlines_verb_is_no_part_of_a_name(monkeypatch):
    ex = extract_article(read_article(HEADLINE, "t", "text"))
    assert "ann baxter refuses" not in {e.key for e in ex.entities}
    assert {c.speaker for c in ex.claims if c.cue and c.cue.text == "wrote"} == {"ann baxter"}
    monkeypatch.setattr(entities, "HEADLINE_VERB", 0)
    monkeypatch.setattr(coref, "HEADLINE_VERBS", 0)
    ex = extract_article(read_article(HEADLINE, "t", "text"))
    assert "ann baxter refuses" in {e.key for e in ex.entities}


CONSTITUENT = ("Sen. Ron Lee refuses to disavow the endorsement.\n\n"
               "\u201cAnyone who refuses to follow our immigration laws puts Americans at risk. That\u2019s "
               "treason,\u201d said Lee constituent Dan Golvach when asked about Ann Baxter.")


def test_a_name_compounded_on_a_noun_owns_it(nlp, monkeypatch):
    doc = nlp(CONSTITUENT)
    a = CONSTITUENT.index("Lee constituent")
    b = CONSTITUENT.index(" when asked")
    assert coref.resolve_speaker(doc, (a, b)) == "Dan Golvach"
    monkeypatch.setattr(coref, "COMPOUND_OWNERS", 0)
    assert coref.resolve_speaker(doc, (a, b)) == "Ron Lee"


@pytest.mark.parametrize("text, cut", [
    ("Lee constituent Dan Golvach when asked about Ann Baxter", "Lee constituent Dan Golvach"),
    ("Ann Baxter, while speaking to reporters", "Ann Baxter"),
    ("Ann Baxter, who was asked", "Ann Baxter"),
    ("the spokesman for the mayor", "the spokesman for the mayor"),
])
def test_a_time_clause_is_no_part_of_a_source(text, cut, monkeypatch):
    assert text[:coref.before_relative(text)] == cut
    monkeypatch.setattr(coref, "TIME_CLAUSES", 0)
    if "when" in text:
        assert coref.before_relative(text) == len(text)

"""Claims of groups of unnamed people ("human rights groups warned", "officials said",
"McConnell aides acknowledged"): the group is the speaker answers name, found by its words
and kept apart from the entity the extractor tied it to.

The helper tests are fast; the engine tests embed a hand-built snapshot with the packaged
MiniLM, so they are marked slow.
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa.verbalize import Statement, claim_speakers, group_source
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


# ---- what a group is (fast) --------------------------------------------------------------

@pytest.mark.parametrize("source, group", [
    ("human rights groups", "human rights groups"),
    ("McConnell aides", "McConnell aides"),
    ("Administration officials", "Administration officials"),
    ("the analysts", "analysts"),
    ("officials at the Treasury", "officials at the Treasury"),
    ("people familiar with the talks", "people familiar with the talks"),
    ("Investors", "Investors"),  # a sentence's first word: the caller checks for a name
    ("Senior officials, who spoke on condition of anonymity", "Senior officials"),
    ("BRUSSELS - European leaders", "European leaders"),  # a dateline is no part of it
    ("the White House", None),
    ("a White House spokesman", None),
    ("Erin Murphy, a former Clinton aide", None),
    ("they", None),
    ("He", None),
    ("Goldman Sachs", None),
    (None, None),
])
def test_group_sources(source, group):
    assert group_source(source) == group


def _claim(source, speaker, para=1, start=0):
    return {"source_text": source, "speaker": speaker,
            "evidence": [{"article": "ex:a", "paragraph": para, "start": start}]}


LBLS = {"ex:mcc": {"en": ["Mitch McConnell", "McConnell"]}, "ex:gop": {"en": ["GOP"]},
        "ex:cn": {"en": ["China"]}}
MCC = {"iri": "ex:mcc", "label": "Mitch McConnell"}
GOP = {"iri": "ex:gop", "label": "GOP"}


def test_a_group_naming_its_entity_keeps_it():
    (sp, group), = claim_speakers([_claim("McConnell aides", MCC)], LBLS)
    assert group == "McConnell aides" and sp == {"iri": "ex:mcc", "label": "McConnell aides"}
    (sp, _), = claim_speakers([_claim("Chinese officials", {"iri": "ex:cn", "label": "China"})], LBLS)
    assert sp["iri"] == "ex:cn"  # by the place's adjective


def test_a_group_naming_its_entity_beside_it_is_the_entity():
    (sp, group), = claim_speakers([_claim("major foreign holders (e.g., China)",
                                          {"iri": "ex:cn", "label": "China"})], LBLS)
    assert sp == {"iri": "ex:cn", "label": "China"} and group is None


def test_a_group_not_naming_its_entity_has_none():
    (sp, group), = claim_speakers([_claim("Foreign policy analysts", GOP)], LBLS)
    assert sp == {"iri": None, "label": "Foreign policy analysts"}
    (sp, group), = claim_speakers([_claim("human rights groups", None)], LBLS)
    assert sp == {"iri": None, "label": "human rights groups"}


def test_a_capitalized_plural_tied_to_an_entity_is_a_name():
    (sp, group), = claim_speakers([_claim("Republicans", GOP)], LBLS)
    assert sp == GOP and group is None
    (sp, group), = claim_speakers([_claim("Investors", None)], LBLS)
    assert sp == {"iri": None, "label": "Investors"}


def test_they_after_a_group_in_the_same_paragraph_is_the_group():
    out = claim_speakers([_claim("McConnell aides", MCC, 3, 10), _claim("they", GOP, 3, 90),
                          _claim("they", GOP, 4, 200)], LBLS)
    assert out[1] == ({"iri": "ex:mcc", "label": "McConnell aides"}, "McConnell aides")
    assert out[2] == (GOP, None)  # the next paragraph: the extractor's speaker stands
    out = claim_speakers([_claim("McConnell", MCC, 3, 10), _claim("they", GOP, 3, 90)], LBLS)
    assert out[1] == (GOP, None)  # after a named speaker, not a group


# ---- a hand-built article (slow: MiniLM) ----------------------------------------------------

ART = "ex:groups"
PARAS = [
    "Acme Bank said the new tariffs would hurt exporters in the harbor district.",
    "Acme aides acknowledged that the tariffs would hurt exporters, but they insisted the bank "
    "had no choice.",
    "Human rights groups warned that the crackdown on protesters in the capital would continue.",
    "Foreign policy analysts said the port deal reflected growing pressure from the navy.",
    "The council voted to lift the curfew.",
    "Globex officials said the merger would close in May.",
]
TEXT = "\n".join(PARAS)


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:acme": {"en": ["Acme Bank", "Acme"], "zh": []},
              "ex:council": {"en": ["council"], "zh": []},
              "ex:globex": {"en": ["Globex"], "zh": []}}
    types = {"ex:acme": "Organization", "ex:council": "Organization",
             "ex:globex": "Organization"}

    def ev(phrase):
        return [evidence(TEXT, ART, phrase)]

    acme = {"iri": "ex:acme", "label": "Acme Bank"}
    aides = {"iri": "ex:acme", "label": "Acme aides"}
    hrg = {"iri": None, "label": "Human rights groups"}
    fpa = {"iri": None, "label": "Foreign policy analysts"}
    stmts = [
        Statement("claim", "Acme Bank said: the new tariffs would hurt exporters in the harbor "
                  "district", "said the new tariffs would hurt exporters in the harbor district",
                  acme, ev(PARAS[0]), ("ex:acme",), ("ex:acme",)),
        Statement("claim", "Acme aides acknowledged: that the tariffs would hurt exporters",
                  "acknowledged that the tariffs would hurt exporters", aides,
                  ev(PARAS[1]), ("ex:acme",), ("ex:acme",)),
        Statement("claim", "Acme aides insisted: the bank had no choice",
                  "insisted the bank had no choice", aides, ev(PARAS[1]), ("ex:acme",)),
        Statement("claim", "Human rights groups warned: that the crackdown on protesters in the "
                  "capital would continue", "warned that the crackdown on protesters in the capital "
                  "would continue", hrg, ev(PARAS[2])),
        Statement("claim", "Foreign policy analysts said: the port deal reflected growing pressure "
                  "from the navy", "said the port deal reflected growing pressure from the navy",
                  fpa, ev(PARAS[3])),
        # the extractor tied this group to no entity
        Statement("claim", "Globex officials said: the merger would close in May",
                  "said the merger would close in May", {"iri": None, "label": "Globex officials"},
                  ev(PARAS[5]), (), ("ex:globex",)),
    ]
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_what_a_group_said_is_found_by_its_words(engine):
    top = _top(engine.ask("What did human rights groups warn about?"))
    assert top["speaker"]["label"] == "Human rights groups" and "crackdown" in top["text"]
    top = _top(engine.ask("What did analysts say about the port deal?"))
    assert top["speaker"]["label"] == "Foreign policy analysts" and "navy" in top["text"]


@pytest.mark.slow
def test_who_said_answers_with_the_group(engine):
    top = _top(engine.ask("Who warned that the crackdown on protesters would continue?"))
    assert top["speaker"]["label"] == "Human rights groups"


@pytest.mark.slow
def test_an_entitys_aides_are_not_the_entity(engine):
    # asked for the bank: its own claim first, though its aides said nearly the same
    top = _top(engine.ask("What did Acme Bank say about the tariffs?"))
    assert top["speaker"]["label"] == "Acme Bank"
    # asked for its aides: theirs, named as theirs
    res = engine.ask("What did Acme aides say about the tariffs?")
    assert _top(res)["speaker"]["label"] == "Acme aides"
    assert all(a["speaker"]["label"] == "Acme aides" for a in res["answers"] if a["kind"] == "claim"
               and a["speaker"])


@pytest.mark.slow
def test_a_group_around_a_name_with_no_entity_of_its_own(engine):
    top = _top(engine.ask("What did Globex officials say about the merger?"))
    assert top["speaker"]["label"] == "Globex officials" and "May" in top["text"]
    # and its topic is tested as any speaker's
    assert engine.ask("What did Globex officials say about the weather?")["abstained"]
    assert engine.ask("What did human rights groups say about the merger?")["abstained"]


@pytest.mark.slow
def test_a_group_of_a_person_not_quoted_is_refused(people):
    # asked for Lee's aides, none quoted: not what Lee said
    assert people.ask("What did Ann Lee aides say about the tariffs?")["abstained"]
    top = _top(people.ask("What did Ann Lee say about the tariffs?"))
    assert top["speaker"]["label"] == "Ann Lee"
    # an organization's officials are the organization when none are quoted apart
    top = _top(people.ask("What did Acme Bank officials say about the tariffs?"))
    assert top["speaker"]["label"] == "Acme Bank"


@pytest.mark.slow
def test_a_persons_group_written_without_the_name_near_it(people):
    # "Campaign officials said ..." in a paragraph naming Lee: Lee's campaign officials
    top = _top(people.ask("What did Ann Lee campaign officials say about the tariffs?"))
    assert top["speaker"]["label"] == "Campaign officials" and "fishermen" in top["text"]


@pytest.fixture(scope="module")
def people():
    paras = ["Ann Lee said the tariffs would hurt farmers.",
             "Acme Bank said the tariffs would hurt exporters.",
             "After a rally with Ann Lee, campaign officials said the tariffs would hurt "
             "fishermen."]
    text = "\n".join(paras)
    labels = {"ex:lee": {"en": ["Ann Lee"], "zh": []}, "ex:acme": {"en": ["Acme Bank"], "zh": []}}
    types = {"ex:lee": "Person", "ex:acme": "Organization"}
    stmts = [Statement("claim", f"{lab['en'][0]} said: the tariffs would hurt {who}",
                       f"said the tariffs would hurt {who}", {"iri": iri, "label": lab["en"][0]},
                       [evidence(text, "ex:p", para)], (iri,))
             for (iri, lab), who, para in zip(labels.items(), ("farmers", "exporters"), paras[:2],
                                              strict=True)]
    stmts.append(Statement("claim", "Campaign officials said: the tariffs would hurt fishermen",
                           "said the tariffs would hurt fishermen",
                           {"iri": None, "label": "Campaign officials"},
                           [evidence(text, "ex:p", paras[2])], (), ("ex:lee",)))
    return handbuilt_engine(stmts, labels, types, paras, "ex:p")

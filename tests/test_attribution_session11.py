"""Attribution candidates and their features, session 11 (issue #3).

Each rule has a switch (a module constant); every positive case here fails with its
switch off (the paired parameter checks that). No trained model is needed: these test
what the parse patterns propose and which features the scorer sees."""

from __future__ import annotations

import pytest
from claimgraph.extract import attribution as A


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _cands(nlp, text, pattern):
    doc = nlp(text)
    return [(text[c.content[0] : c.content[1]], text[c.source[0] : c.source[1]] if c.source else None, c)
            for c in A.candidates(doc) if c.pattern == pattern]


# --------------------------------------------------------------------------- OBJ_FEATURES


@pytest.mark.parametrize("flag", [1, 0])
def test_a_verbs_object_says_what_kind_of_noun_it_is(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "OBJ_FEATURES", flag)
    text = ('The senator announced a plan to cut taxes.\n\nThen he offered some pointed advice to the '
            'governor. "Stop," he said.')
    got = {content: c.features for content, _, c in _cands(nlp, text, "dobj")}
    plan = got["a plan to cut taxes"]
    advice = got["some pointed advice"]
    assert ("ohead=plan" in plan) == bool(flag)
    assert ("oclass=speech" in plan and "odet=a" in plan and "ocomp=to" in plan) == bool(flag)
    assert ("lemma_oclass=announce|speech" in plan) == bool(flag)
    # a quote opens after the advice in its paragraph, none after the plan in its own
    assert ("oqnext=True" in advice and "oqnext=False" in plan) == bool(flag)


def test_object_classes(nlp, monkeypatch):
    monkeypatch.setattr(A, "OBJ_FEATURES", 1)
    text = "Clinton denied it. Trump won the nomination. Sanders praised Warren."
    got = {content: c.features for content, _, c in _cands(nlp, text, "dobj")}
    assert "oclass=pron:it" in got["it"]
    assert "oclass=noun" in got["the nomination"] and "odet=the" in got["the nomination"]
    assert "oclass=name" in got["Warren"]


def test_object_prior_keys_are_families_the_features_emit(nlp, monkeypatch):
    # the scorer learns a smoothed rate per object head across verbs (the verb-object
    # pair alone is too rare; PRIOR_KEYS holds these while OBJ_FEATURES is on)
    assert (set(A.OBJ_PRIOR_KEYS) <= set(A.PRIOR_KEYS)) == bool(A.OBJ_FEATURES)  # as imported
    monkeypatch.setattr(A, "OBJ_FEATURES", 1)
    (_, _, c), = [x for x in _cands(nlp, "Clinton denied the allegations.", "dobj")]
    families = {f.partition("=")[0] for f in c.features}
    assert set(A.OBJ_PRIOR_KEYS) <= families
    assert "ohead_comp=allegation|-" in c.features


# --------------------------------------------------------------------------- FOR_CLAUSE


@pytest.mark.parametrize("flag", [1, 0])
def test_what_follows_calling_for_is_the_content(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "FOR_CLAUSE", flag)
    text = "Senator Smith is calling for the United States to step up its military efforts."
    got = _cands(nlp, text, "forcl")
    assert (("the United States to step up its military efforts", "Senator Smith")
            in [(c, s) for c, s, _ in got]) == bool(flag)
    if not flag:
        assert got == []


# --------------------------------------------------------------------------- PASSIVE_CONTENT


@pytest.mark.parametrize("flag", [1, 0])
def test_a_passive_subject_is_the_content_and_the_agent_its_source(nlp, monkeypatch, flag):
    monkeypatch.setattr(A, "PASSIVE_CONTENT", flag)
    text = "The suspect's name was announced on a police scanner by officers."
    got = [(c, s) for c, s, _ in _cands(nlp, text, "passubj")]
    assert (("The suspect's name", "officers") in got) == bool(flag)


def test_a_passive_subject_without_an_agent_has_no_source(nlp, monkeypatch):
    monkeypatch.setattr(A, "PASSIVE_CONTENT", 1)
    text = "The deal was rejected last week."
    got = _cands(nlp, text, "passubj")
    assert [(c, s) for c, s, _ in got] == [("The deal", None)]
    assert not got[0][2].said_of


def test_a_passive_with_an_infinitive_keeps_its_xcomp_only(nlp, monkeypatch):
    monkeypatch.setattr(A, "PASSIVE_CONTENT", 1)
    # 'X is expected to win': the content is the infinitive (xcomp), not X
    assert _cands(nlp, "Clinton is expected to win the primary.", "passubj") == []

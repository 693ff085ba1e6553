"""The learned source ranker: candidates, features, the shipped weights."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from claimgraph.extract import attribution as A
from claimgraph.extract import ranker as R

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_shipped_ranker_is_plain_json_weights():
    model = R.load_ranker()
    assert model is not None, "extract/models/attribution/sources.json missing"
    w = model["weights"]
    assert len(w) > 100 and all(isinstance(v, float) for v in w.values())
    # the rules' choice is a good prior; a source inside the content rarely is
    assert w["rule=True"] > w.get("rule=False", 0.0)
    assert w.get("incontent=True", 0.0) < w.get("incontent=False", 0.0)
    assert R.RANKER.stat().st_size < 4_000_000


def test_missing_ranker_is_none(tmp_path):
    assert R.load_ranker(str(tmp_path / "nope.json")) is None


def test_match_pairs_contents_like_the_scorer():
    from train_source_ranker import match

    kept = [A.Candidate("ccomp", (0, 4), (10, 30), None, "say"),
            A.Candidate("ccomp", (40, 44), (50, 60), None, "say")]
    gold = [{"content": [(11, 30)], "source": [(0, 3)], "cue": [(0, 4)]},
            {"content": [(100, 120)], "source": None, "cue": None}]
    m = match(kept, gold)
    assert m == {id(kept[0]): gold[0]}


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.mark.slow
def test_candidates_cover_subject_entities_and_previous_sentence(nlp):
    doc = nlp("Janet Yellen spoke on Monday. The economy is strong, she said, and Congress agreed.")
    kept = A.kept_candidates(doc, A.load_weights())
    c = next(c for c in kept if c.cue and doc.text[c.cue[0]:c.cue[1]] == "said")
    texts = {doc.text[s[0]:s[1]] for s, _t, _f in R.source_candidates(doc, c, None, R.noun_chunks(doc), [])}
    assert {"she", "Janet Yellen", "Congress"} <= texts
    feats = {doc.text[s[0]:s[1]]: f for s, _t, f in R.source_candidates(doc, c, None, R.noun_chunks(doc), [])}
    assert "sent=prev" in feats["Janet Yellen"] and "sent=same" in feats["she"]
    assert "rule=True" in feats["she"] and "rule=False" in feats["Congress"]


@pytest.mark.slow
def test_rerank_follows_the_weights(nlp):
    doc = nlp("The economy is strong, she said.")
    kept = A.kept_candidates(doc, A.load_weights())
    c = next(c for c in kept if c.cue and doc.text[c.cue[0]:c.cue[1]] == "said")
    assert doc.text[c.source[0]:c.source[1]] == "she"
    # a model that prefers whatever lies inside the content picks "The economy"
    R.rerank_sources(doc, kept, {"weights": {"incontent=True": 5.0, "ent=pron": -1.0}})
    assert doc.text[c.source[0]:c.source[1]] == "The economy"
    # no model: the rules' source stands
    kept = A.kept_candidates(doc, A.load_weights())
    R.rerank_sources(doc, kept, None)
    c = next(c for c in kept if c.cue and doc.text[c.cue[0]:c.cue[1]] == "said")
    assert doc.text[c.source[0]:c.source[1]] == "she"


@pytest.mark.slow
def test_ranker_keeps_the_rules_whole_noun_phrase(nlp):
    doc = nlp("Goldman Sachs' report stated that the dollar is overvalued by 20%.")
    atts = A.doc_attributions(doc)
    a = next(a for a in atts if "overvalued" in a.content.text)
    assert a.source.text == "Goldman Sachs' report" and a.kind == "report"


@pytest.mark.slow
def test_bare_quote_features_say_how_its_source_was_found(nlp):
    text = ('Cruz continued:\n\n"We will win this state."\n\n'
            'Ms. Lee spoke to reporters at length. "Nobody expected this," she said. "Not even us."')
    doc = nlp(text)
    kept = A.kept_candidates(doc, A.load_weights())
    how = {doc.text[c.content[0]:c.content[1]]: c.how for c in kept if c.pattern == "quote"}
    assert how.get('"We will win this state."') == "colon"
    groups = dict((id(c), cands) for c, cands in R.groups(doc, kept))
    colon = next(c for c in kept if c.how == "colon")
    assert any(f.startswith("pat_rule=quote:colon|") for _s, _t, fs in groups[id(colon)] for f in fs)

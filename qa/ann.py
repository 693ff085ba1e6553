"""Approximate nearest neighbours for large graphs: FAISS HNSW, with an exactness check.

Below :data:`ANN_THRESHOLD` statements the engine scores every candidate
(one matrix-vector product, a few milliseconds). Past it, an open question
(who said / general / fact / concept) is first narrowed to a candidate pool:
the FAISS HNSW top ``pool`` statements by MiniLM cosine, united with the BM25
top ``pool``. The pool is used only when it provably holds the full ranking's
top ``need`` statements: any statement outside it scores at most the pool's
worst dense score plus the lexical weight times the pool's worst lexical
score (plus the entity boost), so if ``need`` pool statements score above
that bound even after the largest penalty, ranking the pool gives the same
answers as ranking everything. Otherwise the engine ranks everything, as
below the threshold. HNSW is approximate, so the bound holds for the
statements HNSW returns; with ``efSearch`` well above ``pool`` its recall
of the true top ``pool`` is ~1 (measured in ``bench/scale.py``).
"""

from __future__ import annotations

import os

import numpy as np

ANN_THRESHOLD = int(os.environ.get("CLAIMGRAPH_ANN_THRESHOLD", "50000"))
COMPACT_THRESHOLD = 50_000  # statements past which vectors are float16 (ann.compact_if_large)
POOL = 256
MAX_PENALTY = 0.08  # passage + no-speaker penalties (engine.PASSAGE_PENALTY twice)
PENALTY = MAX_PENALTY / 2  # each of them
WIDER = ()  # wider pools tried when the first cannot prove it holds the best
BOOST = 0.1  # engine's entity boost in open questions


class DenseIndex:
    """A FAISS HNSW inner-product index over L2-normalized rows (cosine).

    The index stores 8-bit scalar-quantized codes (a quarter of the float32
    vectors' memory; the engine keeps the exact matrix anyway), and the rows it
    returns are rescored exactly against ``matrix``.
    """

    def __init__(self, matrix, m: int = 32, ef_construction: int = 80,
                 ef_search: int = 512, index=None) -> None:
        import faiss

        faiss.omp_set_num_threads(1)  # one question at a time: threads only wait
        self.matrix = matrix
        # a RowMatrix (one vector per distinct text): HNSW over the distinct rows, whose
        # hits expand to every statement sharing the row
        base = getattr(matrix, "vecs", matrix)
        self.n, dim = matrix.shape
        self.rows = base.shape[0]
        if index is not None:
            self.index = index
            return
        self.index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, m,
                                       faiss.METRIC_INNER_PRODUCT)
        self.index.hnsw.efConstruction = ef_construction
        self.index.hnsw.efSearch = ef_search
        sample = base[np.linspace(0, self.rows - 1, min(self.rows, 20_000)).astype(np.int64)]
        self.index.train(np.ascontiguousarray(sample, dtype=np.float32))
        for a in range(0, self.rows, 50_000):  # float32 in chunks (the rows may be float16)
            self.index.add(np.ascontiguousarray(base[a:a + 50_000], dtype=np.float32))

    def write(self, path) -> None:
        import faiss
        from claimgraph.graph.store import atomic_write

        atomic_write(path, faiss.serialize_index(self.index).tobytes())

    @classmethod
    def read(cls, path, matrix) -> DenseIndex:
        import faiss

        index = faiss.read_index(str(path))  # no second copy of the file in memory
        if index.ntotal != getattr(matrix, "vecs", matrix).shape[0]:
            raise ValueError("the ANN index does not match the vectors")
        return cls(matrix, index=index)

    def search(self, qv: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, exact scores) of the ``n`` best statements HNSW finds, best first (with
        shared vectors: every statement of the best rows, at least ``n`` when there are)."""
        n = min(n, self.n)
        base = getattr(self.matrix, "vecs", self.matrix)
        nr = min(n, self.rows)
        if self.index.hnsw.efSearch < nr:
            self.index.hnsw.efSearch = 2 * nr
        qv = np.asarray(qv, dtype=np.float32)
        _, i = self.index.search(qv.reshape(1, -1), nr)
        ids = i[0][i[0] >= 0]
        rows = self.matrix.read(ids) if hasattr(self.matrix, "read") else base[ids]
        exact = np.asarray(rows, dtype=np.float32) @ qv
        order = np.argsort(-exact, kind="stable")
        ids, exact = ids[order], exact[order]
        if base is self.matrix:
            return ids, exact
        off, stm = self.matrix.statements_of_rows()
        cnt = off[ids + 1] - off[ids]
        keep = int(np.searchsorted(np.cumsum(cnt), n)) + 1  # rows until n statements
        ids, exact, cnt = ids[:keep], exact[:keep], cnt[:keep]
        out = np.concatenate([stm[off[r]:off[r + 1]] for r in ids]) if len(ids) \
            else np.zeros(0, dtype=np.int64)
        return out, np.repeat(exact, cnt)


def compact_if_large(matrix, threshold: int | None = None):
    """``matrix`` with float16 rows past :data:`COMPACT_THRESHOLD` statements, else itself:
    a large graph's vectors (645 MB float32 at 420k distinct statements) are halved, and
    small graphs keep exact float32 scores."""
    threshold = COMPACT_THRESHOLD if threshold is None else threshold
    if matrix.shape[0] >= threshold and hasattr(matrix, "compact"):
        return matrix.compact()
    return matrix


def build_index(matrix: np.ndarray, threshold: int | None = None) -> DenseIndex | None:
    """A :class:`DenseIndex` when the graph has at least ``threshold`` statements, else None."""
    threshold = ANN_THRESHOLD if threshold is None else threshold
    if matrix.shape[0] == 0 or matrix.shape[0] < threshold:
        return None
    return DenseIndex(matrix)


def prefilter(eng, sc, idx: list[int], k: int, boost: set[str] | None = None,
              pool: int | None = None, lex_weight: float = 0.25, bonus: float | None = None
              ) -> list[int]:
    """``idx`` narrowed to a pool that provably holds its best statements, or ``idx`` itself.

    ``eng`` is the QA engine (``.ann``, ``.matrix``), ``sc`` its per-question
    scorer (``.qv``, ``.zh``, ``.lex``). Only MiniLM-ranked (English) questions
    are narrowed. When a pool of ``pool`` cannot prove it holds the best (many
    near-equal statements, e.g. one sentence repeated across articles, fill it),
    pools of :data:`WIDER` times that size are tried before ranking everything.
    """
    pool = pool or POOL
    ann = getattr(eng, "ann", None)
    if ann is None or sc.zh or len(idx) <= pool:
        return idx
    allowed = np.zeros(eng.matrix.shape[0], dtype=bool)
    allowed[idx] = True
    arr = np.asarray(idx)
    lex = sc.lex(arr)  # BM25 (normalized as the engine does) over the allowed statements
    bonus = (BOOST if boost else 0.0) if bonus is None else bonus  # the most a bonus adds
    for size in (pool, *(pool * w for w in WIDER)):
        if size >= len(idx):
            break
        out = _pool(eng, sc, ann, allowed, arr, lex, k, size, lex_weight, bonus)
        if out is not None:
            return out
    return idx


def _pool(eng, sc, ann, allowed, arr, lex, k, pool, lex_weight, bonus):
    qv = sc.qv
    # dense side: ask HNSW for more than the pool, keep the allowed ones
    ids, dens = ann.search(qv, min(len(allowed), 4 * pool))
    ok = allowed[ids]
    ids, dens = ids[ok][:pool], dens[ok][:pool]
    if len(ids) < pool:
        return None  # the candidates are too spread over other kinds
    d_bound = float(dens[-1])
    top = np.argpartition(-lex, pool - 1)[:pool]
    l_bound = float(lex[top].min())
    cand = np.union1d(ids, arr[top])  # ascending, as idx is: ties break the same way
    cand_lex = sc.lex(cand)
    # each candidate's own worst penalty (routes._open: a passage, a statement with no
    # speaker, 0.04 each); an outside statement's score is bounded with no penalty
    pen = PENALTY * ((eng.kind[cand] == "passage").astype(np.float64)
                     + ~np.asarray(eng.has_speaker[cand], dtype=bool))
    lower = eng.matrix[cand] @ qv + lex_weight * cand_lex - pen
    bound = d_bound + lex_weight * l_bound + bonus
    need = 2 * max(k, 3) + 4  # answers skip statements with the same evidence
    if int((lower > bound).sum()) < need:
        return None
    return [int(i) for i in cand]

"""BM25 as one sparse matrix: rank_bm25's ``BM25Okapi`` scores, vectorized.

``rank_bm25.BM25Okapi.get_scores`` loops in Python over every document for
every query word (a dict lookup per document per word): ~90 ms per question
at 12k statements, linear in the corpus. :class:`SparseBM25` precomputes the
per-(term, document) BM25 weight once, in a CSR matrix with one row per term,
so a question's scores are a weighted sum of a few sparse rows: milliseconds
at 400k statements.

The scores are rank_bm25's (Okapi BM25 with ``k1=1.5``, ``b=0.75`` and the
ATIRE idf floored at ``epsilon`` times the average idf for terms in more than
half of the documents; a repeated query word counts once per repetition, an
unknown word scores 0), equal to floating-point rounding
(``tests/test_scale.py`` checks them against ``rank_bm25`` to 1e-9).

>>> bm = SparseBM25([["rate", "cut"], ["rate", "hike", "hike"], ["bond"]])
>>> [round(float(x), 4) for x in bm.get_scores(["hike"])]
[0.0, 0.6287, 0.0]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np


class SparseBM25:
    """BM25Okapi over tokenized documents, scored by a sparse matrix product.

    Args:
        corpus: one token list per document (a document may be empty).
        k1, b, epsilon: rank_bm25's ``BM25Okapi`` parameters.
    """

    def __init__(self, corpus: Iterable[Sequence[str]], k1: float = 1.5, b: float = 0.75,
                 epsilon: float = 0.25) -> None:
        from scipy.sparse import csr_matrix

        self.k1, self.b, self.epsilon = k1, b, epsilon
        vocab: dict[str, int] = {}
        rows: list[int] = []  # term id per (document, term) entry
        cols: list[int] = []  # document id
        tfs: list[int] = []
        lens: list[int] = []
        for d, doc in enumerate(corpus):
            lens.append(len(doc))
            counts: dict[str, int] = {}
            for w in doc:
                counts[w] = counts.get(w, 0) + 1
            for w, c in counts.items():
                rows.append(vocab.setdefault(w, len(vocab)))
                cols.append(d)
                tfs.append(c)
        self.corpus_size = n = len(lens)
        if n == 0:
            raise ValueError("SparseBM25 needs at least one document")
        self.vocab = vocab
        doc_len = np.asarray(lens, dtype=np.float64)
        self.avgdl = float(doc_len.sum()) / n
        r = np.asarray(rows, dtype=np.int64)
        c = np.asarray(cols, dtype=np.int64)
        tf = np.asarray(tfs, dtype=np.float64)
        # idf exactly as rank_bm25 computes it (same float operations, same order)
        nd = np.bincount(r, minlength=len(vocab))
        idf = np.array([math.log(n - f + 0.5) - math.log(f + 0.5) for f in nd.tolist()],
                       dtype=np.float64)
        self.average_idf = float(sum(idf.tolist()) / len(idf)) if len(idf) else 0.0
        idf[idf < 0] = self.epsilon * self.average_idf
        self.idf = idf
        norm = k1 * (1 - b + b * doc_len / self.avgdl)
        # rank_bm25: idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)))
        w = idf[r] * (tf * (k1 + 1) / (tf + norm[c]))
        self.weights = csr_matrix((w, (r, c)), shape=(len(vocab), n))
        self.weights.sum_duplicates()

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The scoring state as arrays (with :attr:`vocab`, what :meth:`from_arrays` needs)."""
        w = self.weights
        return {"data": w.data, "indices": w.indices, "indptr": w.indptr,
                "shape": np.array(w.shape, dtype=np.int64),
                "params": np.array([self.k1, self.b, self.epsilon, self.avgdl, self.average_idf]),
                "idf": self.idf}

    @classmethod
    def from_arrays(cls, vocab: list[str], a: dict[str, np.ndarray]) -> SparseBM25:
        from scipy.sparse import csr_matrix

        self = cls.__new__(cls)
        self.k1, self.b, self.epsilon, self.avgdl, self.average_idf = a["params"].tolist()
        self.vocab = {w: n for n, w in enumerate(vocab)}
        self.idf = a["idf"]
        shape = tuple(int(x) for x in a["shape"])
        self.weights = csr_matrix((a["data"], a["indices"], a["indptr"]), shape=shape)
        self.corpus_size = shape[1]
        return self

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for the token list ``query`` (float64, corpus order)."""
        ids: dict[int, int] = {}
        for q in query:
            t = self.vocab.get(q)
            if t is not None:
                ids[t] = ids.get(t, 0) + 1
        if not ids:
            return np.zeros(self.corpus_size)
        terms = np.fromiter(ids.keys(), dtype=np.int64, count=len(ids))
        mult = np.fromiter(ids.values(), dtype=np.float64, count=len(ids))
        return np.asarray(self.weights[terms].T @ mult).reshape(-1)

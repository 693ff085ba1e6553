"""Ranking: the words BM25 sees, and one question's dense and lexical scores.

:class:`Scorer` holds what a question costs once (its MiniLM or e5 vector, its
BM25 scores over every statement) and scores any candidate set by the hybrid
of dense similarity and normalized BM25. A question written in Chinese ranks
by MiniLM on its CC-CEDICT gloss plus multilingual-e5 on the question itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .embed import e5_prefetch, e5_query, minilm_queries, minilm_query
from .linking import CJK_RE, Link, normalize

if TYPE_CHECKING:
    from .engine import QAEngine

E5_WEIGHT = 0.05  # a Chinese question: weight of e5's standardized score beside the gloss's
LEX_WEIGHT_ZH = 0.0  # BM25 on the gloss: off (see _Scorer._zh_hybrid)
LEX_WEIGHT = 0.25  # weight of BM25 (normalized to the best statement) in the hybrid score
FULL_PRODUCT = 20_000  # candidates past which dense scores come from one full product
CJK_PENALTY = 0.03  # e5 scale: see QAEngine.cjk_penalty
STOP = frozenset("""a an the of in on at to for by with from and or but is are was were be been being
do does did has have had what who whom whose which where when why how that this these those it its
their his her he she they them there about say said says tell me as than into over under not no
s can could would should will may might also very more most such than so any some all
according""".split())


_COMPOUND_PLURAL = re.compile(r"(?<=\w)(-(?:in|up|out|off|on|down|over|back|away))s\b", re.I)


def tokens(text: str) -> list[str]:
    """Lower-case content words with light suffix stripping (for BM25 and coverage).

    >>> tokens("Yields surged; Japan's holdings")
    ['yield', 'surg', 'japan', 'holding']
    >>> tokens("the walk-ins")
    ['walk']
    """
    out = []
    # a hyphenated compound's plural is its singular's word ("walk-ins": walk-in)
    text = _COMPOUND_PLURAL.sub(r"\1", text)
    for w in re.findall(r"[a-z0-9][a-z0-9&.]*", normalize(text)):
        w = w.strip(".-")
        if w.endswith("'s"):
            w = w[:-2]
        if not w or w in STOP:
            continue
        for suf, rep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
            if len(w) > len(suf) + 3 and w.endswith(suf) and not w.endswith("ss"):
                w = w[: -len(suf)] + rep
                break
        out.append(w)
    return out


class Scorer:
    """Dense and lexical scores of one question, computed once and reused by a route."""

    def __init__(self, eng: QAEngine, q_en: str, zh: bool) -> None:
        self.eng, self.q, self.zh = eng, q_en, bool(zh)
        self.has_links = False
        self.links: list[Link] = []
        # words BM25 also looks for when the question names a place: the article may write
        # "British growth" where the question says "Britain" (and the other way round)
        self.synonyms: list[tuple[str, list[str]]] = []  # (surface, extra tokens)
        self._lex: tuple[np.ndarray, float] | None = None  # raw BM25, its scale
        self._full: tuple | None = None  # (question vector, its cosine with every statement)
        if self.zh:
            self.has_links = bool(eng.linker.link(q_en))

    @property
    def qv(self):
        """The question's MiniLM vector (None for a Chinese question: e5 ranks those)."""
        return None if self.zh else self._minilm(self.q)

    def _minilm(self, text: str) -> np.ndarray:
        return minilm_query(text)

    def dense_for(self, text: str):
        if self.zh and CJK_RE.search(text):
            return ("e5", self._e5q(text))
        return self._minilm(text)

    def _e5q(self, text: str) -> np.ndarray:
        return e5_query(text)

    def dense_of(self, qv, idx) -> np.ndarray:
        if isinstance(qv, tuple):
            return self.eng.e5_rows(idx) @ qv[1]
        if qv is None:
            return self.e5(idx)
        m = self.eng.matrix
        if self._full is not None and self._full[0] is qv and len(idx) > 256:
            return self._full[1][np.asarray(idx)]
        if len(idx) > FULL_PRODUCT and 4 * len(idx) > m.shape[0]:
            # most of a big graph: one product over all rows (kept for the question's
            # other candidate sets), not a copy of the rows
            self._full = (qv, m @ qv)
            return self._full[1][np.asarray(idx)]
        return m[idx] @ qv

    def e5(self, idx) -> np.ndarray:
        return self.eng.e5_rows(idx) @ self._e5q(self.q)

    def e5_margin(self, idx) -> float:
        """How much better the best statement matches than the best background sentence."""
        s = self.e5(idx)
        if not len(s):
            return 0.0
        return float(s.max() - (self.eng.background() @ self._e5q(self.q)).max())

    def lex(self, idx, text: str | None = None) -> np.ndarray:
        if self.eng.bm25 is None:
            return np.zeros(len(idx))
        if text is not None:
            raw = self._bm25(text)
        else:
            if self._lex is None:
                self._lex = self._bm25(self.q)
            raw = self._lex
        raw, top = raw
        return np.minimum(raw[idx] / top, 1.0) if top > 0 else np.zeros(len(idx))

    def _bm25(self, text: str) -> tuple[np.ndarray, float]:
        """BM25 of ``text``; where it names a place, a statement that does not write the
        place's name scores its other name in its stead ("british" for "britain")."""
        toks = tokens(text)
        raw = self.eng.bm25.get_scores(toks)
        top = float(raw.max()) if len(raw) else 0.0  # the scale: the question's own words
        for surface, extra in self.synonyms:
            own = [t for t in tokens(surface) if t in toks]
            alt = [t for t in extra if t not in toks]
            if own and alt:
                has = self.eng.bm25.get_scores(own) > 0
                raw = raw + np.where(has, 0.0, self.eng.bm25.get_scores(alt))
        return raw, (top or float(raw.max()) if len(raw) else 0.0)

    def _zh_hybrid(self, idx, text: str | None) -> np.ndarray:
        """A Chinese question: MiniLM and BM25 on its dictionary gloss, plus e5 on the
        question itself as a standardized score (its raw cosines sit too close together
        to add as they are)."""
        src = self.q if text is None else text
        qv = self._e5q(src)
        e5 = self.eng.e5_rows(idx) @ qv - self.eng.cjk_penalty[idx]
        g, known = self.eng.gloss(src)
        if not known or not re.search(r"[A-Za-z]{2}", g):  # no dictionary, or a transliterated
            return e5                                      # name it cannot know ("海湖庄园")
        # standardized against the off-topic background sentences: the same scale for every
        # candidate set of the question (a claim and its context sentence are compared)
        bg = self.eng.background() @ qv
        z = (e5 - float(bg.mean())) / (float(bg.std()) + 1e-6)
        dense = self.eng.matrix[idx] @ self._minilm(g)
        return known * dense + LEX_WEIGHT_ZH * self.lex(idx, g) + E5_WEIGHT * z

    def prefetch(self, texts: list[str], glossed: list[str] = ()) -> None:
        """Encode ahead, together, the texts a route will rank by: an English question's
        MiniLM vectors in one batch (one pass over the weights); a Chinese question's e5
        vectors of ``texts`` in background threads, and meanwhile the MiniLM vectors of the
        glosses of ``glossed`` (the texts :meth:`hybrid` ranks by) in one batch."""
        if not self.zh:
            minilm_queries([self.eng._english(t, []) for t in dict.fromkeys(texts) if t])
            return
        e5_prefetch([t for t in dict.fromkeys(texts) if t and CJK_RE.search(t)])
        glosses = [self.eng.gloss(t) for t in dict.fromkeys(glossed) if t and CJK_RE.search(t)]
        minilm_queries([g for g, known in glosses if known and re.search(r"[A-Za-z]{2}", g)])

    def hybrid(self, idx, text: str | None = None) -> np.ndarray:
        """Dense similarity plus weighted BM25, by the question or by ``text``."""
        if not len(idx):
            return np.zeros(0)
        if self.zh and (text is None or CJK_RE.search(text)):
            return self._zh_hybrid(idx, text)
        if text is not None:
            qv = self.dense_for(self.eng._english(text, []))
            dense = self.dense_of(qv, idx)
            if isinstance(qv, tuple):
                return dense - self.eng.cjk_penalty[idx]
            return dense + (0.0 if self.zh else LEX_WEIGHT) * self.lex(idx, text)
        dense = self.dense_of(self.qv, idx)
        if self.zh:
            return dense - self.eng.cjk_penalty[idx]
        return dense + LEX_WEIGHT * self.lex(idx)

"""Answering questions over the graph, with evidence, or abstaining.

``QAEngine(ds).ask(question, k)`` returns the answer object of DESIGN.md:
``{"question", "abstained", "answers": [{"text", "score", "kind", "speaker",
"evidence"}]}`` plus ``reason`` when it abstains.

How a question is answered:

1. **Link** the entities it names (:mod:`.linking`), by every English and
   Chinese label, alias, acronym, surname or short form, tolerating case,
   possessives and small typos; a misspelt lower-case word that is no English
   word is read as the article word it is one or two edits from.
2. **Route** it (:mod:`.router`): what did X say (about Y), who said Z,
   affiliations, concepts, numbers, or anything else. X may be a title ("the
   mayor", "the New Jersey governor": whom the articles title so), a Chinese
   short form (标普) or a Chinese personal name in pinyin (沈建光 -> Shen
   Jianguang), a short form of a person the graph also holds by full name.
3. **Abstain early** when the question names something the graph does not
   hold, an entity that is only listed (never mentioned), or an entity that
   is never quoted when the question asks what it said.
4. **Rank** the candidates the route allows by a hybrid of dense similarity
   and BM25 (MiniLM; a question written in Chinese by MiniLM on its CC-CEDICT
   gloss, :mod:`.gloss`, plus multilingual-e5 on the question itself). A claim
   ranks by the best of its verbalized text, its own sentence and the sentence
   before it (where what it is about is often named).
5. **Abstain late** when the best candidate's support is below thresholds
   calibrated on the question sets in ``bench/questions`` (see
   ``bench/qa.py --calibrate``), or the question's key words appear in no
   article and the best statements cover less than half of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from . import ann
from .embed import e5_passages, e5_query, minilm_query
from .gloss import gloss as gloss_text
from .gloss import gloss_words, name_senses, pinyin_names, segment_spans
from .index import (
    Snapshot,
    VectorCache,
    cache_dir_for,
    file_hash,
    load_meta,
    save_meta,
)
from .linking import CJK_RE, Link, Linker, common_words, edit_distance, normalize
from .router import PERSON_NOUN, ROLE_VERBS, Route, route
from .verbalize import Statement

# Calibrated with `bench/qa.py --calibrate` on bench/questions/*.json (five sets, 208
# questions on four articles; last run 2026-11-26 11:25 UTC): each threshold swept alone
# over a grid, the others held; the score is hits@1 + abstentions held - false
# abstentions summed over the sets; the value kept is the midpoint of the grid values
# that score best (the curves are in bench/results/qa.json under "calibration").
# MIN_DENSE scores the same anywhere in 0..0.18: unknown names, unquoted entities and
# out-of-vocabulary words decide those abstentions, and the dense floor only has to stay
# below the weakest right answer. MIN_TOPIC is best at 0.28 alone (a narrow optimum:
# 0.24 and 0.30..0.40 lose one question); MIN_E5_MARGIN is best from -0.05 to -0.04.
MAX_QUESTION = 2000  # characters; linking slows superlinearly on huge inputs (1 MB: minutes)
MIN_DENSE = 0.09  # best MiniLM cosine of an open question (who said / general / fact / concept)
MIN_TOPIC = 0.28  # best MiniLM cosine of "about Y" among X's claims
MIN_E5_MARGIN = -0.045  # Chinese question, nothing linked: best e5 score minus the best background score

# A null model for e5, whose scores sit close together: sentences about nothing a news
# graph holds. A Chinese question that names no entity must match the graph better than
# it matches these, or the engine abstains. They are never answers.
BACKGROUND = [
    "今天的天气怎么样?会下雨吗?", "The weather today is sunny with a chance of rain.",
    "这道菜的做法很简单,先把鸡蛋打散。", "Mix the flour, sugar and eggs, then bake for 30 minutes.",
    "这场足球比赛主队以二比一获胜。", "The home team won the football match two to one.",
    "这部电影的主演是谁?", "The film stars a famous actor and premiered last summer.",
    "去北京旅游有哪些景点?", "The museum is open every day except Monday.",
    "怎样才能睡得更好?", "Drinking water and walking every day are good for your health.",
    "新款手机的电池续航时间更长。", "The new phone has a larger screen and a better camera.",
    "我的猫喜欢在窗台上晒太阳。", "Our school library has thousands of books for children.",
]
E5_WEIGHT = 0.05  # a Chinese question: weight of e5's standardized score beside the gloss's
LEX_WEIGHT_ZH = 0.0  # BM25 on the gloss: off (see _Scorer._zh_hybrid)
CONTEXT_PENALTY = 0.02  # a claim ranked by the sentence before it: a little below its own words
LEX_WEIGHT = 0.25  # weight of BM25 (normalized to the best statement) in the hybrid score
CJK_PENALTY = 0.03  # e5 scale: see QAEngine.cjk_penalty
PASSAGE_PENALTY = 0.04  # an article sentence ranks just below a graph statement as good
PREFER_BONUS = 0.1  # the kind of statement a route asks for, when nothing was linked
APPOSITION_BONUS = 0.3  # "Who is X?": a sentence describing X, over one only naming X

# a quantity, not a bare year: "4.53%", "$36.22 trillion", "56 basis points", "Schiff, 56,", "a decade"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|percent|basis|bps?|trillion|billion|million|thousand)"
                    r"|[$€£¥]\s*\d|\b(?!(?:19|20)\d\d\b)\d+\b|\b(?:decade|dozen|hundred|thousand)s?\b"
                    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                    r"thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b", re.I)
# question words that say how to answer, not what about ("how many", "how high")
GENERIC = frozenset("""much many high low big large long old far fast often year years time
number amount total percent percentage level size value figure rate happen happened""".split())
STOP = frozenset("""a an the of in on at to for by with from and or but is are was were be been being
do does did has have had what who whom whose which where when why how that this these those it its
their his her he she they them there about say said says tell me as than into over under not no
s can could would should will may might also very more most such than so any some all
according""".split())
PERSONISH = {"Person"}
SPEAKER_TYPES = {"Person", "Organization", "Place"}


def tokens(text: str) -> list[str]:
    """Lower-case content words with light suffix stripping (for BM25 and coverage).

    >>> tokens("Yields surged; Japan's holdings")
    ['yield', 'surg', 'japan', 'holding']
    """
    out = []
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


# How news text abbreviates a title before a name ("Gov. Chris Christie", "Sen. Warren").
TITLE_ABBREVIATIONS = [("governor", r"Gov\.?"), ("senator", r"Sen\.?"), ("representative", r"Rep\.?"),
                       ("congressman", r"Rep\.?"), ("congresswoman", r"Rep\.?"),
                       ("general", r"Gen\.?"), ("secretary", r"Sec\.?"), ("president", r"Pres\.?"),
                       ("lieutenant", r"Lt\.?"), ("attorney", r"Atty\.?")]


def tokens_plain(text: str) -> tuple[str, ...]:
    """A name's words, case-, accent- and apostrophe-folded: ("james", "o'neill")."""
    return tuple(w.strip(".'-") for w in re.findall(r"[\w'’.\-]+", normalize(text)) if w.strip(".'-"))


class QAEngine:
    """Question answering over one graph; build once, ask many times.

    Args:
        ds: an rdflib ``Dataset`` (e.g. from ``claimgraph.graph.load_graph``).
        cache_dir: where to keep per-statement vectors (``None``: memory only).
        snapshot: the graph already read into plain data (``from_path`` uses it).
    """

    def __init__(self, ds=None, *, cache_dir: str | Path | None = None,
                 snapshot: Snapshot | None = None) -> None:
        if snapshot is None:
            if ds is None:
                raise ValueError("QAEngine needs a Dataset or a Snapshot")
            snapshot = Snapshot.from_dataset(ds)
        self.snap = snapshot
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.statements: list[Statement] = snapshot.statements
        self.entities = snapshot.entities
        self.labels = snapshot.labels
        self.types = {i: e["type"] for i, e in self.entities.items()}
        self.linker = Linker(self.labels, self.types, snapshot.texts)
        self._index_words(snapshot.texts)
        self._members()
        self._name_variants()
        self._claim_context()
        self.kind = np.array([s.kind for s in self.statements])
        # e5 matches Chinese to Chinese better than to English: in a bilingual article the
        # Chinese original of a sentence would outrank its English twin, which carries the
        # extracted speaker and numbers. A constant for every CJK statement, so a wholly
        # Chinese graph ranks as before.
        self.cjk_penalty = np.array([CJK_PENALTY if len(CJK_RE.findall(s.text)) > len(s.text) / 3
                                     else 0.0 for s in self.statements], dtype=np.float32)
        self._mini = VectorCache("minilm", self._cache_file("minilm.npz"))
        self.matrix = self._mini.matrix(self.statements)
        self._save(self._mini)
        self.ann = ann.build_index(self.matrix)  # FAISS HNSW past ann.ANN_THRESHOLD statements
        self._e5: np.ndarray | None = None
        self._e5vc: VectorCache | None = None
        self._bg: np.ndarray | None = None
        self._gloss_cache: dict[str, tuple[str, float]] = {}
        self._titled_cache: dict[str, set[str]] = {}
        from .lexical import SparseBM25  # rank_bm25's scores, one sparse product per question

        corpus = [tokens(s.text) or ["_"] for s in self.statements]
        self._prefixes = [{w[:5] for w in toks} for toks in corpus]
        self.bm25 = SparseBM25(corpus) if corpus else None

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def from_path(cls, path: str | Path, cache: bool = True, missing_ok: bool = False) -> QAEngine:
        """An engine for a graph file, using (and refreshing) the index cache beside it.

        On an unchanged graph this reads no RDF at all; after ``claimgraph build``
        added an article, only the new statements are embedded. A missing or
        empty file is an empty graph when ``missing_ok`` (the app starts so).
        """
        from claimgraph.graph import load_graph

        p = Path(path)
        if not p.is_file() or p.stat().st_size == 0:
            ds = load_graph(p, missing_ok=missing_ok)  # raises the store's GraphError
            return cls(snapshot=Snapshot.from_dataset(ds))
        digest = file_hash(p)
        cdir = cache_dir_for(p) if cache else None
        meta = load_meta(cdir) if cdir is not None else None
        if meta is not None and meta.get("graph_sha256") == digest:
            return cls(snapshot=Snapshot.from_meta(meta), cache_dir=cdir)
        snap = Snapshot.from_dataset(load_graph(p), digest)
        eng = cls(snapshot=snap, cache_dir=cdir)
        if cdir is not None:
            try:
                save_meta(cdir, snap)
            except OSError:
                pass  # a read-only folder: answer anyway, without a cache
        return eng

    def _cache_file(self, name: str) -> Path | None:
        return self.cache_dir / name if self.cache_dir is not None else None

    def _save(self, vc: VectorCache) -> None:
        try:
            vc.save({s.key for s in self.statements})
        except OSError:
            pass

    def _index_words(self, texts: list[str]) -> None:
        """What the articles' words are, for telling a known word from an unknown one."""
        self._vocab_prefix: dict[str, set[str]] = {}
        self._vocab_first: dict[str, list[str]] = {}
        for w in self.linker.vocab:
            # "cost-cutting" is one article word but two question tokens: know both parts
            for part in {w, *re.split(r"[-'.]", w)} if len(w) > 3 else {w}:
                if part:
                    self._vocab_prefix.setdefault(part[:3], set()).add(part)
            if w.isalpha():
                self._vocab_first.setdefault(w[0], []).append(w)
        self._typo_cache: dict[str, str] = {}
        # initials of the capitalized names the articles spell out ("North American Free
        # Trade Agreement" -> "nafta"), so a question may use the acronym the article does
        # not (every tail of the name: a sentence's first word may be "The")
        self._initials: set[str] = set()
        for t in texts:
            for m in re.finditer(r"[A-Z][\w’'\-]*(?:\s+(?:(?:of|and|for|the|on)\s+)?[A-Z][\w’'\-]*)"
                                 r"{1,6}", t):
                caps = [w[0] for w in m.group(0).split() if w[0].isupper()]
                self._initials |= {"".join(caps[a:]).lower() for a in range(len(caps) - 1)}

    def _members(self) -> None:
        """Organizations' current members, so "what did Goldman Sachs say" finds its head."""
        self.members: dict[str, set[str]] = {}
        self.former_members: dict[str, set[str]] = {}  # "Morgan Stanley's former chief economist"
        for s in self.statements:
            if s.kind == "affiliation" and len(s.by) == 2:
                (self.former_members if s.former else self.members).setdefault(
                    s.by[1], set()).add(s.by[0])

    def _claim_context(self) -> None:
        """For each claim, the article sentences around it: its own sentence (the words as
        written, where the verbalized claim may have lost the topic) and the one before it
        (where what a claim is about is often named). A claim ranks by the best of them."""
        self.ctx: dict[int, list[tuple[int, float]]] = {}  # statement -> [(passage, penalty)]
        self.in_claim: set[int] = set()  # passages that are a claim's own sentence
        # what each statement names: its own links plus those of the sentence it sits in
        # (a fact's statement links nothing itself; its sentence does)
        self.names: list[frozenset[str]] = [frozenset(s.about) | frozenset(s.by)
                                            for s in self.statements]
        by_para: dict[tuple, list[int]] = {}
        for i, s in enumerate(self.statements):
            if s.kind == "passage" and s.evidence:
                e = s.evidence[0]
                by_para.setdefault((e["article"], e["paragraph"]), []).append(i)
        for ps in by_para.values():
            ps.sort(key=lambda j: self.statements[j].evidence[0]["start"])
        for i, s in enumerate(self.statements):
            if s.kind not in ("claim", "fact") or not s.evidence:
                continue
            e = s.evidence[0]
            out: list[tuple[int, float]] = []
            before = None
            for j in by_para.get((e["article"], e["paragraph"]), []):
                pe = self.statements[j].evidence[0]
                if pe["start"] < e["end"] and e["start"] < pe["end"]:
                    self.names[i] = self.names[i] | frozenset(self.statements[j].about)
                    if s.kind == "claim":
                        out.append((j, 0.0))
                        self.in_claim.add(j)
                elif pe["end"] <= e["start"]:
                    before = j
            if before is not None:
                out.append((before, CONTEXT_PENALTY))
                if s.kind == "fact" and not self.names[i]:
                    # "It edged up its forecast ... to 4.2 percent": a number whose sentence
                    # names no one is about whom the sentence before names
                    self.names[i] = frozenset(self.statements[before].about)
            if out:
                self.ctx[i] = out

    def _ranked(self, sc: _Scorer, idx: list[int], text: str | None = None) -> np.ndarray:
        """``sc.hybrid`` where a claim scores the best of itself and its sentences."""
        scores = sc.hybrid(idx, text)
        extra = sorted({j for i in idx for j, _ in self.ctx.get(i, ())})
        if not extra:
            return scores
        pos = {j: n for n, j in enumerate(extra)}
        ctx = sc.hybrid(extra, text)
        for n, i in enumerate(idx):
            for j, penalty in self.ctx.get(i, ()):
                scores[n] = max(scores[n], ctx[pos[j]] - penalty)
        return scores

    def _name_variants(self) -> None:
        """Persons the graph holds twice, by full name and by a shorter form of it
        ("O'Neill" / "James O’Neill", "De Blasio" / "Bill de Blasio"): a question naming
        either asks about both. Only when the shorter form fits one full name."""
        names = {i: tokens_plain(self.label(i) or "") for i, t in self.types.items()
                 if t in PERSONISH}
        by_suffix: dict[tuple[str, ...], list[str]] = {}  # ("o'neill",) -> the longer names
        for i, w in names.items():
            for n in range(1, len(w)):
                by_suffix.setdefault(w[-n:], []).append(i)
        self.variants: dict[str, set[str]] = {}
        for short, sw in names.items():
            longer = [i for i in by_suffix.get(sw, ()) if i != short] if sw else []
            if len(longer) == 1:
                self.variants.setdefault(short, set()).add(longer[0])
                self.variants.setdefault(longer[0], set()).add(short)

    def label(self, iri: str | None) -> str | None:
        if iri is None:
            return None
        e = self.labels.get(iri) or {}
        for lang in ("en", "zh"):
            if e.get(lang):
                return e[lang][0]
        return iri.rsplit("/", 1)[-1]

    def background(self) -> np.ndarray:
        if self._bg is None:
            self._bg = e5_passages(BACKGROUND)
        return self._bg

    def e5_rows(self, idx) -> np.ndarray:
        """e5 vectors of the statements ``idx``. ``claimgraph build`` prepares MiniLM
        vectors only (e5 runs ~10x slower), so a Chinese question embeds just the
        statements it ranks, once: "X对Y怎么看" costs X's statements, not the graph's."""
        idx = list(idx)
        if self._e5 is not None:
            return self._e5[idx]
        if self._e5vc is None:
            self._e5vc = VectorCache("e5", self._cache_file("e5.npz"))
        vecs = self._e5vc.matrix([self.statements[i] for i in idx])
        if self._e5vc.dirty:
            self._save(self._e5vc)
        if all(s.key in self._e5vc.vecs for s in self.statements):
            self._e5 = self._e5vc.matrix(self.statements)
        return vecs

    # ---- answering ----------------------------------------------------------------------

    def ask(self, question: str, k: int = 3) -> dict:
        """The DESIGN.md answer object for ``question`` (``reason`` added on abstention)."""
        question = " ".join(str(question).split())
        result: dict = {"question": question, "abstained": False, "answers": []}
        k = max(int(k), 1)
        if not question:
            return _abstain(result, "the question is empty")
        if len(question) > MAX_QUESTION:
            from claimgraph.errors import QueryError

            raise QueryError(f"the question is {len(question):,} characters long; "
                             f"ask in at most {MAX_QUESTION:,}")
        if not self.statements:
            return _abstain(result, "the graph has no statements")
        links = self.linker.link(question)
        spelled = self._spelled(question, links)
        if spelled != question:
            question = spelled  # the answer object keeps the question as asked
            links = self.linker.link(question)
        r = route(question)
        unknown = [] if r.lang == "zh" else self.linker.unknown_names(question, links)
        if unknown:
            return _abstain(result, f"{unknown[0]} is not in the graph")
        if r.lang == "zh":  # 美国 -> U.S., 欧盟 -> European Union: names the dictionary gives
            links = sorted(links + self._chinese_links(question, links), key=lambda lk: lk.start)
        subj = self._subject_links(question, r, links)
        if r.subject and not subj and CJK_RE.search(r.subject):
            subj = self._chinese_name(question, r.subject)  # 标普, 沈建光
            links = sorted(links + subj, key=lambda lk: lk.start)
        if r.subject and not subj and r.name in ("say", "membership"):
            # "jamie dimon", typed in lower case, is as unknown as "Jamie Dimon"
            if not self._in_texts(r.subject) and (
                    CJK_RE.search(r.subject) or r.subject[:1].isupper()
                    or (tokens(r.subject) and not any(self._known(w) for w in tokens(r.subject)))):
                return _abstain(result, f"{r.subject} is not in the graph")
        for lk in subj or (links if len(links) == 1 else []):
            if not self.entities.get(lk.iri, {}).get("mentioned", True):
                return _abstain(result, f"{self.label(lk.iri)} is listed in the article's directory "
                                        "but never mentioned or quoted")
        q_en = self._english(question, links)
        zh = r.lang == "zh" or (CJK_RE.search(q_en) and not re.search(r"[A-Za-z]{3,}", q_en))
        scorer = _Scorer(self, q_en, zh)
        scorer.links = links
        handler = getattr(self, f"_route_{r.name}")
        found = handler(r, subj, links, scorer, k)
        if isinstance(found, str):
            return _abstain(result, found)
        result["answers"] = found
        if not found:
            return _abstain(result, "nothing in the graph supports an answer")
        return result

    # ---- routes ---------------------------------------------------------------------------

    def _route_say(self, r: Route, subj: list[Link], links, sc: _Scorer, k: int):
        who = {lk.iri for lk in subj}
        if re.search(r"(?:^|\s)" + PERSON_NOUN + r"s?$", r.subject, re.I) and not any(
                self.types.get(i) in PERSONISH for i in who):
            # "the mayor" is Mayor Bill de Blasio; "the California congressman" is a person,
            # not California: whom the articles title or describe so, if they do
            titled = self._titled(r.subject)
            described = [] if titled else self._described(r.subject)
            if described:
                return self._answers(described, self._ranked(sc, described, r.topic or None), k,
                                     kind="claim")
            who = titled or who
        if not who:
            described = self._described(r.subject)
            if described:  # "the California congressman": whoever the article calls that
                return self._answers(described, sc.hybrid(described, r.topic or None), k,
                                     kind="claim")
            return self._unlinked_speaker(r, sc, k)
        name = " / ".join(sorted({self.label(i) for i in who}))
        for iri in list(who):
            who |= self.variants.get(iri, set())
        for iri in list(who):
            who |= self.members.get(iri, set()) | (self.former_members.get(iri, set())
                                                   if r.former else set())
        idx = [i for i, s in enumerate(self.statements)
               if s.kind in ("claim", "passage") and who & set(s.by)]
        # a concept X proposed is what X said; one X only discussed is a last resort (its
        # speaker is its proposer, not X)
        concepts = [i for i, s in enumerate(self.statements) if s.kind == "concept"
                    and who & set(s.by) and (not idx or (s.speaker or {}).get("iri") in who)]
        idx += concepts
        if not idx:
            return f"{name} is in the graph but never quoted"
        topic = r.topic
        if topic:
            context = self._context(idx)
            if not sc.zh and self._unsupported_words(topic, context):  # "the housing market"
                return f"{name} is quoted, but not about {topic}"
            qv = sc.dense_for(self._english(topic, links))
            dense = sc.dense_of(qv, idx)
            if not sc.zh and dense.max() < MIN_TOPIC and not self._covers(topic, context):
                return f"{name} is quoted, but not about {topic}"
            if sc.zh and CJK_RE.search(topic) and self._zh_off_topic(topic, idx, context):
                return f"{name} is quoted, but not about {topic}"
        # the article's sentences that name X, below X's own statements: "the IMF's estimate
        # of global growth" is X's view though no cue reports it
        said = set(idx)
        idx += [i for i, s in enumerate(self.statements) if s.kind == "passage"
                and i not in said and i not in self.in_claim and who & set(s.about)]
        scores = self._ranked(sc, idx, topic or None)
        scores = scores - PASSAGE_PENALTY * (self.kind[idx] == "passage")
        scores = scores - 2 * PASSAGE_PENALTY * np.array([i not in said for i in idx])
        return self._answers(idx, scores, k, kind="claim")

    def _apposition(self, iris: set[str]) -> re.Pattern | None:
        """A pattern for a name with a description attached: "the director of debate at
        ..., Aaron Kall", "Aaron Kall, the director ...", "Lester Holt of NBC News",
        "NBC's Matt Lauer", "IMF chief economist Maury Obstfeld"."""
        names = sorted({n for i in iris for v in [i] + sorted(self.variants.get(i, ()))
                        for n in self.labels.get(v, {}).get("en", []) if len(n) >= 3}, key=len,
                       reverse=True)
        if not names:
            return None
        name = "(?:" + "|".join(re.escape(n) for n in names) + ")"
        return re.compile(
            r"\b(?:the|a|an)\s[^,.;\"“”]{3,80},\s*" + name + r"\b"
            r"|" + name + r",\s*(?:the|a|an|who|\w+\s+(?:of|at))\b"
            r"|" + name + r"\s+of\s+(?:the\s+)?[A-Z]"
            r"|[A-Z][\w.&]*(?:'s|’s)\s+" + name + r"\b"
            r"|(?i:" + PERSON_NOUN + r"|gov|sen|rep|gen)\.?\s+(?:[A-Z][\w.'’-]*\s+){0,2}" + name)

    def _chinese_links(self, question: str, links: list[Link]) -> list[Link]:
        """Entities a Chinese question names by a word the dictionary translates to an
        entity's English name (美国 -> "US" -> U.S.; 欧盟 -> European Union), where no
        label matched."""
        out: list[Link] = []
        for word, a, b in segment_spans(question):
            if len(word) < 2 or any(lk.start < b and a < lk.end for lk in links):
                continue
            for name in name_senses(word):
                found = {lk.iri for lk in self.linker.link(name) if lk.start == 0
                         and lk.end == len(name) and self.types.get(lk.iri) in SPEAKER_TYPES}
                if found:
                    if len(found) == 1:
                        out.append(Link(found.pop(), word, a, b, "dictionary"))
                    break
        return out

    def _chinese_name(self, question: str, subject: str) -> list[Link]:
        """A Chinese subject no label matches: a short form of a Chinese label (标普 for
        标准普尔), or a person's name whose pinyin is an English label (沈建光 -> Shen
        Jianguang)."""
        a = question.find(subject)
        if a < 0:
            return []
        iris = self.linker.abbreviation(subject)
        how = "abbreviation"
        if not iris:  # a name the dictionary knows: 奥巴马 -> Barack Obama
            how = "dictionary"
            for name in name_senses(subject):
                iris = list(dict.fromkeys(lk.iri for lk in self.linker.link(name)
                                          if self.types.get(lk.iri) != "Concept"))
                if iris:
                    break
        if not iris:
            how = "pinyin"
            for name in pinyin_names(subject):
                iris = [lk.iri for lk in self.linker.link(name) if lk.start == 0
                        and lk.end == len(name) and self.types.get(lk.iri) in PERSONISH]
                if iris:
                    break
        return [Link(iris[0], subject, a, a + len(subject), how)] if len(iris) == 1 else []

    def _titled(self, subject: str) -> set[str]:
        """Persons an article names right after ``subject`` used as their title: "mayor" ->
        "Mayor Bill de Blasio", "NYPD commissioner" -> "NYPD Commissioner James O’Neill"."""
        words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w&.'’-]+", subject)]
        if not words or not re.fullmatch(PERSON_NOUN + "s?", words[-1], re.I):
            return set()
        # the title as the article may write it: "New Jersey Gov. Chris Christie"
        alts = [re.escape(words[-1])] + [a for full, a in TITLE_ABBREVIATIONS
                                         if re.fullmatch(full + "s?", words[-1], re.I)]
        title = r"[\s,]+".join([re.escape(w) for w in words[:-1]] + ["(?:" + "|".join(alts) + ")"])
        pat = re.compile(r"(?<![\w&])(?i:" + title + r")[,\s]+([A-Z][\w'’.\-]*(?:\s+(?:(?:de|van|von|der|"
                         r"den|da|del|della|di|du|la|le|bin|al|ter|ten)\s+)*[A-Z][\w'’.\-]*){0,3})")
        key = pat.pattern
        if key not in self._titled_cache:  # a scan of every article: once per title
            found: set[str] = set()
            for text in self.snap.texts:
                for m in pat.finditer(text):
                    found |= {lk.iri for lk in self.linker.link(m.group(1))
                              if self.types.get(lk.iri) in PERSONISH}
            if len(self._titled_cache) < 1024:
                self._titled_cache[key] = found
            return found
        return self._titled_cache[key]

    def _described(self, subject: str) -> list[int]:
        """Claims whose sentence names their speaker by ``subject``, a description such as
        "the California congressman" (a place or group word plus a person noun)."""
        if not re.search(r"\s" + PERSON_NOUN + r"s?$", subject, re.I) or len(subject.split()) < 2:
            return []
        pat = re.compile(r"(?<!\w)" + re.escape(subject) + r"(?!\w)", re.I)
        return [i for i, s in enumerate(self.statements)
                if s.kind == "claim" and s.speaker and pat.search(s.evidence[0]["quote"])]

    def _unlinked_speaker(self, r: Route, sc: _Scorer, k: int):
        """What did "market participants" / "experts" say: match the speaker as written."""
        words = set(tokens(r.subject))
        idx = [i for i, s in enumerate(self.statements) if s.kind == "claim" and words and
               words <= set(tokens((s.speaker or {}).get("label") or "") + tokens(s.text.split(":")[0]))]
        if not idx:
            idx = [i for i, s in enumerate(self.statements) if s.kind == "claim"]
            return self._open(idx, sc, k, "claim", r.topic or r.subject)
        scores = sc.hybrid(idx, r.topic or None)
        return self._answers(idx, scores, k, kind="claim")

    def _route_who_said(self, r: Route, subj, links, sc: _Scorer, k: int):
        # sentences with no speaker too, ranked below those with one: "Who blamed hedge
        # funds?" may be answered by "The sell-off was largely attributed to hedge funds"
        idx = [i for i, s in enumerate(self.statements) if s.kind == "claim"
               or (s.kind == "passage" and i not in self.in_claim)]
        return self._open(idx, sc, k, "claim", r.topic, who=True)

    def _route_membership(self, r: Route, subj: list[Link], links, sc: _Scorer, k: int):
        if not subj:
            return self._route_general(r, subj, links, sc, k)
        target = {lk.iri for lk in subj}
        idx = [i for i, s in enumerate(self.statements)
               if s.kind == "affiliation" and target & set(s.by)]
        passages = [i for i, s in enumerate(self.statements) if s.kind == "passage"
                    and target & set(s.about)
                    and (not r.wants_person or any(self.types.get(a) in PERSONISH for a in s.about))]
        # "who heads / runs / founded Y": the verb is the role, any member answers
        role_words = [] if r.lang != "en" or re.fullmatch(ROLE_VERBS, r.role, re.I) \
            else tokens(r.role)
        cand = idx + passages
        if not cand:
            return f"the graph holds no affiliation for {self.label(subj[0].iri)}"
        if role_words and not self._covers(r.role, cand, need=0.5):
            return f"no {r.role} of {self.label(subj[0].iri)} is in the graph"
        scores = sc.hybrid(cand, r.role or None) if r.role else sc.hybrid(cand)
        described = self._apposition(target) if not r.wants_person else None
        for j, i in enumerate(cand):
            s = self.statements[i]
            if s.kind == "passage":
                scores[j] -= PASSAGE_PENALTY
                # "Who is X?": a sentence that says what X is ("the moderator ..., Lester Holt
                # of NBC News") over one that only names X
                if described is not None and described.search(s.text):
                    scores[j] += APPOSITION_BONUS
            if s.kind == "affiliation":
                scores[j] += 0.1 if s.former == r.former else 0.0
        # "Who is X?" is answered about X, whatever X's type; "Who is the NYPD commissioner?"
        # (a title around the name) about whoever holds it
        whole = subj[0].iri if len(subj) == 1 and normalize(subj[0].surface).strip(" '") == \
            normalize(r.subject).strip(" '") else None
        person = None if r.wants_person else next(
            (lk.iri for lk in subj if self.types.get(lk.iri) in PERSONISH), whole)
        return self._answers(cand, scores, k, kind="affiliation", person_for=target,
                             subject_speaker=person)

    def _route_concept(self, r: Route, subj: list[Link], links, sc: _Scorer, k: int):
        target = {lk.iri for lk in subj}
        concepts = [i for i, s in enumerate(self.statements)
                    if s.kind == "concept" and target & set(s.about)]
        if target and not concepts and all(self.types.get(t) != "Concept" for t in target):
            # "What is PIMCO?": an entity, not a concept
            # any statement may answer ("what's the IMF forecast for ..."), those naming it first
            if not any(target & (set(s.about) | set(s.by)) for s in self.statements):
                return f"the graph says nothing about {self.label(next(iter(target)))}"
            return self._open(list(range(len(self.statements))), sc, k, None, r.topic, boost=target)
        if r.wants_person:
            concepts = [i for i in concepts if self.statements[i].by]
        if concepts:
            return self._answers(concepts, sc.hybrid(concepts) + 0.2, k, kind="concept")
        subject = r.subject or r.topic
        if not self._in_texts(subject) and not self._covers(subject, range(len(self.statements)),
                                                            need=0.6):
            return f"{subject} is not in the graph"
        idx = [i for i, s in enumerate(self.statements) if s.kind in ("claim", "passage", "fact", "concept")
               and (not r.wants_person or s.speaker or any(self.types.get(a) in PERSONISH
                                                           for a in s.about))]
        return self._open(idx, sc, k, "concept", subject, who=r.wants_person, need_cover=0.6,
                          prefer="concept")

    def _route_fact(self, r: Route, subj, links, sc: _Scorer, k: int):
        if getattr(self, "_numeric", None) is None:  # once per engine: the regex is slow at scale
            self._numeric = [i for i, s in enumerate(self.statements) if s.kind == "fact" or (
                s.kind in ("passage", "claim") and NUMBER.search(s.text))]
        idx = list(self._numeric)
        return self._open(idx, sc, k, "fact", r.topic, boost={lk.iri for lk in links})

    def _route_general(self, r: Route, subj, links, sc: _Scorer, k: int):
        idx = list(range(len(self.statements)))
        return self._open(idx, sc, k, None, r.topic, boost={lk.iri for lk in links})

    # ---- ranking helpers --------------------------------------------------------------------

    def _open(self, idx: list[int], sc: _Scorer, k: int, kind: str | None, topic: str, *,
              who: bool = False, boost: set[str] | None = None, need_cover: float = 0.0,
              prefer: str | None = None):
        """Rank ``idx`` by the whole question; abstain if the best is not supported.
        ``prefer``: a kind of statement that answers the route best (a concept's own
        statement for "what is / who proposed C" when C was not linked by name)."""
        if not idx:
            return "the graph holds no statement of that kind"
        # a provably sufficient pool on big graphs (its bound counts one 0.1 bonus: the
        # entity boost or the preferred kind, never both at once here). A claim ranked by
        # its neighbouring sentence is not bounded: that sentence is in the pool and answers.
        idx = ann.prefilter(self, sc, idx, k, boost or ({prefer} if prefer else None))
        scores = self._ranked(sc, idx)
        scores = scores - PASSAGE_PENALTY * (self.kind[idx] == "passage")
        if who:  # the answer is a speaker: prefer statements that have one
            scores = scores - PASSAGE_PENALTY * np.array(
                [self.statements[i].speaker is None for i in idx])
        if prefer:
            scores = scores + PREFER_BONUS * (self.kind[idx] == prefer)
        if boost:
            scores = scores + 0.1 * np.array([bool(boost & self.names[i]) for i in idx])
        best = int(np.argmax(scores))
        top3 = [idx[j] for j in np.argsort(-scores)[:3]]
        if not sc.zh and self._unsupported_words(topic, top3):
            return "the question's key words are not in the graph"
        if not sc.zh and not self._shares_a_word(topic, sc.links, top3, together=kind == "fact"):
            return "no statement shares a word with the question beyond the names in it"
        if sc.zh:
            if not sc.has_links and sc.e5_margin(idx) < MIN_E5_MARGIN:
                return "nothing in the graph supports an answer"
        elif sc.dense_of(sc.qv, idx)[best] < MIN_DENSE and not (
                boost and scores[best] >= MIN_DENSE + 0.1):
            return "nothing in the graph supports an answer"
        if need_cover and not sc.zh and not self._covers(topic, [idx[best]], need=need_cover):
            return "nothing in the graph supports an answer"
        return self._answers(idx, scores, k, kind=kind, who=who)

    def _answers(self, idx: list[int], scores: np.ndarray, k: int, kind: str | None = None,
                 who: bool = False, person_for: set[str] | None = None,
                 subject_speaker: str | None = None) -> list[dict]:
        out, seen = [], set()
        for j in np.argsort(-np.asarray(scores), kind="stable"):
            s = self.statements[idx[j]]
            ev = s.evidence[0] if s.evidence else {}
            key = (ev.get("article"), ev.get("start"), ev.get("end"))
            if key in seen:
                continue
            seen.add(key)
            speaker = s.speaker
            if speaker is None and s.kind == "concept" and s.by:  # who discussed it
                speaker = {"iri": s.by[0], "label": self.label(s.by[0])}
            if subject_speaker and s.kind in ("affiliation", "passage"):
                speaker = {"iri": subject_speaker, "label": self.label(subject_speaker)}
            elif person_for and s.kind == "passage":  # who holds the role: a person named there
                cand = [a for a in s.about if a not in person_for and self.types.get(a) in PERSONISH]
                speaker = {"iri": cand[0], "label": self.label(cand[0])} if cand else None
            elif speaker is None and s.kind in ("passage", "claim") and (who or person_for):
                cand = [a for a in s.about if a not in (person_for or set())
                        and self.types.get(a) in ("Person", "Organization")]
                cand.sort(key=lambda a: self.types.get(a) not in PERSONISH)
                if cand:
                    speaker = {"iri": cand[0], "label": self.label(cand[0])}
            out_kind = s.kind if s.kind != "passage" else (kind or ("fact" if re.search(r"\d", s.text)
                                                                     else "claim"))
            text = s.answer_text
            if who and speaker:
                text = f"{speaker['label']}: {s.answer_text}"
            out.append({"text": text, "score": round(float(np.clip(scores[j], 0, 1)), 4),
                        "kind": out_kind, "speaker": speaker, "evidence": list(s.evidence)})
            if len(out) >= k:
                break
        return out

    def _subject_links(self, question: str, r: Route, links: list[Link]) -> list[Link]:
        if not r.subject:
            return []
        a = question.replace("’", "'").find(r.subject)
        if a < 0:
            return [lk for lk in links if normalize(lk.surface) in normalize(r.subject)]
        b = a + len(r.subject)
        return [lk for lk in links if lk.start < b and a < lk.end]

    def _in_texts(self, phrase: str) -> bool:
        key = normalize(phrase).strip()
        if not key:
            return True
        if CJK_RE.search(key):
            return "".join(key.split()) in self.linker.text_norm.replace(" ", "")
        words = re.findall(r"[\w&]+", key)
        pat = r"(?<![\w&])" + r"[\s.\-']+".join(re.escape(w) for w in words) + r"(?:s|es)?(?![\w&])"
        return re.search(pat, self.linker.text_norm) is not None

    def _context(self, idx: list[int]) -> list[int]:
        """``idx`` plus the sentences of the paragraphs they come from (what a claim is about
        is often named in the sentence before it)."""
        paras = {(e["article"], e["paragraph"]) for i in idx for e in self.statements[i].evidence[:1]}
        return list(idx) + [i for i, s in enumerate(self.statements) if s.kind == "passage"
                            and (s.evidence[0]["article"], s.evidence[0]["paragraph"]) in paras]

    def _shares_a_word(self, topic: str, links: list[Link], best: list[int],
                       together: bool = False) -> bool:
        """Does a top statement share a content word with the question, names aside?

        Dense similarity alone matches "How many employees does PIMCO have?" to any
        PIMCO sentence; an answer must also say something the question asks about.
        """
        names = {w[:5] for lk in links for w in tokens(lk.surface) + tokens(self.label(lk.iri) or "")}
        words = {w[:5] for w in tokens(topic) if not w.isdigit()} - names - GENERIC
        if not words:
            return True
        # a number about a named thing (``together``): "How much gold does China hold?" is not
        # answered by gold in one sentence and China in another
        ents = {lk.iri for lk in links} if together else set()
        return any(words & self._sentence_words(i) and (not ents or self._mentions(i, ents))
                   for i in best)

    def _mentions(self, i: int, ents: set[str]) -> bool:
        s = self.statements[i]
        if ents & (set(s.about) | set(s.by)):
            return True
        text = normalize(s.text)
        return any(normalize(n) in text for e in ents for lang in ("en", "zh")
                   for n in self.labels.get(e, {}).get(lang, []))

    def _unsupported_words(self, topic: str, best: list[int]) -> bool:
        """A word no article uses, and no top statement covers more than half of the
        topic's words (the unknown word, in no article, is in none of them): "Who claimed
        responsibility for the attack?" is not answered by a sentence about the attack."""
        unknown = {w[:5] for w in self._unknown_words(topic)}
        if not unknown:
            return False
        words = {w[:5] for w in tokens(topic)}
        return not any(len((words - unknown) & self._sentence_words(i)) > 0.5 * len(words)
                       for i in best)

    def _sentence_words(self, i: int) -> set[str]:
        """The word prefixes of statement ``i`` and of the sentences it ranks by (its own
        and the one before: a claim split in two keeps its sentence's words, and one
        ranked by its context is judged by it too)."""
        ctx = self.ctx.get(i)
        return self._prefixes[i].union(*(self._prefixes[j] for j, _ in ctx)) if ctx \
            else self._prefixes[i]

    def gloss(self, text: str) -> tuple[str, float]:
        """``text`` glossed into English (:mod:`.gloss`), and the share of its Chinese words
        whose gloss some article uses: how far the gloss can be trusted to rank."""
        hit = self._gloss_cache.get(text)
        if hit is None:
            words = gloss_words(text)
            known = [w in self.linker.text_norm or any(self._known(t) for t in tokens(" ".join(g)))
                     for w, g in words]
            hit = (gloss_text(text), sum(known) / len(known) if known else 1.0)
            if len(self._gloss_cache) < 4096:
                self._gloss_cache[text] = hit
        return hit

    def _zh_off_topic(self, topic: str, idx: list[int], context: list[int]) -> bool:
        """The say route's topic test for a Chinese topic, on its gloss: no word of it
        glosses to a word any article uses (通胀 -> "inflation"), or its gloss is below
        MIN_TOPIC for X's statements and X's paragraphs hold under half of its words."""
        g, known = self.gloss(topic)
        words = [{t[:5] for t in tokens(" ".join(gl))} for _, gl in gloss_words(topic)]
        if not words or not re.search(r"[A-Za-z]{2}", g):
            return False  # nothing the dictionary knows: e5 decides, as before
        if known == 0:
            return True
        if float((self.matrix[idx] @ minilm_query(g)).max()) >= MIN_TOPIC:
            return False
        return not any(sum(1 for w in words if w & self._prefixes[i]) >= 0.5 * len(words)
                       for i in context)

    def _known(self, w: str) -> bool:
        """Is ``w`` (a :func:`tokens` word) written in some article, or a form of one (a
        word sharing all but its last few letters: "worri" / "worries", not
        "responsibility" / "responders"), or the initials of a name the articles spell out
        ("nafta")?"""
        if w in self.linker.vocab or w in self._initials:
            return True
        n = max(5, len(w) - 4)
        return any(v.startswith(w[:n]) for v in self._vocab_prefix.get(w[:3], ()))

    def _spelled(self, question: str, links: list[Link]) -> str:
        """``question`` with its misspelt words ("yeilds", "volatilty") replaced by the article
        word they are a small typo of. Only words that are no English word (not in the
        MiniLM vocabulary) and no article word are touched, so "inflation" stays "inflation"
        for the engine to find unsupported."""
        def fix(m: re.Match) -> str:
            w = m.group(0)
            low = w.lower()
            if low in self.linker.vocab or low in common_words() or any(
                    lk.start < m.end() and m.start() < lk.end for lk in links):
                return w
            hit = self._typo_cache.get(low)
            if hit is None:
                limit = 1 if len(low) < 8 else 2
                best = sorted((edit_distance(v, low, limit), v) for v in self._vocab_first.get(low[0], ())
                              if abs(len(v) - len(low)) <= limit)
                best = [b for b in best if b[0] <= limit]
                hit = best[0][1] if best and (len(best) == 1 or best[0][0] < best[1][0]) else ""
                if len(self._typo_cache) < 8192:
                    self._typo_cache[low] = hit
            return hit or w

        return re.sub(r"(?<![\w&'’-])[a-z]{5,}(?![\w&-])", fix, question)  # names aside

    def _unknown_words(self, text: str) -> list[str]:
        """Content words of ``text`` no article uses ("how many" and the like aside)."""
        return [w for w in tokens(text) if len(w) >= 4 and not w.isdigit()
                and w not in GENERIC and not self._known(w)]

    def _covers(self, phrase: str, idx, need: float = 0.5) -> bool:
        """Do the statements contain at least ``need`` of the phrase's content words?"""
        words = {w[:5] for w in tokens(phrase)}
        if not words:
            return True
        for i in idx:
            have = self._prefixes[i]
            if len(words & have) >= need * len(words):
                return True
        return False

    def _english(self, text: str, links: list[Link]) -> str:
        """Chinese labels replaced by the entity's English label (MiniLM is English-only)."""
        out = text
        for lk in sorted(links, key=lambda x: -x.start):
            if CJK_RE.search(lk.surface) and self.labels.get(lk.iri, {}).get("en"):
                i = out.find(lk.surface)
                if i >= 0:
                    out = out[:i] + " " + self.labels[lk.iri]["en"][0] + " " + out[i + len(lk.surface):]
        return " ".join(out.split())


class _Scorer:
    """Dense and lexical scores of one question, computed once and reused by a route."""

    def __init__(self, eng: QAEngine, q_en: str, zh: bool) -> None:
        self.eng, self.q, self.zh = eng, q_en, bool(zh)
        self.has_links = False
        self.links: list[Link] = []
        self._lex: np.ndarray | None = None
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
        return self.eng.matrix[idx] @ qv

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
            raw = self.eng.bm25.get_scores(tokens(text))
        else:
            if self._lex is None:
                self._lex = self.eng.bm25.get_scores(tokens(self.q))
            raw = self._lex
        top = raw.max() if len(raw) else 0.0
        return (raw[idx] / top) if top > 0 else np.zeros(len(idx))

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

    def hybrid(self, idx, text: str | None = None) -> np.ndarray:
        """Dense similarity plus weighted BM25, by the question or by ``text``."""
        if not idx:
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


def _abstain(result: dict, reason: str) -> dict:
    result.update(abstained=True, answers=[], reason=reason)
    return result

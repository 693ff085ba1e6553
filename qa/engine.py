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
from dataclasses import replace
from pathlib import Path

import numpy as np

from . import ann, routes, support
from .embed import e5_passages
from .index import (
    Snapshot,
    VectorCache,
    cache_dir_for,
    file_hash,
    load_engine,
    load_meta,
    save_engine,
)
from .linking import CJK_RE, Link, Linker, normalize
from .names import PERSONISH, NamesMixin
from .roles import RolesMixin
from .router import VIEW_NOUN, Route, did_of, route, said_of, unfronted, why_of, why_route
from .routes import (
    MAX_CUES,
    NUMBER,
    PLACE,
    PLAIN_SAY,
    SPEECH_LEMMAS,
    RoutesMixin,
    _verb_forms,
    cue_word,
)
from .scoring import CJK_PENALTY, Scorer, tokens
from .store import CsrIndex, CtxView, PrefixSets, RowMatrix, StatementTable
from .support import BACKGROUND, SupportMixin, base_forms
from .verbalize import group_source

__all__ = ["QAEngine", "tokens"]

#: "How old is X?", "How old was X when ...": an age, which only an age fact gives
AGE_ASKED = re.compile(r"^\s*how old (?:is|was|are|were)\b", re.I)
AGE_FACT = re.compile(r"^\d+ years old: ")
# a quote opening a claim's sentence, in any of the news styles ("...", “...”, ''...'' as
# the New York Times writes it in PolNeAR, ‘...’, «...», ``...'')
OPENS_QUOTE = re.compile(r"[\"“«„]|''|‘|``")
MAX_QUESTION = 2000  # characters; linking slows superlinearly on huge inputs (1 MB: minutes)
#: a name the graph lacks in the topic of a say question about a linked speaker ("What did
#: Trump warn in Everett, Washington?" of "Everett, Wash.") goes to the word tests, not to
#: "not in the graph" (held-out set refugees of session 14, read after its run)
TOPIC_NAMES = 1
#: "How did China respond to Trump's claim ...?": a country speaks too, and one never quoted
#: has no answer (set graham of session 15, read after its run); () turns it off
SPEAKING_PLACES = ("Place",)
# a sentence referring back to what the one before named: a pronoun subject (after a
# conjunction too), or "the nation / the company ..." (a definite generic noun standing for
# a name)
ANAPHOR = re.compile(r"^(?:[A-Z][\w ,]{0,40},\s+)?(?:It|They|He|She)\b|"
                     # "Though he has given more than $60 million" (set debates of session 15)
                     r"^(?:Though|Although|While|But|And|Yet|So|Still|Since|Because|When|As|If)\s+"
                     r"(?:it|they|he|she)\b|\b(?:its|their)\s+(?:\w+\s+){0,2}"
                     r"(?:forecast|estimate|projection|outlook|growth|economy|output|budget|debt|"
                     r"deficit|revenue|profit|sales|holdings|population|share)s?\b|\bthe\s+"
                     r"(?:nation|country|company|firm|bank|fund|group|agency|organi[sz]ation|"
                     r"government|city|state|region|economy|bloc)\b")
CONTEXT_PENALTY = 0.02  # a claim ranked by the sentence before it: a little below its own words
#: "How does the article describe ...?": the op-ed's author (as THE_AUTHOR), else no one: the
#: article's own sentences answer, not "article is not in the graph" (set graham of session
#: 15, read after its run; its question is still missed: the answer is a description in a
#: sentence no claim holds)
THE_ARTICLE = re.compile(r"(?:the\s+|this\s+)?(?:article|story|piece|op-?ed|column|editorial|essay)"
                         r"|(?:这篇)?文章", re.I)
#: "What does the author say about ...?", "作者认为...": the signing author of the op-eds the
#: graph holds (claims of kind ``authored``, :mod:`claimgraph.extract.opinion`), when the
#: article writes no such person itself (set survivalist of session 15, read after its run)
THE_AUTHOR = re.compile(r"(?:the\s+)?(?:author|writer|columnist|essayist|op-?ed\s+(?:author|writer))"
                        r"|(?:文章的)?作者|(?:专栏)?作家", re.I)


class QAEngine(RoutesMixin, NamesMixin, RolesMixin, SupportMixin):
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
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._build(snapshot)
        self._setup()

    def _build(self, snapshot: Snapshot) -> None:
        """Everything the engine derives from the statements, in compact form (:mod:`.store`)."""
        self.statements = snapshot.statements
        self.entities = snapshot.entities
        self.labels = snapshot.labels
        self.types = {i: e["type"] for i, e in self.entities.items()}
        self._members()
        self._claim_context()
        self._index_statements()
        st = self.statements
        # e5 matches Chinese to Chinese better than to English: in a bilingual article the
        # Chinese original of a sentence would outrank its English twin, which carries the
        # extracted speaker and numbers. A constant for every CJK statement, so a wholly
        # Chinese graph ranks as before.
        self.cjk_penalty = np.array([CJK_PENALTY if len(CJK_RE.findall(s.text)) > len(s.text) / 3
                                     else 0.0 for s in st], dtype=np.float32)
        # one vector per distinct text (statements repeating a text share it)
        keys = [s.key for s in st]
        first: dict[str, int] = {}
        row = np.fromiter((first.setdefault(k, i) for i, k in enumerate(keys)), dtype=np.int64,
                          count=len(keys))
        uniq_at = np.fromiter(first.values(), dtype=np.int64, count=len(first))
        pos = np.full(len(keys), -1, dtype=np.int64)
        pos[uniq_at] = np.arange(len(uniq_at))
        row = pos[row]
        self.keys = np.array(keys, dtype="S20") if keys else np.zeros(0, dtype="S20")
        mini = VectorCache("minilm", self._cache_file("minilm.npz"))
        vecs = mini.matrix([st[int(i)] for i in uniq_at])
        self._save(mini, set(keys))
        del mini, first, keys
        self.matrix = ann.compact_if_large(RowMatrix(vecs, row))
        self.ann = ann.build_index(self.matrix)  # FAISS HNSW past ann.ANN_THRESHOLD statements
        from .lexical import SparseBM25  # rank_bm25's scores, one sparse product per question

        # a statement text's tokens and word prefixes once per distinct text, the prefix
        # strings shared (one object per prefix, not one per statement word)
        toks_of: dict[str, list[str]] = {}
        pre_of: dict[str, frozenset[str]] = {}
        shared: dict[str, str] = {}
        corpus, prefixes = [], []
        for s in st:
            toks = toks_of.get(s.text)
            if toks is None:
                toks = toks_of[s.text] = tokens(s.text) or ["_"]
                pre_of[s.text] = frozenset(shared.setdefault(w[:5], w[:5]) for w in toks)
            corpus.append(toks)
            prefixes.append(pre_of[s.text])
        del toks_of, pre_of, shared
        self.bm25 = SparseBM25(corpus) if corpus else None
        del corpus
        self._prefixes = PrefixSets.from_sets(prefixes)
        del prefixes
        # numbers (the fact route's candidates), persons named (who-questions), speakers as
        # written (what did "market participants" say): read once here, not per question
        self._numeric = np.array([i for i, s in enumerate(st) if s.kind == "fact" or (
            s.kind in ("passage", "claim") and NUMBER.search(s.text))], dtype=np.int64)
        # statements whose sentence names a place (where-questions prefer them): the quote,
        # not the verbalized text, which adds the speaker's role ("economist in ...")
        self.place_mask = np.array([s.kind != "affiliation" and (bool(PLACE.search(
            s.evidence[0]["quote"] if s.evidence else s.text)) or any(
            self.types.get(a) == "Place" for a in s.about)) for s in st], dtype=bool)
        self.about_person = np.array([any(self.types.get(a) in PERSONISH for a in s.about)
                                      for s in st], dtype=bool)
        heads: dict[tuple[str, str], int] = {}
        self.head_id = np.array([heads.setdefault(((s.speaker or {}).get("label") or "",
                                                   s.text.split(":")[0]), len(heads))
                                 if s.kind == "claim" else -1 for s in st], dtype=np.int64)
        self.heads = list(heads)
        self.statements = st if isinstance(st, StatementTable) else StatementTable.from_statements(st)
        self.snap = replace(snapshot, statements=self.statements)

    def _author_links(self, question: str, subject: str) -> list[Link]:
        """Links from "the author" (``subject``, as the question writes it) to each entity
        that signed an op-ed of the graph; [] when none did."""
        at = max(question.find(subject), 0)
        return [Link(iri, subject, at, at + len(subject), "author")
                for iri, e in self.entities.items() if e.get("authored")]

    def _setup(self) -> None:
        """What is rebuilt from the labels and texts whenever an engine is made or loaded."""
        self.linker = Linker(self.labels, self.types, self.snap.texts)
        self._index_words(self.snap.texts)
        self._name_variants()
        self._kind_ids: dict[tuple, np.ndarray] = {}
        self._e5: np.ndarray | None = None
        self._e5vc: VectorCache | None = None
        self._bg: np.ndarray | None = None
        self._gloss_cache: dict[str, tuple[str, float]] = {}
        self._titled_cache: dict[str, set[str]] = {}
        # claims whose speaker is a group of unnamed people, by speaker head (the last
        # entry, False, stands for a statement with no head: head_id -1)
        self._group_head = np.array([group_source(lab) is not None for lab, _ in self.heads]
                                    + [False], dtype=bool)

    def save(self, cache: str | Path) -> None:
        """Write this engine's index to ``cache`` (see :mod:`.index`)."""
        save_engine(self, Path(cache))

    @classmethod
    def load(cls, cache: str | Path, meta: dict | None = None) -> QAEngine | None:
        """The engine saved in ``cache``, or None when it is missing, stale or damaged."""
        cache = Path(cache)
        meta = meta if meta is not None else load_meta(cache)
        if meta is None:
            return None
        eng = cls.__new__(cls)
        eng.cache_dir = cache
        try:
            load_engine(eng, cache, meta)
        except (OSError, ValueError, KeyError):
            return None
        eng._setup()
        return eng

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
            eng = cls.load(cdir, meta)
            if eng is not None:
                return eng
        snap = Snapshot.from_dataset(load_graph(p), digest)
        eng = cls(snapshot=snap, cache_dir=cdir)
        if cdir is not None:
            try:
                eng.save(cdir)
            except OSError:
                pass  # a read-only folder: answer anyway, without a cache
        return eng

    def _cache_file(self, name: str) -> Path | None:
        return self.cache_dir / name if self.cache_dir is not None else None

    def _save(self, vc: VectorCache, keep: set[str] | None = None) -> None:
        try:
            vc.save(keep if keep is not None else set(self.keys.astype(str).tolist()))
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
        self.para_passages: dict[tuple, list[int]] = {}  # (article, paragraph) -> passages
        by_para = self.para_passages
        for i, s in enumerate(self.statements):
            if s.kind == "passage" and s.evidence:
                e = s.evidence[0]
                by_para.setdefault((e["article"], e["paragraph"]), []).append(i)
        for ps in by_para.values():
            ps.sort(key=lambda j: self.statements[j].evidence[0]["start"])
        # each statement's paragraph (its first evidence), for _context
        para_id = {p: n for n, p in enumerate(by_para)}
        self.para_of = np.array([para_id.get((s.evidence[0]["article"], s.evidence[0]["paragraph"]), -1)
                                 if s.evidence else -1 for s in self.statements], dtype=np.int64)
        self.para_passages = CsrIndex.from_dict({str(n): by_para[p] for p, n in para_id.items()})
        for i, s in enumerate(self.statements):
            # a sentence holding a number is a fact's sentence too ("About 10,000 visas are
            # awarded annually", after "The EB-5 program has grown rapidly.")
            numeric = s.kind == "fact" or (s.kind == "passage" and bool(NUMBER.search(s.text)))
            if (s.kind != "claim" and not numeric) or not s.evidence:
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
                if s.kind != "passage":  # a passage ranks by itself; only its names widen
                    out.append((before, CONTEXT_PENALTY))
                if numeric and (not {x for x in self.names[i] if self.types.get(x) != "Place"}
                                or ANAPHOR.search(e["quote"])):
                    # "It edged up its forecast ... to 4.2 percent", "the nation of 53
                    # million people": a number whose sentence names no one (a place or a
                    # people aside: "Chinese citizens"), or refers back, is about whom the
                    # sentence before names
                    self.names[i] = self.names[i] | frozenset(self.statements[before].about)
            elif s.kind == "claim" and OPENS_QUOTE.match(e["quote"]):
                # a paragraph that opens with a quote answers the paragraph before it
                # ("..., the White House announced it would ease sanctions. / "It is the
                # right thing to do," Obama said.): rank by that paragraph too, lower
                for j in by_para.get((e["article"], e["paragraph"] - 1), []):
                    out.append((j, 2 * CONTEXT_PENALTY))
            if out:
                self.ctx[i] = out

    def _index_statements(self) -> None:
        """Arrays and inverted indexes the routes select candidates with, so a question
        touches the statements of the entities it names, not every statement (at 100k
        claims the graph holds ~420k statements: a Python pass over them is ~50 ms)."""
        st = self.statements
        self.kind = np.array([s.kind for s in st])
        self.has_speaker = np.array([s.speaker is not None for s in st], dtype=bool)
        self.in_claim_mask = np.zeros(len(st), dtype=bool)
        self.in_claim_mask[list(self.in_claim)] = True
        by: dict[str, list[int]] = {}
        about: dict[str, list[int]] = {}
        named: dict[str, list[int]] = {}
        for i, s in enumerate(st):
            for e in set(s.by):
                by.setdefault(e, []).append(i)
            for e in set(s.about):
                about.setdefault(e, []).append(i)
            for e in self.names[i]:
                named.setdefault(e, []).append(i)

        self.by_index, self.about_index, self.names_index = (CsrIndex.from_dict(by),
                                                             CsrIndex.from_dict(about),
                                                             CsrIndex.from_dict(named))
        # self.ctx as parallel arrays: claim, the sentence it may rank by, the penalty
        rows = [(i, j, p) for i, lst in self.ctx.items() for j, p in lst]
        self.ctx_src = np.array([r[0] for r in rows], dtype=np.int64)
        self.ctx_dst = np.array([r[1] for r in rows], dtype=np.int64)
        self.ctx_pen = np.array([r[2] for r in rows], dtype=np.float64)
        self.ctx = CtxView(self.ctx_src, self.ctx_dst, self.ctx_pen)
        del self.names, self.in_claim

    def of_kind(self, *kinds: str) -> np.ndarray:
        """Ids of the statements of ``kinds``, ascending (cached)."""
        hit = self._kind_ids.get(kinds)
        if hit is None:
            hit = self._kind_ids[kinds] = np.flatnonzero(np.isin(self.kind, kinds))
        return hit

    def ids_with(self, index: dict[str, np.ndarray], ents, kinds: tuple[str, ...] = ()) -> np.ndarray:
        """Ids of the statements whose ``index`` field holds one of ``ents`` (ascending),
        only those of ``kinds`` when given."""
        parts = [index[e] for e in ents if e in index]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        ids = np.unique(np.concatenate(parts)) if len(parts) > 1 else parts[0]
        return ids[np.isin(self.kind[ids], kinds)] if kinds else ids

    def _view_of(self, r, subj):
        """"What's the IMF forecast for emerging economies?" asks what the IMF said: a
        concept question whose subject is a speaker's name and then a word for what it
        said (forecast, view, warning ...) is a say question about the rest."""
        if r.name != "concept" or r.wants_person or not subj:
            return r, subj
        lk = subj[0]
        m = re.match(re.escape(normalize(lk.surface)) + r"(?:'s|s')?\s+" + VIEW_NOUN
                     + r"s?\b\s*(?:(?:for|on|of|about|regarding|over)\s+)?(?P<rest>.*)$",
                     normalize(r.subject))
        if not m or self.types.get(lk.iri) not in ("Person", "Organization", "Place"):
            return r, subj
        rest = r.subject[m.start("rest"):].strip() if m.group("rest") else ""
        noun = m.group("noun")
        # "the IMF forecast" is what the IMF forecast: its claims with that cue first (a noun
        # that is a reporting verb: forecast, estimate, warning, comment, claim)
        verb = noun.lower() if {noun.lower(), *base_forms(noun.lower())} & SPEECH_LEMMAS else ""
        return replace(r, name="say", subject=lk.surface, verb=verb,
                             topic=f"{noun} {rest}".strip()), [lk]

    def _no_age(self, links) -> str | None:
        """"How old is X?" for a person X no age fact is about (extract.facts.AGES): X's age is
        not in the graph, whatever other ages and numbers are."""
        people = [lk for lk in links if self.types.get(lk.iri) == "Person"]
        if len(people) != 1:
            return None
        iri = people[0].iri
        if any(s.kind == "fact" and iri in s.about and AGE_FACT.match(s.answer_text)
               for s in self.statements):
            return None
        return f"{self.label(iri)}'s age is not in the graph"

    def _why(self, question: str, r, links):
        """"Why does X do Y?" (a general question): (the say route of X about Y, X's links),
        X a linked name or a group the articles quote ("human rights groups"), or None."""
        if r.name != "general" or not why_of(question):
            return None
        found = None
        for lk in sorted(links, key=lambda x: x.start):
            wr = why_route(question, lk.surface)
            if wr is not None:
                found = wr, self._subject_links(question, wr, links)
                break
        words = why_of(question).split()
        for n in range(min(len(words) - 1, 5), 0, -1) if found is None else ():
            if group_source(" ".join(words[:n])):  # the longest group that starts it
                wr = why_route(question, " ".join(words[:n]))
                found = (wr, []) if wr is not None else None
                break
        if found is None:
            return None
        wr, subj = found
        # "Why did Warren criticize Stumpf?": the reporting verb is how X spoke, the topic is
        # Stumpf (a cue nearer "criticize" than "said" ranks first)
        verb, _, rest = wr.topic.partition(" ")
        if rest and {verb.lower(), *base_forms(verb.lower())} & SPEECH_LEMMAS:
            wr = replace(wr, topic=rest)
        elif rest and tokens(verb) and not any(self._known(t) for t in tokens(verb)) \
                and tokens(rest):
            # "Why does Ann Lee collaborate with Globex?", "collaborate" in no article: an act
            # the articles word otherwise; X's statements are tested on what it is about
            # (still ranked by the verb too)
            wr = replace(wr, topic=rest)
        return wr, subj

    def _place_synonyms(self, links) -> list[tuple[str, list[str]]]:
        """For each place the question names, the words an article may name it by instead:
        its adjective for its name ("britain" -> "british"), its name for its adjective."""
        out = []
        for lk in links:
            if self.types.get(lk.iri) != "Place":
                continue
            words = self.demonyms_of(lk.iri) if lk.how != "demonym" else \
                (self.labels.get(lk.iri, {}).get("en", [])[:1])
            toks = [t for w in words for t in tokens(w)]
            if toks:
                out.append((lk.surface, toks))
        return out

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
        have = self._e5vc.vecs
        if all(k in have for k in self.keys.astype(str).tolist()):
            self._e5 = np.stack([have[k] for k in self.keys.astype(str).tolist()]).astype(np.float32)
        return vecs

    def _acted(self, question: str, r, subj, links, scorer, k: int) -> list[dict] | None:
        """The general route's answers to a say question about X never quoted, when its
        first answer's sentence writes the question's verb with X as its subject (X before
        it, within ACT_REACH characters) or agent ("rejected by X"); credited to X. None
        otherwise."""
        alt = self._route_general(Route("general", "", question, former=r.former), subj, links,
                                  scorer, k)
        if isinstance(alt, str) or not alt or not alt[0].get("evidence"):
            return None
        quote = alt[0]["evidence"][0]["quote"]
        verb = {r.verb.lower(), *base_forms(r.verb.lower()), *support.lemmas(r.verb.lower())}
        stems = {v[:max(3, len(v) - 2)] for v in verb if len(v) >= 3}
        at = [m for m in re.finditer(r"[A-Za-z]+", quote) if any(
            m.group(0).lower().startswith(st) for st in stems)]
        names = [n for lk in subj for v in [lk.iri, *sorted(self.variants.get(lk.iri, ()))]
                 for n in [lk.surface, *self.labels.get(v, {}).get("en", [])] if len(n) >= 2]
        pos = [(m.start(), m.end()) for n in names
               for m in re.finditer(r"(?<![\w&])" + re.escape(n) + r"(?![\w&])", quote, re.I)]
        ok = any(0 <= v.start() - b <= ACT_REACH or (0 <= a - v.end() <= 12 and re.match(
            r"\s+by\s+(?:the\s+)?$", quote[v.end():a], re.I)) for v in at for a, b in pos)
        if not ok:
            return None
        iris = sorted({lk.iri for lk in subj})
        who = {"iri": iris[0], "label": " / ".join(sorted({self.label(i) for i in iris}))}
        return [dict(a, speaker=who) for a in alt[:1]] + alt[1:]

    def _cued(self, question: str, links):
        """The say route of "What did X <verb> Y?" when X (linked) has a claim whose cue is
        that verb ("Cruz exhorted Republicans to ..."), with X's links; None otherwise."""
        said = said_of(question)
        if said is None:
            return None
        verb = said.rank.split()[0].lower()
        want = _verb_forms(verb)
        if not want or want & PLAIN_SAY:
            return None
        subj = self._subject_links(question, said, links)
        who = {lk.iri for lk in subj}
        for iri in list(who):
            who |= self.variants.get(iri, set())
        claims = self.ids_with(self.by_index, who, ("claim",)).tolist()[:MAX_CUES]
        if not any(want & _verb_forms(cue_word(self.statements[i])) for i in claims):
            return None
        return replace(said, verb=verb), subj

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
        question = unfronted(question)  # "When Y asked Z, how did X respond?": X first
        links = self.linker.link(question)
        spelled = self._spelled(question, links)
        if spelled != question:
            question = spelled  # the answer object keeps the question as asked
            links = self.linker.link(question)
        r = route(question)
        unknown = [] if r.lang == "zh" else self.linker.unknown_names(question, links)
        # an acronym outside the subject ("2 percent of GDP") may abbreviate words the
        # articles spell out: it is an unknown word, and the word tests decide (a name
        # asked about, "What did the CIA say", stays a name the graph lacks)
        unknown = [u for u in unknown if not (re.fullmatch(r"[A-Z]{2,5}", u)
                                              and u not in (r.subject or ""))]
        # "What did Trump warn in Everett, Washington?" of an article that writes "Wash.":
        # a name in the topic of a quoted speaker's question is a topic word, and the say
        # route's word tests decide (the subject's own names still abstain here)
        topic_only = bool(TOPIC_NAMES and unknown and r.name == "say" and r.subject and all(
            u not in r.subject for u in unknown))
        if unknown and not topic_only:
            return _abstain(result, f"{unknown[0]} is not in the graph")
        if r.lang == "zh":  # 美国 -> U.S., 欧盟 -> European Union: names the dictionary gives
            links = sorted(links + self._chinese_links(question, links), key=lambda lk: lk.start)
        r, links = self._role_links(question, r, links)  # "the former DNC chairman": that person
        subj = self._subject_links(question, r, links)
        r, subj = self._view_of(r, subj)
        if topic_only and (r.name != "say" or not subj):
            return _abstain(result, f"{unknown[0]} is not in the graph")
        article = bool(r.subject) and THE_ARTICLE.fullmatch(r.subject.strip()) is not None
        if r.subject and not subj and (article or THE_AUTHOR.fullmatch(r.subject.strip())):
            # "How does the article describe X?": an op-ed's author, else the text itself
            subj = self._author_links(question, r.subject)
            links = sorted(links + subj, key=lambda lk: lk.start)
            if not subj and article:
                r = replace(r, name="general", subject="")
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
        scorer = Scorer(self, q_en, zh)
        scorer.links = links
        if r.name == "fact":  # a number about a place: "British growth" for "Britain grow"
            scorer.synonyms = self._place_synonyms(links)
        if r.name == "general" and not zh:
            # "What did Cruz exhort Republicans to do?": a verb no route knows, but X's claims
            # have it for a cue: what X said so, that claim first
            cued = self._cued(question, links)
            if cued is not None:
                r, subj = cued
        if r.name == "fact" and not zh and AGE_ASKED.match(question):
            missing = self._no_age(subj or links)
            if missing:
                return _abstain(result, missing)
        responded = None
        if r.name == "general" and not zh:
            # "How did Clinton respond to Sanders's advice?": X (the linked name after "did")
            # said it, not whom the rest names; X never quoted has no answer
            for lk in sorted(links, key=lambda x: x.start)[:1]:
                said = did_of(question, lk.surface)
                verb = said.rank.split()[0].lower() if said else ""
                if said and {verb, *base_forms(verb)} & SPEECH_LEMMAS \
                        and self.types.get(lk.iri) in (*PERSONISH, "Organization", *SPEAKING_PLACES):
                    alt = self._route_say(said, self._subject_links(question, said, links), links,
                                          scorer, k)
                    if isinstance(alt, str) and alt.endswith("never quoted"):
                        return _abstain(result, alt)
                    if not isinstance(alt, str) and alt and verb in routes.RESPONSE_VERBS:
                        responded = alt  # "How did X respond to Y?": what X said, after Y
        handler = getattr(self, f"_route_{r.name}")
        why = self._why(question, r, links) if not zh else None
        found = self._route_say(why[0], why[1], links, scorer, k) if why else responded
        if found is None or isinstance(found, str):  # no why-question, or X said nothing of it
            found = handler(r, subj, links, scorer, k)
        if isinstance(found, str) and r.name == "general" and not zh:
            # "What did Ed Schultz compare RT to?" ("likened RT to the BBC"): the verb is in
            # no statement, but what X said about RT answers, if X is linked and quoted
            said = said_of(question)
            verb = said.rank.split()[0].lower() if said else ""
            # a rest to test X's statements by ("What did X eat?" has none), and a verb that
            # reports speech or that some article writes ("What did X eat at MSNBC?" is no
            # question about what X said of MSNBC)
            ssubj = self._subject_links(question, said, links) if said and said.topic and (
                {verb, *base_forms(verb)} & SPEECH_LEMMAS or self._known(verb)) else []
            if ssubj:
                alt = self._route_say(said, ssubj, links, scorer, k)
                found = alt if not isinstance(alt, str) else found
            # "Did Warren support a criminal investigation?", "How did Stumpf respond to
            # Warren?": the same, X a linked name right after "did"
            for lk in sorted(links, key=lambda x: x.start) if isinstance(found, str) else []:
                said = did_of(question, lk.surface)
                verb = said.rank.split()[0].lower() if said else ""
                if said and ({verb, *base_forms(verb)} & SPEECH_LEMMAS or self._known(verb)):
                    alt = self._route_say(said, self._subject_links(question, said, links), links,
                                          scorer, k)
                    found = alt if not isinstance(alt, str) else found
                    break
        if isinstance(found, str) and r.name == "membership" and r.wants_person and not zh \
                and found.startswith("the graph holds no affiliation"):
            # "Who leads the military coalition in Yemen?": no one holds a role at Yemen, but
            # a sentence may say who leads it (the general route's support tests apply)
            alt = self._route_general(Route("general", "", question, former=r.former), subj,
                                      links, scorer, k)
            # only a sentence that writes the role asked ("a coalition led by Saudi Arabia"
            # for "leads"; no "police chief", no answer)
            role = [support.forms(w) for w in tokens(r.role)]
            if not isinstance(alt, str) and alt and role and all(
                    not f.isdisjoint(_words_of_answer(alt[0])) for f in role):
                found = alt
        if isinstance(found, str) and r.name == "say" and not zh and r.verb \
                and r.verb not in PLAIN_SAY and subj and found.endswith("never quoted"):
            # "What did China and the United States vow?" ("..., which together vowed to stave
            # off ..."), "What did the Human Rights Council reject?" ("were rejected by the
            # Human Rights Council"): X never quoted, but a sentence says X did the verb
            alt = self._acted(question, r, subj, links, scorer, k)
            found = alt or found
        if isinstance(found, str):
            return _abstain(result, found)
        result["answers"] = found
        if not found:
            return _abstain(result, "nothing in the graph supports an answer")
        return result


ACT_REACH = 120  # characters between X and the verb X did ("X, the ..., which together vowed")


def _words_of_answer(ans: dict) -> set[str]:
    return {w[:5] for e in ans.get("evidence", []) for w in tokens(e.get("quote", ""))}


def _abstain(result: dict, reason: str) -> dict:
    result.update(abstained=True, answers=[], reason=reason)
    return result

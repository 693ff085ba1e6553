"""Concepts: ideas, plans and market terms an article names (``skos:Concept``).

Detection (general rules, linear in the document):

* a short quoted name in title case: “Mar-a-Lago Accord”;
* a short quoted coined term that is a noun phrase: “capital tariffs”,
  "reciprocal tariffs", “basis trade” (not quoted speech: a quote with a verb,
  pronoun or more than five words is not a term);
* ``so-called X`` and ``the X trade`` ("the carry trade");
* a capitalized name ending in an agreement or plan word, quoted or not
  ("the Plaza Accord", "Mar-a-Lago Accord", "Green New Deal").

Every later occurrence of a concept's name (case-insensitive) is a mention,
so claims and facts are *about* the concepts they name.

Links (:class:`~claimgraph.extract.records.ConceptLink`):

* ``proposed``: the person or organization nearest before a proposal cue
  ("suggest", "propose", "author", "advocate") whose clause holds the
  concept, or named in "proposals from X"; a name used as a modifier
  ("Trump administration advisors") is not the proposer;
* ``discussed``: the subject of a sentence whose analysis or report verb
  ("analyzing", "published", "warned") covers the concept, and every speaker
  of a claim whose content names it.

What a concept proposes, where the text says so right after its name
("…, suggesting century bonds and fees on foreign interest earned", "—such as
imposing a fee on foreign holders…", a parenthesis defining it), becomes its
note (``Entity.description``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .names import has_cjk_text, norm_key
from .records import Article, Claim, ConceptLink, Entity, Mention, Span

_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,60}?)[,.]?[\"”]")
_SO_CALLED = re.compile(r"\bso-called\s+(?![\"“])((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)")
# a capitalized name ending in an agreement or plan word: "the Plaza Accord", "Mar-a-Lago Accord";
# not a sentence-initial article ("The Clean Power Plan") nor a possessive before the name
# ("the Agency's Clean Power Plan")
_NAMED_PLAN = re.compile(
    r"(?<![\w-])((?:(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our)\s)"
    r"[A-Z][\w'’]*(?:-[\w'’]+)*(?<!['’]s)\s+){1,4}"
    r"(?:Accord|Accords|Agreement|Pact|Doctrine|Consensus|Deal|Treaty|Initiative|Protocol|Plan))\b")
_THE_X_TRADE = re.compile(r"\bthe\s+((?:[a-z][a-z-]*\s+){0,1}[a-z][a-z-]*)\s+trade\b")
_TERM_POS = {"NOUN", "PROPN", "ADJ", "PUNCT", "NUM"}
PROPOSE_CUES = frozenset(
    "propose proposal suggest author advocate recommend float champion urge".split())
DISCUSS_CUES = frozenset("""
analyze analyse discuss publish warn say note view argue describe report highlight examine study
criticize criticise assess estimate explain comment question doubt dismiss reject support
analysis commentary research view paper
""".split())
_NOTE = re.compile(
    r"^,?[\"”’']?\s*(?:[a-z]+\s+)?(?:\(([^()]{5,200})\)|[,\u2014\u2013-]*\s*((?:suggesting|proposing|"
    r"such as|including|which would|that would|calling for|aimed at)\s+"
    r"(?:[^.;\u2014()\[\]]|\.(?=\S)|(?<=\b[A-Z])\.){3,200}))")


_NAMING_CUE = re.compile(r"(?:so-called|dubbed|known\s+as|termed|forms?\s+of|kinds?\s+of|"
                         r"types?\s+of|ongoing|proposed|the\s+concept\s+of)\s*[\"“]?\s*$", re.I)
_FOLLOWED_BY_NOUN = re.compile(r"^[,.]?[\"”]\s+(?:[a-z]+)\b")


def _coined(text: str, a: int, b: int, name: str) -> bool:
    """A lower-case quoted phrase reads as a coined term, not a scare quote or a quoted word.

    It is one when the text names it as such ("so-called", "dubbed", "forms of"),
    uses it as a modifier ("basis trade" investors), or uses it again.
    """
    if len(name.split()) < 2:
        return bool(re.search(r"so-called\s*[\"“]?\s*$", text[max(0, a - 20):a], re.I))
    if _NAMING_CUE.search(text[max(0, a - 30):a]):
        return True
    nxt = _FOLLOWED_BY_NOUN.match(text[b:b + 30])
    if nxt and nxt.group(0).split()[-1] in _MODIFIED_NOUNS:
        return True
    if name.isascii() and not _NON_ASCII_CASE.search(text) and text.lower().count(name.lower()) < 2:
        # without the four non-ASCII letters re.I equates with ASCII ones, every match of
        # the pattern below is an occurrence in the lower-cased text: fewer than two there,
        # fewer than two matches (and no pattern to compile: the names are all different)
        return False
    return len(re.findall(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I)) > 1


_NON_ASCII_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


_MODIFIED_NOUNS = frozenset("""
investors investor traders trader policy policies strategy strategies plan plans scheme trade trades
positions position approach model regime era framework proposal proposals deal market markets
funds fund debate agenda rules rule program programme
""".split())


def _is_term(span, title: bool) -> bool:
    toks = [t for t in span if not t.is_space]
    if not toks or len([t for t in toks if t.is_alpha]) > 5:
        return False
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.lower_ in ("not", "no") for t in toks):
        return False
    last = [t for t in toks if t.is_alpha][-1:] or [None]
    if last[0] is None or last[0].pos_ not in ("NOUN", "PROPN"):
        return False
    if title:
        return True
    return all(t.pos_ in _TERM_POS or t.text == "-" for t in toks)


def _title(words: list[str]) -> bool:
    sig = [w for w in words if len(w) > 3 or w[:1].isupper()]
    return bool(sig) and all(w[:1].isupper() for w in sig)


def find_concepts(article: Article, doc, entities: Iterable[Entity], mentions: Iterable[Mention],
                  claims: Iterable[Claim] = ()) -> tuple[tuple[Entity, ...], tuple[Mention, ...],
                                                         tuple[ConceptLink, ...]]:
    """Concepts of ``article``, their mentions and who proposed or discussed them."""
    text = article.text
    ents = list(entities)
    known = {norm_key(n) for e in ents for n in (e.name, *e.aliases)}
    types = {e.key: e.type for e in ents}
    names: dict[str, str] = {}

    def consider(name: str, a: int, b: int, force: bool = False) -> None:
        name = name.strip(" ,.;:-")
        key = norm_key(name)
        if not key or key in known or has_cjk_text(name) or len(key) < 4:
            return
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return
        words = name.split()
        title = _title(words)
        if not force:
            # a quoted title of a work ("The Apprentice") or a lone word is not a concept name
            if title and (len(words) < 2 or words[0] in ("The", "A", "An")):
                return
            if not title and not _coined(text, a, b, name):
                return
            if not _is_term(span, title):
                return
        names.setdefault(key, name)

    for m in _QUOTED.finditer(text):
        consider(m.group(1), m.start(1), m.end(1))
    for m in _NAMED_PLAN.finditer(text):
        consider(m.group(1), m.start(1), m.end(1), force=True)
    for m in _SO_CALLED.finditer(text):
        consider(m.group(1), m.start(1), m.end(1))
    for m in _THE_X_TRADE.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and span[-1].pos_ == "NOUN":
            consider(text[m.start(1):m.end(0)], m.start(1), m.end(0), force=True)
    if not names:
        return (), (), ()
    # every occurrence of a concept's name is a mention of it
    cmentions: list[Mention] = []
    forms = {_inflected(n): k for k, n in names.items()}
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(f"({f})" for f in forms) + r")(?![\w-])", re.I)
    keys = list(forms.values())
    for m in pat.finditer(text):
        p = article.paragraph_at(m.start())
        if p is not None and p.kind == "title":
            continue
        key = keys[m.lastindex - 1]
        cmentions.append(Mention(key, Span(m.start(), m.end(), m.group(0)), p.index if p else 1))
    notes: dict[str, list[str]] = {k: [] for k in names}
    for cm in cmentions:
        nm = _NOTE.match(text[cm.span.end:cm.span.end + 240])
        if nm:
            note = " ".join((nm.group(1) or nm.group(2)).split()).rstrip(" ,")
            if note and note not in notes[cm.entity]:
                notes[cm.entity].append(note)
    concepts = tuple(Entity(key=k, type="Concept", name=n, description="; ".join(notes[k]))
                     for k, n in names.items())
    links = _links(article, doc, [m for m in mentions if types.get(m.entity) in
                                  ("Person", "Organization")], cmentions, claims)
    return concepts, tuple(cmentions), links


def _inflected(name: str) -> str:
    """A pattern for ``name`` and its last word's inflections ('basis trade' ~ 'basis trading')."""
    words = name.split()
    last = words[-1]
    stem = re.sub(r"(?:es|s|e)$", "", last) if len(last) > 4 else last
    return r"\s+".join([*map(re.escape, words[:-1]), re.escape(stem) + r"(?:s|es|e|ed|ing)?"])


def _root_token(doc, m: Mention):
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _links(article: Article, doc, ementions: list[Mention], cmentions: list[Mention],
           claims: Iterable[Claim]) -> tuple[ConceptLink, ...]:
    out: dict[tuple[str, str], ConceptLink] = {}

    def link(who: str, concept: str, rel: str, a: int, b: int, para: int) -> None:
        k = (who, concept)
        if k in out and (out[k].relation == "proposed" or rel == "discussed"):
            return
        out[k] = ConceptLink(who, concept, rel, Span(a, b, article.text[a:b]), para)

    for c in claims:
        pa, pb = article.paragraph_at(c.content.start), article.paragraph_at(c.content.end - 1)
        if c.speaker is None or pa is None or pa is not pb or "\n" in c.content.text:
            continue
        for cm in cmentions:
            if c.content.start <= cm.span.start and cm.span.end <= c.content.end:
                link(c.speaker, cm.entity, "discussed", c.content.start, c.content.end,
                     c.paragraph)
    by_sent: dict[int, list[Mention]] = {}
    for cm in cmentions:
        tok = doc.char_span(cm.span.start, cm.span.end, alignment_mode="expand")
        if tok is not None:
            by_sent.setdefault(tok.sent.start, []).append(cm)
    for sstart, cms in by_sent.items():
        sent = doc[sstart].sent
        all_ems = [m for m in ementions if sent.start_char <= m.span.start < sent.end_char]
        if not all_ems:
            continue
        roots = {id(m): _root_token(doc, m) for m in all_ems}
        for cm in cms:
            ctok = doc.char_span(cm.span.start, cm.span.end, alignment_mode="expand")
            # a parser sentence can run over a line break; links stay within one line
            ems = [m for m in all_ems if "\n" not in article.text[min(m.span.start, cm.span.start):
                                                                  max(m.span.end, cm.span.end)]]
            if ctok is None or not ems:
                continue
            line = _line(article.text, sent.start_char, sent.end_char, cm.span.start)
            cidx = ctok.root.i
            for tok in sent:
                lemma = tok.lemma_.casefold()
                if lemma in PROPOSE_CUES and _covers(tok, cidx):
                    who = _proposer(tok, ems, roots)
                    if who is not None:
                        link(who.entity, cm.entity, "proposed", *line, cm.paragraph)
                if (lemma in DISCUSS_CUES or lemma in PROPOSE_CUES) and _covers(tok, cidx):
                    subj = _subject_of(tok)
                    for m in ems:
                        if subj is not None and roots[id(m)] == subj:
                            link(m.entity, cm.entity, "discussed", *line, cm.paragraph)
    return tuple(out.values())


def _line(text: str, a: int, b: int, pos: int) -> tuple[int, int]:
    """The part of sentence [a, b) on the same line as ``pos``, without edge spaces."""
    s = max(a, text.rfind("\n", 0, pos) + 1)
    nl = text.find("\n", pos)
    e = min(b, nl if nl >= 0 else b)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _subject_of(tok):
    """The subject of the nearest clause holding ``tok`` ("X warned about Y" -> X)."""
    for _ in range(8):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _covers(tok, idx: int) -> bool:
    return tok.left_edge.i <= idx <= tok.right_edge.i and tok.i != idx


def _proposer(cue, ems: list[Mention], roots: dict) -> Mention | None:
    if cue.pos_ == "NOUN":
        # "proposals from/by X"
        for child in cue.children:
            if child.lower_ in ("from", "by"):
                for m in ems:
                    r = roots[id(m)]
                    if r is not None and r.head == child and r.dep_ == "pobj":
                        return m
        return None
    best = None
    for m in ems:
        r = roots[id(m)]
        if r is None or r.dep_ == "compound" or m.span.end > cue.idx:
            continue
        best = m
    return best

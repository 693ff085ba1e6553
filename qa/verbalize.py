"""Graph statements as sentences to embed, each carrying its answer payload."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.graph import views
from rdflib import Dataset


@dataclass(frozen=True)
class Statement:
    """One embeddable sentence and the answer it stands for."""

    text: str
    kind: str  # claim | affiliation | fact | entity
    answer_text: str
    speaker: dict | None
    evidence: list = field(default_factory=list)
    entities: tuple[str, ...] = ()  # IRIs the statement is by or about


def _roles(mems: list[dict]) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in mems:
        if m["former"]:
            continue
        iri = m["person"]["iri"]
        role = f"{m['role']} at {m['organization']['label']}" if m["role"] else m["organization"]["label"]
        out.setdefault(iri, role)
    return out


def statements(ds: Dataset) -> list[Statement]:
    """Claims, memberships and facts of ``ds`` verbalized for retrieval."""
    lbls = views.labels(ds)
    mems = views.memberships(ds, lbls)
    roles = _roles(mems)
    out: list[Statement] = []
    for c in views.claims(ds, lbls):
        sp = c["speaker"]
        who = sp["label"] if sp else (c["source_text"] or "Someone")
        role = f" ({roles[sp['iri']]})" if sp and sp["iri"] in roles else ""
        cue = c["cue"] or "said"
        ents = tuple([sp["iri"]] if sp else []) + tuple(a["iri"] for a in c["about"])
        out.append(Statement(f"{who}{role} {cue}: {c['content']}", "claim", c["content"],
                             sp, c["evidence"], ents))
    for m in mems:
        p, o = m["person"], m["organization"]
        verb = "was formerly" if m["former"] else "is"
        role = m["role"] or "affiliated"
        text = f"{p['label']} {verb} {role} at {o['label']}"
        out.append(Statement(text, "affiliation", text, p, m["evidence"], (p["iri"], o["iri"])))
    for f in views.facts(ds):
        ev = f["evidence"][0]
        out.append(Statement(ev["quote"], "fact", f"{f['value']}: {ev['quote']}", None,
                             f["evidence"], ()))
    return out

"""The QA index: verbalized statements, their vectors, and a cache beside the graph.

The cache lives in ``<graph file>.cgidx/``:

* ``meta.json``: format version, a hash of the statement-building code, the
  graph file's SHA-256, the encoders' names and package versions, and everything the engine reads from the graph
  (statements, labels, entity types and flags, article texts), so a one-shot
  ``claimgraph ask`` on an unchanged graph never parses RDF;
* ``minilm.npz`` / ``e5.npz``: one vector per statement key (a hash of the
  statement's text) plus the keys, written with ``allow_pickle=False``.

Vectors are cached per statement: when an article is added, the graph hash
changes, the statements are read again, and only statements whose text is new
are embedded; the others keep their vectors.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from claimgraph.graph.store import atomic_write

from .embed import DIM, e5_passages, encode, model_id
from .verbalize import Statement

FORMAT = 2


def builder_id() -> str:
    """Hash of the code that turns a graph into statements: a new version re-reads the graph."""
    h = hashlib.sha1()
    for name in ("verbalize.py", "index.py", "linking.py"):
        h.update((Path(__file__).with_name(name)).read_bytes())
    return h.hexdigest()[:12]


def cache_dir_for(graph_path: str | Path) -> Path:
    """``graph.trig`` -> ``graph.trig.cgidx`` (a folder beside the graph)."""
    p = Path(graph_path)
    return p.with_name(p.name + ".cgidx")


def file_hash(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Snapshot:
    """What the engine needs from a graph, as plain data."""

    statements: list[Statement]
    labels: dict[str, dict[str, list[str]]]
    entities: dict[str, dict]  # iri -> {"type", "mentioned", "claims"}
    texts: list[str]
    graph_hash: str = ""
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # model -> N x DIM

    @classmethod
    def from_dataset(cls, ds, graph_hash: str = "") -> Snapshot:
        from claimgraph.graph import views

        from .linking import Linker
        from .verbalize import statements

        lbls = {k: v for k, v in views.labels(ds).items()}
        ents = {e["iri"]: {"type": e["type"], "mentioned": e["mentioned"], "claims": e["claims"]}
                for e in views.entities(ds)}
        texts = [a["text"] for a in views.articles(ds)]
        stmts = statements(ds, lbls)
        # the entities each article sentence names, so passages can be filtered by entity
        linker = Linker(lbls, {i: e["type"] for i, e in ents.items()}, texts)
        out = []
        linked: dict[str, tuple[str, ...]] = {}  # a sentence many articles repeat is linked once
        for s in stmts:
            if s.kind == "passage" or (s.kind == "claim" and not s.about):
                quote = s.evidence[0]["quote"]
                found = linked.get(quote)
                if found is None:
                    found = linked[quote] = tuple(dict.fromkeys(lk.iri for lk in linker.link(quote)))
                s = replace(s, about=found)
            out.append(s)
        return cls(out, lbls, ents, texts, graph_hash)

    def to_meta(self) -> dict:
        return {"format": FORMAT, "builder": builder_id(), "graph_sha256": self.graph_hash,
                "models": {"minilm": model_id("minilm"), "e5": model_id("e5")},
                "statements": [s.to_dict() for s in self.statements], "labels": self.labels,
                "entities": self.entities, "texts": self.texts}

    @classmethod
    def from_meta(cls, meta: dict) -> Snapshot:
        return cls([Statement.from_dict(d) for d in meta["statements"]], meta["labels"],
                   meta["entities"], meta["texts"], meta.get("graph_sha256", ""))


class VectorCache:
    """Per-statement vectors of one encoder, in memory and optionally in an ``.npz``."""

    def __init__(self, which: str, path: Path | None) -> None:
        self.which, self.path = which, path
        self.vecs: dict[str, np.ndarray] = {}
        self.dirty = False
        if path is not None and path.exists():
            try:
                with np.load(path, allow_pickle=False) as z:
                    if str(z["model"]) == model_id(which):
                        self.vecs = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
            except (OSError, ValueError, KeyError):
                self.vecs = {}  # a damaged cache is rebuilt, never trusted

    def matrix(self, stmts: list[Statement]) -> np.ndarray:
        """Vectors for ``stmts`` in order; embeds only statements not cached yet."""
        missing = list(dict.fromkeys(s.key for s in stmts if s.key not in self.vecs))
        if missing:
            text = {s.key: s.text for s in stmts}
            fn = encode if self.which == "minilm" else e5_passages
            new = fn([text[k] for k in missing])
            self.vecs.update(zip(missing, new, strict=True))
            self.dirty = True
        if not stmts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.vecs[s.key] for s in stmts], dtype=np.float32)  # one allocation

    def save(self, keep: set[str]) -> None:
        if self.path is None or not self.dirty:
            return
        keys = sorted(k for k in self.vecs if k in keep)
        buf = io.BytesIO()
        np.savez(buf, keys=np.array(keys, dtype=str), model=np.array(model_id(self.which)),
                 vecs=np.stack([self.vecs[k] for k in keys]).astype(np.float32) if keys
                 else np.zeros((0, DIM), dtype=np.float32))
        atomic_write(self.path, buf.getvalue())
        self.dirty = False


def load_meta(cache: Path) -> dict | None:
    try:
        meta = json.loads((cache / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT or meta.get("builder") != builder_id() \
            or meta.get("models", {}).get("minilm") != model_id("minilm"):
        return None
    return meta


def save_meta(cache: Path, snap: Snapshot) -> None:
    atomic_write(cache / "meta.json", json.dumps(snap.to_meta(), ensure_ascii=False))

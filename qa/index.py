"""The QA index: verbalized statements, their vectors, and a cache beside the graph.

The cache lives in ``<graph file>.cgidx/``:

* ``meta.json``: format version, a hash of the index-building code, the
  graph file's SHA-256, the encoders' names and package versions, and what
  the engine rebuilds its linker from (labels, entity types and flags,
  article texts), plus small tables (members, distinct speaker heads, the
  keys of the per-entity indexes). It is written last: the other files are
  trusted only when its ``stamp`` matches theirs;
* ``statements.jsonl``: one statement per line, read (``pread``) and decoded
  only when a question reads it (:class:`.store.StatementTable`); its CRC-32
  is in ``arrays.npz``, checked at load;
* ``arrays.npz``: the per-statement arrays and the per-entity indexes, the
  claims' context sentences, word prefixes, BM25 weights
  (``allow_pickle=False``; memory-mapped member by member, :func:`map_npz`);
* ``vectors.npy``: one MiniLM vector per distinct statement text, rows read
  with ``pread`` into a bounded cache (:class:`.store.RowMatrix`); ``hnsw.faiss``: the ANN index past :data:`.ann.ANN_THRESHOLD`;
* ``minilm.npz`` / ``e5.npz``: one vector per statement key (a hash of the
  statement's text) plus the keys, written with ``allow_pickle=False``.

So ``claimgraph ask`` on an unchanged graph parses no RDF and builds no Python
object per statement. Vectors are cached per statement: when an article is
added, the graph hash changes, the statements are read again, and only
statements whose text is new are embedded; the others keep their vectors.
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

FORMAT = 4


def builder_id() -> str:
    """Hash of the code that turns a graph into statements: a new version re-reads the graph."""
    h = hashlib.sha1()
    for name in ("verbalize.py", "index.py", "linking.py", "store.py", "engine.py", "lexical.py",
                 "routes.py"):
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
    entities: dict[str, dict]  # iri -> {"type", "mentioned", "claims", "authored"}
    texts: list[str]
    graph_hash: str = ""
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # model -> N x DIM

    @classmethod
    def from_dataset(cls, ds, graph_hash: str = "") -> Snapshot:
        from claimgraph.graph import views

        from .linking import Linker
        from .verbalize import statements

        lbls = {k: v for k, v in views.labels(ds).items()}
        ents = {e["iri"]: {"type": e["type"], "mentioned": e["mentioned"], "claims": e["claims"],
                           "authored": e["authored"]} for e in views.entities(ds)}
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


def save_meta(cache: Path, snap: Snapshot, extra: dict | None = None) -> None:
    meta = snap.to_meta()
    del meta["statements"]
    atomic_write(cache / "meta.json", json.dumps({**meta, **(extra or {})}, ensure_ascii=False))


_ARRAYS = ("kind", "has_speaker", "in_claim_mask", "cjk_penalty", "ctx_src", "ctx_dst", "ctx_pen",
           "para_of", "_numeric", "about_person", "place_mask", "head_id", "keys")
_CSR = ("by_index", "about_index", "names_index", "para_passages")


def save_engine(eng, cache: Path) -> None:
    """Write ``eng``'s index into ``cache``; ``meta.json`` last, stamped like the rest."""
    import os

    cache.mkdir(parents=True, exist_ok=True)
    stamp = os.urandom(8).hex()
    stmt_crc = eng.statements.write(cache / "statements.jsonl")
    arrays = {name.strip("_"): getattr(eng, name) for name in _ARRAYS}
    for name in _CSR:
        arrays.update(getattr(eng, name).arrays(name))
    p = eng._prefixes
    # the statements' CRC-32 ties statements.jsonl to these arrays (and, by the stamp, to
    # meta.json): a crash between the two writes leaves a file that load refuses
    arrays.update(stmt_off=eng.statements._off, stmt_crc=np.array(stmt_crc, dtype=np.int64),
                  prefix_off=p._off, prefix_ids=p._ids,
                  row=eng.matrix.row, stamp=np.array(stamp))
    if eng.bm25 is not None:
        arrays.update({f"bm25_{k}": v for k, v in eng.bm25.to_arrays().items()})
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    atomic_write(cache / "arrays.npz", buf.getvalue())
    buf = io.BytesIO()
    vecs = eng.matrix.vecs  # float16 past the ANN threshold (ann.compact_if_large)
    np.save(buf, np.ascontiguousarray(vecs, dtype=np.float16 if vecs.dtype == np.float16
                                       else np.float32))
    atomic_write(cache / "vectors.npy", buf.getvalue())
    if eng.ann is not None:
        eng.ann.write(cache / "hnsw.faiss")
    extra = {"stamp": stamp, "ann": eng.ann is not None,
             "csr_keys": {name: getattr(eng, name).keys_ for name in _CSR},
             "prefix_vocab": p.vocab, "heads": eng.heads,
             "members": {k: sorted(v) for k, v in eng.members.items()},
             "former_members": {k: sorted(v) for k, v in eng.former_members.items()},
             "bm25_vocab": list(eng.bm25.vocab) if eng.bm25 is not None else None}
    save_meta(cache, eng.snap, extra)


def map_npz(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an uncompressed ``.npz`` (``np.savez``) as views of one private memory
    map of the file: what a question never reads is never resident (at 100k claims ~75 of
    the 175 MB stay on disk). Each member's CRC-32 is checked, as ``np.load`` does, and the
    pages that check read are let go again. Compressed members (or no ``mmap``) are read
    with ``np.load``. Raises ValueError on a damaged file."""
    import mmap
    import struct
    import zipfile
    import zlib

    from .store import release

    out: dict[str, np.ndarray] = {}
    try:
        with open(path, "rb") as f:
            mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)  # writes stay private
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                raise NotImplementedError
            h = info.header_offset
            if mm[h:h + 4] != b"PK\x03\x04":
                raise ValueError(f"{path.name}: bad entry {info.filename}")
            n, m = struct.unpack("<HH", mm[h + 26:h + 30])
            start = h + 30 + n + m
            end = start + info.file_size
            if end > len(mm) or zlib.crc32(memoryview(mm)[start:end]) != info.CRC:
                raise ValueError(f"{path.name}: {info.filename} is damaged")
            release(mm, start, end)
            head = io.BytesIO(mm[start:min(end, start + 65_536)])
            version = np.lib.format.read_magic(head)
            read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) \
                else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read_header(head)
            if dtype.hasobject:
                raise ValueError(f"{path.name}: {info.filename} holds Python objects")
            count = int(np.prod(shape, dtype=np.int64))
            if head.tell() + count * dtype.itemsize != info.file_size:
                raise ValueError(f"{path.name}: {info.filename} has the wrong size")
            out[info.filename[:-4]] = np.ndarray(shape, dtype, buffer=mm, offset=start + head.tell(),
                                                 order="F" if fortran else "C")
    except NotImplementedError:  # compressed (not what save_engine writes): read it all
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (zipfile.BadZipFile, struct.error, EOFError) as e:
        raise ValueError(f"{path.name}: {e}") from e
    return out


def load_engine(eng, cache: Path, meta: dict) -> None:
    """Fill ``eng`` from the index ``save_engine`` wrote (raises ValueError if inconsistent)."""
    from . import ann
    from .lexical import SparseBM25
    from .store import CsrIndex, CtxView, PrefixSets, RowMatrix, StatementTable

    a = map_npz(cache / "arrays.npz")
    if str(a["stamp"]) != meta.get("stamp"):
        raise ValueError("index files are not those meta.json describes")
    for name in _ARRAYS:
        setattr(eng, name, a[name.strip("_")])
    for name in _CSR:
        setattr(eng, name, CsrIndex(meta["csr_keys"][name], a[f"{name}_off"], a[f"{name}_ids"]))
    eng.ctx = CtxView(eng.ctx_src, eng.ctx_dst, eng.ctx_pen)
    eng.statements = StatementTable.open(  # indexes saved before stmt_crc: length check only
        cache / "statements.jsonl", a["stmt_off"],
        int(a["stmt_crc"]) if "stmt_crc" in a else None)
    eng._prefixes = PrefixSets(meta["prefix_vocab"], a["prefix_off"], a["prefix_ids"])
    eng.heads = [tuple(h) for h in meta["heads"]]
    eng.members = {k: set(v) for k, v in meta["members"].items()}
    eng.former_members = {k: set(v) for k, v in meta["former_members"].items()}
    eng.matrix = RowMatrix.open(cache / "vectors.npy", a["row"])  # memory-mapped
    eng.ann = ann.DenseIndex.read(cache / "hnsw.faiss", eng.matrix) if meta.get("ann") else None
    eng.bm25 = SparseBM25.from_arrays(meta["bm25_vocab"], {k[5:]: v for k, v in a.items()
                                                           if k.startswith("bm25_")}) \
        if meta.get("bm25_vocab") is not None else None
    eng.entities, eng.labels = meta["entities"], meta["labels"]
    eng.types = {i: e["type"] for i, e in eng.entities.items()}
    eng.snap = Snapshot(eng.statements, eng.labels, eng.entities, meta["texts"],
                        meta.get("graph_sha256", ""))
    n = len(eng.statements)
    if any(len(a[name.strip("_")]) != n for name in ("kind", "has_speaker", "keys", "row")):
        raise ValueError("index arrays do not match the statements")

"""The file store: a TriG (or N-Quads) file read whole and written atomically.

A write goes to a temporary file beside the target and is renamed over it, so
a failed build never leaves a half-written graph and the old one stays intact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from claimgraph.errors import GraphError

from .build import new_dataset
from .compat import check_version

FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
           ".jsonld": "json-ld"}


def rdf_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise GraphError(f"{path}: unknown graph file type {suffix!r}; use .trig or .nq")
    return FORMATS[suffix]


def load_graph(path: str | Path, missing_ok: bool = False) -> Dataset:
    """Read a graph file; a missing file is an empty graph when ``missing_ok``."""
    p = Path(path)
    ds = new_dataset()
    if not p.exists():
        if missing_ok:
            return ds
        raise GraphError(f"{p}: no such graph file; build one with `claimgraph build`")
    if p.is_dir():
        raise GraphError(f"{p}: is a folder, not a graph file")
    if p.stat().st_size == 0:
        if missing_ok:
            return ds
        raise GraphError(f"{p}: the graph file is empty")
    try:
        data = p.read_text(encoding="utf-8")
        ds.parse(data=data, format=rdf_format(p), publicID=p.resolve().as_uri())
        check_version(ds, str(p))
    except GraphError:
        raise
    except UnicodeDecodeError:
        raise GraphError(f"{p}: not a UTF-8 graph file") from None
    except Exception as e:  # rdflib raises many parser exception types
        msg = " ".join(str(e).split())[:300]
        raise GraphError(f"{p}: malformed graph file ({type(e).__name__}: {msg})") from None
    return ds


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_graph(ds: Dataset, path: str | Path) -> None:
    """Serialize ``ds`` to ``path`` atomically, in the format its suffix names."""
    fmt = rdf_format(path)
    if fmt == "turtle":
        raise GraphError(f"{path}: a graph with named graphs needs .trig or .nq, not .ttl")
    atomic_write(path, ds.serialize(format=fmt))

"""The exporter registry: one module per format, registered by name.

A new format is one module that calls :func:`register`, plus its import in
``_load``; ``claimgraph export --format`` lists whatever is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from claimgraph.errors import ExportError


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str
    description: str
    write: Callable[[Dataset, Path], None]
    is_dir: bool = False


_REGISTRY: dict[str, Exporter] = {}


def register(name: str, suffix: str, description: str, is_dir: bool = False):
    """Decorator: register ``write(ds, path)`` as the exporter for ``name``."""

    def deco(fn: Callable[[Dataset, Path], None]):
        _REGISTRY[name] = Exporter(name, suffix, description, fn, is_dir)
        return fn

    return deco


def _load() -> None:
    from . import rdf  # noqa: F401

    for optional in ("gexf", "graphml", "neo4j_csv", "cypher"):
        try:
            __import__(f"{__name__}.{optional}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{optional}":
                raise


def formats() -> dict[str, Exporter]:
    """Every registered exporter, by format name."""
    if not _REGISTRY:
        _load()
    return dict(sorted(_REGISTRY.items()))


def export(ds: Dataset, fmt: str, path: str | Path) -> Path:
    """Write ``ds`` as ``fmt`` to ``path``; raises :class:`ExportError` on an unknown format."""
    table = formats()
    if fmt not in table:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(table)}")
    out = Path(path)
    table[fmt].write(ds, out)
    return out

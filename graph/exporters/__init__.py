"""The exporter registry: one module per format, registered by name.

A new format is one module that calls :func:`register`, plus its name in
``MODULES``; ``claimgraph export --format`` lists whatever is registered.
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


# One module per format; each registers itself on import.
MODULES = ("rdf", "gexf", "graphml", "neo4j_csv", "cypher")
_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        from importlib import import_module

        for name in MODULES:
            import_module(f"{__name__}.{name}")
        _loaded = True


def formats() -> dict[str, Exporter]:
    """Every registered exporter, by format name."""
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

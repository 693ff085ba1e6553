"""A Cypher script that ``cypher-shell -f`` runs as it is.

Uniqueness constraints first, then idempotent ``MERGE`` statements in batches,
each an ``UNWIND`` of a literal list of maps. Every string is a single-quoted
literal with backslash escapes (``\\'``, ``\\\\``, ``\\n`` ...), so no name can
end a string, a statement or a line early; every statement ends with ``;`` at
the end of a line, and no other line does. Property keys are fixed names from
the projection, never data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import Dataset

from ..projection import PropertyGraph
from ..store import atomic_write
from . import register
from .neo4j_model import BATCH, batches, constraints, neo4j_graph

# \uXXXX escapes are left out on purpose: Neo4j reads them, FalkorDB keeps them
# verbatim; U+2028 and friends travel raw (only \n and \r end a line here)
_ESC = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def string(value: str) -> str:
    """``value`` as a Cypher string literal.

    >>> print(string("O'Neil \\\\ \\"Bob\\"\\n"))
    'O\\'Neil \\\\ "Bob"\\n'
    """
    return "'" + value.translate(_ESC) + "'"


def key(name: str) -> str:
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """A Python value (str, int, float, bool, None, list, dict) as a Cypher literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def cypher_text(pg: PropertyGraph, batch_size: int = BATCH) -> str:
    """The whole script for ``pg``."""
    out = [f"// claimgraph export: {len(pg.nodes)} nodes, {len(pg.edges)} relationships.\n",
           "// Run with: cypher-shell -a bolt://HOST:7687 -u USER -f THIS_FILE\n",
           "// Idempotent: running it again changes nothing.\n"]
    for stmt in constraints():
        out.append(stmt + ";\n")
    for b in batches(pg, batch_size):
        rows = ",\n".join("  " + literal(r) for r in b.rows)
        out.append(b.statement("[\n" + rows + "\n]") + ";\n")
    return "".join(out)


def write_cypher(ds: Dataset, path: Path, batch_size: int = BATCH) -> None:
    """Write ``ds`` as a Cypher script for Neo4j."""
    atomic_write(path, cypher_text(neo4j_graph(ds), batch_size))


@register("cypher", ".cypher", "Cypher script for cypher-shell -f: constraints, then "
          "idempotent MERGEs in UNWIND batches")
def _write(ds: Dataset, path: Path) -> None:
    write_cypher(ds, path)

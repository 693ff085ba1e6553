"""CSV files for ``neo4j-admin database import``, and a reader that rebuilds them.

The output is a folder: one node file per label (``nodes_Person.csv`` ...),
one relationship file per type (``rels_SAID.csv`` ...), each with its header
on the first line in the import tool's format:

* nodes: ``iri:ID`` (the IRI, kept as the ``iri`` property), ``:LABEL``
  (``Entity`` plus the type), then typed properties ``name``,
  ``claims:long``, ``mentioned:boolean``, ``aliases:string[]`` ...
* relationships: ``:START_ID``, ``:END_ID``, ``:TYPE``, then typed properties.

Strings are always quoted, quotes doubled (RFC 4180, the tool's default);
backslashes are literal. Arrays and multiple labels are joined with U+001F
(the projection drops that control character from every value), so the import
needs ``--array-delimiter=U+001F``; values may hold newlines, so it needs
``--multiline-fields=true``. ``import.sh`` beside the files has the command.

Values are written exactly as they are: a name starting with ``=``, ``+``,
``-`` or ``@`` is not prefixed or altered, because ``neo4j-admin`` reads
it as data and the name must arrive intact. These files are for the import
tool; a spreadsheet opening them may evaluate such cells as formulas.
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path
from typing import Any

from rdflib import Dataset

from claimgraph.errors import ExportError

from ..projection import PropertyGraph
from ..store import atomic_write
from . import register
from .neo4j_model import labels, neo4j_graph

ARRAY_DELIMITER = "\x1f"
TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_PARSE = {"boolean": lambda s: s == "true", "long": int, "int": int, "double": float,
          "float": float, "string": str}


def _type(values: list[Any]) -> str:
    kinds = set()
    for v in values:
        if isinstance(v, (list, tuple)):
            kinds.add("string[]")
        elif isinstance(v, bool):
            kinds.add("boolean")
        else:
            kinds.add(TYPES.get(type(v), "string"))
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {"long", "double"}:
        return "double"
    raise ExportError(f"a property mixes types {sorted(kinds)}; Neo4j CSV needs one per column")


def _field(value: Any) -> str:
    if value is None:
        return ""  # an empty unquoted field: the property is absent
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _header(name: str, typ: str) -> str:
    return name if typ == "string" else f"{name}:{typ}"


def _table(head: list[str], fixed: list[list[str]], props: list[dict], skip: set[str]) -> str:
    keys = sorted({k for p in props for k in p if k not in skip})
    types = {k: _type([p[k] for p in props if k in p]) for k in keys}
    lines = [",".join(head + [_header(k, types[k]) for k in keys])]
    for row, p in zip(fixed, props, strict=True):
        lines.append(",".join(row + [_field(p.get(k)) for k in keys]))
    return "\n".join(lines) + "\n"


def csv_files(pg: PropertyGraph) -> dict[str, str]:
    """File name -> CSV text for every node label and relationship type."""
    files: dict[str, str] = {}
    by_kind: dict[str, list] = {}
    for n in pg.nodes.values():
        by_kind.setdefault(n.kind, []).append(n)
    for kind, nodes in sorted(by_kind.items()):
        fixed = [[_field(n.id), _field(labels(kind))] for n in nodes]
        files[f"nodes_{kind}.csv"] = _table(["iri:ID", ":LABEL"], fixed,
                                            [n.props for n in nodes], {"iri"})
    by_type: dict[str, list] = {}
    for e in pg.edges:
        by_type.setdefault(e.kind, []).append(e)
    for kind, edges in sorted(by_type.items()):
        fixed = [[_field(e.source), _field(e.target), _field(kind)] for e in edges]
        files[f"rels_{kind}.csv"] = _table([":START_ID", ":END_ID", ":TYPE"], fixed,
                                           [e.props for e in edges], set())
    return files


def import_command(names: list[str], database: str = "neo4j") -> str:
    """The ``neo4j-admin`` (Neo4j 5) command that imports the files ``names``."""
    parts = ["neo4j-admin", "database", "import", "full", database,
             "--overwrite-destination=true",
             "--array-delimiter=U+001F", "--multiline-fields=true"]
    for name in names:
        flag = "--nodes" if name.startswith("nodes_") else "--relationships"
        parts.append(f"{flag}={name}")
    return " ".join(shlex.quote(p) for p in parts)


def write_neo4j_csv(ds: Dataset, path: Path) -> None:
    """Write ``ds`` as a folder of ``neo4j-admin`` CSV files plus ``import.sh``."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder; neo4j-csv writes a folder")
    files = csv_files(neo4j_graph(ds))
    for name, data in files.items():
        atomic_write(out / name, data)
    # a previous export's files for labels or types this graph no longer has
    for stale in [*out.glob("nodes_*.csv"), *out.glob("rels_*.csv")]:
        if stale.name not in files:
            stale.unlink()
    script = ("#!/bin/sh\n"
              "# Load this folder into an empty Neo4j 5 database (stop the database first;\n"
              "# Neo4j 4.4: neo4j-admin import --database=neo4j with the same flags).\n"
              "# Run from this folder, or give the files' full paths.\n"
              'cd "$(dirname "$0")" || exit 1\n'
              + import_command(sorted(files)) + "\n")
    atomic_write(out / "import.sh", script)
    (out / "import.sh").chmod(0o755)


def read_neo4j_csv(path: str | Path) -> tuple[dict[str, dict], list[dict]]:
    """Read a folder written by :func:`write_neo4j_csv` the way the import tool does.

    Returns ``(nodes, relationships)``: nodes by id as ``{"labels": [...],
    "props": {...}}`` (the ``:ID`` column's name, ``iri``, among the props),
    relationships as ``{"start", "end", "type", "props"}``. Headers are parsed
    per the tool's format (``name:type``, ``type[]`` arrays, ``:ID``,
    ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``); an empty field is an
    absent property.
    """
    folder = Path(path)
    nodes: dict[str, dict] = {}
    rels: list[dict] = []
    for f in sorted(folder.glob("*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:  # keep \r inside values
            rows = list(csv.reader(fh))
        if not rows:
            continue
        head = [_split_header(h) for h in rows[0]]
        for row in rows[1:]:
            rec: dict[str, Any] = {"props": {}}
            for (name, typ), value in zip(head, row, strict=True):
                if typ == "ID":
                    rec["id"] = value
                    if name:
                        rec["props"][name] = value
                elif typ == "LABEL":
                    rec["labels"] = value.split(ARRAY_DELIMITER) if value else []
                elif typ in ("START_ID", "END_ID", "TYPE"):
                    rec[typ.split("_")[0].lower()] = value
                elif value != "":
                    rec["props"][name] = _parse(typ, value)
            if "id" in rec:
                if rec["id"] in nodes:
                    raise ExportError(f"{f.name}: duplicate node id {rec['id']!r}")
                nodes[rec.pop("id")] = rec
            else:
                rels.append(rec)
    return nodes, rels


def _split_header(h: str) -> tuple[str, str]:
    name, _, typ = h.partition(":")
    return name, (typ or "string")


def _parse(typ: str, value: str) -> Any:
    if typ.endswith("[]"):
        return [_PARSE[typ[:-2]](v) for v in value.split(ARRAY_DELIMITER)]
    return _PARSE[typ](value)


@register("neo4j-csv", "", "neo4j-admin import CSV: a folder with a node file per label, "
          "a relationship file per type, and import.sh", is_dir=True)
def _write(ds: Dataset, path: Path) -> None:
    write_neo4j_csv(ds, path)

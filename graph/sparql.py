"""Read-only SPARQL: SELECT, ASK, CONSTRUCT and DESCRIBE; nothing that writes or reaches out."""

from __future__ import annotations

import re
import threading

from rdflib import Dataset

from claimgraph.errors import QueryError

from .views import PREFIXES

_FORBIDDEN = re.compile(
    r"\b(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|SERVICE)\b", re.I)
_FORM = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
                   re.I)


def _strip_literals(query: str) -> str:
    """The query without string literals, IRIs and comments (so keywords inside them don't count)."""
    q = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', query)
    q = re.sub(r"<[^<>\s]*>", "<>", q)
    return re.sub(r"#[^\n]*", "", q)


def check_query(query: str) -> str:
    """The query form (SELECT/ASK/CONSTRUCT/DESCRIBE); raises QueryError for anything else."""
    bare = _strip_literals(query)
    m = _FORM.match(bare)
    if not m:
        raise QueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed")
    bad = _FORBIDDEN.search(bare)
    if bad:
        raise QueryError(f"{bad.group(0).upper()} is not allowed: queries are read-only and local")
    if re.search(r"\bFROM\b", bare, re.I):
        raise QueryError("FROM / FROM NAMED is not allowed: the query runs on this graph only")
    return m.group(1).upper()


def run_query(ds: Dataset, query: str, timeout: float = 10.0):
    """Run a read-only query with standard prefixes; returns rdflib's Result.

    Raises QueryError on a refused or malformed query or one that takes longer
    than ``timeout`` seconds.
    """
    check_query(query)
    full = query if re.search(r"\bPREFIX\s+cg:", query, re.I) else PREFIXES + query
    box: dict = {}

    def work():
        try:
            res = ds.query(full)
            # materialize inside the thread so the time limit covers evaluation
            if res.type == "SELECT":
                res.bindings  # noqa: B018
            elif res.type in ("CONSTRUCT", "DESCRIBE"):
                len(res.graph)
            box["result"] = res
        except Exception as e:  # rdflib raises parser and evaluation errors of many types
            box["error"] = e

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryError(f"the query took longer than {timeout:g} s and was abandoned")
    if "error" in box:
        msg = " ".join(str(box["error"]).split())[:300]
        raise QueryError(f"malformed or failing query: {msg}")
    return box["result"]


def result_rows(res) -> tuple[list[str], list[list[str]]]:
    """(column names, rows of strings) for a SELECT/ASK/CONSTRUCT result."""
    if res.type == "ASK":
        return ["ask"], [[str(bool(res.askAnswer)).lower()]]
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], [[str(t) for t in tr] for tr in res.graph]
    cols = [str(v) for v in res.vars]
    return cols, [["" if row[v] is None else str(row[v]) for v in res.vars] for row in res]

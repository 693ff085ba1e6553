"""Read-only SPARQL: SELECT, ASK, CONSTRUCT and DESCRIBE; nothing that writes or reaches out.

A query is checked on rdflib's own parse of it, not on its text: the parser
expands ``\\u0053ERVICE``-style escapes and resolves prefixes, so what is
checked is what would run. Refused: updates (INSERT, DELETE, LOAD, ...),
``FROM`` / ``FROM NAMED`` (rdflib would fetch the IRI, ``http:`` or
``file:``) and ``SERVICE`` anywhere in the algebra.

The time limit is real where the platform can fork: the query runs in a
forked child (which shares the loaded graph copy-on-write, has network and
process spawning blocked by an audit hook, and can be killed), so a runaway
query never leaves a busy thread behind in the CLI or the app. Elsewhere it
falls back to a thread that is abandoned, not stopped, after the limit.
"""

from __future__ import annotations

import io
import os
import re
import sys
import threading

from rdflib import Dataset, Graph
from rdflib.query import Result

from claimgraph.errors import QueryError

from .views import PREFIXES

READ_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
              "DescribeQuery": "DESCRIBE"}


def _full(query: str) -> str:
    return query if re.search(r"\bPREFIX\s+cg:", query, re.I) else PREFIXES + query


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:300]


def _walk(node, seen=None):
    """Every CompValue in an rdflib algebra tree (dicts and lists, depth first)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = seen if seen is not None else set()
    if id(node) in seen:
        return
    if isinstance(node, CompValue):
        seen.add(id(node))
        yield node
        for v in node.values():
            yield from _walk(v, seen)
    elif isinstance(node, dict):
        seen.add(id(node))
        for v in node.values():
            yield from _walk(v, seen)
    elif isinstance(node, list | tuple):
        seen.add(id(node))
        for v in node:
            yield from _walk(v, seen)


def _prepare(query: str):
    """rdflib's translated query for ``query`` (with the standard prefixes), or QueryError."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    full = _full(query)
    try:
        parsed = parseQuery(full)
    except Exception as e:  # pyparsing's ParseException and friends
        try:
            parseUpdate(full)
        except Exception:
            raise QueryError(f"malformed query: {_one_line(e)}") from None
        raise QueryError("updates are not allowed: only SELECT, ASK, CONSTRUCT and DESCRIBE "
                         "queries run here (read-only)") from None
    try:
        return translateQuery(parsed)
    except Exception as e:
        raise QueryError(f"malformed query: {_one_line(e)}") from None


def check_query(query: str) -> str:
    """The query form (SELECT/ASK/CONSTRUCT/DESCRIBE); raises QueryError for anything else.

    >>> check_query("SELECT ?s WHERE { ?s ?p ?o }")
    'SELECT'
    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    claimgraph.errors.QueryError: SERVICE is not allowed: queries run on this graph only
    """
    prepared = _prepare(query)
    algebra = prepared.algebra
    form = READ_FORMS.get(algebra.name)
    if form is None:
        raise QueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed")
    if algebra.get("datasetClause"):
        raise QueryError("FROM / FROM NAMED is not allowed: the query runs on this graph only "
                         "(use GRAPH <iri> { ... } to pick an article's graph)")
    for node in _walk(algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is not allowed: queries run on this graph only")
        if node.name.startswith(("Load", "Insert", "Delete", "Clear", "Drop", "Create")):
            raise QueryError("updates are not allowed: queries are read-only")
    return form


# ---------------------------------------------------------------- evaluation

_BLOCKED_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.bind", "urllib.Request",
                   "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.fork",
                   "os.spawn", "ftplib.connect", "http.client.connect")


def _sandbox() -> None:
    """In the query child: no network, no processes, no writes, no reads outside Python."""
    import rdflib.plugins.sparql as rsparql

    rsparql.SPARQL_LOAD_GRAPHS = False
    allowed = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)
                     if p})

    def hook(event: str, args: tuple) -> None:
        if event.startswith(_BLOCKED_EVENTS):
            raise PermissionError(f"{event} is not allowed while a query runs")
        if event == "open" and args:
            path, mode = args[0], (args[1] if len(args) > 1 else "r")
            if isinstance(mode, str) and any(c in mode for c in "wax+"):
                raise PermissionError("writing files is not allowed while a query runs")
            if isinstance(path, str | bytes) and not isinstance(path, int):
                real = os.path.realpath(os.fsdecode(path))
                if not real.startswith(allowed):
                    raise PermissionError(f"reading {real} is not allowed while a query runs")

    sys.addaudithook(hook)


def _evaluate(ds: Dataset, query: str) -> tuple[str, bytes]:
    """(result type, serialized result): JSON results for SELECT/ASK, N-Triples for graphs."""
    res = ds.query(_full(query))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return res.type, res.graph.serialize(format="nt", encoding="utf-8")
    return res.type, res.serialize(format="json")


def _revive(kind: str, data: bytes) -> Result:
    if kind in ("CONSTRUCT", "DESCRIBE"):
        res = Result(kind)
        res.graph = Graph().parse(data=data.decode("utf-8"), format="nt")
        return res
    return Result.parse(io.BytesIO(data), format="json")


def _child(conn, ds: Dataset, query: str) -> None:
    try:
        _sandbox()
        conn.send(("ok",) + _evaluate(ds, query))
    except BaseException as e:  # everything goes back to the parent as a message
        conn.send(("error", f"{type(e).__name__}: {_one_line(e)}"))
    finally:
        conn.close()


def _run_forked(ds: Dataset, query: str, timeout: float) -> Result:
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, ds, query), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout):
            raise QueryError(f"the query took longer than {timeout:g} s and was stopped")
        try:
            msg = recv.recv()
        except EOFError:
            raise QueryError("the query process ended without a result "
                             "(out of memory?)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        recv.close()
    if msg[0] == "error":
        raise QueryError(f"failing query: {msg[1]}")
    return _revive(msg[1], msg[2])


def _run_threaded(ds: Dataset, query: str, timeout: float) -> Result:
    box: dict = {}

    def work():
        try:
            box["result"] = _revive(*_evaluate(ds, query))
        except Exception as e:  # rdflib raises evaluation errors of many types
            box["error"] = e

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryError(f"the query took longer than {timeout:g} s and was abandoned")
    if "error" in box:
        raise QueryError(f"failing query: {_one_line(box['error'])}")
    return box["result"]


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods() and os.environ.get("CLAIMGRAPH_NO_FORK") != "1"


def run_query(ds: Dataset, query: str, timeout: float = 10.0) -> Result:
    """Run a read-only query with standard prefixes; returns an rdflib ``Result``.

    Raises QueryError on a refused or malformed query or one that takes longer
    than ``timeout`` seconds.
    """
    check_query(query)
    if not (0 < timeout <= 86_400):  # also refuses NaN and infinity
        raise QueryError("the time limit must be a positive number of seconds (at most a day)")
    if _can_fork():
        return _run_forked(ds, query, timeout)
    return _run_threaded(ds, query, timeout)


def result_rows(res) -> tuple[list[str], list[list[str]]]:
    """(column names, rows of strings) for a SELECT/ASK/CONSTRUCT result."""
    if res.type == "ASK":
        return ["ask"], [[str(bool(res.askAnswer)).lower()]]
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], [[str(t) for t in tr] for tr in res.graph]
    cols = [str(v) for v in res.vars]
    return cols, [["" if row[v] is None else str(row[v]) for v in res.vars] for row in res]

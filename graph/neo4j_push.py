"""Load a graph into a running Neo4j over Bolt with the official ``neo4j`` driver.

The statements are the Cypher script's (constraints, then ``UNWIND $rows``
``MERGE`` batches), with the rows passed as query parameters: no value is
ever formatted into query text. Each batch is its own write transaction, so
a failure leaves the batches before it loaded and a rerun completes the load
(every statement is idempotent).

The driver is an optional extra: ``pip install 'claimgraph[neo4j]'``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Dataset

from claimgraph.errors import ExportError

from .exporters.neo4j_model import BATCH, batches, constraints, neo4j_graph

PASSWORD_ENV = "CLAIMGRAPH_NEO4J_PASSWORD"


@dataclass(frozen=True)
class PushReport:
    """What a push sent: node and relationship rows, and transactions run."""

    nodes: int
    relationships: int
    batches: int


def push_neo4j(ds: Dataset, uri: str, user: str, password: str, *, database: str | None = None,
               batch_size: int = BATCH, driver=None,
               progress: Callable[[int, int], None] | None = None) -> PushReport:
    """MERGE every node and relationship of ``ds`` into the Neo4j at ``uri``.

    Args:
        ds: the claimgraph dataset.
        uri: ``bolt://``, ``neo4j://`` (or ``+s`` variants) address.
        user, password: credentials (the CLI reads the password from
            ``CLAIMGRAPH_NEO4J_PASSWORD`` or a prompt, never its arguments).
        database: target database; the server's default when None.
        batch_size: rows per ``UNWIND`` transaction.
        driver: an already open driver (tests pass a fake); when None one is
            opened with ``neo4j.GraphDatabase.driver`` and closed afterwards.
        progress: called with (batches done, batches total).

    Raises:
        ExportError: the driver is missing, or the server refused or failed.
    """
    if batch_size < 1:
        raise ExportError(f"batch size must be at least 1, got {batch_size}")
    pg = neo4j_graph(ds)
    work = list(batches(pg, batch_size))
    own = driver is None
    errors: tuple[type[BaseException], ...] = ()
    if own:
        try:
            import neo4j
            from neo4j.exceptions import DriverError, Neo4jError
        except ModuleNotFoundError:
            raise ExportError("the neo4j driver is not installed; "
                              "pip install 'claimgraph[neo4j]' (or: pip install neo4j)") from None
        errors = (Neo4jError, DriverError, OSError, ValueError)
        try:
            driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        except errors as e:
            raise ExportError(f"cannot open a Neo4j driver for {uri}: {_one_line(e)}") from None
    try:
        try:
            if own:
                driver.verify_connectivity()
            with driver.session(database=database) as session:
                for stmt in constraints():
                    session.run(stmt).consume()
                for i, b in enumerate(work, 1):
                    session.execute_write(_run, b.statement("$rows"), b.rows)
                    if progress:
                        progress(i, len(work))
        except errors as e:
            raise ExportError(f"Neo4j push to {uri} failed: {type(e).__name__}: {_one_line(e)}") from None
    finally:
        if own:
            driver.close()
    return PushReport(len(pg.nodes), len(pg.edges), len(work))


def _run(tx, query: str, rows: list[dict]) -> None:
    tx.run(query, rows=rows).consume()


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:400]

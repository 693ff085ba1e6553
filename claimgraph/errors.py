"""claimgraph's exception classes: one place, clear messages.

Every error a user can cause (a bad file, a malformed graph, a refused query)
is a :class:`ClaimgraphError`. The CLI prints its message on one line and exits
non-zero; library callers can catch the base class.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""

    exit_code = 1


class InputError(ClaimgraphError):
    """An input file or text could not be used (missing, empty, not text)."""

    exit_code = 2


class GraphError(ClaimgraphError):
    """A graph file is missing, malformed, or fails validation."""

    exit_code = 3


class QueryError(ClaimgraphError):
    """A SPARQL query or question was refused or failed."""

    exit_code = 4


class ExportError(ClaimgraphError):
    """An export format is unknown or an export failed."""

    exit_code = 5

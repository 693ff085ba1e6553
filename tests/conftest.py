"""Shared fixtures. Models load from installed packages: no hub, ever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "caixin_treasuries_selloff.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def nlp():
    """The packaged spaCy pipeline (loaded once per process by ``load_nlp``)."""
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_graph(tmp_path_factory) -> Path:
    """The example article built once per test session into a TriG file."""
    from claimgraph.pipeline import build_graph

    out = tmp_path_factory.mktemp("example") / "example.trig"
    build_graph([str(EXAMPLE)], out)
    return out


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory):
    """A FalkorDB client on a server that lives for the test session."""
    from cypher_engine import falkordb_server

    with falkordb_server(tmp_path_factory.mktemp("falkordb")) as db:
        yield db

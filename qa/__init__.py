"""Question answering over the graph (``claimgraph.qa``)."""

from .engine import QAEngine

__all__ = ["QAEngine"]

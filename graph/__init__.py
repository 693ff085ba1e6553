"""Records to RDF, the store, queries and exporters (``claimgraph.graph``)."""

from .build import add_extraction, has_article, new_dataset, remove_article
from .store import atomic_write, load_graph, save_graph

__all__ = ["add_extraction", "has_article", "new_dataset", "remove_article",
           "atomic_write", "load_graph", "save_graph"]

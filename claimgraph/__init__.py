"""claimgraph: a knowledge graph of who said what in news articles.

The library is the product: ``claimgraph.extract`` turns text into records,
``claimgraph.graph`` turns records into RDF, ``claimgraph.qa`` answers
questions over the graph, and ``claimgraph.app`` holds the CLI and the
Streamlit app.
"""

__version__ = "0.1.0"

DEFAULT_BASE = "https://claimgraph.org/id/"

"""A SPARQL 1.1 endpoint the user already runs (``--store sparql:URL``).

Writes use the SPARQL 1.1 Update protocol: each checkpoint is one request of
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` per article
(one named graph per article), so a server that runs an update request as a
transaction keeps whole articles only. Reads use the SPARQL 1.1 Query
protocol with JSON results. ``sparql:URL`` uses one URL for both;
``sparql:QUERY_URL|UPDATE_URL`` names two (Fuseki's ``/query`` and
``/update``, Oxigraph server's ``/query`` and ``/update``).

Only the standard library is used (``urllib``): no client to install.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from claimgraph.errors import GraphError

from .linkstore import LinkingStore

TIMEOUT = 120.0
_ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _term(b: dict | None):
    """A SPARQL JSON results binding as an rdflib term."""
    if b is None:
        return None
    t, v = b["type"], b["value"]
    if t == "uri":
        return URIRef(v)
    if t == "bnode":
        return BNode(v)
    if "xml:lang" in b:
        return Literal(v, lang=b["xml:lang"])
    dt = b.get("datatype")
    if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(v, datatype=URIRef(dt))
    return Literal(v)


class SparqlStore(LinkingStore):
    """A build target and read source: a SPARQL 1.1 Query + Update endpoint."""

    kind = "sparql"

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        q, _, u = url.partition("|")
        self.query_url, self.update_url = q, u or q
        for x in (self.query_url, self.update_url):
            if urllib.parse.urlparse(x).scheme not in ("http", "https"):
                raise GraphError(f"{x}: a SPARQL endpoint is an http:// or https:// URL")
        self.timeout = timeout
        self._link = None

    def _post(self, url: str, data: dict, accept: str) -> bytes:
        body = urllib.parse.urlencode(data).encode("utf-8")
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                return r.read()
        except urllib.error.HTTPError as e:
            detail = " ".join(e.read().decode("utf-8", "replace").split())[:200]
            raise GraphError(f"{url}: the SPARQL endpoint answered {e.code} ({detail})") from None
        except (urllib.error.URLError, OSError) as e:
            raise GraphError(f"{url}: cannot reach the SPARQL endpoint "
                             f"({getattr(e, 'reason', e)})") from None

    def select(self, query: str) -> list[tuple]:
        raw = self._post(self.query_url, {"query": query}, "application/sparql-results+json")
        try:
            res = json.loads(raw)
            names = res["head"]["vars"]
            return [tuple(_term(row.get(n)) for n in names) for row in res["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as e:
            raise GraphError(f"{self.query_url}: not a SPARQL JSON result ({e})") from None

    def update(self, request: str) -> None:
        self._post(self.update_url, {"update": request}, "*/*")

    def write_graphs(self, graphs) -> None:
        parts = []
        for gi, triples in graphs.items():
            g = Graph()
            for t in triples:
                g.add(t)
            nt = g.serialize(format="nt")
            parts.append(f"DROP SILENT GRAPH <{gi}> ;\nINSERT DATA {{ GRAPH <{gi}> {{\n{nt}}} }}")
        self.update(" ;\n".join(parts))

    def dataset(self) -> Dataset:
        """Every named graph of the endpoint, read into memory (for views, QA, exports)."""
        from .build import new_dataset

        ds = new_dataset()
        for g, s, p, o in self.select(_ALL_QUADS):
            ds.graph(g).add((s, p, o))
        return ds

"""GraphML from the networkx projection (the same nodes, edges and attributes as GEXF).

Keys are typed (``boolean``, ``long``, ``double``, ``string``); ``label`` is a
node key, as Gephi and yEd expect; ``relation`` and ``weight`` are edge keys;
lists (``aliases``) are JSON arrays in a string key.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from ..projection import project
from ..store import atomic_write
from . import register
from .xmlgraph import attr, columns, scalar, text

TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def graphml_text(g) -> str:
    """A networkx (Multi)DiGraph as GraphML text."""
    node_cols = columns((d for _, d in g.nodes(data=True)), set(), TYPES)
    edge_cols = columns((d for *_, d in g.edges(keys=True, data=True)), set(), TYPES)
    node_ids = {k: f"n{i}" for i, k in enumerate(node_cols)}
    edge_ids = {k: f"e{i}" for i, k in enumerate(edge_cols)}
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
    for cls, cols, ids in (("node", node_cols, node_ids), ("edge", edge_cols, edge_ids)):
        for k, t in cols.items():
            out.append(f'  <key id="{ids[k]}" for="{cls}" attr.name="{attr(k)}" '
                       f'attr.type="{t}"/>\n')
    out.append('  <graph id="claimgraph" edgedefault="directed">\n')
    ids = {n: attr(str(n)) for n in g}
    for n, d in g.nodes(data=True):
        out.append(f'    <node id="{ids[n]}">\n')
        _data(out, d, node_ids)
        out.append("    </node>\n")
    for i, (u, v, _k, d) in enumerate(g.edges(keys=True, data=True)):
        out.append(f'    <edge id="e{i}" source="{ids[u]}" target="{ids[v]}">\n')
        _data(out, d, edge_ids)
        out.append("    </edge>\n")
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)


def _data(out: list[str], d: dict, ids: dict[str, str]) -> None:
    for k, v in d.items():
        if k in ids and v is not None:
            out.append(f'      <data key="{ids[k]}">{text(scalar(v))}</data>\n')


def write_graphml(ds: Dataset, path: Path, *, claims: bool = False) -> None:
    """Write the entity network of ``ds`` (with claim nodes when ``claims``) as GraphML."""
    atomic_write(path, graphml_text(project(ds, claims=claims)))


@register("graphml", ".graphml", "GraphML: the same entity network as GEXF, typed keys")
def _write(ds: Dataset, path: Path) -> None:
    write_graphml(ds, path)

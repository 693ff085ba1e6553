"""GEXF 1.3 for Gephi and Gephi Lite, written from the networkx projection.

Nodes are entities (and, with ``claims=True``, claims); each carries ``label``
(its English name, else its Chinese one, with runs of whitespace as single
spaces because the schema types labels ``xsd:token``; the exact names are
the ``name_en`` / ``name_zh`` attributes), typed attributes Gephi can colour
and size by (``type``, ``name_en``, ``name_zh``, ``aliases`` as a JSON array,
``claims`` said, ``cited`` = statements about it, ``mentioned``) and a
``viz`` colour by type and size by activity. Edges carry ``kind`` (GEXF 1.3's
multigraph kind, so parallel edges of different relations stay apart),
``weight`` and the ``relation`` attribute.

Every edge is directed (``CO_MENTIONED`` is symmetric and stored once):
networkx cannot read a GEXF that mixes directed and undirected edges.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import Dataset

from claimgraph import __version__

from ..projection import node_size, project
from ..store import atomic_write
from . import register
from .xmlgraph import attr, columns, scalar, text

TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
COLORS = {"Person": (66, 133, 244), "Organization": (219, 68, 55), "Place": (15, 157, 88),
          "Concept": (244, 180, 0), "Claim": (158, 158, 158), "Fact": (121, 85, 72),
          "Article": (96, 125, 139)}
# graphology-gexf reads these names from the element itself: an attribute
# column with one of them would be overwritten, so they never become columns
_RESERVED = {"label", "weight", "kind", "color", "size", "x", "y", "z", "shape", "thickness"}


def gexf_text(g) -> str:
    """A networkx (Multi)DiGraph as GEXF 1.3 text."""
    node_cols = columns((d for _, d in g.nodes(data=True)), _RESERVED, TYPES)
    edge_cols = columns((d for *_, d in g.edges(keys=True, data=True)), _RESERVED, TYPES)
    node_ids = {k: str(i) for i, k in enumerate(node_cols)}
    edge_ids = {k: str(i) for i, k in enumerate(edge_cols)}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
        f'  <meta lastmodifieddate="{date.today().isoformat()}">\n'
        f"    <creator>claimgraph {text(__version__)}</creator>\n"
        "    <description>Who said what: people, organizations and concepts, "
        "and the claims that link them</description>\n  </meta>\n",
        '  <graph mode="static" defaultedgetype="directed">\n',
    ]
    for cls, cols, ids in (("node", node_cols, node_ids), ("edge", edge_cols, edge_ids)):
        out.append(f'    <attributes class="{cls}">\n')
        for k, t in cols.items():
            out.append(f'      <attribute id="{ids[k]}" title="{attr(k)}" type="{t}"/>\n')
        out.append("    </attributes>\n")

    ids = {n: attr(str(n)) for n in g}
    out.append("    <nodes>\n")
    for n, d in g.nodes(data=True):
        label = " ".join(str(d.get("label", n)).split())  # GEXF labels are xsd:token
        out.append(f'      <node id="{ids[n]}" label="{attr(label)}">\n')
        _attvalues(out, d, node_ids)
        rgb = COLORS.get(d.get("type", ""), (120, 120, 120))
        out.append(f'        <viz:color r="{rgb[0]}" g="{rgb[1]}" b="{rgb[2]}"/>\n'
                   f'        <viz:size value="{node_size(d)}"/>\n      </node>\n')
    out.append("    </nodes>\n    <edges>\n")
    for i, (u, v, _k, d) in enumerate(g.edges(keys=True, data=True)):
        rel = str(d.get("relation", ""))
        out.append(f'      <edge id="{i}" source="{ids[u]}" target="{ids[v]}" '
                   f'label="{attr(rel)}" kind="{attr(rel)}" '
                   f'weight="{float(d.get("weight", 1.0))!r}">\n')
        _attvalues(out, d, edge_ids)
        out.append("      </edge>\n")
    out.append("    </edges>\n  </graph>\n</gexf>\n")
    return "".join(out)


def _attvalues(out: list[str], d: dict, ids: dict[str, str]) -> None:
    vals = [(ids[k], v) for k, v in d.items() if k in ids and v is not None]
    if not vals:
        return
    out.append("        <attvalues>\n")
    for i, v in vals:
        out.append(f'          <attvalue for="{i}" value="{attr(scalar(v))}"/>\n')
    out.append("        </attvalues>\n")


def write_gexf(ds: Dataset, path: Path, *, claims: bool = False) -> None:
    """Write the entity network of ``ds`` (with claim nodes when ``claims``) as GEXF 1.3."""
    atomic_write(path, gexf_text(project(ds, claims=claims)))


@register("gexf", ".gexf", "GEXF 1.3 for Gephi / Gephi Lite: entities, said-about, "
          "member-of, proposed/discussed and co-mentioned edges")
def _write(ds: Dataset, path: Path) -> None:
    write_gexf(ds, path)

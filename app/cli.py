"""The ``claimgraph`` command: a thin layer over the library.

Every command parses its arguments, calls ``claimgraph.*`` and renders the
result. A :class:`~claimgraph.errors.ClaimgraphError` becomes one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from claimgraph import DEFAULT_BASE, __version__
from claimgraph.errors import ClaimgraphError, InputError

DEFAULT_GRAPH = "claimgraph.trig"
READ_FORMATS = ["text", "markdown", "html", "caixin"]


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def cmd_build(a) -> int:
    from claimgraph.pipeline import build_graph

    target = a.store or a.output
    report = build_graph(a.inputs, target, base=a.base, fmt=a.format,
                         progress=None if a.quiet else sys.stderr, processes=a.processes,
                         batch_size=a.batch_size, skip_bad=a.skip_bad,
                         checkpoint_articles=a.checkpoint_every)
    bad = f", {len(report.bad)} unreadable files skipped" if report.bad else ""
    print(f"{target}: {report.added} added, {report.skipped} already present{bad}, "
          f"{report.claims} claims, {report.entities} entities in the graph")
    if report.added and not a.no_index:
        from claimgraph.pipeline import prepare_index

        prepare_index(target)
    return 0


def cmd_attributions(a) -> int:
    from claimgraph.extract.attribution import find_attributions
    from claimgraph.extract.pipeline import load_nlp
    from claimgraph.extract.readers import read_file

    from claimgraph.pipeline import expand_inputs

    paths = expand_inputs([a.input])
    nlp = load_nlp()
    lines = a.json_lines or len(paths) > 1
    for path in paths:
        art = read_file(path, a.format)
        atts = [x.to_dict() for x in find_attributions(art, nlp(art.text))]
        if lines:
            print(json.dumps({"file": str(path), "attributions": atts}, ensure_ascii=False))
        elif a.json:
            print(json.dumps(atts, ensure_ascii=False))
        else:
            for x in atts:
                src = x["source"]["text"] if x["source"] else "?"
                cue = x["cue"]["text"] if x["cue"] else ""
                print(f"[{x['paragraph']}] {x['kind']:12} {x['speaker'] or src} | {cue} | "
                      f"{x['content']['text']}")
    return 0


def _engine(graph: str):
    from claimgraph.qa import QAEngine

    return QAEngine.from_path(graph)  # reuses the index cached beside the graph


def _render_answer(res: dict) -> str:
    if res["abstained"]:
        return f"Not in the graph: {res.get('reason', 'no supporting statement')}."
    out = []
    for i, ans in enumerate(res["answers"], 1):
        who = ans["speaker"]["label"] if ans["speaker"] else "-"
        ev = ans["evidence"][0] if ans["evidence"] else {}
        out.append(f"{i}. [{ans['kind']}, {ans['score']:.2f}] {who}: {ans['text']}")
        if ev:
            out.append(f"   paragraph {ev['paragraph']}, chars {ev['start']}-{ev['end']}: "
                       f"\u201c{ev['quote']}\u201d")
    return "\n".join(out)


def cmd_ask(a) -> int:
    engine = _engine(a.graph)
    if a.question == "-":
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(engine.ask(line.strip(), k=a.k), ensure_ascii=False), flush=True)
        return 0
    res = engine.ask(a.question, k=a.k)
    print(_dump(res) if a.json else _render_answer(res))
    return 0


def cmd_entities(a) -> int:
    from claimgraph.graph import load_graph, views

    ents = views.entities(load_graph(a.graph))
    if a.json:
        print(_dump(ents))
        return 0
    for e in ents:
        zh = f" ({', '.join(e['labels']['zh'])})" if e["labels"]["zh"] else ""
        name = e["labels"]["en"][0] if e["labels"]["en"] else (e["labels"]["zh"] or ["?"])[0]
        flag = "" if e["mentioned"] else "  [listed, not mentioned]"
        print(f"{e['type']:12} {name}{zh}  claims={e['claims']}{flag}")
    return 0


def cmd_export(a) -> int:
    from claimgraph.graph import load_graph
    from claimgraph.graph.exporters import export

    out = export(load_graph(a.graph), a.format, a.output)
    print(f"wrote {out} ({a.format})")
    return 0


def cmd_push(a) -> int:
    import getpass

    from claimgraph.graph import load_graph
    from claimgraph.graph.neo4j_push import PASSWORD_ENV, push_neo4j

    ds = load_graph(a.graph)
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(f"Neo4j password for {a.user} at {a.uri}: ")
    rep = push_neo4j(ds, a.uri, a.user, password, database=a.database, batch_size=a.batch_size)
    print(f"pushed {rep.nodes} nodes and {rep.relationships} relationships to {a.uri} "
          f"in {rep.batches} batches")
    return 0


def cmd_sparql(a) -> int:
    from claimgraph.graph import load_graph
    from claimgraph.graph.sparql import result_rows, run_query

    query = sys.stdin.read() if a.query == "-" else a.query
    res = run_query(load_graph(a.graph), query, timeout=a.timeout)
    cols, rows = result_rows(res)
    if a.json:
        print(_dump([dict(zip(cols, r, strict=True)) for r in rows]))
    else:
        print("\t".join(cols))
        for r in rows:
            print("\t".join(r))
    return 0


def cmd_validate(a) -> int:
    from claimgraph.graph import load_graph
    from claimgraph.graph.validate import validate

    rep = validate(load_graph(a.graph))
    if rep.conforms:
        print(f"{a.graph}: conforms to the claimgraph SHACL shapes")
        return 0
    for v in rep.violations:
        print(f"{v['severity']}: {v['focus']} {v['path']}: {v['message']}")
    print(f"{a.graph}: {len(rep.violations)} violation(s)", file=sys.stderr)
    return 1


def cmd_app(a) -> int:
    import subprocess

    script = Path(__file__).with_name("streamlit_app.py")
    graph = str(Path(a.graph).resolve())
    if not Path(graph).exists():
        raise InputError(f"{graph}: no such graph file; build one with `claimgraph build`")
    env = dict(os.environ, CLAIMGRAPH_GRAPH=graph, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(a.port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.address", a.address]
    return subprocess.call(cmd, env=env)


def parser() -> argparse.ArgumentParser:
    from claimgraph.graph.exporters import formats

    p = argparse.ArgumentParser(prog="claimgraph",
                                description="Who said what in news articles: build a knowledge "
                                            "graph of claims and ask it questions.")
    p.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="extract articles into a graph (adds to an existing one)")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs")
    b.add_argument("-o", "--output", default=DEFAULT_GRAPH, help="graph file (.trig or .nq)")
    b.add_argument("--base", default=DEFAULT_BASE, help="base IRI for minted nodes")
    b.add_argument("--format", choices=READ_FORMATS, help="input format (default: detect)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    b.add_argument("--store", metavar="STORE", help="oxigraph:PATH (embedded store) or sparql:URL "
                   "(a SPARQL 1.1 endpoint; QUERY_URL|UPDATE_URL for two); replaces -o")
    b.add_argument("--processes", type=int, default=1, metavar="N",
                   help="extraction worker processes (default 1)")
    b.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="articles per nlp.pipe batch (default 16)")
    b.add_argument("--checkpoint-every", type=int, default=50, metavar="N",
                   help="save finished articles every N articles (and every 30 s; default 50)")
    b.add_argument("--skip-bad", action="store_true",
                   help="report and skip unreadable files instead of stopping")
    b.add_argument("--no-index", action="store_true",
                   help="do not embed the new statements now (the first ask will)")
    b.set_defaults(fn=cmd_build)

    t = sub.add_parser("attributions", help="who-said-what spans of a file (or folder)")
    t.add_argument("input", metavar="FILE")
    t.add_argument("--json", action="store_true", help="print a JSON list (score.py's format)")
    t.add_argument("--json-lines", action="store_true",
                   help="one JSON object per file: {file, attributions}")
    t.add_argument("--format", choices=READ_FORMATS, help="input format (default: detect)")
    t.set_defaults(fn=cmd_attributions)

    q = sub.add_parser("ask", help="answer a question from the graph, with evidence")
    q.add_argument("question", help="the question, or - to read one per line from stdin")
    q.add_argument("-g", "--graph", default=DEFAULT_GRAPH)
    q.add_argument("-k", type=int, default=3, help="answers to return (default 3)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(fn=cmd_ask)

    e = sub.add_parser("entities", help="list the graph's entities")
    e.add_argument("-g", "--graph", default=DEFAULT_GRAPH)
    e.add_argument("--json", action="store_true")
    e.set_defaults(fn=cmd_entities)

    names = ", ".join(formats())
    x = sub.add_parser("export", help=f"export the graph ({names})")
    x.add_argument("graph")
    x.add_argument("--format", required=True, choices=list(formats()), metavar="FORMAT",
                   help=f"one of: {names}")
    x.add_argument("-o", "--output", required=True)
    x.set_defaults(fn=cmd_export)

    pu = sub.add_parser("push", help="load the graph into a running Neo4j (Bolt, batched MERGEs)",
                        description="Password: from CLAIMGRAPH_NEO4J_PASSWORD, else a prompt.")
    pu.add_argument("target", choices=["neo4j"])
    pu.add_argument("-g", "--graph", default=DEFAULT_GRAPH)
    pu.add_argument("--uri", required=True, help="bolt://HOST:7687 or neo4j://...")
    pu.add_argument("--user", required=True)
    pu.add_argument("--database", default=None, help="target database (default: the server's)")
    pu.add_argument("--batch-size", type=int, default=500, help="rows per transaction")
    pu.set_defaults(fn=cmd_push)

    s = sub.add_parser("sparql", help="run a read-only SPARQL query")
    s.add_argument("graph")
    s.add_argument("query", help="SELECT/ASK/CONSTRUCT/DESCRIBE query, or - for stdin")
    s.add_argument("--json", action="store_true")
    s.add_argument("--timeout", type=float, default=10.0, help="seconds (default 10)")
    s.set_defaults(fn=cmd_sparql)

    v = sub.add_parser("validate", help="check the graph against the SHACL shapes")
    v.add_argument("graph")
    v.set_defaults(fn=cmd_validate)

    ap = sub.add_parser("app", help="start the Streamlit app")
    ap.add_argument("-g", "--graph", default=DEFAULT_GRAPH)
    ap.add_argument("--port", type=int, default=8501)
    ap.add_argument("--address", default="127.0.0.1")
    ap.set_defaults(fn=cmd_app)
    return p


def main(argv: list[str] | None = None) -> int:
    from claimgraph.terminal import TerminalSafe, visible

    args = parser().parse_args(argv)
    stdout, sys.stdout = sys.stdout, TerminalSafe(sys.stdout)  # article text drives no terminal
    try:
        return args.fn(args)
    except ClaimgraphError as e:
        print(f"claimgraph: error: {visible(str(e).replace(chr(10), ' '))}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("claimgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:  # the disk, not the input: a file or folder that cannot be written
        where = e.filename2 or e.filename or ""
        print(f"claimgraph: error: {visible(str(where))}: {e.strerror or e}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout


if __name__ == "__main__":
    sys.exit(main())

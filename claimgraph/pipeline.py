"""Text to graph in one call: read inputs, extract, add to the graph, save atomically."""

from __future__ import annotations

import glob
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from claimgraph import DEFAULT_BASE
from claimgraph.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files, folders (their text files, recursively) and globs, in a stable order."""
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                raise InputError(f"{p}: the folder holds no .txt, .md or .html files")
            out.extend(files)
        elif p.exists():
            out.append(p)
        elif any(c in item for c in "*?["):
            hits = sorted(Path(h) for h in glob.glob(item, recursive=True) if Path(h).is_file())
            if not hits:
                raise InputError(f"{item}: the pattern matches no file")
            out.extend(hits)
        else:
            raise InputError(f"{p}: no such file")
    seen, uniq = set(), []
    for p in out:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            uniq.append(p)
    return uniq


@dataclass
class BuildReport:
    added: int = 0
    skipped: int = 0
    claims: int = 0
    entities: int = 0
    seconds: float = 0.0


def build_graph(inputs: list[str], output: str | Path, base: str = DEFAULT_BASE,
                fmt: str | None = None, progress: TextIO | None = None) -> BuildReport:
    """Add the articles of ``inputs`` to the graph file ``output``.

    Every input is read before anything is written: one bad file fails the
    whole build with a clear error and the old graph is left as it was.
    Articles already in the graph (same text) are skipped.
    """
    from claimgraph.extract.extractor import extract_many
    from claimgraph.extract.readers import read_file
    from claimgraph.graph import add_extraction, has_article, load_graph, save_graph
    from claimgraph.graph.iris import IRIs

    IRIs(base)  # validates the base before any work
    t0 = time.time()
    paths = expand_inputs(inputs)
    articles = [read_file(p, fmt) for p in paths]
    ds = load_graph(output, missing_ok=True)
    report = BuildReport()
    todo, seen = [], set()
    for art in articles:
        if has_article(ds, art.id) or art.id in seen:
            report.skipped += 1
        else:
            seen.add(art.id)
            todo.append(art)
    for i, ex in enumerate(extract_many(todo), 1):
        if add_extraction(ds, ex, base=base):
            report.added += 1
        if progress is not None:
            rate = i / max(time.time() - t0, 1e-9)
            print(f"\r[{i}/{len(todo)}] {ex.article.source} ({rate:.1f} articles/s)",
                  end="", file=progress, flush=True)
    if progress is not None and todo:
        print(file=progress)
    if report.added or not Path(output).exists():
        save_graph(ds, output)
    from claimgraph.graph import views

    report.claims = len(set(ds.subjects(predicate=None, object=_claim_class())))
    report.entities = len(views.entities(ds))
    report.seconds = time.time() - t0
    return report


def _claim_class():
    from claimgraph.ontology import CG

    return CG.Claim

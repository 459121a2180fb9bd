"""`atelier serve` prints the pairing code and announces the séance (on loopback here)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from app.cofac_client import new_device_key, pair
from app.server.discovery import Browser

ROOT = Path(__file__).resolve().parents[2]


def test_serve_prints_the_pairing_code_and_is_found_on_loopback(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    path = tmp_path / "served.sqlite3"
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "new", "--format", "3h", "--title",
         "Atelier servi"],
        capture_output=True, text=True, env=env, check=True, timeout=60,
    )  # fmt: skip
    wid = int(made.stdout.strip().splitlines()[-1])
    browser = Browser(interfaces=["127.0.0.1"])
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(path), "serve", "--workshop", str(wid),
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
        assert lines[4].startswith("Code co-animation : "), lines
        code = lines[4].split(" : ", 1)[1].split()[0]
        assert len(code) == 6 and code.isdigit()
        port = int(lines[4].rsplit(":", 1)[1].strip().rstrip(")"))  # laptops' port (TLS)
        # other séances may be announced on this machine's loopback: ours is the one on its port
        found = [
            f
            for f in browser.wait(lambda fs: any(f.port == port for f in fs), timeout=20)
            if f.port == port
        ]
        assert [(f.title, f.workshop_id) for f in found] == [("Atelier servi", wid)]
        paired = pair(found[0].url, code, "Camille", new_device_key())
        assert paired.workshop_id == wid and paired.role == "observateur"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        browser.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Serveur arrêté" in out and "Traceback" not in err

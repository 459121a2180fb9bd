"""Two (or more) `atelier serve` processes on one PostgreSQL base, for tests and bench/multi.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if home is not None:  # the processes' settings and logs stay in the test's folder
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / "config")
        env["XDG_DATA_HOME"] = str(home / "data")
    return env


def new_workshop(url: str, title: str = "Deux salles", home: Path | None = None) -> int:
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", url, "new", "--format", "3h", "--title", title],
        capture_output=True, text=True, env=_env(home), check=True, timeout=120,
    )  # fmt: skip
    return int(made.stdout.strip().splitlines()[-1])


@dataclass
class Served:
    """One `atelier serve` process: its address, the facilitation token, the codes."""

    proc: subprocess.Popen[str]
    url: str  # http://127.0.0.1:PORT/
    token: str
    join_code: str
    pairing_code: str
    cofac: str  # the laptops' address (TLS): 127.0.0.1:PORT

    @property
    def ws(self) -> str:
        return self.url.replace("http://", "ws://", 1)

    def stop(self) -> tuple[int, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _out, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _out, err = self.proc.communicate(timeout=10)
        return self.proc.returncode, err


def serve(url: str, workshop_id: int, home: Path | None = None) -> Served:
    """Start `atelier serve` on the base at `url`, on a free port of 127.0.0.1."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", url, "serve", "--workshop", str(workshop_id),
         "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(home),
    )  # fmt: skip
    assert proc.stdout is not None
    lines = [proc.stdout.readline() for _ in range(5)]
    if not lines[4].startswith("Code co-animation : "):
        proc.kill()
        raise AssertionError(f"serve did not start: {lines} {proc.communicate(timeout=10)[1]}")
    base = lines[1].split(" : ", 1)[1].strip().removesuffix("web/")
    token = lines[2].split(" : ", 1)[1].strip()
    join_code = lines[3].split(" : ", 1)[1].split()[0]
    pairing = lines[4].split(" : ", 1)[1].split()[0]
    cofac = lines[4].rsplit("adresse ", 1)[1].strip().rstrip(")")
    return Served(proc, base, token, join_code, pairing, cofac)


def wait_for(condition: Callable[[], Any], timeout: float = 10.0, step: float = 0.02) -> Any:
    """Poll `condition` until it is truthy (returned) or the deadline passes (AssertionError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(step)

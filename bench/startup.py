"""Cold start to a shown home window, and the memory of the idle window.

`python -m bench.startup` starts Atelier once to fill a bytecode cache (that launch is
reported apart), then 5 times more, each in a fresh interpreter with
QT_QPA_PLATFORM=offscreen, on a demo database. The clock starts in this process
just before the child is spawned (so interpreter start-up counts) and stops when
the child prints that its window is shown. Goals: ≤ 1.5 s and ≤ 200 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT, Row, announce, finish, log, median, parser, spread, tmp_database

RUNS = 5
TIMEOUT_S = 60.0
GOAL_SECONDS = 1.5
GOAL_MB = 200.0
STAGES = ("python", "imports", "db_open", "built", "loop", "shown")


@dataclass
class Launch:
    seconds: float  # parent's wall clock, spawn -> "shown" marker read
    rss_mb: float
    stamps: dict[str, float] = field(default_factory=dict)  # child stage -> seconds since spawn


def make_demo_database(path: Path) -> int:
    from app.ops.base import Context
    from app.ops.demo import create_demo
    from app.store.db import Database

    db = Database.open(path)
    try:
        change = create_demo(Context(db))
        assert change.workshop_id is not None
        return change.workshop_id
    finally:
        db.close()


def launch(db_path: Path, pycache: Path) -> Launch:
    # Bytecode is cached in the temporary folder (never in the work tree), as an installed
    # app has it: this workplace sets PYTHONDONTWRITEBYTECODE, which would make every
    # launch compile app/ and widgets/ again.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    t0_wall = time.time()
    t0 = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench._startup_child", str(db_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    shown_at: float | None = None
    rss_kb: int | None = None
    stamps: dict[str, float] = {}
    try:
        for line in child.stdout:
            if not line.startswith("@@ "):
                continue
            _, label, value = line.split()
            if label == "shown":
                shown_at = time.perf_counter() - t0
            if label == "rss":
                rss_kb = int(value)
            else:
                stamps[label] = float(value) - t0_wall
        _, err = child.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise RuntimeError("the child did not finish in time") from None
    if child.returncode != 0 or shown_at is None or rss_kb is None:
        raise RuntimeError(f"the child failed (code {child.returncode}):\n{err[-3000:]}")
    return Launch(shown_at, rss_kb / 1024, stamps)


def describe(run: Launch) -> str:
    previous = 0.0
    parts = []
    for stage in STAGES:
        at = run.stamps.get(stage)
        if at is None:
            continue
        parts.append(f"{stage} +{(at - previous) * 1000:.0f}")
        previous = at
    return f"{run.seconds:.3f} s, {run.rss_mb:.0f} Mo  ({' · '.join(parts)} ms)"


def run(runs: int = RUNS) -> list[Row]:
    with tmp_database("atelier-bench-startup-") as db_path:
        log("startup: base de démonstration…")
        make_demo_database(db_path)
        pycache = db_path.parent / "pycache"
        first = launch(db_path, pycache)
        log(f"startup: lancement à vide (compile le bytecode) : {describe(first)}")
        launches: list[Launch] = []
        for i in range(runs):
            launches.append(launch(db_path, pycache))
            log(f"startup: lancement {i + 1}/{runs} : {describe(launches[-1])}")
    seconds = [r.seconds for r in launches]
    memory = [r.rss_mb for r in launches]
    log(f"startup: temps {spread(seconds)} s ; mémoire {spread(memory)} Mo")
    return [
        Row(
            "startup.seconds",
            f"Démarrage jusqu'à la fenêtre affichée (médiane de {runs})",
            median(seconds),
            "s",
            GOAL_SECONDS,
        ),
        Row(
            "startup.no_bytecode_seconds",
            "Démarrage sans bytecode en cache (premier lancement, compile les .py)",
            first.seconds,
            "s",
        ),
        Row(
            "startup.idle_rss_mb",
            "Mémoire de la fenêtre au repos (RSS, médiane)",
            median(memory),
            "Mo",
            GOAL_MB,
        ),
    ]


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--runs", type=int, default=RUNS)
    args = p.parse_args()
    if not args.rows_json:
        announce("startup")
    finish(run(args.runs), args)


if __name__ == "__main__":
    main()

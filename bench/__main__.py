"""`python -m bench` (`make bench`): every benchmark, each in its own interpreter, then one table.

Each benchmark runs as `python -m bench.<name> --rows-json FILE` (a fresh process, so
one benchmark's imports and memory never colour another's), prints its progress as it
goes, and hands its figures back in FILE. The combined table (figure, goal, value,
verdict, ratio to the same run's baseline) is printed at the end with the machine and
its load before and after, and the figures merged into bench/results.json.

The whole run is bounded (`--budget`, 15 minutes by default, for 2 shared cores): by
default each benchmark runs in its short form (fewer repeats, shorter loops, only the
1,000 post-it compte-rendu) that still measures every figure an issue sets a goal for,
at the sizes the goals name (500 phones, 2,000 post-its, 10,000 journal entries…);
`--full` runs each with its own defaults. A benchmark that crashes, or outlives its own
time limit or what is left of the budget, is killed (with the server it started) and
shows as a failed row; the others still run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT, Row, load_average, log, machine, machine_line, save, table

BENCHMARKS = (
    "startup", "journal_open", "ops", "timer", "phones", "votes", "report", "board", "cofac",
    "grouping", "chantiers", "security", "multi", "room",
)  # fmt: skip

# The short form's arguments (sizes the goals name are kept) and each benchmark's time limit.
SHORT_ARGS: dict[str, list[str]] = {
    "startup": ["--runs", "3"],
    "journal_open": ["--repeats", "5"],
    "ops": ["--seconds", "2"],
    "timer": ["--seconds", "6"],
    "phones": [],  # 500 phones: the goal's size
    "votes": [],  # 500 phones × 5 dots over 2 s: the goal's burst
    "report": ["--sizes", "1000"],  # the goal's workshop; 2,000 only with --full
    "board": [],  # 2,000 post-its: the goal's board
    "cofac": ["--actions", "150"],  # 10,000 journal entries to catch up: the goal's size
    "grouping": [],  # 151 labelled and 500 generated post-its: the goal's sizes
    "chantiers": ["--repeats", "5"],  # 2,000 chantiers over 500 workshops: the goal's size
    "security": [],  # 3 s of guessing, a 10 MB header
    "multi": [],  # 2 servers × 100 phones on 2 shared cores; `-m bench.multi --phones 500`: the issue
    "room": ["--sizes", "50", "500"],  # issue 20's room; 1,000 and 2,000 with --full
}
LIMIT_S: dict[str, float] = {
    "startup": 90, "journal_open": 90, "ops": 90, "timer": 60, "phones": 150,
    "votes": 150, "report": 120, "board": 120, "cofac": 120, "grouping": 60, "chantiers": 60,
    "security": 60,
    "multi": 180,
    "room": 240,
}  # fmt: skip
BUDGET_S = 900.0
MARGIN_S = 15.0  # kept for the table and results.json at the end


@dataclass
class Outcome:
    name: str
    rows: list[Row]
    seconds: float
    status: str  # "ok", or why its figures are missing


def run_one(name: str, folder: Path, args: list[str], limit: float) -> Outcome:
    """One benchmark in a fresh interpreter and its own process group (so a server it
    started dies with it when it is stopped)."""
    out = folder / f"{name}.json"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", f"bench.{name}", "--rows-json", str(out), *args],
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        code = proc.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        seconds = time.perf_counter() - start
        return Outcome(name, [], seconds, f"arrêté après {seconds:.0f} s (limite)")
    finally:
        with contextlib.suppress(ProcessLookupError):  # what it left behind (its server)
            os.killpg(proc.pid, signal.SIGKILL)
    seconds = time.perf_counter() - start
    if code != 0 or not out.exists():
        return Outcome(name, [], seconds, f"a échoué (code {code})")
    try:
        rows = [Row.from_json(item) for item in json.loads(out.read_text(encoding="utf-8"))]
    except (ValueError, TypeError) as exc:
        return Outcome(name, [], seconds, f"mesures illisibles ({exc})")
    return Outcome(name, rows, seconds, "ok")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("names", nargs="*", help=f"some of: {', '.join(BENCHMARKS)} (default: all)")
    p.add_argument("--full", action="store_true", help="each benchmark with its own defaults")
    p.add_argument("--budget", type=float, default=BUDGET_S, help="seconds for the whole run")
    p.add_argument("--no-save", action="store_true", help="do not update bench/results.json")
    opts = p.parse_args(argv)
    unknown = sorted(set(opts.names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    names = [n for n in BENCHMARKS if n in opts.names] if opts.names else list(BENCHMARKS)
    info = machine(qt=True)
    load_start = info["load"]
    start = time.perf_counter()
    deadline = start + opts.budget - MARGIN_S
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="atelier-bench-rows-") as tmp:
        for name in names:
            left = deadline - time.perf_counter()
            if left < 5:
                outcomes.append(Outcome(name, [], 0.0, "pas lancé (budget de temps épuisé)"))
                continue
            args = [] if opts.full else SHORT_ARGS[name]
            log(f"== bench.{name} {' '.join(args)} · {machine_line()}")
            outcome = run_one(name, Path(tmp), args, min(LIMIT_S[name], left))
            log(f"== bench.{name} : {outcome.status}, {outcome.seconds:.0f} s")
            outcomes.append(outcome)
    total = time.perf_counter() - start
    load_end = load_average()

    rows: list[Row] = []
    sections: dict[str, str] = {}
    for o in outcomes:
        rows += o.rows or [Row.failure(o.name, o.status)]
        sections[o.name] = f"bench.{o.name} · {o.seconds:.0f} s"
    print()
    print(f"Machine : {machine_line(info)}")
    print(f"Charge moyenne (1 min) : {load_start} au début, {load_end} à la fin")
    print(table(rows, sections))
    counts = {v: sum(1 for r in rows if r.verdict == v) for v in ("ok", "à améliorer", "échec")}
    print(
        f"Objectifs : {counts['ok']} atteints, {counts['à améliorer']} à améliorer ; "
        f"bancs en échec : {counts['échec']} · durée totale {total:.0f} s "
        f"(budget {opts.budget:.0f} s, forme {'complète' if opts.full else 'courte'})"
    )
    if not opts.no_save:
        run = {
            "benchmarks": {
                o.name: {"status": o.status, "seconds": round(o.seconds, 1)} for o in outcomes
            },
            "form": "full" if opts.full else "short",
            "seconds": round(total, 1),
            "load_start": load_start,
            "load_end": load_end,
        }
        save(rows, info=info, run=run)
        print("(résultats ajoutés à bench/results.json)")
    return 0 if all(o.status == "ok" for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

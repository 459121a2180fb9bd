"""`python -m bench`: every benchmark, each in its own interpreter, then one table.

Each benchmark runs as `python -m bench.<name> --rows-json FILE` (a fresh process, so
one benchmark's imports and memory never colour another's), prints its progress as it
goes, and hands its figures back in FILE. The combined table is printed at the end and
the figures merged into bench/results.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Row, log, machine_line, report

BENCHMARKS = (
    "startup", "journal_open", "ops", "timer", "phones", "votes", "report", "board", "cofac",
)  # fmt: skip


def run_one(name: str, folder: Path) -> list[Row]:
    out = folder / f"{name}.json"
    code = subprocess.call(
        [sys.executable, "-m", f"bench.{name}", "--rows-json", str(out)], cwd=ROOT
    )
    if code != 0 or not out.exists():
        log(f"bench.{name} a échoué (code {code}) : ses mesures manquent.")
        return []
    return [Row.from_json(item) for item in json.loads(out.read_text(encoding="utf-8"))]


def main(names: list[str]) -> int:
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    start = time.perf_counter()
    rows: list[Row] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="atelier-bench-rows-") as tmp:
        for name in names or BENCHMARKS:
            log(f"== bench.{name} · {machine_line()}")
            got = run_one(name, Path(tmp))
            failed = failed or not got
            rows += got
    report(rows)
    print(f"Durée totale : {time.perf_counter() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What every benchmark shares: a throw-away database, the machine, the results table.

Benchmarks measure and print; they never assert. A figure is compared with its goal
and marked "ok" or "à améliorer", then stored in `bench/results.json` (merged with
what is already there, one entry per figure name) so runs can be compared later.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results.json"

OK = "ok"
TO_IMPROVE = "à améliorer"
INFO = "info"
FAILED = "échec"


@dataclass(frozen=True)
class Row:
    """One measured figure and its goal.

    `goal` is None for a diagnostic figure (printed, stored, never judged). With
    `higher_is_better` the goal is a floor (ops/s), otherwise a ceiling (seconds, MB).
    `baseline` names the same run's reference figure (another row, same unit): the table
    prints this figure's ratio to it. `error` marks a benchmark that gave no figures (it
    crashed or ran out of time): the row stands for the missing ones.
    """

    name: str
    figure: str
    value: float
    unit: str
    goal: float | None = None
    higher_is_better: bool = False
    baseline: str = ""
    error: str = ""

    @property
    def verdict(self) -> str:
        if self.error:
            return FAILED
        if self.goal is None:
            return INFO
        met = self.value >= self.goal if self.higher_is_better else self.value <= self.goal
        return OK if met else TO_IMPROVE

    @property
    def goal_text(self) -> str:
        if self.goal is None:
            return "—"
        sign = "≥" if self.higher_is_better else "≤"
        goal = f"{self.goal:,g}".replace(",", "\u202f")
        return f"{sign} {goal} {self.unit}".rstrip()

    @property
    def value_text(self) -> str:
        if self.error:
            return self.error
        return f"{_number(self.value)} {self.unit}".rstrip()

    @classmethod
    def failure(cls, bench: str, error: str) -> Row:
        """The row standing for a benchmark that gave no figures."""
        return cls(f"{bench}.failed", f"bench.{bench} : aucune mesure", math.nan, "", error=error)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        return cls(**data)


def _number(value: float) -> str:
    """Readable at a glance: 3 significant digits, thousands separated by a thin space."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 100:
        text = f"{value:,.0f}"
    elif magnitude >= 10:
        text = f"{value:,.1f}"
    elif magnitude >= 1:
        text = f"{value:,.2f}"
    else:
        text = f"{value:.3g}"
    return text.replace(",", "\u202f")


# -- machine -----------------------------------------------------------------------------
def filesystem_of(path: str | os.PathLike[str]) -> str:
    """The file system type holding `path` (from /proc/mounts; "unknown" elsewhere)."""
    target = os.path.realpath(path)
    best, fs_type = "", "unknown"
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount_point = parts[1].replace("\\040", " ")
                inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
                if inside and len(mount_point) >= len(best):
                    best, fs_type = mount_point, parts[2]
    except OSError:
        pass
    return fs_type


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> float | None:
    """The 1-minute load average: above the CPU count, figures are noisy (a shared machine)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def qt_versions() -> str:
    """PySide6 and Qt versions (Qt as loaded at run time), or why they could not be read."""
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:  # pragma: no cover - PySide6 is a dependency
        return f"PySide6 absent ({exc})"
    return f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"


def machine(*, qt: bool = False) -> dict[str, Any]:
    tmp = tempfile.gettempdir()
    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "tmp": tmp,
        "tmp_fs": filesystem_of(tmp),
        "load": load_average(),
    }
    if qt:
        info["qt"] = qt_versions()
    return info


def machine_line(info: dict[str, Any] | None = None) -> str:
    m = info or machine()
    qt = f" · {m['qt']}" if m.get("qt") else ""
    return (
        f"{m['cpus']} CPU ({m['cpu']}) · Python {m['python']}{qt} · {m['platform']} · "
        f"{m['tmp']} sur {m['tmp_fs']} · charge {m['load']}"
    )


# -- throw-away databases ----------------------------------------------------------------
@contextmanager
def tmp_workdir(prefix: str = "atelier-bench-") -> Iterator[Path]:
    """A temporary folder; settings are isolated in it so the user's own are never read."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = Path(tmp)
        previous = os.environ.get("ATELIER_CONFIG")
        os.environ["ATELIER_CONFIG"] = str(folder / "config" / "settings.json")
        try:
            yield folder
        finally:
            if previous is None:
                os.environ.pop("ATELIER_CONFIG", None)
            else:
                os.environ["ATELIER_CONFIG"] = previous


@contextmanager
def tmp_database(prefix: str = "atelier-bench-") -> Iterator[Path]:
    """The path of a not-yet-created SQLite database inside a temporary folder."""
    with tmp_workdir(prefix) as folder:
        yield folder / "atelier.sqlite3"


# -- statistics --------------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def spread(values: Sequence[float]) -> str:
    """min / median / max, for the lines printed while a benchmark runs."""
    return f"min {_number(min(values))} · médiane {_number(median(values))} · max {_number(max(values))}"


# -- reporting ---------------------------------------------------------------------------
def ratios(rows: Sequence[Row]) -> dict[str, float]:
    """Each figure's ratio to its same-run baseline (rows whose baseline is present)."""
    values = {r.name: r.value for r in rows if not r.error}
    found: dict[str, float] = {}
    for r in rows:
        reference = values.get(r.baseline) if r.baseline else None
        if reference and not r.error and math.isfinite(reference):
            found[r.name] = r.value / reference
    return found


def table(rows: Sequence[Row], sections: dict[str, str] | None = None) -> str:
    """One aligned line per figure: figure, goal, value, verdict, ratio to the baseline.

    `sections` maps a benchmark's name (the rows' prefix) to a heading printed above its
    first row (e.g. how long it ran)."""
    header = ("Mesure", "Objectif", "Mesuré", "Verdict", "Rapport à la référence")
    ratio = ratios(rows)

    references = {r.baseline for r in rows if r.name in ratio}

    def ratio_text(r: Row) -> str:
        if r.name in references:
            return "(la référence)"
        return f"{_number(ratio[r.name])}×" if r.name in ratio else ""

    lines = [(r.figure, r.goal_text, r.value_text, r.verdict, ratio_text(r)) for r in rows]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]

    def fmt(cells: Sequence[str]) -> str:
        first, goal, value, verdict, last = cells
        parts = [first.ljust(widths[0]), goal.rjust(widths[1]), value.rjust(widths[2])]
        parts += [verdict.ljust(widths[3]), last]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [fmt(header), rule]
    shown: set[str] = set()
    for r, line in zip(rows, lines, strict=True):
        bench = r.name.split(".", 1)[0]
        if sections and bench in sections and bench not in shown:
            shown.add(bench)
            out.append(f"[{sections[bench]}]")
        out.append(fmt(line))
    return "\n".join(out)


def save(
    rows: Sequence[Row],
    path: Path = RESULTS,
    *,
    info: dict[str, Any] | None = None,
    run: dict[str, Any] | None = None,
) -> None:
    """Merge the figures into results.json: {name: {figure, value, unit, goal, verdict,
    ratio, baseline, machine, date}}; `run` (what `python -m bench` ran, how long, the load
    before and after) goes under the key "_run"."""
    try:
        existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(existing, dict):
            existing = {}
    except (OSError, ValueError):
        existing = {}
    info = info or machine()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    ratio = ratios(rows)
    for r in rows:
        existing[r.name] = {
            "figure": r.figure,
            "value": round(r.value, 6) if math.isfinite(r.value) else None,
            "unit": r.unit,
            "goal": r.goal_text if r.goal is not None else None,
            "verdict": r.verdict,
            "ratio": round(ratio[r.name], 6) if r.name in ratio else None,
            "baseline": r.baseline or None,
            "error": r.error or None,
            "machine": info,
            "date": now,
        }
    measured = {r.name.split(".", 1)[0] for r in rows if not r.error}
    for name in list(existing):  # a benchmark that ran replaces all its earlier figures
        if name.split(".", 1)[0] in measured and name not in {r.name for r in rows}:
            del existing[name]
    if run is not None:
        existing["_run"] = {**run, "machine": info, "date": now}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(existing, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def report(rows: Sequence[Row], *, store: bool = True) -> None:
    """Print the aligned table and, unless told not to, store the figures."""
    print()
    print(f"Machine : {machine_line()}")
    print(table(rows))
    if store:
        save(rows)
        print(f"(résultats ajoutés à {RESULTS.relative_to(ROOT)})")


# -- command line shared by every benchmark module ----------------------------------------
def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--rows-json",
        type=Path,
        help="write the figures to this file instead of printing the table (used by `-m bench`)",
    )
    p.add_argument("--no-save", action="store_true", help="do not update bench/results.json")
    return p


def finish(rows: Sequence[Row], args: argparse.Namespace) -> None:
    if args.rows_json:
        args.rows_json.write_text(json.dumps([r.to_json() for r in rows]), encoding="utf-8")
    else:
        report(rows, store=not args.no_save)
    sys.stdout.flush()


def announce(name: str) -> None:
    """First line of a run: which benchmark, on which machine, how busy it is before we start."""
    log(f"== bench.{name} · {machine_line()}")


def log(message: str) -> None:
    """Progress lines, so a person watching knows what runs."""
    print(message, flush=True)

"""Acknowledged operations per second, and the raw SQLite baseline of the same disk.

`python -m bench.ops` changes a phase's duration (alternating values, one undoable
`agenda.set_phase_minutes` each time) through `app.ops` on SQLite in WAL mode with
synchronous=FULL, as the app runs: each call returns only once its transaction
(phase, workshop, journal entry) is durable. In the same run it measures what the
disk allows: the `sqlite3` module alone, WAL + synchronous=FULL, one journal-like row
inserted and committed at a time. Goal: 2,000 ops/s.

Diagnostic figures split the cost: where one operation's time goes (COMMIT, other
SQLite calls, Python), the same two loops with synchronous=OFF (no fsync), and
app.ops on a workshop whose journal already holds 20,000 entries.

The loops run interleaved, in slices of a quarter of a second, so that every figure
sees the same machine (this matters on a shared, noisy one). `--profile` runs the
app.ops loop alone under cProfile and prints where the time goes.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import Row, announce, finish, log, median, parser, tmp_database

SECONDS = 4.0  # measured time of each loop
SLICE_SECONDS = 0.25
WARMUP_OPS = 20
LONG_JOURNAL = 20_000  # entries already in the workshop's journal, last diagnostic
GOAL_OPS = 2_000.0


@dataclass
class Runner:
    """One loop being measured: its step and what it has done so far."""

    label: str
    step: Callable[[int], object]
    clock: _DriverClock | None = None
    count: int = 0
    seconds: float = 0.0
    slice_rates: list[float] = field(default_factory=list)

    def run_for(self, seconds: float) -> None:
        start = time.perf_counter()
        done = 0
        while True:
            self.step(self.count + done)
            done += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        self.count += done
        self.seconds += elapsed
        self.slice_rates.append(done / elapsed)

    @property
    def rate(self) -> float:
        return self.count / self.seconds

    def ms_per_op(self, seconds: float | None = None) -> float:
        return 1000 * (self.seconds if seconds is None else seconds) / self.count

    def describe(self) -> str:
        rates = self.slice_rates
        return (
            f"{self.label} : {self.count} en {self.seconds:.1f} s = {self.rate:.0f}/s "
            f"(tranches de {SLICE_SECONDS:g} s : min {min(rates):.0f}, "
            f"médiane {statistics.median(rates):.0f}, max {max(rates):.0f})"
        )


def interleave(runners: list[Runner], seconds: float) -> None:
    """Run each loop for `seconds` in all, taking turns slice by slice."""
    for _ in range(max(1, round(seconds / SLICE_SECONDS))):
        for runner in runners:
            runner.run_for(SLICE_SECONDS)


# -- through app.ops -----------------------------------------------------------------------
class _DriverClock:
    """Bench-only: times the calls SQLAlchemy makes into sqlite3 through one engine's dialect."""

    def __init__(self, dialect: Any) -> None:
        self.sql = 0.0  # statements (BEGIN, SELECT, UPDATE, INSERT)
        self.commit = 0.0  # COMMIT: where the fsync happens
        for name in ("do_execute", "do_execute_no_params", "do_executemany"):
            setattr(dialect, name, self._timed(getattr(dialect, name), "sql"))
        dialect.do_commit = self._timed(dialect.do_commit, "commit")

    def _timed(self, fn: Callable[..., Any], bucket: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                setattr(self, bucket, getattr(self, bucket) + time.perf_counter() - t0)

        return call

    def reset(self) -> None:
        self.sql = self.commit = 0.0


def _no_fsync(db: Any) -> None:
    """Bench-only: reconnect with synchronous=OFF (runs after the app's own PRAGMAs)."""
    from sqlalchemy import event

    def pragma(dbapi_con: Any, _record: Any) -> None:
        dbapi_con.execute("PRAGMA synchronous=OFF")

    event.listen(db.engine, "connect", pragma)
    db.engine.dispose()


def _prefill_journal(db_path: Path, workshop_id: int, entries: int) -> None:
    """Bench-only shortcut: give the workshop a long past (done, undoable entries) at once."""
    forward = json.dumps([["phase.update", {"id": 1, "changes": {"planned_minutes": 30}}]])
    inverse = json.dumps([["phase.update", {"id": 1, "changes": {"planned_minutes": 31}}]])
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO journal (workshop_id, at, actor, op, label, forward, inverse, "
            "undo_state) VALUES (?, ?, 'animatrice', 'agenda.update', 'Durée', ?, ?, 'done')",
            ((workshop_id, time.time(), forward, inverse) for _ in range(entries)),
        )
        con.execute("COMMIT")
    finally:
        con.close()


@contextmanager
def app_runner(label: str, *, fsync: bool = True, prefill: int = 0) -> Iterator[Runner]:
    from app.library import load_library
    from app.ops import agenda, queries, workshops
    from app.ops.base import Context
    from app.store.db import Database

    with tmp_database("atelier-bench-ops-") as db_path:
        db = Database.open(db_path)
        try:
            if not fsync:
                _no_fsync(db)
            with db.engine.connect() as conn:
                mode = conn.exec_driver_sql("PRAGMA synchronous").scalar()
            assert mode == (2 if fsync else 0), mode  # 2 = FULL
            ctx = Context(db, library=load_library())
            workshop_id = workshops.create_workshop(
                ctx, format_key="3h", title="Banc d'essai", place="Bordeaux"
            ).workshop_id
            assert workshop_id is not None
            phase_id = queries.workshop_detail(ctx, workshop_id).blocks[0].phases[0].id
            if prefill:
                _prefill_journal(db_path, workshop_id, prefill)

            def step(i: int) -> None:
                agenda.set_phase_minutes(ctx, phase_id, 30 + i % 2)

            for i in range(WARMUP_OPS):
                step(i)
            yield Runner(label, step, _DriverClock(db.engine.dialect))
        finally:
            db.close()


# -- the baseline: sqlite3 alone -----------------------------------------------------------
BASELINE_SCHEMA = """
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER,
    at REAL NOT NULL,
    actor VARCHAR(120) NOT NULL,
    op VARCHAR(60) NOT NULL,
    label VARCHAR(200) NOT NULL,
    forward JSON NOT NULL,
    inverse JSON,
    undo_state VARCHAR(10) NOT NULL
);
CREATE INDEX ix_journal_workshop_seq ON journal (workshop_id, seq);
"""


@contextmanager
def raw_runner(label: str, *, fsync: bool = True) -> Iterator[Runner]:
    with tmp_database("atelier-bench-raw-") as db_path:
        con = sqlite3.connect(db_path, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute(f"PRAGMA synchronous={'FULL' if fsync else 'OFF'}")
            con.executescript(BASELINE_SCHEMA)

            def step(i: int) -> None:
                minutes = 30 + i % 2
                forward = [["phase.update", {"id": 1, "changes": {"planned_minutes": minutes}}]]
                inverse = [
                    ["phase.update", {"id": 1, "changes": {"planned_minutes": 61 - minutes}}]
                ]
                con.execute("BEGIN")
                con.execute(
                    "INSERT INTO journal (workshop_id, at, actor, op, label, forward, inverse, "
                    "undo_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        1,
                        time.time(),
                        "animatrice",
                        "agenda.update",
                        "Durée de « Inclusion »",
                        json.dumps(forward),
                        json.dumps(inverse),
                        "done",
                    ),
                )
                con.execute("COMMIT")

            for i in range(WARMUP_OPS):
                step(i)
            yield Runner(label, step)
        finally:
            con.close()


# -- profile -------------------------------------------------------------------------------
def profile(seconds: float) -> None:
    """cProfile the app.ops loop alone (figures are slower under the profiler)."""
    with app_runner("app.ops sous cProfile") as runner:
        profiler = cProfile.Profile()
        profiler.runcall(runner.run_for, seconds)
        log(runner.describe())
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    print(out.getvalue())


# -- the figures -----------------------------------------------------------------------------
WRITERS = 16  # writers at once, as many phones or laptops would be


def concurrent_rate(seconds: float, writers: int = WRITERS) -> tuple[float, int, int, float]:
    """Acknowledged ops/s with `writers` threads writing at once (group commit), and a check:
    (rate, acknowledged, journal entries written, mean ops per transaction)."""
    import threading

    from sqlalchemy import event, func, select

    from app.library import load_library
    from app.ops import agenda, queries, workshops
    from app.ops.base import Context
    from app.store.db import Database
    from app.store.models import JournalEntry

    with tmp_database("atelier-bench-group-") as db_path:
        db = Database.open(db_path)
        try:
            ctx = Context(db, library=load_library())
            workshop_id = workshops.create_workshop(
                ctx, format_key="3j", title="Banc d'essai", place="Bordeaux"
            ).workshop_id
            assert workshop_id is not None
            phases = [p.id for b in queries.workshop_detail(ctx, workshop_id).blocks
                      for p in b.phases]  # fmt: skip
            before = db.read(
                lambda s: s.scalar(select(func.count()).select_from(JournalEntry)) or 0
            )
            commits = [0]

            @event.listens_for(db.engine, "commit")
            def _count(_conn: Any) -> None:
                commits[0] += 1

            stop = threading.Event()
            acked = [0] * writers

            def writer(n: int) -> None:
                phase = phases[n % len(phases)]
                i = 0
                while not stop.is_set():
                    agenda.set_phase_minutes(ctx, phase, 30 + i % 2)
                    acked[n] += 1
                    i += 1

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
            commits[0] = 0
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            stop.wait(seconds)
            stop.set()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - t0
            total = sum(acked)
            written = (
                db.read(lambda s: s.scalar(select(func.count()).select_from(JournalEntry)) or 0)
                - before
            )
            return total / elapsed, total, written, total / max(1, commits[0])
        finally:
            db.close()


def run(seconds: float = SECONDS, diagnostics: bool = True) -> list[Row]:
    log(f"ops: {WRITERS} écrivains en même temps, 3 fois {seconds:g} s (écriture groupée)…")
    rounds = [concurrent_rate(seconds) for _ in range(3)]
    for rate, acked, written, per_commit in rounds:
        log(
            f"ops:   {rate:,.0f} ops/s : {acked} opérations acquittées, {written} entrées au "
            f"journal ({'aucune perte, aucun doublon' if acked == written else 'ÉCART'}), "
            f"{per_commit:.1f} opérations par transaction"
        )
    group_rate = median([r[0] for r in rounds])
    acked = sum(r[1] for r in rounds)
    written = sum(r[2] for r in rounds)
    per_commit = median([r[3] for r in rounds])
    with ExitStack() as stack:
        full = stack.enter_context(app_runner("app.ops, synchronous=FULL"))
        raw = stack.enter_context(raw_runner("sqlite3 seul, synchronous=FULL"))
        runners = [full, raw]
        if diagnostics:
            app_off = stack.enter_context(app_runner("app.ops, synchronous=OFF", fsync=False))
            raw_off = stack.enter_context(raw_runner("sqlite3 seul, synchronous=OFF", fsync=False))
            long = stack.enter_context(
                app_runner(f"app.ops, {LONG_JOURNAL} entrées déjà au journal", prefill=LONG_JOURNAL)
            )
            runners += [app_off, raw_off, long]
        for runner in runners:
            if runner.clock:
                runner.clock.reset()
        log(f"ops: {len(runners)} boucles de {seconds:g} s chacune, entrelacées…")
        interleave(runners, seconds)
        for runner in runners:
            log(f"ops:   {runner.describe()}")

    rows = [
        Row(
            "ops.per_second",
            "Opérations acquittées par seconde, une à la fois (app.ops, WAL, synchronous=FULL)",
            full.rate,
            "ops/s",
            baseline="ops.baseline_per_second",
        ),
        Row(
            "ops.baseline_per_second",
            "Référence : sqlite3 seul, 1 insertion + commit, WAL, synchronous=FULL",
            raw.rate,
            "ops/s",
        ),
        Row(
            "ops.group_per_second",
            f"Opérations acquittées par seconde, {WRITERS} écrivains à la fois "
            "(écriture groupée, médiane de 3)",
            group_rate,
            "ops/s",
            GOAL_OPS,
            higher_is_better=True,
            baseline="ops.baseline_per_second",
        ),
        Row(
            "ops.group_lost_or_duplicated",
            "Écart entre opérations acquittées et entrées écrites au journal",
            abs(acked - written),
            "",
            0,
        ),
        Row("ops.group_ops_per_commit", "Opérations par transaction (moyenne)", per_commit, ""),
    ]
    if not diagnostics:
        return rows
    assert full.clock is not None
    op_ms = full.ms_per_op()
    commit_ms = full.ms_per_op(full.clock.commit)
    sql_ms = full.ms_per_op(full.clock.sql)
    python_ms = op_ms - commit_ms - sql_ms
    fsync_ms = max(0.0, raw.ms_per_op() - raw_off.ms_per_op())
    log(
        f"ops: une opération = {op_ms:.2f} ms : COMMIT (fsync) {commit_ms:.2f} ms, "
        f"autres appels SQLite {sql_ms:.2f} ms, Python (app + SQLAlchemy) {python_ms:.2f} ms ; "
        f"fsync d'un commit sur ce disque ≈ {fsync_ms:.2f} ms"
    )
    long_entries = f"{LONG_JOURNAL:,}".replace(",", "\u202f")
    return [
        *rows,
        Row("ops.op_ms", "Diagnostic : durée d'une opération app.ops", op_ms, "ms"),
        Row("ops.commit_ms", "Diagnostic : dont COMMIT (fsync)", commit_ms, "ms"),
        Row("ops.sql_ms", "Diagnostic : dont autres appels à SQLite", sql_ms, "ms"),
        Row("ops.python_ms", "Diagnostic : dont Python (app + SQLAlchemy)", python_ms, "ms"),
        Row(
            "ops.no_fsync_per_second",
            "Diagnostic : app.ops avec synchronous=OFF (plafond sans le disque)",
            app_off.rate,
            "ops/s",
        ),
        Row(
            "ops.baseline_no_fsync_per_second",
            "Diagnostic : sqlite3 seul avec synchronous=OFF",
            raw_off.rate,
            "ops/s",
        ),
        Row("ops.fsync_ms", "Diagnostic : coût du fsync par commit (sqlite3 seul)", fsync_ms, "ms"),
        Row(
            "ops.long_journal_per_second",
            f"Diagnostic : app.ops quand l'atelier a déjà {long_entries} entrées de journal",
            long.rate,
            "ops/s",
        ),
    ]


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--seconds", type=float, default=SECONDS, help="measured time of each loop")
    p.add_argument("--no-diagnostics", action="store_true", help="only the goal and baseline")
    p.add_argument("--profile", action="store_true", help="cProfile the app.ops loop, then stop")
    args = p.parse_args()
    if not args.rows_json:
        announce("ops")
    if args.profile:
        profile(args.seconds)
        return
    finish(run(args.seconds, not args.no_diagnostics), args)


if __name__ == "__main__":
    main()

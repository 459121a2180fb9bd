"""Opening a workshop whose journal holds 2,000 entries.

`python -m bench.journal_open` builds, through `app.ops` only, a workshop with 2,000
journal entries (duration changes, with an undo now and then, as a facilitator
tuning an agenda would), then measures, each time on a freshly opened `Database`:

* what opening a workshop reads: `queries.workshop_detail` (what `MainWindow.open_workshop`
  asks the controller for) plus the whole history with `queries.journal_entries`;
* the same open in the window: `MainWindow.open_workshop` with the editor filled
  (cadrage, agenda, programme) and rendered once, offscreen.

Median of 10 each. Goal: ≤ 200 ms.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import Row, announce, finish, log, median, parser, spread, tmp_database

ENTRIES = 2_000
REPEATS = 10
GOAL_MS = 200.0
UNDO_EVERY = 40  # one undo in forty actions; the next action turns it "dead"
HISTORY_LIMIT = 100_000  # the whole journal of the workshop, not the default page


def build_workshop(db_path: Path, entries: int = ENTRIES) -> int:
    """A workshop with exactly `entries` journal entries, made by the real operations."""
    from app.library import load_library
    from app.ops import agenda, queries, workshops
    from app.ops.base import Context, undo
    from app.store.db import Database

    db = Database.open(db_path)
    try:
        ctx = Context(db, library=load_library())
        workshop_id = workshops.create_workshop(
            ctx, format_key="3j", title="Atelier au long journal", place="Bordeaux"
        ).workshop_id
        assert workshop_id is not None
        detail = queries.workshop_detail(ctx, workshop_id)
        phases = [p.id for b in detail.blocks for p in b.phases]
        made = 1  # the creation is the first entry
        t0 = time.perf_counter()
        while made < entries:
            if made % UNDO_EVERY == 0:
                undo(ctx, workshop_id)
            else:
                phase_id = phases[made % len(phases)]
                agenda.set_phase_minutes(ctx, phase_id, 10 + made % 50)
            made += 1
        elapsed = time.perf_counter() - t0
        total = len(queries.journal_entries(ctx, workshop_id, limit=HISTORY_LIMIT))
        assert total == entries, total
        log(f"journal_open: {entries} entrées créées en {elapsed:.1f} s")
        return workshop_id
    finally:
        db.close()


def time_data_open(
    db_path: Path, workshop_id: int, repeats: int
) -> tuple[list[float], list[float], list[float]]:
    """Seconds of (workshop_detail, journal_entries, Database.open) for each repeat."""
    from app.library import load_library
    from app.ops import queries
    from app.ops.base import Context
    from app.store.db import Database

    library = load_library()  # loaded once by the window, not on each open
    opens: list[float] = []
    details: list[float] = []
    histories: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        db = Database.open(db_path)
        t1 = time.perf_counter()
        try:
            ctx = Context(db, library=library)
            detail = queries.workshop_detail(ctx, workshop_id)
            t2 = time.perf_counter()
            history = queries.journal_entries(ctx, workshop_id, limit=HISTORY_LIMIT)
            t3 = time.perf_counter()
        finally:
            db.close()
        assert detail.can_undo and len(history) == ENTRIES
        opens.append(t1 - t0)
        details.append(t2 - t1)
        histories.append(t3 - t2)
    return details, histories, opens


def time_window_open(db_path: Path, workshop_id: int, repeats: int) -> list[float]:
    """Seconds for MainWindow.open_workshop, editor filled and rendered, fresh database each time."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app.store.db import Database
    from widgets.application import build_window, make_app

    def quiet(kind: QtMsgType, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform's notice
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = make_app()
    timings: list[float] = []
    for _ in range(repeats):
        db = Database.open(db_path)
        window: Any = build_window(db)
        try:
            window.show()
            QApplication.processEvents()
            t0 = time.perf_counter()
            window.open_workshop(workshop_id)
            QApplication.processEvents()
            window.grab()  # offscreen nothing paints by itself: render the editor once
            timings.append(time.perf_counter() - t0)
            assert window.editor.workshop_id == workshop_id
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
            db.close()
    del app
    return timings


def run(repeats: int = REPEATS) -> list[Row]:
    with tmp_database("atelier-bench-journal-") as db_path:
        log(f"journal_open: création d'un atelier à {ENTRIES} entrées de journal…")
        workshop_id = build_workshop(db_path)
        details, histories, opens = time_data_open(db_path, workshop_id, repeats)
        reads = [d + h for d, h in zip(details, histories, strict=True)]
        log(f"journal_open: détail + journal : {spread([r * 1000 for r in reads])} ms")
        log(f"journal_open:   dont détail : {spread([d * 1000 for d in details])} ms")
        log(f"journal_open:   dont journal : {spread([h * 1000 for h in histories])} ms")
        log(f"journal_open: Database.open : {spread([o * 1000 for o in opens])} ms")
        window = time_window_open(db_path, workshop_id, repeats)
        log(f"journal_open: ouverture dans la fenêtre : {spread([w * 1000 for w in window])} ms")
    return [
        Row(
            "journal_open.read_ms",
            f"Ouverture d'un atelier à {ENTRIES} entrées : détail + journal (médiane de {repeats})",
            median(reads) * 1000,
            "ms",
            GOAL_MS,
        ),
        Row(
            "journal_open.window_ms",
            f"Ouverture du même atelier dans la fenêtre, éditeur affiché (médiane de {repeats})",
            median(window) * 1000,
            "ms",
            GOAL_MS,
        ),
        Row(
            "journal_open.database_open_ms",
            "Database.open de ce fichier (vérification + migrations), pour information",
            median(opens) * 1000,
            "ms",
        ),
    ]


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--repeats", type=int, default=REPEATS)
    args = p.parse_args()
    if not args.rows_json:
        announce("journal_open")
    finish(run(args.repeats), args)


if __name__ == "__main__":
    main()

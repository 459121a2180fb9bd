"""The live timer: projector redraw cost, second-boundary latency, drift over 3 hours.

`python -m bench.timer`:

* opens the real window offscreen on a séance whose countdown runs, with the projector view at
  1920×1080, and lets the event loop run for `--seconds` (default 10) of real time. It reports
  the process CPU time per wall second while only the countdown moves (goal ≤ 2 % of one core)
  and, for every displayed second, how late the view changed after the true boundary computed
  from the deadline (goal ≤ 50 ms; max and 95th percentile);
* simulates a 3-hour phase on a clock moved by hand, recomputing at every displayed second
  as the views do, and reports the difference between what is shown at the end and the exact
  arithmetic (goal 0 ms: the countdown is computed, never accumulated).
"""

from __future__ import annotations

import math
import os
import time
from typing import Any

from bench.common import Row, announce, finish, log, parser, tmp_database

SECONDS = 10.0
CPU_GOAL_PERCENT = 2.0
LATENCY_GOAL_MS = 50.0


def live_run(seconds: float) -> tuple[float, list[float], int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from app.domain.timer import display
    from app.ops import live
    from app.ops.workshops import create_workshop
    from app.store.db import Database
    from widgets.application import build_window, make_app
    from widgets.theme import apply_theme

    app = make_app()
    apply_theme(app)
    with tmp_database("atelier-bench-timer-") as path:
        os.environ["ATELIER_CONFIG"] = str(path.parent / "settings.json")
        db = Database.open(path)
        window = build_window(db)
        ctx = window.controller.ctx
        wid = create_workshop(ctx, format_key="3h", title="Banc d'essai").workshop_id
        assert wid is not None
        window.show()
        window.start_session(wid)
        projector = window.runner.projector
        projector.resize(1920, 1080)
        live.start(ctx, wid)
        late_ms: list[float] = []
        paints = 0

        shown_text = [""]

        def on_change(shown: Any) -> None:
            session = window.runner.live.session
            if session is None or shown.text == shown_text[0]:
                return
            shown_text[0] = shown.text
            remaining = display(session.timer, ctx.clock()).seconds
            # how long ago the displayed second changed: the part of the second already used up
            late_ms.append((math.ceil(remaining) - remaining) * 1000)

        original = projector.ring.paintEvent

        def counting_paint(event: Any) -> None:
            nonlocal paints
            paints += 1
            original(event)

        projector.ring.paintEvent = counting_paint  # type: ignore[method-assign]
        window.runner.live.changed.connect(on_change)
        app.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        loop.exec()
        cpu = time.process_time() - cpu0
        wall = time.perf_counter() - wall0
        window.close()
        db.close()
    return cpu / wall * 100, late_ms[1:], paints


def simulated_drift_ms() -> float:
    from app.domain.clock import FakeClock
    from app.domain.timer import Timer, TimerState, display

    clock = FakeClock(1_795_000_000.123)
    planned = 3 * 3600.0
    timer = Timer(1, 1, 1, TimerState.RUNNING, planned, planned, clock() + planned, clock())
    start = clock()
    while clock() - start < planned:
        clock.advance(display(timer, clock()).next_change)
    exact = planned - (clock() - start)
    return abs(display(timer, clock()).seconds - exact) * 1000


def run(seconds: float) -> list[Row]:
    log(f"Projecteur et console en direct pendant {seconds:.0f} s…")
    cpu_percent, late, paints = live_run(seconds)
    late.sort()
    p95 = late[int(0.95 * (len(late) - 1))] if late else float("nan")
    log(f"{len(late)} changements de seconde, {paints} dessins de l'anneau")
    log("Phase de 3 heures simulée, recalculée à chaque seconde affichée…")
    drift = simulated_drift_ms()
    return [
        Row(
            "timer.cpu_percent",
            "CPU du processus, compte à rebours affiché (1920×1080), % d'un cœur",
            cpu_percent,
            "%",
            CPU_GOAL_PERCENT,
        ),
        Row(
            "timer.boundary_late_max_ms",
            "Retard du changement de seconde affiché sur la vraie seconde (max)",
            max(late) if late else float("nan"),
            "ms",
            LATENCY_GOAL_MS,
        ),
        Row(
            "timer.boundary_late_p95_ms",
            "Retard du changement de seconde affiché (95e centile)",
            p95,
            "ms",
            LATENCY_GOAL_MS,
        ),
        Row(
            "timer.drift_3h_ms",
            "Dérive après 3 h simulées, recalcul à chaque seconde",
            drift,
            "ms",
            0.0,
        ),
    ]


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--seconds", type=float, default=SECONDS)
    args = p.parse_args()
    if not args.rows_json:
        announce("timer")
    finish(run(args.seconds), args)


if __name__ == "__main__":
    main()

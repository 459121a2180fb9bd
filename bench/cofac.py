"""A co-facilitator laptop on loopback: how soon its actions reach the host, how fast it catches up.

`python -m bench.cofac` runs a host (a workshop of 300 post-its, its séance open, the real
server thread on a free port) and one paired laptop (`app.cofac_client.CoFacClient`, with its
own replica file), in one process:

* `--actions` moves of a post-it sent from the laptop, one after the other: the time from
  `submit` (the outbox's fsync included) until the host's bus publishes the move — what the
  host's console and the projector react to — p50 and p99 (goal p99 ≤ 100 ms); and until the
  move is back in the laptop's replica (the host's push, the journal read, the replay);
* a laptop that was away while the host wrote `--entries` journal entries (goal: caught up
  in ≤ 2 s), and one that missed 200 (replayed entry by entry rather than by snapshot).

Host, laptop and this driver share one interpreter (one GIL) and the machine's 2 cores: the
figures are upper bounds of what two laptops would see.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.cofac_client import CoFacClient, new_device_key, pair
from app.events import Event
from app.ops import board, cofac, live, notes
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from bench.common import Row, announce, finish, log, median, parser, tmp_workdir

ACTIONS = 300
ENTRIES = 10_000
NOTES = 300
GOAL_VISIBLE_MS = 100.0
GOAL_CATCH_UP_S = 2.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _laptop(
    folder: Path, url: str, code: str, name: str, host_ctx: Context, wid: int
) -> CoFacClient:
    paired = pair(url, code, name, new_device_key())
    cofac.approve(host_ctx, wid, paired.laptop_id)
    cofac.set_role(host_ctx, wid, paired.laptop_id, "scribe")
    db = Database.open(folder / f"replica-{name}.sqlite3")
    return CoFacClient(db, paired)


def run(folder: Path, actions: int, entries: int) -> list[Row]:
    db = Database.open(folder / "host.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Bench co-animation").workshop_id
    assert wid is not None
    for n in range(NOTES):
        board.add_note(ctx, wid, text=f"Post-it n° {n}", x=(n % 20) * 200.0, y=(n // 20) * 150.0)
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    code = server._app.state.cofac.code()
    rows: list[Row] = []
    try:
        laptop = _laptop(folder, server.cofac_url, code, "Camille", ctx, wid).start()
        assert laptop.wait(lambda: laptop.online and laptop.seq() > 0, 30)
        note = notes.workshop_notes(ctx, wid)[0].id

        heard = threading.Event()
        seen: list[Event] = []

        def on_event(event: Event) -> None:
            if event.op == "board.move":
                seen.append(event)
                heard.set()

        unsubscribe = ctx.bus.subscribe(on_event)
        to_host: list[float] = []
        back: list[float] = []
        log(f"{actions} déplacements depuis l'ordinateur co-animateur…")
        for n in range(actions):
            heard.clear()
            seen.clear()
            start = time.perf_counter()
            laptop.submit("board.move", {"notes": [[note, float(n), 10.0]]})
            if not heard.wait(10):
                raise SystemExit("the host never heard of a move")
            to_host.append((time.perf_counter() - start) * 1000)
            seq = seen[0].seq or 0
            laptop.wait(lambda: laptop.seq() >= seq, 10)  # noqa: B023 (waited on at once)
            back.append((time.perf_counter() - start) * 1000)
        unsubscribe()
        laptop.stop()
        p99 = percentile(to_host, 0.99)
        log(f"  visible sur l'hôte : p50 {median(to_host):.1f} ms, p99 {p99:.1f} ms")
        log(
            f"  revenu dans la copie : p50 {median(back):.1f} ms, p99 {percentile(back, 0.99):.1f} ms"
        )
        rows += [
            Row("cofac.visible_p50_ms", "Action co-animateur → visible sur l'hôte, médiane",
                median(to_host), "ms"),
            Row("cofac.visible_p99_ms", "Action co-animateur → visible sur l'hôte, 99e centile",
                p99, "ms", GOAL_VISIBLE_MS),
            Row("cofac.round_trip_p99_ms", "… et revenue dans la copie du co-animateur, p99",
                percentile(back, 0.99), "ms"),
        ]  # fmt: skip

        for missed, name in ((200, "Sacha"), (entries, "Dominique")):
            away = _laptop(folder, server.cofac_url, code, name, ctx, wid)
            away.sync()
            log(f"{missed} entrées du journal écrites pendant l'absence de {name}…")
            for n in range(missed):
                board.move(ctx, wid, [(note, float(n % 1000), 20.0)])
            start = time.perf_counter()
            away.sync()
            elapsed = time.perf_counter() - start
            log(f"  rattrapage : {elapsed:.2f} s")
            if missed == entries:
                rows.append(Row("cofac.catch_up_s", f"Rattrapage de {missed} entrées du journal",
                                elapsed, "s", GOAL_CATCH_UP_S))  # fmt: skip
            else:
                rows.append(Row("cofac.catch_up_200_s", "Rattrapage de 200 entrées (rejouées)",
                                elapsed, "s"))  # fmt: skip
            away.stop()
            away.db.close()
        laptop.db.close()
    finally:
        server.stop()
        db.close()
    return rows


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--actions", type=int, default=ACTIONS)
    p.add_argument("--entries", type=int, default=ENTRIES)
    args = p.parse_args()
    if not args.rows_json:
        announce("cofac")
    with tmp_workdir("atelier-bench-cofac-") as folder:
        rows = run(folder, args.actions, args.entries)
    finish(rows, args)


if __name__ == "__main__":
    main()

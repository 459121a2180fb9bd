"""Running a séance through the core: every step is journalled, and a restart resumes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.domain.model import Status
from app.domain.timer import TimerState, display
from app.errors import InvalidInput
from app.events import Topic
from app.ops import agenda, live, queries
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import JournalEntry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_795_000_000.0)


@pytest.fixture
def lctx(store_url: str, clock: FakeClock) -> Iterator[Context]:
    db = Database.open(store_url)
    try:
        yield Context(db, clock=clock)
    finally:
        db.close()


def _journal(ctx: Context, workshop_id: int) -> list[str]:
    return ctx.db.read(
        lambda s: list(
            s.scalars(
                select(JournalEntry.op)
                .where(JournalEntry.workshop_id == workshop_id)
                .order_by(JournalEntry.seq)
            )
        )
    )


def _new(ctx: Context, format_key: str = "3h") -> int:
    wid = create_workshop(ctx, format_key=format_key, title="Séance test").workshop_id
    assert wid is not None
    return wid


def test_a_seance_step_by_step(lctx, clock):
    wid = _new(lctx)
    events = []
    lctx.bus.subscribe(events.append)
    assert live.start_session(lctx, wid) is not None
    assert live.start_session(lctx, wid) is None  # already open: resumed as it is
    session = live.live_session(lctx, wid)
    first, second = session.phases[0], session.phases[1]
    assert session.timer.state == TimerState.READY
    assert queries.workshop_detail(lctx, wid).status == Status.LIVE

    live.toggle(lctx, wid)
    clock.advance(90)
    live.adjust(lctx, wid, 60)
    live.pause(lctx, wid)
    clock.advance(1000)  # paused: nothing moves
    session = live.live_session(lctx, wid)
    assert display(session.timer, clock()).seconds == first.planned_minutes * 60 - 90 + 60
    live.toggle(lctx, wid)
    clock.advance(5)
    live.next_phase(lctx, wid)
    session = live.live_session(lctx, wid)
    assert session.current.id == second.id
    assert session.timer.state == TimerState.RUNNING
    assert session.phases[0].actual_seconds == 90 + 1000 + 5

    clock.advance(20)
    live.previous_phase(lctx, wid)  # back: the first phase resumes with the time it had
    session = live.live_session(lctx, wid)
    assert session.current.id == first.id
    left = first.planned_minutes * 60 + 60 - 95  # +1 min, 95 s running (the pause excluded)
    assert display(session.timer, clock()).seconds == left
    assert session.timer.planned == first.planned_minutes * 60 + 60  # its adjusted length
    assert session.phases[1].actual_seconds == 20  # the 20 s spent on the second phase
    assert session.phases[0].actual_end is None  # in progress again
    clock.advance(30)
    live.next_phase(lctx, wid)  # forward again: the second phase goes on from 20 s
    session = live.live_session(lctx, wid)
    assert display(session.timer, clock()).seconds == second.planned_minutes * 60 - 20
    assert session.phases[0].actual_seconds == 90 + 1000 + 5 + 30
    live.previous_phase(lctx, wid)
    live.reset(lctx, wid)
    session = live.live_session(lctx, wid)
    assert session.timer.state == TimerState.READY
    assert session.timer.remaining == first.planned_minutes * 60

    live.end_session(lctx, wid)
    assert live.live_session(lctx, wid).timer.state == TimerState.ENDED
    with pytest.raises(InvalidInput):
        live.toggle(lctx, wid)
    ops = _journal(lctx, wid)
    for op in ("live.start_session", "live.start", "live.adjust", "live.pause", "live.next",
               "live.previous", "live.reset", "live.end_session"):  # fmt: skip
        assert op in ops
    assert all(e.topic == Topic.TIMER for e in events)
    assert len(events) == len([o for o in ops if o.startswith("live.")])


def test_the_last_phase_ends_the_seance_and_closes_the_workshop(lctx, clock):
    wid = _new(lctx)
    live.start_session(lctx, wid)
    live.start(lctx, wid)
    count = len(live.live_session(lctx, wid).phases)
    for _ in range(count):
        clock.advance(60)
        live.next_phase(lctx, wid)
    session = live.live_session(lctx, wid)
    assert session.timer.state == TimerState.ENDED
    assert all(p.done for p in session.phases)
    assert queries.workshop_detail(lctx, wid).status == Status.CLOSED
    with pytest.raises(InvalidInput, match="terminée"):
        live.end_session(lctx, wid)


def test_bad_input_is_refused_and_changes_nothing(lctx):
    wid = _new(lctx)
    with pytest.raises(InvalidInput):
        live.start(lctx, wid)  # no séance open yet
    live.start_session(lctx, wid)
    before = _journal(lctx, wid)
    for seconds in (0, 13 * 3600, -13 * 3600):
        with pytest.raises(InvalidInput, match="12 heures"):
            live.adjust(lctx, wid, seconds)
    with pytest.raises(InvalidInput, match="première séquence"):
        live.previous_phase(lctx, wid)
    assert _journal(lctx, wid) == before


def test_a_seance_without_phases_is_refused(lctx):
    wid = _new(lctx)
    detail = queries.workshop_detail(lctx, wid)
    for phase in detail.blocks[0].phases:
        agenda.remove_phase(lctx, phase.id)
    with pytest.raises(InvalidInput, match="aucune séquence"):
        live.start_session(lctx, wid)


def test_three_days_runs_the_chosen_day(lctx, clock):
    wid = _new(lctx, "3j")
    days = queries.workshop_detail(lctx, wid).blocks
    live.start_session(lctx, wid)
    assert live.live_session(lctx, wid).block_id == days[0].id
    live.start_session(lctx, wid, days[1].id)
    session = live.live_session(lctx, wid)
    assert session.block_id == days[1].id
    assert session.heading.endswith(days[1].title)


def test_backups_when_a_seance_starts_and_ends(tmp_path, clock):
    db = Database.open(tmp_path / "a.sqlite3")
    try:
        ctx = Context(db, clock=clock)
        wid = _new(ctx)
        live.start_session(ctx, wid)
        live.end_session(ctx, wid)
        names = sorted(p.name for p in (tmp_path / "backups").iterdir())
        assert any("debut-seance" in n for n in names)
        assert any("fin-seance" in n for n in names)
    finally:
        db.close()


CHILD = textwrap.dedent(
    """
    import sys
    from app.ops import live
    from app.ops.base import Context
    from app.ops.workshops import create_workshop
    from app.store.db import Database

    ctx = Context(Database.open(sys.argv[1]))
    wid = create_workshop(ctx, format_key="3h", title="Coupure").workshop_id
    live.start_session(ctx, wid)
    live.next_phase(ctx, wid)
    live.start(ctx, wid)
    print(wid, ctx.clock(), flush=True)  # acknowledged
    sys.stdin.read()  # then wait to be killed
    """
)


def test_kill_9_mid_phase_then_restart_resumes_where_the_wall_clock_is(tmp_path):
    path = tmp_path / "kill.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        line = child.stdout.readline()
        wid, started = int(line.split()[0]), float(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    db = Database.open(path)
    try:
        ctx = Context(db)
        session = live.live_session(ctx, wid)
        assert session.timer.state == TimerState.RUNNING
        assert session.current.id == session.phases[1].id
        now = time.time()
        expected = session.phases[1].planned_minutes * 60 - (now - started)
        assert display(session.timer, now).seconds == pytest.approx(expected, abs=0.5)
    finally:
        db.close()


def test_three_days_opens_on_todays_day(lctx, clock):
    from datetime import date, timedelta

    today = date.fromtimestamp(clock())
    wid = create_workshop(
        lctx, format_key="3j", title="Sprint", start_date=today - timedelta(days=1)
    ).workshop_id
    days = queries.workshop_detail(lctx, wid).blocks
    assert [d.day for d in days] == [today - timedelta(days=1), today, today + timedelta(days=1)]
    live.start_session(lctx, wid)
    assert live.live_session(lctx, wid).block_id == days[1].id


def test_the_running_phase_cannot_be_removed_and_undo_keeps_recorded_times(lctx, clock):
    from app.ops.base import undo

    wid = _new(lctx)
    live.start_session(lctx, wid)
    live.start(lctx, wid)
    session = live.live_session(lctx, wid)
    current = session.current
    before = _journal(lctx, wid)
    with pytest.raises(InvalidInput, match="en cours"):
        agenda.remove_phase(lctx, current.id)
    assert _journal(lctx, wid) == before
    clock.advance(600)
    live.next_phase(lctx, wid)
    agenda.remove_phase(lctx, current.id)  # no longer running: allowed, and undoable
    undo(lctx, wid)
    restored = next(p for p in live.live_session(lctx, wid).phases if p.id == current.id)
    assert restored.actual_seconds == 600


def test_undoing_the_add_of_the_running_phase_is_refused(lctx):
    from app.errors import KnownError
    from app.ops.base import undo

    wid = _new(lctx)
    block = queries.workshop_detail(lctx, wid).blocks[0]
    added = agenda.add_phase(lctx, block.id, position=0)
    live.start_session(lctx, wid)
    assert live.live_session(lctx, wid).current.id == added.ids[0]
    with pytest.raises(KnownError):
        undo(lctx, wid)
    assert live.live_session(lctx, wid).current.id == added.ids[0]


def test_a_skipped_phase_counts_zero_and_the_next_day_follows(lctx, clock):
    wid = _new(lctx, "3j")
    days = queries.workshop_detail(lctx, wid).blocks
    live.start_session(lctx, wid)
    live.next_phase(lctx, wid)  # skipped without starting
    session = live.live_session(lctx, wid)
    assert session.phases[0].actual_seconds == 0
    live.end_session(lctx, wid)
    live.start_session(lctx, wid)  # the next morning, no dates set
    assert live.live_session(lctx, wid).block_id == days[1].id
    assert queries.workshop_detail(lctx, wid).status == Status.LIVE


def test_drift_counts_the_time_in_the_room(lctx, clock):
    wid = _new(lctx)
    live.start_session(lctx, wid)
    live.start(lctx, wid)
    planned = live.live_session(lctx, wid).current.planned_minutes * 60
    live.adjust(lctx, wid, 300)
    clock.advance(planned + 180)  # 3 min beyond the programme, within the extension
    session = live.live_session(lctx, wid)
    assert session.drift(clock()) == 180
    live.next_phase(lctx, wid)
    assert live.live_session(lctx, wid).drift(clock()) == 180  # the same once recorded

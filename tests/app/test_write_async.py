"""`Database.write_async`: the group commit awaited from an event loop (the phones' server).

What `write` promises holds when awaited: an answer only once committed, one transaction for
the writes that wait together, a failing write taken out alone, retries safe. And phones'
post-its grouped in one transaction land where they would one by one.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest
from queue_wait import until_queued
from sqlalchemy import select, text, update

from app.domain.board import INBOX_W, INBOX_X, Arrival
from app.ops import board, live, notes, participants
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Note


@pytest.fixture
def db(tmp_path: Path):
    database = Database.open(tmp_path / "async.sqlite3")
    yield database
    database.close()


def _rows(path: Path) -> list[str]:
    """What another connection (another process after a crash) finds on disk."""
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT v FROM t ORDER BY v")]
    finally:
        con.close()


def _table(db: Database) -> None:
    db.write(lambda s: s.execute(text("CREATE TABLE t (v TEXT UNIQUE)")))


def _insert(value: str):
    return lambda s: s.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": value}) and value


def test_an_awaited_write_is_committed_when_it_returns(db):
    _table(db)

    async def main() -> str:
        return await db.write_async(_insert("a"))

    assert asyncio.run(main()) == "a"
    assert db.path is not None and _rows(db.path) == ["a"]


def test_writes_waiting_together_share_one_transaction_and_fail_alone(db):
    _table(db)
    batches: list[int] = []
    run_batch = db._run_batch

    def counted() -> None:
        batches.append(len(db._pending))
        run_batch()

    db._run_batch = counted  # type: ignore[method-assign]

    async def main() -> list[object]:
        with db._write_lock:  # a commit in progress: everything below waits for the next one
            tasks = [asyncio.ensure_future(db.write_async(_insert(f"v{i:02d}"))) for i in range(20)]
            tasks.append(asyncio.ensure_future(db.write_async(_insert("v03"))))  # a duplicate
            await until_queued(db, len(tasks))
        return await asyncio.gather(*tasks, return_exceptions=True)

    results = asyncio.run(main())
    assert results[:20] == [f"v{i:02d}" for i in range(20)]
    assert isinstance(results[20], Exception)  # the duplicate's own error, the others kept
    assert db.path is not None and _rows(db.path) == [f"v{i:02d}" for i in range(20)]
    assert batches[0] == 21  # one group, tried once, then again without the failing write


def test_threads_and_a_loop_write_together(db):
    _table(db)

    def thread_writes(n: int) -> None:
        for i in range(20):
            db.write(_insert(f"t{n}-{i:02d}"))

    async def loop_writes() -> None:
        await asyncio.gather(*(db.write_async(_insert(f"l-{i:03d}")) for i in range(100)))

    threads = [threading.Thread(target=thread_writes, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    asyncio.run(loop_writes())
    for t in threads:
        t.join()
    assert db.path is not None and len(_rows(db.path)) == 160


def test_a_cancelled_caller_does_not_cancel_its_write_and_close_waits_for_it(db):
    _table(db)

    async def main() -> None:
        with db._write_lock:
            task = asyncio.ensure_future(db.write_async(_insert("kept")))
            await until_queued(db, 1)
            task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    db.close()  # waits for what was submitted
    assert db.path is not None and _rows(db.path) == ["kept"]

    async def again() -> str:  # a closed database starts a committing thread again
        return await db.write_async(_insert("after"))

    assert asyncio.run(again()) == "after"


# -- post-its grouped in one transaction ---------------------------------------------------------
def _room(tmp_path: Path, name: str, arrival: str | None = None) -> tuple[Context, int, list[int]]:
    ctx = Context(Database.open(tmp_path / f"{name}.sqlite3"))
    wid = create_workshop(ctx, format_key="3h", title=name).workshop_id
    assert wid is not None
    if arrival is not None:
        board.set_options(ctx, wid, arrival=arrival)
    live.start_session(ctx, wid)
    people = [
        participants.check_in(ctx, wid, name=f"P{i}", category="usager", key=f"join-{i:06d}")
        for i in range(12)
    ]
    return ctx, wid, [p.participant_id for p in people]


def _places(ctx: Context) -> list[tuple[float, float]]:
    return ctx.db.read(lambda s: [(n.x, n.y) for n in s.scalars(select(Note).order_by(Note.id))])


@pytest.mark.parametrize("arrival", [None, Arrival.BOARD.value])
def test_post_its_grouped_in_one_transaction_land_where_they_would_one_by_one(tmp_path, arrival):
    alone, wid_a, people_a = _room(tmp_path, "alone", arrival)
    grouped, wid_g, people_g = _room(tmp_path, "grouped", arrival)
    try:
        for i, pid in enumerate(people_a * 2):
            notes.post_note(alone, wid_a, pid, text=f"idée {i}", key=f"note-{i:06d}")

        async def burst() -> None:
            with grouped.db._write_lock:  # all of them wait, then commit together
                tasks = []
                for i, pid in enumerate(people_g * 2):
                    post = notes.post_note_async(
                        grouped, wid_g, pid, text=f"idée {i}", key=f"note-{i:06d}"
                    )
                    tasks.append(asyncio.ensure_future(post))
                    if i == 5:  # a retry in the middle of the group: writes nothing, moves nothing
                        again = notes.post_note_async(
                            grouped, wid_g, people_g[0], text="idée 0", key="note-000000"
                        )
                        tasks.append(asyncio.ensure_future(again))
                await until_queued(grouped.db, len(tasks))
            await asyncio.gather(*tasks)

        asyncio.run(burst())
        assert len(_places(grouped)) == 24
        assert _places(grouped) == _places(alone)
    finally:
        alone.db.close()
        grouped.db.close()


def test_another_write_between_two_post_its_is_seen_by_the_second(tmp_path):
    ctx, wid, people = _room(tmp_path, "between")
    column_end = INBOX_X + INBOX_W

    def clear_the_column(session) -> None:  # the facilitator takes everything out of "Arrivées"
        session.execute(update(Note).where(Note.x < column_end).values(x=column_end + 500))

    try:

        async def burst() -> None:
            with ctx.db._write_lock:
                first = asyncio.ensure_future(
                    notes.post_note_async(ctx, wid, people[0], text="A", key="note-a-000001")
                )
                await until_queued(ctx.db, 1)
                cleared = asyncio.ensure_future(ctx.db.write_async(clear_the_column))
                await until_queued(ctx.db, 2)
                second = asyncio.ensure_future(
                    notes.post_note_async(ctx, wid, people[1], text="B", key="note-b-000001")
                )
                await until_queued(ctx.db, 3)
            await asyncio.gather(first, cleared, second)

        asyncio.run(burst())
        (_xa, ya), (xb, yb) = _places(ctx)
        assert xb < column_end and yb == ya  # B starts the emptied column again, at the top
    finally:
        ctx.db.close()

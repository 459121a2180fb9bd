"""Post-its grouped in one transaction write their rows together (ops/notes.py `_Pending`,
store/db.py `Deferring`): one INSERT for the notes, one for their keys, one for their journal
entries. What each phone gets back, what is stored and the journal are those of writing them
one by one; a failing post-it fails alone; if the grouped statements fail, the group is
written again one by one."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from queue_wait import until_queued
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from app.errors import NotFound
from app.ops import live, notes, participants
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import IdempotentRequest, JournalEntry, Note


def _room(tmp_path: Path, name: str, url: str = "") -> tuple[Context, int, list[int]]:
    ctx = Context(Database.open(url or tmp_path / f"{name}.sqlite3"), clock=lambda: 1000.0)
    wid = create_workshop(ctx, format_key="3h", title=name).workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    people = [
        participants.check_in(ctx, wid, name=f"P{i}", category="usager", key=f"join-{i:06d}")
        for i in range(6)
    ]
    return ctx, wid, [p.participant_id for p in people]


def _grouped(ctx: Context, posts: list[tuple[int, str, str]]) -> list[Any]:
    """The posts (participant, text, key) awaited together: one transaction."""

    async def burst() -> list[Any]:
        with ctx.db._write_lock:  # a commit in progress: all of them wait for the next one
            tasks = [
                asyncio.ensure_future(notes.post_note_async(ctx, 1, pid, text=text, key=key))
                for pid, text, key in posts
            ]
            await until_queued(ctx.db, len(tasks))
        return list(await asyncio.gather(*tasks, return_exceptions=True))

    return asyncio.run(burst())


def _stored(ctx: Context) -> dict[str, Any]:
    def work(session) -> dict[str, Any]:
        return {
            "notes": [(n.id, n.text, n.author, n.x, n.y, n.participant_id)
                      for n in session.scalars(select(Note).order_by(Note.id))],
            "keys": sorted((k.key, k.actor, k.response, k.at)
                           for k in session.scalars(select(IdempotentRequest))
                           if ":note-" in k.key),
            "journal": [(e.seq, e.op, e.actor, e.label, e.forward, e.undo_state)
                        for e in session.scalars(select(JournalEntry).order_by(JournalEntry.seq))
                        if e.op == "board.note_add"],
        }  # fmt: skip

    return ctx.db.read(work)


def _posts(people: list[int]) -> list[tuple[int, str, str]]:
    posts = [(pid, f"idée {i}", f"note-{i:06d}") for i, pid in enumerate(people * 3)]
    posts.insert(4, (people[0], "idée 0", "note-000000"))  # a retry of a post-it not yet written
    return posts


@pytest.mark.parametrize("store", ["sqlite", "postgresql"])
def test_grouped_post_its_answer_and_store_what_they_would_one_by_one(tmp_path, store, request):
    alone, wid_a, people_a = _room(tmp_path, "alone")
    url = request.getfixturevalue("pg_database") if store == "postgresql" else ""
    grouped, wid_g, people_g = _room(tmp_path, "grouped", url)
    assert wid_a == wid_g == 1
    try:
        one_by_one = [
            notes.post_note(alone, 1, pid, text=text, key=key)
            for pid, text, key in _posts(people_a)
        ]
        statements: list[str] = []
        event.listen(grouped.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        together = _grouped(grouped, _posts(people_g))
        during = list(statements)
        assert together == one_by_one  # the same ids, texts, times; the retry replayed
        assert together[4][1] is True and together[4][0] == together[0][0]
        assert _stored(grouped) == _stored(alone)
        inserts = [s for s in during if s.startswith("INSERT")]
        assert len(inserts) == 3  # notes, keys, journal entries: one statement each
        # one read per post-it (its key, its author) but the retry of one in the group; BEGIN,
        # the board read once, the 3 inserts (PostgreSQL: no BEGIN, one pg_notify telling the
        # other servers of the whole group): 5 statements a post-it before, 1.3 here
        assert len(during) == len(_posts(people_g)) - 1 + 6
        assert sum("pg_notify" in s for s in during) == (0 if store == "sqlite" else 1)
    finally:
        alone.db.close()
        grouped.db.close()


def test_a_failing_post_it_fails_alone(tmp_path):
    ctx, _wid, people = _room(tmp_path, "alone")
    try:
        posts = [(pid, f"idée {i}", f"note-{i:06d}") for i, pid in enumerate(people)]
        posts.insert(3, (999_999, "de personne", "note-nobody-1"))
        answers = _grouped(ctx, posts)
        assert isinstance(answers[3], NotFound)
        assert [a[0].text for n, a in enumerate(answers) if n != 3] == [
            p[1] for p in posts[:3] + posts[4:]
        ]
        assert len(_stored(ctx)["notes"]) == len(people)
    finally:
        ctx.db.close()


def test_if_the_grouped_statements_fail_the_group_is_written_one_by_one(tmp_path, monkeypatch):
    ctx, _wid, people = _room(tmp_path, "retried")
    alone, _, people_a = _room(tmp_path, "alone")
    failures = []
    flush = notes._Pending.flush

    def failing_once(self, session) -> None:
        if not failures:
            failures.append(1)
            flush(self, session)  # written, then refused: all of it is rolled back
            raise IntegrityError("INSERT", {}, Exception("made up"))
        flush(self, session)

    monkeypatch.setattr(notes._Pending, "flush", failing_once)
    try:
        one_by_one = [
            notes.post_note(alone, 1, pid, text=text, key=key)
            for pid, text, key in _posts(people_a)
        ]
        assert _grouped(ctx, _posts(people)) == one_by_one
        assert failures == [1]
        assert _stored(ctx) == _stored(alone)
    finally:
        ctx.db.close()
        alone.db.close()


@pytest.mark.parametrize("first", ["post-it", "other"])
def test_another_write_in_the_group_sees_the_post_its_before_it(tmp_path, first):
    ctx, _wid, people = _room(tmp_path, "between")
    seen: list[int] = []

    def count(session) -> None:
        seen.append(len(session.scalars(select(Note.id)).all()))

    async def burst() -> None:
        with ctx.db._write_lock:
            tasks = [
                asyncio.ensure_future(
                    notes.post_note_async(ctx, 1, people[0], text="A", key="note-a-000001")
                )
            ]
            await until_queued(ctx.db, 1)
            tasks.append(asyncio.ensure_future(ctx.db.write_async(count)))
            await until_queued(ctx.db, 2)
            tasks.append(
                asyncio.ensure_future(
                    notes.post_note_async(ctx, 1, people[1], text="B", key="note-b-000001")
                )
            )
            await until_queued(ctx.db, 3)
        await asyncio.gather(*tasks)

    try:
        if first == "other":
            notes.post_note(ctx, 1, people[2], text="avant", key="note-before-01")
        asyncio.run(burst())
        assert seen == [2 if first == "other" else 1]  # A is written before the count runs
        journal = [e[3] for e in _stored(ctx)["journal"]]
        assert journal[-2:] == ["Post-it de P0", "Post-it de P1"]
    finally:
        ctx.db.close()

"""Group commit: writes that queue up go in one transaction, and one failure spares the rest."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, func, select

from app.errors import InvalidInput
from app.ops import agenda, queries
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import JournalEntry


class _WatchedQueue(list):
    """Stands in for the database's queue of writers and signals each one that joins it."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def append(self, job) -> None:  # called under the database's own queue lock
        super().append(job)
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self) >= count, timeout), "writers missing"


def _watch(db: Database) -> _WatchedQueue:
    queue = _WatchedQueue()
    db._pending = queue  # the leader swaps in a fresh list when it drains it
    return queue


def test_queued_writes_share_one_commit_and_a_failure_spares_the_others(tmp_path):
    db = Database.open(tmp_path / "g.sqlite3")
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Groupe").workshop_id
        phases = [p.id for p in queries.workshop_detail(ctx, wid).blocks[0].phases]
        commits = []
        event.listen(db.engine, "commit", lambda _c: commits.append(1))
        count = lambda: db.read(  # noqa: E731
            lambda s: s.scalar(select(func.count()).select_from(JournalEntry))
        )
        before = count()
        results: dict[str, object] = {}

        def run(name, fn):
            try:
                results[name] = fn()
            except Exception as exc:  # the test looks at what each writer got
                results[name] = exc

        jobs = {
            "a": lambda: agenda.set_phase_minutes(ctx, phases[0], 31),
            "bad": lambda: agenda.remove_phase(ctx, 10_000_000),  # no such phase
            "b": lambda: agenda.set_phase_minutes(ctx, phases[1], 32),
            "c": lambda: agenda.update_phase(ctx, phases[2], title="Troisième"),
        }
        queue = _watch(db)
        with db._write_lock:  # a commit in progress: the writers queue up behind it
            threads = [threading.Thread(target=run, args=item) for item in jobs.items()]
            for t in threads:
                t.start()
            queue.wait_for(len(jobs))
            commits.clear()
        for t in threads:
            t.join()

        assert len(commits) == 1  # three acknowledged writes, one disk flush
        assert isinstance(results["bad"], Exception)
        for name in ("a", "b", "c"):
            assert not isinstance(results[name], Exception), results[name]
        detail = queries.workshop_detail(ctx, wid).blocks[0].phases
        assert (detail[0].planned_minutes, detail[1].planned_minutes) == (31, 32)
        assert detail[2].title == "Troisième"
        assert count() == before + 3
        seqs = sorted(results[n].seq for n in ("a", "b", "c"))
        assert len(set(seqs)) == 3
    finally:
        db.close()


def test_a_write_inside_a_write_is_a_bug_not_a_deadlock(tmp_path):
    db = Database.open(tmp_path / "n.sqlite3")
    try:
        with pytest.raises(RuntimeError, match="inside a write"):
            db.write(lambda _s: db.write(lambda _s2: None))
        # and the store still works afterwards
        ctx = Context(db)
        assert create_workshop(ctx, format_key="3h", title="Après").workshop_id
        with pytest.raises(InvalidInput):
            agenda.set_phase_minutes(ctx, 1, 0)
    finally:
        db.close()


def test_grouped_writes_keep_the_redo_rule_and_undo_in_between(tmp_path):
    """Several undoable writes and an undo in one transaction: redo history stays right."""
    from app.ops.base import redo, undo

    db = Database.open(tmp_path / "r.sqlite3")
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Refaire").workshop_id
        phase = queries.workshop_detail(ctx, wid).blocks[0].phases[0].id
        agenda.set_phase_minutes(ctx, phase, 21)
        results = []
        steps = [
            lambda: undo(ctx, wid),  # 21 undone: redo possible
            lambda: agenda.set_phase_minutes(ctx, phase, 22),  # a new action: redo forgotten
            lambda: undo(ctx, wid),  # 22 undone
            lambda: agenda.set_phase_minutes(ctx, phase, 23),  # forgets it again
        ]
        queue = _watch(db)
        with db._write_lock:
            threads = []
            for step in steps:  # queued in this order behind the commit in progress
                t = threading.Thread(target=lambda s=step: results.append(s()))
                t.start()
                threads.append(t)
                queue.wait_for(len(threads))
        for t in threads:
            t.join()
        detail = queries.workshop_detail(ctx, wid)
        assert detail.blocks[0].phases[0].planned_minutes == 23
        assert not detail.can_redo  # both undone actions were forgotten by the next action
        assert redo(ctx, wid) is None
    finally:
        db.close()


def test_a_constraint_violation_fails_only_its_own_write(tmp_path):
    from sqlalchemy.exc import IntegrityError

    from app.store.models import Phase

    db = Database.open(tmp_path / "c.sqlite3")
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Contrainte").workshop_id
        phase = queries.workshop_detail(ctx, wid).blocks[0].phases[0].id
        results: dict[str, object] = {}

        def orphan(session):  # a phase of a block that does not exist: foreign key refused
            session.add(Phase(workshop_id=wid, block_id=999_999, position=0, title="x",
                              planned_minutes=5))  # fmt: skip
            session.flush()

        def run(name, fn):
            try:
                results[name] = fn()
            except Exception as exc:
                results[name] = exc

        queue = _watch(db)
        with db._write_lock:
            threads = [
                threading.Thread(target=run, args=("bad", lambda: db.write(orphan))),
                threading.Thread(
                    target=run, args=("good", lambda: agenda.set_phase_minutes(ctx, phase, 44))
                ),
            ]
            for t in threads:
                t.start()
            queue.wait_for(2)
        for t in threads:
            t.join()
        assert isinstance(results["bad"], IntegrityError)
        assert not isinstance(results["good"], Exception)
        assert queries.workshop_detail(ctx, wid).blocks[0].phases[0].planned_minutes == 44
    finally:
        db.close()

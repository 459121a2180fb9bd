"""Property test of the board's operations with undo and redo (hypothesis, stateful).

Random sequences of add_note / move (out of a group too) / group (new or into a group) /
ungroup / update_cluster / delete_notes / duplicate_notes / reveal, interleaved with undo and
redo, on a SQLite store. After every step:

* the board (`board_data`) is the one the model expects: an undo gives back the board as it
  was before the undone operation, a redo the board as it was before the undo;
* no group is empty, and every post-it's group exists (in the same workshop);

and at the end, undoing everything gives back the initial board.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select, update

from app.domain.board import COLOURS, BoardData
from app.errors import KnownError
from app.ops import board
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Cluster, Note

COLOUR_KEYS = sorted(COLOURS)
coordinate = st.floats(min_value=-2000, max_value=2000, allow_nan=False).map(lambda v: round(v, 1))


def _folder() -> Path:
    """A temporary folder, in memory where the system offers it (fsync is not what this test
    is about)."""
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="atelier-board-prop-", dir=where))


_STARTING: dict[str, tuple[Path, int, int]] = {}


def _starting_board() -> tuple[Path, int, int]:
    """A store (migrated once for the whole test, then copied for each example) holding a
    workshop whose board has five post-its, two of them written privately (hidden), and one
    group: (file, workshop id, phase id)."""
    if "file" not in _STARTING:
        path = _folder() / "start.sqlite3"
        db = Database.open(path)
        try:
            ctx = Context(db)
            wid = create_workshop(ctx, format_key="3h", title="Propriétés").workshop_id
            assert wid is not None
            phase = board.board_data(ctx, wid).phase_id
            assert phase is not None
            ids = [
                board.add_note(ctx, wid, text=f"Idée {n}", phase_id=phase, x=n * 250.0).ids[0]
                for n in range(5)
            ]
            db.write(
                lambda s: s.execute(update(Note).where(Note.id.in_(ids[3:])).values(hidden=True))
            )
            board.group(ctx, wid, ids[:2], title="Mobilité")
        finally:
            db.close()
        _STARTING["file"] = (path, wid, phase)
    return _STARTING["file"]


class BoardMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        start, self.wid, self.phase = _starting_board()
        self.folder = _folder()
        shutil.copy(start, self.folder / "atelier.sqlite3")
        self.db = Database.open(self.folder / "atelier.sqlite3")
        self.ctx = Context(self.db)
        self._board: BoardData | None = None
        # the model: the boards along the history, and where we are in it (undo never goes
        # before the starting board: the journal holds the workshop's creation before it)
        self.history: list[BoardData] = [self.board()]
        self.at = 0

    def teardown(self) -> None:
        try:
            while self.at > 0:  # undo everything: the starting board again
                assert undo(self.ctx, self.wid) is not None
                self.changed()
                self.at -= 1
                assert self.board() == self.history[self.at]
            assert self.board() == self.history[0]
        finally:
            self.db.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- reading ----------------------------------------------------------------------------------
    def board(self) -> BoardData:
        """The board as stored now (read again after every change: `changed`)."""
        if self._board is None:
            self._board = board.board_data(self.ctx, self.wid, self.phase)
        return self._board

    def changed(self) -> None:
        self._board = None

    def notes(self) -> list[int]:
        return [n.id for n in self.board().notes]

    def clusters(self) -> list[int]:
        return [c.id for c in self.board().clusters]

    def done(self, operation: object) -> None:
        """Run one operation; if it was accepted, it is the new end of the history."""
        try:
            operation()  # type: ignore[operator]
        except KnownError:  # refused (e.g. nothing hidden to reveal): nothing changed
            self.changed()
            assert self.board() == self.history[self.at]
            return
        self.changed()
        del self.history[self.at + 1 :]  # what could be redone is gone
        self.history.append(self.board())
        self.at += 1

    # -- the operations -----------------------------------------------------------------------------
    @rule(text=st.text(min_size=1, max_size=30), colour=st.sampled_from(COLOUR_KEYS),
          x=coordinate, y=coordinate)  # fmt: skip
    def add_note(self, text: str, colour: str, x: float, y: float) -> None:
        self.done(lambda: board.add_note(self.ctx, self.wid, text=text, phase_id=self.phase,
                                         colour=colour, x=x, y=y))  # fmt: skip

    @rule(data=st.data(), snap=st.booleans())
    def move(self, data: st.DataObject, snap: bool) -> None:
        notes, clusters = self.notes(), self.clusters()
        moved = (
            data.draw(st.lists(st.sampled_from(notes), unique=True, max_size=4)) if notes else []
        )
        groups = (
            data.draw(st.lists(st.sampled_from(clusters), unique=True, max_size=2))
            if clusters
            else []
        )
        leaving = data.draw(st.lists(st.sampled_from(moved), unique=True)) if moved else []
        places = [(i, data.draw(coordinate), data.draw(coordinate)) for i in moved]
        spots = [(c, data.draw(coordinate), data.draw(coordinate)) for c in groups]
        self.done(lambda: board.move(self.ctx, self.wid, places, spots, snap_to_grid=snap,
                                     out_of_group=leaving))  # fmt: skip

    @precondition(lambda self: len(self.notes()) >= 1)
    @rule(data=st.data(), title=st.text(max_size=20))
    def group(self, data: st.DataObject, title: str) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1))
        clusters = self.clusters()
        into = data.draw(st.none() | st.sampled_from(clusters)) if clusters else None
        self.done(lambda: board.group(self.ctx, self.wid, chosen, title=title, into=into))

    @precondition(lambda self: bool(self.clusters()))
    @rule(data=st.data())
    def ungroup(self, data: st.DataObject) -> None:
        cluster = data.draw(st.sampled_from(self.clusters()))
        self.done(lambda: board.ungroup(self.ctx, self.wid, cluster))

    @precondition(lambda self: bool(self.clusters()))
    @rule(data=st.data(), title=st.none() | st.text(min_size=1, max_size=20),
          colour=st.none() | st.sampled_from(COLOUR_KEYS), collapsed=st.none() | st.booleans())  # fmt: skip
    def update_cluster(
        self, data: st.DataObject, title: str | None, colour: str | None, collapsed: bool | None
    ) -> None:
        cluster = data.draw(st.sampled_from(self.clusters()))
        self.done(lambda: board.update_cluster(self.ctx, self.wid, cluster, title=title,
                                               colour=colour, collapsed=collapsed))  # fmt: skip

    @precondition(lambda self: len(self.notes()) >= 1)
    @rule(data=st.data())
    def delete_notes(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1))
        self.done(lambda: board.delete_notes(self.ctx, self.wid, chosen))

    @precondition(lambda self: len(self.notes()) >= 1)
    @rule(data=st.data())
    def duplicate_notes(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1,
                                    max_size=3))  # fmt: skip
        self.done(lambda: board.duplicate_notes(self.ctx, self.wid, chosen))

    @rule()
    def reveal(self) -> None:
        self.done(lambda: board.reveal(self.ctx, self.wid, self.phase))

    # -- undo and redo ------------------------------------------------------------------------------
    @precondition(lambda self: self.at > 0)
    @rule()
    def undo(self) -> None:
        assert undo(self.ctx, self.wid) is not None
        self.changed()
        self.at -= 1
        assert self.board() == self.history[self.at], "undo did not give back the board before"

    @precondition(lambda self: self.at < len(self.history) - 1)
    @rule()
    def redo(self) -> None:
        assert redo(self.ctx, self.wid) is not None
        self.changed()
        self.at += 1
        assert self.board() == self.history[self.at], "redo did not give back the board undone"

    # -- after every step ---------------------------------------------------------------------------
    @invariant()
    def the_board_is_the_expected_one(self) -> None:
        assert self.board() == self.history[self.at]

    @invariant()
    def no_empty_group_and_no_note_in_a_missing_group(self) -> None:
        def check(session) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
            has_notes = select(Note.id).where(Note.cluster_id == Cluster.id).exists()
            empty = session.scalars(
                select(Cluster.id).where(Cluster.workshop_id == self.wid, ~has_notes)
            ).all()
            ours = select(Cluster.id).where(Cluster.workshop_id == self.wid)
            orphans = session.scalars(
                select(Note.id).where(
                    Note.workshop_id == self.wid,
                    Note.cluster_id.is_not(None),
                    Note.cluster_id.not_in(ours),
                )
            ).all()
            return list(empty), list(orphans)

        empty, orphans = self.db.read(check)
        assert empty == [], f"groups left empty: {empty}"
        assert orphans == [], f"post-its in a group that does not exist: {orphans}"
        listed = {i for c in self.board().clusters for i in c.note_ids}
        assert listed == {n.id for n in self.board().notes if n.cluster_id is not None}


BoardMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_board_operations_with_undo_and_redo = BoardMachine.TestCase

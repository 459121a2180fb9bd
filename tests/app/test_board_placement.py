"""Nothing on the board is ever hidden (issue 17): placement through the operations.

A stateful hypothesis test runs random sequences of every board operation that places post-its
(add, drop/move, group, group into, ungroup, duplicate, tidy of a selection, a group or the
board) and of phones' arrivals (in "Arrivées" or straight on the board), on SQLite; after every
step no post-it covers more than a sliver (10 % of a post-it's area) of another. Then examples:
arrivals as a grid, a second host, Ctrl+G, tidy and its undo.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from app.domain.board import GAP, NOTE_H, NOTE_W, BoardData, in_inbox
from app.domain.placement import (
    ARRIVALS_TOP,
    SLIVER,
    arrival_rows,
    arrival_spot,
    covers,
    group_spots,
    note_rect,
    overlap,
)
from app.errors import KnownError
from app.ops import board, live, notes, participants
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.db import Database

coordinate = st.integers(min_value=-100, max_value=100).map(lambda v: v * 10.0)
nudge = st.integers(min_value=-60, max_value=60).map(float)


def _folder() -> Path:
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="atelier-placement-", dir=where))


def _hidden_pairs(data: BoardData) -> list[tuple[int, int, float]]:
    """The pairs of post-its one of which covers more than a sliver of the other."""
    cards = sorted(data.notes, key=lambda n: n.x)
    pairs = []
    for i, a in enumerate(cards):
        for b in cards[i + 1 :]:
            if b.x >= a.x + NOTE_W:
                break
            if covers(note_rect(a.x, a.y), note_rect(b.x, b.y)):
                share = overlap(note_rect(a.x, a.y), note_rect(b.x, b.y)) / (NOTE_W * NOTE_H)
                pairs.append((a.id, b.id, round(share, 3)))
    return pairs


_STARTING: dict[str, tuple[Path, int, int, int]] = {}


def _starting_board() -> tuple[Path, int, int, int]:
    """A store (made once, copied for each example): a workshop in séance, one participant,
    six post-its (two grouped): (file, workshop id, phase id, participant id)."""
    if "file" not in _STARTING:
        path = _folder() / "start.sqlite3"
        db = Database.open(path)
        try:
            ctx = Context(db)
            wid = create_workshop(ctx, format_key="3h", title="Placement").workshop_id
            assert wid is not None
            live.start_session(ctx, wid)
            phase = board.board_data(ctx, wid).phase_id
            assert phase is not None
            me = participants.check_in(ctx, wid, name="Awa", category="usager", key="p" * 16)
            ids = [
                board.add_note(ctx, wid, text=f"Idée {n}", phase_id=phase, x=n * 250.0).ids[0]
                for n in range(6)
            ]
            board.group(ctx, wid, ids[:2], title="Mobilité")
        finally:
            db.close()
        _STARTING["file"] = (path, wid, phase, me.participant_id)
    return _STARTING["file"]


class PlacementMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        start, self.wid, self.phase, self.person = _starting_board()
        self.folder = _folder()
        shutil.copy(start, self.folder / "atelier.sqlite3")
        self.db = Database.open(self.folder / "atelier.sqlite3")
        self.ctx = Context(self.db)
        self.posted = 0

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def board(self) -> BoardData:
        return board.board_data(self.ctx, self.wid, self.phase)

    def notes(self) -> list[int]:
        return [n.id for n in self.board().notes]

    def clusters(self) -> list[int]:
        return [c.id for c in self.board().clusters]

    def done(self, operation: object) -> None:
        with contextlib.suppress(KnownError):  # refused: nothing changed
            operation()  # type: ignore[operator]

    # -- the operations -------------------------------------------------------------------------
    @rule(x=coordinate, y=coordinate)
    def add_note(self, x: float, y: float) -> None:
        self.done(lambda: board.add_note(self.ctx, self.wid, text="Ajout", phase_id=self.phase,
                                         x=x, y=y))  # fmt: skip

    @rule(data=st.data(), onto=st.booleans(), snap=st.booleans())
    def move(self, data: st.DataObject, onto: bool, snap: bool) -> None:
        """A drag of a few post-its, often dropped onto another one."""
        cards = self.board().notes
        if not cards:
            return
        moved = data.draw(st.lists(st.sampled_from(cards), unique=True, min_size=1, max_size=4))
        if onto:
            target = data.draw(st.sampled_from(cards))
            dx, dy = (
                target.x - moved[0].x + data.draw(nudge),
                target.y - moved[0].y + data.draw(nudge),
            )
        else:
            dx, dy = data.draw(coordinate), data.draw(coordinate)
        places = [(n.id, n.x + dx, n.y + dy) for n in moved]
        leaving = [n.id for n in moved if n.cluster_id is not None and data.draw(st.booleans())]
        self.done(lambda: board.move(self.ctx, self.wid, places, snap_to_grid=snap,
                                     out_of_group=leaving))  # fmt: skip

    @precondition(lambda self: len(self.notes()) >= 1)
    @rule(data=st.data())
    def group(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1,
                                    max_size=6))  # fmt: skip
        clusters = self.clusters()
        into = data.draw(st.none() | st.sampled_from(clusters)) if clusters else None
        self.done(lambda: board.group(self.ctx, self.wid, chosen, phase_id=self.phase, into=into))

    @precondition(lambda self: bool(self.clusters()))
    @rule(data=st.data())
    def ungroup(self, data: st.DataObject) -> None:
        cluster = data.draw(st.sampled_from(self.clusters()))
        self.done(lambda: board.ungroup(self.ctx, self.wid, cluster))

    @precondition(lambda self: len(self.notes()) >= 1)
    @rule(data=st.data())
    def duplicate_notes(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1,
                                    max_size=3))  # fmt: skip
        self.done(lambda: board.duplicate_notes(self.ctx, self.wid, chosen))

    @rule(data=st.data(), what=st.sampled_from(["selection", "group", "board"]))
    def tidy(self, data: st.DataObject, what: str) -> None:
        if what == "selection" and self.notes():
            chosen = data.draw(st.lists(st.sampled_from(self.notes()), unique=True, min_size=1))
            self.done(lambda: board.tidy(self.ctx, self.wid, chosen))
        elif what == "group" and self.clusters():
            cluster = data.draw(st.sampled_from(self.clusters()))
            self.done(lambda: board.tidy(self.ctx, self.wid, cluster_id=cluster))
        else:
            self.done(lambda: board.tidy(self.ctx, self.wid, phase_id=self.phase))

    @rule(count=st.integers(min_value=1, max_value=8))
    def arrivals(self, count: int) -> None:
        for _ in range(count):
            self.posted += 1
            notes.post_note(self.ctx, self.wid, self.person, text=f"Téléphone {self.posted}",
                            key=f"phone-{self.posted:010d}")  # fmt: skip

    @rule(where=st.sampled_from(["inbox", "board"]),
          template=st.sampled_from([None, "irritants-idees-questions", "impact-facilite"]))  # fmt: skip
    def options(self, where: str, template: str | None) -> None:
        board.set_options(self.ctx, self.wid, arrival=where)
        board.set_template(self.ctx, self.wid, self.phase, template)

    # -- after every step -----------------------------------------------------------------------
    @invariant()
    def nothing_is_hidden(self) -> None:
        pairs = _hidden_pairs(self.board())
        assert pairs == [], f"post-its covering more than {SLIVER:.0%} of another: {pairs}"


PlacementMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_no_board_operation_hides_a_post_it = PlacementMachine.TestCase


# -- examples -----------------------------------------------------------------------------------
def _séance(ctx: Context) -> tuple[int, int, int]:
    wid = create_workshop(ctx, format_key="3h", title="Placement").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    phase = board.board_data(ctx, wid).phase_id
    assert phase is not None
    me = participants.check_in(ctx, wid, name="Léa", category="public", key="q" * 16)
    return wid, phase, me.participant_id


def _post(ctx: Context, wid: int, person: int, n: int, prefix: str = "k") -> None:
    for i in range(n):
        notes.post_note(ctx, wid, person, text=f"Idée {i}", key=f"{prefix}-{i:012d}")


def test_150_arrivals_flow_as_a_grid_in_view(ctx: Context) -> None:
    wid, _, person = _séance(ctx)
    _post(ctx, wid, person, 150)
    data = board.board_data(ctx, wid)
    spots = sorted((n.id, n.x, n.y) for n in data.notes)
    assert [(x, y) for _, x, y in spots] == [arrival_spot(k) for k in range(150)]
    assert all(in_inbox(x) for _, x, _ in spots)
    assert max(y for _, _, y in spots) < ARRIVALS_TOP + arrival_rows() * (NOTE_H + GAP)
    assert _hidden_pairs(data) == []


def test_arrivals_from_two_hosts_on_one_base_never_land_on_each_other(
    ctx: Context, store_url: str
) -> None:
    """A second server writing to the same base: each places from what the base holds."""
    wid, _, person = _séance(ctx)
    other = Database.open(store_url)
    try:
        second = Context(other)
        errors: list[BaseException] = []

        def host(c: Context, prefix: str) -> None:
            try:
                _post(c, wid, person, 25, prefix)
            except BaseException as exc:  # reported by the test
                errors.append(exc)

        threads = [
            threading.Thread(target=host, args=(ctx, "a")),
            threading.Thread(target=host, args=(second, "b")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
    finally:
        other.close()
    data = board.board_data(ctx, wid)
    assert len(data.notes) == 50
    assert _hidden_pairs(data) == []


def test_ctrl_g_never_puts_a_post_it_under_another(ctx: Context) -> None:
    wid, phase, _ = _séance(ctx)
    a = board.add_note(ctx, wid, text="A", phase_id=phase, x=0, y=0).ids[0]
    b = board.add_note(ctx, wid, text="B", phase_id=phase, x=0, y=400).ids[0]
    # C sits just where the group's second row would go
    c = board.add_note(ctx, wid, text="C", phase_id=phase, x=GAP, y=60 + NOTE_H + GAP).ids[0]
    board.group(ctx, wid, [a, b], phase_id=phase)
    data = board.board_data(ctx, wid)
    assert _hidden_pairs(data) == []
    assert {n.id: (n.x, n.y) for n in data.notes}[c] == (GAP, 60 + NOTE_H + GAP)  # C stays
    (cluster,) = data.clusters
    more = [board.add_note(ctx, wid, text=f"M{i}", phase_id=phase, x=900, y=0).ids[0]
            for i in range(5)]  # fmt: skip
    board.group(ctx, wid, more, into=cluster.id)  # the group grows, still hiding nothing
    data = board.board_data(ctx, wid)
    assert _hidden_pairs(data) == []
    assert len(data.clusters[0].note_ids) == 7


def test_a_typed_post_it_never_lands_in_the_phones_lane_nor_on_another(ctx: Context) -> None:
    wid, phase, person = _séance(ctx)
    _post(ctx, wid, person, 3)
    first = board.add_note(ctx, wid, text="Ici", phase_id=phase, x=-200, y=100).ids[0]
    second = board.add_note(ctx, wid, text="Là", phase_id=phase, x=-200, y=100).ids[0]
    data = board.board_data(ctx, wid)
    typed = {n.id: n for n in data.notes}
    assert not in_inbox(typed[first].x) and not in_inbox(typed[second].x)
    assert typed[first].x >= 0
    assert _hidden_pairs(data) == []


def test_a_drop_onto_another_post_it_nudges_it_to_the_nearest_free_place(ctx: Context) -> None:
    wid, phase, _ = _séance(ctx)
    a = board.add_note(ctx, wid, text="A", phase_id=phase, x=0, y=0).ids[0]
    b = board.add_note(ctx, wid, text="B", phase_id=phase, x=600, y=0).ids[0]
    board.move(ctx, wid, [(b, 10, 5)])
    spot = {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}
    assert spot[a] == (0, 0)
    assert spot[b] == (10, NOTE_H + GAP)  # just below it (155 away; beside it: 210)
    board.move(ctx, wid, [(b, NOTE_W - 10, 0)])  # a sliver: left where it was dropped
    assert {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}[b] == (NOTE_W - 10, 0)


def test_tidy_lays_out_the_board_in_one_step_and_undo_gives_it_back(ctx: Context) -> None:
    wid, phase, person = _séance(ctx)
    _post(ctx, wid, person, 12)
    ids = [n.id for n in board.board_data(ctx, wid).notes]
    board.move(ctx, wid, [(i, 300 + 37 * k, 500 + 53 * (k % 3)) for k, i in enumerate(ids[:6])])
    board.move(ctx, wid, [(ids[7], 2000, 2000), (ids[9], 3000, 100)])  # holes in the lane
    board.group(ctx, wid, ids[:3], title="Trois")
    before = board.board_data(ctx, wid)
    change = board.tidy(ctx, wid, phase_id=phase)
    after = board.board_data(ctx, wid)
    assert _hidden_pairs(after) == []
    lane = sorted((n.id, n.x, n.y) for n in after.notes if in_inbox(n.x) and n.cluster_id is None)
    assert [(x, y) for _, x, y in lane] == [arrival_spot(k) for k in range(len(lane))]
    assert change.op == "board.tidy"
    undo(ctx, wid)
    assert board.board_data(ctx, wid) == before
    redo(ctx, wid)
    assert board.board_data(ctx, wid) == after


def test_tidy_a_selection_or_a_group(ctx: Context) -> None:
    wid, phase, _ = _séance(ctx)
    ids = [
        board.add_note(ctx, wid, text=f"N{i}", phase_id=phase, x=37.0 * i, y=300.0 * i).ids[0]
        for i in range(4)
    ]
    board.tidy(ctx, wid, ids)
    data = board.board_data(ctx, wid)
    spots = sorted((n.x, n.y) for n in data.notes)
    assert spots == [(0.0, 0.0), (0.0, NOTE_H + GAP), (NOTE_W + GAP, 0.0),
                     (NOTE_W + GAP, NOTE_H + GAP)]  # fmt: skip
    board.group(ctx, wid, ids[:3], phase_id=phase)
    board.move(ctx, wid, [(ids[0], 900, 900)])  # a member wanders off, still in its group
    cid = board.board_data(ctx, wid).clusters[0].id
    board.tidy(ctx, wid, cluster_id=cid)
    data = board.board_data(ctx, wid)
    assert _hidden_pairs(data) == []
    members = sorted((n.x, n.y) for n in data.notes if n.cluster_id == cid)
    (group,) = data.clusters
    assert members == sorted(group_spots((group.x, group.y), 3))  # a grid again

"""Where post-its go so that none hides another: the board's occupancy read in the
operation's transaction (`_Board`), blocks packed and laid out near a corner.

(Not `placement`: that is `app.domain.placement`, the geometry this builds on.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.board import (
    GAP,
    NOTE_H,
    NOTE_W,
    Scope,
    Zone,
)
from app.domain.placement import (
    HEADER,
    Occupancy,
    Rect,
    Unit,
    group_size,
    group_unit,
    note_rect,
    note_unit,
    pack,
)
from app.ops.base import Action, pin
from app.ops.board.common import (
    _scope,
)
from app.store.models import Cluster, Note

_EVERYWHERE: Rect = (-1e7, -1e7, 2e7, 2e7)  # beyond any position `_coordinate` lets in


@dataclass
class _Board:
    """What is on one board, read in the operation's transaction, to place post-its so that none
    hides another: the post-its (by id) and the groups' frames (by ("cluster", id)). Post-its
    are read around where placement looks (`Occupancy.load`), not the whole board."""

    session: Session
    where: list[Any]  # which post-its are on this board
    occupancy: Occupancy
    clusters: dict[int, Cluster]
    notes: dict[int, Any] = field(default_factory=dict)  # id -> row (id, x, y, cluster_id)
    _members: dict[int, list[Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, session: Session, workshop_id: int, phase_id: int | None) -> _Board:
        where: list[Any] = [Note.workshop_id == workshop_id]
        clusters = select(Cluster).where(Cluster.workshop_id == workshop_id)
        if _scope(session, workshop_id) == Scope.PHASE:
            where.append(Note.phase_id.is_not_distinct_from(phase_id))
            clusters = clusters.where(Cluster.phase_id.is_not_distinct_from(phase_id))
        board = cls(
            session, where, Occupancy(), {c.id: pin(session, c) for c in session.scalars(clusters)}
        )
        board.occupancy.load = board._load
        frames = session.execute(
            select(Note.cluster_id, func.min(Note.x), func.min(Note.y), func.max(Note.x),
                   func.max(Note.y))
            .where(*where, Note.cluster_id.is_not(None))
            .group_by(Note.cluster_id)
        )  # fmt: skip
        for cluster_id, x0, y0, x1, y1 in frames:
            board.occupancy.add(("cluster", cluster_id), _frame_around(x0, y0, x1, y1))
        return board

    def _rows(self, *criteria: Any) -> list[Any]:
        rows = self.session.execute(
            select(Note.id, Note.x, Note.y, Note.cluster_id).where(*self.where, *criteria)
        ).all()
        for r in rows:
            self.notes.setdefault(r.id, r)
        return [self.notes[r.id] for r in rows]

    def _load(self, region: Rect) -> list[tuple[Any, Rect]]:
        x, y, w, h = region
        rows = self._rows(Note.x > x - NOTE_W, Note.x < x + w, Note.y > y - NOTE_H, Note.y < y + h)
        return [(r.id, note_rect(r.x, r.y)) for r in rows]

    def read_all(self) -> None:
        self.occupancy.read(_EVERYWHERE)

    def row(self, note_id: int) -> Any:
        if note_id not in self.notes:
            self._rows(Note.id == note_id)
        return self.notes.get(note_id)

    def members(self, cluster_id: int) -> list[Any]:
        """A group's post-its in reading order."""
        if cluster_id not in self._members:
            rows = self._rows(Note.cluster_id == cluster_id)
            self._members[cluster_id] = sorted(rows, key=lambda r: (r.y, r.x))
        return self._members[cluster_id]

    def place(self, key: Any, x: float, y: float) -> None:
        self.occupancy.add(key, note_rect(x, y))


def _is_note(key: Any) -> bool:
    return isinstance(key, int)


def _frame(rows: Sequence[Any]) -> Rect:
    """A group's frame around its post-its, with its title band (as the board draws it)."""
    return _frame_around(
        min(r.x for r in rows), min(r.y for r in rows), max(r.x for r in rows),
        max(r.y for r in rows),
    )  # fmt: skip


def _frame_around(x0: float, y0: float, x1: float, y1: float) -> Rect:
    """The frame of a group whose post-its' top-left corners span (x0, y0)–(x1, y1)."""
    return (x0 - GAP, y0 - HEADER, x1 - x0 + NOTE_W + 2 * GAP, y1 - y0 + NOTE_H + HEADER + GAP)


def _boards(session: Session, workshop_id: int) -> Callable[[int | None], _Board]:
    """The boards an operation places on, each read once (a post-it's phase names its board)."""
    read: dict[int | None, _Board] = {}
    per_phase = _scope(session, workshop_id) == Scope.PHASE

    def board(phase_id: int | None) -> _Board:
        key = phase_id if per_phase else None
        if key not in read:
            read[key] = _Board.read(session, workshop_id, phase_id)
        return read[key]

    return board


def _lay_out(
    board: _Board, units: Sequence[Unit], corner: tuple[float, float], *,
    width: float | None = None, min_x: float | None = None,
) -> list[Action]:  # fmt: skip
    """Pack `units` into one block as near `corner` as there is room for it, clear of the rest
    of the board: the moves of their post-its and groups."""
    _lift(board, units)
    offsets, w, h = pack(units, width)
    bx, by = board.occupancy.nearest_free(corner[0], corner[1], w, h, min_x=min_x)
    actions: list[Action] = []
    for unit, (ox, oy) in zip(units, offsets, strict=True):
        kind, key = unit.key
        ux, uy = bx + ox, by + oy
        if kind == "cluster":
            rows = board.members(key)
            for r, (dx, dy) in zip(rows, unit.inside, strict=True):
                actions.append(_to(r, ux + dx, uy + dy))
                board.place(r.id, ux + dx, uy + dy)
            board.occupancy.add(("cluster", key), (ux, uy, unit.w, unit.h))
            cluster = board.clusters.get(key)
            if cluster is not None and (cluster.x, cluster.y) != (ux, uy):
                actions.append(["cluster.update", {"id": key, "changes": {"x": ux, "y": uy}}])
        else:
            r = board.notes[key]
            actions.append(_to(r, ux, uy))
            board.place(key, ux, uy)
    return [a for a in actions if a]


def _lift(board: _Board, units: Sequence[Unit]) -> None:
    """Take blocks off the board's occupancy: they are moving, they are in nobody's way."""
    for unit in units:
        kind, key = unit.key
        if kind == "cluster":
            board.occupancy.remove(unit.key)
            for r in board.members(key):
                board.occupancy.remove(r.id)
        else:
            board.occupancy.remove(key)


def _to(row: Any, x: float, y: float) -> Action:
    if (row.x, row.y) == (x, y):
        return []
    return ["note.update", {"id": row.id, "changes": {"x": x, "y": y}}]


def _units(board: _Board, note_ids: Iterable[int]) -> list[Unit]:
    """A selection as blocks, in reading order: each lone post-it, and each group one of its
    post-its is in, whole."""
    units: dict[Any, tuple[tuple[float, float], Unit]] = {}
    for note_id in note_ids:
        r = board.row(note_id)
        if r is None:
            continue
        if r.cluster_id is None:
            units[("note", r.id)] = ((r.y, r.x), note_unit(r.id))
        elif ("cluster", r.cluster_id) not in units:
            rows = board.members(r.cluster_id)
            frame = _frame(rows)
            units[("cluster", r.cluster_id)] = (
                (frame[1], frame[0]),
                group_unit(r.cluster_id, len(rows)),
            )
    return [u for _, u in sorted(units.values(), key=lambda item: item[0])]


def _corner(board: _Board, units: Sequence[Unit]) -> tuple[float, float]:
    """The top-left of the blocks where they are now."""
    rects = []
    for unit in units:
        kind, key = unit.key
        if kind == "cluster":
            rects.append(_frame(board.members(key)))
        else:
            rects.append(note_rect(board.notes[key].x, board.notes[key].y))
    return min(r[0] for r in rects), min(r[1] for r in rects)


def _room_for_group(
    board: _Board, cluster_id: int | None, members: Sequence[int], corner: tuple[float, float]
) -> tuple[float, float]:
    """The top-left corner nearest `corner` where a group of `members`, laid out as a grid,
    covers nothing else."""
    for key in (*members, ("cluster", cluster_id)):
        board.occupancy.remove(key)
    return board.occupancy.nearest_free(*corner, *group_size(len(members)))


def _unit_rect(board: _Board, unit: Unit) -> Rect:
    kind, key = unit.key
    if kind == "cluster":
        return _frame(board.members(key))
    r = board.notes[key]
    return note_rect(r.x, r.y)


def _inside(point: tuple[float, float], zone: Zone) -> bool:
    return zone.x <= point[0] < zone.x + zone.w and zone.y <= point[1] < zone.y + zone.h

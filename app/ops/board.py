"""The post-it board: every action is one journalled, undoable operation.

A drag is one operation on release (`move`), whatever the number of post-its moved; grouping,
ungrouping, revealing are one operation each, so one Ctrl+Z reverts what one gesture did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.board import (
    COLOURS,
    DEFAULT_COLOUR,
    GAP,
    MAX_CLUSTER_TITLE,
    MAX_TEXT,
    NOTE_H,
    NOTE_W,
    TEMPLATES,
    Arrival,
    BoardData,
    ClusterCard,
    NoteCard,
    Scope,
    Zone,
    in_inbox,
    snap,
    template_for,
)
from app.domain.placement import (
    BOARD_X,
    HEADER,
    Occupancy,
    Rect,
    Unit,
    arrival_spot,
    group_size,
    group_spots,
    group_unit,
    note_rect,
    note_unit,
    pack,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute, mutation, pin
from app.ops.mutations import get_phase, get_workshop
from app.ops.votes import release_item, restore_votes
from app.store.models import Cluster, LiveTimer, Note, NoteFate, Participant, Phase, VoteRound

NOTE_COLUMNS = (
    "workshop_id", "phase_id", "cluster_id", "participant_id", "author", "text", "color",
    "x", "y", "hidden", "created_at",
)  # fmt: skip
NOTE_CHANGES = ("text", "color", "x", "y", "cluster_id", "hidden")
CLUSTER_COLUMNS = ("workshop_id", "phase_id", "title", "color", "x", "y", "collapsed")
CLUSTER_CHANGES = ("title", "color", "x", "y", "collapsed")
LIMIT = 2000  # items one gesture may touch


# -- mutations ---------------------------------------------------------------------------------
def _note(session: Session, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise NotFound("Ce post-it n'existe plus.")
    return note


def _cluster(session: Session, cluster_id: int) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound("Ce groupe n'existe plus.")
    return cluster


def _still_there(session: Session, model: Any, key: int | None) -> int | None:
    """A reference kept by an undo snapshot, or None if what it named is gone since (a
    participant removed, a phase deleted): an undo must not fail on it for ever."""
    return key if key is not None and session.get(model, key) is not None else None


def _restorable(session: Session, votes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        v
        for v in votes
        if session.get(VoteRound, v["round_id"]) is not None
        and (
            v.get("participant_id") is None
            or session.get(Participant, v["participant_id"]) is not None
        )
    ]


# what an undo snapshot's references point to: they may be gone since (a participant removed,
# a phase deleted), and an undo must not fail on them for ever
_REFERENCES: dict[type, dict[str, type]] = {
    Note: {"participant_id": Participant, "phase_id": Phase, "cluster_id": Cluster},
    Cluster: {"phase_id": Phase},
}


def _insert(
    session: Session, model: type, columns: tuple[str, ...], args: dict[str, Any], undo_name: str
) -> tuple[dict[str, Any], list[Action]]:
    row = {k: args[k] for k in columns if k in args}
    for key, target in _REFERENCES[model].items():
        row[key] = _still_there(session, target, row.get(key))
    item = model(id=args.get("id"), **row)
    session.add(item)
    session.flush()
    # votes given back to it when a deletion is undone (with the live vote counts)
    restore_votes(session, _restorable(session, args.get("votes", [])))
    return {**args, "id": item.id}, [[undo_name, {"id": item.id}]]


def _delete(
    session: Session, item: Any, columns: tuple[str, ...], item_type: str, undo_name: str
) -> tuple[dict[str, Any], list[Action]]:
    """Delete a post-it or a group; its votes go back to their voters (and come back on undo)."""
    snapshot = {"id": item.id, **{k: getattr(item, k) for k in columns},
                "votes": release_item(session, item_type, item.id)}  # fmt: skip
    session.delete(item)
    session.flush()
    return {"id": snapshot["id"]}, [[undo_name, snapshot]]


@mutation("note.insert")
def note_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _insert(session, Note, NOTE_COLUMNS, args, "note.delete")


@mutation("note.delete")
def note_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _delete(session, _note(session, args["id"]), NOTE_COLUMNS, "note", "note.insert")


def update_fields(
    item: Any, allowed: tuple[str, ...], args: dict[str, Any], name: str
) -> tuple[dict[str, Any], list[Action]]:
    """The usual `<thing>.update` mutation: set the allowed fields, the inverse restores them."""
    changes = {k: v for k, v in args["changes"].items() if k in allowed}
    old = {k: getattr(item, k) for k in changes}
    for key, value in changes.items():
        setattr(item, key, value)
    return {"id": item.id, "changes": changes}, [[name, {"id": item.id, "changes": old}]]


@mutation("note.update")
def note_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return update_fields(_note(session, args["id"]), NOTE_CHANGES, args, "note.update")


@mutation("cluster.insert")
def cluster_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _insert(session, Cluster, CLUSTER_COLUMNS, args, "cluster.delete")


@mutation("cluster.delete")
def cluster_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    cluster = _cluster(session, args["id"])
    return _delete(session, cluster, CLUSTER_COLUMNS, "cluster", "cluster.insert")


@mutation("cluster.update")
def cluster_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return update_fields(_cluster(session, args["id"]), CLUSTER_CHANGES, args, "cluster.update")


# -- helpers -----------------------------------------------------------------------------------
def _ids(ids: Iterable[int], what: str = "post-it") -> list[int]:
    unique = list(dict.fromkeys(int(i) for i in ids))
    if not unique:
        raise InvalidInput(f"Sélectionnez au moins un {what}.")
    if len(unique) > LIMIT:
        raise InvalidInput(f"{LIMIT} éléments au plus à la fois.")
    return unique


def _notes(session: Session, workshop_id: int, ids: Sequence[int]) -> list[Note]:
    notes = session.scalars(
        select(Note).where(Note.workshop_id == workshop_id, Note.id.in_(ids))
    ).all()
    if len(notes) != len(ids):
        raise NotFound("Un des post-its n'existe plus (un autre écran l'a peut-être supprimé).")
    by_id = {n.id: n for n in notes}
    return [by_id[i] for i in ids]


def _colour(value: str) -> str:
    if value not in COLOURS:
        raise InvalidInput(f"Couleur inconnue : {value}.")
    return value


def _coordinate(value: float) -> float:
    number = float(value)
    if not -1e6 <= number <= 1e6:  # NaN fails both comparisons
        raise InvalidInput("Position hors du tableau.")
    return number


def _emptied_clusters(session: Session, leaving: Mapping[int, int | None]) -> list[Action]:
    """Delete the clusters that the notes in `leaving` (note id → old cluster) leave empty."""
    actions: list[Action] = []
    for cluster_id in {c for c in leaving.values() if c is not None}:
        remaining = session.scalar(
            select(func.count())
            .select_from(Note)
            .where(Note.cluster_id == cluster_id, Note.id.not_in(list(leaving)))
        )
        if not remaining:
            actions.append(["cluster.delete", {"id": cluster_id}])
    return actions


def _phase_of(session: Session, workshop_id: int, phase_id: int | None) -> int | None:
    if phase_id is None:
        return None
    phase = get_phase(session, phase_id)
    if phase.workshop_id != workshop_id:
        raise InvalidInput("Cette séquence appartient à un autre atelier.")
    return phase.id


def _board(ctx: Context, workshop_id: int, op: str, build: Any) -> Change:
    def wrapped(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        actions, label = build(session)
        return workshop_id, actions, label

    return execute(ctx, op=op, topic=Topic.BOARD, build=wrapped)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


# -- placement ---------------------------------------------------------------------------------
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


# -- operations --------------------------------------------------------------------------------
def add_note(
    ctx: Context,
    workshop_id: int,
    *,
    text: str,
    phase_id: int | None = None,
    colour: str = DEFAULT_COLOUR,
    x: float = 0.0,
    y: float = 0.0,
    author: str = "",
) -> Change:
    """A post-it typed on the laptop (by the facilitator or a co-facilitator)."""
    clean = clean_text(text, what="Post-it", limit=MAX_TEXT, required=True).strip()
    who = clean_text(author, what="Auteur", limit=120).strip()

    wanted = (_coordinate(x), _coordinate(y))
    _colour(colour)

    def build(session: Session) -> tuple[list[Action], str]:
        phase = _phase_of(session, workshop_id, phase_id)
        # the nearest free place, on the board rather than in the phones' "Arrivées"
        spot = _boards(session, workshop_id)(phase).occupancy.nearest_free(*wanted, min_x=BOARD_X)
        row = {
            "workshop_id": workshop_id,
            "phase_id": phase,
            "cluster_id": None,
            "participant_id": None,
            "author": who,
            "text": clean,
            "color": colour,
            "x": spot[0],
            "y": spot[1],
            "hidden": False,
            "created_at": ctx.clock(),
        }
        return [["note.insert", row]], f"Post-it « {clean[:40]} »"

    return _board(ctx, workshop_id, "board.note_add", build)


def edit_note(ctx: Context, workshop_id: int, note_id: int, text: str) -> Change:
    clean = clean_text(text, what="Post-it", limit=MAX_TEXT, required=True).strip()

    def build(session: Session) -> tuple[list[Action], str]:
        (note,) = _notes(session, workshop_id, [note_id])
        return [["note.update", {"id": note.id, "changes": {"text": clean}}]], "Modifier un post-it"

    return _board(ctx, workshop_id, "board.note_edit", build)


def recolour(ctx: Context, workshop_id: int, note_ids: Iterable[int], colour: str) -> Change:
    ids = _ids(note_ids)
    _colour(colour)

    def build(session: Session) -> tuple[list[Action], str]:
        _notes(session, workshop_id, ids)
        actions: list[Action] = [
            ["note.update", {"id": i, "changes": {"color": colour}}] for i in ids
        ]
        return actions, f"Couleur {COLOURS[colour].name.lower()}"

    return _board(ctx, workshop_id, "board.recolour", build)


def move(
    ctx: Context,
    workshop_id: int,
    notes: Sequence[tuple[int, float, float]] = (),
    clusters: Sequence[tuple[int, float, float]] = (),
    *,
    snap_to_grid: bool = False,
    out_of_group: Iterable[int] = (),
) -> Change:
    """Move post-its and clusters to new positions: one operation for a whole drag.

    Post-its in `out_of_group` were dragged out of their group: they leave it (and a group
    left empty goes). A post-it dropped onto another (covering more than a sliver of it) is
    nudged to the nearest free place.
    """
    leaving_ids = {int(i) for i in out_of_group}
    if not notes and not clusters:
        raise InvalidInput("Rien à déplacer.")
    if len(notes) + len(clusters) > LIMIT:
        raise InvalidInput(f"{LIMIT} éléments au plus à la fois.")

    def place(value: float) -> float:
        value = _coordinate(value)
        return snap(value) if snap_to_grid else value

    def build(session: Session) -> tuple[list[Action], str]:
        moved = _notes(session, workshop_id, [n[0] for n in notes])
        if not leaving_ids <= {n.id for n in moved}:
            raise InvalidInput("Seuls des post-its déplacés peuvent quitter leur groupe.")
        leaving = {n.id: n.cluster_id for n in moved if n.id in leaving_ids}
        boards = _boards(session, workshop_id)
        for note in moved:
            boards(note.phase_id).occupancy.remove(note.id)
        actions: list[Action] = []
        for note, (i, x, y) in zip(moved, notes, strict=True):
            at = (place(x), place(y))
            occupancy = boards(note.phase_id).occupancy
            if occupancy.covered(note_rect(*at), _is_note):
                # out of the way of the others, in its own group's frame if it stays in it
                stays = note.cluster_id if note.id not in leaving else None
                at = occupancy.nearest_free(*at, ignore=frozenset({("cluster", stays)}))
            occupancy.add(note.id, note_rect(*at))
            changes: dict[str, Any] = {"x": at[0], "y": at[1]}
            if int(i) in leaving and leaving[int(i)] is not None:
                changes["cluster_id"] = None
            actions.append(["note.update", {"id": int(i), "changes": changes}])
        actions += _emptied_clusters(session, leaving)
        for cluster_id, x, y in clusters:
            if _cluster(session, int(cluster_id)).workshop_id != workshop_id:
                raise NotFound("Ce groupe n'existe plus.")
            actions.append(
                [
                    "cluster.update",
                    {"id": int(cluster_id), "changes": {"x": place(x), "y": place(y)}},
                ]
            )
        count = len(notes)
        label = (
            _plural(count, "Déplacer un post-it", "Déplacer {n} post-its")
            if count
            else "Déplacer un groupe"
        )
        return actions, label

    return _board(ctx, workshop_id, "board.move", build)


def _fates_before_delete(session: Session, ids: list[int]) -> list[Action]:
    """What undoing a deletion needs to give the post-its' fates back: theirs, and those of
    the post-its merged into them (the link would be lost with the row)."""
    from app.ops.votes.mutations import fate_row

    gone = set(ids)
    rows = session.execute(
        select(NoteFate.note_id, NoteFate.merged_into).where(
            or_(NoteFate.note_id.in_(ids), NoteFate.merged_into.in_(ids))
        )
    ).all()
    return [
        ["fate.set", {"note_id": note_id, "row": None if note_id in gone
                      else fate_row(session, note_id)}]
        for note_id, _into in rows
    ]  # fmt: skip


def delete_notes(ctx: Context, workshop_id: int, note_ids: Iterable[int]) -> Change:
    ids = _ids(note_ids)

    def build(session: Session) -> tuple[list[Action], str]:
        notes = _notes(session, workshop_id, ids)
        leaving = {n.id: n.cluster_id for n in notes}
        actions: list[Action] = _fates_before_delete(session, ids)
        actions += [["note.delete", {"id": i}] for i in ids]
        actions += _emptied_clusters(session, leaving)
        return actions, _plural(len(ids), "Supprimer un post-it", "Supprimer {n} post-its")

    return _board(ctx, workshop_id, "board.delete", build)


def duplicate_notes(ctx: Context, workshop_id: int, note_ids: Iterable[int]) -> Change:
    ids = _ids(note_ids)

    def build(session: Session) -> tuple[list[Action], str]:
        actions: list[Action] = []
        boards = _boards(session, workshop_id)
        for copy, note in enumerate(_notes(session, workshop_id, ids)):
            row = {k: getattr(note, k) for k in NOTE_COLUMNS}
            # beside the original, where there is room
            board = boards(note.phase_id)
            x, y = board.occupancy.nearest_free(note.x + GAP, note.y + GAP)
            board.place(("copy", copy), x, y)
            # a copy stays hidden if the original is (private writing), and is nobody's own
            # post-it: it is the facilitator's, outside any group
            row.update(x=x, y=y, created_at=ctx.clock(), participant_id=None,
                       cluster_id=None)  # fmt: skip
            actions.append(["note.insert", row])
        return actions, _plural(len(ids), "Dupliquer un post-it", "Dupliquer {n} post-its")

    return _board(ctx, workshop_id, "board.duplicate", build)


def group(
    ctx: Context,
    workshop_id: int,
    note_ids: Iterable[int],
    *,
    title: str = "",
    phase_id: int | None = None,
    into: int | None = None,
) -> Change:
    """Gather post-its into a new cluster (or into cluster `into`), laid out tidily."""
    ids = _ids(note_ids)
    clean = clean_text(title, what="Titre du groupe", limit=MAX_CLUSTER_TITLE).strip()
    if into is None and len(ids) < 2:
        raise InvalidInput("Sélectionnez au moins deux post-its pour les regrouper.")

    def build(session: Session) -> tuple[list[Action], str]:
        notes = _notes(session, workshop_id, ids)
        label = _plural(len(ids), "Regrouper un post-it", "Regrouper {n} post-its")
        leaving = {n.id: n.cluster_id for n in notes if n.cluster_id not in (None, into)}
        boards = _boards(session, workshop_id)
        if into is not None:
            cluster = _cluster(session, into)
            if cluster.workshop_id != workshop_id:
                raise NotFound("Ce groupe n'existe plus.")
            board = boards(cluster.phase_id)
            staying = [r for r in board.members(into) if r.id not in ids]
            ordered = [r.id for r in staying] + [n.id for n in notes]
            # the group grows where it is, or moves to where there is room for it
            corner = _frame(staying)[:2] if staying else (cluster.x, cluster.y)
            corner = _room_for_group(board, into, ordered, corner)
            actions: list[Action] = [
                ["note.update", {"id": i, "changes": {"x": x, "y": y, "cluster_id": into}}]
                for i, (x, y) in zip(ordered, group_spots(corner, len(ordered)), strict=True)
            ]
            if corner != (cluster.x, cluster.y):
                actions.append(
                    ["cluster.update", {"id": into, "changes": {"x": corner[0], "y": corner[1]}}]
                )
            return actions + _emptied_clusters(session, leaving), label
        board = boards(notes[0].phase_id)
        ordered = [n.id for n in notes]
        origin = (min(n.x for n in notes) - GAP, min(n.y for n in notes) - HEADER)
        corner = _room_for_group(board, None, ordered, origin)
        cluster_row = {
            "workshop_id": workshop_id,
            "phase_id": _phase_of(session, workshop_id, phase_id) or notes[0].phase_id,
            "title": clean or "Groupe sans titre",
            "color": notes[0].color,
            "x": corner[0],
            "y": corner[1],
            "collapsed": False,
        }
        members_at = [
            [i, x, y] for i, (x, y) in zip(ordered, group_spots(corner, len(ordered)), strict=True)
        ]
        actions = [["cluster.gather", {"cluster": cluster_row, "members": members_at}]]
        return actions + _emptied_clusters(session, leaving), label

    return _board(ctx, workshop_id, "board.group", build)


def _room_for_group(
    board: _Board, cluster_id: int | None, members: Sequence[int], corner: tuple[float, float]
) -> tuple[float, float]:
    """The top-left corner nearest `corner` where a group of `members`, laid out as a grid,
    covers nothing else."""
    for key in (*members, ("cluster", cluster_id)):
        board.occupancy.remove(key)
    return board.occupancy.nearest_free(*corner, *group_size(len(members)))


@mutation("cluster.gather")
def cluster_gather(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Create a cluster and put post-its in it, at the given places (one step, so the
    cluster's id, known only once inserted, is recorded for redo)."""
    applied, delete_cluster = cluster_insert(session, dict(args["cluster"]))
    cluster_id = applied["id"]
    restore: list[Action] = []
    for note_id, x, y in args["members"]:
        _, undo = note_update(
            session, {"id": note_id, "changes": {"x": x, "y": y, "cluster_id": cluster_id}}
        )
        restore += undo
    return {"cluster": applied, "members": args["members"]}, restore + delete_cluster


def ungroup(ctx: Context, workshop_id: int, cluster_id: int) -> Change:
    def build(session: Session) -> tuple[list[Action], str]:
        cluster = _cluster(session, cluster_id)
        if cluster.workshop_id != workshop_id:
            raise NotFound("Ce groupe n'existe plus.")
        members = session.scalars(select(Note).where(Note.cluster_id == cluster_id)).all()
        board = _boards(session, workshop_id)(cluster.phase_id)
        board.occupancy.remove(("cluster", cluster_id))
        actions: list[Action] = []
        for note in members:  # they stay where they are, unless one hides another
            changes: dict[str, Any] = {"cluster_id": None}
            board.occupancy.remove(note.id)
            at = (note.x, note.y)
            if board.occupancy.covered(note_rect(*at), _is_note):
                at = board.occupancy.nearest_free(*at)
                changes.update(x=at[0], y=at[1])
            board.place(note.id, *at)
            actions.append(["note.update", {"id": note.id, "changes": changes}])
        actions.append(["cluster.delete", {"id": cluster_id}])
        return actions, f"Dégrouper « {cluster.title[:40]} »"

    return _board(ctx, workshop_id, "board.ungroup", build)


def tidy(
    ctx: Context,
    workshop_id: int,
    note_ids: Iterable[int] | None = None,
    *,
    cluster_id: int | None = None,
    phase_id: int | None = None,
) -> Change:
    """ "Ranger": lay out a selection, a group, or the whole board (neither given: the board of
    `phase_id`) as a grid, where there is room for it; one undoable operation.

    A selection keeps its groups whole (a group one of its post-its is in is laid out with
    it). The whole board: the post-its waiting in "Arrivées" follow each other again from the
    lane's first place; on the board, each zone of the template is laid out inside it, and what
    is outside the zones beside them.
    """
    ids = _ids(note_ids) if note_ids is not None else None

    def build(session: Session) -> tuple[list[Action], str]:
        boards = _boards(session, workshop_id)
        if cluster_id is not None:
            cluster = _cluster(session, cluster_id)
            if cluster.workshop_id != workshop_id:
                raise NotFound("Ce groupe n'existe plus.")
            board = boards(cluster.phase_id)
            members = board.members(cluster_id)
            if not members:
                raise NotFound("Ce groupe n'existe plus.")
            units = [group_unit(cluster_id, len(members))]
            return _lay_out(board, units, _corner(board, units)), "Ranger un groupe"
        if ids is not None:
            notes = _notes(session, workshop_id, ids)
            board = boards(notes[0].phase_id)
            units = _units(board, ids)
            actions = _lay_out(board, units, _corner(board, units))
            return actions, _plural(len(ids), "Ranger un post-it", "Ranger {n} post-its")
        phase = _phase_of(session, workshop_id, phase_id)
        return _tidy_board(ctx, session, boards(phase), phase), "Ranger le tableau"

    return _board(ctx, workshop_id, "board.tidy", build)


def _tidy_board(
    ctx: Context, session: Session, board: _Board, phase_id: int | None
) -> list[Action]:
    actions: list[Action] = []
    board.read_all()
    # the lane: its post-its one after the other again, oldest first
    lane = sorted(i for i, r in board.notes.items() if r.cluster_id is None and in_inbox(r.x))
    for i in lane:
        board.occupancy.remove(i)
    for index, i in enumerate(lane):
        x, y = arrival_spot(index)
        actions.append(_to(board.notes[i], x, y))
        board.place(i, x, y)
    # the board: each zone's blocks inside it, then the others beside the zones
    phase = session.get(Phase, phase_id) if phase_id is not None else None
    method = ctx.library.method(phase.method_key) if phase is not None else None
    template = template_for(
        phase.board_template if phase is not None else None,
        method.board if method is not None else None,
    )
    rest = [i for i in board.notes if i not in lane]
    units = _units(board, rest)
    _lift(board, units)  # everything moves: only what is placed is in the way
    by_zone: dict[int, list[Unit]] = {}
    for unit in units:
        x, y, w, h = _unit_rect(board, unit)
        centre = (x + w / 2, y + h / 2)
        zone = next(
            (n for n, z in enumerate(template.zones) if _inside(centre, z)), len(template.zones)
        )
        by_zone.setdefault(zone, []).append(unit)
    for n, z in enumerate(template.zones):
        if n in by_zone:
            actions += _lay_out(board, by_zone[n], (z.x + GAP, z.y + 80.0), width=z.w - 2 * GAP)
    if len(template.zones) in by_zone:  # what is outside the zones stays outside them
        for n, z in enumerate(template.zones):
            board.occupancy.add(("zone", n), (z.x, z.y, z.w, z.h))
        outside = by_zone[len(template.zones)]
        x, y = _corner(board, outside)
        actions += _lay_out(board, outside, (max(BOARD_X, x), y), min_x=BOARD_X)
    return [a for a in actions if a]


def _unit_rect(board: _Board, unit: Unit) -> Rect:
    kind, key = unit.key
    if kind == "cluster":
        return _frame(board.members(key))
    r = board.notes[key]
    return note_rect(r.x, r.y)


def _inside(point: tuple[float, float], zone: Zone) -> bool:
    return zone.x <= point[0] < zone.x + zone.w and zone.y <= point[1] < zone.y + zone.h


def update_cluster(
    ctx: Context,
    workshop_id: int,
    cluster_id: int,
    *,
    title: str | None = None,
    colour: str | None = None,
    collapsed: bool | None = None,
) -> Change:
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = clean_text(
            title, what="Titre du groupe", limit=MAX_CLUSTER_TITLE, required=True
        ).strip()
    if colour is not None:
        changes["color"] = _colour(colour)
    if collapsed is not None:
        changes["collapsed"] = bool(collapsed)
    if not changes:
        raise InvalidInput("Rien à modifier.")

    def build(session: Session) -> tuple[list[Action], str]:
        cluster = _cluster(session, cluster_id)
        if cluster.workshop_id != workshop_id:
            raise NotFound("Ce groupe n'existe plus.")
        actions: list[Action] = [["cluster.update", {"id": cluster_id, "changes": changes}]]
        if "color" in changes:  # the group's post-its take its colour
            members = session.scalars(select(Note.id).where(Note.cluster_id == cluster_id))
            actions += [
                ["note.update", {"id": i, "changes": {"color": changes["color"]}}] for i in members
            ]
        if "title" in changes:
            label = f"Renommer le groupe « {changes['title'][:40]} »"
        elif "collapsed" in changes:
            label = "Replier un groupe" if changes["collapsed"] else "Déplier un groupe"
        else:
            label = "Couleur du groupe"
        return actions, label

    return _board(ctx, workshop_id, "board.cluster", build)


def reveal(ctx: Context, workshop_id: int, phase_id: int | None) -> Change:
    """Show the text of the post-its written privately on this board."""

    def build(session: Session) -> tuple[list[Action], str]:
        query = select(Note.id).where(Note.workshop_id == workshop_id, Note.hidden.is_(True))
        if phase_id is not None and _scope(session, workshop_id) == Scope.PHASE:
            query = query.where(Note.phase_id == phase_id)
        hidden = session.scalars(query).all()
        if not hidden:
            raise InvalidInput("Aucun post-it caché à révéler.")
        actions: list[Action] = [
            ["note.update", {"id": i, "changes": {"hidden": False}}] for i in hidden
        ]
        return actions, _plural(len(hidden), "Révéler un post-it", "Révéler {n} post-its")

    return _board(ctx, workshop_id, "board.reveal", build)


def set_private(ctx: Context, workshop_id: int, phase_id: int, private: bool) -> Change:
    """Turn "écriture individuelle" on or off for a phase (phones' text hidden until revealed)."""

    def build(session: Session) -> tuple[list[Action], str]:
        _phase_of(session, workshop_id, phase_id)
        label = "Écriture individuelle" if private else "Fin de l'écriture individuelle"
        return [
            ["phase.update", {"id": phase_id, "changes": {"private_writing": bool(private)}}]
        ], label

    return _board(ctx, workshop_id, "board.private", build)


def set_template(ctx: Context, workshop_id: int, phase_id: int, template: str | None) -> Change:
    if template is not None and template not in TEMPLATES:
        raise InvalidInput(f"Modèle de tableau inconnu : {template}.")

    def build(session: Session) -> tuple[list[Action], str]:
        _phase_of(session, workshop_id, phase_id)
        name = TEMPLATES[template].name if template else "celui de la méthode"
        return [
            ["phase.update", {"id": phase_id, "changes": {"board_template": template}}]
        ], f"Modèle : {name}"

    return _board(ctx, workshop_id, "board.template", build)


def set_options(
    ctx: Context, workshop_id: int, *, scope: str | None = None, arrival: str | None = None
) -> Change:
    changes: dict[str, Any] = {}
    try:
        if scope is not None:
            changes["board_scope"] = Scope(scope).value
        if arrival is not None:
            changes["phone_notes"] = Arrival(arrival).value
    except ValueError as exc:
        raise InvalidInput(f"Réglage du tableau inconnu : {exc}.") from None
    if not changes:
        raise InvalidInput("Rien à modifier.")

    def build(session: Session) -> tuple[list[Action], str]:
        return [["workshop.update", {"id": workshop_id, "changes": changes}]], "Réglages du tableau"

    return _board(ctx, workshop_id, "board.options", build)


# -- reading -----------------------------------------------------------------------------------
def _scope(session: Session, workshop_id: int) -> Scope:
    return Scope(get_workshop(session, workshop_id).board_scope)


_NOTE_CARD_COLUMNS = (
    Note.id, Note.text, Note.author, Note.color, Note.x, Note.y, Note.created_at,
    Note.cluster_id, Note.hidden, Note.participant_id,
)  # fmt: skip


def _card(r: Any) -> NoteCard:
    return NoteCard(
        r.id, r.text, r.author or "anonyme", r.color, r.x, r.y, r.created_at,
        r.cluster_id, bool(r.hidden), r.participant_id is not None,
    )  # fmt: skip


def new_notes(ctx: Context, board: BoardData, note_ids: Iterable[int]) -> tuple[NoteCard, ...]:
    """The post-its just added that belong on `board`: a refresh for a burst of phones'
    post-its reads these few rows instead of the whole board."""
    ids = list(note_ids)[:LIMIT]

    def work(session: Session) -> tuple[NoteCard, ...]:
        query = select(*_NOTE_CARD_COLUMNS).where(
            Note.workshop_id == board.workshop_id, Note.id.in_(ids)
        )
        if board.scope == Scope.PHASE:
            query = query.where(Note.phase_id.is_not_distinct_from(board.phase_id))
        return tuple(_card(r) for r in session.execute(query.order_by(Note.id)))

    return ctx.db.read(work) if ids else ()


def fullest_board(ctx: Context, workshop_id: int) -> BoardData | None:
    """The board the compte-rendu shows: the workshop's single board, or the phase board with
    the most post-its; None when nobody wrote any."""

    def fullest(session: Session) -> int | None:
        row = session.execute(
            select(Note.phase_id, func.count())
            .where(Note.workshop_id == workshop_id, Note.phase_id.is_not(None))
            .group_by(Note.phase_id)
            .order_by(func.count().desc(), Note.phase_id)
            .limit(1)
        ).first()
        return row[0] if row else None

    first = board_data(ctx, workshop_id)
    if first.scope == Scope.PHASE:
        phase_id = ctx.db.read(fullest)
        if phase_id is not None and phase_id != first.phase_id:
            first = board_data(ctx, workshop_id, phase_id)
    return first if first.notes else None


def board_data(ctx: Context, workshop_id: int, phase_id: int | None = None) -> BoardData:
    """The board of a phase (the live one, or the first, when `phase_id` is None), or the
    workshop's single board when its scope is the whole workshop."""

    def work(session: Session) -> BoardData:
        workshop = get_workshop(session, workshop_id)
        scope = Scope(workshop.board_scope)
        phases = session.execute(
            select(Phase.id, Phase.title, Phase.kind)
            .where(Phase.workshop_id == workshop_id)
            .order_by(Phase.block_id, Phase.position)
        ).all()
        work_phases = tuple((p.id, p.title) for p in phases if p.kind != "break")
        chosen = phase_id
        if chosen is None:
            chosen = session.scalar(
                select(LiveTimer.phase_id).where(
                    LiveTimer.workshop_id == workshop_id, LiveTimer.state != "ended"
                )
            )
        if chosen is None and work_phases:  # outside a séance: the fullest board, else the first
            fullest = session.execute(
                select(Note.phase_id, func.count())
                .where(Note.workshop_id == workshop_id, Note.phase_id.is_not(None))
                .group_by(Note.phase_id)
                .order_by(func.count().desc(), Note.phase_id)
                .limit(1)
            ).first()
            listed = {p[0] for p in work_phases}
            chosen = fullest[0] if fullest and fullest[0] in listed else work_phases[0][0]
        phase = session.get(Phase, chosen) if chosen is not None else None
        if phase is not None and phase.workshop_id != workshop_id:
            raise InvalidInput("Cette séquence appartient à un autre atelier.")
        method = ctx.library.method(phase.method_key) if phase is not None else None
        template = template_for(
            phase.board_template if phase is not None else None,
            method.board if method is not None else None,
        )
        note_query = (
            select(*_NOTE_CARD_COLUMNS).where(Note.workshop_id == workshop_id).order_by(Note.id)
        )
        cluster_query = select(Cluster).where(Cluster.workshop_id == workshop_id)
        if scope == Scope.PHASE and phase is not None:
            note_query = note_query.where(Note.phase_id == phase.id)
            cluster_query = cluster_query.where(Cluster.phase_id == phase.id)
        notes = tuple(_card(r) for r in session.execute(note_query))
        members: dict[int, list[int]] = {}
        for note in notes:
            if note.cluster_id is not None:
                members.setdefault(note.cluster_id, []).append(note.id)
        clusters = tuple(
            ClusterCard(c.id, c.title, c.color, c.x, c.y, c.collapsed, tuple(members.get(c.id, ())))
            for c in session.scalars(cluster_query.order_by(Cluster.id))
        )
        if scope == Scope.WORKSHOP:
            title = "Tableau de l'atelier"
        else:
            title = phase.title if phase is not None else "Tableau"
        return BoardData(
            workshop_id=workshop_id,
            phase_id=phase.id if phase is not None else None,
            title=title,
            template=template,
            scope=scope,
            arrival=Arrival(workshop.phone_notes),
            private=bool(phase.private_writing) if phase is not None else False,
            notes=notes,
            clusters=clusters,
            phases=work_phases,
        )

    return ctx.db.read(work)

"""Operations on post-its: add, edit, recolour, move (one drag), delete, duplicate."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.board import (
    COLOURS,
    DEFAULT_COLOUR,
    GAP,
    MAX_TEXT,
    snap,
)
from app.domain.placement import (
    BOARD_X,
    note_rect,
)
from app.errors import InvalidInput, NotFound
from app.ops.base import Action, Change, Context
from app.ops.board.common import (
    LIMIT,
    _board,
    _cluster,
    _colour,
    _coordinate,
    _emptied_clusters,
    _ids,
    _notes,
    _phase_of,
    _plural,
)
from app.ops.board.mutations import NOTE_COLUMNS
from app.ops.board.room import (
    _boards,
    _is_note,
)
from app.store.models import NoteFate


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
        raise InvalidInput("{LIMIT} éléments au plus à la fois.", LIMIT=LIMIT)

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
    """The fates a deletion takes away, so that undoing it gives them back: the post-its'
    own, and those of the post-its merged into them (which go back to "nothing decided": a
    merge into a post-it that no longer exists points at nothing)."""
    rows = session.execute(
        select(NoteFate.note_id).where(
            or_(NoteFate.note_id.in_(ids), NoteFate.merged_into.in_(ids))
        )
    ).all()
    return [["fate.set", {"note_id": note_id, "row": None}] for (note_id,) in rows]


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

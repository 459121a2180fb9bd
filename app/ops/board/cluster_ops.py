"""Operations on groups: group (into a new or an existing group), ungroup, tidy
("Ranger"), a group's title, colour and folding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.board import (
    GAP,
    MAX_CLUSTER_TITLE,
    in_inbox,
    template_for,
)
from app.domain.placement import (
    BOARD_X,
    HEADER,
    Unit,
    arrival_spot,
    group_spots,
    group_unit,
    note_rect,
)
from app.errors import InvalidInput, NotFound
from app.ops.base import Action, Change, Context
from app.ops.board.common import (
    _board,
    _cluster,
    _colour,
    _emptied_clusters,
    _ids,
    _notes,
    _phase_of,
    _plural,
)
from app.ops.board.room import (
    _Board,
    _boards,
    _corner,
    _frame,
    _inside,
    _is_note,
    _lay_out,
    _lift,
    _room_for_group,
    _to,
    _unit_rect,
    _units,
)
from app.store.models import Note, Phase


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

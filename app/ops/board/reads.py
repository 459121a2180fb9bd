"""Reading the board: the whole board of a phase or workshop, the post-its just added,
the fullest board (for the compte-rendu)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.board import (
    Arrival,
    BoardData,
    ClusterCard,
    NoteCard,
    Scope,
    template_for,
)
from app.errors import InvalidInput
from app.ops.base import Context
from app.ops.board.common import (
    LIMIT,
)
from app.ops.mutations import get_workshop
from app.store.models import Cluster, LiveTimer, Note, Phase

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

"""Reads: plain dataclasses for the window, the command line and the server."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.model import (
    BlockInfo,
    Cadrage,
    MilestoneInfo,
    PhaseInfo,
    PhaseKind,
    ProjectInfo,
    Status,
    WorkshopDetail,
    WorkshopSummary,
)
from app.ops.base import Context, undo_candidates
from app.ops.mutations import get_workshop
from app.store.models import (
    Block,
    CheckIn,
    Cluster,
    JournalEntry,
    Note,
    Participant,
    Programme,
    Project,
    Vote,
    VoteRound,
    Workshop,
)

log = logging.getLogger(__name__)


def known_status(value: str) -> Status:
    """A workshop's stored status; one Atelier does not know (a base written by a crafted
    archive before archives were checked, or by hand) reads as "draft", with a warning,
    instead of breaking every listing of the base."""
    try:
        return Status(value)
    except ValueError:
        log.warning("unknown workshop status %r read as draft", str(value)[:30])
        return Status.DRAFT


def list_workshops(
    ctx: Context, *, include_archived: bool = False, search: str = ""
) -> list[WorkshopSummary]:
    def work(session: Session) -> list[WorkshopSummary]:
        query = select(Workshop).order_by(Workshop.updated_at.desc(), Workshop.id.desc())
        if not include_archived:
            query = query.where(Workshop.status != Status.ARCHIVED.value)
        rows = session.scalars(query).all()
        needle = search.strip().casefold()
        result = []
        for w in rows:
            if needle and needle not in w.title.casefold() and needle not in w.place.casefold():
                continue
            result.append(
                WorkshopSummary(
                    id=w.id,
                    title=w.title,
                    format_key=w.format_key,
                    format_name=ctx.library.format_name(w.format_key),
                    status=known_status(w.status),
                    updated_at=w.updated_at,
                    start_date=w.start_date,
                    place=w.place,
                    rehearsal_of=w.rehearsal_of,
                )
            )
        return result

    return ctx.db.read(work)


def _phase_info(p) -> PhaseInfo:
    return PhaseInfo(
        id=p.id,
        block_id=p.block_id,
        position=p.position,
        title=p.title,
        planned_minutes=p.planned_minutes,
        kind=PhaseKind(p.kind),
        method_key=p.method_key,
        instructions=p.instructions,
        notes=p.notes,
        actual_start=p.actual_start,
        actual_end=p.actual_end,
    )


def project_infos(session: Session, workshop_id: int) -> tuple[ProjectInfo, ...]:
    """The workshop's chantiers, oldest first."""
    rows = session.execute(
        select(Project.id, Project.title, Project.status, Project.description)
        .where(Project.workshop_id == workshop_id)
        .order_by(Project.id)
    ).all()
    return tuple(
        ProjectInfo(i, title, status, description) for i, title, status, description in rows
    )


def workshop_detail(ctx: Context, workshop_id: int) -> WorkshopDetail:
    def work(session: Session) -> WorkshopDetail:
        w = get_workshop(session, workshop_id)
        blocks = session.scalars(
            select(Block)
            .where(Block.workshop_id == w.id)
            .order_by(Block.number)
            .options(selectinload(Block.phases))
        ).all()
        block_infos = tuple(
            BlockInfo(
                id=b.id,
                number=b.number,
                title=b.title,
                week=b.week,
                day=b.day,
                phases=tuple(_phase_info(p) for p in sorted(b.phases, key=lambda p: p.position)),
            )
            for b in blocks
        )
        programme = session.scalars(
            select(Programme)
            .where(Programme.workshop_id == w.id)
            .options(selectinload(Programme.milestones))
        ).first()
        milestones = tuple(
            MilestoneInfo(id=m.id, title=m.title, week=m.week, done=m.done_at is not None)
            for m in (programme.milestones if programme else [])
        )
        to_undo, to_redo = undo_candidates(session, w.id)
        last_seq = session.scalar(
            select(func.max(JournalEntry.seq)).where(JournalEntry.workshop_id == w.id)
        )
        return WorkshopDetail(
            id=w.id,
            title=w.title,
            format_key=w.format_key,
            format_name=ctx.library.format_name(w.format_key),
            status=known_status(w.status),
            cadrage=Cadrage.from_dict(w.cadrage),
            place=w.place,
            start_date=w.start_date,
            block_label=w.block_label,
            block_minutes=w.block_minutes,
            blocks=block_infos,
            milestones=milestones,
            projects=project_infos(session, w.id),
            can_undo=to_undo is not None,
            can_redo=to_redo is not None,
            undo_label=to_undo.label if to_undo else "",
            redo_label=to_redo.label if to_redo else "",
            undo_op=to_undo.op if to_undo else "",
            redo_op=to_redo.op if to_redo else "",
            last_seq=last_seq or 0,
            counts=_counts(session, w.id),
            rehearsal_of=w.rehearsal_of,
        )

    return ctx.db.read(work)


def last_seq(ctx: Context, workshop_id: int) -> int:
    """The workshop's latest journal sequence number (`workshop_detail(…).last_seq`, without
    reading the rest: what every phone's socket is told on connecting)."""
    return ctx.db.read(
        lambda session: int(
            session.scalar(
                select(func.max(JournalEntry.seq)).where(JournalEntry.workshop_id == workshop_id)
            )
            or 0
        )
    )


def _counts(session: Session, workshop_id: int) -> dict[str, int]:
    def count(query) -> int:
        return int(session.scalar(query) or 0)

    return {
        "participants": count(
            select(func.count(Participant.id)).where(Participant.workshop_id == workshop_id)
        ),
        "checkins": count(
            select(func.count(func.distinct(CheckIn.participant_id)))
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(Participant.workshop_id == workshop_id)
        ),
        "notes": count(select(func.count(Note.id)).where(Note.workshop_id == workshop_id)),
        "clusters": count(select(func.count(Cluster.id)).where(Cluster.workshop_id == workshop_id)),
        "vote_rounds": count(
            select(func.count(VoteRound.id)).where(VoteRound.workshop_id == workshop_id)
        ),
        "votes": count(
            select(func.count(Vote.id))
            .join(VoteRound, VoteRound.id == Vote.round_id)
            .where(VoteRound.workshop_id == workshop_id)
        ),
    }


def journal_entries(
    ctx: Context, workshop_id: int | None = None, after_seq: int = 0, limit: int = 1000
) -> list[dict[str, object]]:
    """The journal as plain dicts (what a replica replays, what the history shows)."""

    def work(session: Session) -> list[dict[str, object]]:
        query = (
            select(JournalEntry)
            .where(JournalEntry.seq > after_seq)
            .order_by(JournalEntry.seq)
            .limit(limit)
        )
        if workshop_id is not None:
            query = query.where(JournalEntry.workshop_id == workshop_id)
        return [
            {
                "seq": e.seq,
                "at": e.at,
                "actor": e.actor,
                "op": e.op,
                "label": e.label,
                "workshop_id": e.workshop_id,
                "forward": e.forward,
            }
            for e in session.scalars(query)
        ]

    return ctx.db.read(work)

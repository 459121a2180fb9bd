"""Running a séance: the authoritative timer, as operations in the journal.

Each start, pause, adjustment or phase change is one journal entry (not undoable: time is not
undone, but a wrong step is corrected with "séquence précédente"). The timer row holds a
wall-clock deadline, so a restart of the app resumes the running timer exactly where the wall
clock says it is. Actual start and end of each phase are recorded for planned vs actual.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.model import Status
from app.domain.timer import MAX_SECONDS, LiveSession, PhaseRun, Timer, TimerState
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute
from app.ops.mutations import get_workshop
from app.store.models import Block, LiveTimer, Phase

log = logging.getLogger(__name__)


def _block_phases(session: Session, block_id: int) -> list[Phase]:
    return list(
        session.scalars(select(Phase).where(Phase.block_id == block_id).order_by(Phase.position))
    )


def _timer(session: Session, workshop_id: int) -> LiveTimer:
    timer = session.get(LiveTimer, workshop_id)
    if timer is None:
        raise InvalidInput("Aucune séance n'est en cours pour cet atelier.")
    return timer


def _row(timer: LiveTimer, **changes: Any) -> dict[str, Any]:
    row = {
        "block_id": timer.block_id,
        "phase_id": timer.phase_id,
        "state": timer.state,
        "planned": timer.planned,
        "remaining": timer.remaining,
        "deadline": timer.deadline,
        "session_start": timer.session_start,
    }
    row.update(changes)
    return row


def _set(workshop_id: int, row: dict[str, Any] | None) -> Action:
    return ["timer.set", {"workshop_id": workshop_id, "row": row}]


def _remaining(timer: LiveTimer, now: float) -> float:
    if timer.state == TimerState.RUNNING and timer.deadline is not None:
        return timer.deadline - now
    return timer.remaining


def _timer_op(
    ctx: Context, workshop_id: int, op: str, label: str, plan: Any, *, topic: Topic = Topic.TIMER
) -> Change:
    """An operation on the running timer; `plan(session, timer, now)` returns the mutations."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        timer = _timer(session, workshop_id)
        if timer.state == TimerState.ENDED and op not in ("live.start_session",):
            raise InvalidInput("La séance est terminée : démarrez-en une nouvelle.")
        return workshop_id, plan(session, timer, ctx.clock()), label

    return execute(ctx, op=op, topic=topic, build=build, undoable=False)


def start_session(ctx: Context, workshop_id: int, block_id: int | None = None) -> Change | None:
    """Open the séance's console on its first phase (the countdown waits for "Démarrer").

    A séance already running for this workshop is resumed as it is (returns None).
    """

    def running_block(session: Session) -> int | None:
        existing = session.get(LiveTimer, workshop_id)
        if existing is None or existing.state == TimerState.ENDED:
            return None
        return existing.block_id

    current_block = ctx.db.read(running_block)
    if current_block is not None and block_id in (None, current_block):
        return None
    ctx.db.backup("debut-seance")  # the rotating backup taken when a séance starts

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        workshop = get_workshop(session, workshop_id)
        existing = session.get(LiveTimer, workshop_id)
        blocks = list(
            session.scalars(
                select(Block).where(Block.workshop_id == workshop_id).order_by(Block.number)
            )
        )
        if block_id is not None:
            chosen = next((b for b in blocks if b.id == block_id), None)
            if chosen is None:
                raise NotFound("Cette séance n'appartient pas à l'atelier.")
        else:
            # today's day of a 3 jours, else the first séance not yet run
            today = date.fromtimestamp(ctx.clock())
            chosen = next((b for b in blocks if b.day == today), None) or next(
                (
                    b
                    for b in blocks
                    if any(p.actual_end is None for p in _block_phases(session, b.id))
                ),
                blocks[0] if blocks else None,
            )
        if chosen is None:
            raise InvalidInput("Cet atelier n'a pas encore d'agenda.")
        phases = _block_phases(session, chosen.id)
        if not phases:
            raise InvalidInput(
                f"« {chosen.title} » n'a aucune séquence : ajoutez-en dans l'agenda d'abord."
            )
        first = next((p for p in phases if p.actual_end is None), phases[0])
        now = ctx.clock()
        actions: list[Action] = []
        if existing is not None and existing.state != TimerState.ENDED and existing.phase_id:
            actions += _close_phase(session, existing.phase_id, now)
        row = {
            "block_id": chosen.id,
            "phase_id": first.id,
            "state": TimerState.READY.value,
            "planned": first.planned_minutes * 60.0,
            "remaining": first.planned_minutes * 60.0,
            "deadline": None,
            "session_start": now,
        }
        actions.append(_set(workshop_id, row))
        if workshop.status != Status.LIVE.value:
            actions.append(
                ["workshop.update", {"id": workshop_id, "changes": {"status": Status.LIVE.value}}]
            )
        return workshop_id, actions, f"Séance démarrée : {chosen.title}"

    return execute(ctx, op="live.start_session", topic=Topic.TIMER, build=build, undoable=False)


def _close_phase(session: Session, phase_id: int, now: float) -> list[Action]:
    phase = session.get(Phase, phase_id)
    if phase is None or phase.actual_start is None or phase.actual_end is not None:
        return []
    return [["phase.times", {"id": phase_id, "actual_end": now}]]


def start(ctx: Context, workshop_id: int) -> Change:
    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        if timer.state == TimerState.RUNNING:
            return []
        actions = [
            _set(
                workshop_id,
                _row(
                    timer,
                    state=TimerState.RUNNING.value,
                    deadline=now + timer.remaining,
                ),
            )
        ]
        phase = session.get(Phase, timer.phase_id) if timer.phase_id else None
        if phase is not None and phase.actual_start is None:
            actions.append(["phase.times", {"id": phase.id, "actual_start": now}])
        return actions

    return _timer_op(ctx, workshop_id, "live.start", "Minuteur démarré", plan)


def pause(ctx: Context, workshop_id: int) -> Change:
    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        if timer.state != TimerState.RUNNING:
            return []
        return [
            _set(
                workshop_id,
                _row(
                    timer,
                    state=TimerState.PAUSED.value,
                    remaining=_remaining(timer, now),
                    deadline=None,
                ),
            )
        ]

    return _timer_op(ctx, workshop_id, "live.pause", "Minuteur en pause", plan)


def toggle(ctx: Context, workshop_id: int) -> Change:
    """Space bar: start, pause or resume."""
    state = ctx.db.read(lambda s: _timer(s, workshop_id).state)
    if state == TimerState.RUNNING:
        return pause(ctx, workshop_id)
    return start(ctx, workshop_id)


def adjust(ctx: Context, workshop_id: int, seconds: float) -> Change:
    """+1 min, +5 min, −1 min: moves the end of the current phase."""
    if not -MAX_SECONDS <= seconds <= MAX_SECONDS or seconds == 0:
        raise InvalidInput("Un ajustement doit être compris entre 1 minute et 12 heures.")

    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        remaining = _remaining(timer, now) + seconds
        if remaining > MAX_SECONDS:
            raise InvalidInput("Une séquence ne peut pas durer plus de 12 heures.")
        planned = max(60.0, timer.planned + seconds)
        if timer.state == TimerState.RUNNING and timer.deadline is not None:
            row = _row(timer, deadline=timer.deadline + seconds, planned=planned)
        else:
            row = _row(timer, remaining=remaining, planned=planned)
        return [_set(workshop_id, row)]

    sign = "+" if seconds > 0 else "−"
    label = f"{sign}{abs(round(seconds / 60))} min"
    return _timer_op(ctx, workshop_id, "live.adjust", label, plan)


def reset(ctx: Context, workshop_id: int) -> Change:
    """Back to the phase's planned duration, not running."""

    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        phase = session.get(Phase, timer.phase_id) if timer.phase_id else None
        planned = phase.planned_minutes * 60.0 if phase else timer.planned
        return [
            _set(
                workshop_id,
                _row(
                    timer,
                    state=TimerState.READY.value,
                    planned=planned,
                    remaining=planned,
                    deadline=None,
                ),
            )
        ]

    return _timer_op(ctx, workshop_id, "live.reset", "Minuteur remis à zéro", plan)


def _goto(session: Session, timer: LiveTimer, target: Phase, now: float, running: bool) -> Action:
    done_seconds = 0.0
    if target.actual_start is not None and target.actual_end is not None:
        done_seconds = target.actual_end - target.actual_start
    planned = target.planned_minutes * 60.0
    remaining = planned - done_seconds
    if running:
        row = _row(
            timer,
            phase_id=target.id,
            state=TimerState.RUNNING.value,
            planned=planned,
            remaining=remaining,
            deadline=now + remaining,
        )
    else:
        state = TimerState.READY if done_seconds == 0 else TimerState.PAUSED
        row = _row(
            timer,
            phase_id=target.id,
            state=state.value,
            planned=planned,
            remaining=remaining,
            deadline=None,
        )
    return _set(timer.workshop_id, row)


def next_phase(ctx: Context, workshop_id: int) -> Change:
    """Close the current phase and go to the next; after the last one, the séance ends."""

    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        phases = _block_phases(session, timer.block_id)
        ids = [p.id for p in phases]
        index = ids.index(timer.phase_id) if timer.phase_id in ids else -1
        if index + 1 >= len(phases):
            return _ending(session, timer, now)
        actions: list[Action] = []
        if timer.phase_id is not None:
            actions += _close_phase(session, timer.phase_id, now)
        target = phases[index + 1]
        running = timer.state == TimerState.RUNNING
        actions.append(_goto(session, timer, target, now, running))
        if running:
            actions.append(["phase.times", {"id": target.id, "actual_start": now}])
        return actions

    change = _timer_op(ctx, workshop_id, "live.next", "Séquence suivante", plan)
    if ctx.db.read(lambda s: _timer(s, workshop_id).state) == TimerState.ENDED:
        ctx.db.backup("fin-seance")
    return change


def previous_phase(ctx: Context, workshop_id: int) -> Change:
    """Go back one phase: it resumes with the time it had left."""

    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        phases = _block_phases(session, timer.block_id)
        ids = [p.id for p in phases]
        index = ids.index(timer.phase_id) if timer.phase_id in ids else 0
        if index == 0:
            raise InvalidInput("C'est déjà la première séquence de la séance.")
        current, target = phases[index], phases[index - 1]
        actions: list[Action] = []
        if current.actual_end is None:
            actions.append(["phase.times", {"id": current.id, "actual_start": None}])
        running = timer.state == TimerState.RUNNING
        actions.append(_goto(session, timer, target, now, running))
        if target.actual_start is not None and target.actual_end is not None:
            # it starts again where it stopped: its start moves by the time spent elsewhere
            spent = target.actual_end - target.actual_start
            actions.append(
                [
                    "phase.times",
                    {"id": target.id, "actual_start": now - spent, "actual_end": None},
                ]
            )
        return actions

    return _timer_op(ctx, workshop_id, "live.previous", "Séquence précédente", plan)


def _ending(session: Session, timer: LiveTimer, now: float) -> list[Action]:
    """End the séance; the workshop is closed once every phase of it has been run."""
    workshop_id = timer.workshop_id
    actions: list[Action] = []
    if timer.phase_id is not None:
        actions += _close_phase(session, timer.phase_id, now)
    actions.append(_set(workshop_id, _row(timer, state=TimerState.ENDED.value, deadline=None)))
    others = session.scalars(
        select(Phase.id).where(
            Phase.workshop_id == workshop_id,
            Phase.actual_end.is_(None),
            Phase.id != (timer.phase_id or -1),
        )
    ).first()
    if others is None:
        actions.append(
            ["workshop.update", {"id": workshop_id, "changes": {"status": Status.CLOSED.value}}]
        )
    return actions


def end_session(ctx: Context, workshop_id: int) -> Change:
    """End the séance now (also what "next" does after the last phase)."""
    change = _timer_op(
        ctx,
        workshop_id,
        "live.end_session",
        "Séance terminée",
        lambda session, timer, now: _ending(session, timer, now),
    )
    ctx.db.backup("fin-seance")  # the rotating backup taken when a séance ends
    return change


def live_session(ctx: Context, workshop_id: int) -> LiveSession | None:
    """The running (or last) séance of a workshop, or None if none was started."""

    def work(session: Session) -> LiveSession | None:
        workshop = get_workshop(session, workshop_id)
        row = session.get(LiveTimer, workshop_id)
        if row is None:
            return None
        block = session.get(Block, row.block_id)
        phases = _block_phases(session, row.block_id)
        current = next((p for p in phases if p.id == row.phase_id), None)
        timer = Timer(
            workshop_id=workshop_id,
            block_id=row.block_id,
            phase_id=row.phase_id,
            state=TimerState(row.state),
            planned=row.planned,
            remaining=row.remaining,
            deadline=row.deadline,
            session_start=row.session_start,
            is_break=current is not None and current.kind == "break",
        )
        return LiveSession(
            workshop_id=workshop_id,
            title=workshop.title,
            block_id=row.block_id,
            block_title=block.title if block else "",
            block_label=workshop.block_label,
            timer=timer,
            phases=tuple(
                PhaseRun(
                    id=p.id,
                    title=p.title,
                    planned_minutes=p.planned_minutes,
                    is_break=p.kind == "break",
                    instructions=p.instructions,
                    notes=p.notes,
                    method_key=p.method_key,
                    actual_start=p.actual_start,
                    actual_end=p.actual_end,
                )
                for p in phases
            ),
        )

    return ctx.db.read(work)

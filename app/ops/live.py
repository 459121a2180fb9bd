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

from app.domain.join_code import new_code
from app.domain.model import Status
from app.domain.timer import (
    MAX_SECONDS,
    LiveSession,
    PhaseRun,
    Timer,
    TimerState,
    time_left,
)
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
    return time_left(timer.state, timer.remaining, timer.deadline, now)


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
                    if all(p.actual_end is None for p in _block_phases(session, b.id))
                ),
                blocks[0] if blocks else None,
            )
        if chosen is None:
            raise InvalidInput("Cet atelier n'a pas encore d'agenda.")
        phases = _block_phases(session, chosen.id)
        if not phases:
            raise InvalidInput(
                "« {title} » n'a aucune séquence : ajoutez-en dans l'agenda d'abord.",
                title=chosen.title,
            )
        first = next((p for p in phases if p.actual_end is None), phases[0])
        now = ctx.clock()
        actions: list[Action] = []
        if existing is not None and existing.state != TimerState.ENDED and existing.phase_id:
            actions += _leave(session, existing, now)
        row = {
            "block_id": chosen.id,
            "phase_id": None,
            "state": TimerState.READY.value,
            "planned": 0.0,
            "remaining": 0.0,
            "deadline": None,
            "session_start": now,
        }
        actions += _enter(workshop_id, row, first, now, running=False)
        if workshop.status != Status.LIVE.value:
            actions.append(
                ["workshop.update", {"id": workshop_id, "changes": {"status": Status.LIVE.value}}]
            )
        return workshop_id, actions, f"Séance démarrée : {chosen.title}"

    return execute(ctx, op="live.start_session", topic=Topic.TIMER, build=build, undoable=False)


def _leave(session: Session, timer: LiveTimer, now: float) -> list[Action]:
    """The séance moves away from its current phase: record its end and what was left of it.

    A phase left without ever being started was skipped: it is recorded with 0 minutes.
    """
    phase = session.get(Phase, timer.phase_id) if timer.phase_id else None
    if phase is None:
        return []
    args: dict[str, Any] = {
        "id": phase.id,
        "left_remaining": _remaining(timer, now),
        "left_planned": timer.planned,
    }
    if phase.actual_start is None:
        args["actual_start"] = now
    if phase.actual_end is None:
        args["actual_end"] = now
    return [["phase.times", args]]


def _enter(
    workshop_id: int, row: dict[str, Any], target: Phase, now: float, *, running: bool
) -> list[Action]:
    """Make `target` the current phase; one already run resumes with the time it had left."""
    planned = target.planned_minutes * 60.0
    times: dict[str, Any] = {"id": target.id}
    if target.actual_start is not None and target.actual_end is not None:
        spent = target.actual_end - target.actual_start
        remaining = target.left_remaining if target.left_remaining is not None else planned - spent
        planned = target.left_planned if target.left_planned is not None else planned
        # it goes on from where it stopped: its start moves by the time spent elsewhere
        times.update(actual_start=now - spent, actual_end=None)
        fresh = spent == 0 and remaining == planned
        state = (
            TimerState.RUNNING if running else (TimerState.READY if fresh else TimerState.PAUSED)
        )
    else:
        remaining = planned
        if running and target.actual_start is None:
            times["actual_start"] = now
        state = TimerState.RUNNING if running else TimerState.READY
    row = {
        **row,
        "phase_id": target.id,
        "state": state.value,
        "planned": planned,
        "remaining": remaining,
        "deadline": now + remaining if running else None,
    }
    actions: list[Action] = [_set(workshop_id, row)]
    if len(times) > 1:
        actions.append(["phase.times", times])
    return actions


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


def _step(ctx: Context, workshop_id: int, direction: int) -> Change:
    """Leave the current phase for the next (+1) or the previous (−1) one."""
    if direction > 0:
        op, label = "live.next", "Séquence suivante"
    else:
        op, label = "live.previous", "Séquence précédente"

    def plan(session: Session, timer: LiveTimer, now: float) -> list[Action]:
        phases = _block_phases(session, timer.block_id)
        ids = [p.id for p in phases]
        if timer.phase_id in ids:
            target_index = ids.index(timer.phase_id) + direction
        else:  # the current phase left the séance (moved away): go to the first not run
            target_index = next((i for i, p in enumerate(phases) if p.actual_end is None), 0)
        if target_index < 0:
            raise InvalidInput("C'est déjà la première séquence de la séance.")
        if target_index >= len(phases):
            return _ending(session, timer, now)
        running = timer.state == TimerState.RUNNING
        target = phases[target_index]
        return _leave(session, timer, now) + _enter(
            workshop_id, _row(timer), target, now, running=running
        )

    change = _timer_op(ctx, workshop_id, op, label, plan)
    if ctx.db.read(lambda s: _timer(s, workshop_id).state) == TimerState.ENDED:
        ctx.db.backup("fin-seance")
    return change


def next_phase(ctx: Context, workshop_id: int) -> Change:
    """Close the current phase and go to the next; after the last one, the séance ends."""
    return _step(ctx, workshop_id, +1)


def previous_phase(ctx: Context, workshop_id: int) -> Change:
    """Go back one phase: it resumes with the time it had left."""
    return _step(ctx, workshop_id, -1)


def _ending(session: Session, timer: LiveTimer, now: float) -> list[Action]:
    """End the séance; the workshop is closed once every phase of it has been run."""
    workshop_id = timer.workshop_id
    actions = _leave(session, timer, now)
    actions.append(_set(workshop_id, _row(timer, state=TimerState.ENDED.value, deadline=None)))
    # closed once every séance of the workshop has been run (at least one phase of each)
    unrun = [
        block_id
        for block_id in session.scalars(select(Block.id).where(Block.workshop_id == workshop_id))
        if block_id != timer.block_id
        and all(p.actual_end is None for p in _block_phases(session, block_id))
    ]
    if not unrun:
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


def door(ctx: Context, workshop_id: int) -> tuple[str, str]:
    """Whether phones may come in: ("absent" | "open" | "ended", the workshop's join code).

    "absent": no séance was ever opened for this workshop; "ended": the last one ended. The
    code is given only while a séance is open (`join_code` gives it to print the poster).
    """

    def work(session: Session) -> tuple[str, str]:
        row = session.get(LiveTimer, workshop_id)
        if row is None:
            return "absent", ""
        if row.state == TimerState.ENDED:
            return "ended", ""
        return "open", get_workshop(session, workshop_id).join_code

    return ctx.db.read(work)


def join_code(ctx: Context, workshop_id: int) -> str:
    """The workshop's join code, séance open or not: the one its posters carry.

    It stays the same from one séance to the next (a poster printed the day before keeps
    working) until `renew_join_code`.
    """
    return ctx.db.read(lambda session: get_workshop(session, workshop_id).join_code)


def renew_join_code(ctx: Context, workshop_id: int) -> Change:
    """A new join code for the workshop: the printed posters and the old code stop working
    (phones already checked in keep their place). Not undoable: the old code is given up."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        workshop = get_workshop(session, workshop_id)
        code = new_code()
        while code == workshop.join_code:
            code = new_code()
        action: Action = ["workshop.join_code", {"id": workshop_id, "code": code}]
        return workshop_id, [action], "Nouveau code pour rejoindre l'atelier"

    return execute(
        ctx, op="live.renew_join_code", topic=Topic.WORKSHOP, build=build, undoable=False
    )

"""Carrying on a joined séance as its host, when the lead's laptop is gone for good.

A co-facilitator's replica holds the whole workshop (`app.ops.replica`). Taking over copies it
into this laptop's own store as an ordinary workshop, through the JSON archive
(`app.ops.archive`): new ids, no phone tokens (phones check in again on this laptop, with its
new QR code), no co-facilitators, no history but the import. What the archive does not carry,
the séance's timer, is brought along in the same transaction: the same séance and phase, the
time it had left (paused if it was running: she resumes it when the room is ready); the
workshop gets a join code of its own (the archive does not carry it). The replica itself is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.domain.timer import TimerState, time_left
from app.errors import KnownError
from app.events import Event, Topic
from app.ops.archive import NewIds, export_archive, import_archive
from app.ops.base import Context, apply_actions, journal
from app.store.models import LiveTimer


@dataclass(frozen=True, slots=True)
class TakenOver:
    workshop_id: int  # the workshop in this laptop's store
    seance_open: bool  # a séance was open on the host: it resumes here, its timer paused


def _open_timer(replica: Context, workshop_id: int) -> dict[str, Any] | None:
    """The replica's séance timer, if a séance is open (not ended)."""

    def work(session: Session) -> dict[str, Any] | None:
        row = session.get(LiveTimer, workshop_id)
        if row is None or row.state == TimerState.ENDED:
            return None
        return {
            "block_id": row.block_id,
            "phase_id": row.phase_id,
            "state": row.state,
            "planned": row.planned,
            "remaining": row.remaining,
            "deadline": row.deadline,
            "session_start": row.session_start,
        }

    return replica.db.read(work)


def take_over(replica: Context, workshop_id: int, into: Context) -> TakenOver:
    """Copy the replica's workshop into `into`'s store, its open séance with it (one
    transaction; KnownError in French, nothing written, if it cannot be done)."""
    data = export_archive(replica, workshop_id, linked=True)  # the séance goes on
    timer = _open_timer(replica, workshop_id)
    title = str(data["tables"]["workshops"][0]["title"])
    resumed: list[int] = []  # the journal entry of the séance resumed here

    def resume_here(session: Session, new_ids: NewIds) -> None:
        if timer is None:
            return
        new_workshop = next(iter(new_ids["workshops"].values()))
        block = new_ids.get("blocks", {}).get(timer["block_id"])
        if block is None:
            raise KnownError("La séance en cours n'a pas pu être retrouvée dans la copie.")
        phase = new_ids.get("phases", {}).get(timer["phase_id"]) if timer["phase_id"] else None
        now = into.clock()
        left = time_left(timer["state"], timer["remaining"], timer["deadline"], now)
        running = timer["state"] == TimerState.RUNNING
        row = {
            "block_id": block,
            "phase_id": phase,
            "state": TimerState.PAUSED.value if running else timer["state"],
            "planned": timer["planned"],
            "remaining": left,
            "deadline": None,
            "session_start": timer["session_start"],
        }
        forward, _ = apply_actions(
            session, [["timer.set", {"workshop_id": new_workshop, "row": row}]]
        )
        # journalled by hand, not as a Step: `perform` journals one entry (one op, one topic,
        # one event) per operation, and the resumed séance is a second entry of its own
        # (`live.take_over`, Topic.TIMER) that must commit with the import; folding it into
        # the import's `workshop.import` entry would change the journal and the events
        entry = journal(
            session,
            into,
            op="live.take_over",
            workshop_id=new_workshop,
            forward=forward,
            label=f"Séance reprise sur cet ordinateur : {title}",
        )
        resumed[:] = [entry.seq]

    change = import_archive(into, data, then=resume_here)
    assert change.workshop_id is not None
    if resumed:
        into.bus.publish(Event(Topic.TIMER, "live.take_over", change.workshop_id, resumed[0]))
    return TakenOver(change.workshop_id, bool(resumed))

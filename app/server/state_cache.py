"""What every phone asks when the séance changes (`GET /api/state`), read once per change.

Each phone asks for the séance's state (the workshop, the current phase, the timer) when its
socket says the timer, the agenda or the workshop changed: 2,000 phones at the same instant.
The state is the same for all of them but for the server's clock, so it is read from the store
once per change (heard on the core's bus), and each answer only adds the timer at that instant.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain.timer import LiveSession
from app.events import Event, Topic
from app.ops import live, queries
from app.ops.base import Context
from app.server.room_cache import once

# what never changes the workshop's title, its agenda or its timer (and is frequent)
UNRELATED = {
    Topic.BOARD, Topic.BALLOTS, Topic.VOTES, Topic.PARTICIPANTS, Topic.FEEDBACK, Topic.PHOTOS,
    Topic.COFAC,
}  # fmt: skip


@dataclass(frozen=True)
class _State:
    generation: int
    fixed: dict[str, Any]  # workshop, heading, phase, next_title
    session: LiveSession | None


class StateCache:
    def __init__(self, ctx: Context, workshop_id: int) -> None:
        self.ctx, self.workshop_id = ctx, workshop_id
        self._counter = itertools.count(1)
        self._generation = 0
        self._known: _State | None = None
        self._flights: dict[tuple[Any, ...], asyncio.Future[Any]] = {}
        self.builds = 0
        self.close: Callable[[], None] = ctx.bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if event.workshop_id in (self.workshop_id, None) and event.topic not in UNRELATED:
            self._generation = next(self._counter)

    async def answer(self, now: float) -> dict[str, Any]:
        """The `State` a phone gets, at the server's time `now`."""
        generation = self._generation
        known = self._known
        if known is None or known.generation != generation:
            known = await once(self._flights, (generation,), lambda: self._build(generation))
        timer = known.session.timer.to_wire(now) if known.session is not None else None
        return {**known.fixed, "timer": timer}

    def _build(self, generation: int) -> _State:
        self.builds += 1
        title = queries.workshop_detail(self.ctx, self.workshop_id).title
        session = live.live_session(self.ctx, self.workshop_id)
        if session is None:
            fixed: dict[str, Any] = {
                "workshop": title, "heading": title, "phase": None, "next_title": None
            }  # fmt: skip
        else:
            current = session.current
            phase: dict[str, Any] | None = None
            if current is not None:
                phase = {
                    "id": current.id,
                    "title": current.title,
                    "planned_minutes": current.planned_minutes,
                    "is_break": current.is_break,
                    "instructions": current.instructions,
                }
            fixed = {
                "workshop": title,
                "heading": session.heading,
                "phase": phase,
                "next_title": session.next.title if session.next else None,
            }
        built = _State(generation, fixed, session)
        if generation == self._generation:  # no event since the read began: keep it
            self._known = built
        return built

"""The facilitation team's routes outside the votes and the co-facilitation: driving the
séance's timer from another device (a co-facilitator laptop, `atelier serve`).

Included by `app.server.app.create_app`, which hands over its check of the team's token
(`facilitator`: 401 without it, 403 for a phone's).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from app.ops import live, queries
from app.ops.base import Context
from app.server.problems import Problem

TIMER_ACTIONS = {
    "toggle": live.toggle,
    "start": live.start,
    "pause": live.pause,
    "next": live.next_phase,
    "previous": live.previous_phase,
    "reset": live.reset,
    "end": live.end_session,  # every server of the séance closes (on a shared base too)
}


class TimerAction(BaseModel):
    action: Literal[
        "open", "toggle", "start", "pause", "next", "previous", "reset", "adjust", "end"
    ]
    seconds: int = Field(default=0, ge=-12 * 3600, le=12 * 3600)


class Done(BaseModel):
    ok: bool
    seq: int


def facilitator_router(
    ctx: Context, workshop_id: int, facilitator: Callable[[str], None]
) -> APIRouter:
    router = APIRouter()

    @router.post(
        "/api/facilitator/timer",
        response_model=Done,
        responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": Problem}},
    )
    def drive_timer(body: TimerAction, authorization: str = Header(default="")) -> Done:
        """The séance's timer, driven from another device of the facilitation team."""
        facilitator(authorization)
        if body.action == "open":  # open the séance (resumes it if already open)
            opened = live.start_session(ctx, workshop_id)
            return Done(ok=True, seq=opened.seq if opened else queries.last_seq(ctx, workshop_id))
        if body.action == "adjust":
            change = live.adjust(ctx, workshop_id, body.seconds)
        else:
            change = TIMER_ACTIONS[body.action](ctx, workshop_id)
        return Done(ok=True, seq=change.seq)

    return router

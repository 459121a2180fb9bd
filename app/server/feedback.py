"""The feedback routes: what a phone shows in the séance's closing phase, and what it sends.

Included by `app.server.app.create_app`, which hands over its check of a phone's token
(`participant`). Refusals are JSON ``{code, message}`` in French: 422 for a bad answer (the
core's messages, not pydantic's), 409 ``retours_fermes`` outside the closing phase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from app.ops import feedback
from app.ops.base import Context
from app.ops.participants import KEY, ParticipantInfo
from app.server.votes import _Limit

FEEDBACK_STATUS = {"retours_fermes": 409}
ANSWERS_PER_MINUTE = 20


class Problem(BaseModel):
    code: str
    message: str


class FeedbackIn(BaseModel):
    # loose types on purpose: the core checks them and explains in French
    rating: Any = None
    keep: Any = ""
    improve: Any = ""
    key: str = Field(min_length=8, max_length=64, pattern=KEY.pattern)


class AnswerOut(BaseModel):
    rating: int
    keep: str
    improve: str
    at: float


class FeedbackOut(BaseModel):
    open: bool
    mine: AnswerOut | None


class GivenOut(AnswerOut):
    replayed: bool


def feedback_router(
    ctx: Context, workshop_id: int, participant: Callable[[str], ParticipantInfo]
) -> APIRouter:
    router = APIRouter()
    limit = _Limit(ANSWERS_PER_MINUTE)
    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem} for status in (401, 409, 422, 429)
    }

    @router.get("/api/feedback", response_model=FeedbackOut, responses=errors)
    def current(authorization: str = Header(default="")) -> FeedbackOut:
        """Whether the form shows (the closing phase) and this phone's answer, if any."""
        who = participant(authorization)
        view = feedback.phone_feedback(ctx, workshop_id, who.id)
        mine = AnswerOut(**asdict(view.mine)) if view.mine is not None else None
        return FeedbackOut(open=view.open, mine=mine)

    @router.post("/api/feedback", response_model=GivenOut, responses=errors)
    def give(body: FeedbackIn, authorization: str = Header(default="")) -> GivenOut:
        """The phone's answer, replacing its previous one; the same `key` again (a retry)
        returns the first answer and writes nothing."""
        who = participant(authorization)
        limit.check(who.id)
        info, replayed = feedback.give_feedback(
            ctx, workshop_id, who.id, rating=body.rating, keep=body.keep,
            improve=body.improve, key=body.key,
        )  # fmt: skip
        return GivenOut(**asdict(info), replayed=replayed)

    return router

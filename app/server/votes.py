"""The voting routes: what a phone shows and sends, and the facilitation team's controls.

Included by `app.server.app.create_app`, which hands over its two credentials checks: a
phone's token (`participant`) and the facilitation team's (`facilitator`, 403 for a phone).
Errors are the core's `VoteError`s, answered as JSON ``{code, message}`` with the statuses of
`VOTE_STATUS`. Phones hear of round changes through the ``votes`` topic of their websocket
(not of each ballot: that is the ``ballots`` topic, for the console and the projector).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app.domain.votes import GRADES
from app.errors import KnownError
from app.ops import votes
from app.ops.base import Context
from app.ops.participants import KEY, ParticipantInfo
from app.server.fast import Endpoint, answer, body_schema, json_body
from app.server.room_cache import RoomCache

VOTE_STATUS = {
    "vote_clos": 409,
    "conflit": 409,
    "resultats_caches": 403,
    "vote_invalide": 422,
    "plus_de_gommettes": 422,
    "plafond_atteint": 422,
    "plus_de_points": 422,
    "propre_post_it": 422,
    "bulletin_incomplet": 422,
    "element_inconnu": 422,
}
# a round's id in an address: an integer SQLite can hold (a larger one was a 500, not a 422)
RoundId = Annotated[int, Path(ge=1, le=2**63 - 1)]
BALLOTS_PER_MINUTE = 120  # a phone sends its whole ballot after each change of mind


class Problem(BaseModel):
    code: str
    message: str


class CriterionOut(BaseModel):
    key: str
    label: str
    weight: int
    axis: str


class ItemOut(BaseModel):
    key: str
    label: str
    own: bool


class RoundOut(BaseModel):
    id: int
    title: str
    kind: str
    kind_label: str
    is_open: bool
    revealed: bool
    anonymous: bool
    dots: int | None = None
    cap: int | None = None
    own_allowed: bool | None = None
    budget: int | None = None
    grades: list[str] | None = None
    criteria: list[CriterionOut] | None = None
    closes_at: float | None = None
    items: list[ItemOut]


class LineOut(BaseModel):
    rank: int
    key: str
    label: str
    tied: bool
    score: float
    detail: dict[str, Any]


class CurrentOut(BaseModel):
    round: RoundOut | None
    choices: dict[str, Any] = {}
    remaining: int | None = None
    done: bool = False
    results: list[LineOut] | None = None


class BallotIn(BaseModel):
    key: str = Field(min_length=8, max_length=64, pattern=KEY.pattern)
    choices: dict[str, Any]


class BallotOut(BaseModel):
    round_id: int
    choices: dict[str, Any]
    remaining: int | None
    done: bool
    replayed: bool


class DoneIn(BaseModel):
    done: bool = True


class OpenIn(BaseModel):
    kind: Literal["dots", "points", "majority", "criteria"]
    title: str = Field(default="", max_length=200)
    items: list[str] | Literal["board"] = "board"
    settings: dict[str, Any] = {}


class Opened(BaseModel):
    ok: bool
    seq: int
    round_id: int


class Done(BaseModel):
    ok: bool
    seq: int


class PaperIn(BaseModel):
    counts: dict[str, Any]
    label: str = Field(default="Bulletins papier", max_length=120)


class TurnoutOut(BaseModel):
    voted: int
    checked_in: int
    done: int
    done_names: list[str]
    paper_ballots: int
    text: str


class ResultsOut(BaseModel):
    round: RoundOut
    lines: list[LineOut]
    turnout: TurnoutOut
    voters: list[tuple[str, dict[str, Any]]]


class _Limit:
    """At most `limit` ballots a minute from one phone: a runaway page is refused (429)."""

    def __init__(self, limit: int = BALLOTS_PER_MINUTE, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._seen: dict[int, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, participant_id: int) -> None:
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(participant_id, deque())
            while seen and now - seen[0] > self.window:
                seen.popleft()
            if len(seen) >= self.limit:
                raise KnownError(
                    "Beaucoup de changements d'un coup : attendez un instant.",
                    code="trop_de_requetes",
                )
            seen.append(now)


def _round_out(info: votes.RoundInfo) -> RoundOut:
    s = info.settings
    out = RoundOut(
        id=info.id, title=info.title, kind=info.kind, kind_label=info.kind_label,
        is_open=info.is_open, revealed=info.revealed, anonymous=s.anonymous,
        closes_at=s.closes_at, items=[ItemOut(**asdict(i)) for i in info.items],
    )  # fmt: skip
    if info.kind == "dots":
        out.dots, out.cap, out.own_allowed = s.dots, s.cap, s.own_allowed
    elif info.kind == "points":
        out.budget = s.budget
    elif info.kind == "majority":
        out.grades = list(GRADES)
    else:
        out.criteria = [CriterionOut(**c.to_dict()) for c in s.criteria]
    return out


def _lines(lines: tuple[votes.ResultLine, ...]) -> list[LineOut]:
    return [LineOut(**asdict(line)) for line in lines]


def votes_router(
    ctx: Context,
    workshop_id: int,
    participant: Callable[[str], ParticipantInfo],
    facilitator: Callable[[str], None],
    participant_async: Callable[[str], Awaitable[ParticipantInfo]] | None = None,
    hot: dict[str, Endpoint] | None = None,
) -> APIRouter:
    """The votes' routes; `hot` (the app's) gets the ballot's endpoint, for its fast lane."""
    router = APIRouter()

    async def phone(authorization: str) -> ParticipantInfo:
        if participant_async is not None:  # from memory on the loop when it can
            return await participant_async(authorization)
        return await run_in_threadpool(participant, authorization)

    limit = _Limit()
    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem} for status in (401, 403, 404, 409, 422, 429)
    }

    def own_round(round_id: int) -> None:
        if not any(r.id == round_id for r in votes.rounds(ctx, workshop_id)):
            raise KnownError("Ce tour de vote n'existe pas.", code="introuvable")

    # -- phones ------------------------------------------------------------------------------
    # what every phone shows of the vote, built once per change (app/server/room_cache.py)
    room = RoomCache(
        ctx,
        workshop_id,
        round_json=lambda info: _round_out(info).model_dump(mode="json"),
        lines_json=lambda lines: [line.model_dump(mode="json") for line in _lines(lines)],
    )
    router.room = room  # type: ignore[attr-defined]  # create_app closes it with the server

    @router.get("/api/votes/current", response_model=CurrentOut, responses=errors)
    async def current(request: Request) -> Response:
        """The round this phone shows (the open one, else the last one), its own ballot, the
        dots or points left, and the results once revealed (or live)."""
        who = await phone(request.headers.get("authorization", ""))
        packed = "gzip" in request.headers.get("accept-encoding", "")
        body, gzipped = await room.answer(who.id, packed)
        headers = {"vary": "accept-encoding"}
        if gzipped:
            headers["content-encoding"] = "gzip"
        return Response(body, media_type="application/json", headers=headers)

    if hot is not None:  # every phone asks at once when a vote opens: the fast lane
        hot["GET /api/votes/current"] = current

    @router.post(
        "/api/votes/{round_id}/ballot",
        response_model=BallotOut,
        responses=errors,
        openapi_extra=body_schema(BallotIn),
    )
    async def ballot(round_id: RoundId, request: Request) -> JSONResponse:
        """The phone's whole ballot (a `BallotIn`), replacing its previous one; the same `key`
        again (a retry) returns the first answer and writes nothing."""
        # the burst of a vote: on the event loop, the body read from its bytes, the write
        # awaited from the group commit, the answer built once (app/server/fast.py)
        body = await json_body(request, BallotIn)
        who = await phone(request.headers.get("authorization", ""))
        limit.check(who.id)
        result = await votes.cast_ballot_async(
            ctx, workshop_id, round_id, who.id, body.choices, key=body.key
        )
        return answer(asdict(result))

    if hot is not None:
        hot["/api/votes/{round_id}/ballot"] = ballot

    @router.post("/api/votes/{round_id}/done", response_model=BallotOut, responses=errors)
    def done(round_id: RoundId, body: DoneIn, authorization: str = Header(default="")) -> BallotOut:
        """'J'ai fini' (done=false takes it back); one may still change one's mind."""
        who = participant(authorization)
        limit.check(who.id)
        result = votes.set_done(ctx, workshop_id, round_id, who.id, body.done)
        return BallotOut(**asdict(result))

    @router.get("/api/votes/{round_id}/results", response_model=ResultsOut, responses=errors)
    def public_results(round_id: RoundId, authorization: str = Header(default="")) -> ResultsOut:
        """Results for a phone, once revealed (403 resultats_caches before)."""
        participant(authorization)
        own_round(round_id)
        return _results(votes.results(ctx, round_id, public=True), public=True)

    # -- the facilitation team ---------------------------------------------------------------
    @router.post("/api/facilitator/votes", response_model=Opened, responses=errors)
    def open_round(body: OpenIn, authorization: str = Header(default="")) -> Opened:
        facilitator(authorization)
        change = votes.open_round(
            ctx, workshop_id, kind=body.kind, items=body.items, title=body.title,
            settings=body.settings,
        )  # fmt: skip
        return Opened(ok=True, seq=change.seq, round_id=change.ids[0])

    @router.post("/api/facilitator/votes/{round_id}/paper", response_model=Done, responses=errors)
    def paper(round_id: RoundId, body: PaperIn, authorization: str = Header(default="")) -> Done:
        facilitator(authorization)
        own_round(round_id)
        change = votes.add_paper_votes(ctx, round_id, body.counts, label=body.label)
        return Done(ok=True, seq=change.seq)

    @router.post(
        "/api/facilitator/votes/{round_id}/{action}", response_model=Done, responses=errors
    )
    def drive(
        round_id: RoundId,
        action: Literal["close", "reopen", "reveal", "hide"],
        authorization: str = Header(default=""),
    ) -> Done:
        facilitator(authorization)
        own_round(round_id)
        if action == "close":
            change = votes.close_round(ctx, round_id)
        elif action == "reopen":
            change = votes.reopen_round(ctx, round_id)
        else:
            change = votes.reveal_results(ctx, round_id, action == "reveal")
        return Done(ok=True, seq=change.seq)

    @router.get(
        "/api/facilitator/votes/{round_id}/results", response_model=ResultsOut, responses=errors
    )
    def results(round_id: RoundId, authorization: str = Header(default="")) -> ResultsOut:
        """Everything, hidden or not: ranking, turnout ('18 / 25 ont voté'), who is done."""
        facilitator(authorization)
        own_round(round_id)
        return _results(votes.results(ctx, round_id), public=False)

    return router


def _results(res: votes.Results, *, public: bool) -> ResultsOut:
    t = res.turnout
    return ResultsOut(
        round=_round_out(res.round),
        lines=_lines(res.lines),
        turnout=TurnoutOut(
            voted=t.voted,
            checked_in=t.checked_in,
            done=t.done,
            done_names=[] if public else list(t.done_names),
            paper_ballots=t.paper_ballots,
            text=t.text,
        ),
        voters=[] if public else [(who, b) for who, b in res.voters],
    )

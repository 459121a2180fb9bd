"""The phones' routes: the séance's state, the check-in (join code, form, arrival), who this
phone is, its post-its, and its websocket of changes.

Included by `app.server.app.create_app`, which hands over the credential checks (`Access`)
and the phones' `Broadcaster`. The post-it route is one of the hot routes: `phones_router`
puts its endpoint in `hot`, for the app's fast lane (app/server/fast.py). `/api/health` and
`/api/time` answer whether the séance is open or not.
"""

from __future__ import annotations

import time
from dataclasses import asdict

from fastapi import APIRouter, Header, Request, WebSocket
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.errors import KnownError
from app.ops import notes, participants, queries
from app.ops.base import Context
from app.ops.notes import MAX_NOTE
from app.ops.participants import CATEGORIES, KEY, MAX_NAME, MAX_ORGANISATION
from app.server.access import Access, RateLimit
from app.server.fast import Endpoint, answer, body_schema, json_body
from app.server.problems import CLOSED_RESPONSES, Problem
from app.server.push import Broadcaster
from app.server.state_cache import StateCache


class BaseWatch:
    """Whether the base answers, asked at most every `EVERY` seconds: many phones and probes
    asking `/api/health` cost one trivial query, not one each."""

    EVERY = 0.5

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._checked_at = -1.0
        self._failure: KnownError | None = None

    async def check(self) -> None:
        now = time.monotonic()
        if now - self._checked_at >= self.EVERY:
            self._checked_at = now
            try:
                await run_in_threadpool(self._ctx.db.ping)
                self._failure = None
            except KnownError as exc:
                self._failure = exc
        if self._failure is not None:
            raise self._failure


# what a stranger on the Wi-Fi gets of /api/state: that a séance is open, nothing of it
NOTHING_SHOWN = {"workshop": "", "heading": "", "phase": None, "next_title": None, "timer": None}


class Health(BaseModel):
    ok: bool
    version: str


class ServerTime(BaseModel):
    server_now: float


class PhaseOut(BaseModel):
    id: int
    title: str
    planned_minutes: int
    is_break: bool
    instructions: str


class TimerOut(BaseModel):
    phase_id: int | None
    state: str
    planned: float
    remaining: float
    deadline: float | None
    is_break: bool
    server_now: float


class State(BaseModel):
    workshop: str
    heading: str
    phase: PhaseOut | None
    next_title: str | None
    timer: TimerOut | None


class JoinIn(BaseModel):
    code: str = Field(default="", max_length=20)  # the séance's join code (in the QR's address)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    organisation: str = Field(default="", max_length=MAX_ORGANISATION)
    category: str = Field(max_length=20)
    consent_named: bool = False
    key: str = Field(min_length=8, max_length=64, pattern=KEY.pattern)
    # the phone page's own id, kept in its storage: check-ins are limited per device
    device: str = Field(default="", max_length=64, pattern=r"^[A-Za-z0-9_-]*$")


class CodeIn(BaseModel):
    code: str = Field(max_length=20)


class CodeOk(BaseModel):
    ok: bool


class JoinOut(BaseModel):
    participant_id: int
    token: str
    name: str


class Me(BaseModel):
    id: int
    name: str
    organisation: str
    category: str
    consent_named: bool


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_NOTE)
    key: str = Field(min_length=8, max_length=64, pattern=KEY.pattern)


class NoteOut(BaseModel):
    id: int
    text: str
    created_at: float


class Choices(BaseModel):
    partners: list[str]
    categories: dict[str, str]


def phones_router(
    ctx: Context,
    workshop_id: int,
    access: Access,
    broadcaster: Broadcaster,
    hot: dict[str, Endpoint],
) -> APIRouter:
    """The phones' routes; `hot` (the app's) gets the post-it's endpoint, for its fast lane."""
    router = APIRouter()
    door = access.door
    participant_async = access.participant_async  # the post-it's lookup, bound once
    limiter = RateLimit()
    states = StateCache(ctx, workshop_id)
    router.states = states  # type: ignore[attr-defined]  # create_app closes it with the server
    closed = CLOSED_RESPONSES

    base = BaseWatch(ctx)

    @router.get("/api/health", response_model=Health, responses={503: {"model": Problem}})
    async def health() -> Health:
        """Whether this server can serve: the base answers (503 with a code when it does not)."""
        await base.check()
        return Health(ok=True, version=__version__)

    @router.get("/api/time", response_model=ServerTime)
    def server_time() -> ServerTime:
        """The server's clock, for a phone to estimate its offset (sent, server_now, received)."""
        return ServerTime(server_now=ctx.clock())

    def shown_to(request: Request, authorization: str, typed: str) -> bool:
        """Whether this phone may see the workshop: checked in (its token), or holding the
        séance's code (a wrong one counts as a guess, app/server/limits.py). A stranger on the
        Wi-Fi sees only that the séance is open, and the check-in form's categories."""
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip() and access.token_owner(token.strip()):
            return True
        if typed:
            access.check_code(typed, request)
            return True
        return False

    @router.get(
        "/api/state",
        response_model=State,
        responses={403: {"model": Problem}, 404: {"model": Problem}, 429: {"model": Problem},
                   **closed},
    )  # fmt: skip
    async def state(
        request: Request,
        authorization: str = Header(default=""),
        x_atelier_code: str = Header(default="", max_length=20),
    ) -> JSONResponse:
        """What a phone shows: the current phase and the timer, computed by the phone itself
        (read once per change of the séance for every phone: app/server/state_cache.py); to a
        phone neither checked in nor holding the code, nothing of the workshop."""
        await access.door_code()  # 409 outside the séance
        scheme, _, token = authorization.partition(" ")
        known = scheme.lower() == "bearer" and token.strip() in access.known_tokens
        if not known and not await run_in_threadpool(
            shown_to, request, authorization, x_atelier_code
        ):
            return answer(NOTHING_SHOWN)
        return answer(await states.answer(ctx.clock()))

    @router.get(
        "/api/choices",
        response_model=Choices,
        responses={403: {"model": Problem}, 429: {"model": Problem}, **closed},
    )
    def choices(
        request: Request,
        authorization: str = Header(default=""),
        x_atelier_code: str = Header(default="", max_length=20),
    ) -> Choices:
        """What the check-in form offers: the categories, and the workshop's partners to a
        phone holding the séance's code (header `X-Atelier-Code`)."""
        door.check()
        if not shown_to(request, authorization, x_atelier_code):
            return Choices(partners=[], categories=CATEGORIES)
        detail = queries.workshop_detail(ctx, workshop_id)
        return Choices(partners=detail.cadrage.partner_list(), categories=CATEGORIES)

    @router.post(
        "/api/code",
        response_model=CodeOk,
        responses={403: {"model": Problem}, 429: {"model": Problem}, **closed},
    )
    def code(body: CodeIn, request: Request) -> CodeOk:
        """Whether a typed join code is the séance's (the page asks before the check-in form)."""
        access.check_code(body.code, request)
        return CodeOk(ok=True)

    @router.post(
        "/api/join",
        response_model=JoinOut,
        status_code=201,
        responses={
            403: {"model": Problem},
            413: {"model": Problem},
            422: {"model": Problem},
            429: {"model": Problem},
            **closed,
        },
    )
    async def join(body: JoinIn, request: Request) -> JoinOut:
        """Check in with the séance's join code; the same `key` again (a retry) returns the
        first answer and writes nothing."""
        # on the event loop, as a post-it: 500 phones arriving hold no worker thread each
        access.check_code(body.code, request, await access.door_code())
        host = request.client.host if request.client else ""
        access.check_ins.take(host, body.device)  # one device, many ballots: refused
        try:
            result = await participants.check_in_async(
                ctx,
                workshop_id,
                name=body.name,
                organisation=body.organisation,
                category=body.category,
                consent_named=body.consent_named,
                key=body.key,
            )
        except BaseException:
            access.check_ins.give_back(host, body.device)
            raise
        if result.replayed:  # a retry: its check-in counted the first time
            access.check_ins.give_back(host, body.device)
        if result.info is not None:  # its first vote or post-it needs no lookup in the store
            access.remember(result.token, result.info)
        return JoinOut(participant_id=result.participant_id, token=result.token, name=result.name)

    @router.get("/api/me", response_model=Me, responses={401: {"model": Problem}, **closed})
    def me(authorization: str = Header(default="")) -> Me:
        """Who this phone is: a reloaded page comes back as the same participant."""
        return Me(**asdict(access.participant(authorization)))

    @router.post(
        "/api/notes",
        response_model=NoteOut,
        status_code=201,
        responses={
            401: {"model": Problem},
            422: {"model": Problem},
            429: {"model": Problem},
            **closed,
        },
        openapi_extra=body_schema(NoteIn),
    )
    async def add_note(request: Request) -> JSONResponse:
        """Post a post-it (a `NoteIn`); the same `key` again (a retry) returns the first answer."""
        # the hot path of hundreds of phones: on the event loop, the body parsed from its bytes
        # (app/server/fast.py), the write awaited from the store's group commit with no worker
        # thread per request, the answer a NoteOut built once (bench/phones.py)
        body = await json_body(request, NoteIn)
        who = await participant_async(request.headers.get("authorization", ""))
        limiter.check(who.id)
        info, _replayed = await notes.post_note_async(
            ctx, workshop_id, who.id, text=body.text, key=body.key
        )
        return answer(asdict(info), 201)

    # the phones' hot writes: straight from uvicorn to their endpoints (app/server/fast.py)
    hot["/api/notes"] = add_note

    @router.get(
        "/api/notes/mine",
        response_model=list[NoteOut],
        responses={401: {"model": Problem}, **closed},
    )
    def mine(authorization: str = Header(default="")) -> list[NoteOut]:
        who = access.participant(authorization)
        return [NoteOut(**asdict(n)) for n in notes.my_notes(ctx, workshop_id, who.id)]

    @router.websocket("/ws")
    async def changes(websocket: WebSocket, token: str = "", since: int = 0) -> None:
        """Each phone holds one socket: told when something changed (coalesced), and at
        once on connecting if the journal moved on since the sequence it last saw."""
        if (await run_in_threadpool(door.look))[0] != "open":
            await websocket.close(code=4409)  # refused (403); the page asks /api/state why
            return
        found = access.known_tokens.get(token) or await run_in_threadpool(access.token_owner, token)
        if found is None:
            await websocket.close(code=4401)
            return
        await broadcaster.serve(websocket, since)

    return router

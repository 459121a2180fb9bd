"""The local HTTP API that phones (and later co-facilitator laptops) talk to.

No Qt here. Every answer is JSON with a stable `code` and a French `message` on error; the
server serves nothing outside `assets/web/`; FastAPI's documentation pages, which load scripts
from a CDN, are off (the schema stays at `/openapi.json`).
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import asdict
from typing import Any, Literal

from anyio import to_thread
from fastapi import FastAPI, Header, Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.domain.join_code import matches
from app.errors import InvalidInput, KnownError, NotFound
from app.events import Event, Topic
from app.ops import live, notes, participants, queries
from app.ops.base import Context
from app.ops.notes import MAX_NOTE
from app.ops.participants import CATEGORIES, KEY, MAX_NAME, MAX_ORGANISATION
from app.resources import asset
from app.server.cofac import COFAC_STATUS, cofac_router
from app.server.fast import (
    Endpoint,
    FastLane,
    Handlers,
    HotRoute,
    answer,
    body_schema,
    json_body,
)
from app.server.feedback import FEEDBACK_STATUS, feedback_router
from app.server.push import Broadcaster
from app.server.votes import VOTE_STATUS, votes_router

MAX_BODY = 16 * 1024
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)
STATUS = {
    "interdit": 403,
    "introuvable": 404,
    "saisie_invalide": 422,
    "trop_gros": 413,
    "jeton_invalide": 401,
    "trop_de_requetes": 429,
    **VOTE_STATUS,  # vote_clos 409, plus_de_gommettes 422…
    **COFAC_STATUS,  # code_expire 409, appairage_bloque 429…
    **FEEDBACK_STATUS,  # retours_fermes 409
    "code_invalide": 403,
    "seance_fermee": 409,
    "disque_plein": 507,  # nothing more can be written; what was acknowledged stays
    "base_de_donnees": 503,  # the store failed (busy, connection lost): the server's, not yours
}
HTTP_REFUSALS = {
    404: ("introuvable", "Cette adresse n'existe pas."),
    405: ("methode_refusee", "Cette adresse ne prend pas cette méthode."),
}
# what a phone is told instead of the facilitator's message (which says what to do on the laptop)
PHONE_MESSAGES = {
    "disque_plein": "L'ordinateur de l'animation n'a plus de place : cet envoi n'a pas été "
    "enregistré (les précédents le sont). Prévenez l'équipe d'animation.",
    "base_de_donnees": "L'ordinateur de l'animation n'a pas pu enregistrer cet envoi. "
    "Réessayez dans un instant.",
}
NOTES_PER_MINUTE = 20
WRONG_CODES_PER_MINUTE = 10  # per phone (address): guessing a code takes years
WORKER_THREADS = 6


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


class TimerAction(BaseModel):
    action: Literal["open", "toggle", "start", "pause", "next", "previous", "reset", "adjust"]
    seconds: int = Field(default=0, ge=-12 * 3600, le=12 * 3600)


class Done(BaseModel):
    ok: bool
    seq: int


class Choices(BaseModel):
    partners: list[str]
    categories: dict[str, str]


class Problem(BaseModel):
    code: str
    message: str


class Closed(Problem):
    seance: Literal["absent", "ended"]


def problem(status: int, code: str, message: str, **extra: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, **extra}, status_code=status)


def invalid_message(path: str, errors: Any) -> str:
    """What a 422 says: a post-it over the limit is told so, with the limit (the phone keeps
    the text to shorten it); anything else gets the general message."""
    for error in errors:
        loc = error.get("loc") or ()
        typed = error.get("input")
        if (
            path == "/api/notes"
            and error.get("type") == "string_too_long"
            and loc
            and loc[-1] == "text"
            and isinstance(typed, str)
        ):
            return (
                f"Post-it trop long : {MAX_NOTE} caractères au plus ({len(typed)} saisis). "
                "Raccourcissez-le, puis envoyez-le à nouveau."
            )
    return "Données envoyées incomplètes ou invalides."


CLOSED = {
    "absent": "La séance n'a pas commencé. Cette page s'ouvrira d'elle-même dès son ouverture.",
    "ended": "La séance est terminée. Merci de votre participation !",
}


class SeanceClosed(KnownError):
    """Participant routes answer only while the séance is open."""

    def __init__(self, seance: str) -> None:
        super().__init__(CLOSED[seance], code="seance_fermee")
        self.seance = seance


class Door:
    """Whether the séance is open to phones, and its join code.

    Read from the store on the first request after a timer event, not on every request: the
    phones' hot path stays one query.
    """

    def __init__(self, ctx: Context, workshop_id: int) -> None:
        self._ctx, self._workshop_id = ctx, workshop_id
        self._counter = itertools.count(1)  # next() on it is atomic: events come from any thread
        self._generation = 0
        self._known: tuple[int, str, str] | None = None  # generation, state, code
        self.close = ctx.bus.subscribe(self._forget, {Topic.TIMER})

    def _forget(self, _event: object) -> None:
        self._generation = next(self._counter)

    def cached(self) -> tuple[str, str] | None:
        """(state, code) if known without reading the store (the event loop may ask)."""
        known = self._known
        if known is not None and known[0] == self._generation:
            return known[1], known[2]
        return None

    def look(self) -> tuple[str, str]:
        known = self.cached()
        if known is not None:
            return known
        generation = self._generation  # an event during the read makes the next one read again
        state, code = live.door(self._ctx, self._workshop_id)
        self._known = (generation, state, code)
        return state, code

    def check(self) -> str:
        """The join code; raises `SeanceClosed` unless the séance is open."""
        state, code = self.look()
        if state != "open":
            raise SeanceClosed(state)
        return code


class Guard:
    """Security headers on every answer, and request bodies capped before they are read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._tuned = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._tuned:
            # a few worker threads, not anyio's 40: the work is CPU-bound under one GIL, and
            # dozens of threads fighting for it cost more than they bring
            to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
            self._tuned = True
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await problem(413, "trop_gros", "Envoi trop volumineux (16 Ko au plus).")(
                scope, receive, send
            )
            return
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise _TooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except _TooLarge:
            await problem(413, "trop_gros", "Envoi trop volumineux (16 Ko au plus).")(
                scope, receive, send_with_headers
            )


class _TooLarge(Exception):
    pass


class RateLimit:
    """At most `limit` writes a minute per participant (or per address): a flood from one phone
    is refused (429) without slowing the others."""

    def __init__(
        self,
        limit: int = NOTES_PER_MINUTE,
        window: float = 60.0,
        message: str = "Beaucoup de post-its d'un coup : attendez un instant avant le suivant.",
    ) -> None:
        self.limit, self.window, self.message = limit, window, message
        self._seen: dict[Hashable, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, who: Hashable) -> None:
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(who, deque())
            while seen and now - seen[0] > self.window:
                seen.popleft()
            if len(seen) >= self.limit:
                raise KnownError(self.message, code="trop_de_requetes")
            seen.append(now)


def known_problem(path: str, exc: Exception) -> JSONResponse:
    """A `KnownError`: its code's status, the French message (a phone's own for the store's
    failures), where the séance is for a closed one."""
    assert isinstance(exc, KnownError)
    if isinstance(exc, SeanceClosed):
        return problem(STATUS[exc.code], exc.code, exc.message, seance=exc.seance)
    team = path.startswith(("/api/facilitator/", "/api/cofac/"))
    message = exc.message if team else PHONE_MESSAGES.get(exc.code, exc.message)
    return problem(STATUS.get(exc.code, 400), exc.code, message)


def invalid_problem(path: str, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem(422, InvalidInput.code, invalid_message(path, exc.errors()))


def http_problem(_path: str, exc: Exception) -> JSONResponse:
    """Starlette's own refusals in the same JSON form: a body that is not JSON (422, as for any
    invalid data), an unknown address, a method the address does not take."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:
        return problem(422, InvalidInput.code, "Données envoyées illisibles ou invalides.")
    code, message = HTTP_REFUSALS.get(exc.status_code, ("refuse", "Requête refusée."))
    reply = problem(exc.status_code, code, message)
    reply.headers.update(exc.headers or {})  # e.g. Allow, for a 405
    return reply


def _by_path(
    answer_with: Callable[[str, Exception], Response],
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """One of the refusals above as a FastAPI exception handler."""

    async def handler(request: Request, exc: Exception) -> Response:
        return answer_with(request.url.path, exc)

    return handler


class AtelierAPI(FastAPI):
    """FastAPI, with the hot routes' requests taking `lane` (app/server/fast.py)."""

    lane: FastLane | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hot = self.lane.match(scope) if self.lane is not None else None
        if hot is None:
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        await hot(scope, receive, send)


def _hot_lane(hot: dict[str, Endpoint], handlers: Handlers) -> FastLane:
    """The phones' hot writes (their paths and endpoints, as declared to FastAPI), each
    behind the same outer middleware as every other request: starlette's 500, then `Guard`."""
    lane = FastLane()
    for path, endpoint in hot.items():
        lane.add(path, ServerErrorMiddleware(Guard(HotRoute(endpoint, handlers))))
    return lane


TIMER_ACTIONS = {
    "toggle": live.toggle,
    "start": live.start,
    "pause": live.pause,
    "next": live.next_phase,
    "previous": live.previous_phase,
    "reset": live.reset,
}


def create_app(ctx: Context, workshop_id: int, facilitator_token: str | None = None) -> AtelierAPI:
    """The server of one workshop's séance.

    `facilitator_token` is the credential of the facilitator routes (a co-facilitator laptop,
    `atelier serve`); without it, those routes are closed.
    """
    limiter = RateLimit()
    guesses = RateLimit(
        WRONG_CODES_PER_MINUTE,
        message="Trop d'essais de code : attendez une minute, puis réessayez.",
    )
    door = Door(ctx, workshop_id)
    api = AtelierAPI(
        title="Atelier",
        version=__version__,
        docs_url=None,  # the docs pages load scripts from a CDN: never offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )

    handlers: Handlers = {
        KnownError: known_problem,
        RequestValidationError: invalid_problem,
        StarletteHTTPException: http_problem,
    }
    for kind, answer_with in handlers.items():
        api.add_exception_handler(kind, _by_path(answer_with))

    @api.get("/api/health", response_model=Health)
    def health() -> Health:
        return Health(ok=True, version=__version__)

    @api.get("/api/time", response_model=ServerTime)
    def server_time() -> ServerTime:
        """The server's clock, for a phone to estimate its offset (sent, server_now, received)."""
        return ServerTime(server_now=ctx.clock())

    closed: dict[int | str, dict[str, Any]] = {409: {"model": Closed}}

    @api.get(
        "/api/state",
        response_model=State,
        responses={404: {"model": Problem}, **closed},
    )
    def state() -> State:
        """What a phone shows: the current phase and the timer, computed by the phone itself."""
        door.check()
        detail = queries.workshop_detail(ctx, workshop_id)
        session = live.live_session(ctx, workshop_id)
        if session is None:
            return State(
                workshop=detail.title, heading=detail.title, phase=None, next_title=None, timer=None
            )
        current = session.current
        now = ctx.clock()
        wire: dict[str, Any] = session.timer.to_wire(now)
        return State(
            workshop=detail.title,
            heading=session.heading,
            phase=PhaseOut(
                id=current.id,
                title=current.title,
                planned_minutes=current.planned_minutes,
                is_break=current.is_break,
                instructions=current.instructions,
            )
            if current
            else None,
            next_title=session.next.title if session.next else None,
            timer=TimerOut(**wire),
        )

    @api.get("/api/choices", response_model=Choices, responses=closed)
    def choices() -> Choices:
        """What the check-in form offers: the workshop's partners and the categories."""
        door.check()
        detail = queries.workshop_detail(ctx, workshop_id)
        return Choices(partners=detail.cadrage.partner_list(), categories=CATEGORIES)

    def check_code(typed: str, request: Request, code: str | None = None) -> None:
        code = door.check() if code is None else code
        if not matches(typed, code):
            guesses.check(request.client.host if request.client else "")
            raise KnownError(
                "Ce code ne correspond pas à la séance : vérifiez les 5 caractères affichés "
                "à l'écran.",
                code="code_invalide",
            )

    async def door_code() -> str:
        """`door.check()` on the event loop: from memory when known, else a worker thread."""
        known = door.cached()
        if known is None:
            return await run_in_threadpool(door.check)
        state, code = known
        if state != "open":
            raise SeanceClosed(state)
        return code

    @api.post(
        "/api/code",
        response_model=CodeOk,
        responses={403: {"model": Problem}, 429: {"model": Problem}, **closed},
    )
    def code(body: CodeIn, request: Request) -> CodeOk:
        """Whether a typed join code is the séance's (the page asks before the check-in form)."""
        check_code(body.code, request)
        return CodeOk(ok=True)

    @api.post(
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
        check_code(body.code, request, await door_code())
        result = await participants.check_in_async(
            ctx,
            workshop_id,
            name=body.name,
            organisation=body.organisation,
            category=body.category,
            consent_named=body.consent_named,
            key=body.key,
        )
        if result.info is not None:  # its first vote or post-it needs no lookup in the store
            known_tokens[result.token] = result.info
        return JoinOut(participant_id=result.participant_id, token=result.token, name=result.name)

    # who a token is, remembered: every phone request asks; forgotten at any change of the
    # participants but an arrival (a removed duplicate loses access at once)
    known_tokens: dict[str, participants.ParticipantInfo] = {}

    def forget_tokens(event: Event) -> None:
        # a new arrival changes nobody's token: a late check-in in a room of 500 phones no
        # longer makes every phone's next request read the store again
        if event.op != "participants.check_in":
            known_tokens.clear()

    forget = ctx.bus.subscribe(forget_tokens, {Topic.PARTICIPANTS})
    api.state.closers = [forget, door.close]
    api.state.door = door  # other route modules close their participant routes with it too

    def token_owner(token: str) -> participants.ParticipantInfo | None:
        found = known_tokens.get(token)
        if found is None:
            found = participants.participant_by_token(ctx, workshop_id, token)
            if found is not None:
                known_tokens[token] = found
        return found

    def participant(authorization: str) -> participants.ParticipantInfo:
        door.check()
        scheme, _, token = authorization.partition(" ")
        found = token_owner(token.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise KnownError(
                "Ce téléphone n'est pas encore enregistré pour cet atelier.", code="jeton_invalide"
            )
        return found

    async def participant_async(authorization: str) -> participants.ParticipantInfo:
        """`participant` on the event loop: from memory when it can (the séance's door and
        this phone's token seen before), else from the store in a worker thread."""
        known = door.cached()
        scheme, _, token = authorization.partition(" ")
        if known is not None and known[0] == "open" and scheme.lower() == "bearer":
            found = known_tokens.get(token.strip())
            if found is not None:
                return found
        return await run_in_threadpool(participant, authorization)

    @api.get("/api/me", response_model=Me, responses={401: {"model": Problem}, **closed})
    def me(authorization: str = Header(default="")) -> Me:
        """Who this phone is: a reloaded page comes back as the same participant."""
        return Me(**asdict(participant(authorization)))

    @api.post(
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
    hot: dict[str, Endpoint] = {"/api/notes": add_note}

    @api.get(
        "/api/notes/mine",
        response_model=list[NoteOut],
        responses={401: {"model": Problem}, **closed},
    )
    def mine(authorization: str = Header(default="")) -> list[NoteOut]:
        who = participant(authorization)
        return [NoteOut(**asdict(n)) for n in notes.my_notes(ctx, workshop_id, who.id)]

    def latest_seq() -> int:
        # each phone's socket asks on connecting, on the event loop: one indexed max(seq),
        # not the whole workshop (500 phones reconnecting after a Wi-Fi hiccup)
        return queries.last_seq(ctx, workshop_id)

    broadcaster = Broadcaster(ctx.bus, workshop_id, latest_seq)
    api.state.broadcaster = broadcaster

    @api.websocket("/ws")
    async def changes(websocket: WebSocket, token: str = "", since: int = 0) -> None:
        """Each phone holds one socket: told when something changed (coalesced), and at
        once on connecting if the journal moved on since the sequence it last saw."""
        if (await run_in_threadpool(door.look))[0] != "open":
            await websocket.close(code=4409)  # refused (403); the page asks /api/state why
            return
        found = known_tokens.get(token) or await run_in_threadpool(token_owner, token)
        if found is None:
            await websocket.close(code=4401)
            return
        await broadcaster.serve(websocket, since)

    def facilitator(authorization: str) -> None:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if (
            scheme.lower() == "bearer"
            and facilitator_token
            and secrets.compare_digest(token.encode(), facilitator_token.encode())
        ):
            return
        if scheme.lower() == "bearer" and participants.participant_by_token(
            ctx, workshop_id, token
        ):
            raise KnownError("Réservé à l'équipe d'animation.", code="interdit")
        raise KnownError("Jeton d'animation manquant ou invalide.", code="jeton_invalide")

    @api.post(
        "/api/facilitator/timer",
        response_model=Done,
        responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": Problem}},
    )
    def drive_timer(body: TimerAction, authorization: str = Header(default="")) -> Done:
        """The séance's timer, driven from another device of the facilitation team."""
        facilitator(authorization)
        if body.action == "open":  # open the séance (resumes it if already open)
            opened = live.start_session(ctx, workshop_id)
            return Done(ok=True, seq=opened.seq if opened else latest_seq())
        if body.action == "adjust":
            change = live.adjust(ctx, workshop_id, body.seconds)
        else:
            change = TIMER_ACTIONS[body.action](ctx, workshop_id)
        return Done(ok=True, seq=change.seq)

    api.include_router(
        votes_router(ctx, workshop_id, participant, facilitator, participant_async, hot)
    )
    cofac_routes, cofac_host = cofac_router(ctx, workshop_id, door)  # co-facilitator laptops
    api.include_router(cofac_routes)
    api.state.cofac = cofac_host  # the host shows `cofac_host.code()`
    api.state.closers.append(cofac_host.close)
    api.include_router(feedback_router(ctx, workshop_id, participant))

    @api.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/web/")

    web = asset("web")
    if not web.is_dir():
        raise NotFound(f"Les pages des téléphones manquent ({web}).")
    api.mount("/web", StaticFiles(directory=web, html=True), name="web")
    api.add_middleware(Guard)
    api.lane = _hot_lane(hot, handlers)
    return api

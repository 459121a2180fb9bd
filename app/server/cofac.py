"""The routes of co-facilitator laptops: pairing, operations, the replica's snapshot and journal,
and a websocket that tells them of every change.

Included by `app.server.app.create_app`. A laptop pairs with the 6-digit code shown on the host
(`CofacHost.code()`, one per séance, gone when it ends; 5 wrong codes lock pairing for a
minute), then carries its token as ``Authorization: Bearer …``. A phone's token never pairs
nor acts (403). Errors are JSON ``{code, message}`` in French, with the statuses of
`COFAC_STATUS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Header, Query, WebSocket
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.errors import KnownError
from app.events import Event, Topic
from app.ops import cofac, participants, queries, replica
from app.ops.base import Context
from app.server.push import Broadcaster

log = logging.getLogger(__name__)
COFAC_STATUS = {
    "code_expire": 409,
    "appairage_bloque": 429,
    "operation_inconnue": 422,
}
WRONG_CODES = 5  # then pairing is locked…
LOCK_SECONDS = 60.0  # …for a minute
JOURNAL_PAGE = 5000
CARRY_MAX = 200  # journal entries carried in one websocket message; more: the laptop fetches


class PairIn(BaseModel):
    code: str = Field(max_length=20)
    name: str = Field(min_length=1, max_length=cofac.MAX_NAME)
    device_key: str = Field(min_length=8, max_length=64, pattern=participants.KEY.pattern)


class LaptopOut(BaseModel):
    id: int
    name: str
    role: str
    role_label: str
    workshop_id: int


class PairOut(BaseModel):
    token: str
    laptop: LaptopOut
    title: str
    version: str


class OpIn(BaseModel):
    op: str = Field(max_length=60)
    args: dict[str, Any] = {}
    key: str = Field(min_length=8, max_length=64, pattern=participants.KEY.pattern)


class OpOut(BaseModel):
    ok: bool
    seq: int
    ids: list[int]
    replayed: bool


class Problem(BaseModel):
    code: str
    message: str


def _laptop(info: cofac.CoFacInfo) -> LaptopOut:
    return LaptopOut(
        id=info.id,
        name=info.name,
        role=info.role,
        role_label=info.role_label,
        workshop_id=info.workshop_id,
    )


@dataclass(frozen=True, slots=True)
class Presence:
    """Whether a laptop is connected now (its websocket open), and when it was last heard of
    (the host's clock; 0 if never since the server started)."""

    online: bool
    last_seen: float


class CofacHost:
    """The host's side of pairing: the séance's code, the lock, who the tokens are, which
    laptops are connected (`presence`, told to `presence_listeners` from the server's thread).
    """

    def __init__(self, ctx: Context, workshop_id: int, door: Any) -> None:
        self.ctx, self.workshop_id, self.door = ctx, workshop_id, door
        self.clock: Callable[[], float] = time.monotonic  # tests move it forward
        self._lock = threading.Lock()
        self._code = ""
        self._seance = ""  # the join code of the séance the pairing code was made for
        self._wrong: deque[float] = deque()
        self._locked_until = 0.0
        self._tokens: dict[str, cofac.CoFacInfo] = {}
        self._watchers: dict[int, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
        self._connected: dict[int, int] = {}  # laptop id → open websockets
        self._last_seen: dict[int, float] = {}
        self.presence_listeners: list[Callable[[], None]] = []
        self._unsubscribe = ctx.bus.subscribe(self._changed, {Topic.COFAC})
        self.closers: list[Callable[[], None]] = [self._unsubscribe]

    def close(self) -> None:
        for close in self.closers:
            close()

    # -- the code ------------------------------------------------------------------------------
    def code(self) -> str:
        """The pairing code to show on the host while the séance is open ("" otherwise)."""
        state, seance = self.door.look()
        with self._lock:
            if state != "open":
                self._code, self._seance = "", ""
            elif seance != self._seance or not self._code:
                self._code, self._seance = cofac.new_pairing_code(), seance
            return self._code

    def new_code(self) -> str:
        """A fresh code (after a revocation: whoever saw the old one cannot pair again)."""
        with self._lock:
            self._code = ""
        return self.code()

    @property
    def locked(self) -> bool:
        return self.clock() < self._locked_until

    def check_code(self, typed: str) -> None:
        current = self.code()
        with self._lock:
            now = self.clock()
            if now < self._locked_until:
                raise KnownError(
                    "Trop de codes erronés : l'appairage est bloqué pendant une minute.",
                    code="appairage_bloque",
                )
            if not current:
                state, _ = self.door.look()
                raise KnownError(
                    "La séance est terminée : ce code a expiré."
                    if state == "ended"
                    else "Aucune séance n'est ouverte : le code d'appairage n'est pas encore "
                    "valable.",
                    code="code_expire",
                )
            typed = "".join(c for c in typed if c.isdigit())
            if secrets.compare_digest(typed.encode(), current.encode()):
                self._wrong.clear()
                return
            while self._wrong and now - self._wrong[0] > LOCK_SECONDS:
                self._wrong.popleft()
            self._wrong.append(now)
            if len(self._wrong) >= WRONG_CODES:
                self._locked_until = now + LOCK_SECONDS
                self._wrong.clear()
                raise KnownError(
                    "Trop de codes erronés : l'appairage est bloqué pendant une minute.",
                    code="appairage_bloque",
                )
        raise KnownError(
            "Ce code ne correspond pas : vérifiez les 6 chiffres affichés sur l'ordinateur "
            "de l'animatrice.",
            code="code_invalide",
        )

    # -- who a token is ------------------------------------------------------------------------
    def _changed(self, event: Event) -> None:
        """A laptop paired, changed role or was revoked: forget what was known of tokens, and
        close the socket of a revoked laptop."""
        if event.workshop_id != self.workshop_id:
            return
        with self._lock:
            self._tokens.clear()
            if event.op == "cofac.revoke":
                self._code = ""  # a new code: whoever saw the old one cannot pair again
        if event.op == "cofac.revoke":
            for cofac_id in event.ids:
                for loop, gone in self._watchers.get(cofac_id, set()).copy():
                    with contextlib.suppress(RuntimeError):  # its loop already closed
                        loop.call_soon_threadsafe(gone.set)

    def laptop(self, authorization: str) -> cofac.CoFacInfo:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        bearer = scheme.lower() == "bearer" and bool(token)
        with self._lock:
            found = self._tokens.get(token) if bearer else None
        if found is None and bearer:
            found = cofac.by_token(self.ctx, self.workshop_id, token)
            if found is not None:
                with self._lock:
                    self._tokens[token] = found
        if found is not None:
            with self._lock:
                self._last_seen[found.id] = self.ctx.clock()
            return found
        self.refuse_phone(authorization)
        raise KnownError(
            "Cet ordinateur n'est pas (ou plus) appairé à la séance.", code="jeton_invalide"
        )

    def refuse_phone(self, authorization: str) -> None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and participants.participant_by_token(
            self.ctx, self.workshop_id, token.strip()
        ):
            raise KnownError("Réservé à l'équipe d'animation.", code="interdit")

    def watch(
        self, cofac_id: int, loop: asyncio.AbstractEventLoop, gone: asyncio.Event
    ) -> Callable[[], None]:
        entry = (loop, gone)
        with self._lock:
            self._watchers.setdefault(cofac_id, set()).add(entry)
            self._connected[cofac_id] = self._connected.get(cofac_id, 0) + 1
            self._last_seen[cofac_id] = self.ctx.clock()
        self._tell_presence()

        def forget() -> None:
            with self._lock:
                self._watchers.get(cofac_id, set()).discard(entry)
                self._connected[cofac_id] = max(0, self._connected.get(cofac_id, 0) - 1)
                self._last_seen[cofac_id] = self.ctx.clock()
            self._tell_presence()

        return forget

    # -- who is connected ------------------------------------------------------------------------
    def presence(self) -> dict[int, Presence]:
        """The laptops heard of since the server started: connected now, last seen."""
        with self._lock:
            return {
                cofac_id: Presence(self._connected.get(cofac_id, 0) > 0, seen)
                for cofac_id, seen in self._last_seen.items()
            }

    def _tell_presence(self) -> None:
        for listener in list(self.presence_listeners):
            try:
                listener()
            except Exception:  # a view's bug must not break the laptop's connection
                log.exception("presence listener")


def cofac_router(ctx: Context, workshop_id: int, door: Any) -> tuple[APIRouter, CofacHost]:
    host = CofacHost(ctx, workshop_id, door)
    router = APIRouter()
    errors: dict[int | str, dict[str, Any]] = {
        s: {"model": Problem} for s in (401, 403, 404, 409, 422, 429)
    }

    @router.post("/api/cofac/pair", response_model=PairOut, status_code=201, responses=errors)
    def pair(body: PairIn, authorization: str = Header(default="")) -> PairOut:
        """A laptop joins the séance with the code shown on the host; it starts as observer
        until the lead gives it a role."""
        host.refuse_phone(authorization)
        host.check_code(body.code)
        paired = cofac.pair(ctx, workshop_id, name=body.name, device_key=body.device_key)
        detail = queries.workshop_detail(ctx, workshop_id)
        return PairOut(
            token=paired.token, laptop=_laptop(paired.info), title=detail.title, version=__version__
        )

    @router.get("/api/cofac/me", response_model=LaptopOut, responses=errors)
    def me(authorization: str = Header(default="")) -> LaptopOut:
        return _laptop(host.laptop(authorization))

    @router.post("/api/cofac/op", response_model=OpOut, responses=errors)
    def operation(body: OpIn, authorization: str = Header(default="")) -> OpOut:
        """Run an operation as this laptop; the same `key` again returns the first answer."""
        who = host.laptop(authorization)
        done = cofac.run_remote(ctx, workshop_id, who, body.op, body.args, body.key)
        return OpOut(ok=True, seq=done.seq, ids=list(done.ids), replayed=done.replayed)

    @router.get("/api/cofac/snapshot", responses=errors)
    def snapshot(authorization: str = Header(default="")) -> dict[str, Any]:
        """Every row of the workshop (no credentials) and the journal sequence they reflect."""
        host.laptop(authorization)
        return replica.snapshot(ctx, workshop_id)

    @router.get("/api/cofac/journal", responses=errors)
    def journal(
        since: int = Query(default=0, ge=0, le=2**63 - 1),  # what SQLite's INTEGER holds
        limit: int = Query(default=JOURNAL_PAGE, ge=1, le=JOURNAL_PAGE),
        authorization: str = Header(default=""),
    ) -> dict[str, Any]:
        """The workshop's journal entries after `since`, oldest first."""
        host.laptop(authorization)
        return replica.journal_page(ctx, workshop_id, since, limit)

    def latest_seq() -> int:
        return queries.workshop_detail(ctx, workshop_id).last_seq

    def carried(after: int) -> list[dict[str, Any]] | None:
        """The journal after `after`, in the message itself (None: too much, they fetch it)."""
        page = replica.journal_page(ctx, workshop_id, after, CARRY_MAX)
        return None if page["more"] else list(page["entries"])

    broadcaster = Broadcaster(ctx.bus, workshop_id, latest_seq, topics=None, carry=carried)
    host.closers.append(broadcaster.close)

    @router.websocket("/api/cofac/ws")
    async def changes(websocket: WebSocket, since: int = 0) -> None:
        """Told of every change (coalesced), and at once on connecting if behind `since`.
        Closed by the host when the laptop is revoked (code 4401)."""
        authorization = websocket.headers.get("authorization", "")
        try:
            who = await run_in_threadpool(host.laptop, authorization)
        except KnownError:
            await websocket.close(code=4401)
            return
        gone = asyncio.Event()
        forget = host.watch(who.id, asyncio.get_running_loop(), gone)
        serving = asyncio.ensure_future(broadcaster.serve(websocket, since))
        revoked = asyncio.ensure_future(gone.wait())
        try:
            await asyncio.wait({serving, revoked}, return_when=asyncio.FIRST_COMPLETED)
            if revoked.done():
                serving.cancel()
                with contextlib.suppress(Exception):
                    await websocket.close(code=4401)
        finally:
            forget()
            revoked.cancel()
            serving.cancel()

    return router, host

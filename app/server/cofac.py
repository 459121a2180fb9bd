"""The routes of co-facilitator laptops: pairing, operations, the replica's snapshot and journal,
and a websocket that tells them of every change.

Served by `app.server.app.create_app`'s second app, over TLS only (`app.server.runner` listens
for it on a port of its own; phones' plain HTTP port does not serve these routes). A laptop
pairs with the 6-digit code shown on the host (`CofacHost.code()`, one per séance, gone when it
ends) through a password-authenticated exchange that also proves the host's certificate
(`app.domain.pairing`: the code never crosses the network), then carries its token as
``Authorization: Bearer …``. The token expires (`cofac.TOKEN_HOURS`, or when the séance
ends). A new laptop gets no data until the lead approves it; the lowest role gets what it needs
only (`app.ops.replica`). A phone's token never pairs nor acts (403). Errors are JSON
``{code, message}`` in French, with the statuses of `COFAC_STATUS`.

Wrong codes: each pairing exchange that does not end with the right code counts against its
source address (`WRONG_CODES` in `LOCK_SECONDS` lock that address, right code or not, for
`LOCK_SECONDS`) and against a ceiling for all sources (`GLOBAL_CEILING` per code: then pairing
with this code stops until the lead shows a new one, which starts afresh). So a stranger
cannot lock the real laptop out for long (only their own address), and cannot try more than
`GLOBAL_CEILING` of the 10⁶ codes, from however many addresses.
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

from fastapi import APIRouter, Header, Query, Request, WebSocket
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.domain import pairing
from app.errors import KnownError
from app.events import Event, Topic
from app.ops import cofac, participants, queries, replica
from app.ops import pairing as pairing_codes
from app.ops.base import Context
from app.server.push import Broadcaster

log = logging.getLogger(__name__)
COFAC_STATUS = {
    "code_expire": 409,
    "appairage_bloque": 429,
    "appairage_suspendu": 429,
    "operation_inconnue": 422,
    "en_attente": 403,
}
WRONG_CODES = 5  # wrong codes from one address, then that address is locked…
LOCK_SECONDS = 60.0  # …for a minute
GLOBAL_CEILING = 30  # wrong codes from anywhere, then this code is done: the lead shows another
PENDING_SECONDS = 60.0  # an exchange must end within this
END_GRACE = 120.0  # after the séance ends, laptops connected during it catch up for this long
MAX_PENDING = 256
JOURNAL_PAGE = 5000
CARRY_MAX = 200  # journal entries carried in one websocket message; more: the laptop fetches
LOCKED = "Trop de codes erronés depuis cet ordinateur : l'appairage est bloqué pendant une minute."
SUSPENDED = (
    "Trop de codes erronés : ce code d'appairage ne sert plus. Demandez à l'animatrice "
    "d'afficher un nouveau code (« Nouveau code »)."
)
WRONG = (
    "Ce code ne correspond pas : vérifiez les 6 chiffres affichés sur l'ordinateur de l'animatrice."
)


class PairStartIn(BaseModel):
    message: str = Field(min_length=1, max_length=pairing.MAX_MESSAGE)


class PairStartOut(BaseModel):
    exchange: str
    message: str
    proof: str


class PairIn(BaseModel):
    exchange: str = Field(min_length=8, max_length=64)
    proof: str = Field(min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=cofac.MAX_NAME)
    device_key: str = Field(min_length=8, max_length=64, pattern=participants.KEY.pattern)


class LaptopOut(BaseModel):
    id: int
    name: str
    role: str
    role_label: str
    workshop_id: int
    approved: bool


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
        approved=info.approved,
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

    def __init__(self, ctx: Context, workshop_id: int, door: Any, fingerprint: str) -> None:
        self.ctx, self.workshop_id, self.door = ctx, workshop_id, door
        self.fingerprint = fingerprint  # of the certificate laptops are served with
        self.pseudonym_key = secrets.token_bytes(32)  # voters' stand-ins for observers
        self.clock: Callable[[], float] = time.monotonic  # tests move it forward
        self._lock = threading.Lock()
        self._code = ""
        self._wrong: dict[str, deque[float]] = {}  # source address → wrong codes' times
        self._locked_until: dict[str, float] = {}  # source address → until when
        self._wrong_total = 0  # wrong codes against the current code, from anywhere
        self._pending: dict[str, tuple[pairing.HostSide, str, float]] = {}
        self._saw_open = False  # this server served the séance while it was open
        self._ended_at: float | None = None  # when it first saw it ended
        self._tokens: dict[str, cofac.CoFacInfo] = {}
        self._rechecks: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._watchers: dict[int, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
        self._connected: dict[int, int] = {}  # laptop id → open websockets
        self._last_seen: dict[int, float] = {}
        self.presence_listeners: list[Callable[[], None]] = []
        self._unsubscribe = ctx.bus.subscribe(self._changed, {Topic.COFAC})
        self.closers: list[Callable[[], None]] = [self._unsubscribe]

    def close(self) -> None:
        for close in self.closers:
            close()

    # -- the code (in the base: every server of a shared base shows the same) -------------------
    def code(self) -> str:
        """The pairing code to show on the host while the séance is open ("" otherwise): kept
        in the base, so every server of a shared base shows the same (app/ops/pairing.py)."""
        state, _join = self.door.look()
        code = pairing_codes.current_code(self.ctx, self.workshop_id) if state == "open" else ""
        with self._lock:
            if code != self._code:
                self._code = code
                self._wrong_total = 0  # a new code: the guesses against the old one are moot
                self._pending.clear()
            return self._code

    def new_code(self) -> str:
        """A fresh code (the lead's « Nouveau code », a revocation): whoever saw the old one
        cannot pair with it again."""
        if self.door.look()[0] == "open":
            pairing_codes.renew_code(self.ctx, self.workshop_id)
        return self.code()

    def locked(self, source: str) -> bool:
        """Whether pairing from `source` (an address) is refused for now."""
        with self._lock:
            return self.clock() < self._locked_until.get(source, 0.0)

    @property
    def suspended(self) -> bool:
        """Whether too many wrong codes came in for the current code (from anywhere)."""
        with self._lock:
            return self._wrong_total >= GLOBAL_CEILING

    def _refuse_if_locked(self, source: str, now: float) -> None:
        if now < self._locked_until.get(source, 0.0):
            raise KnownError(LOCKED, code="appairage_bloque")
        if self._wrong_total >= GLOBAL_CEILING:
            raise KnownError(SUSPENDED, code="appairage_suspendu")

    def _count_wrong(self, source: str, now: float) -> bool:
        """One wrong code from `source` (under the lock); True if that locks it."""
        self._wrong_total += 1
        wrong = self._wrong.setdefault(source, deque())
        while wrong and now - wrong[0] > LOCK_SECONDS:
            wrong.popleft()
        wrong.append(now)
        if len(wrong) >= WRONG_CODES:
            self._locked_until[source] = now + LOCK_SECONDS
            wrong.clear()
            return True
        return False

    def _forget_old(self, now: float) -> None:
        for key in [k for k, (_, _, at) in self._pending.items() if now - at > PENDING_SECONDS]:
            del self._pending[key]
        for source in [s for s, until in self._locked_until.items() if until <= now]:
            del self._locked_until[source]
        for source in [s for s, times in self._wrong.items() if not times]:
            del self._wrong[source]

    def start_pairing(self, laptop_message: str, source: str) -> tuple[str, pairing.HostSide]:
        """The host's answer to a laptop's first pairing message: it proves the code and this
        host's certificate. Counted as a wrong code until the laptop proves it too."""
        current = self.code()
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            self._refuse_if_locked(source, now)
            if not current:
                state, _ = self.door.look()
                raise KnownError(
                    "La séance est terminée : ce code a expiré."
                    if state == "ended"
                    else "Aucune séance n'est ouverte : le code d'appairage n'est pas encore "
                    "valable.",
                    code="code_expire",
                )
            if len(self._pending) >= MAX_PENDING:
                raise KnownError(LOCKED, code="appairage_bloque")
            try:
                side = pairing.HostSide(current, laptop_message, self.fingerprint)
            except pairing.ProofFailed:
                raise KnownError("Message d'appairage illisible.", code="saisie_invalide") from None
            # counted now: the answer lets its sender check one guess of the code
            self._count_wrong(source, now)
            exchange = secrets.token_urlsafe(24)
            self._pending[exchange] = (side, source, now)
            retired = self._wrong_total == GLOBAL_CEILING
        if retired:  # the lead's panel says the code no longer serves
            self._tell_presence()
        return exchange, side

    def finish_pairing(self, exchange: str, laptop_proof: str, source: str) -> None:
        """The laptop's proof that it typed the right code (raises KnownError otherwise)."""
        with self._lock:
            now = self.clock()
            found = self._pending.pop(exchange, None)
            if found is None or found[1] != source or now - found[2] > PENDING_SECONDS:
                raise KnownError(
                    "L'échange d'appairage a expiré : recommencez.", code="code_expire"
                )
            if not found[0].check(laptop_proof):
                raise KnownError(WRONG, code="code_invalide")
            # the right code: this exchange was no guess
            self._wrong_total = max(0, self._wrong_total - 1)
            wrong = self._wrong.get(source)
            if wrong:
                wrong.clear()

    # -- who a token is ------------------------------------------------------------------------
    def _changed(self, event: Event) -> None:
        """A laptop paired, changed role or was revoked: forget what was known of tokens, and
        close the socket of a revoked laptop."""
        if event.workshop_id != self.workshop_id:
            return
        with self._lock:
            self._tokens.clear()  # (the revocation blanked the pairing code in the base)
        if event.op == "cofac.revoke":
            for cofac_id in event.ids:
                for loop, gone in self._watchers.get(cofac_id, set()).copy():
                    with contextlib.suppress(RuntimeError):  # its loop already closed
                        loop.call_soon_threadsafe(gone.set)
        if event.op in ("cofac.role", "cofac.approve"):
            with self._lock:
                rechecks = list(self._rechecks)
            for loop, changed in rechecks:
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(changed.set)

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
        if found is not None and not self._seance_allows():
            raise KnownError(
                "La séance est terminée : cet ordinateur n'y a plus accès.",
                code="jeton_invalide",
            )
        if found is not None and found.expires and self.ctx.clock() >= found.expires:
            with self._lock:
                self._tokens.pop(token, None)
            found = None
        if found is not None:
            with self._lock:
                self._last_seen[found.id] = self.ctx.clock()
            return found
        self.refuse_phone(authorization)
        raise KnownError(
            "Cet ordinateur n'est pas (ou plus) appairé à la séance.", code="jeton_invalide"
        )

    def _seance_allows(self) -> bool:
        """Tokens work while the séance is open, and for `END_GRACE` after this server saw it
        end (the laptops connected then get the end); never after (an old token no longer
        downloads anything)."""
        state, _ = self.door.look()
        with self._lock:
            if state != "ended":
                self._saw_open = self._saw_open or state == "open"
                self._ended_at = None
                return True
            now = self.clock()
            if self._ended_at is None:
                self._ended_at = now if self._saw_open else now - END_GRACE
            return now - self._ended_at < END_GRACE

    def approved_laptop(self, authorization: str) -> cofac.CoFacInfo:
        """The laptop of `authorization`, if the lead approved it (it gets no data before)."""
        who = self.laptop(authorization)
        if not who.approved:
            raise KnownError(
                "L'animatrice n'a pas encore accepté cet ordinateur : elle le fait depuis son "
                "panneau de co-animation.",
                code="en_attente",
            )
        return who

    def refuse_phone(self, authorization: str) -> None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and participants.participant_by_token(
            self.ctx, self.workshop_id, token.strip()
        ):
            raise KnownError("Réservé à l'équipe d'animation.", code="interdit")

    def watch(
        self,
        cofac_id: int,
        loop: asyncio.AbstractEventLoop,
        gone: asyncio.Event,
        changed: asyncio.Event | None = None,
    ) -> Callable[[], None]:
        """`gone` is set when the laptop is revoked; `changed` when any laptop's role or
        approval changes (its socket checks whether it still carries what it may see)."""
        entry = (loop, gone)
        with self._lock:
            self._watchers.setdefault(cofac_id, set()).add(entry)
            if changed is not None:
                self._rechecks.add((loop, changed))
            self._connected[cofac_id] = self._connected.get(cofac_id, 0) + 1
            self._last_seen[cofac_id] = self.ctx.clock()
        self._tell_presence()

        def forget() -> None:
            with self._lock:
                self._watchers.get(cofac_id, set()).discard(entry)
                if changed is not None:
                    self._rechecks.discard((loop, changed))
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


def _source(request: Request) -> str:
    return request.client.host if request.client is not None else ""


def cofac_router(
    ctx: Context, workshop_id: int, door: Any, fingerprint: str
) -> tuple[APIRouter, CofacHost]:
    host = CofacHost(ctx, workshop_id, door, fingerprint)
    router = APIRouter()
    errors: dict[int | str, dict[str, Any]] = {
        s: {"model": Problem} for s in (401, 403, 404, 409, 422, 429)
    }

    @router.post(
        "/api/cofac/pair/start", response_model=PairStartOut, status_code=200, responses=errors
    )
    def pair_start(
        body: PairStartIn, request: Request, authorization: str = Header(default="")
    ) -> PairStartOut:
        """A laptop's first pairing message (SPAKE2 with the code); the host answers with its
        own and proves it knows the code and holds this connection's certificate."""
        host.refuse_phone(authorization)
        exchange, side = host.start_pairing(body.message, _source(request))
        return PairStartOut(exchange=exchange, message=side.message, proof=side.proof)

    @router.post("/api/cofac/pair", response_model=PairOut, status_code=201, responses=errors)
    def pair(body: PairIn, request: Request, authorization: str = Header(default="")) -> PairOut:
        """A laptop proves it typed the code and joins the séance; it gets no data until the
        lead approves it, then reads as observer until the lead gives it a role."""
        host.refuse_phone(authorization)
        host.finish_pairing(body.exchange, body.proof, _source(request))
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
        who = host.approved_laptop(authorization)
        done = cofac.run_remote(ctx, workshop_id, who, body.op, body.args, body.key)
        return OpOut(ok=True, seq=done.seq, ids=list(done.ids), replayed=done.replayed)

    @router.get("/api/cofac/snapshot", responses=errors)
    def snapshot(authorization: str = Header(default="")) -> dict[str, Any]:
        """Every row of the workshop (no credentials) and the journal sequence they reflect."""
        who = host.approved_laptop(authorization)
        return replica.snapshot(ctx, workshop_id, who.role, host.pseudonym_key)

    @router.get("/api/cofac/journal", responses=errors)
    def journal(
        since: int = Query(default=0, ge=0, le=2**63 - 1),  # what SQLite's INTEGER holds
        limit: int = Query(default=JOURNAL_PAGE, ge=1, le=JOURNAL_PAGE),
        authorization: str = Header(default=""),
    ) -> dict[str, Any]:
        """The workshop's journal entries after `since`, oldest first."""
        who = host.approved_laptop(authorization)
        return replica.journal_page(ctx, workshop_id, since, limit, who.role)

    def latest_seq() -> int:
        return queries.workshop_detail(ctx, workshop_id).last_seq

    def carried(after: int) -> list[dict[str, Any]] | None:
        """The journal after `after`, in the message itself (None: too much, they fetch it)."""
        page = replica.journal_page(ctx, workshop_id, after, CARRY_MAX)
        return None if page["more"] else list(page["entries"])

    # laptops that see every row get the entries in the message; observers and laptops not yet
    # approved are only told (they fetch the journal, which says what their role may see)
    carrying = Broadcaster(ctx.bus, workshop_id, latest_seq, topics=None, carry=carried)
    telling = Broadcaster(ctx.bus, workshop_id, latest_seq, topics=None)
    host.closers += [carrying.close, telling.close]

    def broadcaster_for(who: cofac.CoFacInfo) -> Broadcaster:
        return carrying if who.approved and replica.sees_everything(who.role) else telling

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
        gone, changed = asyncio.Event(), asyncio.Event()
        forget = host.watch(who.id, asyncio.get_running_loop(), gone, changed)
        chosen = broadcaster_for(who)
        serving = asyncio.ensure_future(chosen.serve(websocket, since))
        revoked = asyncio.ensure_future(gone.wait())
        try:
            while True:
                recheck = asyncio.ensure_future(changed.wait())
                await asyncio.wait({serving, revoked, recheck}, return_when=asyncio.FIRST_COMPLETED)
                recheck.cancel()
                if revoked.done():
                    serving.cancel()
                    with contextlib.suppress(Exception):
                        await websocket.close(code=4401)
                    return
                if serving.done():
                    return
                changed.clear()  # a role or an approval changed: is this socket still right?
                try:
                    now = await run_in_threadpool(host.laptop, authorization)
                except KnownError:
                    now = None
                if now is None or broadcaster_for(now) is not chosen:
                    serving.cancel()  # it reconnects, to what its role may now see
                    with contextlib.suppress(Exception):
                        await websocket.close(code=1012)
                    return
        finally:
            forget()
            revoked.cancel()
            serving.cancel()

    return router, host

"""Who may ask what: the séance's door (open or not, its join code), a phone's token (who it
is, remembered), the facilitation team's token, and the per-phone rate limits.

`create_app` makes one `Door` and one `Access` per server and hands their checks to every
router. The phones' hot routes call `Access.participant_async` on the event loop: it answers
from memory when it can (door and token known), with no worker thread (bench/phones.py).
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from collections import deque
from collections.abc import Hashable

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from app.domain.join_code import matches
from app.errors import KnownError
from app.events import Event, Topic
from app.ops import live, participants
from app.ops.base import Context
from app.server.limits import CheckInQuota, CodeLockout
from app.server.problems import SeanceClosed

NOTES_PER_MINUTE = 20


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
        # the séance (timer) and the workshop (its join code renewed), from this process or,
        # on a shared PostgreSQL base, another one (app/store/notify.py)
        self.close = ctx.bus.subscribe(self._forget, {Topic.TIMER, Topic.WORKSHOP})

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


class Access:
    """The credential checks every router gets: the join code, a phone's token, the
    facilitation team's token.

    `facilitator_token` is the credential of the facilitator routes (a co-facilitator laptop,
    `atelier serve`); without it, those routes are closed. `close` stops listening to the bus.
    The wrong codes and the check-ins are limited (app/server/limits.py); `shared_address`
    is the facilitator's switch for a room behind one address.
    """

    def __init__(
        self,
        ctx: Context,
        workshop_id: int,
        door: Door,
        facilitator_token: str | None = None,
        *,
        shared_address: bool = False,
    ) -> None:
        self.ctx, self.workshop_id, self.door = ctx, workshop_id, door
        self.facilitator_token = facilitator_token
        self.lockout = CodeLockout(shared_address=shared_address)
        self.check_ins = CheckInQuota(shared_address=shared_address)
        # who a token is, remembered: every phone request asks; forgotten at any change of the
        # participants but an arrival (a removed duplicate loses access at once)
        self.known_tokens: dict[str, participants.ParticipantInfo] = {}
        self.close = ctx.bus.subscribe(self._forget_tokens, {Topic.PARTICIPANTS})

    def _forget_tokens(self, event: Event) -> None:
        # a new arrival changes nobody's token: a late check-in in a room of 500 phones no
        # longer makes every phone's next request read the store again
        if event.op != "participants.check_in":
            self.known_tokens.clear()

    # -- the join code ---------------------------------------------------------------------
    def check_code(self, typed: str, request: Request, code: str | None = None) -> None:
        """Refuse a wrong code (`code_invalide`), and any code, the right one too, from an
        address or a room that typed too many wrong ones (app/server/limits.py)."""
        code = self.door.check() if code is None else code
        host = request.client.host if request.client else ""
        self.lockout.before_check(host)
        if not matches(typed, code):
            self.lockout.wrong(host)
            raise KnownError(
                "Ce code ne correspond pas à la séance : vérifiez les 5 caractères affichés "
                "à l'écran.",
                code="code_invalide",
            )

    async def door_code(self) -> str:
        """`door.check()` on the event loop: from memory when known, else a worker thread."""
        known = self.door.cached()
        if known is None:
            return await run_in_threadpool(self.door.check)
        state, code = known
        if state != "open":
            raise SeanceClosed(state)
        return code

    # -- a phone's token -------------------------------------------------------------------
    def remember(self, token: str, info: participants.ParticipantInfo) -> None:
        """A phone just checked in: its first vote or post-it needs no lookup in the store."""
        self.known_tokens[token] = info

    def token_owner(self, token: str) -> participants.ParticipantInfo | None:
        found = self.known_tokens.get(token)
        if found is None:
            found = participants.participant_by_token(self.ctx, self.workshop_id, token)
            if found is not None:
                self.known_tokens[token] = found
        return found

    def participant(self, authorization: str) -> participants.ParticipantInfo:
        self.door.check()
        scheme, _, token = authorization.partition(" ")
        found = self.token_owner(token.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise KnownError(
                "Ce téléphone n'est pas encore enregistré pour cet atelier.", code="jeton_invalide"
            )
        return found

    async def participant_async(self, authorization: str) -> participants.ParticipantInfo:
        """`participant` on the event loop: from memory when it can (the séance's door and
        this phone's token seen before), else from the store in a worker thread."""
        known = self.door.cached()
        scheme, _, token = authorization.partition(" ")
        if known is not None and known[0] == "open" and scheme.lower() == "bearer":
            found = self.known_tokens.get(token.strip())
            if found is not None:
                return found
        return await run_in_threadpool(self.participant, authorization)

    # -- the facilitation team -------------------------------------------------------------
    def facilitator(self, authorization: str) -> None:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if (
            scheme.lower() == "bearer"
            and self.facilitator_token
            and secrets.compare_digest(token.encode(), self.facilitator_token.encode())
        ):
            return
        if scheme.lower() == "bearer" and participants.participant_by_token(
            self.ctx, self.workshop_id, token
        ):
            raise KnownError("Réservé à l'équipe d'animation.", code="interdit")
        raise KnownError("Jeton d'animation manquant ou invalide.", code="jeton_invalide")

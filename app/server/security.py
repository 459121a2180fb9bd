"""The server's defences that are no route's own business: the `Host` a request names, the
facilitation team's view of the join-code lockout (app/server/limits.py), the favicon.

`AllowedHosts` (asked by the app before anything else) refuses a request whose `Host` is not this laptop (its addresses, `localhost`,
its host name, the `atelier-….local` name discovery announces): a web page elsewhere that
points a name of its own at the laptop (DNS rebinding) cannot read the phones' API. A request
without a `Host` (HTTP/1.0) is let through: a browser always sends one.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Header
from fastapi.responses import FileResponse
from pydantic import BaseModel
from starlette.types import Message, Receive, Scope, Send

from app.resources import asset
from app.server.limits import CodeLockout, LockoutState
from app.server.problems import Problem, problem

ADDRESSES_TTL = 30.0  # seconds: the laptop's addresses are listed again after a miss


def _own_addresses() -> set[str]:
    """Every address of this laptop's interfaces (IPv4 and IPv6), as the system lists them:
    nothing sent, no name resolved (this runs on the server's event loop)."""
    import ifaddr

    found: set[str] = set()
    try:
        for adapter in ifaddr.get_adapters():
            for ip in adapter.ips:
                found.add(ip.ip if isinstance(ip.ip, str) else ip.ip[0])
    except (OSError, ValueError):
        pass
    return {a.split("%")[0].lower() for a in found}


class AllowedHosts:
    """The names and addresses a request may name in its `Host`."""

    def __init__(self, extra: tuple[str, ...] = ()) -> None:
        name = socket.gethostname().lower()
        self.names = {"localhost", name, f"{name}.local", *(e.lower() for e in extra)}
        self._addresses: set[str] = set()
        self._listed = -ADDRESSES_TTL
        self._lock = threading.Lock()
        self._ok: set[bytes] = set()  # `Host` values already allowed, as sent (a few)

    def allows(self, host: str) -> bool:
        host = host.strip().lower()
        if host.startswith("["):  # [v6]:port
            host = host[1 : host.find("]")] if "]" in host else host
        elif host.count(":") == 1:
            host = host.partition(":")[0]
        host = host.rstrip(".").split("%")[0]
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return host in self.names or (host.startswith("atelier-") and host.endswith(".local"))
        if ip.is_loopback:
            return True
        if host in self._addresses:
            return True
        with self._lock:  # a new address (DHCP, another network): listed again, not too often
            if time.monotonic() - self._listed >= ADDRESSES_TTL:
                self._addresses = _own_addresses()
                self._listed = time.monotonic()
            return host in self._addresses

    def allows_scope(self, scope: Scope) -> bool:
        """Whether an HTTP or websocket request names this laptop (or no `Host` at all)."""
        if scope["type"] not in ("http", "websocket"):
            return True
        host = next((v for k, v in scope.get("headers") or [] if k == b"host"), None)
        if host is None or host in self._ok:
            return True
        if not self.allows(host.decode("latin-1")):
            return False
        if len(self._ok) < 64:
            self._ok.add(host)
        return True


async def refuse_host(
    scope: Scope, receive: Receive, send: Send, headers: list[tuple[bytes, bytes]]
) -> None:
    """The answer to a request naming another `Host`: 421 (JSON `hote_inconnu`), or a
    websocket closed before it opens."""
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 4421})
        return

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = list(message.get("headers", [])) + headers
        await send(message)

    await problem(
        421,
        "hote_inconnu",
        "Cette adresse ne désigne pas l'ordinateur de l'animation : ouvrez celle du QR code.",
    )(scope, receive, send_with_headers)


class LockoutOut(BaseModel):
    room_locked: bool
    room_seconds_left: float
    wrong_this_hour: int
    addresses: list[str]


def _out(state: LockoutState) -> LockoutOut:
    return LockoutOut(
        room_locked=state.room_locked,
        room_seconds_left=round(state.room_seconds_left, 1),
        wrong_this_hour=state.wrong_this_hour,
        addresses=list(state.addresses),
    )


def security_router(lockout: CodeLockout, facilitator: Callable[[str], None]) -> APIRouter:
    """The team's view of the join-code lockout, and the favicon."""
    router = APIRouter()
    team: dict[int | str, dict[str, Any]] = {401: {"model": Problem}, 403: {"model": Problem}}

    @router.get("/api/facilitator/lockout", response_model=LockoutOut, responses=team)
    def lockout_state(authorization: str = Header(default="")) -> LockoutOut:
        """Whether too many wrong codes suspended new arrivals, and which addresses wait."""
        facilitator(authorization)
        return _out(lockout.state())

    @router.post("/api/facilitator/lockout/lift", response_model=LockoutOut, responses=team)
    def lift(authorization: str = Header(default="")) -> LockoutOut:
        """Lift every lockout: new arrivals may type the code again."""
        facilitator(authorization)
        return _out(lockout.lift())

    icon = asset("icons") / "favicon.ico"

    @router.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(icon, media_type="image/x-icon")

    return router

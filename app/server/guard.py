"""What every request meets first: `Guard` (security headers, request bodies capped before
they are read) and `AtelierAPI`, which sends the phones' hot writes down their fast lane
(app/server/fast.py) inside that same outer middleware.
"""

from __future__ import annotations

from anyio import to_thread
from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.server.fast import Endpoint, FastLane, Handlers, HotRoute
from app.server.problems import TOO_LARGE, problem
from app.server.security import AllowedHosts, refuse_host

MAX_BODY = 16 * 1024
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)
WORKER_THREADS = 6
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


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

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await problem(413, "trop_gros", TOO_LARGE)(scope, receive, send_with_headers)
            return
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise _TooLarge(413)
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except _TooLarge:
            await problem(413, "trop_gros", TOO_LARGE)(scope, receive, send_with_headers)


class _TooLarge(HTTPException):
    """A body past `MAX_BODY`: an HTTP refusal, so that FastAPI's body reading lets it through
    (it turns any other error into a 400) and the app's handler answers 413 on every route."""


class AtelierAPI(FastAPI):
    """FastAPI, with the hot routes' requests taking `lane` (app/server/fast.py)."""

    lane: FastLane | None = None
    hosts: AllowedHosts | None = None  # the `Host`s a request may name (app/server/security.py)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.hosts is not None and not self.hosts.allows_scope(scope):
            await refuse_host(scope, receive, send, SECURITY_HEADERS)
            return
        hot = self.lane.match(scope) if self.lane is not None else None
        if hot is None:
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        await hot(scope, receive, send)


def hot_lane(hot: dict[str, Endpoint], handlers: Handlers) -> FastLane:
    """The phones' hot writes (their paths and endpoints, as declared to FastAPI), each
    behind the same outer middleware as every other request: starlette's 500, then `Guard`."""
    lane = FastLane()
    for path, endpoint in hot.items():
        lane.add(path, ServerErrorMiddleware(Guard(HotRoute(endpoint, handlers))))
    return lane

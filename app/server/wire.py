"""Limits on what a connection may send before its request is even read: the size of a
request's head (request line and headers) and the time it may take to send it.

uvicorn's httptools protocol has neither: one request with a header of tens of megabytes
(httptools grows the value piece by piece) held the server's one CPU for tens of seconds, and
a connection that sends nothing, or a header a byte at a time, stayed open for ever.
`BoundedHttpTools` counts the bytes of each request's head and answers 431 past `limits.MAX_HEAD`,
and closes a connection whose head is not complete `HEAD_TIMEOUT` seconds after it opened (or
after the request began), with a 408 when something was sent, and one whose body (16 KB at
most) has not followed `BODY_TIMEOUT` seconds later. Between requests, uvicorn's own
keep-alive timeout (`limits.KEEP_ALIVE`) closes an idle connection. With the pure-Python h11 parser
(when httptools is not installed), h11's own limit on an incomplete head does the counting.
"""

from __future__ import annotations

import asyncio
import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.server.limits import MAX_HEAD

HEAD_TIMEOUT = 10.0  # seconds for a request's head to arrive whole
BODY_TIMEOUT = 30.0  # seconds for its body (16 KB at most) to follow

_HEADERS = (
    b"content-type: application/json; charset=utf-8\r\n"
    b"x-content-type-options: nosniff\r\n"
    b"cache-control: no-store\r\n"
    b"connection: close\r\n"
)


def _refusal(status: bytes, code: str, message: str) -> bytes:
    body = json.dumps({"code": code, "message": message}, ensure_ascii=False).encode()
    return (
        b"HTTP/1.1 " + status + b"\r\n" + _HEADERS
        + b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )  # fmt: skip


HEAD_TOO_LARGE = _refusal(
    b"431 Request Header Fields Too Large",
    "entete_trop_gros",
    "En-têtes de la requête trop volumineux : requête refusée.",
)
TOO_SLOW = _refusal(
    b"408 Request Timeout", "trop_lent", "Requête trop lente à arriver : connexion fermée."
)


class BoundedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a bounded head size and a head timeout."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._in_head = True  # between a request's end and the next one's headers
        self._head_bytes = 0
        self._tail = b""  # the head's last bytes so far (its end may straddle two packets)
        self._received = False  # anything since the head timer was armed
        self._head_timer: asyncio.TimerHandle | None = None
        self._body_timer: asyncio.TimerHandle | None = None
        self._refused = False

    # -- the head timer --------------------------------------------------------------------
    def _arm(self) -> None:
        if self._head_timer is None:
            self._received = False
            self._head_timer = self.loop.call_later(HEAD_TIMEOUT, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        if self._received:
            self.transport.write(TOO_SLOW)
        self._refused = True
        self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()  # a connection that never sends a request is closed

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._body_done()
        super().connection_lost(exc)

    def _body_too_slow(self) -> None:
        self._body_timer = None
        if not self.transport.is_closing():  # the app's receive() hears of the disconnection
            self._refused = True
            self.transport.close()

    def _body_done(self) -> None:
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None

    # -- the head's size -------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        self._received = True
        if self._in_head:
            room = MAX_HEAD - self._head_bytes
            # past the cap, unless the head ends within it (what follows is the body, which
            # often comes in the same packet: the body cap is the app's, with its 413)
            if len(data) > room and b"\r\n\r\n" not in self._tail + data[: max(room, 0)]:
                self._refused = True
                self._disarm()
                self.transport.write(HEAD_TOO_LARGE)
                self.transport.close()
                return
            self._head_bytes += len(data)
            self._tail = (self._tail + data)[-3:]
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._disarm()
        if self._body_timer is None:  # cancelled at once when the request has no body
            self._body_timer = self.loop.call_later(BODY_TIMEOUT, self._body_too_slow)
        super().on_headers_complete()

    def handle_websocket_upgrade(self) -> None:
        self._body_done()  # the websocket protocol takes the connection over
        self._disarm()
        super().handle_websocket_upgrade()

    def on_message_complete(self) -> None:
        self._body_done()
        super().on_message_complete()
        self._in_head, self._head_bytes, self._tail = True, 0, b""  # the next request's head

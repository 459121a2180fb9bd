"""An attacker on the venue's Wi-Fi, below the API: a huge request head, connections left idle
or fed a byte at a time, chunked bodies past the cap, a foreign `Host`; and what a stranger
without the code learns.

Raw sockets, against a real server thread. No test waits a fixed time: a closed connection is
seen when `recv` returns, with a socket timeout as the deadline.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server import limits, runner, wire
from app.server.app import create_app
from app.server.guard import CSP, MAX_BODY
from app.server.runner import ServerThread
from app.store.db import Database

TEAM = "W" * 43
TITLE = "Projet confidentiel de la DREAL"


@dataclass
class Served:
    ctx: Context
    wid: int
    url: str
    port: int
    routes: list[tuple[str, str]]  # (method, path) of every route that takes a body


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    monkeypatch.setattr(wire, "HEAD_TIMEOUT", 1.0)
    monkeypatch.setattr(wire, "BODY_TIMEOUT", 1.0)
    monkeypatch.setattr(runner, "KEEP_ALIVE", 1)
    db = Database.open(tmp_path / "fil.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title=TITLE).workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    api = create_app(ctx, wid, facilitator_token=TEAM)
    routes = []
    for route in _every_route(api.routes):
        if not isinstance(route, APIRoute):
            continue
        takes_body = route.body_field is not None or "requestBody" in (route.openapi_extra or {})
        for method in sorted(route.methods) if takes_body else ():
            routes.append((method, re.sub(r"\{\w+\}", "1", route.path)))
    server = ServerThread(api, "127.0.0.1", 0).start()
    try:
        yield Served(ctx, wid, server.url, server.port, routes)
    finally:
        server.stop()
        db.close()


def _every_route(routes: Any) -> Iterator[Any]:
    """The app's routes, those of included routers too (FastAPI keeps those apart)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _every_route(included.routes)
        else:
            yield route


def _connect(served: Served) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", served.port), timeout=15)
    return sock


def _read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes (the socket's timeout is the deadline)."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def test_a_huge_header_is_refused_at_once_and_others_are_served(served: Served) -> None:
    # past the limit, and the sender stops: the answer is a 431, and the connection closes
    with _connect(served) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                     + b"a" * (limits.MAX_HEAD + 8 * 1024))  # fmt: skip
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert b'"code": "entete_trop_gros"' in answer and b"nosniff" in answer
    # 50 MB of header: the server stops reading long before (it took tens of seconds of CPU)
    sent = 0
    with _connect(served) as sock, pytest.raises(OSError):
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
        chunk = b"a" * 65536
        while sent < 50 * 1024 * 1024:
            sock.sendall(chunk)
            sent += len(chunk)
    assert sent < 50 * 1024 * 1024
    with httpx.Client(base_url=served.url, timeout=5) as client:
        assert client.get("/api/health").status_code == 200
    # a head just under the limit is a request like another
    with httpx.Client(base_url=served.url, timeout=5) as client:
        fine = client.get("/api/health", headers={"X-Ok": "b" * 16 * 1024})
        assert fine.status_code == 200


def test_a_big_body_in_the_same_packet_as_its_head_is_a_413_not_a_431(served: Served) -> None:
    """A small head with a body past the body cap, sent in one write (as a phone's TCP stack
    often does): the head limit counts the head only, so the answer is the body's 413
    (seen: a 40 KB post-it got 431 « En-têtes trop volumineux » when the packets merged)."""
    body = b'{"text": "' + b"e" * (limits.MAX_HEAD + 8 * 1024) + b'", "key": "grand-0001"}'
    with _connect(served) as sock:
        sock.sendall(
            b"POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
            + body
        )  # fmt: skip
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    assert b"trop_gros" in answer


def test_an_idle_connection_is_closed(served: Served) -> None:
    with _connect(served) as sock:  # connects, sends nothing
        assert _read_all(sock) == b""  # closed by the server, no answer
    with _connect(served) as sock:  # a header a byte at a time, never finished
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 408 ") and b"trop_lent" in answer
    with _connect(served) as sock:  # a body announced, never sent whole
        sock.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 100\r\n\r\n{\"code\": ")  # fmt: skip
        assert _read_all(sock) == b""  # closed: the route never got its body
    with _connect(served) as sock:  # a request answered, then the connection left open
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = _read_all(sock)  # answered, then closed by the keep-alive timeout
    assert answer.startswith(b"HTTP/1.1 200 ") and b'"ok":true' in answer


def test_a_websocket_outlives_the_request_timeouts(served: Served) -> None:
    import asyncio

    import websockets

    code = live.door(served.ctx, served.wid)[1]
    with httpx.Client(base_url=served.url, timeout=10) as client:
        token = client.post("/api/join", json={"code": code, "name": "Fidèle",
                                               "category": "public", "key": "cle-fidele-1"}
                            ).json()["token"]  # fmt: skip

    async def listen() -> str:
        url = f"ws://127.0.0.1:{served.port}/ws?token={token}&since=0"
        async with websockets.connect(url) as socket:
            # pings answered until both timeouts (1 s each here) are past: still open
            deadline = asyncio.get_running_loop().time() + 2.5
            while asyncio.get_running_loop().time() < deadline:
                await asyncio.wait_for(await socket.ping(), 10)
            live.start(served.ctx, served.wid)  # and it hears of a change
            while True:
                message = str(await asyncio.wait_for(socket.recv(), 10))
                if '"changed"' in message:
                    return message

    assert "changed" in asyncio.run(listen())


def test_a_chunked_body_past_the_cap_gets_413_on_every_route(served: Served) -> None:
    assert len(served.routes) >= 9  # the phones' port (laptops' routes: over TLS elsewhere)
    big = b'{"text": "' + b"x" * (MAX_BODY + 1024) + b'"}'

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer encoding
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    with httpx.Client(base_url=served.url, timeout=10) as client:
        for method, path in served.routes:
            answer = client.request(method, path, content=chunks(),
                                    headers={"Content-Type": "application/json",
                                             "Authorization": f"Bearer {TEAM}"})  # fmt: skip
            assert answer.status_code == 413, (method, path, answer.text)
            assert answer.json()["code"] == "trop_gros", (method, path)
            assert answer.headers["content-security-policy"] == CSP, (method, path)
        # refused by its announced length, before a byte is read: the same headers
        early = client.post("/api/notes", content=b"x" * (MAX_BODY + 1),
                            headers={"Content-Type": "application/json"})  # fmt: skip
        assert early.status_code == 413 and early.json()["code"] == "trop_gros"
        assert early.headers["content-security-policy"] == CSP
        assert early.headers["x-content-type-options"] == "nosniff"


def test_the_favicon_is_served(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=10) as client:
        icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/x-icon"
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_without_the_code_a_stranger_learns_nothing_of_the_workshop(served: Served) -> None:
    code = live.door(served.ctx, served.wid)[1]
    session = live.live_session(served.ctx, served.wid)
    assert session is not None and session.current is not None
    phase = session.current.title
    with httpx.Client(base_url=served.url, timeout=10) as client:
        state = client.get("/api/state")
        choices = client.get("/api/choices")
        assert state.status_code == 200 and choices.status_code == 200
        assert state.json() == {"workshop": "", "heading": "", "phase": None,
                                "next_title": None, "timer": None}  # fmt: skip
        assert choices.json()["partners"] == [] and choices.json()["categories"]
        for answer in (state, choices):
            assert TITLE not in answer.text and phase not in answer.text
        shown = client.get("/api/state", headers={"X-Atelier-Code": code}).json()
        assert shown["workshop"] == TITLE and shown["phase"]["title"] == phase
        joined = client.post("/api/join", json={"code": code, "name": "Inscrite",
                                                "category": "public", "key": "cle-inscrite"})  # fmt: skip
        token = {"Authorization": f"Bearer {joined.json()['token']}"}
        assert client.get("/api/state", headers=token).json()["workshop"] == TITLE


def test_a_foreign_host_is_refused(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=10) as client:
        for host in ("evil.example", "evil.example:8765", "10.255.255.1", "[2001:db8::1]:80"):
            refused = client.get("/api/health", headers={"Host": host})
            assert refused.status_code == 421, host
            assert refused.json()["code"] == "hote_inconnu"
            assert refused.headers["content-security-policy"] == CSP
        hot = client.post("/api/notes", json={"text": "x", "key": "cle-hote-01"},
                          headers={"Host": "evil.example"})  # fmt: skip
        assert hot.status_code == 421  # the phones' fast lane too
        for host in (f"localhost:{served.port}", f"127.0.0.1:{served.port}", f"[::1]:{served.port}",
                     f"{socket.gethostname()}:{served.port}", f"atelier-1-{served.port}.local"):  # fmt: skip
            assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
    with _connect(served) as sock:  # a websocket naming another host is closed before it opens
        sock.sendall(b"GET /ws?token=x HTTP/1.1\r\nHost: evil.example\r\nUpgrade: websocket\r\n"
                     b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     b"Sec-WebSocket-Version: 13\r\n\r\n")  # fmt: skip
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 403 ")

"""uvicorn's compiled parts (httptools, uvloop) when installed, the pure-Python ones if not."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

import httpx
import pytest

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server import runner
from app.server.app import create_app
from app.server.limits import MAX_HEAD
from app.server.runner import ServerThread
from app.server.wire import BoundedHttpTools
from app.store.db import Database


def test_the_compiled_parts_are_used_when_installed():
    assert ("httptools" if importlib.util.find_spec("httptools") else "h11") == runner.HTTP
    assert ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio") == runner.LOOP
    assert not runner._installed("no_such_module_for_atelier")


@pytest.mark.parametrize(("http", "loop"), [("h11", "asyncio"), (runner.HTTP, runner.LOOP)])
def test_the_server_answers_with_either(tmp_path: Path, monkeypatch, http, loop):
    monkeypatch.setattr(runner, "HTTP", http)
    monkeypatch.setattr(runner, "LOOP", loop)
    db = Database.open(tmp_path / "parts.sqlite3")
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Atelier").workshop_id
        assert wid is not None
        live.start_session(ctx, wid)
        server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
        try:
            # httptools with the limits on a request's head (app/server/wire.py)
            used = BoundedHttpTools if http == "httptools" else http
            assert server._server.config.http == used and server._server.config.loop == loop
            with httpx.Client(base_url=server.url, timeout=10) as client:
                assert client.get("/api/health").json()["ok"] is True
            # a head growing past the limit is refused by either parser (h11 counts it itself)
            with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                             + b"a" * (MAX_HEAD + 8 * 1024))  # fmt: skip
                answer = sock.recv(1024)
            assert answer.startswith((b"HTTP/1.1 400 ", b"HTTP/1.1 431 ")), answer[:40]
            with httpx.Client(base_url=server.url, timeout=10) as client:
                answer = client.post("/api/notes", json={"text": "x", "key": "note-0000001"})
                assert answer.status_code == 401  # refused the same way
        finally:
            server.stop()
    finally:
        db.close()

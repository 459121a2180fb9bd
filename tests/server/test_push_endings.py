"""How a phone's socket ends: going away is quiet, the store's failure a warning, anything
else a logged bug; in every case the socket is forgotten and the server goes on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from app.errors import DatabaseError
from app.events import EventBus
from app.server.push import Broadcaster


class FakeSocket:
    """What `Broadcaster.serve` uses of a websocket: the frames the phone sends, in order."""

    def __init__(self, *incoming: dict[str, Any], fail_send: Exception | None = None) -> None:
        self.incoming = list(incoming)
        self.fail_send = fail_send
        self.sent: list[str] = []

    async def accept(self) -> None:
        pass

    async def send_text(self, text: str) -> None:
        if self.fail_send is not None:
            raise self.fail_send
        self.sent.append(text)

    async def receive(self) -> dict[str, Any]:
        return self.incoming.pop(0)


def _serve(ws: FakeSocket, latest_seq: Callable[[], int] = lambda: 7) -> Broadcaster:
    broadcaster = Broadcaster(EventBus(), 1, latest_seq)
    asyncio.run(broadcaster.serve(ws, since=0))  # type: ignore[arg-type]
    broadcaster.close()
    assert broadcaster.connected == 0  # forgotten
    return broadcaster


def _raise(exc: Exception) -> Callable[[], int]:
    def latest_seq() -> int:
        raise exc

    return latest_seq


GONE = {"type": "websocket.disconnect", "code": 1001}


def test_a_phone_that_goes_away_ends_its_socket_quietly(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger="app.server.push")
    ws = FakeSocket({"type": "websocket.receive", "text": "ping"}, GONE)
    _serve(ws)
    assert ws.sent == ['{"type": "hello", "seq": 7, "behind": true, "topics": []}']
    ws = FakeSocket(fail_send=WebSocketDisconnect(1006))  # gone before its hello
    _serve(ws)
    assert caplog.records == []


def test_a_binary_frame_ends_the_socket_quietly(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger="app.server.push")
    _serve(FakeSocket({"type": "websocket.receive", "bytes": b"\x00"}))
    assert caplog.records == []


def test_the_store_failing_ends_the_socket_with_a_warning(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger="app.server.push")
    _serve(FakeSocket(GONE), _raise(DatabaseError("base occupée")))
    [record] = caplog.records
    assert record.levelno == logging.WARNING and "base_de_donnees" in record.getMessage()


def test_a_bug_ends_the_socket_and_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger="app.server.push")
    _serve(FakeSocket(GONE), _raise(ValueError("oups")))
    [record] = caplog.records
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert isinstance(record.exc_info[1], ValueError)

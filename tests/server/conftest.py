"""A workshop served by a real server thread, and an HTTP client pointed at it.

The server answers phones only while a séance is open: `serve` opens one unless told not to,
and `join` checks a phone in with the séance's join code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database

Served = tuple[Context, int, httpx.Client]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """`serve(title=…, clock=…, prepare=fn(ctx, wid), open_seance=True)` → (context, workshop
    id, client)."""
    with ExitStack() as stack:

        def start(
            title: str = "Atelier", clock: Any = None, prepare: Any = None, open_seance: bool = True
        ) -> Served:
            db = Database.open(tmp_path / "served.sqlite3")
            stack.callback(db.close)
            ctx = Context(db, clock=clock) if clock is not None else Context(db)
            wid = create_workshop(ctx, format_key="3h", title=title).workshop_id
            assert wid is not None
            if prepare is not None:
                prepare(ctx, wid)
            if open_seance:
                live.start_session(ctx, wid)
            server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
            stack.callback(lambda: _stopped(server))
            client = stack.enter_context(httpx.Client(base_url=server.url, timeout=10))
            return ctx, wid, client

        yield start


def _stopped(server: ServerThread) -> None:
    server.stop()
    assert not server.running


def code_of(ctx: Context, workshop_id: int) -> str:
    """The code on the projector ("" while no séance is open)."""
    return live.door(ctx, workshop_id)[1]


@pytest.fixture
def join() -> Callable[..., httpx.Response]:
    """`join(client, ctx, wid, name=…, **fields)`: a phone checks in with the séance's code."""

    def check_in(
        client: httpx.Client, ctx: Context, workshop_id: int, name: str = "Alex", **fields: Any
    ) -> httpx.Response:
        body = {
            "code": code_of(ctx, workshop_id),
            "name": name,
            "category": "usager",
            "key": f"join-{name}-0001",
            **fields,
        }
        return client.post("/api/join", json=body)

    return check_in

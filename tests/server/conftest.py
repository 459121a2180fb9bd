"""A workshop served by a real server thread, and an HTTP client pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database

Served = tuple[Context, int, httpx.Client]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """`serve(title=…, clock=…, prepare=fn(ctx, wid))` → (context, workshop id, client)."""
    with ExitStack() as stack:

        def start(title: str = "Atelier", clock: Any = None, prepare: Any = None) -> Served:
            db = Database.open(tmp_path / "served.sqlite3")
            stack.callback(db.close)
            ctx = Context(db, clock=clock) if clock is not None else Context(db)
            wid = create_workshop(ctx, format_key="3h", title=title).workshop_id
            assert wid is not None
            if prepare is not None:
                prepare(ctx, wid)
            server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
            stack.callback(lambda: _stopped(server))
            client = stack.enter_context(httpx.Client(base_url=server.url, timeout=10))
            return ctx, wid, client

        yield start


def _stopped(server: ServerThread) -> None:
    server.stop()
    assert not server.running

"""A host (a workshop, its séance open, the real server on a free port of 127.0.0.1) and
co-facilitator laptops, each with a replica of its own, in one process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from cofac_helpers import WAIT, Host

from app.cofac_client import CoFacClient, Pairing, new_device_key, pair
from app.ops import board, cofac, live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database


@pytest.fixture
def make_host(tmp_path: Path) -> Iterator[Callable[..., Host]]:
    with ExitStack() as stack:

        def start(
            title: str = "Atelier mobilité", url: str | None = None, notes: int = 2, **kw: Any
        ) -> Host:
            db = Database.open(url or tmp_path / "host.sqlite3")
            stack.callback(db.close)
            ctx = Context(db, **kw)
            wid = create_workshop(ctx, format_key="3h", title=title).workshop_id
            assert wid is not None
            for n in range(notes):
                board.add_note(ctx, wid, text=f"Idée {n + 1}", x=40.0 * n, y=0.0)
            live.start_session(ctx, wid)
            server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
            host = Host(ctx, wid, server, server.port)
            stack.callback(lambda: host.server.stop())
            stack.callback(ctx.bus.subscribe(host.heard))
            return host

        yield start


@pytest.fixture
def host(make_host: Callable[..., Host]) -> Host:
    return make_host()


@pytest.fixture
def make_laptop(tmp_path: Path) -> Iterator[Callable[..., CoFacClient]]:
    """`make_laptop(host, name, role=…, start=True)`: paired, given its role, its replica open."""
    with ExitStack() as stack:
        count = iter(range(1, 100))

        def laptop(
            host: Host, name: str = "Camille", role: str = "coanimateur", start: bool = True
        ) -> CoFacClient:
            paired = pair(host.url, host.code(), name, new_device_key())
            if not paired.approved:  # the lead lets it in
                cofac.approve(host.ctx, host.workshop_id, paired.laptop_id)
            if role != paired.role:
                cofac.set_role(host.ctx, host.workshop_id, paired.laptop_id, role)
            paired = Pairing(**{**_fields(paired), "role": role, "approved": True})
            db = Database.open(tmp_path / f"replica-{next(count)}.sqlite3")
            stack.callback(db.close)
            client = CoFacClient(db, paired, timeout=5.0)
            stack.callback(client.stop)
            if start:
                client.start()
                assert client.wait(lambda: client.online and client.seq() > 0, WAIT)
            return client

        yield laptop


def _fields(paired: Pairing) -> dict[str, Any]:
    return {name: getattr(paired, name) for name in Pairing.__dataclass_fields__}

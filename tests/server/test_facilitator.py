"""The facilitator's routes: her token opens them, a participant's is refused (403)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from app.domain.timer import TimerState
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database

FACILITATOR = "f" * 32


@pytest.fixture
def room(tmp_path: Path, join) -> Iterator[tuple[Context, int, httpx.Client, str]]:
    db = Database.open(tmp_path / "f.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Équipe").workshop_id
    assert wid is not None
    server = ServerThread(create_app(ctx, wid, facilitator_token=FACILITATOR), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            # phones come in once the facilitator has opened the séance
            assert join(client, ctx, wid).json()["code"] == "seance_fermee"
            assert _timer(client, FACILITATOR, action="open").status_code == 200
            phone = join(client, ctx, wid).json()["token"]
            yield ctx, wid, client, phone
    finally:
        server.stop()
        db.close()


def _timer(client: httpx.Client, token: str, **body):
    return client.post(
        "/api/facilitator/timer", json=body, headers={"Authorization": f"Bearer {token}"}
    )


def test_the_facilitator_drives_the_timer_and_phones_hear_it(room):
    ctx, wid, client, phone = room
    url = str(client.base_url).replace("http://", "ws://")
    with connect(f"{url}ws?token={phone}&since=0", open_timeout=10) as ws:
        json.loads(ws.recv(timeout=10))
        assert _timer(client, FACILITATOR, action="open").status_code == 200
        assert _timer(client, FACILITATOR, action="start").json()["ok"] is True
        assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING
        heard = json.loads(ws.recv(timeout=10))
        assert "timer" in heard["topics"]
    assert _timer(client, FACILITATOR, action="adjust", seconds=300).status_code == 200


def test_a_participant_token_is_refused_and_nothing_changes(room):
    ctx, wid, client, phone = room
    answer = _timer(client, phone, action="start")
    assert answer.status_code == 403 and answer.json()["code"] == "interdit"
    assert _timer(client, "x" * 32, action="open").status_code == 401
    assert client.post("/api/facilitator/timer", json={"action": "start"}).status_code == 401
    assert live.live_session(ctx, wid).timer.state == TimerState.READY


def test_bad_actions_are_422(room):
    ctx, wid, client, _phone = room
    assert _timer(client, FACILITATOR, action="explose").status_code == 422
    assert _timer(client, FACILITATOR, action="adjust", seconds=10**9).status_code == 422
    live.end_session(ctx, wid)
    answer = _timer(client, FACILITATOR, action="start")  # no séance open any more
    assert answer.status_code == 422 and "séance" in answer.json()["message"]

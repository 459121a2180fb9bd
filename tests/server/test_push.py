"""Phones are told what changed over their websocket, and catch up when they reconnect."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from app.ops import live, queries
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database


@pytest.fixture
def room(tmp_path: Path, join) -> Iterator[tuple[Context, int, str, str]]:
    db = Database.open(tmp_path / "w.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Direct").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    with httpx.Client(base_url=server.url, timeout=10) as client:
        token = join(client, ctx, wid).json()["token"]
    try:
        yield ctx, wid, server.url, token
    finally:
        server.stop()
        db.close()


def _ws(url: str, token: str, since: int = 0):
    return connect(url.replace("http://", "ws://") + f"ws?token={token}&since={since}",
                   open_timeout=10, close_timeout=5)  # fmt: skip


def test_a_phone_hears_the_timer_not_other_phones_post_its(room):
    ctx, wid, url, token = room
    with _ws(url, token) as ws:
        hello = json.loads(ws.recv(timeout=10))
        assert hello["type"] == "hello" and hello["behind"] is True
        httpx.post(f"{url}api/notes", json={"text": "idée", "key": "note-alex-0001"},
                   headers={"Authorization": f"Bearer {token}"}, timeout=10)  # fmt: skip
        live.start(ctx, wid)  # the facilitator, on the laptop
        changed = json.loads(ws.recv(timeout=10))
        assert changed["type"] == "changed" and changed["topics"] == ["timer"]
        assert changed["seq"] == queries.workshop_detail(ctx, wid).last_seq


def test_a_reconnecting_phone_is_told_whether_it_missed_something(room):
    ctx, wid, url, token = room
    with _ws(url, token) as ws:
        latest = json.loads(ws.recv(timeout=10))["seq"]
    with _ws(url, token, since=latest) as ws:
        assert json.loads(ws.recv(timeout=10))["behind"] is False
    live.start(ctx, wid)  # happens while the phone sleeps
    with _ws(url, token, since=latest) as ws:
        hello = json.loads(ws.recv(timeout=10))
        assert hello["behind"] is True and hello["seq"] > latest


def test_bursts_are_coalesced(room):
    ctx, wid, url, token = room
    with _ws(url, token) as ws:
        json.loads(ws.recv(timeout=10))
        for _ in range(20):
            live.adjust(ctx, wid, 60)
        final = queries.workshop_detail(ctx, wid).last_seq
        messages = [json.loads(ws.recv(timeout=10))]
        while messages[-1]["seq"] < final:
            messages.append(json.loads(ws.recv(timeout=10)))
        assert len(messages) < 20  # twenty changes, fewer messages


def test_a_socket_without_a_valid_token_is_refused(room):
    _ctx, _wid, url, _token = room
    with pytest.raises(InvalidStatus) as refused:
        _ws(url, "x" * 32)
    assert refused.value.response.status_code == 403


def test_sockets_close_outside_the_seance(room):
    ctx, wid, url, token = room
    with _ws(url, token) as ws:
        json.loads(ws.recv(timeout=10))
        live.end_session(ctx, wid)
        assert json.loads(ws.recv(timeout=10))["type"] == "changed"  # the page asks why
    with pytest.raises(InvalidStatus) as refused:
        _ws(url, token)  # a valid token, but the séance is over
    assert refused.value.response.status_code == 403

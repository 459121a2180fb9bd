"""The hot lane (app/server/fast.py `FastLane`): POST /api/notes and a ballot go from uvicorn
straight to their endpoints. Every answer must be the one FastAPI's full stack gives: each
request here is sent once through the lane and once with it switched off, and the two
answers compared (status, JSON, headers: Guard's body cap and security headers included)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.ops import live
from app.ops.base import Context
from app.ops.notes import MAX_NOTE
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.fast import FastLane
from app.server.guard import MAX_BODY, AtelierAPI
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note

FACILITATOR = "f" * 32
BOSS = {"Authorization": f"Bearer {FACILITATOR}"}


@dataclass
class Lane:
    ctx: Context
    wid: int
    api: AtelierAPI
    lane: FastLane
    client: httpx.Client
    phone: dict[str, str]
    round_id: int

    def both(self, method: str, path: str, **kwargs: Any) -> tuple[httpx.Response, ...]:
        """The same request through the lane, then through FastAPI's whole stack."""
        answers = []
        for lane in (self.lane, None):
            self.api.lane = lane
            answers.append(self.client.request(method, path, **kwargs))
        self.api.lane = self.lane
        return tuple(answers)


@pytest.fixture
def room(tmp_path: Path, join) -> Iterator[Lane]:
    db = Database.open(tmp_path / "lane.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Voie rapide").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    api = create_app(ctx, wid, facilitator_token=FACILITATOR)
    assert api.lane is not None
    server = ServerThread(api, "127.0.0.1", 0).start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            token = join(client, ctx, wid).json()["token"]
            phone = {"Authorization": f"Bearer {token}"}

            def add(session) -> list[int]:
                rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in ("A", "B", "C")]
                session.add_all(rows)
                session.flush()
                return [r.id for r in rows]

            items = [f"note:{i}" for i in db.write(add)]
            opened = client.post(
                "/api/facilitator/votes",
                json={"kind": "dots", "items": items, "title": "Priorités"},
                headers=BOSS,
            )
            assert opened.status_code == 200, opened.text
            yield Lane(ctx, wid, api, api.lane, client, phone, opened.json()["round_id"])
    finally:
        server.stop()
        db.close()


def _same(a: httpx.Response, b: httpx.Response, *, body: bool = True) -> None:
    assert a.status_code == b.status_code, (a.text, b.text)
    drop = {"date"} if body else {"date", "content-length"}
    assert {k: v for k, v in a.headers.items() if k not in drop} == {
        k: v for k, v in b.headers.items() if k not in drop
    }
    if body:
        assert a.content == b.content


def _note(text: str, key: str) -> bytes:
    return json.dumps({"text": text, "key": key}).encode()


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"", JSON),
        (b"{not json", JSON),
        (b"\xff{garbled", JSON),
        (_note("sans clé", "court"), JSON),
        (_note("x" * (MAX_NOTE + 1), "note-long-0001"), JSON),  # the post-it's own message
        (_note("Une idée", "note-lane-0001"), {"Content-Type": "text/plain"}),
        (_note("Une idée", "note-lane-0001"), {}),
        (_note("x" * (MAX_BODY + 10), "note-big-00001"), JSON),  # Guard: 413
    ],
)
def test_refused_post_its_get_the_same_answer(room, content, headers):
    a, b = room.both("POST", "/api/notes", content=content, headers={**room.phone, **headers})
    assert a.status_code in (413, 422)
    _same(a, b)


def test_a_streamed_body_past_the_cap_is_refused_the_same(room):
    def chunks() -> Iterator[bytes]:  # no content-length: Guard counts what it reads
        yield b'{"text": "'
        yield b"x" * (MAX_BODY + 10)
        yield b'", "key": "note-stream-01"}'

    answers = []
    for lane in (room.lane, None):
        room.api.lane = lane
        answers.append(
            room.client.post("/api/notes", content=chunks(), headers={**room.phone, **JSON})
        )
    assert answers[0].status_code == 413
    _same(*answers)


@pytest.mark.parametrize("authorization", [None, "Bearer inconnu", "Basic abc"])
def test_unknown_phones_get_the_same_answer(room, authorization):
    headers = {**JSON, **({"Authorization": authorization} if authorization else {})}
    a, b = room.both("POST", "/api/notes", content=_note("Idée", "note-anon-001"), headers=headers)
    assert a.status_code == 401
    _same(a, b)


def test_a_closed_seance_is_refused_the_same(room):
    live.end_session(room.ctx, room.wid)
    a, b = room.both(
        "POST",
        "/api/notes",
        content=_note("Idée", "note-late-0001"),
        headers={**room.phone, **JSON},
    )
    assert a.status_code == 409 and a.json()["seance"] == "ended"
    _same(a, b)


def test_written_post_its_and_their_retries_answer_alike(room):
    answers = []
    for n, lane in enumerate((room.lane, None)):
        room.api.lane = lane
        body = _note(f"Idée {n}", f"note-ok-{n:05d}")
        first = room.client.post("/api/notes", content=body, headers={**room.phone, **JSON})
        again = room.client.post("/api/notes", content=body, headers={**room.phone, **JSON})
        assert first.status_code == 201 and again.json() == first.json()
        answers.append(first)
    _same(*answers, body=False)
    assert [set(a.json()) for a in answers] == [{"id", "text", "created_at"}] * 2


def test_ballots_answer_alike(room):
    rid, item = room.round_id, "note:1"
    answers = []
    for n, lane in enumerate((room.lane, None)):
        room.api.lane = lane
        body = {"key": f"ballot-lane-{n}", "choices": {item: 1}}
        answers.append(room.client.post(f"/api/votes/{rid}/ballot", json=body, headers=room.phone))
    assert answers[0].status_code == 200 and answers[1].json()["replayed"] is False
    _same(*answers)
    for path, body in [
        (f"/api/votes/{rid}/ballot", {"key": "court", "choices": {}}),
        (f"/api/votes/{rid}/ballot", {"key": "ballot-lane-9", "choices": {item: 99}}),
        (f"/api/votes/{rid + 50}/ballot", {"key": "ballot-lane-8", "choices": {}}),
        (f"/api/votes/{2**64}/ballot", {"key": "ballot-lane-7", "choices": {}}),  # past INTEGER
        ("/api/votes/0/ballot", {"key": "ballot-lane-6", "choices": {}}),
        ("/api/votes/007/ballot", {"key": "ballot-lane-5", "choices": {}}),
    ]:
        a, b = room.both("POST", path, json=body, headers=room.phone)
        assert a.status_code >= 400, path
        _same(a, b)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/notes"),
        ("POST", "/api/votes/12/ballot"),
        ("POST", f"/api/votes/{2**63 - 1}/ballot"),
    ],
)
def test_the_hot_routes_take_the_lane(room, method, path):
    assert room.lane.match({"type": "http", "method": method, "path": path}) is not None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/notes"),
        ("POST", "/api/notes/"),
        ("POST", "/api/notes/mine"),
        ("POST", "/api/votes/0/ballot"),
        ("POST", "/api/votes/007/ballot"),
        ("POST", f"/api/votes/{2**63}/ballot"),
        ("POST", "/api/votes/12/ballot/"),
        ("POST", "/api/votes/12/done"),
    ],
)
def test_near_misses_go_through_fastapi(room, method, path):
    assert room.lane.match({"type": "http", "method": method, "path": path}) is None
    a, b = room.both(method, path, json={}, headers=room.phone)
    _same(a, b)


def test_the_lane_does_not_touch_fastapis_stack(room):
    async def refuse(_scope, _receive, _send) -> None:
        raise AssertionError("through FastAPI's stack")

    room.client.get("/api/health")  # the stack is built
    room.api.middleware_stack = refuse
    answer = room.client.post(
        "/api/notes", content=_note("Idée", "note-direct-01"), headers={**room.phone, **JSON}
    )
    assert answer.status_code == 201
    assert "default-src 'self'" in answer.headers["content-security-policy"]

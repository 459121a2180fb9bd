"""The phones' view of the vote, built once per change (app/server/room_cache.py): every
phone sees each change at once (never a stale copy), its own ballot and post-its, and the
room is read from the store once for all the phones, not once per phone."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from app.ops import board, live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.models import Note

FACILITATOR = "f" * 32
BOSS = {"Authorization": f"Bearer {FACILITATOR}"}


@dataclass
class Room:
    ctx: Context
    wid: int
    client: httpx.Client
    server: ServerThread
    people: list[int]
    phones: list[dict[str, str]]  # Authorization headers: Alex (author of notes[0]), Sam, Lou
    notes: list[int]

    def current(self, n: int) -> dict:
        answer = self.client.get("/api/votes/current", headers=self.phones[n])
        assert answer.status_code == 200, answer.text
        return answer.json()

    @property
    def builds(self) -> int:
        return int(self.server._app.state.room.builds)


@pytest.fixture
def room(ctx: Context) -> Iterator[Room]:
    wid = create_workshop(ctx, format_key="3h", title="Vote").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    joined = [
        participants.check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0001")
        for n in ("Alex", "Sam", "Lou")
    ]
    people = [j.participant_id for j in joined]

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=f"Idée {n} : " + "des navettes entre les sites " * 2,
                     participant_id=people[0] if n == 0 else None, author="", created_at=0.0)
                for n in range(20)]  # fmt: skip
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = ctx.db.write(add)
    server = ServerThread(create_app(ctx, wid, facilitator_token=FACILITATOR), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            phones = [{"Authorization": f"Bearer {j.token}"} for j in joined]
            yield Room(ctx, wid, client, server, people, phones, notes)
    finally:
        server.stop()


def _open(room: Room, notes: list[int], **settings) -> int:
    return v.open_round(
        room.ctx, room.wid, kind="dots", items=[f"note:{n}" for n in notes], title="Priorités",
        settings={"dots": 3, "cap": 2, **settings},
    ).ids[0]  # fmt: skip


def test_every_phone_sees_each_change_at_once(room):
    assert room.current(0) == {
        "round": None, "choices": {}, "remaining": None, "done": False, "results": None
    }  # fmt: skip
    first = _open(room, room.notes[:3], own_allowed=False)
    alex, sam = room.current(0), room.current(1)
    assert alex["round"]["id"] == first and alex["round"]["is_open"] is True
    assert [i["own"] for i in alex["round"]["items"]] == [True, False, False]  # Alex's post-it
    assert [i["own"] for i in sam["round"]["items"]] == [False, False, False]
    assert sam["remaining"] == 3 and sam["choices"] == {} and sam["done"] is False

    # a ballot written elsewhere than this server's route (the console, another path)
    item = f"note:{room.notes[1]}"
    v.cast_ballot(room.ctx, room.wid, first, room.people[1], {item: 2}, key="ballot-0001")
    assert room.current(1)["choices"] == {item: 2} and room.current(1)["remaining"] == 1
    assert room.current(0)["choices"] == {} and room.current(2)["choices"] == {}
    v.set_done(room.ctx, room.wid, first, room.people[1])
    assert room.current(1)["done"] is True and room.current(2)["done"] is False

    board.edit_note(room.ctx, room.wid, room.notes[2], "Un <b>autre</b> libellé")
    assert room.current(2)["round"]["items"][2]["label"] == "Un <b>autre</b> libellé"

    assert room.current(2)["results"] is None
    v.reveal_results(room.ctx, first)
    results = room.current(2)["results"]
    assert results[0]["key"] == item and results[0]["score"] == 2
    v.cast_ballot(room.ctx, room.wid, first, room.people[2], {item: 1}, key="ballot-0002")
    assert room.current(0)["results"][0]["score"] == 3  # revealed results follow the ballots

    v.close_round(room.ctx, first)
    assert room.current(0)["round"]["is_open"] is False
    second = _open(room, room.notes[3:8])
    fresh = room.current(1)
    assert fresh["round"]["id"] == second and fresh["choices"] == {} and fresh["done"] is False
    assert len(fresh["round"]["items"]) == 5 and fresh["results"] is None


def test_the_same_answer_as_the_per_phone_view(room):
    rid = _open(room, room.notes[:6], own_allowed=True)
    v.cast_ballot(room.ctx, room.wid, rid, room.people[0], {f"note:{room.notes[0]}": 1},
                  key="ballot-0003")  # fmt: skip
    for n, who in enumerate(room.people):
        view = v.phone_view(room.ctx, room.wid, who)
        assert view is not None
        shown = room.current(n)
        assert shown["choices"] == view.choices and shown["remaining"] == view.remaining
        assert [(i["key"], i["label"], i["own"]) for i in shown["round"]["items"]] == [
            (i.key, i.label, i.own) for i in view.round.items
        ]


def test_the_room_is_read_once_for_every_phone(room):
    _open(room, room.notes)
    before = room.builds
    answers = [room.current(n % 3) for n in range(30)]
    assert room.builds == before + 2  # the round once, the ballots once: not per phone
    assert all(a["round"]["id"] == answers[0]["round"]["id"] for a in answers)
    rid = answers[0]["round"]["id"]
    v.cast_ballot(room.ctx, room.wid, rid, room.people[2], {f"note:{room.notes[4]}": 1},
                  key="ballot-0004")  # fmt: skip
    for n in range(9):
        room.current(n % 3)
    assert room.builds == before + 3  # a ballot: only the ballots are read again


def test_phones_with_nothing_of_their_own_get_the_same_compressed_bytes(room):
    _open(room, room.notes[1:])  # none of Alex's post-its
    raw = [
        room.client.get(
            "/api/votes/current",
            headers={**room.phones[n], "Accept-Encoding": "gzip"},
        )
        for n in range(3)
    ]
    for answer in raw:
        assert answer.headers["content-encoding"] == "gzip"
        assert answer.headers["content-type"] == "application/json"
    plain = room.client.get(
        "/api/votes/current", headers={**room.phones[0], "Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers
    assert raw[0].json() == raw[1].json() == plain.json()
    assert len(gzip.compress(plain.content)) < len(plain.content)


def test_a_phone_without_a_token_is_refused_as_before(room):
    _open(room, room.notes[:2])
    answer = room.client.get("/api/votes/current", headers={"Authorization": "Bearer nope"})
    assert answer.status_code == 401 and answer.json()["code"] == "jeton_invalide"
    live.end_session(room.ctx, room.wid)
    closed = room.client.get("/api/votes/current", headers=room.phones[0])
    assert closed.status_code == 409


def test_requests_do_not_ask_for_telemetry_providers(room, monkeypatch):
    """FastAPI's telemetry is off (NO_TELEMETRY): no provider lookup (which reads os.environ)
    per request."""
    from opentelemetry import metrics, trace

    asked: list[str] = []
    real_trace, real_metrics = trace.get_tracer_provider, metrics.get_meter_provider

    def tracer():
        asked.append("trace")
        return real_trace()

    def meter():
        asked.append("metrics")
        return real_metrics()

    monkeypatch.setattr(trace, "get_tracer_provider", tracer)
    monkeypatch.setattr(metrics, "get_meter_provider", meter)
    assert room.client.get("/api/health").status_code == 200
    assert room.client.get("/api/state").status_code == 200
    assert asked == []


def test_the_seance_state_follows_each_change_and_is_read_once_for_every_phone(room):
    from app.ops.workshops import rename_workshop

    first = room.client.get("/api/state", headers=room.phones[0]).json()
    phase = first["phase"]["title"]
    reads_before = _state_reads(room)
    for _ in range(20):
        answer = room.client.get("/api/state", headers=room.phones[0]).json()
        assert answer["phase"]["title"] == phase
        assert answer["timer"]["state"] == first["timer"]["state"]
    assert _state_reads(room) == reads_before  # from memory: the store read once, not per phone

    live.start(room.ctx, room.wid)
    running = room.client.get("/api/state", headers=room.phones[0]).json()
    assert running["timer"]["state"] == "running" and running["timer"]["deadline"] is not None
    live.next_phase(room.ctx, room.wid)
    assert room.client.get("/api/state", headers=room.phones[0]).json()["phase"]["title"] != phase
    rename_workshop(room.ctx, room.wid, "Mobilité <i>douce</i>")
    assert (
        room.client.get("/api/state", headers=room.phones[0]).json()["workshop"]
        == "Mobilité <i>douce</i>"
    )
    assert _state_reads(room) == reads_before + 3
    later = room.client.get("/api/state", headers=room.phones[0]).json()["timer"]["server_now"]
    assert later >= running["timer"]["server_now"]  # the clock of each answer, not the cache's


def _state_reads(room: Room) -> int:
    return int(room.server._app.state.states.builds)


def test_the_server_says_when_it_works(room):
    """What the quiet collector looks at (app/server/collector.py): requests, connections."""
    before = room.server.activity()
    room.client.get("/api/health")
    assert room.server.activity()[0] > before[0]

"""Voting over HTTP: a phone's round, ballots, 'J'ai fini'; the facilitator's controls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from websockets.sync.client import connect

from app.ops import live
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note, Vote

FACILITATOR = "f" * 32
BOSS = {"Authorization": f"Bearer {FACILITATOR}"}


@dataclass
class Room:
    ctx: Context
    wid: int
    client: httpx.Client
    phones: list[dict[str, str]]  # Authorization headers: Alex (author of notes[0]), Sam
    notes: list[str]  # "note:<id>"


@pytest.fixture
def room(tmp_path: Path, join) -> Iterator[Room]:
    db = Database.open(tmp_path / "votes.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Vote").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid, facilitator_token=FACILITATOR), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            joined = [join(client, ctx, wid, name=n).json() for n in ("Alex", "Sam")]
            phones = [{"Authorization": f"Bearer {j['token']}"} for j in joined]

            def add(session) -> list[int]:
                rows = [Note(workshop_id=wid, text=t, participant_id=joined[0]["participant_id"]
                             if t == "Navettes" else None, created_at=0.0)
                        for t in ("Navettes", "Vélos <b>partagés</b>", "Covoiturage")]  # fmt: skip
                session.add_all(rows)
                session.flush()
                return [r.id for r in rows]

            notes = [f"note:{i}" for i in db.write(add)]
            yield Room(ctx, wid, client, phones, notes)
    finally:
        server.stop()
        db.close()


def _open(room: Room, **body) -> int:
    answer = room.client.post(
        "/api/facilitator/votes",
        json={"kind": "dots", "items": room.notes, "title": "Priorités", **body},
        headers=BOSS,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["round_id"]


def _ballot(room: Room, rid: int, phone: int, choices, key: str) -> httpx.Response:
    return room.client.post(
        f"/api/votes/{rid}/ballot",
        json={"key": key, "choices": choices},
        headers=room.phones[phone],
    )


def test_a_phone_sees_the_round_votes_and_changes_its_mind(room):
    assert room.client.get("/api/votes/current", headers=room.phones[0]).json()["round"] is None
    rid = _open(room, settings={"dots": 3, "cap": 2, "own_allowed": False})
    current = room.client.get("/api/votes/current", headers=room.phones[0]).json()
    assert current["round"]["dots"] == 3 and current["remaining"] == 3
    items = current["round"]["items"]
    assert [i["own"] for i in items] == [True, False, False]
    assert items[1]["label"] == "Vélos <b>partagés</b>"  # text; the page shows it as text
    first = _ballot(room, rid, 0, {room.notes[1]: 2}, "ballot-0001")
    assert first.status_code == 200 and first.json()["remaining"] == 1
    again = _ballot(room, rid, 0, {room.notes[1]: 2}, "ballot-0001")
    assert again.json()["replayed"] is True
    changed = _ballot(room, rid, 0, {room.notes[2]: 1}, "ballot-0002")
    assert changed.json() == {"round_id": rid, "choices": {room.notes[2]: 1}, "remaining": 2,
                              "done": False, "replayed": False}  # fmt: skip
    done = room.client.post(f"/api/votes/{rid}/done", json={}, headers=room.phones[0])
    assert done.json()["done"] is True
    results = room.client.get(f"/api/facilitator/votes/{rid}/results", headers=BOSS).json()
    assert results["turnout"]["text"] == "1 / 2 ont voté"
    assert results["turnout"]["done_names"] == ["Alex"]
    assert room.ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Vote))) == 1


@pytest.mark.parametrize(
    ("choices", "status", "code", "words"),
    [
        ({"B": 2, "C": 2}, 422, "plus_de_gommettes", "Plus de gommettes"),
        ({"B": 3}, 422, "plafond_atteint", "au plus"),
        ({"B": -1}, 422, "saisie_invalide", "négative"),
        ({"note:99999": 1}, 422, "element_inconnu", "ne fait pas partie"),
        ({"A": 1}, 422, "propre_post_it", "propres post-its"),
        ({"B": "1"}, 422, "saisie_invalide", "entier"),
    ],
)
def test_hostile_ballots_are_refused_in_french(room, choices, status, code, words):
    rid = _open(room, settings={"dots": 3, "cap": 2, "own_allowed": False})
    names = dict(zip("ABC", room.notes, strict=True))
    answer = _ballot(room, rid, 0, {names.get(k, k): n for k, n in choices.items()}, "hostile-01")
    assert answer.status_code == status
    assert answer.json()["code"] == code and words in answer.json()["message"]
    assert room.ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Vote))) == 0


def test_a_closed_round_refuses_with_a_clear_message_and_reopens(room):
    rid = _open(room)
    assert room.client.post(f"/api/facilitator/votes/{rid}/close", headers=BOSS).status_code == 200
    answer = _ballot(room, rid, 1, {room.notes[0]: 1}, "closed-0001")
    assert answer.status_code == 409 and answer.json()["code"] == "vote_clos"
    assert answer.json()["message"].startswith("Vote clos")
    again = room.client.post(f"/api/facilitator/votes/{rid}/close", headers=BOSS)
    assert again.status_code == 409 and "déjà clos" in again.json()["message"]
    assert room.client.post(f"/api/facilitator/votes/{rid}/reopen", headers=BOSS).status_code == 200
    assert _ballot(room, rid, 1, {room.notes[0]: 1}, "closed-0002").status_code == 200


def test_results_are_hidden_from_phones_until_revealed(room):
    rid = _open(room)
    _ballot(room, rid, 1, {room.notes[0]: 2}, "hidden-0001")
    hidden = room.client.get(f"/api/votes/{rid}/results", headers=room.phones[0])
    assert hidden.status_code == 403 and hidden.json()["code"] == "resultats_caches"
    assert room.client.get("/api/votes/current", headers=room.phones[0]).json()["results"] is None
    room.client.post(f"/api/facilitator/votes/{rid}/reveal", headers=BOSS)
    shown = room.client.get(f"/api/votes/{rid}/results", headers=room.phones[0]).json()
    assert shown["lines"][0]["key"] == room.notes[0] and shown["lines"][0]["score"] == 2
    assert shown["turnout"]["done_names"] == [] and shown["voters"] == []  # nobody named
    current = room.client.get("/api/votes/current", headers=room.phones[0]).json()
    assert current["results"][0]["score"] == 2


def test_paper_votes_through_the_facilitator_route(room):
    rid = _open(room)
    answer = room.client.post(f"/api/facilitator/votes/{rid}/paper",
                              json={"counts": {room.notes[2]: 6}, "label": "Table 3"},
                              headers=BOSS)  # fmt: skip
    assert answer.status_code == 200
    res = room.client.get(f"/api/facilitator/votes/{rid}/results", headers=BOSS).json()
    assert res["lines"][0]["key"] == room.notes[2] and res["turnout"]["paper_ballots"] == 1
    bad = room.client.post(f"/api/facilitator/votes/{rid}/paper",
                           json={"counts": {room.notes[2]: -6}}, headers=BOSS)  # fmt: skip
    assert bad.status_code == 422


def test_facilitator_routes_refuse_a_phone_and_nobody(room):
    body = {"kind": "dots", "items": room.notes}
    as_phone = room.client.post("/api/facilitator/votes", json=body, headers=room.phones[0])
    assert as_phone.status_code == 403 and as_phone.json()["code"] == "interdit"
    assert room.client.post("/api/facilitator/votes", json=body).status_code == 401
    rid = _open(room)
    for path in ("close", "reveal", "reopen"):
        refused = room.client.post(f"/api/facilitator/votes/{rid}/{path}", headers=room.phones[1])
        assert refused.status_code == 403
    assert room.client.get(f"/api/facilitator/votes/{rid}/results",
                           headers=room.phones[0]).status_code == 403  # fmt: skip
    assert v.rounds(room.ctx, room.wid)[0].is_open  # nothing changed


def test_bad_requests_are_422_or_404(room):
    rid = _open(room)
    for body in ({"kind": "sondage"}, {"kind": "dots", "settings": {"dots": 0}},
                 {"kind": "dots", "items": ["note:abc"]}):  # fmt: skip
        answer = room.client.post("/api/facilitator/votes", json=body, headers=BOSS)
        assert answer.status_code == 422, body
    assert (
        room.client.post(f"/api/facilitator/votes/{rid}/explode", headers=BOSS).status_code == 422
    )
    assert room.client.post("/api/facilitator/votes/999/close", headers=BOSS).status_code == 404
    assert _ballot(room, 999, 0, {}, "nowhere-01").status_code == 404
    no_token = room.client.post(f"/api/votes/{rid}/ballot", json={"key": "x" * 8, "choices": {}})
    assert no_token.status_code == 401
    short_key = _ballot(room, rid, 0, {}, "short")
    assert short_key.status_code == 422


def test_phones_hear_a_votes_event_when_a_round_opens_not_each_ballot(room):
    token = room.phones[0]["Authorization"].split()[1]
    url = str(room.client.base_url).replace("http://", "ws://")
    with connect(f"{url}ws?token={token}&since=0", open_timeout=10) as ws:
        json.loads(ws.recv(timeout=10))  # hello
        rid = _open(room)
        heard = json.loads(ws.recv(timeout=10))
        assert "votes" in heard["topics"]
        _ballot(room, rid, 1, {room.notes[0]: 1}, "quiet-0001")
        room.client.post(f"/api/facilitator/votes/{rid}/reveal", headers=BOSS)
        after = json.loads(ws.recv(timeout=10))
        assert after["topics"] == ["votes"]  # the ballot in between made no message of its own

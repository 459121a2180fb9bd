"""The hot routes (post-its, ballots) read their body themselves (app/server/fast.py): bad
input still gets the JSON errors FastAPI's own body parameter gave, and the schema still
documents the body."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import func, select

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.guard import MAX_BODY
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note, Vote


@pytest.fixture
def room(serve):
    ctx, wid, client = serve(title="Idées")
    body = {"code": live.door(ctx, wid)[1], "name": "Alex", "category": "usager",
            "key": "join-alex-0001"}  # fmt: skip
    token = client.post("/api/join", json=body).json()["token"]
    return ctx, client, {"Authorization": f"Bearer {token}"}


GOOD = json.dumps({"text": "Une idée", "key": "note-fast-0001"}).encode()


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"", "application/json"),  # no body
        (b"{not json", "application/json"),
        (b"[]", "application/json"),
        (json.dumps({"text": "sans clé"}).encode(), "application/json"),
        (json.dumps({"text": 12, "key": "note-fast-0001"}).encode(), "application/json"),
        (json.dumps({"text": "x", "key": "court"}).encode(), "application/json"),
        (GOOD, None),  # FastAPI reads JSON only from a JSON content type
        (GOOD, "text/plain"),
        (GOOD, "application/x-www-form-urlencoded"),
    ],
)
def test_bad_bodies_get_the_same_422_and_write_nothing(room, content, content_type):
    ctx, client, me = room
    headers = {**me, **({"Content-Type": content_type} if content_type else {})}
    answer = client.post("/api/notes", content=content, headers=headers)
    assert answer.status_code == 422
    assert answer.json() == {
        "code": "saisie_invalide",
        "message": "Données envoyées incomplètes ou invalides.",
    }
    assert ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Note))) == 0


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json"],
)
def test_json_bodies_are_read_as_before(room, content_type):
    _ctx, client, me = room
    answer = client.post("/api/notes", content=GOOD, headers={**me, "Content-Type": content_type})
    assert answer.status_code == 201
    assert answer.headers["content-type"] == "application/json"
    assert set(answer.json()) == {"id", "text", "created_at"}
    assert answer.json()["text"] == "Une idée"
    assert "default-src 'self'" in answer.headers["content-security-policy"]


def test_an_oversized_body_is_refused_before_it_is_read(room):
    _ctx, client, me = room
    big = json.dumps({"text": "x" * (MAX_BODY + 10), "key": "note-big-0001"}).encode()
    headers = {**me, "Content-Type": "application/json"}
    answer = client.post("/api/notes", content=big, headers=headers)
    assert answer.status_code == 413 and answer.json()["code"] == "trop_gros"


def test_the_schema_still_documents_the_body_and_the_answer(room):
    _ctx, client, _me = room
    schema = client.get("/openapi.json").json()
    route = schema["paths"]["/api/notes"]["post"]
    body = route["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:  # where FastAPI lists the body models itself
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    assert set(body["properties"]) == {"text", "key"} and set(body["required"]) == {"text", "key"}
    answer = route["responses"]["201"]["content"]["application/json"]["schema"]
    assert answer["$ref"].endswith("/NoteOut")


# -- ballots ---------------------------------------------------------------------------------
BOSS = "f" * 32


@pytest.fixture
def vote(tmp_path, join):
    db = Database.open(tmp_path / "ballots.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Vote").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid, facilitator_token=BOSS), "127.0.0.1", 0).start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            token = join(client, ctx, wid, name="Alex").json()["token"]
            me = {"Authorization": f"Bearer {token}"}
            client.post("/api/notes", json={"text": "Navettes", "key": "note-nav-0001"}, headers=me)
            opened = client.post(
                "/api/facilitator/votes",
                json={"kind": "dots", "items": "board", "settings": {"dots": 3, "cap": 2}},
                headers={"Authorization": f"Bearer {BOSS}"},
            )
            assert opened.status_code == 200, opened.text
            yield ctx, client, me, opened.json()["round_id"]
    finally:
        server.stop()
        db.close()


def _dots(ctx: Context) -> int:
    return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Vote)))


def test_a_ballot_is_read_and_answered_as_before(vote):
    ctx, client, me, rid = vote
    item = client.get("/api/votes/current", headers=me).json()["round"]["items"][0]["key"]
    body = {"key": "ballot-0000001", "choices": {item: 2}}
    first = client.post(f"/api/votes/{rid}/ballot", json=body, headers=me)
    assert first.status_code == 200
    assert first.json() == {
        "round_id": rid, "choices": {item: 2}, "remaining": 1, "done": False, "replayed": False
    }  # fmt: skip
    again = client.post(f"/api/votes/{rid}/ballot", json=body, headers=me)
    assert again.json() == {**first.json(), "replayed": True}
    assert _dots(ctx) == 1


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{not json", "application/json"),
        (json.dumps({"choices": {}}).encode(), "application/json"),  # no key
        (json.dumps({"key": "ballot-0000001", "choices": []}).encode(), "application/json"),
        (json.dumps({"key": "ballot-0000001", "choices": {}}).encode(), "text/plain"),
    ],
)
def test_bad_ballots_get_the_same_422_and_count_nothing(vote, content, content_type):
    ctx, client, me, rid = vote
    answer = client.post(
        f"/api/votes/{rid}/ballot", content=content, headers={**me, "Content-Type": content_type}
    )
    assert answer.status_code == 422 and answer.json()["code"] == "saisie_invalide"
    assert _dots(ctx) == 0


def test_a_ballot_without_a_token_is_refused(vote):
    _ctx, client, _me, rid = vote
    answer = client.post(f"/api/votes/{rid}/ballot", json={"key": "ballot-0000001", "choices": {}})
    assert answer.status_code == 401 and answer.json()["code"] == "jeton_invalide"


def test_the_schema_documents_the_ballot(vote):
    _ctx, client, _me, _rid = vote
    schema = client.get("/openapi.json").json()
    route = schema["paths"]["/api/votes/{round_id}/ballot"]["post"]
    body = route["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    assert set(body["properties"]) == {"key", "choices"}
    assert route["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/BallotOut"
    )


# -- who a token is, from memory ---------------------------------------------------------------
def test_a_late_arrival_does_not_make_the_others_read_their_token_again(room, join, monkeypatch):
    from app.ops import participants

    ctx, client, me = room
    post = {"text": "Une idée", "key": "note-known-001"}
    assert client.post("/api/notes", json=post, headers=me).status_code == 201
    wid = ctx.db.read(lambda s: s.scalar(select(Note.workshop_id).limit(1)))
    reads: list[str] = []
    real = participants.participant_by_token

    def counted(*args):
        reads.append(args[-1])
        return real(*args)

    monkeypatch.setattr(participants, "participant_by_token", counted)
    late = join(client, ctx, wid, name="Retard").json()
    assert (
        client.post("/api/notes", json={**post, "key": "note-known-002"}, headers=me).status_code
        == 201
    )
    assert reads == []  # the known phone was not looked up again
    # a removed participant loses access at once
    participants.remove_participant(ctx, wid, late["participant_id"])
    gone = {"Authorization": f"Bearer {late['token']}"}
    answer = client.post("/api/notes", json={**post, "key": "note-late-0001"}, headers=gone)
    assert answer.status_code == 401 and answer.json()["code"] == "jeton_invalide"
    assert (
        client.post("/api/notes", json={**post, "key": "note-known-003"}, headers=me).status_code
        == 201
    )

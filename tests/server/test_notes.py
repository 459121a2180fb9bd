"""Post-its from phones: once per key, only one's own, rate-limited, plain text."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.ops import live
from app.ops.base import Context
from app.server.access import NOTES_PER_MINUTE
from app.store.models import Note


@pytest.fixture
def room(serve):
    return serve(title="Idées")


def _phone(room, name: str) -> dict[str, str]:
    ctx, wid, client = room
    body = {"code": live.door(ctx, wid)[1], "name": name, "category": "usager",
            "key": f"join-{name}-0001"}  # fmt: skip
    token = client.post("/api/join", json=body).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def _notes(ctx: Context) -> int:
    return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Note)))


def test_a_post_it_is_stored_once_whatever_the_retries(room):
    ctx, wid, client = room
    live.start_session(ctx, wid)
    me = _phone(room, "Alex")
    body = {"text": "Un vélo de service par site", "key": "note-0001-xyz"}
    first = client.post("/api/notes", json=body, headers=me)
    assert first.status_code == 201
    for _ in range(3):
        again = client.post("/api/notes", json=body, headers=me)
        assert again.json() == first.json()
    assert _notes(ctx) == 1
    stored = ctx.db.read(lambda s: s.scalars(select(Note)).one())
    assert stored.phase_id == live.live_session(ctx, wid).current.id  # the phase it was written in
    assert [n["text"] for n in client.get("/api/notes/mine", headers=me).json()] == [body["text"]]


def test_each_phone_sees_only_its_own(room):
    _ctx, _wid, client = room
    alex, sam = _phone(room, "Alex"), _phone(room, "Sam")
    client.post("/api/notes", json={"text": "A", "key": "note-a-000001"}, headers=alex)
    client.post("/api/notes", json={"text": "B", "key": "note-b-000001"}, headers=sam)
    assert [n["text"] for n in client.get("/api/notes/mine", headers=sam).json()] == ["B"]
    # the same key from another phone is another post-it
    client.post("/api/notes", json={"text": "A2", "key": "note-a-000001"}, headers=sam)
    assert len(client.get("/api/notes/mine", headers=sam).json()) == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "saisie_invalide"), ("   ", "saisie_invalide"), ("x" * 281, "saisie_invalide")],
)
def test_empty_or_too_long_is_refused(room, text, code):
    ctx, _wid, client = room
    answer = client.post("/api/notes", json={"text": text, "key": "note-bad-0001"},
                         headers=_phone(room, "Alex"))  # fmt: skip
    assert answer.status_code == 422 and answer.json()["code"] == code
    assert _notes(ctx) == 0


def test_without_a_token_nothing_is_written(room):
    ctx, _wid, client = room
    answer = client.post("/api/notes", json={"text": "anonyme", "key": "note-anon-001"})
    assert answer.status_code == 401 and answer.json()["code"] == "jeton_invalide"
    assert _notes(ctx) == 0


def test_a_flood_from_one_phone_is_refused_not_the_others(room):
    ctx, _wid, client = room
    flooder, calm = _phone(room, "Flood"), _phone(room, "Calme")
    codes = [
        client.post(
            "/api/notes", json={"text": f"n{i}", "key": f"flood-{i:06d}"}, headers=flooder
        ).status_code
        for i in range(NOTES_PER_MINUTE + 3)
    ]
    assert codes[:NOTES_PER_MINUTE] == [201] * NOTES_PER_MINUTE
    assert codes[NOTES_PER_MINUTE:] == [429] * 3
    answer = client.post("/api/notes", json={"text": "ok", "key": "calm-000001"}, headers=calm)
    assert answer.status_code == 201
    assert _notes(ctx) == NOTES_PER_MINUTE + 1


def test_markup_is_kept_as_text(room):
    _ctx, _wid, client = room
    me = _phone(room, "Alex")
    text = '<script>alert(1)</script> &amp; <b>gras</b> =HYPERLINK("x") 👩🏽‍🚒 \u202eRTL'
    client.post("/api/notes", json={"text": text, "key": "note-html-0001"}, headers=me)
    assert client.get("/api/notes/mine", headers=me).json()[0]["text"] == text

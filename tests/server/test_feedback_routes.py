"""Feedback from phones over HTTP: only in the closing phase, once per key, French refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.ops import feedback as fb
from app.ops import live
from app.store.models import Feedback


@pytest.fixture
def room(serve):
    return serve(title="Retours")


def _phone(room, join, name: str) -> dict[str, str]:
    ctx, wid, client = room
    token = join(client, ctx, wid, name=name).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def _to_closing(ctx, wid) -> None:
    while not fb.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)


def _stored(ctx) -> list[tuple[int, str, str]]:
    return ctx.db.read(
        lambda s: [(f.rating, f.keep, f.improve) for f in s.scalars(select(Feedback))]
    )


def test_the_form_opens_in_the_closing_phase_and_a_retry_counts_once(room, join):
    ctx, wid, client = room
    me = _phone(room, join, "Alex")
    assert client.get("/api/feedback", headers=me).json() == {"open": False, "mine": None}
    body = {"rating": 5, "keep": "Les échanges", "improve": "", "key": "fb-alex-0001"}
    early = client.post("/api/feedback", json=body, headers=me)
    assert early.status_code == 409 and early.json() == {
        "code": "retours_fermes",
        "message": "Les retours s'ouvrent à la clôture de la séance.",
    }
    _to_closing(ctx, wid)
    first = client.post("/api/feedback", json=body, headers=me)
    assert first.status_code == 200 and first.json()["replayed"] is False
    for _ in range(3):
        again = client.post("/api/feedback", json=body, headers=me)
        assert again.status_code == 200 and again.json()["replayed"] is True
        assert {k: v for k, v in again.json().items() if k != "replayed"} == {
            k: v for k, v in first.json().items() if k != "replayed"
        }
    assert _stored(ctx) == [(5, "Les échanges", "")]
    shown = client.get("/api/feedback", headers=me).json()
    assert shown["open"] is True and shown["mine"]["keep"] == "Les échanges"
    changed = {"rating": 3, "improve": "Plus de pauses", "key": "fb-alex-0002"}
    assert client.post("/api/feedback", json=changed, headers=me).status_code == 200
    assert _stored(ctx) == [(3, "", "Plus de pauses")]  # replaced, not added


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"rating": 7, "key": "fb-bad-00001"}, "La note va de 1 à 5."),
        ({"key": "fb-bad-00001"}, "La note va de 1 à 5."),
        ({"rating": "cinq", "key": "fb-bad-00001"}, "La note va de 1 à 5."),
        ({"rating": 4, "keep": "x" * 501, "key": "fb-bad-00001"},
         "Ce que je retiens : 500 caractères au plus (501 saisis)."),
        ({"rating": 4, "keep": ["liste"], "key": "fb-bad-00001"},
         "Ce que je retiens : un texte est attendu."),
        ({"rating": 4, "key": "court"}, "Données envoyées incomplètes ou invalides."),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_french_message(room, join, body, message):
    ctx, wid, client = room
    me = _phone(room, join, "Alex")
    _to_closing(ctx, wid)
    answer = client.post("/api/feedback", json=body, headers=me)
    assert answer.status_code == 422
    assert answer.json() == {"code": "saisie_invalide", "message": message}
    assert _stored(ctx) == []


def test_without_a_token_or_after_the_seance_nothing_is_written(room, join):
    ctx, wid, client = room
    me = _phone(room, join, "Alex")
    _to_closing(ctx, wid)
    body = {"rating": 4, "key": "fb-anon-0001"}
    anonymous = client.post("/api/feedback", json=body)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "jeton_invalide"
    live.end_session(ctx, wid)
    ended = client.post("/api/feedback", json=body, headers=me)
    assert ended.status_code == 409 and ended.json()["code"] == "seance_fermee"
    assert _stored(ctx) == []


def test_hostile_text_comes_back_as_typed(room, join):
    ctx, wid, client = room
    me = _phone(room, join, "Alex")
    _to_closing(ctx, wid)
    text = '<script>alert(1)</script> &amp; <b>gras</b> =HYPERLINK("x") 👩🏽‍🚒 \u202eRTL'
    body = {"rating": 1, "keep": text, "improve": text, "key": "fb-html-0001"}
    assert client.post("/api/feedback", json=body, headers=me).json()["keep"] == text
    assert client.get("/api/feedback", headers=me).json()["mine"]["improve"] == text

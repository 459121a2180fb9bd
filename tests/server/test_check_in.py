"""Checking in from a phone: idempotent retries, refusals in JSON, hostile text kept as text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.ops.base import Context
from app.ops.workshops import update_cadrage
from app.store.models import CheckIn, JournalEntry, Participant

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt"  # from shared/data


@pytest.fixture
def phone(serve):
    return serve(
        title="Accueil",
        prepare=lambda ctx, wid: update_cadrage(
            ctx, wid, partners="Bordeaux Métropole\nDREAL Nouvelle-Aquitaine"
        ),
    )


def _count(ctx: Context, model) -> int:
    return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def _join(client: httpx.Client, **fields):
    body = {
        "name": "Camille",
        "organisation": "DREAL Nouvelle-Aquitaine",
        "category": "public",
        "consent_named": False,
        "key": "cle-0001-abcdef",
        **fields,
    }
    return client.post("/api/join", json=body)


def test_check_in_then_come_back_with_the_token(phone):
    ctx, _wid, client = phone
    choices = client.get("/api/choices").json()
    assert choices["partners"] == ["Bordeaux Métropole", "DREAL Nouvelle-Aquitaine"]
    assert set(choices["categories"]) == {"public", "prive", "association", "usager"}
    answer = _join(client)
    assert answer.status_code == 201
    token = answer.json()["token"]
    assert len(token) >= 32
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["name"] == "Camille" and me["consent_named"] is False
    assert _count(ctx, CheckIn) == 1


def test_a_retry_with_the_same_key_counts_once(phone):
    ctx, _wid, client = phone
    first = _join(client).json()
    entries = _count(ctx, JournalEntry)
    again = _join(client)  # the phone did not see the answer and sends again
    assert again.status_code == 201
    assert again.json() == first
    assert _count(ctx, Participant) == 1
    assert _count(ctx, CheckIn) == 1
    assert _count(ctx, JournalEntry) == entries
    other = _join(client, key="cle-0002-abcdef", name="Dominique")
    assert other.json()["token"] != first["token"]
    assert _count(ctx, Participant) == 2


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"name": ""}, 422),
        ({"name": " \t "}, 422),
        ({"name": "x" * 81}, 422),
        ({"category": "martien"}, 422),
        ({"key": "court"}, 422),
        ({"key": "avec espace dedans"}, 422),
        ({"organisation": "o" * 121}, 422),
    ],
)
def test_bad_input_gets_a_french_json_error_and_writes_nothing(phone, fields, status):
    ctx, _wid, client = phone
    before = (_count(ctx, Participant), _count(ctx, JournalEntry))
    answer = _join(client, **fields)
    assert answer.status_code == status
    body = answer.json()
    assert body["code"] == "saisie_invalide" and body["message"]
    assert (_count(ctx, Participant), _count(ctx, JournalEntry)) == before


def test_not_json_and_too_large_are_refused(phone):
    _ctx, _wid, client = phone
    answer = client.post(
        "/api/join", content=b"{pas du json", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422 and answer.json()["code"] == "saisie_invalide"
    big = client.post(
        "/api/join", json={"name": "a" * 20_000, "category": "public", "key": "k" * 10}
    )
    assert big.status_code == 413 and big.json()["code"] == "trop_gros"


def test_unknown_or_missing_token_is_401_in_json(phone):
    _ctx, _wid, client = phone
    for headers in ({}, {"Authorization": "Bearer " + "x" * 32}, {"Authorization": "Basic abc"}):
        answer = client.get("/api/me", headers=headers)
        assert answer.status_code == 401
        assert answer.json()["code"] == "jeton_invalide"


def test_hostile_names_come_back_as_typed(phone):
    ctx, _wid, client = phone
    lines = [line for line in HOSTILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(lines):
        name = line[:80]
        answer = _join(client, name=name, key=f"hostile-{n:04d}")
        if answer.status_code == 422:  # e.g. only control characters: refused, clearly
            assert answer.json()["code"] == "saisie_invalide"
            continue
        assert answer.status_code == 201, (line, answer.text)
        token = answer.json()["token"]
        me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
        assert me["name"] == answer.json()["name"]
        assert me["name"].strip()


def test_a_removed_duplicate_loses_access_at_once(phone):
    from app.ops.participants import remove_participant

    ctx, wid, client = phone
    joined = _join(client).json()
    headers = {"Authorization": f"Bearer {joined['token']}"}
    assert client.get("/api/me", headers=headers).status_code == 200  # now remembered
    remove_participant(ctx, wid, joined["participant_id"])
    assert client.get("/api/me", headers=headers).status_code == 401

"""Checking in from a phone: idempotent retries, refusals in JSON, hostile text kept as text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.ops import live
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


def _join(phone, **fields) -> httpx.Response:
    ctx, wid, client = phone
    body = {
        "code": live.door(ctx, wid)[1],
        "name": "Camille",
        "organisation": "DREAL Nouvelle-Aquitaine",
        "category": "public",
        "consent_named": False,
        "key": "cle-0001-abcdef",
        **fields,
    }
    return client.post("/api/join", json=body)


def test_check_in_then_come_back_with_the_token(phone):
    ctx, wid, client = phone
    assert client.get("/api/choices").json()["partners"] == []  # not without the code
    code = {"X-Atelier-Code": live.door(ctx, wid)[1]}
    choices = client.get("/api/choices", headers=code).json()
    assert choices["partners"] == ["Bordeaux Métropole", "DREAL Nouvelle-Aquitaine"]
    assert set(choices["categories"]) == {"public", "prive", "association", "usager"}
    answer = _join(phone)
    assert answer.status_code == 201
    token = answer.json()["token"]
    assert len(token) >= 32
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["name"] == "Camille" and me["consent_named"] is False
    assert _count(ctx, CheckIn) == 1


def test_a_retry_with_the_same_key_counts_once(phone):
    ctx, _wid, client = phone
    first = _join(phone).json()
    entries = _count(ctx, JournalEntry)
    again = _join(phone)  # the phone did not see the answer and sends again
    assert again.status_code == 201
    assert again.json() == first
    assert _count(ctx, Participant) == 1
    assert _count(ctx, CheckIn) == 1
    assert _count(ctx, JournalEntry) == entries
    other = _join(phone, key="cle-0002-abcdef", name="Dominique")
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
    answer = _join(phone, **fields)
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
        answer = _join(phone, name=name, key=f"hostile-{n:04d}")
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
    joined = _join(phone).json()
    headers = {"Authorization": f"Bearer {joined['token']}"}
    assert client.get("/api/me", headers=headers).status_code == 200  # now remembered
    remove_participant(ctx, wid, joined["participant_id"])
    assert client.get("/api/me", headers=headers).status_code == 401


def test_the_join_code_is_needed_typed_in_any_case(phone):
    ctx, wid, client = phone
    code = live.door(ctx, wid)[1]
    before = (_count(ctx, Participant), _count(ctx, JournalEntry))
    for wrong in ("", "22222" if code != "22222" else "33333", code[:-1]):
        answer = _join(phone, code=wrong)
        assert answer.status_code == 403
        body = answer.json()
        assert body["code"] == "code_invalide"
        assert "code" in body["message"] and "écran" in body["message"]
    assert (_count(ctx, Participant), _count(ctx, JournalEntry)) == before
    typed = f"{code[:3].lower()} {code[3:]}"  # as a person types it from the projector
    assert _join(phone, code=typed).status_code == 201


def test_guessing_the_code_is_stopped(phone):
    from app.server.limits import WRONG_PER_ADDRESS

    ctx, wid, client = phone
    code = live.door(ctx, wid)[1]
    wrong = "22222" if code != "22222" else "33333"
    statuses = [
        _join(phone, code=wrong, key=f"guess-{n:04d}").status_code
        for n in range(WRONG_PER_ADDRESS + 2)
    ]
    assert statuses[:WRONG_PER_ADDRESS] == [403] * WRONG_PER_ADDRESS
    assert statuses[-1] == 429
    assert _count(ctx, Participant) == 0
    refused = _join(phone)  # the right code too, once the address is locked
    assert refused.status_code == 429 and refused.json()["code"] == "code_bloque"
    assert "min" in refused.json()["message"]
    assert _count(ctx, Participant) == 0


@pytest.mark.parametrize("paths", [["/api/state", "/api/choices", "/api/me", "/api/notes/mine"]])
def test_participant_routes_answer_only_while_the_seance_is_open(serve, paths):
    ctx, wid, client = serve(title="Pas encore", open_seance=False)
    for path in paths:
        answer = client.get(path, headers={"Authorization": "Bearer " + "x" * 32})
        assert answer.status_code == 409, path
        body = answer.json()
        assert body["code"] == "seance_fermee" and body["seance"] == "absent"
        assert body["message"].startswith("La séance n'a pas commencé")
    refused = client.post(
        "/api/join", json={"code": "", "name": "Tôt", "category": "usager", "key": "early-0001"}
    )
    assert refused.status_code == 409 and refused.json()["seance"] == "absent"
    # health, the clock and the pages still answer: the phone can say why it waits
    assert client.get("/api/health").status_code == 200
    assert client.get("/api/time").status_code == 200
    assert client.get("/web/").status_code == 200

    live.start_session(ctx, wid)  # the facilitator opens the séance: phones come in
    assert client.get("/api/state").status_code == 200
    joined = _join((ctx, wid, client))
    assert joined.status_code == 201
    token = {"Authorization": f"Bearer {joined.json()['token']}"}
    assert client.get("/api/me", headers=token).status_code == 200

    live.end_session(ctx, wid)  # and once it ends, even a checked-in phone is told so
    for path in paths:
        answer = client.get(path, headers=token)
        assert answer.status_code == 409, path
        assert answer.json()["seance"] == "ended"
        assert answer.json()["message"] == "La séance est terminée. Merci de votre participation !"
    answer = client.post(
        "/api/notes", json={"text": "trop tard", "key": "late-0001"}, headers=token
    )
    assert answer.status_code == 409
    assert _count(ctx, Participant) == 1


def test_the_page_can_check_a_typed_code_before_the_form(phone):
    ctx, wid, client = phone
    code = live.door(ctx, wid)[1]
    assert client.post("/api/code", json={"code": code.lower()}).json() == {"ok": True}
    wrong = client.post("/api/code", json={"code": "ZZZZZ" if code != "ZZZZZ" else "YYYYY"})
    assert wrong.status_code == 403 and wrong.json()["code"] == "code_invalide"
    assert _count(ctx, Participant) == 0


def test_an_organisation_outside_the_partners_is_stored_as_typed(phone):
    ctx, _wid, client = phone
    lines = [line for line in HOSTILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(["Mairie de Poitiers", *lines]):
        typed = line[:120]
        answer = _join(phone, organisation=typed, key=f"org-{n:04d}")
        assert answer.status_code == 201, (line, answer.text)
        token = answer.json()["token"]
        me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
        # as typed, minus control characters and the spaces around
        assert me["organisation"] == "".join(c for c in typed if ord(c) >= 32).strip()


def test_an_organisation_too_long_is_refused_with_its_limit(phone):
    ctx, _wid, _client = phone
    answer = _join(phone, organisation="o" * 300)
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "saisie_invalide"
    assert body["message"].startswith("Organisation : 120 caractères au plus (300 saisis)")
    assert _count(ctx, Participant) == 0
    long_name = _join(phone, name="n" * 81).json()["message"]
    assert long_name.startswith("Nom : 80 caractères au plus (81 saisis)")

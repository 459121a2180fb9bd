"""Pairing a second laptop: the séance's 6-digit code, the lock, expiry, revocation, phones.

(The attacks — a fake host, a relay, a stranger's wrong codes — are in test_security.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import websockets.exceptions
from cofac_helpers import Host
from sqlalchemy import select
from websockets.sync.client import connect

from app.cofac_client import CoFacClient, HostUnreachable, new_device_key, pair
from app.domain.pairing import LaptopSide, ProofFailed
from app.errors import KnownError
from app.ops import cofac, live, participants, queries
from app.store.models import CoFacilitator
from app.system.certificate import fingerprint, pinned_context


def _pair(
    host: Host, code: str, name: str = "Camille", device: str = "laptop-0001", token: str = ""
) -> dict:
    """The pairing exchange as a laptop runs it (`app.domain.pairing`), with `code` typed."""
    laptop = LaptopSide(code)
    with host.http(token) as client:
        started = client.post("/api/cofac/pair/start", json={"message": laptop.message})
        if started.status_code != 200:
            return {"status": started.status_code, **started.json()}
        body = started.json()
        try:
            proof = laptop.finish(body["message"], body["proof"], fingerprint(host.certificate))
        except ProofFailed:
            proof = "faux"  # a wrong code: the host's proof does not check; send a bad one
        response = client.post(
            "/api/cofac/pair",
            json={"exchange": body["exchange"], "proof": proof, "name": name,
                  "device_key": device},
        )  # fmt: skip
    return {"status": response.status_code, **response.json()}


def test_the_right_code_pairs_as_observer_and_the_history_says_so(host: Host) -> None:
    code = host.code()
    assert len(code) == 6 and code.isdigit()
    assert host.code() == code  # the same for the whole séance
    paired = pair(host.url, code, "Camille", new_device_key())
    assert paired.role == "observateur" and paired.workshop_id == host.workshop_id
    assert not paired.approved  # no data until the lead approves it
    assert paired.certificate == host.certificate  # pinned from now on
    assert len(paired.token) >= 43  # 256 random bits
    with host.http(paired.token) as client:
        me = client.get("/api/cofac/me").json()
    assert me["name"] == "Camille" and me["role_label"] == "Observateur·rice"
    last = queries.journal_entries(host.ctx, host.workshop_id)[-1]
    assert last["op"] == "cofac.pair" and last["label"] == "Ordinateur appairé : Camille"
    # only the token's hash is kept, and never in the journal
    row = host.ctx.db.read(lambda s: s.scalars(select(CoFacilitator)).one())
    assert row.token_hash == cofac.token_hash(paired.token) != paired.token
    assert paired.token not in str(queries.journal_entries(host.ctx, host.workshop_id))


def test_five_wrong_codes_from_one_address_lock_it_for_a_minute(host: Host) -> None:
    right = host.code()
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    now = [1000.0]
    host.cofac.clock = lambda: now[0]
    for _ in range(5):  # five guesses…
        answer = _pair(host, wrong)
        assert answer["status"] == 403 and answer["code"] == "code_invalide"
        assert "6 chiffres" in answer["message"]
    locked = _pair(host, wrong)  # …and no sixth
    assert locked["status"] == 429 and locked["code"] == "appairage_bloque"
    assert locked["message"] == (
        "Trop de codes erronés depuis cet ordinateur : l'appairage est bloqué pendant une minute."
    )
    assert _pair(host, right)["status"] == 429  # even the right code, while locked
    now[0] += 59
    assert _pair(host, right)["status"] == 429
    now[0] += 2
    assert _pair(host, right)["status"] == 201


def test_the_code_expires_when_the_seance_ends(host: Host) -> None:
    code = host.code()
    live.end_session(host.ctx, host.workshop_id)
    assert host.code() == ""
    answer = _pair(host, code)
    assert answer["status"] == 409 and answer["code"] == "code_expire"
    assert answer["message"] == "La séance est terminée : ce code a expiré."
    with pytest.raises(KnownError, match="expiré"):
        pair(host.url, code, "Camille", new_device_key())
    # the next séance has a code of its own
    live.start_session(host.ctx, host.workshop_id)
    assert host.code() not in ("", code)


def test_a_phone_token_can_never_pair_nor_act(host: Host) -> None:
    phone = participants.check_in(
        host.ctx, host.workshop_id, name="Alex", category="usager", key="phone-key-0001"
    )
    paired = _pair(host, host.code(), "Alex", "phone-0000001", token=phone.token)
    assert paired == {
        "status": 403,
        "code": "interdit",
        "message": "Réservé à l'équipe d'animation.",
    }
    with host.http(phone.token) as client:
        acted = client.post(
            "/api/cofac/op", json={"op": "live.toggle", "args": {}, "key": "phone-op-0001"}
        )
        read = client.get("/api/cofac/snapshot")
    for response in (acted, read):
        assert response.status_code == 403, response.text
        assert response.json() == {"code": "interdit", "message": "Réservé à l'équipe d'animation."}
    assert cofac.cofacilitators(host.ctx, host.workshop_id) == []


def test_revoking_a_laptop_stops_its_token_and_its_socket_at_once(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="scribe")
    token = laptop.pairing.token
    old_code = host.code()
    with connect(
        f"wss://127.0.0.1:{host.server.cofac_port}/api/cofac/ws",
        additional_headers={"Authorization": f"Bearer {token}"},
        proxy=None,
        ssl=pinned_context(host.certificate),
    ) as ws:
        assert '"hello"' in ws.recv(timeout=10)
        cofac.revoke(host.ctx, host.workshop_id, laptop.pairing.laptop_id)
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            while True:
                ws.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    with host.http(token) as client:
        refused = client.post(
            "/api/cofac/op",
            json={"op": "board.add_note", "args": {"text": "x"}, "key": "after-revoke-1"},
        )
    assert refused.status_code == 401 and refused.json()["code"] == "jeton_invalide"
    assert host.code() != old_code  # whoever saw the old code cannot pair again with it
    # the laptop's own client notices and keeps its replica
    laptop.submit("board.add_note", {"text": "Trop tard"})
    assert laptop.wait(lambda: laptop.revoked and not laptop.online)
    assert laptop.status_text == "Déconnecté par l'animatrice"
    assert [s.status for s in laptop.outbox()] == ["pending"]


def test_the_lead_changes_a_role_and_it_applies_to_the_next_request(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="observateur", start=False)
    with host.http(laptop.pairing.token) as client:
        body = {"op": "board.add_note", "args": {"text": "Bonjour"}, "key": "role-change-01"}
        first = client.post("/api/cofac/op", json=body)
        assert first.status_code == 403
        assert first.json() == {
            "code": "interdit",
            "message": "Votre rôle (Observateur·rice) ne le permet pas : écrire un post-it.",
            # what a laptop's window needs to say it in its own language
            "template": "Votre rôle ({role_label}) ne le permet pas : {label}.",
            "params": {"role_label": "Observateur·rice", "label": "écrire un post-it"},
        }
        cofac.set_role(host.ctx, host.workshop_id, laptop.pairing.laptop_id, "scribe")
        assert client.post("/api/cofac/op", json=body).status_code == 200
    entries = queries.journal_entries(host.ctx, host.workshop_id)
    assert any(e["label"] == "Rôle de Camille : Scribe" for e in entries)


def test_the_same_laptop_pairing_again_keeps_its_role_and_gets_a_new_token(host: Host) -> None:
    device = new_device_key()
    first = pair(host.url, host.code(), "Camille", device)
    cofac.set_role(host.ctx, host.workshop_id, first.laptop_id, "gardien")
    again = pair(host.url, host.code(), "Camille B.", device)
    assert again.laptop_id == first.laptop_id and again.role == "gardien"
    with host.http(first.token) as client:
        assert client.get("/api/cofac/me").status_code == 401
    with host.http(again.token) as client:
        assert client.get("/api/cofac/me").json()["name"] == "Camille B."


def test_an_unreachable_host_says_hors_ligne() -> None:
    with pytest.raises(HostUnreachable, match="Hors ligne"):
        pair("127.0.0.1:9", "123456", "Camille", new_device_key(), timeout=2)

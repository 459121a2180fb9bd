"""Attacks on co-facilitation from a venue's open Wi-Fi (issue 18), each turned into a test:
a fake host with the same title, a relay between the laptop and the host, a host whose
certificate changed, a listener on the phones' plain port, a stranger's wrong codes."""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cofac_helpers import Host
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select

from app.cofac_client import (
    FAKE_HOST,
    CertificateChanged,
    CoFacClient,
    Pairing,
    new_device_key,
    pair,
)
from app.domain.pairing import LaptopSide
from app.errors import KnownError
from app.ops import cofac
from app.replica_files import pin_certificate, pinned_certificate
from app.server import cofac as cofac_server
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import CoFacilitator
from app.system.certificate import fingerprint, host_certificate, pinned_context


class Impostor:
    """A server on the venue's network with a certificate of its own, which records every
    request it gets and answers pairing as `answer(path, body)` says."""

    def __init__(self, folder: Path, answer: Callable[[str, dict[str, Any]], Any]) -> None:
        self.seen: list[tuple[str, str, str]] = []  # path, body, authorization
        tls = FastAPI()

        @tls.api_route("/{path:path}", methods=["GET", "POST"])
        async def anything(path: str, request: Request) -> Any:
            raw = (await request.body()).decode()
            self.seen.append((path, raw, request.headers.get("authorization", "")))
            body = json.loads(raw) if raw else {}
            found = answer(path, body)
            return found if found is not None else JSONResponse({"code": "x"}, 404)

        tls.state.certificate = host_certificate(folder)
        plain = FastAPI()
        plain.state.cofac_app = tls
        self.server = ServerThread(plain, "127.0.0.1", 0).start()
        self.url = self.server.cofac_url

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def impostor(tmp_path: Path) -> Iterator[Callable[..., Impostor]]:
    made: list[Impostor] = []

    def make(answer: Callable[[str, dict[str, Any]], Any]) -> Impostor:
        found = Impostor(tmp_path / f"impostor-{len(made)}", answer)
        made.append(found)
        return found

    yield make
    for one in made:
        one.stop()


def _from(host: Host, source: str, token: str = "") -> httpx.Client:
    """A client on another computer of the network: its own source address (127.0.0.x)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.HTTPTransport(local_address=source, verify=pinned_context(host.certificate))
    return httpx.Client(base_url=host.url, transport=transport, headers=headers, timeout=10)


def _guess(host: Host, code: str, source: str) -> int:
    """One pairing attempt with `code` from `source`: the final status."""
    laptop = LaptopSide(code)
    with _from(host, source) as client:
        started = client.post("/api/cofac/pair/start", json={"message": laptop.message})
        if started.status_code != 200:
            return started.status_code
        body = started.json()
        try:
            proof = laptop.finish(body["message"], body["proof"], fingerprint(host.certificate))
        except Exception:
            proof = "faux"
        return client.post(
            "/api/cofac/pair",
            json={"exchange": body["exchange"], "proof": proof, "name": "Intrus",
                  "device_key": new_device_key()},
        ).status_code  # fmt: skip


def _wrong(host: Host) -> str:
    return f"{(int(host.code()) + 1) % 1_000_000:06d}"


# -- 1. TLS, and the code authenticates the host ------------------------------------------------
def test_a_fake_host_with_the_same_title_learns_nothing_and_pairing_fails(
    host: Host, impostor: Callable[..., Impostor]
) -> None:
    """The fake host answers like a host that does not know the code: the laptop refuses it
    with a clear message and sends it nothing but its first (password-blinded) message."""
    code = host.code()

    def fake(path: str, body: dict[str, Any]) -> Any:
        if path == "api/cofac/pair/start":
            return {"exchange": "x" * 32, "message": LaptopSide("000000").message,
                    "proof": "AAAA"}  # fmt: skip
        return {"token": "t" * 43}

    fake_host = impostor(fake)
    with pytest.raises(KnownError) as refused:
        pair(fake_host.url, code, "Camille", new_device_key())
    assert refused.value.code == "hote_non_authentifie" and refused.value.message == FAKE_HOST
    assert [path for path, _body, _auth in fake_host.seen] == ["api/cofac/pair/start"]
    (_path, sent, _auth), = fake_host.seen  # fmt: skip
    assert code not in sent and "Camille" not in sent  # no code, no name, no device key
    assert set(json.loads(sent)) == {"message"}


def test_a_relay_between_the_laptop_and_the_real_host_is_caught(
    host: Host, impostor: Callable[..., Impostor]
) -> None:
    """A man in the middle passes the laptop's messages to the real host and back: the host's
    proof is bound to the host's certificate, not the relay's, so the laptop stops."""

    def relay(path: str, body: dict[str, Any]) -> Any:
        with host.http() as client:
            return client.post(f"/{path}", json=body).json()

    middle = impostor(relay)
    with pytest.raises(KnownError) as refused:
        pair(middle.url, host.code(), "Camille", new_device_key())
    assert refused.value.code == "hote_non_authentifie"
    assert [path for path, _b, _a in middle.seen] == ["api/cofac/pair/start"]
    assert cofac.cofacilitators(host.ctx, host.workshop_id) == []


def test_after_pairing_the_laptop_refuses_any_other_certificate(
    host: Host, impostor: Callable[..., Impostor], tmp_path: Path
) -> None:
    paired = pair(host.url, host.code(), "Camille", new_device_key())
    cofac.approve(host.ctx, host.workshop_id, paired.laptop_id)
    folder = tmp_path / "replicas"
    pin_certificate(folder, paired.url, paired.certificate)
    assert pinned_certificate(folder, paired.url) == host.certificate
    assert (folder / "hotes").iterdir().__next__().stat().st_mode & 0o077 == 0
    # someone else answers at an address the laptop was told: its certificate is refused
    # before any request (and so the laptop's token) is sent
    stolen = impostor(lambda path, body: {"entries": [], "more": False, "last_seq": 0})
    moved = Pairing(**{**{f: getattr(paired, f) for f in Pairing.__dataclass_fields__},
                       "url": stolen.url})  # fmt: skip
    db = Database.open(tmp_path / "replica.sqlite3")
    client = CoFacClient(db, moved, timeout=5.0)
    try:
        with pytest.raises(CertificateChanged) as refused:
            client.sync()
        assert "son certificat a changé" in refused.value.message
        assert refused.value.code == "certificat_different"
        client.submit("board.add_note", {"text": "Secret"})
        with pytest.raises(CertificateChanged):
            client.flush()
    finally:
        client.stop()
        db.close()
    assert stolen.seen == []  # not even the token
    # the real host, pinned, still answers
    real = CoFacClient(Database.open(tmp_path / "real.sqlite3"), paired, timeout=5.0)
    try:
        assert real.sync() > 0
    finally:
        real.stop()
        real.db.close()


def test_the_host_certificate_is_kept_private_and_reused(tmp_path: Path) -> None:
    first = host_certificate(tmp_path)
    assert first.key_path.stat().st_mode & 0o777 == 0o600
    assert first.cert_path.stat().st_mode & 0o777 == 0o600
    again = host_certificate(tmp_path)
    assert again.fingerprint == first.fingerprint  # laptops paired yesterday still know it
    first.key_path.write_text("abîmé", encoding="utf-8")
    fresh = host_certificate(tmp_path)  # a broken pair is replaced (laptops pair again)
    assert fresh.fingerprint != first.fingerprint
    assert fresh.key_path.stat().st_mode & 0o777 == 0o600


def test_the_phones_plain_port_serves_no_co_facilitation(host: Host) -> None:
    """A listener on the plain HTTP port sees phones only: pairing, the replica and the
    journal are not there, and the laptops' port speaks nothing but TLS."""
    with httpx.Client(base_url=host.phone_url, timeout=10, trust_env=False) as plain:
        for path in ("/api/cofac/pair/start", "/api/cofac/pair"):
            assert plain.post(path, json={}).status_code == 404
        for path in ("/api/cofac/snapshot", "/api/cofac/journal", "/api/cofac/me"):
            assert plain.get(path).status_code == 404
        assert "/api/cofac" not in plain.get("/openapi.json").text
    plain_to_tls = host.url.replace("https://", "http://")
    with (
        httpx.Client(base_url=plain_to_tls, timeout=10, trust_env=False) as client,
        pytest.raises(httpx.HTTPError),
    ):
        client.get("/api/cofac/me")
    with pytest.raises((ssl.SSLError, httpx.ConnectError)):  # the default trust refuses it
        httpx.get(f"{host.url}api/cofac/me", timeout=10, trust_env=False)


# -- 2. lockouts an outsider cannot turn against the real laptop ---------------------------------
def test_a_strangers_wrong_codes_do_not_lock_out_the_real_laptop(host: Host) -> None:
    now = [1000.0]
    host.cofac.clock = lambda: now[0]
    wrong = _wrong(host)
    statuses = [_guess(host, wrong, "127.0.0.2") for _ in range(8)]
    assert statuses == [403] * 5 + [429] * 3  # the stranger's address is locked…
    assert host.cofac.locked("127.0.0.2") and not host.cofac.locked("127.0.0.1")
    paired = pair(host.url, host.code(), "Camille", new_device_key())  # …the laptop is not
    assert paired.laptop_id > 0
    assert _guess(host, host.code(), "127.0.0.2") == 429  # even the right code, from there
    now[0] += cofac_server.LOCK_SECONDS + 1
    assert _guess(host, wrong, "127.0.0.2") == 403


def test_a_ceiling_for_all_addresses_then_the_leads_new_code_pairs(host: Host) -> None:
    """Guessing from many addresses stops at the ceiling (even the right code is refused:
    the guesser cannot tell when it found it); the lead's new code starts afresh."""
    wrong = _wrong(host)
    ceiling = cofac_server.GLOBAL_CEILING
    sources = [f"127.0.1.{n}" for n in range(1, ceiling // 4 + 2)]
    statuses = [_guess(host, wrong, sources[n // 4]) for n in range(ceiling)]
    assert statuses == [403] * ceiling and host.cofac.suspended
    with pytest.raises(KnownError) as refused:
        pair(host.url, host.code(), "Camille", new_device_key())
    assert refused.value.code == "appairage_suspendu"
    assert "nouveau code" in refused.value.message
    old = host.code()
    assert host.cofac.new_code() != old  # the lead shows a new code
    assert not host.cofac.suspended
    paired = pair(host.url, host.code(), "Camille", new_device_key())
    assert paired.laptop_id > 0


def test_the_host_proof_counts_as_a_guess_even_without_the_second_step(host: Host) -> None:
    """An attacker who only asks for the host's answer (to check a guess of the code against
    it) uses up an attempt each time."""
    with _from(host, "127.0.0.3") as client:
        statuses = [
            client.post(
                "/api/cofac/pair/start", json={"message": LaptopSide("123456").message}
            ).status_code
            for _ in range(cofac_server.WRONG_CODES + 1)
        ]
    assert statuses == [200] * cofac_server.WRONG_CODES + [429]


# -- 3. least privilege ---------------------------------------------------------------------------
def test_a_new_laptop_gets_no_data_until_the_lead_approves_it(host: Host, tmp_path: Path) -> None:
    paired = pair(host.url, host.code(), "Camille", new_device_key())
    assert not paired.approved
    with host.http(paired.token) as client:
        for path in ("/api/cofac/snapshot", "/api/cofac/journal"):
            refused = client.get(path)
            assert refused.status_code == 403 and refused.json()["code"] == "en_attente"
            assert "pas encore accepté" in refused.json()["message"]
        op = {"op": "board.add_note", "args": {"text": "x"}, "key": "waiting-op-01"}
        assert client.post("/api/cofac/op", json=op).status_code == 403
        assert client.get("/api/cofac/me").json()["approved"] is False
    db = Database.open(tmp_path / "replica.sqlite3")
    client = CoFacClient(db, paired, timeout=5.0).start()
    try:
        assert client.wait(lambda: client.online and client.waiting)
        assert client.status_text == "En attente de l'accord de l'animatrice"
        assert client.seq() == 0
        cofac.approve(host.ctx, host.workshop_id, paired.laptop_id)
        assert client.wait(lambda: client.seq() > 0 and not client.waiting)
        assert client.status_text == "En ligne"
    finally:
        client.stop()
        db.close()


def test_a_laptop_token_expires(host: Host, make_laptop: Callable[..., CoFacClient]) -> None:
    laptop = make_laptop(host, role="coanimateur", start=False)
    row = host.ctx.db.read(lambda s: s.scalars(select(CoFacilitator)).one())
    assert row.token_expires == pytest.approx(host.ctx.clock() + cofac.TOKEN_HOURS * 3600)
    with host.http(laptop.pairing.token) as client:
        assert client.get("/api/cofac/snapshot").status_code == 200
    later = row.token_expires + 1
    host.ctx.clock = lambda: later  # the next day
    with host.http(laptop.pairing.token) as client:
        refused = client.get("/api/cofac/snapshot")
    assert refused.status_code == 401 and refused.json()["code"] == "jeton_invalide"


def test_an_old_token_no_longer_downloads_the_replica_after_the_seance(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    from app.ops import live

    laptop = make_laptop(host, role="coanimateur", start=False)
    now = [1000.0]
    host.cofac.clock = lambda: now[0]
    with host.http(laptop.pairing.token) as client:
        assert client.get("/api/cofac/journal").status_code == 200  # during the séance
    live.end_session(host.ctx, host.workshop_id)
    with host.http(laptop.pairing.token) as client:
        # the laptops connected then catch up with the end for a moment…
        assert client.get("/api/cofac/journal").status_code == 200
        now[0] += cofac_server.END_GRACE
        for path in ("/api/cofac/snapshot", "/api/cofac/journal"):  # …and no more after
            refused = client.get(path)
            assert refused.status_code == 401, path
            assert refused.json()["message"] == (
                "La séance est terminée : cet ordinateur n'y a plus accès."
            )
    # a server started after the séance ended serves no old token at all
    host.stop()
    host.restart()
    with host.http(laptop.pairing.token) as client:
        assert client.get("/api/cofac/journal").status_code == 401

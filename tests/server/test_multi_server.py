"""Two `atelier serve` processes on one PostgreSQL base, for one workshop (issue 19).

Each process hears the other's changes through LISTEN/NOTIFY (app/store/notify.py): a post-it
through A reaches B's co-facilitator socket, a phase change through A reaches B's phone
socket, ending the séance on A closes B's door, and phones of both place their post-its on
distinct spots of the one board.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from multi_helpers import Served, new_workshop, serve
from sqlalchemy import select
from websockets.sync.client import ClientConnection, connect

from app.cofac_client import new_device_key, pair
from app.ops import cofac, live
from app.ops.base import Context
from app.store.db import Database
from app.store.models import Note
from app.system.certificate import pinned_context

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def two_servers(pg_store: str, tmp_path: Path) -> Iterator[tuple[int, Served, Served]]:
    wid = new_workshop(pg_store, home=tmp_path)
    a = serve(pg_store, wid, home=tmp_path)
    try:
        b = serve(pg_store, wid, home=tmp_path)
    except BaseException:
        a.stop()
        raise
    try:
        yield wid, a, b
    finally:
        errors = [server.stop() for server in (a, b)]
        for code, err in errors:
            assert code == 0 and "Traceback" not in err, err


def check_in(server: Served, name: str, key: str) -> str:
    answer = httpx.post(
        f"{server.url}api/join",
        json={"code": server.join_code, "name": name, "category": "public", "key": key},
        timeout=20,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["token"])


def post_note(server: Served, token: str, text: str, key: str) -> httpx.Response:
    return httpx.post(
        f"{server.url}api/notes",
        json={"text": text, "key": key},
        headers={"Authorization": f"Bearer {token}"},
        timeout=20,
    )


def receive_until(ws: ClientConnection, wanted: str, timeout: float = 10.0) -> dict[str, object]:
    """The first message whose topics hold `wanted` (a deadline, no sleep)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no message about {wanted}"
        message = json.loads(ws.recv(timeout=left))
        if wanted in message.get("topics", []):
            return dict(message)


def test_a_post_it_through_a_is_heard_on_b_and_a_phase_change_reaches_b_phones(
    two_servers: tuple[int, Served, Served], pg_store: str
) -> None:
    wid, a, b = two_servers
    assert a.join_code == b.join_code  # the join code is the workshop's, in the base
    phone_a = check_in(a, "Awa", "phone-a-0001")
    phone_b = check_in(b, "Bruno", "phone-b-0001")
    laptop = pair(b.cofac, b.pairing_code, "Camille", new_device_key())  # over TLS
    window = Context(Database.open(pg_store))  # the lead accepts it, from her window
    try:
        cofac.approve(window, wid, laptop.laptop_id)
    finally:
        window.db.close()
    pinned = pinned_context(laptop.certificate)
    with (
        # a loaded CI machine runs two servers and the suite on 2 cores: handshakes may wait
        connect(f"{b.ws}ws?token={phone_b}&since=0", proxy=None, open_timeout=30) as phone_socket,
        connect(
            f"wss://{b.cofac}/api/cofac/ws?since=0",
            additional_headers={"Authorization": f"Bearer {laptop.token}"},
            proxy=None,
            ssl=pinned,
            open_timeout=30,
        ) as laptop_socket,
    ):
        assert json.loads(phone_socket.recv(timeout=10))["type"] == "hello"
        assert json.loads(laptop_socket.recv(timeout=10))["type"] == "hello"
        posted = post_note(a, phone_a, "Un post-it écrit dans la salle A", "note-a-00001")
        assert posted.status_code == 201, posted.text
        heard = receive_until(laptop_socket, "board")
        assert isinstance(heard["seq"], int) and heard["seq"] > 0
        # B's co-facilitator reads it from B
        journal = httpx.get(
            f"https://{b.cofac}/api/cofac/journal",
            params={"since": 0},
            headers={"Authorization": f"Bearer {laptop.token}"},
            timeout=20,
            verify=pinned,
        )
        assert "Un post-it écrit dans la salle A" in journal.text
        # a phase change driven through A reaches the phones of B
        moved = httpx.post(
            f"{a.url}api/facilitator/timer",
            json={"action": "next"},
            headers={"Authorization": f"Bearer {a.token}"},
            timeout=20,
        )
        assert moved.status_code == 200, moved.text
        told = receive_until(phone_socket, "timer")
        assert told["seq"] == moved.json()["seq"]
        state_b = httpx.get(f"{b.url}api/state", timeout=20).json()
        state_a = httpx.get(f"{a.url}api/state", timeout=20).json()
        assert state_b["phase"] == state_a["phase"]


def test_ending_on_a_closes_b(two_servers: tuple[int, Served, Served]) -> None:
    _wid, a, b = two_servers
    phone_b = check_in(b, "Bruno", "phone-b-0002")
    assert post_note(b, phone_b, "Avant la fin", "note-b-00001").status_code == 201
    # B has the séance open in its door's memory now
    assert httpx.get(f"{b.url}api/state", timeout=20).status_code == 200
    ended = httpx.post(
        f"{a.url}api/facilitator/timer",
        json={"action": "end"},
        headers={"Authorization": f"Bearer {a.token}"},
        timeout=20,
    )
    assert ended.status_code == 200, ended.text
    refused = post_note(b, phone_b, "Après la fin", "note-b-00002")
    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "seance_fermee" and refused.json()["seance"] == "ended"
    late = httpx.post(
        f"{b.url}api/join",
        json={"code": b.join_code, "name": "Tardif", "category": "public", "key": "late-0001"},
        timeout=20,
    )
    assert late.status_code == 409 and late.json()["code"] == "seance_fermee", late.text
    assert httpx.get(f"{b.url}api/state", timeout=20).status_code == 409


def test_phones_of_both_servers_place_post_its_on_distinct_spots(
    two_servers: tuple[int, Served, Served], pg_store: str
) -> None:
    wid, a, b = two_servers
    phones = [(server, check_in(server, f"P{i}", f"phone-{i:04d}-xx"))
              for i, server in enumerate([a, b] * 4)]  # fmt: skip
    answers: list[int] = []
    lock = threading.Lock()

    def write(index: int, server: Served, token: str) -> None:
        for n in range(6):
            status = post_note(
                server, token, f"Idée {index}.{n}", f"k-{index:03d}-{n:04d}"
            ).status_code
            with lock:
                answers.append(status)

    threads = [threading.Thread(target=write, args=(i, s, t)) for i, (s, t) in enumerate(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert answers == [201] * 48
    db = Database.open(pg_store)
    try:
        board = db.read(
            lambda s: s.execute(select(Note.x, Note.y).where(Note.workshop_id == wid)).all()
        )
    finally:
        db.close()
    assert len(board) == 48
    spots = {(round(x, 3), round(y, 3)) for x, y in board}
    assert len(spots) == 48, "two post-its share a spot"


def test_the_pairing_code_is_the_base_s(two_servers: tuple[int, Served, Served]) -> None:
    """One code for the séance, whichever server shows it; a laptop pairs on B with the code A
    shows (the wrong-code lockouts are each server's: tests/cofac/test_security.py)."""
    wid, a, b = two_servers
    assert a.pairing_code == b.pairing_code
    laptop = pair(b.cofac, a.pairing_code, "Camille", new_device_key())  # A's code, on B
    assert laptop.role == "observateur" and laptop.workshop_id == wid


def test_a_join_code_renewed_elsewhere_is_the_one_every_server_asks_for(
    two_servers: tuple[int, Served, Served], pg_store: str
) -> None:
    wid, a, b = two_servers
    assert httpx.post(f"{b.url}api/code", json={"code": b.join_code}, timeout=20).status_code == 200
    window = Context(Database.open(pg_store))  # the facilitator's window, on the same base
    try:
        live.renew_join_code(window, wid)
        renewed = live.join_code(window, wid)
    finally:
        window.db.close()
    assert renewed != b.join_code
    # each server hears of it (NOTIFY) within moments: polled, with a deadline
    for server in (a, b):
        deadline = time.monotonic() + 10
        while True:
            old = httpx.post(f"{server.url}api/code", json={"code": b.join_code}, timeout=20)
            if old.status_code == 403:
                break
            assert old.status_code == 200 and time.monotonic() < deadline, old.text
        assert old.json()["code"] == "code_invalide"
        new = httpx.post(f"{server.url}api/code", json={"code": renewed}, timeout=20)
        assert new.status_code == 200, new.text

"""An attacker on the venue's Wi-Fi, against a real server: guessing the join code (from one
address, then from many), and stuffing the ballot box by checking one device in many times.

Each attacker address is a real source address: Linux answers all of 127.0.0.0/8 on the
loopback interface, so a client bound to 127.0.0.2, 127.0.1.7… is another address to the
server. The laptop itself (127.0.0.1) is not limited in its check-ins (rehearsals, tests);
attackers never come from it. The lockout's clock is the test's own: time passes without
waiting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.join_code import ALPHABET, LENGTH
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server import limits
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Participant

TEAM = "E" * 43


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Room:
    ctx: Context
    wid: int
    url: str
    code: str
    clock: Clock
    stack: ExitStack

    def client(self, address: str = "127.0.0.1") -> httpx.Client:
        transport = httpx.HTTPTransport(local_address=address)
        return self.stack.enter_context(
            httpx.Client(base_url=self.url, timeout=10, transport=transport)
        )

    def wrong(self) -> str:
        return "".join(ALPHABET[(ALPHABET.index(c) + 1) % len(ALPHABET)] for c in self.code)

    def participants(self) -> int:
        return int(self.ctx.db.read(lambda s: s.scalar(select(func.count(Participant.id)))))


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Callable[..., Room]]:
    with ExitStack() as stack:

        def start(shared_address: bool = False) -> Room:
            db = Database.open(tmp_path / "salle.sqlite3")
            stack.callback(db.close)
            ctx = Context(db)
            wid = create_workshop(ctx, format_key="3h", title="Salle ouverte").workshop_id
            assert wid is not None
            live.start_session(ctx, wid)
            api = create_app(ctx, wid, facilitator_token=TEAM, shared_address=shared_address)
            clock = Clock()
            api.state.access.lockout.clock = clock
            api.state.access.check_ins.clock = clock
            server = ServerThread(api, "127.0.0.1", 0).start()
            stack.callback(server.stop)
            return Room(ctx, wid, server.url, live.door(ctx, wid)[1], clock, stack)

        yield start


def _join(client: httpx.Client, code: str, n: int, device: str = "") -> httpx.Response:
    body = {"code": code, "name": f"P{n}", "category": "public", "key": f"cle-{n:06d}"}
    if device:
        body["device"] = device
    return client.post("/api/join", json=body)


def test_the_expected_time_to_guess_is_a_thousand_workshops() -> None:
    seconds = limits.guess_time()
    assert len(ALPHABET) ** LENGTH == 28**5
    assert seconds >= limits.GOAL_TIMES * limits.WORKSHOP_SECONDS
    # the most any number of addresses can try in a 3-day workshop finds the code rarely
    tries = limits.WRONG_PER_ROOM * limits.WORKSHOP_SECONDS / limits.ROOM_WINDOW
    assert tries / len(ALPHABET) ** LENGTH < 1 / 2000


def test_guessing_from_one_address_locks_it_right_code_included(room) -> None:
    r = room()
    attacker = r.client("127.0.0.2")
    answers = [
        attacker.post("/api/code", json={"code": f"{n:05d}"}) for n in range(20)
    ]  # as fast as the script goes
    statuses = [a.status_code for a in answers]
    assert statuses[: limits.WRONG_PER_ADDRESS] == [403] * limits.WRONG_PER_ADDRESS
    assert set(statuses[limits.WRONG_PER_ADDRESS :]) == {429}
    locked = answers[-1].json()
    assert locked["code"] == "code_bloque" and "réessayez dans 2 min" in locked["message"]
    # the right code is refused too: the limit stops the guessing, not only the wrong guesses
    right = attacker.post("/api/code", json={"code": r.code})
    assert right.status_code == 429 and right.json()["code"] == "code_bloque"
    assert _join(attacker, r.code, 1).status_code == 429
    assert r.participants() == 0
    # the rest of the room is not concerned
    neighbour = r.client("127.0.0.3")
    assert _join(neighbour, r.code, 2, device="voisin-0001").status_code == 201
    # a participant who mistyped is not locked for long
    r.clock.now += limits.ADDRESS_WINDOW
    assert _join(attacker, r.code, 3, device="etourdi-0001").status_code == 201


def test_a_botnet_of_addresses_trips_the_room_ceiling_until_lifted(room) -> None:
    r = room()
    inside = r.client("127.0.0.9")
    joined = _join(inside, r.code, 0, device="deja-la-0001")
    assert joined.status_code == 201
    token = {"Authorization": f"Bearer {joined.json()['token']}"}
    team = {"Authorization": f"Bearer {TEAM}"}
    tried = 0
    for n in range(40):  # 40 addresses, each under its own limit
        bot = r.client(f"127.0.1.{n + 1}")
        for _ in range(limits.WRONG_PER_ADDRESS - 1):
            answer = bot.post("/api/code", json={"code": r.wrong()})
            if answer.status_code == 429:
                assert answer.json()["code"] == "entree_bloquee"
                break
            assert answer.status_code == 403
            tried += 1
    assert tried == limits.WRONG_PER_ROOM  # not one try more, whatever the addresses
    fresh = r.client("127.0.2.1")
    refused = _join(fresh, r.code, 1, device="nouvelle-0001")
    assert refused.status_code == 429 and refused.json()["code"] == "entree_bloquee"
    assert "équipe d'animation" in refused.json()["message"]
    # the phones already in carry on
    note = inside.post("/api/notes", json={"text": "Toujours là", "key": "note-000001"},
                       headers=token)  # fmt: skip
    assert note.status_code == 201
    # the team sees it and lifts it
    assert inside.get("/api/facilitator/lockout", headers=token).status_code == 403
    seen = fresh.get("/api/facilitator/lockout", headers=team).json()
    assert seen["room_locked"] is True and seen["wrong_this_hour"] == limits.WRONG_PER_ROOM
    assert 0 < seen["room_seconds_left"] <= limits.ROOM_WINDOW
    lifted = fresh.post("/api/facilitator/lockout/lift", headers=team).json()
    assert lifted["room_locked"] is False and lifted["addresses"] == []
    assert _join(fresh, r.code, 1, device="nouvelle-0001").status_code == 201
    # without the team, it lifts itself once the hour has slid by
    for n in range(limits.WRONG_PER_ROOM):
        assert r.client(f"127.0.3.{n + 1}").post("/api/code", json={"code": r.wrong()}
                                                 ).status_code == 403  # fmt: skip
    assert _join(r.client("127.0.2.2"), r.code, 2, device="tard-0001").status_code == 429
    r.clock.now += limits.ROOM_WINDOW
    assert _join(r.client("127.0.2.2"), r.code, 2, device="tard-0001").status_code == 201


def test_the_state_is_no_oracle_for_guessing(room) -> None:
    r = room()
    attacker = r.client("127.0.0.4")
    statuses = [
        attacker.get("/api/state", headers={"X-Atelier-Code": f"{n:05d}"}).status_code
        for n in range(limits.WRONG_PER_ADDRESS + 1)
    ]
    assert statuses == [403] * limits.WRONG_PER_ADDRESS + [429]
    assert attacker.get("/api/state", headers={"X-Atelier-Code": r.code}).status_code == 429


async def _stuff(
    url: str, address: str, code: str, devices: list[str], tag: str = "a"
) -> list[int]:
    transport = httpx.AsyncHTTPTransport(local_address=address)
    async with httpx.AsyncClient(base_url=url, timeout=10, transport=transport) as client:
        answers = await asyncio.gather(*(
            client.post("/api/join", json={"code": code, "name": f"Bourreur {n}",
                                           "category": "public", "key": f"bourre-{tag}-{n:06d}",
                                           "device": device})
            for n, device in enumerate(devices)
        ))  # fmt: skip
    return [a.status_code for a in answers]


def test_one_device_checking_in_30_times_is_refused_beyond_the_limit(room) -> None:
    r = room()
    statuses = asyncio.run(_stuff(r.url, "127.0.0.5", r.code, ["meme-appareil"] * 30))
    assert statuses.count(201) == limits.CHECK_INS_PER_DEVICE
    assert statuses.count(429) == 30 - limits.CHECK_INS_PER_DEVICE
    assert r.participants() == limits.CHECK_INS_PER_DEVICE
    # a new device id each time (the script forges them): the address's limit
    forged = [f"faux-{n}" for n in range(30)]
    statuses = asyncio.run(_stuff(r.url, "127.0.0.6", r.code, forged, tag="b"))
    assert statuses.count(201) == limits.CHECK_INS_PER_ADDRESS
    assert r.participants() == limits.CHECK_INS_PER_DEVICE + limits.CHECK_INS_PER_ADDRESS
    refused = _join(r.client("127.0.0.6"), r.code, 99, device="encore-une")
    assert refused.json()["code"] == "trop_d_inscriptions"
    assert "Salle derrière une seule adresse" in refused.json()["message"]


def test_a_retried_check_in_counts_once(room) -> None:
    r = room()
    phone = r.client("127.0.0.7")
    for _ in range(10):  # the same check-in sent again (a flaky Wi-Fi): one person
        assert _join(phone, r.code, 1, device="fidele-0001").status_code == 201
    assert r.participants() == 1
    for n in range(2, limits.CHECK_INS_PER_DEVICE + 1):
        assert _join(phone, r.code, n, device="fidele-0001").status_code == 201
    assert _join(phone, r.code, 50, device="fidele-0001").status_code == 429


def test_the_shared_address_switch_lets_100_phones_behind_one_nat_in(room) -> None:
    r = room(shared_address=True)
    statuses = asyncio.run(_stuff(r.url, "127.0.0.8", r.code, [f"tel-{n:03d}" for n in range(100)]))
    assert statuses == [201] * 100
    assert r.participants() == 100
    # one device still cannot stuff
    again = asyncio.run(_stuff(r.url, "127.0.0.8", r.code, ["tel-000"] * 10, tag="b"))
    assert again.count(201) == limits.CHECK_INS_PER_DEVICE - 1  # it had checked in once

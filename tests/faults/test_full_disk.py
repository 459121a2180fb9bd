"""A full disk during a séance: SQLite's "database or disk is full", forced with
`PRAGMA max_page_count` on every connection of the store (the file may not grow by one page).

The facilitator gets a French `DatabaseError` (code `disque_plein`), a phone a JSON 507 with
the same code; reads go on (the séance runs read-only), nothing acknowledged is lost, and once
space is back the same keys are written once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from app.errors import DatabaseError
from app.ops import live, notes
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import DISK_FULL, Database

BOSS = "b" * 40


@dataclass
class Room:
    ctx: Context
    db: Database
    wid: int
    client: httpx.Client
    phones: list[dict[str, str]]
    round_id: int
    items: list[str]

    def fill_disk(self) -> None:
        """From now on the file cannot grow: every connection gets max_page_count = its size."""
        event.listen(self.db.engine, "connect", _no_more_pages)
        self.db.engine.dispose()  # the pooled connections go; new ones get the limit

    def free_disk(self) -> None:
        event.remove(self.db.engine, "connect", _no_more_pages)
        self.db.engine.dispose()


def _no_more_pages(dbapi_con: Any, _record: Any) -> None:
    pages = dbapi_con.execute("PRAGMA page_count").fetchone()[0]
    dbapi_con.execute(f"PRAGMA max_page_count = {pages}")


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    db = Database.open(tmp_path / "full.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Disque plein").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    server = ServerThread(create_app(ctx, wid, facilitator_token=BOSS), "127.0.0.1", 0).start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            phones = []
            for n in range(3):
                joined = client.post(
                    "/api/join",
                    json={"code": code, "name": f"P{n}", "category": "usager",
                          "key": f"join-{n:05d}"},
                )  # fmt: skip
                assert joined.status_code == 201, joined.text
                phones.append({"Authorization": f"Bearer {joined.json()['token']}"})
            items = []
            for n in range(3):
                posted = client.post(
                    "/api/notes", json={"text": f"Idée {n}", "key": f"note-{n:05d}"},
                    headers=phones[0],
                )  # fmt: skip
                assert posted.status_code == 201, posted.text
                items.append(f"note:{posted.json()['id']}")
            opened = client.post(
                "/api/facilitator/votes", json={"kind": "dots", "items": items},
                headers={"Authorization": f"Bearer {BOSS}"},
            )  # fmt: skip
            assert opened.status_code == 200, opened.text
            rid = opened.json()["round_id"]
            voted = client.post(
                f"/api/votes/{rid}/ballot",
                json={"key": "ballot-00001", "choices": {items[0]: 2}},
                headers=phones[1],
            )
            assert voted.status_code == 200, voted.text
            yield Room(ctx, db, wid, client, phones, rid, items)
    finally:
        server.stop()
        db.close()


def _full(answer: httpx.Response) -> str:
    assert answer.status_code == 507, answer.text
    body = answer.json()
    assert body["code"] == DISK_FULL
    return str(body["message"])


def _until_full(send: Callable[[int], httpx.Response], tries: int = 400) -> tuple[int, str]:
    """Sends `send(n)` for n = 0, 1… until the disk is full (the pages left in the file are
    used up by then): the n refused and the message. Anything but 2xx or 507 fails."""
    for n in range(tries):
        answer = send(n)
        if answer.status_code == 507:
            return n, _full(answer)
        assert answer.status_code in (200, 201), answer.text
    raise AssertionError(f"{tries} writes and the disk is still not full")


def test_a_full_disk_refuses_writes_clearly_and_keeps_the_seance_readable(room: Room) -> None:
    c, phone = room.client, room.phones
    boss = {"Authorization": f"Bearer {BOSS}"}
    before = c.get("/api/notes/mine", headers=phone[0]).json()
    room.fill_disk()
    # phones: a JSON refusal with a code and a French message meant for them
    lost_note, message = _until_full(
        lambda n: c.post("/api/notes", json={"text": f"Idée {n:04d} " + "é" * 100,
                                             "key": f"full-note-{n:04d}"}, headers=phone[n % 3])
    )  # fmt: skip
    assert "n'a pas été enregistré" in message and "équipe d'animation" in message
    lost_ballot, _ = _until_full(
        lambda n: c.post(f"/api/votes/{room.round_id}/ballot",
                         json={"key": f"full-vote-{n:04d}", "choices": {room.items[n % 2 + 1]: 1}},
                         headers=phone[1 + n % 2])
    )  # fmt: skip
    code = live.door(room.ctx, room.wid)[1]
    _until_full(
        lambda n: c.post("/api/join", json={"code": code, "name": f"Tard {n:04d}",
                                            "category": "usager", "key": f"full-join-{n:04d}"})
    )  # fmt: skip
    # the facilitation team: its own message, over HTTP and in the window (a KnownError)
    _, team = _until_full(
        lambda n: c.post("/api/facilitator/timer", json={"action": ("pause", "start")[n % 2]},
                         headers=boss)
    )  # fmt: skip
    assert "Le disque est plein" in team and "lecture seule" in team
    with pytest.raises(DatabaseError) as raised:
        for n in range(400):
            notes.post_note(room.ctx, room.wid, 1, text=f"Clavier {n:04d} " + "é" * 100,
                            key=f"full-kbd-{n:04d}")  # fmt: skip
    assert raised.value.code == DISK_FULL and "libérez de la place" in raised.value.message
    # read-only, the séance goes on: phones see the state, their post-its, the vote
    assert c.get("/api/state").status_code == 200
    assert c.get("/api/notes/mine", headers=phone[0]).json()[: len(before)] == before
    assert c.get("/api/votes/current", headers=phone[1]).status_code == 200
    assert v.live_counts(room.ctx, room.round_id) == v.recount(room.ctx, room.round_id)
    # space is back: the phones' refused writes, sent again with their keys, are written once
    room.free_disk()
    n = lost_note
    for _ in range(2):
        again = c.post("/api/notes", json={"text": f"Idée {n:04d} " + "é" * 100,
                                           "key": f"full-note-{n:04d}"}, headers=phone[n % 3])  # fmt: skip
        assert again.status_code == 201, again.text
    mine = [x["text"] for x in c.get("/api/notes/mine", headers=phone[n % 3]).json()]
    assert mine.count(f"Idée {n:04d} " + "é" * 100) == 1
    n = lost_ballot
    for _ in range(2):
        voted = c.post(f"/api/votes/{room.round_id}/ballot",
                       json={"key": f"full-vote-{n:04d}", "choices": {room.items[n % 2 + 1]: 1}},
                       headers=phone[1 + n % 2])  # fmt: skip
        assert voted.status_code == 200, voted.text
    current = c.get("/api/votes/current", headers=phone[1 + n % 2]).json()
    assert current["choices"] == {room.items[n % 2 + 1]: 1}
    assert v.live_counts(room.ctx, room.round_id) == v.recount(room.ctx, room.round_id)


def test_nothing_acknowledged_is_lost_when_the_disk_fills_up_under_writes(room: Room) -> None:
    """Post-its until the disk is full: every acknowledged one is in the file, and the file is
    sound (integrity_check), read by another connection as a restarted app would."""
    c, phone = room.client, room.phones
    room.fill_disk()
    acknowledged: list[int] = []
    answer = None
    for n in range(500):  # a few pages' worth of post-its, then the disk is full
        answer = c.post("/api/notes", json={"text": f"{n:03d} " + "é" * 200,
                                            "key": f"fill-{n:05d}"}, headers=phone[n % 3])  # fmt: skip
        if answer.status_code != 201:
            break
        acknowledged.append(answer.json()["id"])
    assert answer is not None
    _full(answer)
    assert acknowledged, "the limit left no room at all: the test proves nothing"
    assert room.db.path is not None
    con = sqlite3.connect(f"file:{room.db.path}?mode=ro", uri=True)
    try:
        stored = {row[0] for row in con.execute("SELECT id FROM notes")}
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert set(acknowledged) <= stored

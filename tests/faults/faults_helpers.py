"""`atelier serve` as a real subprocess, and simulated phones that outlive it.

`Served` starts the server of one workshop on a database file (as a lab would: `atelier
serve`), reads what it prints (address, facilitator token, join code) and kills it with
SIGKILL. `Room` runs phones with asyncio: each checks in, posts post-its and casts ballots,
each write with its own idempotency key; a write whose answer never came (the server died)
is sent again, with the same key, once the server is back. What every phone sent and saw
acknowledged is kept for the checks against the database afterwards.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0  # seconds for `atelier serve` to print its address (2 loaded cores)


def new_workshop(db_path: Path, title: str = "Atelier sous tension") -> int:
    """`atelier new` on the file: the workshop's id."""
    import subprocess

    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "new", "--format", "3h",
         "--title", title],
        capture_output=True, text=True, env=_env(), check=True, timeout=120,
    )  # fmt: skip
    return int(made.stdout.strip().splitlines()[-1])


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")


@dataclass
class Served:
    """One `atelier serve` process; its stderr (the log, `-v`) is appended to `log`."""

    db_path: Path
    workshop_id: int
    log: Path
    proc: asyncio.subprocess.Process | None = None
    url: str = ""
    token: str = ""
    code: str = ""
    printed: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # the facilitator token of every life

    async def start(self) -> None:
        with self.log.open("ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "app", "-v", "--db", str(self.db_path), "serve",
                "--workshop", str(self.workshop_id), "--port", "0",
                stdout=asyncio.subprocess.PIPE, stderr=err, env=_env(),
            )  # fmt: skip
        assert self.proc.stdout is not None
        self.printed = []
        while not any(line.startswith("Code de la séance") for line in self.printed):
            raw = await asyncio.wait_for(self.proc.stdout.readline(), START_TIMEOUT)
            if not raw:
                raise AssertionError(f"atelier serve stopped: {self.printed} (log: {self.log})")
            self.printed.append(raw.decode().strip())
        fields = {k.strip(): v.strip() for k, _, v in (p.partition(" : ") for p in self.printed)}
        self.url = fields["Participants"].removesuffix("web/")
        self.token = fields["Jeton d'animation"]
        self.tokens.append(self.token)
        self.code = fields["Code de la séance"].split()[0]

    async def kill(self) -> None:
        """SIGKILL: no handler runs, no buffer is flushed, like a pulled power cord."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        self.proc = None

    async def stop(self) -> None:
        """SIGTERM: `atelier serve` stops cleanly and prints « Serveur arrêté »."""
        if self.proc is None:
            return
        self.proc.terminate()
        await asyncio.wait_for(self.proc.wait(), 30)
        self.proc = None


@dataclass
class Write:
    kind: str  # "join", "note", "ballot"
    key: str
    body: dict[str, Any]


@dataclass
class Phone:
    index: int
    rng: random.Random
    token: str = ""
    participant_id: int = 0
    pending: Write | None = None  # sent, answer not seen: sent again, same key
    serial: int = 0
    notes_sent: dict[str, str] = field(default_factory=dict)  # key -> text
    notes_acked: dict[str, int] = field(default_factory=dict)  # key -> note id
    last_ballot: dict[str, int] | None = None  # the last ballot sent (acknowledged in the end)
    resent: int = 0  # writes sent again after a failure
    replayed: int = 0  # of those, answered from the first time (committed, answer lost)

    @property
    def name(self) -> str:
        return f"Téléphone {self.index:03d}"


class Room:
    """Phones, the server they talk to, and the bookkeeping of what was acknowledged."""

    def __init__(self, served: Served, phones: int, *, seed: int, writes_per_life: int = 8) -> None:
        self.served = served
        self.rng = random.Random(seed)
        self.phones = [Phone(i, random.Random(seed * 1000 + i)) for i in range(phones)]
        self.writes_per_life = writes_per_life  # under the server's 20 post-its a minute
        self.acks = 0
        self.acked_by_kind: Counter[str] = Counter()
        self.generation = 0
        self.up = asyncio.Event()
        self.changed = asyncio.Condition()
        self.final = False  # the last life: phones only send what is still pending
        self.round_id = 0
        self.items: list[str] = []
        self.failures: list[str] = []
        self._tasks: list[asyncio.Task[None]] = []
        self.client = httpx.AsyncClient(
            timeout=30, limits=httpx.Limits(max_connections=phones + 10)
        )

    # -- the server's lives -----------------------------------------------------------------
    async def start_server(self) -> None:
        await self.served.start()
        async with self.changed:
            self.generation += 1
            self.up.set()
            self.changed.notify_all()

    async def kill_server(self) -> None:
        self.up.clear()
        await self.served.kill()

    async def wait_acks(self, count: int, timeout: float = 60.0) -> None:
        async def reached() -> None:
            async with self.changed:
                await self.changed.wait_for(lambda: self.acks >= count or bool(self.failures))

        await asyncio.wait_for(reached(), timeout)

    # -- a seeded board and an open dot vote --------------------------------------------------
    async def prepare_vote(self, items: int = 5) -> None:
        base = self.served.url
        joined = await self.client.post(
            f"{base}api/join",
            json={"code": self.served.code, "name": "Graines", "category": "usager",
                  "key": "seed-join-0001"},
        )  # fmt: skip
        assert joined.status_code == 201, joined.text
        seed = {"Authorization": f"Bearer {joined.json()['token']}"}
        for n in range(items):
            posted = await self.client.post(
                f"{base}api/notes", json={"text": f"Idée {n}", "key": f"seed-note-{n:04d}"},
                headers=seed,
            )  # fmt: skip
            assert posted.status_code == 201, posted.text
            self.items.append(f"note:{posted.json()['id']}")
        opened = await self.client.post(
            f"{base}api/facilitator/votes",
            json={"kind": "dots", "items": self.items, "title": "Priorités",
                  "settings": {"dots": 3, "cap": 1}},
            headers={"Authorization": f"Bearer {self.served.token}"},
        )  # fmt: skip
        assert opened.status_code == 200, opened.text
        self.round_id = opened.json()["round_id"]

    # -- the phones ---------------------------------------------------------------------------
    def start_phones(self) -> None:
        self._tasks = [asyncio.create_task(self._run(p)) for p in self.phones]

    async def finish(self, timeout: float = 120.0) -> None:
        """The last life: every phone sends what it still has pending, then stops."""
        self.final = True
        async with self.changed:
            self.changed.notify_all()
        await asyncio.wait_for(asyncio.gather(*self._tasks), timeout)
        await self.client.aclose()

    async def _run(self, phone: Phone) -> None:
        while True:
            await self.up.wait()
            generation, sent = self.generation, 0
            try:
                while (
                    phone.pending is not None
                    or not phone.token
                    or (not self.final and sent < self.writes_per_life)
                ):
                    if phone.pending is None:
                        phone.pending = self._next_write(phone)
                    await self._send(phone, phone.pending)
                    phone.pending = None
                    sent += 1
            except httpx.TransportError:  # the server died under this write: it stays pending
                phone.resent += 1
            if self.final and phone.pending is None:
                return
            async with self.changed:  # wait for the next life (or the end)
                await self.changed.wait_for(
                    lambda g=generation: self.generation > g or (self.final and self.up.is_set())
                )

    def _next_write(self, phone: Phone) -> Write:
        phone.serial += 1
        key = f"phone{phone.index:03d}-{phone.serial:05d}"
        if not phone.token:
            return Write(
                "join",
                f"join-{phone.index:03d}",  # one key for the phone's check-in, whatever happens
                {"name": phone.name, "category": "public", "organisation": "Gironde"},
            )
        if self.round_id and phone.rng.random() < 0.4:
            chosen = phone.rng.sample(self.items, phone.rng.randint(1, 3))
            return Write("ballot", key, {"choices": {item: 1 for item in chosen}})
        text = f"Idée {phone.index:03d}-{phone.serial:05d} : plus de bancs à l'ombre"
        return Write("note", key, {"text": text})

    async def _send(self, phone: Phone, write: Write) -> None:
        base = self.served.url
        auth = {"Authorization": f"Bearer {phone.token}"}
        if write.kind == "join":
            answer = await self.client.post(
                f"{base}api/join", json={**write.body, "code": self.served.code, "key": write.key}
            )
        elif write.kind == "note":
            phone.notes_sent[write.key] = write.body["text"]
            answer = await self.client.post(
                f"{base}api/notes", json={**write.body, "key": write.key}, headers=auth
            )
        else:
            phone.last_ballot = write.body["choices"]
            answer = await self.client.post(
                f"{base}api/votes/{self.round_id}/ballot",
                json={**write.body, "key": write.key},
                headers=auth,
            )
        if answer.status_code not in (200, 201):
            self.failures.append(f"{phone.name} {write.kind}: {answer.status_code} {answer.text}")
            raise AssertionError(self.failures[-1])
        data = answer.json()
        if data.get("replayed"):
            phone.replayed += 1
        if write.kind == "join":
            if phone.token and data["token"] != phone.token:
                self.failures.append(f"{phone.name}: a second check-in gave another token")
            phone.token, phone.participant_id = data["token"], data["participant_id"]
        elif write.kind == "note":
            phone.notes_acked[write.key] = data["id"]
        async with self.changed:
            self.acks += 1
            self.acked_by_kind[write.kind] += 1
            self.changed.notify_all()


# -- what the database holds, read after the last life ----------------------------------------
def stored(db_path: Path, workshop_id: int) -> dict[str, Any]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        participants = con.execute(
            "SELECT name, id, token FROM participants WHERE workshop_id = ?", (workshop_id,)
        ).fetchall()
        notes = con.execute(
            "SELECT id, text, participant_id FROM notes WHERE workshop_id = ?", (workshop_id,)
        ).fetchall()
        votes = con.execute(
            "SELECT v.voter, v.item_type, v.item_id, v.value FROM votes v "
            "JOIN vote_rounds r ON r.id = v.round_id WHERE r.workshop_id = ?",
            (workshop_id,),
        ).fetchall()
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    return {"participants": participants, "notes": notes, "votes": votes, "integrity": check}


def check_room(room: Room, db_path: Path, workshop_id: int) -> dict[str, int]:
    """Every acknowledged write is stored exactly once; retried writes did not duplicate; the
    live tallies equal a recount of the stored votes. Returns the figures checked."""
    from app.ops import votes
    from app.ops.base import Context
    from app.store.db import Database

    assert not room.failures, room.failures
    held = stored(db_path, workshop_id)
    assert held["integrity"] == "ok"
    by_name = Counter(name for name, _id, _token in held["participants"])
    notes_by_text = Counter(text for _id, text, _pid in held["notes"])
    note_ids = {text: (nid, pid) for nid, text, pid in held["notes"]}
    expected_votes: Counter[tuple[str, int]] = Counter()
    for phone in room.phones:
        assert phone.pending is None, f"{phone.name} still has a write pending"
        assert by_name[phone.name] == 1, f"{phone.name} checked in {by_name[phone.name]} times"
        assert (phone.name, phone.participant_id, phone.token) in held["participants"]
        assert set(phone.notes_acked) == set(phone.notes_sent)  # every retry ended acknowledged
        for key, text in phone.notes_sent.items():
            assert notes_by_text[text] == 1, f"{key}: {notes_by_text[text]} post-its stored"
            assert note_ids[text] == (phone.notes_acked[key], phone.participant_id)
        mine = {
            f"{t}:{i}": v
            for voter, t, i, v in held["votes"]
            if voter == f"p:{phone.participant_id}"
        }
        assert mine == (phone.last_ballot or {}), f"{phone.name}: stored {mine}"
        for item, value in mine.items():
            expected_votes[(item, value)] += 1
    phones_notes = sum(len(p.notes_sent) for p in room.phones)
    assert len(held["notes"]) == len(room.items) + phones_notes  # nothing else was written
    db = Database.open(db_path, migrate=False)
    try:
        ctx = Context(db)
        live = votes.live_counts(ctx, room.round_id)
        recounted = votes.recount(ctx, room.round_id)
    finally:
        db.close()
    assert live == recounted, "the live tally differs from the stored votes"
    assert {(f"{t}:{i}", v): n for ((t, i), _c, v), n in recounted.items()} == expected_votes
    return {
        "participants": len(room.phones),
        "notes": phones_notes,
        "ballots": sum(1 for p in room.phones if p.last_ballot),
        "votes": len(held["votes"]),
        "acknowledged": room.acks,
        "resent": sum(p.resent for p in room.phones),
        "ballots_replayed": sum(p.replayed for p in room.phones),
    }


async def crash_run(
    db_path: Path, log: Path, *, phones: int, kills: int, seed: int, most_acks: int
) -> tuple[Room, int]:
    """Phones at work while the server is killed `kills` times at random moments (after a
    random number of acknowledged writes, 0 included: killed as it starts), then a last life
    in which every phone sends what was left pending."""
    workshop_id = new_workshop(db_path)
    room = Room(Served(db_path, workshop_id, log), phones, seed=seed)
    await room.start_server()
    await room.prepare_vote()
    room.start_phones()
    killed = 0
    while killed < kills:
        await room.wait_acks(room.acks + room.rng.randint(0, most_acks))
        assert not room.failures, room.failures
        await room.kill_server()
        killed += 1
        await room.start_server()
    await room.finish()
    await room.served.stop()
    return room, workshop_id

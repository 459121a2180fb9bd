"""Soak: 200 phones against `atelier serve` for 10 minutes; memory growth and latency drift.

`python -m bench.soak` (`make soak`, not CI) starts `atelier serve` as a real subprocess on a
throw-away database, opens a dot vote on a few seeded post-its, then runs `--phones` phones
from this process (asyncio): each checks in, holds its websocket open (reading everything
it is told, reconnecting if it is dropped), posts a post-it about every 20 s (jittered) and
now and then changes its ballot, each write with its own idempotency key. For `--minutes`:

* the server's memory (VmRSS) when it started, once the phones are in, every minute and at
  the end: the growth over the run and since the first minute (what a leak would show);
* write latency (send → acknowledgement) per minute, p50 / p99 / max: the drift is the last
  minute's p99 against the first's;
* how soon every phone's socket hears the timer the team starts or pauses every 30 s, p99;
* at the end, the database: every acknowledged post-it stored exactly once, every phone's
  last ballot stored, websockets still held, writes refused (should be none).

Client and server share the machine's cores: read the latencies with the load average.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import (
    INFO,
    OK,
    ROOT,
    Row,
    announce,
    finish,
    load_average,
    log,
    median,
    parser,
    tmp_database,
)
from bench.phones import Phone, percentile, rss_mb

PHONES = 200
MINUTES = 10.0
NOTE_EVERY_S = 20.0
VOTE_CHANCE = 0.25  # at each post-it, the chance the phone also changes its ballot
SEED_NOTES = 6
TOGGLE_EVERY_S = 30.0  # the team starts or pauses the timer
START_TIMEOUT_S = 60.0


@dataclass
class Server:
    proc: subprocess.Popen[str]
    url: str
    host: str
    port: int
    token: str
    code: str
    workshop_id: int


def start_server(db_path: Path) -> Server:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "new", "--format", "3h",
         "--title", "Endurance"],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    workshop = int(made.stdout.strip().splitlines()[-1])
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db_path), "serve", "--workshop", str(workshop),
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    printed: dict[str, str] = {}
    deadline = time.monotonic() + START_TIMEOUT_S
    while "Code de la séance" not in printed:
        line = proc.stdout.readline()
        if not line or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"atelier serve did not start: {printed}")
        key, _, value = line.strip().partition(" : ")
        printed[key] = value
    url = printed["Participants"].removesuffix("web/")
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    return Server(
        proc, url, host, int(port), printed["Jeton d'animation"],
        printed["Code de la séance"].split()[0], workshop,
    )  # fmt: skip


@dataclass
class Figures:
    """What the phones saw, minute by minute."""

    started: float = 0.0
    latencies: dict[int, list[float]] = field(default_factory=dict)  # minute -> ms
    writes: Counter[str] = field(default_factory=Counter)
    refused: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)  # text -> id acknowledged
    ballots: dict[int, dict[str, int]] = field(default_factory=dict)  # participant -> last
    heard: int = 0  # websocket messages read
    toggled: float = 0.0  # when the team last toggled the timer (perf_counter)
    fanout: dict[int, list[float]] = field(default_factory=dict)  # minute -> ms, per phone
    ws_drops: int = 0  # sockets the server closed (each reconnected)
    ws_open: int = 0

    def minute(self) -> int:
        return int((time.perf_counter() - self.started) // 60)

    def record(self, kind: str, ms: float) -> None:
        self.latencies.setdefault(self.minute(), []).append(ms)
        self.writes[kind] += 1

    def heard_timer(self, at: float) -> None:
        self.fanout.setdefault(self.minute(), []).append((at - self.toggled) * 1000)


async def stopped(stop: asyncio.Event, seconds: float) -> bool:
    """Wait `seconds` unless the soak ends first; whether it has ended."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True


class SoakPhone:
    def __init__(self, index: int, server: Server, figures: Figures, rng: random.Random) -> None:
        self.index, self.server, self.figures, self.rng = index, server, figures, rng
        self.http = Phone(server.host, server.port)
        self.token = ""
        self.participant_id = 0
        self.serial = 0
        self.last_used = 0.0

    async def request(self, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        if time.monotonic() - self.last_used > 4:  # the server drops idle keep-alives at 5 s
            self.http.close()
            self.http.reader = self.http.writer = None
        self.last_used = time.monotonic()
        return await self.http.request(method, path, body, self.token)

    async def check_in(self) -> None:
        status, body = await self.request(
            "POST", "/api/join",
            {"name": f"Téléphone {self.index:03d}", "category": "public",
             "key": f"soak-join-{self.index:04d}", "code": self.server.code},
        )  # fmt: skip
        if status != 201:
            raise SystemExit(f"check-in refused: {status} {body}")
        self.token, self.participant_id = body["token"], body["participant_id"]

    async def hold_socket(self, stop: asyncio.Event) -> None:
        """The phone's websocket, read continuously; reconnected if the server drops it."""
        from websockets.asyncio.client import connect

        ws_url = self.server.url.replace("http://", "ws://") + "ws"
        seq = 0
        while not stop.is_set():
            try:
                url = f"{ws_url}?token={self.token}&since={seq}"
                async with connect(url, open_timeout=60) as ws:
                    self.figures.ws_open += 1
                    try:
                        while not stop.is_set():
                            get = asyncio.ensure_future(ws.recv())
                            halt = asyncio.ensure_future(stop.wait())
                            done, _ = await asyncio.wait({get, halt}, return_when="FIRST_COMPLETED")
                            if get not in done:
                                get.cancel()
                                return
                            halt.cancel()
                            message = json.loads(get.result())
                            seq = max(seq, int(message.get("seq") or 0))
                            self.figures.heard += 1
                            if "timer" in message.get("topics", ()) and self.figures.toggled:
                                self.figures.heard_timer(time.perf_counter())
                    finally:
                        self.figures.ws_open -= 1
            except Exception:  # refused or closed by the server: count it, connect again
                self.figures.ws_drops += 1
                await asyncio.sleep(0.5)

    async def work(self, stop: asyncio.Event, items: list[str], round_id: int) -> None:
        if await stopped(stop, self.rng.uniform(0, NOTE_EVERY_S)):  # phones start apart
            return
        while True:
            self.serial += 1
            text = f"Soak {self.index:03d}-{self.serial:04d} : de l'ombre sur la place"
            await self.write("note", "/api/notes", {"text": text, "key": self.key("note")}, text)
            if items and self.rng.random() < VOTE_CHANCE:
                chosen = self.rng.sample(items, self.rng.randint(1, 3))
                choices = {item: 1 for item in chosen}
                await self.write(
                    "ballot", f"/api/votes/{round_id}/ballot",
                    {"choices": choices, "key": self.key("ballot")}, choices,
                )  # fmt: skip
            if await stopped(stop, self.rng.uniform(0.75, 1.25) * NOTE_EVERY_S):
                return

    def key(self, kind: str) -> str:
        return f"soak-{kind}-{self.index:04d}-{self.serial:05d}"

    async def write(self, kind: str, path: str, body: dict[str, Any], what: Any) -> None:
        start = time.perf_counter()
        status, answer = await self.request("POST", path, body)
        ms = (time.perf_counter() - start) * 1000
        if status not in (200, 201):
            self.figures.refused.append(f"{kind} {status} {answer}")
            return
        self.figures.record(kind, ms)
        if kind == "note":
            self.figures.notes[what] = answer["id"]
        else:
            self.figures.ballots[self.participant_id] = what


async def team(server: Server, figures: Figures, stop: asyncio.Event) -> None:
    """The facilitator starts and pauses the timer every half minute: every phone hears it."""
    laptop = SoakPhone(998, server, Figures(), random.Random(1))
    laptop.token = server.token
    action = "start"
    while not await stopped(stop, TOGGLE_EVERY_S):
        figures.toggled = time.perf_counter()
        status, body = await laptop.request("POST", "/api/facilitator/timer", {"action": action})
        if status != 200:
            figures.refused.append(f"timer {status} {body}")
        action = "pause" if action == "start" else "start"
    laptop.http.close()


async def seed_vote(server: Server) -> tuple[list[str], int]:
    """A few post-its from the team's own phone and a dot vote on them."""
    seeder = SoakPhone(999, server, Figures(), random.Random(0))
    await seeder.check_in()
    items = []
    for n in range(SEED_NOTES):
        status, body = await seeder.request(
            "POST", "/api/notes", {"text": f"Graine {n}", "key": f"soak-seed-{n:04d}"}
        )
        assert status == 201, body
        items.append(f"note:{body['id']}")
    seeder.token = server.token
    status, body = await seeder.request(
        "POST", "/api/facilitator/votes",
        {"kind": "dots", "items": items, "title": "Priorités",
         "settings": {"dots": 3, "cap": 1}},
    )  # fmt: skip
    assert status == 200, body
    seeder.http.close()
    return items, int(body["round_id"])


async def soak(server: Server, phones: int, minutes: float, seed: int) -> dict[str, Any]:
    pid = server.proc.pid
    rss: list[tuple[str, float]] = [("serveur démarré", rss_mb(pid))]
    items, round_id = await seed_vote(server)
    figures = Figures()
    devices = [SoakPhone(i, server, figures, random.Random(seed * 1000 + i)) for i in range(phones)]
    start = time.perf_counter()
    await asyncio.gather(*(d.check_in() for d in devices))
    stop = asyncio.Event()
    sockets = [asyncio.create_task(d.hold_socket(stop)) for d in devices]

    async def all_held() -> None:
        while figures.ws_open < phones:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(all_held(), 120)
    log(f"soak: {phones} téléphones enregistrés, websockets ouverts en "
        f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    rss.append(("téléphones connectés", rss_mb(pid)))
    figures.started = time.perf_counter()
    workers = [asyncio.create_task(d.work(stop, items, round_id)) for d in devices]
    workers.append(asyncio.create_task(team(server, figures, stop)))
    minute_lines: list[str] = []
    total_minutes = max(1, round(minutes))
    per_minute = minutes * 60 / total_minutes
    for m in range(total_minutes):
        target = figures.started + (m + 1) * per_minute
        await asyncio.sleep(max(0.0, target - time.perf_counter()))
        lat = figures.latencies.get(m, [])
        fan = figures.fanout.get(m, [])
        memory = rss_mb(pid)
        rss.append((f"minute {m + 1}", memory))
        line = (
            f"soak: minute {m + 1:>2} : {len(lat):>4} écritures, p50 "
            f"{median(lat) if lat else float('nan'):6.1f} ms, p99 {percentile(lat, 0.99):6.1f} ms, "
            f"max {max(lat) if lat else float('nan'):6.1f} ms · minuteur entendu p99 "
            f"{percentile(fan, 0.99):6.1f} ms · RSS serveur {memory:6.1f} Mo · "
            f"websockets {figures.ws_open} · charge {load_average()}"
        )
        minute_lines.append(line)
        log(line)
    held_at_end = figures.ws_open
    stop.set()
    await asyncio.gather(*workers)
    await asyncio.gather(*sockets)
    rss.append(("fin", rss_mb(pid)))
    for d in devices:
        d.http.close()
    return {
        "figures": figures,
        "rss": rss,
        "held_at_end": held_at_end,
        "round_id": round_id,
        "minutes": total_minutes,
    }


def stored(db_path: Path, workshop_id: int) -> tuple[Counter[str], dict[int, dict[str, int]]]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        texts = Counter(
            t
            for (t,) in con.execute("SELECT text FROM notes WHERE workshop_id = ?", (workshop_id,))
        )
        ballots: dict[int, dict[str, int]] = {}
        for voter, item_type, item_id, value in con.execute(
            "SELECT voter, item_type, item_id, value FROM votes"
        ):
            if voter.startswith("p:"):
                ballots.setdefault(int(voter[2:]), {})[f"{item_type}:{item_id}"] = value
    finally:
        con.close()
    return texts, ballots


def run(phones: int, minutes: float, seed: int) -> list[Row]:
    with tmp_database("atelier-bench-soak-") as db_path:
        server = start_server(db_path)
        log(f"soak: {phones} téléphones contre {server.url} pendant {minutes:g} min…")
        try:
            result = asyncio.run(soak(server, phones, minutes, seed))
        finally:
            server.proc.send_signal(signal.SIGTERM)
            server.proc.wait(timeout=60)
        texts, ballots = stored(db_path, server.workshop_id)
    figures: Figures = result["figures"]
    rss: list[tuple[str, float]] = result["rss"]
    lost = sum(1 for text in figures.notes if texts[text] == 0)
    doubled = sum(1 for text in figures.notes if texts[text] > 1)
    wrong_ballots = sum(1 for pid, last in figures.ballots.items() if ballots.get(pid) != last)
    minutes_seen = sorted(figures.latencies)
    first = figures.latencies[minutes_seen[0]] if minutes_seen else []
    last = figures.latencies[minutes_seen[-1]] if minutes_seen else []
    everything = [ms for lat in figures.latencies.values() for ms in lat]
    fanout = [ms for lat in figures.fanout.values() for ms in lat]
    after_check_in = rss[1][1]
    first_minute = rss[2][1] if len(rss) > 3 else after_check_in
    log("soak: mémoire du serveur (RSS) : " + " · ".join(f"{w} {mb:.1f} Mo" for w, mb in rss))
    log(
        f"soak: {figures.writes['note']} post-its et {figures.writes['ballot']} bulletins acquittés, "
        f"{len(figures.refused)} refusés, {figures.heard} messages entendus par les websockets, "
        f"{figures.ws_drops} coupures, {result['held_at_end']}/{phones} tenus à la fin"
    )
    if figures.refused:
        log(f"soak: refus, par exemple : {figures.refused[:3]}")
    n = result["minutes"]
    return [
        Row("soak.rss_start_mb", "Serveur : RSS au démarrage", rss[0][1], "Mo"),
        Row("soak.rss_after_check_in_mb", f"Serveur : RSS, {phones} téléphones connectés",
            after_check_in, "Mo"),
        Row("soak.rss_end_mb", f"Serveur : RSS après {n} min", rss[-1][1], "Mo"),
        Row("soak.rss_growth_mb", "Croissance de la RSS pendant l'endurance (fin − connectés)",
            rss[-1][1] - after_check_in, "Mo"),
        Row("soak.rss_growth_after_minute_1_mb", "  dont après la 1re minute",
            rss[-1][1] - first_minute, "Mo"),
        Row("soak.write_p50_ms", f"Accusé d'une écriture sur {n} min, p50", median(everything)
            if everything else float("nan"), "ms"),
        Row("soak.write_p99_ms", f"Accusé d'une écriture sur {n} min, p99",
            percentile(everything, 0.99), "ms"),
        Row("soak.p99_first_minute_ms", "p99 de la 1re minute", percentile(first, 0.99), "ms"),
        Row("soak.p99_last_minute_ms", "p99 de la dernière minute", percentile(last, 0.99), "ms",
            baseline="soak.p99_first_minute_ms"),
        Row("soak.timer_heard_p99_ms", f"Minuteur entendu par les {phones} websockets, p99",
            percentile(fanout, 0.99), "ms"),
        Row("soak.writes", "Écritures acquittées (post-its + bulletins)",
            float(sum(figures.writes.values())), ""),
        Row("soak.refused", "Écritures refusées", float(len(figures.refused)), "", 0),
        Row("soak.lost", "Post-its acquittés absents de la base", float(lost), "", 0),
        Row("soak.duplicates", "Post-its acquittés stockés plusieurs fois", float(doubled), "", 0),
        Row("soak.ballots_wrong", "Derniers bulletins différents de la base",
            float(wrong_ballots), "", 0),
        Row("soak.ws_dropped", "Websockets coupés par le serveur", float(figures.ws_drops), "", 0),
    ]  # fmt: skip


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--phones", type=int, default=PHONES)
    p.add_argument("--minutes", type=float, default=MINUTES)
    p.add_argument("--seed", type=int, default=20261123)
    args = p.parse_args()
    if not args.rows_json:
        announce("soak")
    rows = run(args.phones, args.minutes, args.seed)
    finish(rows, args)
    sys.exit(0 if all(r.verdict in (OK, INFO) for r in rows) else 1)  # lost, refused…: fails


if __name__ == "__main__":
    main()

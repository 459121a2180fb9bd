"""A room of N phones against a real `atelier serve`: check-in, post-its, a dot vote, results.

`python -m bench.room --sizes 50 500 1000 2000` plays, for each size, the scenario of issue 20
against `atelier serve` started as a subprocess (under `bench/_room_probe.py`, which measures
the server's event-loop lag and garbage-collection pauses from inside):

1. N phones check in at once (`/api/join`), then each opens its websocket;
2. each phone posts 3 post-its at random instants over a 10 s window (open loop: each ack is
   timed from its scheduled send time), while one co-facilitator laptop, paired with the
   séance's code, observes on its websocket (and fetches the journal when a message does not
   carry the change, as `app/cofac_client.py` does): the delay until it sees each post-it;
3. the facilitator opens a dot vote on ⌈3N/8⌉ of the post-its; each phone, told by its
   socket, loads the vote (`GET /api/votes/current`, one request at a time, as the page):
   the time until every phone has the ballot on screen; then each phone changes its mind
   3 times (3 ballots at random instants over 5 s), each ack timed;
4. the results are revealed: the time until every phone has them.

Printed per size: check-in p99, post-it ack p50/p99, observer delivery p50/p99, time until
the phones have the ballot (p50/p99/max), ballot ack p99, results to all p99, the longest
event-loop stall, GC pauses, the server's CPU and peak RSS, lost/duplicated post-its and
ballots (read back from the database), and the client's CPU. The phones run in several client
processes (`--workers`, default one per 500 phones) so that one client's loop is not the
bottleneck; every process shares the same monotonic clock. `--server-root` runs another
checkout's server (e.g. `git archive` of a base commit) for before/after comparisons.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import math
import multiprocessing as mp
import os
import random
import re
import signal
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.common import ROOT, Row, announce, finish, log, median, parser, tmp_database

SIZES = (50, 500, 1000, 2000)  # `make bench` runs the short form: --sizes 50 500
NOTES_EACH = 3
NOTES_WINDOW_S = 10.0
BALLOTS_EACH = 3
BALLOTS_WINDOW_S = 5.0
PER_WORKER = 500
TAG = re.compile(r"b(\d{5})x(\d)")
GOALS = {
    "ack_p99": 50.0,
    "observer_p50": 5.0,
    "observer_p99": 15.0,
    "stall": 20.0,
    "rss": 400.0,
}


def ballot_goal(n: int) -> float:
    return 300.0 if n <= 500 else 1000.0


def fanout_goal(n: int) -> float:
    return 100.0 if n <= 500 else 150.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else math.nan


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- a phone's HTTP/1.1 connection (minimal: the usual clients cost more CPU than the server) --
class Client:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: Any = None, token: str = "", packed: bool = False
    ) -> tuple[int, Any]:
        for attempt in range(2):
            try:
                return await self._request(method, path, body, token, packed)
            except (IndexError, ConnectionError, asyncio.IncompleteReadError):
                self.close()  # an idle keep-alive connection the server closed: once more
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def _request(
        self, method: str, path: str, body: Any, token: str, packed: bool
    ) -> tuple[int, Any]:
        if self.reader is not None and self.reader.at_eof():
            self.close()
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None and self.writer is not None
        data = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(data)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        if token:
            head.append(f"Authorization: Bearer {token}")
        if packed:
            head.append("Accept-Encoding: gzip")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        status = int((await self.reader.readline()).split()[1])
        length, encoding = 0, ""
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "content-encoding":
                encoding = value.strip()
        payload = await self.reader.readexactly(length) if length else b""
        if encoding == "gzip":
            payload = gzip.decompress(payload)
        return status, json.loads(payload) if payload else None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


# -- the phones of one client process ------------------------------------------------------
class Phone:
    def __init__(self, n: int, host: str, port: int) -> None:
        self.n = n
        self.http = Client(host, port)
        self.token = ""
        self.pid = 0
        self.ws: Any = None
        self.watch: str = ""  # "vote", "results" or ""
        self.loading = False
        self.again = False
        self.got: dict[str, float] = {}  # what it has on screen, when
        self.round: dict[str, Any] | None = None
        self.vote_ready = asyncio.Event()
        self.loader: asyncio.Future[None] | None = None

    async def load(self) -> None:
        """The page's load: one request at a time, once more if told again meanwhile."""
        if self.loading:
            self.again = True
            return
        self.loading = True
        try:
            while True:
                self.again = False
                status, body = await self.http.request(
                    "GET", "/api/votes/current", token=self.token, packed=True
                )
                now = time.monotonic()
                if status == 200 and body["round"] is not None:
                    if self.watch == "vote" and body["round"]["is_open"] and "vote" not in self.got:
                        self.got["vote"] = now
                        self.round = body["round"]
                        self.vote_ready.set()
                    if self.watch == "results" and body["results"] and "results" not in self.got:
                        self.got["results"] = now
                if not self.again:
                    return
        finally:
            self.loading = False

    async def listen(self) -> None:
        try:
            async for raw in self.ws:
                message = json.loads(raw)
                if self.watch and "votes" in message.get("topics", []):
                    self.got.setdefault(f"heard-{self.watch}", time.monotonic())
                if self.watch and "votes" in message.get("topics", []) and not self.loading:
                    self.loader = asyncio.ensure_future(self.load())
                elif self.watch and "votes" in message.get("topics", []):
                    self.again = True  # the page asks once more when its request is answered
        except Exception:
            return


async def _join(phones: list[Phone], url: str, code: str) -> dict[str, Any]:
    from websockets.asyncio.client import connect

    lat: list[float] = []

    async def join(p: Phone) -> None:
        start = time.monotonic()
        status, body = await p.http.request(
            "POST", "/api/join",
            {"name": f"Téléphone {p.n}", "category": "usager", "code": code,
             "key": f"room-join-{p.n:06d}"},
        )  # fmt: skip
        lat.append((time.monotonic() - start) * 1000)
        assert status == 201, (status, body)
        p.token, p.pid = body["token"], body["participant_id"]

    await asyncio.gather(*(join(p) for p in phones))
    ws_url = url.replace("http://", "ws://") + "ws"

    async def sock(p: Phone) -> None:
        p.ws = await connect(f"{ws_url}?token={p.token}&since=0", open_timeout=120)
        await p.ws.recv()  # hello

    await asyncio.gather(*(sock(p) for p in phones))
    return {"join_ms": lat}


async def _notes(
    phones: list[Phone], rng: random.Random, origin: float, window: float
) -> dict[str, Any]:
    acks: list[float] = []
    sent: dict[str, float] = {}
    acked: dict[str, float] = {}
    ids: list[int] = []
    refused = 0

    async def post(p: Phone) -> None:
        nonlocal refused
        for i, at in enumerate(sorted(rng.uniform(0, window) for _ in range(NOTES_EACH))):
            due = origin + at
            if due > time.monotonic():
                await asyncio.sleep(due - time.monotonic())
            tag = f"b{p.n:05d}x{i}"
            sent[tag] = due
            status, body = await p.http.request(
                "POST", "/api/notes", {"text": f"Idée {tag}", "key": f"room-{tag}-k"}, p.token
            )
            acked[tag] = time.monotonic()
            acks.append((acked[tag] - due) * 1000)
            if status == 201:
                ids.append(body["id"])
            else:
                refused += 1

    await asyncio.gather(*(post(p) for p in phones))
    return {"acks_ms": acks, "sent": sent, "acked": acked, "ids": ids, "refused": refused}


async def _vote(phones: list[Phone], rng: random.Random, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    acks: list[float] = []
    finals: dict[int, dict[str, int]] = {}
    failed = 0

    async def vote(p: Phone) -> None:
        nonlocal failed
        try:
            await asyncio.wait_for(p.vote_ready.wait(), deadline - time.monotonic())
        except TimeoutError:
            return
        assert p.round is not None
        keys = [item["key"] for item in p.round["items"]]
        start = time.monotonic()
        plan = sorted(rng.uniform(0, BALLOTS_WINDOW_S) for _ in range(BALLOTS_EACH))
        choices: dict[str, int] = {}
        for i, at in enumerate(plan):
            due = start + at
            if due > time.monotonic():
                await asyncio.sleep(due - time.monotonic())
            choices = {k: 1 for k in rng.sample(keys, min(i + 1, len(keys)))}
            status, _body = await p.http.request(
                "POST", f"/api/votes/{p.round['id']}/ballot",
                {"key": f"room-ballot-{p.n:06d}-{i}", "choices": choices}, p.token,
            )  # fmt: skip
            acks.append((time.monotonic() - due) * 1000)
            if status != 200:
                failed += 1
                return
        finals[p.pid] = choices

    await asyncio.gather(*(vote(p) for p in phones))
    return {
        "have": [p.got.get("vote") for p in phones], "acks_ms": acks, "finals": finals,
        "heard": [p.got.get("heard-vote") for p in phones],
        "failed": failed,
    }  # fmt: skip


async def _worker_main(conn: Connection, first: int, count: int, url: str) -> None:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    phones = [Phone(first + k, host, int(port)) for k in range(count)]
    loop = asyncio.get_running_loop()
    rng = random.Random(first)
    listeners: list[asyncio.Task[None]] = []
    lags: list[float] = []  # this client's own loop lateness: its share of every figure

    async def lag() -> None:
        while True:
            before = loop.time()
            await asyncio.sleep(0.005)
            lags.append((loop.time() - before - 0.005) * 1000)

    lagging = asyncio.create_task(lag())
    while True:
        name, args = await loop.run_in_executor(None, conn.recv)
        if name == "join":
            conn.send(await _join(phones, url, args["code"]))
            listeners = [asyncio.create_task(p.listen()) for p in phones]
        elif name == "notes":
            conn.send(await _notes(phones, rng, args["origin"], args["window"]))
        elif name == "watch":
            for p in phones:
                p.watch, p.again = args["what"], False
                p.got.pop(args["what"], None)
                p.got.pop(f"heard-{args['what']}", None)
            conn.send({"armed": True})
        elif name == "vote":
            conn.send(await _vote(phones, rng, args["timeout"]))
        elif name == "results":
            deadline = time.monotonic() + args["timeout"]
            while time.monotonic() < deadline and not all("results" in p.got for p in phones):
                await asyncio.sleep(0.02)
            conn.send({"have": [p.got.get("results") for p in phones]})
        elif name == "stop":
            for task in listeners:
                task.cancel()
            for p in phones:
                if p.ws is not None:
                    await p.ws.close()
                p.http.close()
            lagging.cancel()
            conn.send({"cpu": time.process_time(), "lag_max_ms": max(lags, default=0.0),
                       "lag_p99_ms": pct(lags, 0.99)})  # fmt: skip
            return


def _worker(conn: Connection, first: int, count: int, url: str) -> None:
    asyncio.run(_worker_main(conn, first, count, url))


# -- the co-facilitator laptop, observing ---------------------------------------------------
class Observer:
    def __init__(self, url: str, code: str) -> None:
        self.url, self.code = url, code
        self.seen: dict[str, float] = {}
        self.last = 0
        self.carried = 0
        self.fetched = 0
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        from websockets.asyncio.client import connect

        host, port = self.url.removeprefix("http://").rstrip("/").split(":")
        self.http = Client(host, int(port))
        status, body = await self.http.request(
            "POST", "/api/cofac/pair",
            {"code": self.code, "name": "Observatrice", "device_key": "room-observer-0001"},
        )  # fmt: skip
        assert status == 201, (status, body)
        self.token = body["token"]
        status, page = await self.http.request(
            "GET", "/api/cofac/journal?since=0", token=self.token
        )
        self.last = page["last_seq"]
        self.ws = await connect(
            self.url.replace("http://", "ws://") + f"api/cofac/ws?since={self.last}",
            additional_headers={"Authorization": f"Bearer {self.token}"},
        )
        self.task = asyncio.create_task(self._listen())

    def _note(self, entries: list[dict[str, Any]]) -> None:
        now = time.monotonic()
        for entry in entries:
            self.last = max(self.last, entry["seq"])
            for found in TAG.finditer(json.dumps(entry.get("forward"))):
                self.seen.setdefault(found.group(0), now)

    async def _listen(self) -> None:
        async for raw in self.ws:
            message = json.loads(raw)
            carried = message.get("entries")
            if carried is not None and message.get("after", -1) <= self.last:
                self.carried += 1
                self._note(carried)
                continue
            if message.get("seq", 0) <= self.last:
                continue
            self.fetched += 1  # as app/cofac_client.py: the journal after what it has
            while True:
                _s, page = await self.http.request(
                    "GET", f"/api/cofac/journal?since={self.last}", token=self.token
                )
                self._note(page["entries"])
                if not page["more"]:
                    break

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
        await self.ws.close()
        self.http.close()


# -- the server ------------------------------------------------------------------------------
def _profiler(pid: int, n: int) -> subprocess.Popen[bytes] | None:
    """py-spy recording the server from the vote's opening, if $ROOM_PYSPY names a folder."""
    folder = os.environ.get("ROOM_PYSPY")
    if not folder:
        return None
    spy = Path(sys.executable).with_name("py-spy")
    out = Path(folder) / f"vote-open-n{n}.txt"
    command = [str(spy), "record", "--pid", str(pid), "--format", "raw", "--rate", "200",
               "--output", str(out), "--nonblocking"]  # fmt: skip
    started = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # attached before the vote opens
    return started


def start_server(db_path: Path, root: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = dict(os.environ, PYTHONPATH=str(root))
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "new", "--format", "3h",
         "--title", "Banc de la salle"],
        capture_output=True, text=True, env=env, check=True, cwd=root,
    )  # fmt: skip
    workshop = made.stdout.strip().splitlines()[-1]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "_room_probe.py"), "--db", str(db_path), "serve",
         "--workshop", workshop, "--port", "0"],
        stdout=subprocess.PIPE, text=True, env=env, cwd=root,
    )  # fmt: skip
    assert server.stdout is not None
    lines = [server.stdout.readline() for _ in range(5)]
    info = {
        "url": lines[1].split(" : ", 1)[1].strip().removesuffix("web/"),
        "token": lines[2].split(" : ", 1)[1].strip(),
        "code": lines[3].split(" : ", 1)[1].split()[0],
        "cofac": lines[4].split(" : ", 1)[1].split()[0],
    }
    return server, info


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


async def scenario(n: int, info: dict[str, str], pid: int, workers: int) -> dict[str, Any]:
    url, boss = info["url"], info["token"]
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    facilitator = Client(host, int(port))
    ctx = mp.get_context("fork")
    pipes: list[Connection] = []
    procs = []
    per = math.ceil(n / workers)
    for w in range(workers):
        count = min(per, n - w * per)
        if count <= 0:
            break
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(theirs, w * per, count, url), daemon=True)
        proc.start()
        pipes.append(mine)
        procs.append(proc)
    loop = asyncio.get_running_loop()

    async def each(name: str, args: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        for pipe in pipes:
            pipe.send((name, args or {}))
        return list(await asyncio.gather(*(loop.run_in_executor(None, p.recv) for p in pipes)))

    def merged(answers: list[dict[str, Any]], key: str) -> list[Any]:
        return [x for a in answers for x in a[key]]

    status, _ = await facilitator.request("GET", "/api/bench/probe?reset=1", token=boss)
    cpu0 = cpu_seconds(pid)
    phases: dict[str, dict[str, Any]] = {}

    async def phase_end(name: str) -> None:
        _s, phases[name] = await facilitator.request("GET", "/api/bench/probe?reset=1", token=boss)

    log(f"room[{n}]: {n} téléphones arrivent à la fois, puis ouvrent leur websocket …")
    joined = await each("join", {"code": info["code"]})
    await phase_end("arrivée")
    observer = Observer(url, info["cofac"])
    await observer.start()
    log(f"room[{n}]: {n * NOTES_EACH} post-its au hasard sur {NOTES_WINDOW_S:g} s, observés …")
    origin = time.monotonic() + 0.5
    notes = await each("notes", {"origin": origin, "window": NOTES_WINDOW_S})
    sent = {tag: t for a in notes for tag, t in a["sent"].items()}
    deadline = time.monotonic() + 10
    while len(observer.seen) < len(sent) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    observed = [(observer.seen[t] - s) * 1000 for t, s in sent.items() if t in observer.seen]
    acked = {tag: t for a in notes for tag, t in a["acked"].items()}
    after_ack = [(observer.seen[t] - acked[t]) * 1000 for t in sent if t in observer.seen]
    ids = merged(notes, "ids")
    await phase_end("post-its")

    items = math.ceil(3 * n / 8)
    await each("watch", {"what": "vote"})
    profile = _profiler(pid, n)
    log(f"room[{n}]: vote à gommettes sur {items} post-its, chaque téléphone le charge …")
    opened_at = time.monotonic()
    status, opened = await facilitator.request(
        "POST", "/api/facilitator/votes",
        {"kind": "dots", "title": "Priorités", "items": [f"note:{i}" for i in ids[:items]],
         "settings": {"dots": BALLOTS_EACH, "cap": 1, "own_allowed": True}},
        boss,
    )  # fmt: skip
    assert status == 200, opened
    open_answered_ms = (time.monotonic() - opened_at) * 1000
    voted = await each("vote", {"timeout": 60})
    if profile is not None:  # the vote's opening: until every phone had it, and the ballots
        profile.send_signal(signal.SIGINT)
        profile.wait(60)
    await phase_end("vote")
    have = [(t - opened_at) * 1000 if t is not None else math.inf for t in merged(voted, "have")]
    finals = {int(k): v for a in voted for k, v in a["finals"].items()}
    heard = [(t - opened_at) * 1000 if t is not None else math.inf for t in merged(voted, "heard")]

    await each("watch", {"what": "results"})
    revealed_at = time.monotonic()
    status, _ = await facilitator.request(
        "POST", f"/api/facilitator/votes/{opened['round_id']}/reveal", None, boss
    )
    assert status == 200
    shown = await each("results", {"timeout": 30})
    results = [
        (t - revealed_at) * 1000 if t is not None else math.inf for t in merged(shown, "have")
    ]
    await phase_end("résultats")
    probe = _overall(phases)
    server_cpu = cpu_seconds(pid) - cpu0
    carried, fetched = observer.carried, observer.fetched
    await observer.stop()
    stopped = await each("stop")
    for proc in procs:
        proc.join(10)
    facilitator.close()
    return {
        "join_ms": merged(joined, "join_ms"),
        "acks_ms": merged(notes, "acks_ms"),
        "refused": sum(a["refused"] for a in notes),
        "observed_ms": observed,
        "observed_missing": len(sent) - len(observed),
        "after_ack_ms": after_ack,
        "carried": carried,
        "fetched": fetched,
        "ids": ids,
        "have_ms": have,
        "heard_ms": heard,
        "open_answered_ms": open_answered_ms,
        "ballot_acks_ms": merged(voted, "acks_ms"),
        "ballot_failed": sum(a["failed"] for a in voted),
        "finals": finals,
        "round_id": opened["round_id"],
        "results_ms": results,
        "probe": probe,
        "server_cpu_s": server_cpu,
        "client_cpu_s": sum(a["cpu"] for a in stopped),
        "client_lag_max_ms": max(a["lag_max_ms"] for a in stopped),
        "client_lag_p99_ms": max(a["lag_p99_ms"] for a in stopped),
    }


def _overall(phases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The probe's figures over the whole scenario, with each phase's own."""
    gc_all = {g: [0, 0.0, 0.0] for g in ("0", "1", "2")}
    for figures in phases.values():
        for g, (count, total, longest) in figures["gc"].items():
            gc_all[g] = [gc_all[g][0] + count, gc_all[g][1] + total, max(gc_all[g][2], longest)]
    return {
        "lag_max_ms": max(f["lag_max_ms"] for f in phases.values()),
        "lags_over_20ms": sum(f["lags_over_20ms"] for f in phases.values()),
        "gc": gc_all,
        "gc_max_ms": max(f["gc_max_ms"] for f in phases.values()),
        "rss_peak_mb": max(f["rss_peak_mb"] for f in phases.values()),
        "phases": phases,
    }


def check_store(db_path: Path, figures: dict[str, Any]) -> tuple[int, int, int, int]:
    """Post-its and ballots acknowledged but absent (lost) or stored twice (duplicated)."""
    from sqlalchemy import func, select

    from app.domain.votes import item_key
    from app.store.db import Database
    from app.store.models import Note, Vote

    db = Database.open(db_path)
    try:
        stored = set(db.read(lambda s: list(s.scalars(select(Note.id)))))
        texts = db.read(
            lambda s: s.scalar(select(func.count(Note.id)).where(Note.text.like("Idée b%")))
        )
        distinct = db.read(
            lambda s: s.scalar(
                select(func.count(func.distinct(Note.text))).where(Note.text.like("Idée b%"))
            )
        )
        rows = db.read(
            lambda s: s.execute(
                select(Vote.voter, Vote.item_type, Vote.item_id, Vote.value).where(
                    Vote.round_id == figures["round_id"]
                )
            ).all()
        )
    finally:
        db.close()
    ballots: dict[int, dict[str, int]] = {}
    for voter, t, i, value in rows:
        ballots.setdefault(int(voter[2:]), {})[item_key((t, i))] = value
    lost_notes = len(set(figures["ids"]) - stored)
    dup_notes = (texts or 0) - (distinct or 0)
    lost_ballots = sum(
        1 for pid, choices in figures["finals"].items() if ballots.get(pid) != choices
    )
    dup_ballots = sum(1 for pid in ballots if pid not in figures["finals"])
    return lost_notes, dup_notes, lost_ballots, dup_ballots


def run_size(n: int, root: Path, workers: int) -> list[Row]:
    with tmp_database("atelier-bench-room-") as db_path:
        server, info = start_server(db_path, root)
        try:
            log(f"room[{n}]: serveur {info['url']} ({workers} processus client)")
            figures = asyncio.run(scenario(n, info, server.pid, workers))
            rss_end = rss_mb(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # still closing its sockets: its figures are in
                server.kill()
                server.wait(timeout=30)
        lost_n, dup_n, lost_b, dup_b = check_store(db_path, figures)
    probe = figures["probe"]
    gc_counts = {g: int(v[0]) for g, v in probe["gc"].items()}
    gc_full = probe["gc"]["2"]
    have, res = figures["have_ms"], figures["results_ms"]
    log(
        f"room[{n}]: arrivée p99 {pct(figures['join_ms'], 0.99):.0f} ms · post-it p50/p99 "
        f"{median(figures['acks_ms']):.1f}/{pct(figures['acks_ms'], 0.99):.1f} ms · observé "
        f"p50/p99 {median(figures['observed_ms'] or [math.nan]):.1f}/"
        f"{pct(figures['observed_ms'], 0.99):.1f} ms, après l'accusé p50/p99 "
        f"{median(figures['after_ack_ms'] or [math.nan]):.1f}/"
        f"{pct(figures['after_ack_ms'], 0.99):.1f} ms (messages porteurs {figures['carried']}, "
        f"journal lu {figures['fetched']} fois, manquants {figures['observed_missing']})"
    )
    log(
        f"room[{n}]: bulletin à l'écran p50/p99/max {median(have):.0f}/{pct(have, 0.99):.0f}/"
        f"{max(have):.0f} ms (« Ouvrir le vote » répondu en {figures['open_answered_ms']:.0f} ms, "
        f"message du websocket p50/p99 {median(figures['heard_ms']):.0f}/"
        f"{pct(figures['heard_ms'], 0.99):.0f} ms) · vote p99 {pct(figures['ballot_acks_ms'], 0.99):.1f} ms · "
        f"résultats p99 {pct(res, 0.99):.0f} ms"
    )
    log(
        f"room[{n}]: boucle bloquée au plus {probe['lag_max_ms']:.1f} ms "
        f"({probe['lags_over_20ms']} fois > 20 ms) · GC passes {gc_counts}, complètes "
        f"{gc_full[0]} ({gc_full[1]:.0f} ms en tout, max {gc_full[2]:.1f} ms), max toutes "
        f"{probe['gc_max_ms']:.1f} ms · CPU serveur {figures['server_cpu_s']:.1f} s, client "
        f"{figures['client_cpu_s']:.1f} s (sa boucle en retard p99/max "
        f"{figures['client_lag_p99_ms']:.0f}/{figures['client_lag_max_ms']:.0f} ms) · RSS pic "
        f"{probe['rss_peak_mb']:.0f} Mo (fin "
        f"{rss_end:.0f}) · perdus/doublons post-its {lost_n}/{dup_n}, bulletins {lost_b}/{dup_b}"
    )
    for name, f in probe["phases"].items():
        log(
            f"room[{n}]:   {name:<10} boucle bloquée au plus {f['lag_max_ms']:6.1f} ms "
            f"({f['lags_over_20ms']} fois > 20 ms) · GC (passes, ms en tout, max) {f['gc']}"
        )
    p = f"room.n{n}_"
    at = f"{n} téléphones"
    return [
        Row(p + "join_p99_ms", f"{at} : arrivée (/api/join à la fois), p99",
            pct(figures["join_ms"], 0.99), "ms"),
        Row(p + "ack_p50_ms", f"{at} : accusé d'un post-it (3 chacun sur 10 s), p50",
            median(figures["acks_ms"]), "ms"),
        Row(p + "ack_p99_ms", f"{at} : accusé d'un post-it, p99",
            pct(figures["acks_ms"], 0.99), "ms", GOALS["ack_p99"]),
        Row(p + "observer_p50_ms", f"{at} : post-it vu par l'ordinateur co-animateur, p50",
            median(figures["observed_ms"] or [math.nan]), "ms",
            GOALS["observer_p50"] if n <= 50 else None),
        Row(p + "observer_p99_ms", f"{at} : post-it vu par l'ordinateur co-animateur, p99",
            pct(figures["observed_ms"], 0.99), "ms", GOALS["observer_p99"] if n <= 50 else None),
        Row(p + "observer_after_ack_p50_ms", f"{at} : post-it vu par le co-animateur, après l'accusé, p50",
            median(figures["after_ack_ms"] or [math.nan]), "ms"),
        Row(p + "ballot_shown_p50_ms", f"{at} : bulletin à l'écran après l'ouverture, p50",
            median(have), "ms"),
        Row(p + "ballot_shown_p99_ms", f"{at} : bulletin à l'écran après l'ouverture, p99",
            pct(have, 0.99), "ms", ballot_goal(n)),
        Row(p + "ballot_shown_max_ms", f"{at} : bulletin à l'écran, le dernier", max(have), "ms"),
        Row(p + "ballot_ack_p99_ms", f"{at} : accusé d'un bulletin (3 chacun sur 5 s), p99",
            pct(figures["ballot_acks_ms"], 0.99), "ms", GOALS["ack_p99"]),
        Row(p + "results_p99_ms", f"{at} : résultats révélés à l'écran, p99",
            pct(res, 0.99), "ms", fanout_goal(n)),
        Row(p + "stall_max_ms", f"{at} : boucle d'événements bloquée, au plus",
            probe["lag_max_ms"], "ms", GOALS["stall"]),
        Row(p + "gc_max_ms", f"{at} : pause du ramasse-miettes, la plus longue",
            probe["gc_max_ms"], "ms"),
        Row(p + "gc_full_passes", f"{at} : passes complètes du ramasse-miettes", gc_full[0], ""),
        Row(p + "server_cpu_s", f"{at} : CPU du serveur, tout le scénario",
            figures["server_cpu_s"], "s"),
        Row(p + "client_cpu_s", f"{at} : CPU des clients simulés", figures["client_cpu_s"], "s"),
        Row(p + "client_lag_max_ms", f"{at} : retard des clients simulés (leur boucle), au plus",
            figures["client_lag_max_ms"], "ms"),
        Row(p + "rss_peak_mb", f"{at} : mémoire du serveur (pic RSS)",
            probe["rss_peak_mb"], "Mo", GOALS["rss"]),
        Row(p + "lost", f"{at} : post-its et bulletins acquittés mais perdus", lost_n + lost_b,
            "", 0),
        Row(p + "duplicates", f"{at} : post-its et bulletins en double", dup_n + dup_b, "", 0),
    ]  # fmt: skip


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    p.add_argument("--workers", type=int, default=0, help="client processes (0: one per 500)")
    p.add_argument("--server-root", type=Path, default=ROOT, help="the checkout to serve from")
    args = p.parse_args()
    if not args.rows_json:
        announce("room")
    rows: list[Row] = []
    for n in args.sizes:
        workers = args.workers or max(1, math.ceil(n / PER_WORKER))
        rows += run_size(n, args.server_root.resolve(), workers)
    finish(rows, args)


if __name__ == "__main__":
    main()

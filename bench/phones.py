"""500 phones on loopback: check in, hold a websocket, post post-its, two ways.

`python -m bench.phones` starts `atelier serve` as a real subprocess (the server alone, as on
a lab server), then simulates `--phones` phones from this process with asyncio. Each phone
checks in (`/api/join`) and opens its websocket; then:

* **throughput, closed loop**: every phone posts 3 post-its (plus one retry with the same
  key), each as soon as the previous one is answered: the writes per second over that phase
  (goal ≥ 2,000/s), with the same run's trivial endpoint (`/api/health`) as the ratio's
  baseline. Its latencies are printed for information only: with every phone always
  waiting for an answer, a write waits behind the others by construction (Little's law: 500
  in flight at 2,000/s is 250 ms each), so they say how long the queue is, not how long a
  phone in a room waits;
* **acknowledgement latency, open loop** (goal p99 ≤ 50 ms): each phone posts 3 more
  post-its at random instants spread over a window (3 s: ~500 writes/s with 500 phones;
  then 1.5 s: ~1,000/s), sent when the clock says, whatever the previous answers did; each
  write is timed from its *scheduled* send time (free of coordinated omission: a slow answer,
  or a phone still waiting for its previous one, counts in full). p50, p99 and max per rate,
  with how late the simulated client itself was in sending (its share of those figures);
* one more change (the timer started) while all sockets are open: the time until every
  phone's socket has heard of it, p99 over the phones (goal ≤ 100 ms);
* the database is read afterwards: every acknowledged post-it is there (lost 0) and none
  twice (duplicates 0), and the server's memory (VmRSS).

Note that the phones are simulated by one Python process on the same 2 cores as the server:
the client's own work is inside every figure. So the server's own CPU time (from
/proc/PID/stat) per request is printed too, for the writes and for `/api/health`, with their
ratio, and the client's CPU share of each phase: those figures do not depend on how busy
the shared machine is. The server runs under `bench._serve_probe`, which counts the writes
in each group-commit transaction (printed as the batch sizes).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, Row, announce, finish, log, median, parser, tmp_database

PHONES = 500
NOTES_EACH = 3
GOAL_P99_MS = 50.0
GOAL_WRITES = 2_000.0
GOAL_FANOUT_MS = 100.0
# the open loop's windows: each phone posts NOTES_EACH post-its at random instants within
# them (500 phones: ~500 and ~1,000 writes/s); the name is the rows' prefix
OPEN_WINDOWS = (("open3s", 3.0), ("open1_5s", 1.5))
QUIET_S = 0.5  # between phases: the last coalesced socket messages of a burst are out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def batches_file(db_path: Path) -> Path:
    return db_path.with_suffix(".batches.json")


def start_server(db_path: Path) -> tuple[subprocess.Popen[str], str, str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), ATELIER_BENCH_BATCHES=str(batches_file(db_path)))
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "new", "--format", "3h",
         "--title", "Banc des téléphones"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    workshop = int(made.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        [sys.executable, "-m", "bench._serve_probe", "--db", str(db_path), "serve", "--workshop",
         str(workshop), "--port", "0"],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert server.stdout is not None
    lines = [server.stdout.readline() for _ in range(4)]
    url = lines[1].split(" : ", 1)[1].strip().removesuffix("web/")
    token = lines[2].split(" : ", 1)[1].strip()
    code = lines[3].split(" : ", 1)[1].split()[0]  # the séance's join code, as on the projector
    return server, url, token, code


def batch_sizes(db_path: Path) -> dict[str, Any]:
    """What the stopped server's probe wrote: its group-commit transactions and their sizes."""
    try:
        return dict(json.loads(batches_file(db_path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {"batches": 0, "writes": 0, "sizes": {}}


def cpu_seconds(pid: int) -> float:
    """A process's CPU time so far, user + system (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wall time, the server's CPU time and this client's CPU time over one phase."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.wall = self.server = self.client = 0.0

    def __enter__(self) -> Meter:
        self._t = (time.perf_counter(), cpu_seconds(self.pid), time.process_time())
        return self

    def __exit__(self, *_: object) -> None:
        wall, server, client = self._t
        self.wall = time.perf_counter() - wall
        self.server = cpu_seconds(self.pid) - server
        self.client = time.process_time() - client


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Phone:
    """One phone's own keep-alive HTTP/1.1 connection (a minimal client: the usual async
    clients spend more CPU than the server under test when 500 phones share two cores)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str = ""
    ) -> tuple[int, Any]:
        try:
            return await self._request(method, path, body, token)
        except (IndexError, ConnectionError, asyncio.IncompleteReadError):
            # the server closed an idle keep-alive connection (uvicorn: after 5 s): reconnect
            # and send again, as a browser does (every write carries its key: counted once)
            self.close()
            self.reader = self.writer = None
            return await self._request(method, path, body, token)

    async def _request(
        self, method: str, path: str, body: dict[str, Any] | None, token: str
    ) -> tuple[int, Any]:
        if self.reader is not None and self.reader.at_eof():
            # the server closed it while idle (uvicorn: after 5 s): a browser notices and
            # opens another before sending, rather than losing a round trip on a dead one
            self.close()
            self.reader = self.writer = None
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        data = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(data)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        if token:
            head.append(f"Authorization: Bearer {token}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length) if length else b""
        return status, json.loads(payload) if payload else None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def open_loop(
    devices: list[Phone],
    tokens: list[str],
    window: float,
    name: str,
    pid: int,
    rng: random.Random,
    acked: set[int],
) -> dict[str, Any]:
    """Each phone posts NOTES_EACH post-its at random instants within `window` seconds, sent
    by the clock (an open loop, as a room produces them): each write's latency runs from its
    scheduled send time, so a late answer, or a phone whose previous post-it is still
    unanswered when the next one is due, counts in full (no coordinated omission)."""
    loop = asyncio.get_running_loop()
    plans = [sorted(rng.uniform(0, window) for _ in range(NOTES_EACH)) for _ in devices]
    latencies: list[float] = []
    lags: list[float] = []  # how late this process woke to send, past the scheduled instant
    refused: list[int] = []
    behind = 0  # post-its due while the phone still waited for its previous answer
    last_answer = 0.0
    origin = loop.time() + 0.05  # every phone's first sleep is scheduled before the first is due

    async def phone(n: int, device: Phone, token: str, plan: list[float]) -> None:
        nonlocal last_answer, behind
        for i, at in enumerate(plan):
            due = origin + at
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
                lags.append((loop.time() - due) * 1000)  # this process's own lateness
            else:
                behind += 1  # its previous post-it still unanswered: counted in the latency
            note = {"text": f"Idée {name}-{i} du téléphone {n}", "key": f"bench-{name}-{n:06d}-{i}"}
            status, body = await device.request("POST", "/api/notes", note, token)
            answered = loop.time()
            latencies.append((answered - due) * 1000)
            last_answer = max(last_answer, answered)
            if status == 201:
                acked.add(body["id"])
            else:
                refused.append(status)

    with Meter(pid) as meter:
        await asyncio.gather(
            *(
                phone(n, d, t, plan)
                for n, (d, t, plan) in enumerate(zip(devices, tokens, plans, strict=True))
            )
        )
    first = min(plan[0] for plan in plans)
    served = len(latencies) / max(last_answer - origin - first, 1e-9)
    return {
        "window": window,
        "offered": len(latencies) / window,
        "served": served,
        "latencies": latencies,
        "lags": lags or [0.0],
        "behind": behind,
        "refused": refused,
        "server_share": meter.server / meter.wall,
        "client_share": meter.client / meter.wall,
        "server_cpu_ms": meter.server / len(latencies) * 1000,
    }


async def simulate(url: str, phones: int, facilitator: str, code: str, pid: int) -> dict[str, Any]:
    from websockets.asyncio.client import connect

    host, port = url.removeprefix("http://").rstrip("/").split(":")
    devices = [Phone(host, int(port)) for _ in range(phones)]
    opened, _ = await devices[0].request(
        "POST", "/api/facilitator/timer", {"action": "open"}, facilitator
    )
    assert opened == 200

    # the same run's baseline: a trivial endpoint, as many requests per phone as it posts
    async def checks(device: Phone) -> list[int]:
        return [(await device.request("GET", "/api/health"))[0] for _ in range(NOTES_EACH + 1)]

    await asyncio.gather(*(d.request("GET", "/api/health") for d in devices))  # connected
    with Meter(pid) as health_meter:
        health = await asyncio.gather(*(checks(d) for d in devices))
    health_requests = phones * (NOTES_EACH + 1)
    health_rate = health_requests / health_meter.wall
    assert all(status == 200 for statuses in health for status in statuses)

    latencies: list[float] = []

    async def timed(call: Any) -> tuple[int, Any]:
        start = time.perf_counter()
        answer = await call
        latencies.append((time.perf_counter() - start) * 1000)
        return answer

    with Meter(pid) as join_meter:  # every phone checks in at once: a room arriving
        joined = await asyncio.gather(
            *(
                timed(d.request("POST", "/api/join", {"name": f"Téléphone {n}",
                                                      "category": "usager",
                                                      "key": f"bench-join-{n:06d}", "code": code}))
                for n, d in enumerate(devices)
            )
        )  # fmt: skip
    join_latencies = list(latencies)
    tokens = [body["token"] for _status, body in joined]
    ws_url = url.replace("http://", "ws://") + "ws"
    with Meter(pid) as sockets_meter:  # every phone opens its socket at once (a reconnection)
        sockets = await asyncio.gather(
            *(connect(f"{ws_url}?token={t}&since=0", open_timeout=60) for t in tokens)
        )
        await asyncio.gather(*(ws.recv() for ws in sockets))  # each phone's hello

    latencies.clear()
    acked: set[int] = set()  # the ids of acknowledged post-its, looked for in the database

    async def post(n: int, device: Phone, token: str) -> None:
        for i in range(NOTES_EACH):
            note = {"text": f"Idée {i} du téléphone {n}", "key": f"bench-note-{n:06d}-{i}"}
            status, body = await timed(device.request("POST", "/api/notes", note, token))
            if status == 201:
                acked.add(body["id"])
            if i == 0:  # a retry with the same key, as a phone on a flaky network sends
                await device.request("POST", "/api/notes", note, token)

    # drain what the sockets hear while posting, so their buffers never block the server
    async def drain(ws: Any) -> None:
        try:
            while True:
                await ws.recv()
        except Exception:
            return

    drains = [asyncio.create_task(drain(ws)) for ws in sockets]
    log(f"phones: {phones} sockets ouverts, {phones * NOTES_EACH} post-its en boucle fermée …")
    with Meter(pid) as post_meter:
        await asyncio.gather(
            *(post(n, d, t) for n, (d, t) in enumerate(zip(devices, tokens, strict=True)))
        )
    post_seconds = post_meter.wall
    post_requests = phones * (NOTES_EACH + 1)  # with the one retry each
    write_latencies = list(latencies)

    opened_loops: dict[str, dict[str, Any]] = {}
    rng = random.Random(5)  # the same instants from run to run
    for name, window in OPEN_WINDOWS:
        await asyncio.sleep(QUIET_S)
        log(
            f"phones: boucle ouverte, {phones * NOTES_EACH} post-its à des instants au hasard "
            f"sur {window:g} s (≈{phones * NOTES_EACH / window:,.0f}/s) …"
        )
        opened_loops[name] = await open_loop(devices, tokens, window, name, pid, rng, acked)
    for task in drains:
        task.cancel()
    await asyncio.gather(*drains, return_exceptions=True)

    # fan-out: the facilitator starts the timer; every phone's socket hears it
    async def first_message(ws: Any) -> float:
        while True:
            message = json.loads(await ws.recv())
            if message.get("type") == "changed" and "timer" in message["topics"]:
                return time.perf_counter()

    await asyncio.sleep(0.3)  # quiet: the last coalesced messages of the burst are out
    for ws in sockets:  # forget what arrived during the quiet time
        while True:
            try:
                await asyncio.wait_for(ws.recv(), timeout=0.001)
            except (TimeoutError, Exception):
                break
    waiters = [asyncio.create_task(first_message(ws)) for ws in sockets]
    await asyncio.sleep(0)
    sent = time.perf_counter()
    status, _ = await devices[0].request(
        "POST", "/api/facilitator/timer", {"action": "start"}, facilitator
    )
    assert status == 200
    heard = await asyncio.wait_for(asyncio.gather(*waiters), timeout=60)
    fanout_ms = [(t - sent) * 1000 for t in heard]
    for ws in sockets:
        await ws.close()
    for device in devices:
        device.close()
    return {
        "health_rate": health_rate,
        "join_rate": phones / join_meter.wall,
        "join_latencies": join_latencies,
        "join_cpu_ms": join_meter.server / phones * 1000,
        "sockets_seconds": sockets_meter.wall,
        "socket_cpu_ms": sockets_meter.server / phones * 1000,
        "health_cpu_ms": health_meter.server / health_requests * 1000,
        "health_client_share": health_meter.client / health_meter.wall,
        "health_server_share": health_meter.server / health_meter.wall,
        "post_cpu_ms": post_meter.server / post_requests * 1000,
        "post_client_share": post_meter.client / post_meter.wall,
        "post_server_share": post_meter.server / post_meter.wall,
        "write_latencies": write_latencies,
        "writes_per_second": len(write_latencies) / post_seconds,
        "acked": acked,
        "open": opened_loops,
        "fanout_ms": fanout_ms,
    }


def run(phones: int) -> list[Row]:
    from sqlalchemy import func, select

    from app.store.db import Database
    from app.store.models import Note

    with tmp_database("atelier-bench-phones-") as db_path:
        server, url, facilitator, code = start_server(db_path)
        try:
            log(f"phones: {phones} téléphones contre {url} …")
            figures = asyncio.run(simulate(url, phones, facilitator, code, server.pid))
            memory = rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        batches = batch_sizes(db_path)
        db = Database.open(db_path)
        try:
            stored = db.read(lambda s: s.scalar(select(func.count()).select_from(Note)) or 0)
            distinct = db.read(
                lambda s: s.scalar(select(func.count(func.distinct(Note.text)))) or 0
            )
            ids = set(db.read(lambda s: list(s.scalars(select(Note.id)))))
        finally:
            db.close()
    lost = len(figures["acked"] - ids)
    lat = figures["write_latencies"]
    log(
        f"phones: arrivée, {phones} /api/join à la fois : {figures['join_rate']:,.0f}/s, p99 "
        f"{percentile(figures['join_latencies'], 0.99):.0f} ms, CPU du serveur "
        f"{figures['join_cpu_ms']:.2f} ms par arrivée ; websockets ouvertes en "
        f"{figures['sockets_seconds']:.2f} s, CPU du serveur {figures['socket_cpu_ms']:.2f} ms "
        "par websocket"
    )
    log(
        f"phones: boucle fermée, {len(lat)} écritures, {figures['writes_per_second']:,.0f}/s "
        f"(/api/health {figures['health_rate']:,.0f}/s) ; attente dans la file p50 "
        f"{median(lat):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms"
    )
    log(
        "phones: CPU du serveur / du client pendant les écritures "
        f"{figures['post_server_share']:.0%} / {figures['post_client_share']:.0%} d'un cœur, "
        f"pendant /api/health {figures['health_server_share']:.0%} / "
        f"{figures['health_client_share']:.0%}"
    )
    if batches["batches"]:
        log(
            f"phones: commit groupé, {batches['writes']} écritures en {batches['batches']} "
            f"transactions (moyenne {batches['writes'] / batches['batches']:.1f}), "
            f"tailles {batches['sizes']}"
        )
    log(f"phones: accusé d'un post-it en boucle ouverte (objectif p99 ≤ {GOAL_P99_MS:g} ms)")
    log(
        "phones:   fenêtre  offert   servi      p50      p99      max  retard client p99  "
        "CPU serveur / client"
    )
    rows_open: list[Row] = []
    for name, loop in figures["open"].items():
        ol, lags = loop["latencies"], loop["lags"]
        log(
            f"phones:   {loop['window']:>5.1f} s  {loop['offered']:>4,.0f}/s  "
            f"{loop['served']:>4,.0f}/s  {median(ol):>6.1f} ms  {percentile(ol, 0.99):>6.1f} ms  "
            f"{max(ol):>6.1f} ms  {percentile(lags, 0.99):>12.1f} ms  "
            f"{loop['server_share']:.0%} / {loop['client_share']:.0%}"
            + (f"  ({loop['behind']} dus avant la réponse au précédent)" if loop["behind"] else "")
            + (f"  refusés {sorted(set(loop['refused']))}" if loop["refused"] else "")
        )
        rate = f"{len(ol) // NOTES_EACH} téléphones, 3 post-its au hasard sur {loop['window']:g} s"
        rows_open += [
            Row(f"phones.{name}_p50_ms", f"{rate} (≈{loop['offered']:,.0f}/s) : accusé, p50",
                median(ol), "ms"),
            Row(f"phones.{name}_p99_ms", f"{rate} (≈{loop['offered']:,.0f}/s) : accusé, p99",
                percentile(ol, 0.99), "ms", GOAL_P99_MS),
            Row(f"phones.{name}_max_ms", f"{rate} (≈{loop['offered']:,.0f}/s) : accusé, max",
                max(ol), "ms"),
            Row(f"phones.{name}_client_lag_p99_ms",
                "  dont retard du client simulé à envoyer (réveil après l'instant prévu), p99",
                percentile(lags, 0.99), "ms"),
            Row(f"phones.{name}_server_cpu_per_write_ms", "  CPU du serveur par post-it",
                loop["server_cpu_ms"], "ms", baseline="phones.server_cpu_per_health_ms"),
        ]  # fmt: skip
    return [
        *rows_open,
        Row("phones.writes_per_second",
            "Boucle fermée (3 post-its + 1 renvoi par téléphone, dès la réponse) : écritures/s",
            figures["writes_per_second"], "/s", GOAL_WRITES, higher_is_better=True,
            baseline="phones.health_per_second"),
        Row("phones.health_per_second", "Référence : /api/health, même serveur, même run",
            figures["health_rate"], "/s"),
        Row("phones.closed_p50_ms", "  boucle fermée : attente dans la file (Little), p50",
            median(lat), "ms"),
        Row("phones.closed_p99_ms", "  boucle fermée : attente dans la file (Little), p99",
            percentile(lat, 0.99), "ms"),
        Row("phones.joins_per_second", f"Arrivée des {phones} téléphones à la fois (/api/join) : par seconde",
            figures["join_rate"], "/s"),
        Row("phones.join_p99_ms", "  arrivée : réponse à /api/join, p99",
            percentile(figures["join_latencies"], 0.99), "ms"),
        Row("phones.server_cpu_per_join_ms", "  CPU du serveur par /api/join",
            figures["join_cpu_ms"], "ms", baseline="phones.server_cpu_per_health_ms"),
        Row("phones.sockets_open_s", f"Les {phones} websockets ouvertes à la fois, jusqu'au dernier bonjour",
            figures["sockets_seconds"], "s"),
        Row("phones.server_cpu_per_socket_ms", "  CPU du serveur par websocket ouverte",
            figures["socket_cpu_ms"], "ms"),
        Row("phones.server_cpu_per_write_ms", "CPU du serveur par requête POST /api/notes",
            figures["post_cpu_ms"], "ms", baseline="phones.server_cpu_per_health_ms"),
        Row("phones.server_cpu_per_health_ms", "Référence : CPU du serveur par /api/health",
            figures["health_cpu_ms"], "ms"),
        Row("phones.writes_per_commit", "Écritures par transaction (commit groupé, moyenne)",
            batches["writes"] / batches["batches"] if batches["batches"] else float("nan"), ""),
        Row("phones.fanout_p99_ms", f"Un changement entendu par les {phones} websockets, p99",
            percentile(figures["fanout_ms"], 0.99), "ms", GOAL_FANOUT_MS),
        Row("phones.lost", "Post-its acquittés mais absents de la base", lost, "", 0),
        Row("phones.duplicates", "Post-its en double dans la base", stored - distinct, "", 0),
        Row("phones.server_rss_mb", "Mémoire du serveur (RSS)", memory, "Mo"),
    ]  # fmt: skip


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--phones", type=int, default=PHONES)
    args = p.parse_args()
    if not args.rows_json:
        announce("phones")
    finish(run(args.phones), args)


if __name__ == "__main__":
    main()

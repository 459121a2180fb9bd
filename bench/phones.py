"""500 phones on loopback: check in, hold a websocket, post 3 post-its each.

`python -m bench.phones` starts `atelier serve` as a real subprocess (the server alone, as on
a lab server), then simulates `--phones` phones from this process with asyncio:

* each phone checks in (`/api/join`), opens its websocket, then posts 3 post-its; every write
  is timed from send to acknowledgement: p50 and p99 (goal p99 ≤ 50 ms) and the writes per
  second over the posting phase (goal ≥ 2,000/s), with the same run's trivial endpoint
  (`/api/health`) as the ratio's baseline;
* one more post-it is then written while all sockets are open: the time until every phone's
  socket has heard of it, p99 over the phones (goal ≤ 100 ms);
* the database is read afterwards: post-its stored vs acknowledged (lost 0, duplicates 0),
  and the server's memory (VmRSS).

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
        return answer  # type: ignore[no-any-return]

    joined = await asyncio.gather(
        *(
            timed(d.request("POST", "/api/join", {"name": f"Téléphone {n}", "category": "usager",
                                                  "key": f"bench-join-{n:06d}", "code": code}))
            for n, d in enumerate(devices)
        )
    )  # fmt: skip
    tokens = [body["token"] for _status, body in joined]
    ws_url = url.replace("http://", "ws://") + "ws"
    sockets = await asyncio.gather(
        *(connect(f"{ws_url}?token={t}&since=0", open_timeout=60) for t in tokens)
    )
    await asyncio.gather(*(ws.recv() for ws in sockets))  # each phone's hello

    latencies.clear()
    acked = 0

    async def post(n: int, device: Phone, token: str) -> None:
        nonlocal acked
        for i in range(NOTES_EACH):
            note = {"text": f"Idée {i} du téléphone {n}", "key": f"bench-note-{n:06d}-{i}"}
            status, _ = await timed(device.request("POST", "/api/notes", note, token))
            if status == 201:
                acked += 1
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
    log(f"phones: {phones} sockets ouverts, {phones * NOTES_EACH} post-its …")
    with Meter(pid) as post_meter:
        await asyncio.gather(
            *(post(n, d, t) for n, (d, t) in enumerate(zip(devices, tokens, strict=True)))
        )
    post_seconds = post_meter.wall
    post_requests = phones * (NOTES_EACH + 1)  # with the one retry each
    write_latencies = list(latencies)
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
        "health_cpu_ms": health_meter.server / health_requests * 1000,
        "health_client_share": health_meter.client / health_meter.wall,
        "health_server_share": health_meter.server / health_meter.wall,
        "post_cpu_ms": post_meter.server / post_requests * 1000,
        "post_client_share": post_meter.client / post_meter.wall,
        "post_server_share": post_meter.server / post_meter.wall,
        "write_latencies": write_latencies,
        "writes_per_second": len(write_latencies) / post_seconds,
        "acked": acked,
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
            stored = db.read(lambda s: s.scalar(select(func.count()).select_from(Note)))
            distinct = db.read(lambda s: s.scalar(select(func.count(func.distinct(Note.text)))))
        finally:
            db.close()
    lat = figures["write_latencies"]
    log(
        f"phones: {len(lat)} écritures, p50 {median(lat):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms"
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
    return [
        Row("phones.write_p50_ms", f"{phones} téléphones : accusé d'un post-it, p50",
            median(lat), "ms"),
        Row("phones.write_p99_ms", f"{phones} téléphones : accusé d'un post-it, p99",
            percentile(lat, 0.99), "ms", GOAL_P99_MS),
        Row("phones.writes_per_second", "Écritures acquittées par seconde (post-its)",
            figures["writes_per_second"], "/s", GOAL_WRITES, higher_is_better=True,
            baseline="phones.health_per_second"),
        Row("phones.health_per_second", "Référence : /api/health, même serveur, même run",
            figures["health_rate"], "/s"),
        Row("phones.server_cpu_per_write_ms", "CPU du serveur par requête POST /api/notes",
            figures["post_cpu_ms"], "ms", baseline="phones.server_cpu_per_health_ms"),
        Row("phones.server_cpu_per_health_ms", "Référence : CPU du serveur par /api/health",
            figures["health_cpu_ms"], "ms"),
        Row("phones.writes_per_commit", "Écritures par transaction (commit groupé, moyenne)",
            batches["writes"] / batches["batches"] if batches["batches"] else float("nan"), ""),
        Row("phones.fanout_p99_ms", f"Un changement entendu par les {phones} websockets, p99",
            percentile(figures["fanout_ms"], 0.99), "ms", GOAL_FANOUT_MS),
        Row("phones.lost", "Post-its acquittés mais absents de la base",
            max(0, figures["acked"] - stored), "", 0),
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

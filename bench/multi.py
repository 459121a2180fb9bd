"""Two `atelier serve` on one PostgreSQL base against one on SQLite: the live stream across
processes (LISTEN/NOTIFY, app/store/notify.py), the writes, nothing lost or doubled.

`python -m bench.multi` starts a throw-away PostgreSQL cluster (Debian's `postgresql`
binaries, in a temporary folder; or `--pg-url` an existing base), makes one workshop, runs two
`atelier serve` on it as real subprocesses, and `--phones` phones on each (asyncio, in this
process): each checks in with its server, holds its websocket open, and posts `--notes`
post-its over a few seconds (each with its own idempotency key). Meanwhile the team moves the
timer through one server then the other, `--toggles` times:

* cross-server delivery: from the facilitator route's answer on server A (its journal `seq`)
  to the message carrying that seq on each phone socket of server B, p50 and p99 (goal p99
  ≤ 200 ms);
* acknowledged post-its per second, over the whole run;
* lost (acknowledged, absent from the base) and duplicated (stored twice): must be 0 / 0.

The same run then serves 2 × `--phones` phones from one server on a SQLite file (delivery on
the same server), as the reference. The short form is 2 × 100 phones (the machine is 2 shared
cores); `--phones 500` is the issue's size.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

from bench.common import ROOT, Row, announce, finish, log, median, parser
from bench.phones import Phone, percentile

PHONES = 100  # per server (short form); the size is 500
NOTES = 5  # per phone
TOGGLES = 20
WINDOW_S = 6.0  # the post-its are sent over this many seconds
GOAL_DELIVERY_P99_MS = 200.0
START_TIMEOUT_S = 90.0
HEARD_WITHIN_S = 15.0  # after the last write, how long the phones' sockets are waited for


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", HOME=str(home),
                ATELIER_CONFIG=str(home / "settings.json"))  # fmt: skip


# -- a throw-away PostgreSQL cluster -------------------------------------------------------------
@dataclass
class Cluster:
    root: Path
    bindir: Path
    port: int
    run_as: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/atelier"

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m",
             "fast", "-w", "stop"],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if not versions:
        raise SystemExit("PostgreSQL's binaries are missing (Debian package `postgresql`).")
    bindir = versions[0].parent
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="atelier-bench-pg-", dir="/dev/shm"))
    if run_as:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(
        [*run_as, str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
         "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # a lab's settings, not the tests' (fsync stays on: the acknowledgements are durable)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c max_connections=200"
    subprocess.run(
        [*run_as, str(bindir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"),
         "-o", options, "-w", "start"],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    subprocess.run(
        [*run_as, str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
         "postgres", "atelier"],
        capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    return Cluster(root, bindir, port, run_as)


# -- `atelier serve` -----------------------------------------------------------------------------
@dataclass
class Server:
    proc: subprocess.Popen[str]
    host: str
    port: int
    token: str
    code: str

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def new_workshop(db: str, home: Path) -> int:
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", db, "new", "--format", "3h", "--title", "Deux salles"],
        capture_output=True, text=True, env=_env(home), check=True, timeout=120,
    )  # fmt: skip
    return int(made.stdout.strip().splitlines()[-1])


def serve(db: str, workshop: int, home: Path) -> Server:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", db, "serve", "--workshop", str(workshop),
         "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env(home),
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
    host, port = printed["Participants"].removeprefix("http://").split("/")[0].split(":")
    return Server(proc, host, int(port), printed["Jeton d'animation"],
                  printed["Code de la séance"].split()[0])  # fmt: skip


# -- the phones ----------------------------------------------------------------------------------
@dataclass
class Heard:
    """What one phone's socket heard: (arrival time, seq) of each message."""

    server: int
    messages: list[tuple[float, int]] = field(default_factory=list)


@dataclass
class Run:
    acked: dict[str, int] = field(default_factory=dict)  # post-it text -> id acknowledged
    refused: Counter[int] = field(default_factory=Counter)
    toggles: list[tuple[int, float, int]] = field(default_factory=list)  # server, acked at, seq
    heard: list[Heard] = field(default_factory=list)
    seconds: float = 0.0


async def _listen(ws: ClientConnection, heard: Heard) -> None:
    async for message in ws:
        data = json.loads(message)
        heard.messages.append((time.perf_counter(), int(data.get("seq") or 0)))


async def drive(servers: list[Server], phones_each: int, notes_each: int, toggles: int) -> Run:
    run = Run()
    rng = random.Random(19)
    phones: list[tuple[int, Phone, str]] = []

    async def arrive(index: int, n: int) -> None:
        server = servers[index]
        device = Phone(server.host, server.port)
        body = {"code": server.code, "name": f"P{index}-{n}", "category": "public",
                "key": f"join-{index}-{n:05d}"}  # fmt: skip
        status, answer = await device.request("POST", "/api/join", body)
        assert status == 201, (status, answer)
        phones.append((index, device, answer["token"]))

    await asyncio.gather(*(arrive(i, n) for i in range(len(servers)) for n in range(phones_each)))
    sockets: list[ClientConnection] = []
    listeners = []
    for index, _device, token in phones:
        server = servers[index]
        ws = await connect(f"ws://{server.host}:{server.port}/ws?token={token}&since=0")
        await ws.recv()  # its hello
        heard = Heard(index)
        run.heard.append(heard)
        sockets.append(ws)
        listeners.append(asyncio.ensure_future(_listen(ws, heard)))
    log(f"  {len(phones)} téléphones connectés sur {len(servers)} serveur(s)")

    async def write(n: int, index: int, device: Phone, token: str) -> None:
        for i, at in enumerate(sorted(rng.uniform(0, WINDOW_S) for _ in range(notes_each))):
            await asyncio.sleep(max(0.0, start + at - time.perf_counter()))
            text = f"Idée {n}.{i}"
            key = f"note-{n:05d}-{i:04d}"
            status, answer = await device.request("POST", "/api/notes", {"text": text, "key": key},
                                                  token)  # fmt: skip
            if status == 201:
                run.acked[text] = int(answer["id"])
            else:
                run.refused[status] += 1

    async def team() -> None:
        drivers = [Phone(s.host, s.port) for s in servers]
        for t in range(toggles):
            await asyncio.sleep(WINDOW_S / (toggles + 1))
            index = t % len(servers)
            status, answer = await drivers[index].request(
                "POST", "/api/facilitator/timer", {"action": "toggle"}, servers[index].token
            )
            acked_at = time.perf_counter()
            if status == 200:
                run.toggles.append((index, acked_at, int(answer["seq"])))
        for d in drivers:
            d.close()

    start = time.perf_counter() + 0.1
    await asyncio.gather(team(), *(write(n, i, d, t) for n, (i, d, t) in enumerate(phones)))
    run.seconds = time.perf_counter() - start
    # the last messages arrive (a socket that never hears the last toggle counts as never)
    last = max((seq for _s, _at, seq in run.toggles), default=0)
    deadline = time.perf_counter() + HEARD_WITHIN_S
    while time.perf_counter() < deadline and not all(
        any(s >= last for _at, s in heard.messages) for heard in run.heard
    ):
        await asyncio.sleep(0.05)
    for task in listeners:
        task.cancel()
    for ws in sockets:
        await ws.close()
    for _i, device, _t in phones:
        device.close()
    return run


def delivery_ms(run: Run, *, across: bool) -> list[float]:
    """For each toggle, each phone socket (of the other server when `across`) : from the
    answer on the server that moved the timer to the first message carrying its seq or later."""
    out: list[float] = []
    for server, acked_at, seq in run.toggles:
        for heard in run.heard:
            if across and heard.server == server:
                continue
            arrival = next((at for at, s in heard.messages if s >= seq), None)
            if arrival is not None:
                out.append(max(0.0, arrival - acked_at) * 1000)
            else:
                out.append(float("inf"))  # never heard: counts against the p99
    return out


def stored(db: str, workshop: int) -> Counter[str]:
    from sqlalchemy import select

    from app.store.db import Database
    from app.store.models import Note

    base = Database.open(db)
    try:
        texts = base.read(
            lambda s: s.scalars(select(Note.text).where(Note.workshop_id == workshop)).all()
        )
    finally:
        base.close()
    return Counter(texts)


def scenario(db: str, servers_n: int, phones_each: int, notes_each: int, toggles: int,
             home: Path) -> tuple[Run, int, int]:  # fmt: skip
    workshop = new_workshop(db, home)
    servers = [serve(db, workshop, home) for _ in range(servers_n)]
    try:
        run = asyncio.run(drive(servers, phones_each, notes_each, toggles))
    finally:
        for server in servers:
            server.stop()
    counts = stored(db, workshop)
    lost = sum(1 for text in run.acked if counts[text] == 0)
    doubled = sum(1 for text in run.acked if counts[text] > 1)
    return run, lost, doubled


def run(phones: int, notes_each: int, toggles: int, pg_url: str | None) -> list[Row]:
    home = Path(tempfile.mkdtemp(prefix="atelier-bench-multi-"))
    cluster = None if pg_url else start_cluster()
    try:
        url = pg_url or (cluster.url if cluster else "")
        log(f"2 serveurs × {phones} téléphones sur PostgreSQL…")
        pg, pg_lost, pg_doubled = scenario(url, 2, phones, notes_each, toggles, home)
        log(f"1 serveur × {2 * phones} téléphones sur SQLite…")
        lite, lite_lost, lite_doubled = scenario(
            str(home / "atelier.sqlite3"), 1, 2 * phones, notes_each, toggles, home
        )
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(home, ignore_errors=True)
    across = delivery_ms(pg, across=True)
    local = delivery_ms(lite, across=False)
    finite = [v for v in across if v != float("inf")]
    log(f"  PostgreSQL : {len(pg.acked)} post-its acquittés en {pg.seconds:.1f} s, "
        f"refus {dict(pg.refused)}, {len(across) - len(finite)} messages jamais reçus")  # fmt: skip
    log(f"  SQLite : {len(lite.acked)} post-its acquittés en {lite.seconds:.1f} s, "
        f"refus {dict(lite.refused)}")  # fmt: skip
    n = 2 * phones
    return [
        Row("multi.cross_p50_ms", f"2 serveurs × {phones} tél. : minuteur sur A → téléphones de B, médiane",
            median(across), "ms", baseline="multi.sqlite_p50_ms"),
        Row("multi.cross_p99_ms", f"2 serveurs × {phones} tél. : minuteur sur A → téléphones de B, p99",
            percentile(across, 0.99), "ms", GOAL_DELIVERY_P99_MS, baseline="multi.sqlite_p99_ms"),
        Row("multi.pg_writes_per_s", "2 serveurs, PostgreSQL : post-its acquittés par seconde (charge offerte)",
            len(pg.acked) / pg.seconds, "/s", baseline="multi.sqlite_writes_per_s"),
        Row("multi.pg_lost", "PostgreSQL : post-its acquittés absents de la base",
            float(pg_lost), "", 0),
        Row("multi.pg_duplicated", "PostgreSQL : post-its acquittés stockés deux fois",
            float(pg_doubled), "", 0),
        Row("multi.sqlite_p50_ms", f"Référence : 1 serveur × {n} tél. sur SQLite, médiane",
            median(local), "ms"),
        Row("multi.sqlite_p99_ms", f"Référence : 1 serveur × {n} tél. sur SQLite, p99",
            percentile(local, 0.99), "ms"),
        Row("multi.sqlite_writes_per_s", "Référence : SQLite, post-its acquittés par seconde (charge offerte)",
            len(lite.acked) / lite.seconds, "/s"),
        Row("multi.sqlite_lost_duplicated", "Référence : SQLite, perdus + doublés",
            float(lite_lost + lite_doubled), "", 0),
    ]  # fmt: skip


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument(
        "--phones", type=int, default=PHONES, help="téléphones par serveur (500 : l'issue)"
    )
    p.add_argument("--notes", type=int, default=NOTES, help="post-its par téléphone")
    p.add_argument("--toggles", type=int, default=TOGGLES)
    p.add_argument("--pg-url", default=None, help="une base PostgreSQL existante (vide)")
    args = p.parse_args()
    if not args.rows_json:
        announce("multi")
    rows = run(args.phones, args.notes, args.toggles, args.pg_url)
    finish(rows, args)


if __name__ == "__main__":
    main()

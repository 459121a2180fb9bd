"""Guessing the join code, and a huge request head, against a real server.

`python -m bench.security`:

* the expected time to find the join code at the most the server lets any number of
  addresses try (app/server/limits.py): half the code space at the room's ceiling; goal
  ≥ 1,000 × a 3-day workshop (3,000 days);
* an attacker script against a real server thread for `--seconds` (default 3): wrong codes
  to `/api/code` as fast as it can, from 16 source addresses at once (127.0.10.x: a botnet
  on the Wi-Fi); it prints the requests a second the server answered, and how many
  wrong codes it actually checked before refusing everything, the right code included. Those
  checked tries, at most once per `ROOM_WINDOW`, give the measured expected time to guess;
* a request whose header is `--header-mb` (default 10) megabytes: how long until the server
  refuses it (431), and, with `--before`, how long uvicorn's plain httptools protocol spent on
  it (tens of seconds: the finding of issue 18).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import time
from typing import Any

from bench.common import Row, announce, finish, log, parser, tmp_database

SECONDS = 3.0
HEADER_MB = 10
ATTACKERS = 16  # source addresses, each with its own connection
DAY = 86400.0


def _serve(path: Any, plain: bool = False) -> tuple[Any, Any, str, int]:
    from app.ops import live
    from app.ops.base import Context
    from app.ops.workshops import create_workshop
    from app.server import runner
    from app.server.app import create_app
    from app.store.db import Database

    db = Database.open(path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Banc de sécurité").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    server = runner.ServerThread(create_app(ctx, wid), "127.0.0.1", 0)
    if plain:  # uvicorn's own httptools protocol, as before the limits (loaded at start)
        server._server.config.http = "httptools"
    server.start()
    return db, server, live.door(ctx, wid)[1], server.port


async def _guess(url: str, code: str, seconds: float) -> tuple[int, int, int, bool]:
    """(requests answered, wrong codes checked, refused, right code refused at the end)."""
    import httpx

    wrong = "".join("2" if c != "2" else "3" for c in code)
    answered = checked = refused = 0
    deadline = time.perf_counter() + seconds

    async def attacker(address: str) -> None:  # one address of the botnet, as fast as it can
        nonlocal answered, checked, refused
        transport = httpx.AsyncHTTPTransport(local_address=address)
        async with httpx.AsyncClient(base_url=url, transport=transport, timeout=10) as client:
            while time.perf_counter() < deadline:
                answer = await client.post("/api/code", json={"code": wrong})
                answered += 1
                if answer.status_code == 403:
                    checked += 1
                else:
                    refused += 1

    await asyncio.gather(*(attacker(f"127.0.10.{n + 1}") for n in range(ATTACKERS)))
    transport = httpx.AsyncHTTPTransport(local_address="127.9.9.9")
    async with httpx.AsyncClient(base_url=url, transport=transport, timeout=10) as client:
        right = await client.post("/api/code", json={"code": code})
    return answered, checked, refused, right.status_code == 429


def _huge_header(port: int, megabytes: int) -> tuple[float, bytes]:
    """Seconds from the first byte of a `megabytes` header to the server's answer."""
    head = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
    chunk = b"a" * 65536
    total = megabytes * 1024 * 1024
    started = time.perf_counter()
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=300) as sock:
        try:
            sock.sendall(head)
            sent = 0
            while sent < total:
                sock.sendall(chunk)
                sent += len(chunk)
            sock.sendall(b"\r\n\r\n")
        except OSError:
            pass  # the server stopped reading: refused
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
                if b"\r\n\r\n" in answer and not answer.startswith(b"HTTP/1.1 431"):
                    break
        except OSError:
            pass
    return time.perf_counter() - started, answer.split(b"\r\n", 1)[0]


def run(seconds: float, header_mb: int, before: bool) -> list[Row]:
    from app.domain.join_code import ALPHABET, LENGTH
    from app.server import limits

    space = len(ALPHABET) ** LENGTH
    goal_days = limits.GOAL_TIMES * limits.WORKSHOP_SECONDS / DAY
    ceiling_days = limits.guess_time() / DAY
    log(f"codes possibles : {space:,} ; plafond de la salle : {limits.WRONG_PER_ROOM} "
        f"erreurs par {limits.ROOM_WINDOW / 60:.0f} min")  # fmt: skip
    log(
        f"temps moyen pour deviner, au plafond : {ceiling_days:,.0f} jours "
        f"({ceiling_days / 3:,.0f} × un atelier de 3 jours ; objectif ≥ {goal_days:,.0f} jours)"
    )
    rows = [
        Row("security.guess_days", "Temps moyen pour deviner le code (plafond)", ceiling_days,
            "jours", goal_days, True),
    ]  # fmt: skip
    with tmp_database("atelier-bench-security-") as path:
        db, server, code, port = _serve(path)
        try:
            answered, checked, refused, right_refused = asyncio.run(
                _guess(server.url, code, seconds)
            )
            rate = answered / seconds
            log(f"attaquant : {answered} requêtes en {seconds:.0f} s ({rate:.0f}/s) ; "
                f"{checked} codes vérifiés, {refused} refusés sans vérification ; "
                f"bon code ensuite refusé : {'oui' if right_refused else 'NON'}")  # fmt: skip
            # at most `checked` tries per ROOM_WINDOW: the run ends well within one
            per_second = max(checked, 1) / limits.ROOM_WINDOW
            measured_days = (space / 2) / per_second / DAY
            log(f"temps moyen pour deviner, mesuré : {measured_days:,.0f} jours")
            elapsed, status = _huge_header(port, header_mb)
            log(f"en-tête de {header_mb} Mo : {status.decode(errors='replace')} en "
                f"{elapsed * 1000:.0f} ms")  # fmt: skip
        finally:
            server.stop()
            db.close()
    rows += [
        Row("security.requests", "Requêtes de l'attaquant traitées", rate, "/s"),
        Row("security.checked", "Codes vérifiés avant blocage (par heure)", float(checked),
            "essais", float(limits.WRONG_PER_ROOM), False),
        Row("security.guess_days_measured", "Temps moyen pour deviner, mesuré", measured_days,
            "jours", goal_days, True),
        Row("security.huge_header", f"En-tête de {header_mb} Mo refusé en", elapsed * 1000, "ms",
            1000.0),
    ]  # fmt: skip
    if before:
        with tmp_database("atelier-bench-security-") as path:
            db, server, _code, port = _serve(path, plain=True)
            try:
                was, status = _huge_header(port, header_mb)
            finally:
                server.stop()
                db.close()
        log(f"avant (httptools seul) : {status.decode(errors='replace')} en {was:.1f} s")
        rows.append(Row("security.huge_header_before", f"En-tête de {header_mb} Mo, httptools "
                        "seul", was * 1000, "ms"))  # fmt: skip
    return rows


def main() -> None:
    p: argparse.ArgumentParser = parser(__doc__ or "")
    p.add_argument("--seconds", type=float, default=SECONDS)
    p.add_argument("--header-mb", type=int, default=HEADER_MB)
    p.add_argument("--before", action="store_true", help="also the plain httptools protocol")
    args = p.parse_args()
    if not args.rows_json:
        announce("security")
    finish(run(args.seconds, args.header_mb, args.before), args)


if __name__ == "__main__":
    main()

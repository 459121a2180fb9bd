"""A burst of dot votes: 500 phones × 5 dots over 2 seconds, against 'atelier serve'.

`python -m bench.votes` starts the server as a real subprocess (as bench.phones does), checks
`--phones` phones in, has a few of them write post-its, opens a dot vote (5 dots, at most 2
on one post-it) on the whole board, then each phone sends its ballot of 5 dots at a moment
drawn uniformly over `--seconds` (a tenth of them also send it a second time with the same
key, as a phone on a flaky network does). Printed against the goals of issue 6:

* acknowledgement of a ballot, p50 and p99 (goal p99 ≤ 50 ms);
* every vote counted: dots acknowledged vs stored, duplicated ballots, and the live counts
  equal to a recount of the stored votes (goal: 0 lost, 0 duplicates, counts equal);
* results with every vote, as the projector would show them after the last vote: the time
  from the last acknowledgement to a results answer holding every dot (goal ≤ 200 ms);
* the tally of the 2,500 votes, in-process, from the live counts and by a full recount
  (goal ≤ 10 ms).

The phones are simulated by one Python process on the same 2 cores as the server: the
client's own work is inside every figure. The server's own CPU time per ballot request (from
/proc/PID/stat) is printed too: it does not depend on how busy the shared machine is.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

from bench.common import Row, announce, finish, log, median, parser, tmp_database
from bench.phones import Meter, Phone, batch_sizes, percentile, rss_mb, start_server

PHONES = 500
DOTS = 5
CAP = 2
SECONDS = 2.0
AUTHORS = 12  # phones that write one post-it each: the items of the vote
GOAL_ACK_P99_MS = 50.0
GOAL_RESULTS_MS = 200.0
GOAL_TALLY_MS = 10.0


class VotingPhone(Phone):
    """A phone that reconnects when the server closed its idle keep-alive connection (and
    sends the request again: a ballot carries its key, a resend counts once)."""

    async def request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str = ""
    ) -> tuple[int, Any]:
        try:
            return await super().request(method, path, body, token)
        except (IndexError, ConnectionError, asyncio.IncompleteReadError):
            self.close()
            self.reader = self.writer = None
            return await super().request(method, path, body, token)


def ballot_for(n: int, items: list[str]) -> dict[str, int]:
    """5 dots, at most 2 on one item: 2 + 2 + 1 on three items picked by the phone."""
    pick = random.Random(n).sample(items, 3)
    return {pick[0]: 2, pick[1]: 2, pick[2]: 1}


async def simulate(
    url: str, phones: int, facilitator: str, code: str, seconds: float, pid: int
) -> dict[str, Any]:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    devices = [VotingPhone(host, int(port)) for _ in range(phones)]
    boss = VotingPhone(host, int(port))
    joined = await asyncio.gather(
        *(d.request("POST", "/api/join", {"name": f"Votant·e {n}", "category": "public",
                                         "key": f"bench-vote-join-{n:06d}", "code": code})
          for n, d in enumerate(devices))
    )  # fmt: skip
    tokens = [body["token"] for _status, body in joined]
    for n in range(AUTHORS):
        status, _ = await devices[n].request(
            "POST", "/api/notes", {"text": f"Idée n° {n + 1}", "key": f"bench-idea-{n:04d}"},
            tokens[n],
        )  # fmt: skip
        assert status == 201, status
    status, opened = await boss.request(
        "POST", "/api/facilitator/votes",
        {"kind": "dots", "title": "Banc", "items": "board",
         "settings": {"dots": DOTS, "cap": CAP, "own_allowed": True}},
        facilitator,
    )  # fmt: skip
    assert status == 200, opened
    round_id = opened["round_id"]
    status, current = await devices[0].request("GET", "/api/votes/current", token=tokens[0])
    items = [i["key"] for i in current["round"]["items"]]
    log(f"votes: tour {round_id} sur {len(items)} post-its, {phones} téléphones, {seconds} s …")

    latencies: list[float] = []
    acked_dots = 0
    last_ack = 0.0
    refused: list[Any] = []
    meter = Meter(pid).__enter__()
    start = time.perf_counter()

    async def vote(n: int, device: Phone, token: str) -> None:
        nonlocal acked_dots, last_ack
        await asyncio.sleep(random.Random(-n).uniform(0, seconds))
        body = {"key": f"bench-ballot-{n:06d}", "choices": ballot_for(n, items)}
        for attempt in range(2 if n % 10 == 0 else 1):
            t0 = time.perf_counter()
            status, answer = await device.request(
                "POST", f"/api/votes/{round_id}/ballot", body, token
            )
            t1 = time.perf_counter()
            latencies.append((t1 - t0) * 1000)
            if status != 200:
                refused.append(answer)
            elif attempt == 0:
                acked_dots += DOTS - answer["remaining"]
            last_ack = max(last_ack, t1)

    await asyncio.gather(
        *(vote(n, d, t) for n, (d, t) in enumerate(zip(devices, tokens, strict=True)))
    )
    burst = time.perf_counter() - start
    meter.__exit__()
    # what the projector shows after the last vote: results holding every dot
    status, results = await boss.request(
        "GET", f"/api/facilitator/votes/{round_id}/results", token=facilitator
    )
    shown_at = time.perf_counter()
    shown = sum(line["score"] for line in results["lines"])
    for d in [*devices, boss]:
        d.close()
    return {
        "round_id": round_id,
        "latencies": latencies,
        "acked_dots": acked_dots,
        "refused": refused,
        "burst": burst,
        "results_ms": (shown_at - last_ack) * 1000,
        "shown": shown,
        "turnout": results["turnout"]["text"],
        "server_cpu_ms": meter.server / len(latencies) * 1000,
        "server_share": meter.server / meter.wall,
        "client_share": meter.client / meter.wall,
    }


def tally_times(db_path: Any, round_id: int) -> tuple[float, float, bool, int, int]:
    from sqlalchemy import func, select

    from app.ops import votes
    from app.ops.base import Context
    from app.store.db import Database
    from app.store.models import Vote, VoteBallot

    db = Database.open(db_path)
    try:
        ctx = Context(db)
        live_ms, recount_ms = [], []
        for _ in range(7):
            t0 = time.perf_counter()
            votes.results(ctx, round_id)
            live_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            votes.recount(ctx, round_id)
            recount_ms.append((time.perf_counter() - t0) * 1000)
        equal = votes.live_counts(ctx, round_id) == votes.recount(ctx, round_id)
        stored = db.read(lambda s: s.scalar(select(func.coalesce(func.sum(Vote.value), 0))))
        ballots = db.read(lambda s: s.scalar(select(func.count()).select_from(VoteBallot)))
    finally:
        db.close()
    return median(live_ms), median(recount_ms), equal, int(stored or 0), int(ballots or 0)


def run(phones: int, seconds: float) -> list[Row]:
    with tmp_database("atelier-bench-votes-") as db_path:
        server, url, facilitator, code = start_server(db_path)
        try:
            figures = asyncio.run(simulate(url, phones, facilitator, code, seconds, server.pid))
            memory = rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        batches = batch_sizes(db_path)
        live_ms, recount_ms, equal, stored, ballots = tally_times(db_path, figures["round_id"])
    lat = figures["latencies"]
    if figures["refused"]:
        log(f"votes: {len(figures['refused'])} refus, par exemple {figures['refused'][0]}")
    log(f"votes: {len(lat)} requêtes en {figures['burst']:.2f} s, {figures['turnout']}")
    log(
        f"votes: CPU du serveur / du client pendant la rafale {figures['server_share']:.0%} / "
        f"{figures['client_share']:.0%} d'un cœur; commit groupé, {batches['writes']} écritures "
        f"en {batches['batches']} transactions"
    )
    return [
        Row("votes.ack_p50_ms", f"{phones} téléphones × {DOTS} gommettes en {seconds:g} s : accusé, p50",
            median(lat), "ms"),
        Row("votes.ack_p99_ms", "Accusé d'un bulletin, p99", percentile(lat, 0.99), "ms",
            GOAL_ACK_P99_MS),
        Row("votes.requests_per_second", "Bulletins reçus par seconde (dont 10 % de renvois)",
            len(lat) / figures["burst"], "/s"),
        Row("votes.server_cpu_per_ballot_ms", "CPU du serveur par bulletin reçu",
            figures["server_cpu_ms"], "ms"),
        Row("votes.lost", "Gommettes acquittées mais absentes de la base",
            max(0, figures["acked_dots"] - stored), "", 0),
        Row("votes.duplicates", "Gommettes comptées en trop (renvois, bulletins en double)",
            max(0, stored - figures["acked_dots"]) + max(0, ballots - phones), "", 0),
        Row("votes.refused", "Bulletins refusés", len(figures["refused"]), "", 0),
        Row("votes.counts_mismatch", "Compteurs en direct ≠ recomptage des votes",
            0 if equal else 1, "", 0),
        Row("votes.results_after_last_ms", "Dernier vote → résultats complets (projecteur)",
            figures["results_ms"], "ms", GOAL_RESULTS_MS),
        Row("votes.results_missing", "Gommettes absentes des résultats affichés",
            max(0, figures["acked_dots"] - figures["shown"]), "", 0),
        Row("votes.tally_ms", f"Classement de {phones} × {DOTS} votes (compteurs en direct)",
            live_ms, "ms", GOAL_TALLY_MS),
        Row("votes.recount_ms", f"Recomptage complet des {stored} gommettes stockées",
            recount_ms, "ms", GOAL_TALLY_MS),
        Row("votes.server_rss_mb", "Mémoire du serveur (RSS)", memory, "Mo"),
    ]  # fmt: skip


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--phones", type=int, default=PHONES)
    p.add_argument("--seconds", type=float, default=SECONDS)
    args = p.parse_args()
    if not args.rows_json:
        announce("votes")
    finish(run(args.phones, args.seconds), args)


if __name__ == "__main__":
    main()

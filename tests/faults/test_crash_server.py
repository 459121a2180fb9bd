"""`kill -9` of `atelier serve` while phones check in, post and vote: nothing acknowledged is
lost, nothing retried is written twice, and the tallies equal the stored votes.

The fast form (every `make test`) kills the server 10 times under 40 phones; the soak form
(`make soak`) 30 times under 300 phones.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from faults_helpers import check_room, crash_run


def _crash(tmp_path: Path, *, phones: int, kills: int, most_acks: int) -> dict[str, int]:
    seed = int(os.environ.get("ATELIER_FAULT_SEED", "20261122"))
    db_path = tmp_path / "crash.sqlite3"
    room, workshop_id = asyncio.run(
        crash_run(
            db_path, tmp_path / "serve.log", phones=phones, kills=kills, seed=seed,
            most_acks=most_acks,
        )
    )  # fmt: skip
    figures = check_room(room, db_path, workshop_id)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")
    assert "servi" not in log and len(log) < 1_000_000  # stderr is the log, not the banner
    leaked = [p.name for p in room.phones if p.token in log]
    assert not leaked, f"tokens in the server's log: {leaked}"
    assert all(token not in log for token in room.served.tokens)
    figures["kills"] = kills
    print(f"crash test (seed {seed}):", figures)
    assert figures["resent"] > 0, "no write was ever caught by a kill: the test proves nothing"
    return figures


@pytest.mark.slow
def test_kill_9_under_phones_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _crash(tmp_path, phones=40, kills=10, most_acks=120)


@pytest.mark.soak
def test_soak_kill_9_under_300_phones(tmp_path: Path) -> None:
    _crash(tmp_path, phones=300, kills=30, most_acks=1500)

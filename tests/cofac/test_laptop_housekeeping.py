"""A revoked laptop stops talking to the host; old replicas are cleared at start-up."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from cofac_helpers import WAIT, Host

from app.cofac_client import CoFacClient, prune_replicas
from app.ops import cofac

DAY = 86400.0


def test_once_revoked_the_laptop_stops_reconnecting_and_says_so(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="scribe")
    told: list[bool] = []
    changed = threading.Event()

    def heard(online: bool) -> None:
        told.append(online)
        changed.set()

    laptop.status_listeners.append(heard)
    assert laptop.running
    cofac.revoke(host.ctx, host.workshop_id, laptop.pairing.laptop_id)
    assert laptop.wait(lambda: laptop.revoked, WAIT)
    assert changed.wait(WAIT)
    # both threads end: no more websocket attempts nor requests to the host
    for thread in laptop._threads:
        thread.join(WAIT)
    assert not laptop.running
    assert told == [False]  # told once
    assert laptop.status_text == "Déconnecté par l'animatrice"
    assert not laptop.online


def test_a_token_the_host_no_longer_takes_stops_the_laptop_at_once(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    """Revoked while it was not connected: the socket is refused before its handshake, the
    worker asks over HTTP and stops."""
    laptop = make_laptop(host, role="scribe", start=False)
    cofac.revoke(host.ctx, host.workshop_id, laptop.pairing.laptop_id)
    laptop.start()
    assert laptop.wait(lambda: laptop.revoked, WAIT)
    for thread in laptop._threads:
        thread.join(WAIT)
    assert not laptop.running


def _touch(path: Path, age_days: float, now: float) -> Path:
    path.write_bytes(b"x")
    os.utime(path, (now - age_days * DAY, now - age_days * DAY))
    return path


def test_replicas_not_written_for_30_days_are_deleted_and_nothing_else(tmp_path: Path) -> None:
    now = 1_795_000_000.0
    folder = tmp_path / "replicas"
    folder.mkdir()
    old = [
        _touch(folder / "seance-192-168-1-10-8765-3.sqlite3", 45, now),
        _touch(folder / "seance-192-168-1-10-8765-3.sqlite3-wal", 45, now),
        _touch(folder / "seance-192-168-1-10-8765-3.sqlite3-shm", 45, now),
    ]
    kept = [
        # written recently through its -wal: the replica is in use
        _touch(folder / "seance-10-0-0-2-8765-7.sqlite3", 60, now),
        _touch(folder / "seance-10-0-0-2-8765-7.sqlite3-wal", 2, now),
        _touch(folder / "seance-127-0-0-1-8766-1.sqlite3", 29, now),
        _touch(folder / "device_key", 400, now),  # pairing again keeps the role
        _touch(folder / "notes.sqlite3", 400, now),  # not a replica's name
    ]
    (folder / "seance-link-8765-9.sqlite3").symlink_to(kept[-1])
    deleted = prune_replicas(folder, keep_days=30, now=now)
    assert sorted(deleted) == sorted(old)
    assert not any(p.exists() for p in old)
    assert all(p.exists() for p in kept)
    assert (folder / "seance-link-8765-9.sqlite3").is_symlink()
    assert prune_replicas(tmp_path / "absent", now=now) == []

"""A laptop's replicas and device key live in a `replicas` folder next to its own store."""

from __future__ import annotations

from pathlib import Path

from app.cofac_client import REPLICA_FILE
from app.replica_files import DEVICE_KEY_FILE, device_key, replica_folder, replica_path
from app.store.db import default_db_path


def test_the_replicas_folder_is_beside_a_sqlite_store_else_beside_the_default_one(
    tmp_path: Path,
) -> None:
    store = tmp_path / "atelier.sqlite3"
    assert replica_folder(f"sqlite:///{store}") == tmp_path / "replicas"
    beside_default = default_db_path().parent / "replicas"
    assert replica_folder("sqlite:///:memory:") == beside_default
    assert replica_folder("postgresql+psycopg://u@localhost/atelier") == beside_default


def test_a_replica_is_named_after_its_host_and_workshop_as_the_clean_up_expects(
    tmp_path: Path,
) -> None:
    path = replica_path(tmp_path, "http://192.168.1.10:8765", 3)
    assert path == tmp_path / "seance-192-168-1-10-8765-3.sqlite3"
    assert REPLICA_FILE.fullmatch(path.name)
    odd = replica_path(tmp_path, "http://[fe80::1]:8765/", 12)
    assert odd.parent == tmp_path and REPLICA_FILE.fullmatch(odd.name)


def test_the_device_key_is_made_once_then_kept(tmp_path: Path) -> None:
    folder = tmp_path / "replicas"  # not there yet: made with the key
    first = device_key(folder)
    assert 8 <= len(first) <= 64
    assert (folder / DEVICE_KEY_FILE).read_text(encoding="utf-8") == first
    assert device_key(folder) == first


def test_a_file_that_is_not_a_key_is_replaced(tmp_path: Path) -> None:
    (tmp_path / DEVICE_KEY_FILE).write_text("short\n", encoding="utf-8")
    key = device_key(tmp_path)
    assert key != "short" and 8 <= len(key) <= 64
    assert device_key(tmp_path) == key


def test_a_key_that_cannot_be_kept_still_serves(tmp_path: Path) -> None:
    # a folder that cannot be made, whoever runs the test (root included): a file is in the way
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    key = device_key(blocker / "replicas")
    assert 8 <= len(key) <= 64
    assert blocker.is_file() and not (blocker / "replicas").exists()

"""Where a co-facilitator laptop keeps its files: the replicas of the séances it joined, its
device key and the certificates of the hosts it paired with (pinned: `pin_certificate`), in a
`replicas` folder next to this laptop's own store.

No Qt. The window asks these (through its controller); the replicas' clean-up at start-up is
`app.cofac_client.prune_replicas`, on the same folder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.store.db import default_db_path
from app.system.files import write_private_text

log = logging.getLogger(__name__)

DEVICE_KEY_FILE = "device_key"
PINS_FOLDER = "hotes"


def replica_folder(db_url: str) -> Path:
    """The `replicas` folder beside the store at `db_url` (a SQLite file), else beside the
    default store in the user's data folder (PostgreSQL, or a store in memory)."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        return Path(db_url.removeprefix("sqlite:///")).parent / "replicas"
    return default_db_path().parent / "replicas"


def replica_path(folder: Path, host_url: str, workshop_id: int) -> Path:
    """The replica's file of the host's workshop: `seance-<host>-<workshop>.sqlite3`, the
    host's address with every character that is not a letter or a digit as a dash (the name
    `app.cofac_client.REPLICA_FILE` recognises)."""
    where = "".join(c if c.isalnum() else "-" for c in host_url.split("//")[-1])
    return folder / f"seance-{where.strip('-')}-{workshop_id}.sqlite3"


def device_key(folder: Path) -> str:
    """This laptop's key for pairing, kept in `folder` so that pairing again keeps its role;
    a new one when none is kept (or the file is unreadable or not a key). A key that cannot
    be written down still serves this time."""
    from app.cofac_client import new_device_key  # httpx and websockets: not at start-up

    path = folder / DEVICE_KEY_FILE
    try:
        key = path.read_text(encoding="utf-8").strip()
        if 8 <= len(key) <= 64:
            return key
    except OSError:
        pass
    key = new_device_key()
    try:
        write_private_text(path, key)  # the folder and the key: this user's only
    except OSError:
        log.warning("could not keep the device key in %s", path, exc_info=True)
    return key


def _host_name(host_url: str) -> str:
    where = "".join(c if c.isalnum() else "-" for c in host_url.split("//")[-1])
    return where.strip("-") or "hote"


def pin_certificate(folder: Path, host_url: str, pem: str) -> Path:
    """Keep the certificate of the host at `host_url`, which pairing proved with the code
    (readable by the user only). Pairing again with a code replaces it."""
    pins = folder / PINS_FOLDER
    pins.mkdir(parents=True, exist_ok=True)
    path = pins / f"{_host_name(host_url)}.pem"
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(pem)
    os.replace(tmp, path)
    return path


def pinned_certificate(folder: Path, host_url: str) -> str | None:
    """The certificate pinned for the host at `host_url`, None if it never paired."""
    try:
        return (folder / PINS_FOLDER / f"{_host_name(host_url)}.pem").read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None

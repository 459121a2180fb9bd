"""What store tests share: a file left at an older schema revision, to upgrade."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from app.store.db import MIGRATIONS, Database


def older_store(path: Path, revision: str) -> Database:
    """A SQLite store at `path` migrated only up to `revision` (an older file), open."""
    old = Database.open(path, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return old

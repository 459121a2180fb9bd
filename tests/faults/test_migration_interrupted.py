"""A schema migration interrupted midway leaves the previous database intact, and a backup.

A file at schema 0001 (with a workshop in it) is upgraded towards the head; the upgrade is
stopped after several migrations ran, at the first statement of 0009: once by `kill -9` of the
process doing it, once by a statement that fails. Each time the file still reads as it was
(schema, rows, `integrity_check`), the copy taken before migrating is there, and the next
opening migrates it completely.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import event, text

from app.errors import DatabaseError
from app.store.db import MIGRATIONS, Database, head_revision

ROOT = Path(__file__).resolve().parents[2]
MIDWAY = "CREATE TABLE cofacilitators"  # 0009's first statement: 0002…0008 have run by then

# the process killed midway: it migrates, and stops for good on 0009's first statement
MIGRATE_AND_HANG = f"""
import sys
from sqlalchemy import event
from app.store.db import Database

db = Database.open(sys.argv[1], migrate=False)

@event.listens_for(db.engine, "before_cursor_execute")
def midway(conn, cursor, statement, *args):
    if statement.lstrip().startswith({MIDWAY!r}):
        print("MIDWAY", flush=True)
        sys.stdin.read()  # until killed

db.migrate()
print("MIGRATED", flush=True)
"""


def _old_database(path: Path) -> str:
    """A file at schema 0001 with one workshop, as a 0001-era Atelier wrote it; its dump."""
    db = Database.open(path, migrate=False)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
            conn.execute(
                text(
                    "INSERT INTO workshops (title, format_key, status, cadrage, place,"
                    " block_label, block_minutes, created_at, updated_at) VALUES"
                    " ('Avant la mise à jour', '3h', 'draft', '{}', '', 'Séance', 180, 0, 0)"
                )
            )
    finally:
        db.close()
    return _dump(path)


def _dump(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return "\n".join(con.iterdump())
    finally:
        con.close()


def _backup_is_the_old_file(path: Path, before: str) -> None:
    backups = sorted((path.parent / "backups").glob("*avant-migration-0001*.sqlite3"))
    assert len(backups) == 1, backups
    assert _dump(backups[0]) == before


def _migrates_completely(path: Path) -> None:
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        titles = db.read(lambda s: s.execute(text("SELECT title FROM workshops")).all())
        assert titles == [("Avant la mise à jour",)]
    finally:
        db.close()


@pytest.mark.slow
def test_kill_9_midway_through_a_migration_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    before = _old_database(path)
    proc = subprocess.Popen(
        [sys.executable, "-c", MIGRATE_AND_HANG, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "MIDWAY"  # 0002…0008 ran, uncommitted
        proc.kill()
    finally:
        proc.kill()
        proc.wait(30)
    assert _dump(path) == before  # schema 0001, the same rows: as if never started
    _backup_is_the_old_file(path, before)
    _migrates_completely(path)


def test_a_failing_migration_step_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    before = _old_database(path)
    db = Database.open(path, migrate=False)

    def fail(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith(MIDWAY):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "before_cursor_execute", fail)
    try:
        with pytest.raises(DatabaseError) as refused:
            db.migrate()
    finally:
        db.close()
    message = refused.value.message
    assert "mise à jour" in message and "n'a pas été modifié" in message and "backups" in message
    assert _dump(path) == before
    _backup_is_the_old_file(path, before)
    _migrates_completely(path)

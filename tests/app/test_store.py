"""The store: migrations, refusing foreign or newer files, durability, locks, backups."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect, select, text

from app.errors import DatabaseError
from app.ops.agenda import add_phase
from app.ops.base import Context
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop
from app.store.db import (
    APPLICATION_ID,
    BACKUPS_KEPT,
    MIGRATIONS,
    Database,
    head_revision,
    resolve_url,
)
from app.store.models import Base, JournalEntry, Phase, Workshop

REPO = Path(__file__).resolve().parents[2]


def _alembic(db: Database, revision: str) -> None:
    """Bring `db` to `revision` with Alembic's command API, on Atelier's own connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _old_workshop(db: Database, title: str) -> int:
    """A workshop with one phase, written as a 0001-era Atelier wrote it (today's ORM has
    columns that schema does not)."""
    with db.engine.begin() as conn:
        wid = conn.execute(
            text(
                "INSERT INTO workshops (title, format_key, status, cadrage, place, block_label,"
                " block_minutes, created_at, updated_at) VALUES (:t, '3h', 'draft', '{}', '',"
                " 'Séance', 180, 0, 0) RETURNING id"
            ),
            {"t": title},
        ).scalar_one()
        block = conn.execute(
            text(
                "INSERT INTO blocks (workshop_id, number, title) VALUES (:w, 1, 'Séance')"
                " RETURNING id"
            ),
            {"w": wid},
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO phases (workshop_id, block_id, position, title, planned_minutes,"
                " kind, instructions, notes) VALUES (:w, :b, 0, 'Accueil', 10, 'work', '', '')"
            ),
            {"w": wid, "b": block},
        )
    return int(wid)


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _sqlite_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# -- migrations ------------------------------------------------------------------------------


def test_new_store_is_migrated_to_head(empty_store_url: str) -> None:
    probe = Database(resolve_url(empty_store_url))
    try:
        assert probe.current_revision() is None
    finally:
        probe.close()
    db = Database.open(empty_store_url)
    try:
        assert db.current_revision() == head_revision()
        assert set(Base.metadata.tables) <= _tables(db)
        assert "alembic_version" in _tables(db)
    finally:
        db.close()
    # opening again is a no-op: same revision, and (for a file) no backup taken
    db = Database.open(empty_store_url)
    try:
        assert db.current_revision() == head_revision()
        if db.is_sqlite:
            assert db.backup_dir() is not None
            assert not db.backup_dir().exists()
    finally:
        db.close()


def test_new_sqlite_file_is_marked_as_atelier(sqlite_path: Path) -> None:
    Database.open(sqlite_path).close()
    assert sqlite_path.read_bytes().startswith(b"SQLite format 3\x00")
    con = sqlite3.connect(sqlite_path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        con.close()


def test_empty_file_is_initialised(sqlite_path: Path) -> None:
    sqlite_path.touch()
    db = Database.open(sqlite_path)
    try:
        assert db.current_revision() == head_revision()
    finally:
        db.close()


def test_older_sqlite_database_is_backed_up_then_upgraded(sqlite_path: Path) -> None:
    old = Database.open(sqlite_path, migrate=False)
    _alembic(old, "0001")
    assert old.current_revision() == "0001"
    assert "idempotent_requests" not in _tables(old)
    wid = _old_workshop(old, "Avant la mise à jour")
    old.close()

    db = Database.open(sqlite_path)
    try:
        assert db.current_revision() == head_revision()
        assert "idempotent_requests" in _tables(db)
        title = db.read(lambda s: s.get(Workshop, wid).title)
        assert title == "Avant la mise à jour"
        phases = workshop_detail(Context(db), wid).blocks[0].phases
        assert [p.title for p in phases] == ["Accueil"]
        backups = sorted(db.backup_dir().iterdir())
    finally:
        db.close()
    assert len(backups) == 1
    assert "avant-migration-0001" in backups[0].name
    # the backup is the database as it was before the upgrade
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert con.execute("SELECT title FROM workshops").fetchall() == [("Avant la mise à jour",)]
    finally:
        con.close()


@pytest.mark.postgres
def test_older_postgres_database_is_upgraded(pg_database: str) -> None:
    old = Database.open(pg_database, migrate=False)
    _alembic(old, "0001")
    wid = _old_workshop(old, "Avant")
    old.close()

    db = Database.open(pg_database)
    try:
        assert db.current_revision() == head_revision()
        assert "idempotent_requests" in _tables(db)
        assert db.read(lambda s: s.get(Workshop, wid).title) == "Avant"
        assert db.backup("essai") is None  # a server has its own backups
    finally:
        db.close()


def test_newer_sqlite_database_is_refused_and_untouched(sqlite_path: Path) -> None:
    Database.open(sqlite_path).close()
    con = sqlite3.connect(sqlite_path)
    con.execute("UPDATE alembic_version SET version_num = '0999_futur'")
    con.commit()
    con.close()
    before = _sqlite_files(sqlite_path.parent)

    with pytest.raises(DatabaseError) as caught:
        Database.open(sqlite_path)
    assert "plus récente" in caught.value.message
    assert "0999_futur" in caught.value.message
    assert _sqlite_files(sqlite_path.parent) == before
    assert not (sqlite_path.parent / "backups").exists()


@pytest.mark.postgres
def test_newer_postgres_database_is_refused_and_untouched(pg_database: str) -> None:
    Database.open(pg_database).close()
    raw = Database(pg_database)
    with raw.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999_futur'"))
    tables = _tables(raw)

    with pytest.raises(DatabaseError, match="plus récente"):
        Database.open(pg_database)
    with raw.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
            ("0999_futur",)
        ]
    assert _tables(raw) == tables
    raw.close()


def test_other_application_sqlite_file_is_refused_and_untouched(sqlite_path: Path) -> None:
    con = sqlite3.connect(sqlite_path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.execute("INSERT INTO moz_places (url) VALUES ('https://exemple.invalid')")
    con.commit()
    con.close()
    before = _sqlite_files(sqlite_path.parent)

    with pytest.raises(DatabaseError) as caught:
        Database.open(sqlite_path)
    assert "autre logiciel" in caught.value.message
    assert "n'a pas été modifié" in caught.value.message
    assert _sqlite_files(sqlite_path.parent) == before


@pytest.mark.postgres
def test_other_application_postgres_database_is_refused_and_untouched(pg_database: str) -> None:
    raw = Database(pg_database)
    with raw.engine.begin() as conn:
        conn.execute(text("CREATE TABLE clients (id integer PRIMARY KEY, nom text)"))
        conn.execute(text("INSERT INTO clients VALUES (1, 'Dupont')"))
    with pytest.raises(DatabaseError, match="pas celles d'Atelier"):
        Database.open(pg_database)
    assert _tables(raw) == {"clients"}
    raw.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Ceci est un texte, pas une base.\n" * 200, "n'est pas une base de données Atelier"),
        (bytes(range(256)) * 40, "n'est pas une base de données Atelier"),
        (b"SQLite format 3\x00" + b"\xff\x00\x13" * 2000, "endommagé"),
    ],
    ids=["text", "binary", "bad-sqlite-header"],
)
def test_garbage_file_is_refused_and_untouched(
    sqlite_path: Path, content: bytes, expected: str
) -> None:
    sqlite_path.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        Database.open(sqlite_path)
    assert expected in caught.value.message
    assert sqlite_path.name in caught.value.message
    assert sqlite_path.read_bytes() == content


def test_damaged_atelier_file_is_refused_and_untouched(sqlite_path: Path) -> None:
    db = Database.open(sqlite_path)
    create_workshop(Context(db), format_key="3m", title="Bientôt abîmé")
    db.close()
    data = bytearray(sqlite_path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    for i in range(page, len(data)):  # keep the header page, scramble every other page
        data[i] = (i * 7 + 3) % 256
    sqlite_path.write_bytes(bytes(data))

    with pytest.raises(DatabaseError) as caught:
        Database.open(sqlite_path)
    assert "endommagé" in caught.value.message
    assert "backups" in caught.value.message
    assert sqlite_path.read_bytes() == bytes(data)


def test_directory_and_unreachable_paths_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="dossier"):
        Database.open(folder)
    blocker = tmp_path / "fichier.txt"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Impossible de créer le dossier"):
        Database.open(blocker / "sous" / "atelier.sqlite3")
    assert blocker.read_text() == "x"


# -- SQLite settings, durability, locking ----------------------------------------------------


def test_sqlite_pragmas(sqlite_path: Path) -> None:
    db = Database.open(sqlite_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    finally:
        db.close()


def test_foreign_keys_cascade_on_sqlite(sqlite_path: Path) -> None:
    db = Database.open(sqlite_path)
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Cascade").workshop_id

        def delete(session) -> None:
            session.execute(text("DELETE FROM workshops WHERE id = :id"), {"id": wid})

        db.write(delete)  # raw SQL: only the database's own ON DELETE CASCADE can clean up
        left = db.read(lambda s: s.scalars(select(Phase.id).where(Phase.workshop_id == wid)).all())
        assert left == []
    finally:
        db.close()


KILL_CHILD = r"""
import sys
from app.ops.agenda import add_phase, set_phase_minutes
from app.ops.base import Context
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop, update_cadrage
from app.store.db import Database

ctx = Context(Database.open(sys.argv[1]))
created = create_workshop(ctx, format_key="3h", title="Avant la coupure")
wid = created.workshop_id
print(f"workshop {wid} {created.seq}", flush=True)
block_id = workshop_detail(ctx, wid).blocks[0].id
for i in range(5000):
    change = add_phase(ctx, block_id, title=f"Séquence {i}", minutes=5)
    print(f"phase {change.ids[0]} {change.seq} {i}", flush=True)
    change = set_phase_minutes(ctx, change.ids[0], 6)
    print(f"minutes {change.ids[0]} {change.seq} {i}", flush=True)
    change = update_cadrage(ctx, wid, why=f"raison {i}")
    print(f"cadrage {wid} {change.seq} {i}", flush=True)
print("fini", flush=True)
"""


@pytest.mark.slow
def test_acknowledged_writes_survive_kill_9(sqlite_path: Path) -> None:
    """Whatever an operation acknowledged is on disk, even if the process dies right after."""
    wanted = 60
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_CHILD, str(sqlite_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, proc.kill)  # only if the child hangs: never in a green run
    watchdog.start()
    acks: list[list[str]] = []
    try:
        assert proc.stdout is not None
        while len(acks) < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            acks.append(line.split())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = proc.stderr.read() if proc.stderr else ""
    assert len(acks) == wanted, stderr
    assert proc.returncode == -signal.SIGKILL
    assert not any(a[0] == "fini" for a in acks)

    db = Database.open(sqlite_path)  # recovers from the WAL left by the killed process
    try:
        wid = int(acks[0][1])
        seqs = set(db.read(lambda s: s.scalars(select(JournalEntry.seq)).all()))
        phases = {p.id: p for p in db.read(lambda s: s.scalars(select(Phase)).all())}
        cadrage_why = db.read(lambda s: s.get(Workshop, wid).cadrage["why"])
    finally:
        db.close()
    for kind, entity_id, seq, *rest in acks:
        assert int(seq) in seqs, f"acknowledged journal entry {seq} lost"
        if kind == "phase":
            assert phases[int(entity_id)].title == f"Séquence {rest[0]}"
        elif kind == "minutes":
            assert phases[int(entity_id)].planned_minutes == 6
    last_cadrage = [a for a in acks if a[0] == "cadrage"][-1]
    # the last acknowledged cadrage (or a later, unacknowledged one) is there
    assert int(cadrage_why.split()[1]) >= int(last_cadrage[3])


def test_write_succeeds_while_another_connection_holds_the_lock(sqlite_path: Path) -> None:
    db = Database.open(sqlite_path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Verrou").workshop_id
    block_id = workshop_detail(ctx, wid).blocks[0].id

    other = sqlite3.connect(sqlite_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO journal (at, actor, op, label, forward, undo_state) "
        "VALUES (0, 'autre programme', 'autre.op', '', '[]', '')"
    )
    writing = threading.Event()
    released = threading.Event()
    lock_errors: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _on_execute(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writing.set()  # our transaction has read the agenda and now starts writing

    @event.listens_for(db.engine, "handle_error")
    def _on_error(context):
        lock_errors.append(str(context.original_exception))

    def release() -> None:
        # the other program finishes its transaction once our write is under way
        if writing.wait(timeout=30):
            other.execute("COMMIT")
            released.set()

    releaser = threading.Thread(target=release)
    releaser.start()
    try:
        change = add_phase(ctx, block_id, title="Écrite malgré le verrou", minutes=10)
    finally:
        releaser.join()
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    try:
        assert released.is_set()
        # our write read the agenda before the other program committed, so its first
        # attempt met the lock and was retried, invisibly for the caller
        assert lock_errors
        assert all("locked" in e or "busy" in e for e in lock_errors)
        ops = [e.op for e in db.read(lambda s: s.scalars(select(JournalEntry)).all())]
        assert ops[-2:] == ["autre.op", "agenda.add"]
        titles = [p.title for p in workshop_detail(ctx, wid).blocks[0].phases]
        assert titles[-1] == "Écrite malgré le verrou"
        assert change.ids[0] == workshop_detail(ctx, wid).blocks[0].phases[-1].id
    finally:
        db.close()


def test_concurrent_writers_in_one_process(store_url: str) -> None:
    db = Database.open(store_url)
    ctx = Context(db)
    try:
        wid = create_workshop(ctx, format_key="3h", title="Concurrence").workshop_id
        block_id = workshop_detail(ctx, wid).blocks[0].id
        before = len(workshop_detail(ctx, wid).blocks[0].phases)
        errors: list[BaseException] = []
        start = threading.Barrier(3)

        def writer(name: str) -> None:
            start.wait()
            try:
                for i in range(10):
                    add_phase(ctx.as_actor(name), block_id, title=f"{name} {i}", minutes=5)
            except BaseException as exc:  # reported below, on the test's thread
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(n,)) for n in ("ana", "bob", "cha")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        phases = workshop_detail(ctx, wid).blocks[0].phases
        assert len(phases) == before + 30
        assert [p.position for p in phases] == list(range(before + 30))
        seqs = [e.seq for e in db.read(lambda s: s.scalars(select(JournalEntry)).all())]
        assert seqs == sorted(set(seqs))
    finally:
        db.close()


# -- backups ---------------------------------------------------------------------------------


def test_backup_rotation_keeps_the_newest_ten(sqlite_path: Path) -> None:
    db = Database.open(sqlite_path)
    try:
        create_workshop(Context(db), format_key="3h", title="Sauvegardé")
        made = [db.backup(f"essai{i:02d}") for i in range(BACKUPS_KEPT + 3)]
        kept = sorted(db.backup_dir().glob("*.sqlite3"))
    finally:
        db.close()
    assert BACKUPS_KEPT == 10
    assert len(kept) == BACKUPS_KEPT
    assert kept == sorted(p for p in made if p is not None)[-BACKUPS_KEPT:]
    assert [p.name.rsplit("-", 1)[1] for p in kept] == [
        f"essai{i:02d}.sqlite3" for i in range(3, 13)
    ]
    assert not list(db.backup_dir().glob("*.tmp"))
    con = sqlite3.connect(kept[-1])
    try:
        assert con.execute("SELECT title FROM workshops").fetchall() == [("Sauvegardé",)]
    finally:
        con.close()

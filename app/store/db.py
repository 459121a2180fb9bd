"""Opening, checking, migrating and writing to Atelier's database.

SQLite (the default, one file) runs in WAL mode with synchronous=FULL, so an
acknowledged write survives a kill -9 and a power cut. A full SQLAlchemy URL
selects PostgreSQL for a lab's shared server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import APP_NAME, ORG_NAME
from app.errors import DatabaseError, os_reason, phrase
from app.store import notify
from app.system.files import private_file, private_folder

log = logging.getLogger(__name__)


class _OlderSchema(Exception):
    """A backup of an older schema (scrubbing it is not safe: it is removed instead)."""


T = TypeVar("T")

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x41544C52  # "ATLR", written in the SQLite header by the first migration
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BACKUPS_KEPT = 10
BUSY_RETRY_SECONDS = 10.0
DISK_FULL = "disque_plein"  # the code of the full disk's DatabaseError (507 for phones)
UNREADABLE = "lecture_impossible"  # a read met the base away or busy (503 for phones)
CONNECT_TIMEOUT = 5  # seconds: a PostgreSQL base out of reach answers in that time at most


def _compact_json(value: Any) -> str:
    """JSON columns as SQLite stores them: no padding, accented letters as themselves (a
    journal entry carries a post-it's text: "é" takes 2 bytes, not the 6 of its escape).
    Text SQLite cannot hold as UTF-8 (a lone surrogate) keeps its escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, separators=(",", ":"))
    return text


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, ORG_NAME)) / "atelier.sqlite3"


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """`--db` value, else $ATELIER_DB, else the file in the user's data folder."""
    value = os.fspath(target) if target else os.environ.get("ATELIER_DB") or ""
    if "://" in value:
        return value
    path = Path(value).expanduser() if value else default_db_path()
    return f"sqlite:///{path.resolve()}"


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _check_sqlite_file(path: Path) -> None:
    """Refuse, with a clear message, a file that is not an Atelier database or is damaged."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseError(
            "« {path} » est un dossier, pas une base de données Atelier.", path=path
        )
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise DatabaseError(
            "Le fichier « {name} » n'est pas une base de données Atelier. Il n'a pas été modifié. Choisissez un autre fichier.",
            name=path.name,
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            "Le fichier « {name} » est endommagé et ne peut pas être ouvert ({exc}). Il n'a pas été modifié : restaurez une sauvegarde du dossier « backups ».",
            name=path.name,
            exc=exc,
        ) from None
    if check != "ok":
        raise DatabaseError(
            "Le fichier « {name} » est endommagé ({check}). Il n'a pas été modifié : restaurez une sauvegarde du dossier « backups ».",
            name=path.name,
            check=check,
        )
    if tables and app_id != APPLICATION_ID:
        raise DatabaseError(
            "Le fichier « {name} » appartient à un autre logiciel : ce n'est pas une base Atelier. Il n'a pas été modifié.",
            name=path.name,
        )


class _Abandon(Exception):
    """One write of a group failed: roll the group back and run the others again."""


class _Undefer(Exception):
    """Deferred statements failed (which write's row, nobody knows): roll the group back and
    run it again with every write doing its own statements, so a failure is its own again."""


DEFERRED = "deferred"  # session.info: what writes left to execute together (see `Deferring`)
DEFER_OK = "defer_ok"  # session.info: whether a `Deferring` write may leave statements there


class Later:
    """A write's result completed by its deferred statements, before the commit."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: Any = None


class Deferring:
    """A write that may leave its inserts to be executed together with those of the writes
    of the same kind that follow it in the transaction (one statement for all of them): it
    puts a callable in `session.info[DEFERRED]` and returns a `Later`. The store runs that
    callable before any other kind of write (which then sees those rows) and before the
    commit, and runs the whole group again without deferring if it fails."""

    __slots__ = ("work",)

    def __init__(self, work: Callable[[Session], Any]) -> None:
        self.work = work

    def __call__(self, session: Session) -> Any:
        return self.work(session)


def _flush_deferred(session: Session) -> None:
    flush = session.info.pop(DEFERRED, None)
    if flush is None:
        return
    try:
        flush(session)
    except OperationalError:
        raise  # the database itself (busy, full, read-only): the whole group, as always
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise
        raise _Undefer from exc
    except Exception as exc:
        raise _Undefer from exc


class _Job:
    __slots__ = ("done", "error", "result", "settled", "work")

    def __init__(
        self, work: Callable[[Session], Any], settled: Callable[[_Job], None] | None = None
    ) -> None:
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.settled = settled  # told once done (an awaiting event loop), on the writing thread

    def finish(self) -> None:
        self.done = True
        if self.settled is not None:
            self.settled(self)


def _resolve(future: asyncio.Future[Any], job: _Job) -> None:
    if future.done():  # the awaiting request was cancelled (its phone went away)
        return
    if job.error is not None:
        future.set_exception(job.error)
    else:
        future.set_result(job.result)


class Database:
    """The store: one engine, a write lock, retries on a busy database, backups."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.path: Path | None = Path(url.split("///", 1)[1]) if self.is_sqlite else None
        self._write_lock = threading.Lock()
        self._queue = threading.Condition()
        self._pending: list[_Job] = []
        self._leading = False
        self._committer: threading.Thread | None = None  # leads for `write_async`, started then
        self._closing = False
        self._local = threading.local()
        # who this process is in the notifications of other processes (app/store/notify.py)
        self.origin = notify.new_origin()
        self.engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, migrate: bool = True
    ) -> Database:
        url = resolve_url(target)
        if url.startswith("sqlite"):
            path = Path(url.split("///", 1)[1])
            _check_sqlite_file(path)
            try:
                # a folder Atelier makes (and its own data folder) is its user's only
                if not path.parent.exists() or path.parent == default_db_path().parent:
                    private_folder(path.parent)
            except OSError as exc:
                raise DatabaseError(
                    "Impossible de créer le dossier « {parent} » ({reason}).",
                    parent=path.parent,
                    reason=os_reason(exc),
                ) from None
            try:
                # names and post-its: the file, and the -wal / -shm SQLite makes with the
                # file's own mode, readable by their user only
                private_file(path, create=True)
                for suffix in ("-wal", "-shm", "-journal"):
                    private_file(path.with_name(path.name + suffix))
            except OSError as exc:
                raise DatabaseError(
                    "Impossible de créer la base « {path} » ({reason}).",
                    path=path,
                    reason=os_reason(exc),
                ) from None
        db = cls(url)
        if migrate:
            try:
                db.migrate()
            except DatabaseError:
                db.close()
                raise
        return db

    def _make_engine(self) -> Engine:
        if self.is_sqlite:
            engine = create_engine(
                self.url,
                connect_args={"timeout": 5.0, "check_same_thread": False},
                json_serializer=_compact_json,
            )

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_con, _record):
                dbapi_con.isolation_level = None  # SQLAlchemy emits BEGIN itself, see below
                cur = dbapi_con.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=5000")
                # deleted or rewritten rows are zeroed on disk, not left in free pages: an
                # erased person's name must not stay readable in the file (ops/privacy.py)
                cur.execute("PRAGMA secure_delete=ON")
                cur.close()

            @event.listens_for(engine, "begin")
            def _begin(conn):
                conn.exec_driver_sql("BEGIN")

            return engine
        try:
            return create_engine(
                self.url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT}
            )
        except Exception as exc:  # bad driver name, malformed URL
            raise DatabaseError("Adresse de base de données invalide : {exc}", exc=exc) from None

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def migrate(self) -> None:
        """Bring the schema to the current version; refuse a newer or foreign database."""
        script = ScriptDirectory.from_config(_alembic_config())
        head = script.get_current_head()
        try:
            with self.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                current = MigrationContext.configure(conn).get_current_revision()
        except OperationalError as exc:
            raise DatabaseError(
                "Impossible d'ouvrir la base de données : {orig}", orig=exc.orig
            ) from None
        if current is None and tables - {"alembic_version"}:
            raise DatabaseError(
                "Cette base de données contient des tables qui ne sont pas celles d'Atelier. "
                "Elle n'a pas été modifiée."
            )
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                "Cette base a été créée par une version plus récente d'Atelier (schéma {current}). Mettez Atelier à jour pour l'ouvrir ; le fichier n'a pas été modifié.",
                current=current,
            )
        if current == head:
            return
        saved = self.backup(f"avant-migration-{current}") if current is not None else None
        cfg = _alembic_config()
        try:
            # one transaction for every step: stopped midway (an error, a kill), nothing stays
            with self._write_lock, self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except DBAPIError as exc:
            kept = (
                phrase(" ; une copie prise avant est dans « {folder} »", folder=saved.parent)
                if saved
                else ""
            )
            raise DatabaseError(
                "La mise à jour de la base de données a échoué ({orig}). Le fichier n'a pas été modifié{kept}. Libérez de la place ou fermez les autres programmes qui l'utilisent, puis rouvrez-le.",
                orig=exc.orig,
                kept=kept,
            ) from None
        log.info("database schema %s -> %s", current, head)

    def close(self) -> None:
        with self._queue:
            self._closing = True
            self._queue.notify_all()
        committer = self._committer
        if committer is not None and committer is not threading.current_thread():
            committer.join()  # it commits what was submitted, then stops
        with self._queue:
            self._closing = False  # a later write_async starts a committing thread again
        self.engine.dispose()

    # -- units of work ----------------------------------------------------------------------
    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a transaction, serialised with other writers, retried while busy.

        Group commit: writes that arrive while another is being committed wait, then go
        together in the next transaction, so one disk flush acknowledges all of them (what
        many phones writing at once need). Each returns only once its transaction committed.
        A write that fails is taken out and the others are run again without it: a failure
        never takes another writer's work with it.
        """
        if getattr(self._local, "in_batch", False):
            raise RuntimeError("Database.write called from inside a write")
        job = _Job(work)
        with self._queue:
            self._pending.append(job)
            # followers wait for the leader's commit; the first one left over leads next
            while self._leading and not job.done:
                self._queue.wait()
            lead = not job.done
            if lead:
                self._leading = True
        if lead:
            try:
                with self._write_lock:
                    self._run_batch()
            finally:
                with self._queue:
                    self._leading = False
                    self._queue.notify_all()
        if job.error is not None:
            raise job.error
        return job.result

    async def write_async(self, work: Callable[[Session], T]) -> T:
        """`write` for an event loop: the same group commit, awaited instead of blocking a
        thread. The work runs on the database's committing thread, in the next transaction,
        together with whatever other writes (from threads or loops) are waiting; the result
        comes back only once that transaction is committed (on disk, for SQLite).

        A server answering hundreds of phones awaits its writes this way, with no thread held
        per request; a cancelled caller does not cancel its write.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def settled(job: _Job) -> None:
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits for it
                loop.call_soon_threadsafe(_resolve, future, job)

        with self._queue:
            self._pending.append(_Job(work, settled))
            if self._committer is None:
                self._committer = threading.Thread(
                    target=self._commit_loop, name="atelier-db-commit", daemon=True
                )
                self._committer.start()
            self._queue.notify_all()
        return await future

    def _commit_loop(self) -> None:
        """The committing thread: leads a group whenever writes wait and nobody leads.

        It takes turns with `write`'s own leaders (one group at a time, under the same flag).
        """
        while True:
            with self._queue:
                while self._leading or not self._pending:
                    if self._closing and not self._pending:  # everything submitted is done
                        self._committer = None  # the next write_async starts another
                        return
                    self._queue.wait()
                self._leading = True
            try:
                with self._write_lock:
                    self._run_batch()
            except BaseException:  # the jobs were told; keep serving the next ones
                log.exception("group commit failed")
            finally:
                with self._queue:
                    self._leading = False
                    self._queue.notify_all()

    def _run_batch(self) -> None:
        with self._queue:
            batch, self._pending = self._pending, []
        deadline = time.monotonic() + BUSY_RETRY_SECONDS
        delay = 0.01
        self._local.in_batch = True
        defer = True  # writes may leave statements to run together, until that fails once
        try:
            while batch:
                failed: _Job | None = None
                try:
                    with self._session() as session:
                        session.info[DEFER_OK] = defer
                        for index, job in enumerate(batch):
                            # which write of the transaction runs: what one write read is
                            # the next one's only if nothing ran in between (ops/notes.py)
                            session.info["write_index"] = index
                            if not isinstance(job.work, Deferring):
                                _flush_deferred(session)  # it sees the rows left before it
                            try:
                                job.result = job.work(session)
                            except OperationalError:
                                raise  # the database itself (busy, full, read-only): all
                            except DBAPIError as exc:
                                if exc.connection_invalidated:
                                    raise
                                failed, job.error = job, exc  # e.g. a constraint: this one
                                raise _Abandon from None
                            except BaseException as exc:
                                failed, job.error = job, exc
                                raise _Abandon from None
                        _flush_deferred(session)
                        if not self.is_sqlite:  # the other processes hear of it at commit
                            notify.send(session, self.origin)
                except _Abandon:
                    assert failed is not None
                    failed.finish()
                    batch = [job for job in batch if job is not failed]
                    continue
                except _Undefer:
                    log.warning("deferred statements failed; the group runs again without")
                    defer = False
                    continue
                except OperationalError as exc:
                    message = str(exc.orig).lower()
                    if ("locked" in message or "busy" in message) and time.monotonic() < deadline:
                        time.sleep(delay)
                        delay = min(delay * 2, 0.5)
                        continue
                    self._fail(batch, self._known(exc))
                    return
                except DBAPIError as exc:
                    if exc.connection_invalidated:
                        error: BaseException = DatabaseError(
                            "La connexion à la base de données a été perdue."
                        )
                    else:
                        error = exc
                    self._fail(batch, error)
                    return
                for job in batch:  # committed: every write of the batch is acknowledged
                    if isinstance(job.result, Later):
                        job.result = job.result.value
                    job.finish()
                batch = []
        finally:
            self._local.in_batch = False

    @staticmethod
    def _fail(batch: list[_Job], error: BaseException) -> None:
        for job in batch:
            job.error = error
            job.finish()

    def read(self, work: Callable[[Session], T]) -> T:
        try:
            with self._session() as session:
                return work(session)
        except OperationalError as exc:
            raise self._unreadable(exc) from None
        except DBAPIError as exc:
            if exc.connection_invalidated:  # the base went away in the middle of the read
                raise self._unreadable(exc) from None
            raise

    def ping(self) -> None:
        """Whether the base answers now (one trivial query); raises `DatabaseError` if not."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            raise self._unreadable(exc) from None

    @staticmethod
    def _unreadable(exc: DBAPIError) -> DatabaseError:
        """A read that failed: the base is away or busy for a moment (nothing was written)."""
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
        return DatabaseError(
            "L'ordinateur de l'animation ne peut pas lire la base de données pour l'instant "
            "({detail}). Réessayez dans un instant.",
            code=UNREADABLE,
            detail=detail or phrase("sans réponse"),
        )

    @staticmethod
    def _known(exc: OperationalError) -> DatabaseError:
        message = str(exc.orig).lower()
        if "disk is full" in message or "database or disk is full" in message:
            return DatabaseError(
                "Le disque est plein : la dernière action n'a pas été enregistrée. Tout ce qui "
                "l'a été avant est conservé et la séance continue en lecture seule : libérez de "
                "la place sur le disque, puis recommencez.",
                code=DISK_FULL,
            )
        if "readonly" in message or "read-only" in message:
            return DatabaseError(
                "La base de données est en lecture seule : rien ne peut être enregistré."
            )
        if "locked" in message or "busy" in message:
            return DatabaseError(
                "La base de données est occupée par un autre programme. Réessayez."
            )
        return DatabaseError("Erreur de la base de données : {orig}", orig=exc.orig)

    # -- backups ----------------------------------------------------------------------------
    def backup_dir(self) -> Path | None:
        return self.path.parent / "backups" if self.path else None

    def backup(self, reason: str) -> Path | None:
        """Copy the SQLite file (consistently, with SQLite's backup API); keep the newest ones."""
        if not self.path or not self.path.exists():
            return None
        folder = self.backup_dir()
        assert folder is not None
        private_folder(folder)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.path.stem}-{stamp}-{reason}.sqlite3"
        tmp = target.with_suffix(".tmp")
        private_file(tmp, create=True)
        src = sqlite3.connect(str(self.path))
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(target)
        backups = sorted(folder.glob(f"{self.path.stem}-*.sqlite3"))
        for old in backups[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)
        return target

    def backups(self) -> list[Path]:
        """The rotating backups of this SQLite file, oldest first."""
        folder = self.backup_dir()
        if self.path is None or folder is None or not folder.is_dir():
            return []
        return sorted(folder.glob(f"{self.path.stem}-*.sqlite3"))

    def rewrite_backups(self, work: Callable[[Session], Any]) -> list[Path]:
        """Run `work` in each backup (an erasure must reach them too: ops/privacy.py), then
        compact it so nothing erased stays in its free pages. A backup of an older schema, or
        one that fails, is deleted instead (it cannot be scrubbed safely). Returns the ones
        rewritten."""
        head = head_revision()
        kept: list[Path] = []
        for path in self.backups():
            other = Database(f"sqlite:///{path}")
            try:
                if other.current_revision() != head:
                    raise _OlderSchema(path.name)
                with other._session() as session:
                    work(session)
                    raw = session.connection().connection.driver_connection
                    changed = raw is not None and raw.total_changes > 0
                if changed:  # a backup the work did not touch needs no compaction
                    other._outside_transaction("VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)")
                kept.append(path)
            except Exception:
                log.warning("backup %s could not be scrubbed: deleted", path, exc_info=True)
                other.engine.dispose()
                for suffix in ("", "-wal", "-shm"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
                continue
            finally:
                other.engine.dispose()
            for suffix in ("-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            private_file(path)
        return kept

    def forget_freed(self) -> None:
        """After an erasure: the write-ahead log (which still holds the pages as they were)
        written back and emptied; the freed pages are zeroed already (`secure_delete`)."""
        if self.is_sqlite:
            with self._write_lock:
                self._outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")

    def _outside_transaction(self, *statements: str) -> None:
        """SQLite statements that must run outside a transaction (VACUUM, a checkpoint)."""
        raw = self.engine.raw_connection()
        try:
            con = raw.driver_connection  # autocommit: see the pragmas of `_make_engine`
            assert con is not None
            for statement in statements:
                con.execute(statement).fetchall()
        finally:
            raw.close()

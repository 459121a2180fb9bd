"""Shared fixtures: a real PostgreSQL server for the run, and a store on both backends.

The PostgreSQL server is started once per test run (only if a test asks for it), in a
temporary folder, on a free port of 127.0.0.1; every test gets a database of its own,
dropped afterwards. Missing PostgreSQL binaries make the tests that need them FAIL:
a skipped backend would hide a broken feature.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import psycopg
import pytest

# To import this file, pytest put its folder (tests/) first on sys.path. There, the
# sub-folders tests/app and tests/widgets would pass for namespace packages and hide the
# real `app` and `widgets` (an editable install finds those only after sys.path).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from app.ops.base import Context  # noqa: E402
from app.store.db import Database  # noqa: E402

PG_USER = "postgres"


def _find_pg_bin() -> Path | None:
    """The newest PostgreSQL server binaries: $PG_BIN, Debian's layout, then $PATH."""
    if os.environ.get("PG_BIN"):  # set on purpose: no other PostgreSQL is looked for
        chosen = Path(os.environ["PG_BIN"])
        return chosen if (chosen / "initdb").is_file() and (chosen / "pg_ctl").is_file() else None
    candidates: list[Path] = []

    def version_key(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in p.parent.name.split(".") if x.isdigit())

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version_key, reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    run_as: list[str]
    host: str = "127.0.0.1"
    _names: ClassVar[itertools.count[int]] = itertools.count(1)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@{self.host}:{self.port}/{dbname}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host, port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        )

    def create_database(self, template: str = "template0") -> str:
        name = f"atelier_test_{next(self._names)}"
        with self.admin() as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.datadir), *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _find_pg_bin()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package "
            "`postgresql` or set PG_BIN to the folder holding them. The PostgreSQL backend "
            "is part of the product and is never skipped.",
            pytrace=False,
        )
    run_as: list[str] = []
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            owner = pwd.getpwnam(PG_USER)
        except KeyError:
            pytest.fail(f"running as root, but there is no `{PG_USER}` user to run initdb as")
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.fail("running as root, but `runuser` is missing to run initdb as postgres")
        run_as = [runuser, "-u", PG_USER, "--"]
    # in memory when possible: a throwaway cluster, where each test creates a database
    shm = Path("/dev/shm")
    root = Path(
        tempfile.mkdtemp(
            prefix="atelier-pg-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None
        )
    )
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    init = subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(root / "data"),
            "-U",
            PG_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-N",  # no fsync: a throwaway cluster
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"initdb failed:\n{init.stdout}\n{init.stderr}", pytrace=False)

    server: PostgresServer | None = None
    errors = []
    for _ in range(3):  # the free port may be taken between the probe and the start
        candidate = PostgresServer(bindir, root, _free_port(), run_as)
        options = (
            f"-c listen_addresses={candidate.host} -p {candidate.port} -k {root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off "
            "-c wal_level=minimal -c max_wal_senders=0"
        )
        started = candidate.pg_ctl("-l", str(root / "server.log"), "-o", options, "-w", "start")
        if started.returncode == 0:
            server = candidate
            break
        errors.append(started.stdout + started.stderr)
    if server is None:
        log = (root / "server.log").read_text(errors="replace") if root.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"pg_ctl start failed:\n{''.join(errors)}\n{log}", pytrace=False)
    try:
        yield server
    finally:
        server.pg_ctl("-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


TEMPLATE_DB = "atelier_template"


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A database migrated once per run, that each test's database is copied from."""
    with postgres_server.admin() as con:
        con.execute(f"CREATE DATABASE \"{TEMPLATE_DB}\" TEMPLATE template0 ENCODING 'UTF8'")
    Database.open(postgres_server.url(TEMPLATE_DB)).close()
    return TEMPLATE_DB


@pytest.fixture
def pg_database(postgres_server: PostgresServer) -> Iterator[str]:
    """A new, empty PostgreSQL database (its SQLAlchemy URL), dropped after the test."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def pg_store(postgres_server: PostgresServer, postgres_template: str) -> Iterator[str]:
    """A new PostgreSQL database with Atelier's schema already in place, dropped after."""
    name = postgres_server.create_database(template=postgres_template)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def empty_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty store lives: a SQLite file path, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "atelier.sqlite3")
    return str(request.getfixturevalue("pg_database"))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store for operations: a new SQLite file path (migrated when opened), or a fresh
    PostgreSQL database copied from the migrated template (the migrations themselves are
    tested from empty databases in test_store.py)."""
    if request.param == "sqlite":
        return str(tmp_path / "atelier.sqlite3")
    return str(request.getfixturevalue("pg_store"))


@pytest.fixture
def ctx(store_url: str) -> Iterator[Context]:
    """The operations' context, built as the command line builds it."""
    db = Database.open(store_url)
    try:
        yield Context(db)
    finally:
        db.close()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "atelier.sqlite3"

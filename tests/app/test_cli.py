"""The `atelier` command, run as a user runs it: `python -m app …` in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.library import BRIQUES, load_library
from app.store.db import Database

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user folder of its own: nothing may land in the real one (data, logs, crash reports)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(home: Path, *args: str | Path, db: Path | str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATELIER_", "XDG_", "PYTHON"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    command = [sys.executable, "-m", "app"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def assert_ok(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


def test_new_then_list(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "ateliers.sqlite3"
    first = assert_ok(run(home, "new", "--format", "3h", "--title", "Mobilité des agents", db=db))
    assert first[-1].isdigit()
    # --db also works after the command
    second = assert_ok(
        run(
            home,
            "new",
            "--format",
            "3m",
            "--title",
            "Programme\tlong",
            "--place",
            "Cenon",
            "--db",
            db,
        )
    )
    assert second[-1].isdigit() and second[-1] != first[-1]
    assert db.is_file()
    assert not (home / "data").exists()  # nothing went to the default place

    rows = [line.split("\t") for line in assert_ok(run(home, "list", db=db))]
    assert sorted(rows) == sorted(
        [
            [first[-1], "Mobilité des agents", "3h", "draft"],
            [second[-1], "Programme long", "3m", "draft"],
        ]
    )

    result = run(home, "list", "--json", "--db", db)
    assert_ok(result)
    by_id = {str(w["id"]): w for w in json.loads(result.stdout)}
    assert by_id[first[-1]] == {
        "id": int(first[-1]),
        "title": "Mobilité des agents",
        "format": "3h",
        "status": "draft",
        "place": "",
        "start_date": None,
    }
    assert by_id[second[-1]]["place"] == "Cenon"
    assert by_id[second[-1]]["format"] == "3m"

    con = sqlite3.connect(db)
    con.execute("UPDATE workshops SET status = 'archived' WHERE id = ?", (int(first[-1]),))
    con.commit()
    con.close()
    rows = [line.split("\t") for line in assert_ok(run(home, "list", "--all", db=db))]
    assert [first[-1], "Mobilité des agents", "3h", "archived"] in rows
    assert len(rows) == 2


def test_atelier_db_environment_variable(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    env_run = textwrap.dedent(
        f"""
        import os, sys
        os.environ["ATELIER_DB"] = {str(db)!r}
        sys.argv = ["atelier", "new", "--format", "3h", "--title", "Par l'environnement"]
        from app.cli import main
        sys.exit(main())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", env_run],
        cwd=REPO,
        env={**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_ok(result)
    assert db.is_file()
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT title FROM workshops").fetchall() == [("Par l'environnement",)]
    finally:
        con.close()


def test_demo_prints_its_id_last(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    lines = assert_ok(run(home, "demo", db=db))
    wid = lines[-1]
    assert wid.isdigit()
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT id, status, format_key FROM workshops").fetchall() == [
            (int(wid), "closed", "3h")
        ]
        assert con.execute("SELECT count(*) FROM participants").fetchone() == (25,)
        assert con.execute("SELECT count(*) FROM notes").fetchone() == (60,)
    finally:
        con.close()


@pytest.mark.postgres
def test_new_and_list_on_postgres(home: Path, pg_store: str) -> None:
    wid = assert_ok(run(home, "new", "--format", "3j", "--title", "Serveur du labo", db=pg_store))
    rows = assert_ok(run(home, "list", db=pg_store))
    assert rows == [f"{wid[-1]}\tServeur du labo\t3j\tdraft"]


def test_formats(home: Path) -> None:
    result = run(home, "formats")
    lines = assert_ok(result)
    lib = load_library()
    for key in ("3h", "3j", "3m"):
        assert any(line.split("\t")[:2] == [key, lib.formats[key].name] for line in lines)
    for label in BRIQUES.values():
        assert any(line.startswith(f"{label} (") for line in lines), label
    assert result.stderr == ""  # no broken format file reported


# -- errors: one line on stderr, a non-zero status, never a traceback ------------------------


def test_unknown_format(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    result = run(home, "new", "--format", "9x", "--title", "T", db=db)
    assert_one_line_error(result, "9x", "3h")
    assert result.returncode == 2
    assert not db.exists()


def test_empty_title(home: Path, tmp_path: Path) -> None:
    result = run(home, "new", "--format", "3h", "--title", "  ", db=tmp_path / "x.sqlite3")
    line = assert_one_line_error(result, "Titre", "vide")
    assert line.startswith("atelier : ")


def test_missing_argument_and_unknown_command(home: Path) -> None:
    assert_one_line_error(run(home, "new", "--title", "T"), "--format")
    assert_one_line_error(run(home, "effacer-tout"), "effacer-tout")


@pytest.mark.parametrize(
    ("content", "command", "words"),
    [
        (b"pas une base\n" * 100, ["list"], ["n'est pas une base de données Atelier"]),
        (b"SQLite format 3\x00" + b"\x07" * 3000, ["demo"], ["endommagé"]),
    ],
    ids=["text", "damaged"],
)
def test_bad_database_file(
    home: Path, tmp_path: Path, content: bytes, command: list[str], words: list[str]
) -> None:
    db = tmp_path / "mauvais.sqlite3"
    db.write_bytes(content)
    result = run(home, *command, db=db)
    assert_one_line_error(result, *words)
    assert result.returncode == 2
    assert result.stdout == ""
    assert db.read_bytes() == content


def test_database_of_a_newer_atelier(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "futur.sqlite3"
    Database.open(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    before = db.read_bytes()
    assert_one_line_error(
        run(home, "new", "--format", "3h", "--title", "T", db=db), "plus récente", "0999"
    )
    assert db.read_bytes() == before


def test_unreachable_postgres_server(home: Path) -> None:
    url = "postgresql+psycopg://atelier@127.0.0.1:1/atelier"
    assert_one_line_error(run(home, "list", db=url), "atelier : Impossible d'ouvrir la base")


def test_bad_database_url(home: Path) -> None:
    assert_one_line_error(
        run(home, "list", db="nimporte://quoi"), "atelier : Adresse de base de données invalide"
    )


# -- the core stays free of Qt ---------------------------------------------------------------


def test_core_imports_no_qt() -> None:
    probe = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import app
        names = []
        for info in pkgutil.walk_packages(app.__path__, "app."):
            if info.name == "app.__main__":  # the entry point: importing it runs the command
                continue
            importlib.import_module(info.name)
            names.append(info.name)
        leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "widgets"))
        print(len(names))
        print(" ".join(leaked))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    count, leaked = [*result.stdout.splitlines(), ""][:2]
    assert int(count) >= 15  # every module of the core was imported
    assert leaked == ""


def test_a_reader_that_stops_early_is_no_error(home: Path, tmp_path: Path) -> None:
    """`make run` reads `list --json` with `grep`: a reader that closes the pipe early (grep -q,
    head) must not turn into a crash report."""
    db = tmp_path / "demo.sqlite3"
    assert_ok(run(home, "demo", db=db))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATELIER_", "XDG_", "PYTHON"))}
    env.update(HOME=str(home), XDG_STATE_HOME=str(home / "state"), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db), "list", "--json"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything was written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, stderr
    assert "erreur" not in stderr and "Exception" not in stderr, stderr
    assert not list((home / "state").rglob("*crash*")), "no crash report"


def test_actions_and_chantiers_from_the_command_line(home: Path, tmp_path: Path) -> None:
    from datetime import date

    from app.ops import outcomes
    from app.ops.base import Context
    from app.ops.workshops import create_workshop, update_cadrage
    from app.store.models import Project

    path = tmp_path / "cli.sqlite3"
    db = Database.open(path)
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3m", title="Sprint alimentation").workshop_id
        assert wid is not None
        update_cadrage(ctx, wid, partners="Gironde\nSGAR")
        aid = outcomes.create_action(ctx, wid, "Écrire\tau DGS").ids[0]

        def add(session):
            row = Project(workshop_id=wid, title="Cantine locale", created_at=1.0)
            session.add(row)
            session.flush()
            return row.id

        pid = db.write(add)
    finally:
        db.close()
    out = assert_ok(
        run(
            home,
            "actions",
            wid,
            "set",
            aid,
            "--who",
            "Claire",
            "--due",
            "2027-03-12",
            "--status",
            "en_cours",
            db=path,
        )
    )
    assert out == [f"Action n° {aid} modifiée."]
    (line,) = assert_ok(run(home, "actions", wid, db=path))
    assert line == f"{aid}\tÉcrire au DGS\tClaire\t2027-03-12\ten_cours"
    listed = json.loads("\n".join(assert_ok(run(home, "actions", wid, "--json", db=path))))
    assert listed[0]["due"] == date(2027, 3, 12).isoformat() and listed[0]["who"] == "Claire"
    assert_ok(
        run(
            home,
            "chantiers",
            "set",
            pid,
            "--owner",
            "Élodie",
            "--status",
            "en_incubation",
            "--progress",
            "40",
            "--partner",
            "gironde",
            db=path,
        )
    )
    chantiers = json.loads("\n".join(assert_ok(run(home, "chantiers", "--json", db=path))))
    assert [(c["title"], c["status"], c["progress"], c["partners"], c["workshop_title"])
            for c in chantiers] == [("Cantine locale", "en_incubation", 40, ["Gironde"],
                                     "Sprint alimentation")]  # fmt: skip
    assert assert_ok(run(home, "chantiers", "--status", "termine", db=path)) == []
    # bad input: one French line, exit 2, nothing changed
    for args in (
        ("actions", wid, "set", aid, "--status", "fini"),
        ("actions", wid, "set", aid, "--due", "12/03/2027x"),
        ("actions", wid, "set", 999, "--status", "fait"),
        ("chantiers", "set", pid, "--progress", "140"),
        ("chantiers", "set", pid, "--partner", "Région"),
        ("chantiers", "--status", "fini"),
        ("chantiers", "set", pid, "--progress", "beaucoup"),
    ):
        result = run(home, *args, db=path)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    again = json.loads("\n".join(assert_ok(run(home, "chantiers", "--json", db=path))))
    assert again == chantiers


def test_the_fate_of_each_idea_from_the_command_line(home: Path, tmp_path: Path) -> None:
    from app.ops import board
    from app.ops.base import Context
    from app.ops.workshops import create_workshop

    path = tmp_path / "ideas.sqlite3"
    db = Database.open(path)
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Idées").workshop_id
        assert wid is not None
        ids = [board.add_note(ctx, wid, text=t, x=0.0, y=0.0).ids[0]
               for t in ("Bus de nuit", "Navette\tdu soir", "Vélo")]  # fmt: skip
    finally:
        db.close()
    out = assert_ok(run(home, "idees", wid, "set", ids[1], ids[2], "--fate", "mise_de_cote",
                        "--reason", "Hors périmètre", db=path))  # fmt: skip
    assert out == ["2 post-its : mise de côté."]
    assert assert_ok(run(home, "idees", wid, db=path)) == [
        f"{ids[0]}\tBus de nuit\t-\t-",
        f"{ids[1]}\tNavette du soir\tmise_de_cote\tHors périmètre",
        f"{ids[2]}\tVélo\tmise_de_cote\tHors périmètre",
    ]
    assert_ok(run(home, "idees", wid, "set", ids[2], "--fate", "fusionnee", "--into", ids[0],
                  db=path))  # fmt: skip
    listed = json.loads("\n".join(assert_ok(run(home, "idees", wid, "--json", db=path))))
    assert [(i["id"], i["fate"], i["merged_into"]) for i in listed] == [
        (ids[0], None, None), (ids[1], "mise_de_cote", None), (ids[2], "fusionnee", ids[0]),
    ]  # fmt: skip
    for args in (
        ("idees", wid, "set", ids[0], "--fate", "retenue"),  # into what?
        ("idees", wid, "set", 99999, "--fate", "mise_de_cote"),
        ("idees", wid, "set", ids[0], "--fate", "fusionnee", "--into", ids[0]),
        ("idees", wid, "set", "--fate", "aucun"),
    ):
        result = run(home, *args, db=path)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    again = json.loads("\n".join(assert_ok(run(home, "idees", wid, "--json", db=path))))
    assert again == listed

"""`atelier anonymise` and the retention at the command line's start-up, run as a user runs
them: `python -m app …` in a subprocess, with a home folder of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.ops import participants, workshops
from app.ops.base import Context
from app.store.db import Database

REPO = Path(__file__).resolve().parents[2]


def run(
    home: Path, db: Path, *args: str, settings: dict | None = None
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATELIER_", "XDG_", "PYTHON"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    if settings is not None:
        path = home / "config" / "settings.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings), encoding="utf-8")
        env["ATELIER_CONFIG"] = str(path)
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), *args], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def _base(path: Path, *dated: tuple[str, date]) -> list[int]:
    """Workshops of those dates, each with one participant named "Camille <title>"."""
    db = Database.open(path)
    try:
        ctx = Context(db)
        made = []
        for title, day in dated:
            wid = workshops.create_workshop(ctx, format_key="3h", title=title).workshop_id
            workshops.update_details(ctx, wid, start_date=day)
            participants.check_in(ctx, wid, name=f"Camille {title}", category="usager",
                                  key=f"join-{wid}-00001")  # fmt: skip
            made.append(wid)
        return made
    finally:
        db.close()


def _names(path: Path, wid: int) -> list[str]:
    db = Database.open(path, migrate=False)
    try:
        return [p.name for p in participants.attendees(Context(db), wid)]
    finally:
        db.close()


def test_anonymise_says_what_it_will_do_then_does_it_with_oui(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    (wid,) = _base(db, ("Quartier", date.today()))
    asked = run(home, db, "anonymise", str(wid))
    assert asked.returncode == 1, asked.stderr
    assert "initiales" in asked.stdout and "--oui" in asked.stdout
    assert _names(db, wid) == ["Camille Quartier"]  # nothing changed
    done = run(home, db, "anonymise", str(wid), "--oui")
    assert done.returncode == 0, done.stderr
    assert "anonymisé" in done.stdout
    assert _names(db, wid) == ["C. Q."]
    missing = run(home, db, "anonymise", "999", "--oui")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


def test_start_up_anonymises_workshops_past_retention_with_a_line_on_stderr(
    home: Path, tmp_path: Path
) -> None:
    db = tmp_path / "atelier.sqlite3"
    today = date.today()
    old, recent = _base(db, ("Ancien", date(today.year - 2, 1, 10)), ("Récent", today))
    listed = run(home, db, "list")  # default settings: 12 months, anonymise
    assert listed.returncode == 0, listed.stderr
    lines = listed.stderr.strip().splitlines()
    assert len(lines) == 1 and "1 atelier anonymisé" in lines[0] and "« Ancien »" in lines[0]
    assert _names(db, old) == ["C. A."] and _names(db, recent) == ["Camille Récent"]
    again = run(home, db, "list")
    assert again.returncode == 0 and again.stderr == ""  # once is enough


def test_retention_setting_purge_or_keep(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    today = date.today()
    old, recent = _base(db, ("Ancien", date(today.year - 2, 1, 10)), ("Récent", today))
    kept = run(home, db, "list", settings={"retention_months": 0})
    assert kept.returncode == 0 and kept.stderr == ""
    assert _names(db, old) == ["Camille Ancien"]
    purged = run(home, db, "list", "--json", settings={"retention_action": "purge"})
    assert purged.returncode == 0, purged.stderr
    assert "1 atelier supprimé" in purged.stderr
    assert [w["id"] for w in json.loads(purged.stdout)] == [recent]

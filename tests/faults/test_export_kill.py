"""`kill -9` of `atelier export --json` while it writes: no half-written archive under the name.

The archive is written to a hidden `.part` file next to the final name, then renamed over it
(`app.system.files.atomic_output`). The real command runs as a subprocess on a workshop big
enough (~12 MB of JSON) that its write takes a while; it is killed as soon as its temporary
file appears, and again once that file has started to fill. Under the final name there is the
previous archive, whole, every time; the next export completes and reads back.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.ops.archive import read_archive
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Note

ROOT = Path(__file__).resolve().parents[2]
NOTES = 2_500
TEXT = "Une idée assez longue pour peser dans l'archive — « ombre », bancs, fontaines. " * 60
WAIT_S = 120.0


def _big_workshop(db_path: Path) -> int:
    db = Database.open(db_path)
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Archive lourde").workshop_id
        assert wid is not None

        def add(session) -> None:  # type: ignore[no-untyped-def]
            session.add_all(
                Note(workshop_id=wid, text=f"{n} {TEXT}", y=float(n), created_at=1.79e9 + n)
                for n in range(NOTES)
            )

        db.write(add)
        return wid
    finally:
        db.close()


def _export(db_path: Path, wid: int, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db_path), "export", "--workshop", str(wid),
         "--json", str(out)],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _parts(folder: Path, name: str) -> list[Path]:
    return [
        p for p in folder.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".part")
    ]


def _kill_when(proc: subprocess.Popen[bytes], folder: Path, name: str, *, filled: bool) -> bool:
    """SIGKILL as soon as the temporary file exists (`filled`: once it holds bytes). Whether
    the kill landed while the export was still running."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False  # it finished first (possible only for `filled`: checked by the caller)
        for part in _parts(folder, name):
            try:
                size = part.stat().st_size
            except FileNotFoundError:  # renamed just now: the export is finishing
                continue
            if size > 0 or not filled:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return proc.returncode == -signal.SIGKILL
    raise AssertionError("no temporary file appeared")


@pytest.mark.slow
@pytest.mark.parametrize("filled", [False, True], ids=["file-created", "file-filling"])
def test_a_kill_during_the_json_export_leaves_the_previous_archive_whole(
    tmp_path: Path, filled: bool
) -> None:
    db_path = tmp_path / "atelier.sqlite3"
    wid = _big_workshop(db_path)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "atelier.json"

    first = _export(db_path, wid, out)  # a complete archive under the name first
    assert first.wait(WAIT_S) == 0, first.communicate()
    previous = out.read_bytes()
    assert len(previous) > 10_000_000 and len(read_archive(out)["tables"]["notes"]) == NOTES

    killed = _export(db_path, wid, out)
    landed = _kill_when(killed, out_dir, out.name, filled=filled)
    if landed:
        assert out.read_bytes() == previous  # the name still holds the previous archive, whole
        leftovers = _parts(out_dir, out.name)  # and beside it, at most the hidden .part file
        assert sorted(p.name for p in out_dir.iterdir()) == sorted(
            [out.name, *(p.name for p in leftovers)]
        )
        assert len(leftovers) <= 1
    else:  # the write ended between two looks: then the name holds the new archive, whole
        assert filled, "the export ended before its temporary file was even seen"
        assert killed.returncode == 0
        assert len(read_archive(out)["tables"]["notes"]) == NOTES

    again = _export(db_path, wid, out)  # the next export completes and reads back
    assert again.wait(WAIT_S) == 0, again.communicate()
    assert len(read_archive(out)["tables"]["notes"]) == NOTES

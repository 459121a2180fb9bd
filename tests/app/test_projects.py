"""Chantiers followed by the programme: their status moves, undoably, even after a restart."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.ops import projects
from app.ops.base import Context, undo
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop
from app.store.models import Project

ROOT = Path(__file__).resolve().parents[2]


def _chantier(ctx: Context) -> tuple[int, int]:
    wid = create_workshop(ctx, format_key="3m", title="Incubation").workshop_id
    assert wid is not None

    def add(session):
        row = Project(workshop_id=wid, title="Navette inter-administrations", created_at=1.0)
        session.add(row)
        session.flush()
        return row.id

    return wid, ctx.db.write(add)


def test_a_chantier_moves_along_and_back(ctx: Context) -> None:
    wid, pid = _chantier(ctx)
    projects.set_status(ctx, pid, "en_incubation")
    (project,) = workshop_detail(ctx, wid).projects
    assert project.status == "en_incubation"
    assert workshop_detail(ctx, wid).undo_label.endswith("en incubation")
    undo(ctx, wid)
    assert workshop_detail(ctx, wid).projects[0].status == "idee"
    with pytest.raises(InvalidInput):
        projects.set_status(ctx, pid, "fini-peut-etre")


def test_an_undo_in_a_fresh_process_finds_every_mutation(sqlite_path: Path) -> None:
    """The command line never imports the board or the votes: undo still knows them."""
    from app.ops import board
    from app.store.db import Database

    db = Database.open(sqlite_path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Undo").workshop_id
    data = board.board_data(ctx, wid)
    board.add_note(ctx, wid, text="À défaire", phase_id=data.phase_id)
    db.close()
    script = textwrap.dedent(
        f"""
        from app.ops.base import Context, undo
        from app.store.db import Database
        db = Database.open({str(sqlite_path)!r})
        undo(Context(db), {wid})
        db.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    db = Database.open(sqlite_path)
    try:
        assert board.board_data(Context(db), wid).notes == ()
    finally:
        db.close()

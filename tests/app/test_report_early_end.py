"""The compte-rendu of a séance ended early, and of a board partly grouped: read back with
pdftotext, as a reader would."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.clock import FakeClock
from app.ops import board, live
from app.ops.base import Context
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.store.db import Database


@pytest.fixture
def lctx(store_url: str) -> Iterator[Context]:
    db = Database.open(store_url)
    try:
        yield Context(db, clock=FakeClock(1_795_000_000.0))
    finally:
        db.close()


def _text(ctx: Context, workshop_id: int, tmp_path: Path) -> str:
    path = tmp_path / "cr.pdf"
    build_report(report_data(ctx, workshop_id), str(path))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return re.sub(r"[ \t\r\n\f\v]+", " ", out)


def _run(ctx: Context, workshop_id: int, minutes: list[float]) -> None:
    """Start the séance and hold one sequence per entry of `minutes`, for that long."""
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    live.start_session(ctx, workshop_id)
    live.toggle(ctx, workshop_id)
    for i, length in enumerate(minutes):
        clock.advance(length * 60)
        if i < len(minutes) - 1:
            live.next_phase(ctx, workshop_id)


def test_a_seance_ended_early_says_so_and_marks_what_was_not_held(
    lctx: Context, tmp_path: Path
) -> None:
    wid = create_workshop(lctx, format_key="3h", title="Mobilité").workshop_id
    assert wid is not None
    phases = lctx.library.format("3h").blocks[0].phases
    total = len(phases)
    _run(lctx, wid, [2, 2])  # two sequences, then the séance is ended
    live.end_session(lctx, wid)

    text = _text(lctx, wid, tmp_path)
    left = total - 2
    assert f"Séance arrêtée après la séquence 2 sur {total} : les {left} dernières " in text
    assert "séquences n'ont pas été réalisées." in text
    assert "Durée réelle : 4 min, pour " in text and "le programme complet prévoyait" in text
    assert text.count("non réalisée") == left
    # every sequence not held is marked in the table, none left as a bare dash
    table = text[text.index("Prévu Réel Écart") :]
    for phase in phases[2:]:
        title = phase.title
        at = table.index(title)
        assert "non réalisée" in table[at : at + len(title) + 60]


def test_a_seance_run_to_its_end_is_not_called_stopped(lctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(lctx, format_key="3h", title="Mobilité").workshop_id
    assert wid is not None
    phases = lctx.library.format("3h").blocks[0].phases
    _run(lctx, wid, [p.minutes for p in phases])
    live.end_session(lctx, wid)
    text = _text(lctx, wid, tmp_path)
    assert "Séance arrêtée" not in text and "non réalisée" not in text
    assert "Durée réelle : " in text


def test_only_the_grouped_post_its_are_counted_as_grouped(lctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(lctx, format_key="3h", title="Mobilité").workshop_id
    assert wid is not None
    ids = [
        board.add_note(lctx, wid, text=f"Idée {n}", x=200.0 * n, author="Animatrice").ids[0]
        for n in range(8)
    ]
    board.group(lctx, wid, ids[:2], title="Transports")
    text = _text(lctx, wid, tmp_path)
    assert "8 post-its, dont 2 regroupés en 1 thème" in text
    assert "8 post-its regroupés" not in text

    board.group(lctx, wid, ids[2:], into=None, title="Le reste")
    text = _text(lctx, wid, tmp_path)
    assert "8 post-its regroupés en 2 thèmes" in text

"""A board too big for one page (150 phone post-its) prints legibly in the compte-rendu."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from app.domain.board import GAP, INBOX_X, NOTE_H
from app.ops import board
from app.ops.base import Context
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.board_drawing import SMALLEST_PT, readable
from app.reports.compte_rendu import build_report
from app.reports.layout import FRAME_WIDTH

THEMES = ["vélo", "cantine", "télétravail"]


def _room_board(ctx: Context) -> int:
    """120 post-its in the "Arrivées" column, 3 groups of 10 on the board."""
    from app.store.models import Note

    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    phase = board.board_data(ctx, wid).phase_id

    def bulk(session):  # type: ignore[no-untyped-def]
        for i in range(150):
            theme = THEMES[i % 3]
            session.add(
                Note(workshop_id=wid, phase_id=phase, author="", color="jaune",
                     text=f"Idée n°{i} sur le {theme} : plus de places et des horaires souples",
                     x=INBOX_X + GAP, y=i * (NOTE_H + GAP), created_at=float(i))
            )  # fmt: skip

    ctx.db.write(bulk)
    notes = sorted(board.board_data(ctx, wid, phase).notes, key=lambda n: n.id)
    for g in range(3):
        board.group(ctx, wid, [n.id for n in notes[120 + 10 * g : 130 + 10 * g]], phase_id=phase)
    return wid


def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_150_post_it_board_prints_every_post_it_at_6_pt_or_more(
    ctx: Context, tmp_path: Path
) -> None:
    wid = _room_board(ctx)
    data = report_data(ctx, wid)
    assert data.board is not None and not readable(data.board, FRAME_WIDTH, 20 * 28.35)
    out = tmp_path / "cr.pdf"
    build_report(data, str(out))
    raw = " ".join(_text(out, "-raw").split())
    for i in range(150):  # each card's text, whole (raw: in the order it was drawn)
        theme = THEMES[i % 3]
        assert f"Idée n°{i} sur le {theme} : plus de places et des horaires souples" in raw
    assert "trop de post-its pour tenir lisiblement" in raw
    # text sizes from the words' boxes, calibrated on the body text (9.5 pt, same font)
    boxes = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        _text(out, "-bbox"),
    )
    heights = {w: float(b) - float(a) for a, b, w in boxes}
    body = heights["reproduits"]  # "150 post-its, …, reproduits en entier…" in 9.5 pt
    card_words = [float(b) - float(a) for a, b, w in boxes if w == "souples"]
    assert len(card_words) == 150
    assert min(card_words) / body * 9.5 >= SMALLEST_PT
    smallest = min(float(b) - float(a) for a, b, _w in boxes) / body * 9.5
    assert smallest >= SMALLEST_PT, f"a text of {smallest:.1f} pt"


def test_a_small_board_keeps_its_picture_with_text_at_6_pt_or_more(ctx: Context) -> None:
    from app.reports.board_drawing import NOTE_TEXT, fit_scale

    wid = create_workshop(ctx, format_key="3h", title="Petit tableau").workshop_id
    phase = board.board_data(ctx, wid).phase_id
    for i in range(8):
        board.add_note(
            ctx, wid, text=f"Idée {i}", phase_id=phase, x=(i % 4) * 220, y=(i // 4) * 160
        )
    data = report_data(ctx, wid)
    assert data.board is not None and readable(data.board, FRAME_WIDTH, 20 * 28.35)
    assert fit_scale(data.board, FRAME_WIDTH, 20 * 28.35) * NOTE_TEXT >= SMALLEST_PT

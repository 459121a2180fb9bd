"""The board in a headless compte-rendu: drawn as vector shapes from the board's data."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.ops import board
from app.ops.base import Context
from app.ops.demo import create_demo
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report

HOSTILE = (Path(__file__).parents[1] / "data" / "hostile-text.txt").read_text(encoding="utf-8")


def _page_with(pdf: Path, needle: str) -> str:
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        if needle in text:
            return text
    raise AssertionError(f"{needle!r} is on no page")


def test_the_headless_report_draws_the_fullest_board(ctx: Context, tmp_path: Path) -> None:
    wid = create_demo(ctx).workshop_id
    data = report_data(ctx, wid)
    assert data.board is not None and data.board_png is None
    assert data.board.title == "Idéation individuelle puis collective"
    assert len(data.board.notes) == 60
    out = tmp_path / "cr.pdf"
    build_report(data, str(out))
    # 60 post-its in six groups cannot be drawn with 6 pt text on A4 (issue 17): the board is
    # shown group by group, as cards under each group's title
    page = _page_with(out, "trop de post-its pour tenir lisiblement")
    assert "« Idéation individuelle puis collective »" in " ".join(page.split())
    titles = " ".join(_page_with(out, "Le dernier kilomètre (10 post-its)").split())
    assert "Le dernier kilomètre (10 post-its)" in titles


def test_hostile_post_its_on_the_drawn_board_print_as_typed(ctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Hostile").workshop_id
    first = board.board_data(ctx, wid)
    lines = [line[:60] for line in HOSTILE.splitlines() if line.strip()][:12]
    for i, text in enumerate(lines):
        board.add_note(
            ctx, wid, text=text, phase_id=first.phase_id, x=(i % 4) * 220, y=(i // 4) * 160
        )
    board.add_note(ctx, wid, text="x" * 280, phase_id=first.phase_id, x=0, y=700)
    board.add_note(ctx, wid, text="<b>gras</b> & <font>", phase_id=first.phase_id, x=440, y=700)
    out = tmp_path / "hostile.pdf"
    build_report(report_data(ctx, wid), str(out))
    page = _page_with(out, "tel qu'il a été laissé")
    flat = "".join(page.split())
    # markup printed as typed in the drawing (over two lines of its post-it): not read, not
    # escaped twice
    assert "<b>gras</b> &\n<font>" in page and "&amp;amp;" not in page
    assert "x" * 18 in flat  # the 280-character word is broken into the post-it, not dropped


def test_a_board_too_big_to_read_is_drawn_as_tiles(ctx: Context, tmp_path: Path) -> None:
    from app.reports.board_drawing import TEXT_UP_TO, board_drawing

    wid = create_workshop(ctx, format_key="3h", title="Grand tableau").workshop_id
    first = board.board_data(ctx, wid)

    def bulk(session):
        from app.store.models import Note

        for i in range(TEXT_UP_TO + 1):
            session.add(
                Note(workshop_id=wid, phase_id=first.phase_id, author="", text=f"Idée {i}",
                     color="vert", x=(i % 30) * 220, y=(i // 30) * 160, created_at=1.0)
            )  # fmt: skip

    ctx.db.write(bulk)
    data = board.board_data(ctx, wid, first.phase_id)
    drawing = board_drawing(data, 400, 300)
    assert drawing.width <= 400 + 1e-6 and drawing.height <= 300 + 1e-6
    strings = [s for s in drawing.getContents()[0].getContents() if type(s).__name__ == "Group"]
    assert len(strings) < 10  # no text per post-it: tiles only

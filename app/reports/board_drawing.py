"""The post-it board drawn for a PDF without Qt: zones, groups and post-its as vector shapes.

`atelier export` runs without a window, so the compte-rendu cannot ask Qt for the board's
picture; this draws the same board from the same `BoardData`. Participants' text goes into
plain `String` shapes (never parsed as markup). Past a few hundred post-its the text would be
unreadable at page size anyway: the post-its are then drawn as coloured tiles.

`readable()` tells whether a board drawn at page size keeps its post-its' text at
`SMALLEST_PT` or more; the compte-rendu shows a board that does not as blocks of cards, group
by group (`app.reports.compte_rendu.production`), never as a strip of unreadable text.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics

from app.domain.board import INBOX_W, INBOX_X, NOTE_H, NOTE_W, BoardData, colour
from app.reports.layout import BOLD, FONT
from app.reports.text import font_runs, one_line

TEXT_UP_TO = 300  # post-its; more are drawn as tiles
NOTE_TEXT = 17.0  # board units: the post-its' text in this drawing (the smallest text drawn)
SMALLEST_PT = 6.0  # printed text never smaller than this
ZONE_FILL = colors.HexColor("#ffffff")
ZONE_LINE = colors.HexColor("#b8c0cc")
PAPER = colors.HexColor("#f6f7fb")


def _bounds(data: BoardData) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for zone in data.template.zones:
        xs += [zone.x, zone.x + zone.w]
        ys += [zone.y, zone.y + zone.h]
    for note in data.notes:
        xs += [note.x, note.x + NOTE_W]
        ys += [note.y, note.y + NOTE_H]
    if any(n.x < INBOX_X + INBOX_W for n in data.notes):
        xs.append(INBOX_X)
    if not xs:
        return 0.0, 0.0, NOTE_W, NOTE_H
    return min(xs) - 40, min(ys) - 80, max(xs) + 40, max(ys) + 40


def fit_scale(data: BoardData, max_width: float, max_height: float) -> float:
    """Points per board unit when the whole board fits `max_width` × `max_height` points."""
    left, top, right, bottom = _bounds(data)
    return min(max_width / (right - left), max_height / (bottom - top))


def readable(
    data: BoardData, max_width: float, max_height: float, text_units: float = NOTE_TEXT
) -> bool:
    """Whether the board fitted to the page keeps text of `text_units` board units at
    `SMALLEST_PT` or more (a board whose post-its are drawn as tiles is not read)."""
    if sum(not n.hidden for n in data.notes) > TEXT_UP_TO:
        return False
    return fit_scale(data, max_width, max_height) * text_units >= SMALLEST_PT


def board_drawing(data: BoardData, max_width: float, max_height: float) -> Drawing:
    """The board scaled to fit `max_width` × `max_height` points (y grows downwards on the
    board, upwards in PDF: rows are flipped)."""
    left, top, right, bottom = _bounds(data)
    scale = fit_scale(data, max_width, max_height)
    drawing = Drawing((right - left) * scale, (bottom - top) * scale)
    board = Group()
    # board units, flipped vertically; the group's transform scales them to the page
    board.transform = (scale, 0, 0, -scale, -left * scale, bottom * scale)
    board.add(Rect(left, top, right - left, bottom - top, fillColor=PAPER, strokeColor=None))
    for zone in data.template.zones:
        board.add(
            Rect(zone.x, zone.y, zone.w, zone.h, rx=14, ry=14, fillColor=ZONE_FILL,
                 strokeColor=ZONE_LINE, strokeWidth=2)
        )  # fmt: skip
        board.add(_text(zone.x + 18, zone.y + 40, zone.title, 30, bold=True))
    notes = {n.id: n for n in data.notes if not n.hidden}
    for cluster in data.clusters:
        members = [notes[i] for i in cluster.note_ids if i in notes]
        if not members:
            continue
        x0 = min(n.x for n in members) - 20
        y0 = min(n.y for n in members) - 58
        x1 = max(n.x for n in members) + NOTE_W + 20
        y1 = max(n.y for n in members) + NOTE_H + 10
        tint = colors.HexColor(colour(cluster.colour).fill)
        board.add(
            Rect(x0, y0, x1 - x0, y1 - y0, rx=12, ry=12,
                 fillColor=colors.Color(tint.red, tint.green, tint.blue, alpha=0.22),
                 strokeColor=tint, strokeWidth=3)
        )  # fmt: skip
        title = one_line(f"{cluster.title}  ({len(members)})")
        board.add(_text(x0 + 14, y0 + 34, _fit(title, x1 - x0 - 28, 22, True), 22, bold=True))
    with_text = len(notes) <= TEXT_UP_TO
    for note in notes.values():
        board.add(
            Rect(note.x, note.y, NOTE_W, NOTE_H, rx=6, ry=6,
                 fillColor=colors.HexColor(colour(note.colour).fill), strokeColor=None)
        )  # fmt: skip
        if with_text:
            for i, line in enumerate(_lines(note.text, NOTE_W - 24, NOTE_TEXT, 5)):
                board.add(_text(note.x + 12, note.y + 26 + i * 21, line, NOTE_TEXT))
    drawing.add(board)
    return drawing


def _text(x: float, y: float, text: str, size: float, *, bold: bool = False) -> Group:
    """A line of text at board position (x, y) (its baseline), upright despite the flip."""
    group = Group()
    at = 0.0
    for fallback, run in font_runs(text):  # emoji, other scripts: fallback fonts, as in paragraphs
        font = fallback or (BOLD if bold else FONT)
        group.add(String(at, 0, run, fontName=font, fontSize=size))
        at += pdfmetrics.stringWidth(run, font, size)
    group.transform = (1, 0, 0, -1, x, y)
    return group


def _fit(text: str, width: float, size: float, bold: bool) -> str:
    lines = simpleSplit(text, BOLD if bold else FONT, size, width)
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


def _lines(text: str, width: float, size: float, most: int) -> list[str]:
    """The post-it's text wrapped to its width; long words broken; cut with … past `most`."""
    words = []
    for word in one_line(text).split(" "):
        while len(word) > 18:  # a 10,000-character word must not overflow the post-it
            words.append(word[:18])
            word = word[18:]
        words.append(word)
    lines = simpleSplit(" ".join(words), FONT, size, width)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip()[:-1] + "…"
    return lines

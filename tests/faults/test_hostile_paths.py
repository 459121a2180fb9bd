"""Hostile text through every path, from a phone: HTTP → store → board → PDF → CSV → JSON
archive → import.

Each case of tests/data/hostile-text.txt, plus NUL and control characters, right-to-left
overrides and a 10,000-character word, is posted from a phone. It is stored as typed (minus
control characters, which the core drops) or refused with a French message; the board gives
it back unchanged; the compte-rendu prints it (pdftotext); the CSV holds it with formulas
neutralised; the JSON archive holds it and an import recreates it. Nothing crashes.
"""

from __future__ import annotations

import csv
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from reportlab.pdfbase import pdfmetrics

from app.cli import main
from app.domain.french import french_typography
from app.ops import live
from app.ops.base import Context
from app.ops.board import board_data
from app.ops.notes import MAX_NOTE
from app.ops.queries import list_workshops
from app.ops.workshops import create_workshop
from app.reports.layout import register_fonts
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt"
LONG_WORD = "Anticonstitutionnellement" * 400  # 10,000 characters, no space
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def cases() -> list[str]:
    lines = HOSTILE.read_text(encoding="utf-8").split("\n")
    typed = [
        line.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
        for line in lines
        if not line.startswith("#")
    ]
    return [c for c in typed if c] + [
        "\x00NUL au début, \x00 au milieu\x00",
        "cloche\x07 et échappement \x1b[31mrouge\x1b[0m",
        "C1 \x85 \x9b contrôles",
        "\u202eenrevni\u202c puis \u2067isolé\u2069 et \u200fRLM",
        "=cmd|' /C calc'!A0",
        LONG_WORD,
        "x" * MAX_NOTE,
    ]


def as_stored(typed: str) -> str:
    """What the core keeps of a post-it: CR/CRLF as LF, no C0 control but tab and newline, no
    DEL, trimmed (an independent statement of app.domain.agenda.clean_text)."""
    text = typed.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in text if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))
    return kept.strip()


def squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ord(ch) >= 32 and ch != "\x7f")


def printable(text: str) -> str:
    """What a PDF can show: no C1 control nor bidi control; what neither font has is a box
    (emoji come from the fallback font)."""
    register_fonts()
    glyphs = set(pdfmetrics.getFont("DejaVuSans").face.charToGlyph)
    glyphs |= set(pdfmetrics.getFont("Symbola").face.charToGlyph)
    return squeeze(
        "".join(
            ch
            for ch in text
            if ord(ch) in glyphs and not (0x80 <= ord(ch) < 0xA0) and ch not in BIDI
        )
    )


@pytest.fixture
def posted(tmp_path: Path) -> Iterator[tuple[Path, int, dict[str, str]]]:
    """Every case posted from phones: (database file, workshop id, {typed: stored})."""
    path = tmp_path / "hostile.sqlite3"
    db = Database.open(path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Texte hostile").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    stored: dict[str, str] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            phone: dict[str, str] = {}
            for n, typed in enumerate(cases()):
                if n % 10 == 0:  # a new phone every 10 post-its (20 a minute each at most)
                    joined = client.post("/api/join", json={
                        "code": code, "name": f"<b>Tél</b> {n} ‮ & =1+1", "category": "usager",
                        "key": f"hostile-join-{n:04d}"})  # fmt: skip
                    assert joined.status_code == 201, joined.text
                    phone = {"Authorization": f"Bearer {joined.json()['token']}"}
                answer = client.post(
                    "/api/notes", json={"text": typed, "key": f"hostile-{n:05d}"}, headers=phone
                )
                expected = as_stored(typed)
                if not expected or len(expected) > MAX_NOTE:
                    assert answer.status_code == 422, (typed[:40], answer.text)
                    assert answer.json()["code"] == "saisie_invalide"  # with a French message
                    continue
                assert answer.status_code == 201, (typed[:40], answer.text)
                assert answer.json()["text"] == expected, repr(typed)
                stored[typed] = expected
            too_big = client.post("/api/notes", json={"text": "é" * 20_000, "key": "hostile-big-1"},
                                  headers=phone)  # fmt: skip
            assert too_big.status_code == 413 and too_big.json()["code"] == "trop_gros"
    finally:
        server.stop()
        db.close()
    assert len(stored) >= 30
    yield path, wid, stored


def test_hostile_text_from_a_phone_reaches_every_output_as_typed(
    posted: tuple[Path, int, dict[str, str]], tmp_path: Path
) -> None:
    path, wid, stored = posted
    texts = set(stored.values())
    db = Database.open(path)
    try:
        board = board_data(Context(db), wid)
        on_board = {note.text for note in board.notes}
    finally:
        db.close()
    assert texts <= on_board  # the board gives each back unchanged

    out = tmp_path / "sortie"
    out.mkdir()
    pdf, folder, archive = out / "compte-rendu.pdf", out / "csv", out / "atelier.json"
    assert main(["--db", str(path), "export", "--workshop", str(wid), "--pdf", str(pdf),
                 "--csv", str(folder), "--json", str(archive)]) == 0  # fmt: skip

    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    flat = "".join(ch for ch in squeeze(printed) if ch not in BIDI)  # pdftotext adds some
    for text in texts:
        expected = printable(french_typography(text))
        if any("\u0590" <= ch <= "\u06ff" for ch in expected):
            continue  # right-to-left scripts: pdftotext may reorder them (checked below)
        assert expected in flat, repr(text)
    assert "مرحبا" in printed or "ابحرم" in printed

    with (folder / "post-its.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)], "a formula left active"
    for text in texts:
        # a spreadsheet's cell: no control character (a tab is a space, NEL a line break), no
        # bidi override or isolate (the marks LRM and RLM stay)
        plain = "".join(
            {"\t": " ", "\x85": "\n"}.get(ch, ch)
            for ch in text
            if ch not in BIDI - {"\u200e", "\u200f"}
            and (ch == "\x85" or not 0x80 <= ord(ch) < 0xA0)
        )
        shown = "'" + plain if text.startswith(FORMULA_STARTS) else plain
        assert shown in cells, repr(text)

    held = json.dumps(json.loads(archive.read_text(encoding="utf-8")), ensure_ascii=False)
    assert all(json.dumps(text, ensure_ascii=False) in held for text in texts)
    # the base holds it already: kept beside it as a copy
    assert main(["--db", str(path), "import", str(archive), "--as-copy"]) == 0
    db = Database.open(path)
    try:
        ids = sorted(w.id for w in list_workshops(Context(db)))
        copy = board_data(Context(db), ids[-1])
    finally:
        db.close()
    assert ids[-1] != wid
    assert texts <= {note.text for note in copy.notes}

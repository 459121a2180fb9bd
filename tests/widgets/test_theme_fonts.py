"""What participants type in any script shows on the window and the projector, not as boxes:
the shipped fallback fonts are registered with Qt, whose own fallback then draws what DejaVu
lacks, whatever fonts the computer has."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont, QImage, QPainter

from widgets.theme import FONT_FAMILY, register_fonts

# a character of each script DejaVu lacks (CJK, full width, Hangul, kana, Devanagari, Thai,
# Ethiopic, Tamil, Khmer, Sinhala)
SCRIPTS = "漢Ｗ한カहภአதកස"
NO_FONT = "\U0010fffd"  # a private-use character no font has: Qt draws its box


def _drawn(ch: str) -> bytes:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(FONT_FAMILY, 22))
    painter.setPen(QColor("black"))
    painter.drawText(4, 36, ch)
    painter.end()
    return bytes(image.constBits())


def test_every_script_draws_a_glyph_of_its_own(qapp: Any) -> None:
    families = register_fonts()
    assert {"Droid Sans Fallback", "NanumGothicCoding", "Noto Sans Devanagari"} <= set(families)
    box = _drawn(NO_FONT)
    blank = _drawn(" ")
    drawn = {ch: _drawn(ch) for ch in SCRIPTS}
    assert [ch for ch, image in drawn.items() if image in (box, blank)] == []
    assert len(set(drawn.values())) == len(SCRIPTS)  # each its own glyph, not one box for all

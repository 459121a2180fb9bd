"""A ranked bar chart of a vote's results, drawn by hand for the console and the projector.

Each row: the rank (ties share it and say so), the item's text on one line (drawn as text,
never markup, cut with …), a bar, and the value. For majority judgment the bar is the grade
profile (À rejeter … Excellent, the median marked). Sizes follow the widget's height, so the
same chart reads from the back of the room on the projector.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.reports.text import one_line
from widgets.theme import ACCENT, FONT_FAMILY, INK, MUTED, PRIMARY

# À rejeter … Excellent: red to green, distinct for colour-blind eyes by lightness too
GRADE_COLOURS = ("#7f1d1d", "#dc2626", "#f97316", "#facc15", "#a3e635", "#16a34a", "#14532d")


@dataclass(frozen=True, slots=True)
class ChartRow:
    rank: int
    tied: bool
    label: str
    value: float  # bar length against the chart's maximum
    text: str  # the value as shown ("12", "Bien", "3,8 / 5")
    profile: tuple[int, ...] | None = None  # majority judgment: ballots per grade


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    ink: str
    muted: str
    bar: str
    first: str  # the first rank's bar
    track: str


LIGHT = Look("#ffffff", INK, MUTED, PRIMARY, ACCENT, "#eef1f5")
DARK = Look("#0f172a", "#ffffff", "#cbd5e1", "#2dd4bf", "#fbbf24", "#1e293b")


class VoteChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self.look = DARK if dark else LIGHT
        self.rows: list[ChartRow] = []
        self.maximum = 1.0
        self.max_row = 64  # pixels: the tallest a row gets
        self.tie_text = self.tr("ex æquo")
        self.empty_text = self.tr("Pas encore de voix")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: list[ChartRow], maximum: float | None = None) -> None:
        self.rows = list(rows)
        top = max((r.value for r in rows), default=0.0)
        self.maximum = maximum if maximum else max(top, 1.0)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, max(120, 44 * max(1, len(self.rows))))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 30 * max(1, min(len(self.rows), 6)))

    # -- drawing -------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        look = self.look
        painter.fillRect(self.rect(), QColor(look.background))
        if not self.rows:
            painter.setPen(QColor(look.muted))
            painter.setFont(self._font(max(14, min(self.height() // 6, 48)), False))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        row_h = min(float(self.max_row), self.height() / len(self.rows))
        # two lines a row: the item's text across the whole width, the bar under it
        size = max(11, int(row_h * 0.34))
        font = self._font(size, True)
        small = self._font(max(9, int(size * 0.8)), False)
        metrics = QFontMetricsF(font)
        small_metrics = QFontMetricsF(small)
        width = float(self.width())
        badge = min(row_h * 0.72, 120.0)
        text_x = badge + max(10.0, size * 0.6)
        value_w = max(metrics.horizontalAdvance("0000"), width * 0.08)
        if any(r.profile for r in self.rows) or any("/" in r.text for r in self.rows):
            value_w = max(value_w, max(metrics.horizontalAdvance(r.text) for r in self.rows))
        tie_w = small_metrics.horizontalAdvance(self.tie_text) + size
        bar_w = max(20.0, width - text_x - value_w - size)
        for n, row in enumerate(self.rows):
            top = n * row_h
            # the rank, in a disc (the first rank in the highlight colour)
            disc = QRectF(0, top + (row_h - badge) / 2, badge, badge)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.first if row.rank == 1 else look.track))
            painter.drawEllipse(disc)
            painter.setPen(QColor("#111827" if row.rank == 1 else look.ink))
            painter.setFont(font)
            painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(row.rank))
            # the item's text, on one line, cut with … ; a tie says so at the end of the line
            line = QRectF(text_x, top + row_h * 0.04, width - text_x, row_h * 0.46)
            room = line.width() - (tie_w if row.tied else 0)
            text = metrics.elidedText(one_line(row.label), Qt.TextElideMode.ElideRight, room)
            painter.setPen(QColor(look.ink))
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
            if row.tied:  # right after the text: "Le bus de 7 h 52  ex æquo"
                after = line.adjusted(metrics.horizontalAdvance(text) + size * 0.6, 0, 0, 0)
                painter.setFont(small)
                painter.setPen(QColor(look.muted))
                painter.drawText(
                    after, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.tie_text
                )
            # the bar, and the value after it
            bar_h = row_h * 0.3
            track = QRectF(text_x, top + row_h * 0.56, bar_w, bar_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.track))
            painter.drawRoundedRect(track, 4, 4)
            if row.profile:
                self._profile(painter, track, row.profile)
            else:
                share = max(0.0, min(1.0, row.value / self.maximum)) if self.maximum else 0.0
                if share > 0:
                    filled = QRectF(track.x(), track.y(), max(6.0, bar_w * share), bar_h)
                    painter.setBrush(QColor(look.first if row.rank == 1 else look.bar))
                    painter.drawRoundedRect(filled, 4, 4)
            painter.setPen(QColor(look.ink))
            painter.setFont(font)
            value_rect = QRectF(
                track.right() + size * 0.5, track.center().y() - row_h / 4, value_w, row_h / 2
            )
            painter.drawText(
                value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.text
            )
        painter.end()

    def _profile(self, painter: QPainter, track: QRectF, profile: tuple[int, ...]) -> None:
        total = sum(profile)
        if not total:
            return
        x = track.x()
        for grade, count in enumerate(profile):
            if not count:
                continue
            w = track.width() * count / total
            painter.setBrush(QColor(GRADE_COLOURS[grade % len(GRADE_COLOURS)]))
            painter.drawRect(QRectF(x, track.y(), w, track.height()))
            x += w
        # the median: half of the ballots on each side
        middle = track.x() + track.width() / 2
        pen = QPen(QColor(self.look.ink))
        pen.setWidthF(max(2.0, track.height() * 0.08))
        painter.setPen(pen)
        painter.drawLine(int(middle), int(track.y() - 4), int(middle), int(track.bottom() + 4))
        painter.setPen(Qt.PenStyle.NoPen)

    def _font(self, pixels: int, bold: bool) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(pixels)
        font.setBold(bold)
        return font


__all__ = ["DARK", "GRADE_COLOURS", "LIGHT", "ChartRow", "Look", "VoteChart"]

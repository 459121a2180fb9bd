"""The board on the projector when it is too big to read whole: one card per group.

Each card shows the group's title and how many post-its it holds ("Mobilité · 12 post-its"),
with the "Arrivées" lane and the post-its outside any group as cards of their own. Text is
painted as plain text (group titles are participants' words, never markup) and never under
the projector's minimum size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.domain.board import BoardData, colour, in_inbox
from widgets.theme import FONT_FAMILY

MARGIN = 28.0
SPACING = 24.0


@dataclass(frozen=True, slots=True)
class OverviewCard:
    title: str
    count: int
    fill: str
    lane: bool = False  # "Arrivées" and "Sans groupe": dashed, grey


class BoardOverview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardOverview")
        self.cards: list[OverviewCard] = []
        self.min_text_px = 24.0  # in this screen's pixels (the mirror sets it)

    def set_data(self, data: BoardData | None) -> None:
        cards: list[OverviewCard] = []
        if data is not None:
            loose = [n for n in data.notes if n.cluster_id is None]
            waiting = sum(1 for n in loose if in_inbox(n.x))
            if waiting:
                cards.append(OverviewCard(self.tr("Arrivées"), waiting, "#eef1f6", lane=True))
            groups = sorted(data.clusters, key=lambda c: (c.y, c.x))
            cards.extend(
                OverviewCard(c.title, len(c.note_ids), colour(c.colour).fill) for c in groups
            )
            if len(loose) > waiting:
                cards.append(
                    OverviewCard(self.tr("Sans groupe"), len(loose) - waiting, "#ffffff", True)
                )
        self.cards = cards
        self.update()

    def count_text(self, count: int) -> str:
        return (
            self.tr("{n} post-it").format(n=count)
            if count == 1
            else self.tr("{n} post-its").format(n=count)
        )

    def card_texts(self) -> list[str]:
        """What each card says, in order: "Mobilité · 12 post-its"."""
        return [f"{c.title} · {self.count_text(c.count)}" for c in self.cards]

    def layout_cards(self) -> tuple[list[QRectF], int]:
        """Each card's rectangle and the title's pixel size (never under the minimum)."""
        n = len(self.cards)
        if not n:
            return [], int(self.min_text_px)
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        columns = max(1, min(n, round(math.sqrt(n * width / max(height, 1.0) / 2.2)) or 1))
        rows = math.ceil(n / columns)
        card_w = (width - (columns - 1) * SPACING) / columns
        card_h = min((height - (rows - 1) * SPACING) / rows, card_w / 1.6)
        size = int(max(self.min_text_px, min(card_h * 0.2, card_w * 0.09, 72.0)))
        rects = [
            QRectF(
                MARGIN + (k % columns) * (card_w + SPACING),
                MARGIN + (k // columns) * (card_h + SPACING),
                card_w,
                card_h,
            )
            for k in range(n)
        ]
        return rects, size

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.fillRect(self.rect(), QColor("#f6f7fb"))
        rects, size = self.layout_cards()
        title_font = QFont(FONT_FAMILY)
        title_font.setPixelSize(size)
        title_font.setBold(True)
        count_font = QFont(FONT_FAMILY)
        count_font.setPixelSize(size)
        for card, rect in zip(self.cards, rects, strict=True):
            fill = QColor(card.fill)
            painter.setPen(
                QPen(
                    QColor("#8a93a3") if card.lane else fill.darker(150),
                    3,
                    Qt.PenStyle.DashLine if card.lane else Qt.PenStyle.SolidLine,
                )
            )
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 16, 16)
            inner = rect.adjusted(size * 0.8, size * 0.6, -size * 0.8, -size * 0.6)
            line = QFontMetricsF(title_font).lineSpacing()
            lines = max(1, int((inner.height() - line) // line))  # the count keeps its line
            title_box = QRectF(inner.x(), inner.y(), inner.width(), lines * line)
            painter.setPen(QColor("#111111"))
            painter.setFont(title_font)
            painter.drawText(
                title_box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                self._wrapped(card.title, title_font, inner.width(), lines),
            )
            painter.setFont(count_font)
            painter.setPen(QColor("#3b4456"))
            painter.drawText(
                QRectF(inner.x(), inner.bottom() - line, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.count_text(card.count),
            )
        painter.end()

    @staticmethod
    def _wrapped(text: str, font: QFont, width: float, lines: int) -> str:
        """`text` broken into at most `lines` lines of `width`, the last cut with "…"."""
        metrics = QFontMetricsF(font)
        words, out, current = text.split(), [], ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if metrics.horizontalAdvance(candidate) <= width or not current:
                current = candidate
            else:
                out.append(current)
                current = word
        out.append(current)
        if len(out) > lines:
            out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
        return "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out
        )

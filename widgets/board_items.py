"""The board's post-its and zones as hand-drawn QGraphicsItems, and the text fitting they use.

Moved out of `widgets.board_scene` (which keeps the groups, `ClusterItem`, and the scene):
no QGraphicsTextItem, participants' text is never read as rich text (see there).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.domain.board import NOTE_H, NOTE_W, NoteCard, Zone, colour
from widgets.core_text import time_text
from widgets.text import plain_tooltip
from widgets.theme import FONT_FAMILY, PRIMARY

PAD = 12.0
FOOTER = 22.0
HEADER = 48.0
SIZES = (19, 17, 15, 13)  # the font shrinks a little before the text is cut
LARGE_SIZES = (26, 23, 20, 17)
FOCUS = QColor(PRIMARY)
HIDDEN_FILL = QColor("#46566e")
SHADOW = QColor(0, 0, 0, 40)
BAR = QColor(0, 0, 0, 60)
NOTE_RECT = QRectF(0, 0, NOTE_W, NOTE_H)
BARS = [QRectF(PAD, PAD + i * 28, NOTE_W - 2 * PAD - i * 30, 12) for i in range(3)]


@dataclass(frozen=True, slots=True)
class FittedText:
    layout: QTextLayout
    cut: bool
    size: int  # the font's pixel size (the projector keeps it readable)


def _layout(text: str, size: int, width: float) -> tuple[QTextLayout, float]:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(size)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # very long words
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0.0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


@lru_cache(maxsize=8192)
def fit_text(text: str, large: bool = False) -> FittedText:
    """Lay `text` out in a post-it: the largest size that fits, else the smallest, cut with …"""
    width, height = NOTE_W - 2 * PAD, NOTE_H - 2 * PAD - FOOTER
    sizes = LARGE_SIZES if large else SIZES
    for size in sizes:
        layout, used = _layout(text, size, width)
        if used <= height:
            return FittedText(layout, False, size)
    # cut: keep as many characters as fit, ending with an ellipsis
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        _, used = _layout(text[:middle].rstrip() + "…", sizes[-1], width)
        if used <= height:
            low = middle
        else:
            high = middle - 1
    layout, _ = _layout(text[:low].rstrip() + "…", sizes[-1], width)
    return FittedText(layout, True, sizes[-1])


@lru_cache(maxsize=32)
def _fill(key: str) -> QColor:
    return QColor(colour(key).fill)


def _footer_font() -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(12)
    return font


def too_small(widget: QWidget | None, pixels: float, detail: float) -> bool:
    """On the projector (a viewport with a `min_text_px`), text of `pixels` drawn at `detail`
    would be under the smallest size the room can read: it is left out."""
    floor = widget.property("min_text_px") if widget is not None else None
    return isinstance(floor, float) and pixels * detail < floor


def _time(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp)
    return time_text(moment.hour * 60 + moment.minute)


class NoteItem(QGraphicsItem):
    """One post-it: its colour, its text (shrunk, then cut with "…"), author and time."""

    def __init__(self, card: NoteCard, large: bool) -> None:
        super().__init__()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(False)
        self.card = card
        self.large = large
        self.matched: bool | None = None  # search: True match, False dimmed, None no search
        self.apply(card, large)

    @property
    def note_id(self) -> int:
        return self.card.id

    def apply(self, card: NoteCard, large: bool) -> None:
        changed_look = (
            card.text != self.card.text
            or card.colour != self.card.colour
            or card.hidden != self.card.hidden
            or large != self.large
        )
        self.card, self.large = card, large
        self.setPos(card.x, card.y)
        self.setZValue(1.0)
        # the text is laid out when first needed (drawn close enough to read, or its tooltip
        # asked for), not at load: a board of 2,000 shown whole reads none of them
        self._fitted: FittedText | None = None
        self.setToolTip("")
        self.footer = f"{card.author} · {_time(card.created_at)}"
        if changed_look:
            self.update()

    @property
    def fitted(self) -> FittedText | None:
        """The text as drawn (shrunk, or cut with "…"); None while hidden. Sets the tooltip."""
        if self._fitted is None and not self.card.hidden:
            self._fitted = fit_text(self.card.text, self.large)
            tip = f"{self.card.text}\n— {self.card.author}" if self._fitted.cut else ""
            self.setToolTip(plain_tooltip(tip) if tip else "")
        return self._fitted

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -4, NOTE_W + 10, NOTE_H + 10)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, NOTE_W, NOTE_H))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # drawn 2,000 times when the whole board shows: colours and shapes are made once
        rect = NOTE_RECT
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        fill = HIDDEN_FILL if self.card.hidden else _fill(self.card.colour)
        if self.matched is False:
            fill = QColor(fill)
            fill.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        if detail > 0.35:
            painter.setBrush(SHADOW)
            painter.drawRoundedRect(rect.translated(3, 4), 6, 6)
        painter.setBrush(fill)
        if detail < 0.15:  # the rounded corners would be under a pixel
            painter.drawRect(rect)
        else:
            painter.drawRoundedRect(rect, 6, 6)
        if detail < 0.3:  # far away: the text would be a smudge; draw its lines as bars
            if not self.card.hidden:
                painter.setBrush(BAR)
                painter.drawRects(BARS)
        elif self.card.hidden:
            painter.setPen(QColor("#ffffff"))
            font = QFont(FONT_FAMILY)
            font.setPixelSize(40)
            painter.setFont(font)
            painter.drawText(rect.adjusted(0, 0, 0, -30), Qt.AlignmentFlag.AlignCenter, "✎")
            if not too_small(widget, 14, detail):
                font.setPixelSize(14)
                painter.setFont(font)
                painter.drawText(
                    rect.adjusted(0, 60, 0, -10), Qt.AlignmentFlag.AlignCenter, "texte masqué"
                )
        else:
            painter.setPen(QColor(colour(self.card.colour).ink))
            fitted = self.fitted
            assert fitted is not None
            fitted.layout.draw(painter, QPointF(PAD, PAD))
        if not self.card.hidden and detail >= 0.3 and not too_small(widget, 12, detail):
            painter.setFont(_footer_font())
            painter.setPen(QColor(0, 0, 0, 170))
            foot = QRectF(PAD, NOTE_H - FOOTER - 4, NOTE_W - 2 * PAD, FOOTER)
            shown = QFontMetricsF(painter.font()).elidedText(
                self.footer, Qt.TextElideMode.ElideMiddle, foot.width()
            )
            painter.drawText(
                foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )
        selected = self.isSelected()  # option.state's flags are slow Python enums
        focus = self.hasFocus()
        mirror = (selected or focus) and widget is not None and bool(widget.property("mirror"))
        if (selected and not mirror) or self.matched:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS if selected else QColor("#111111"), 4))
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 7, 7)
        if focus and not mirror:
            pen = QPen(QColor("#111111"), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 8, 8)


class ZoneItem(QGraphicsItem):
    """A template's zone (a column, a quadrant) or the "Arrivées" column, behind everything."""

    def __init__(self, zone: Zone, inbox: bool = False) -> None:
        super().__init__()
        self.zone = zone
        self.inbox = inbox
        self.count = 0  # the "Arrivées" lane: how many post-its wait there (shown after the title)
        self.setZValue(-10.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def rect(self) -> QRectF:
        return QRectF(self.zone.x, self.zone.y, self.zone.w, self.zone.h)

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(
            QPen(
                QColor("#b8c0cc"), 2, Qt.PenStyle.DashLine if self.inbox else Qt.PenStyle.SolidLine
            )
        )
        painter.setBrush(QColor("#eef1f6") if self.inbox else QColor("#ffffff"))
        painter.drawRoundedRect(self.rect(), 14, 14)
        font = QFont(FONT_FAMILY)
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#3b4456"))
        head = QRectF(self.zone.x + 18, self.zone.y + 10, self.zone.w - 36, 40)
        title = (
            f"{self.zone.title} ({self.count})" if self.inbox and self.count else self.zone.title
        )
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.zone.subtitle and not too_small(widget, 18, detail):
            font.setPixelSize(18)
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(QColor("#5b6475"))
            sub = QRectF(self.zone.x + 18, self.zone.y + 46, self.zone.w - 36, 26)
            painter.drawText(
                sub, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.zone.subtitle
            )

"""A ring that fills as the phase goes by, with the countdown drawn in its centre."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.theme import FONT_FAMILY


class ProgressRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = 0.0
        self.text = ""
        self.caption = ""
        self.ring_color = QColor("#2dd4bf")
        self.track_color = QColor(255, 255, 255, 40)
        self.text_color = QColor("#ffffff")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)

    def set_state(
        self, progress: float, text: str, caption: str, ring: QColor, text_color: QColor
    ) -> None:
        self.progress, self.text, self.caption = progress, text, caption
        self.ring_color, self.text_color = ring, text_color
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        pen_width = max(6.0, side * 0.045)
        rect = QRectF(
            (self.width() - side) / 2 + pen_width / 2,
            (self.height() - side) / 2 + pen_width / 2,
            side - pen_width,
            side - pen_width,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.track_color, pen_width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(rect)
        if self.progress > 0:
            pen.setColor(self.ring_color)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock; we go clockwise from 12
            painter.drawArc(rect, 90 * 16, -round(self.progress * 360 * 16))
        # the countdown: as large as fits inside the ring
        font = QFont(FONT_FAMILY)
        font.setBold(True)
        digits = max(5, len(self.text)) + (0.6 if self.text.startswith("−") else 0)
        font.setPixelSize(max(12, int(rect.width() * 1.45 / digits)))
        painter.setFont(font)
        painter.setPen(self.text_color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.caption:
            small = QFont(FONT_FAMILY)
            small.setPixelSize(max(10, int(rect.height() * 0.07)))
            painter.setFont(small)
            caption_rect = QRectF(rect.left(), rect.center().y() + rect.height() * 0.18,
                                  rect.width(), rect.height() * 0.15)  # fmt: skip
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self.caption)
        painter.end()

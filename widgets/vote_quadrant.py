"""The criteria grid's 2×2 chart: feasibility across, impact up, the middle of 1–5 at 3.

Each item is a disc holding its rank; the quadrants are named as the core names them
(Prioritaire, À préparer, Facile, À écarter). Labels are drawn as text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from widgets.theme import FONT_FAMILY
from widgets.vote_chart import DARK, LIGHT

SCALE_MIN, SCALE_MAX, MIDDLE = 1.0, 5.0, 3.0


@dataclass(frozen=True, slots=True)
class QuadrantPoint:
    rank: int
    impact: float
    feasibility: float


class QuadrantChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self.look = DARK if dark else LIGHT
        self.points: list[QuadrantPoint] = []
        self.names = {
            "top-right": self.tr("Prioritaire"),
            "top-left": self.tr("À préparer"),
            "bottom-right": self.tr("Facile"),
            "bottom-left": self.tr("À écarter"),
        }
        self.x_title = self.tr("Faisabilité →")
        self.y_title = self.tr("Impact →")

    def set_points(self, points: list[QuadrantPoint]) -> None:
        self.points = list(points)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 220)

    def plot_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        margin = max(28.0, side * 0.09)
        inner = side - 2 * margin
        return QRectF(
            (self.width() - inner) / 2 + margin / 3, (self.height() - inner) / 2, inner, inner
        )

    def position(self, point: QuadrantPoint) -> QPointF:
        plot = self.plot_rect()
        span = SCALE_MAX - SCALE_MIN
        x = plot.left() + (point.feasibility - SCALE_MIN) / span * plot.width()
        y = plot.bottom() - (point.impact - SCALE_MIN) / span * plot.height()
        return QPointF(x, y)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        look = self.look
        painter.fillRect(self.rect(), QColor(look.background))
        plot = self.plot_rect()
        half_w, half_h = plot.width() / 2, plot.height() / 2
        quarters = {
            "top-left": QRectF(plot.left(), plot.top(), half_w, half_h),
            "top-right": QRectF(plot.center().x(), plot.top(), half_w, half_h),
            "bottom-left": QRectF(plot.left(), plot.center().y(), half_w, half_h),
            "bottom-right": QRectF(plot.center().x(), plot.center().y(), half_w, half_h),
        }
        tint = {"top-right": "#2dd4bf", "top-left": "#fbbf24", "bottom-right": "#93c5fd"}
        size = max(10, int(plot.height() * 0.05))
        font = QFont(FONT_FAMILY)
        font.setPixelSize(size)
        font.setBold(True)
        painter.setFont(font)
        for key, rect in quarters.items():
            fill = QColor(tint.get(key, look.track))
            fill.setAlpha(60 if key in tint else 255)
            painter.fillRect(rect, fill)
            painter.setPen(QColor(look.muted))
            painter.drawText(
                rect.adjusted(8, 6, -8, -6),
                Qt.AlignmentFlag.AlignTop
                | (
                    Qt.AlignmentFlag.AlignRight
                    if key.endswith("right")
                    else Qt.AlignmentFlag.AlignLeft
                ),
                self.names[key],
            )
        pen = QPen(QColor(look.muted))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        painter.drawLine(
            QPointF(plot.center().x(), plot.top()), QPointF(plot.center().x(), plot.bottom())
        )
        painter.drawLine(
            QPointF(plot.left(), plot.center().y()), QPointF(plot.right(), plot.center().y())
        )
        # axis titles
        painter.setPen(QColor(look.ink))
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 4, plot.width(), size * 1.8),
            Qt.AlignmentFlag.AlignCenter,
            self.x_title,
        )
        painter.save()
        painter.translate(plot.left() - size * 1.6, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-half_h, -size, plot.height(), size * 2),
            Qt.AlignmentFlag.AlignCenter,
            self.y_title,
        )
        painter.restore()
        # the items, best last so that it is drawn on top
        radius = max(10.0, plot.width() * 0.035)
        for point in sorted(self.points, key=lambda p: -p.rank):
            centre = self.position(point)
            painter.setPen(QPen(QColor(look.background), 2))
            painter.setBrush(QColor(look.first if point.rank == 1 else look.bar))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("#111827" if point.rank == 1 else look.background))
            small = QFont(font)
            small.setPixelSize(max(9, int(radius)))
            painter.setFont(small)
            painter.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(point.rank),
            )
            painter.setFont(font)
        painter.end()


__all__ = ["QuadrantChart", "QuadrantPoint"]

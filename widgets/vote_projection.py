"""The vote on the projector: "Votez sur votre téléphone" and the turnout while it is open,
the ranked results in big bars once she reveals them (or live, when she chose so).

It covers the projector window like the board's mirror; hiding it shows what was under it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from widgets.projector_view import wall_clock
from widgets.text import plain_label
from widgets.theme import FONT_FAMILY
from widgets.vote_chart import VoteChart
from widgets.vote_panel import chart_rows, quadrant_points, results_visible
from widgets.vote_quadrant import QuadrantChart

MAX_ROWS = 8  # the bars stay tall enough to read from the back of the room


class VoteProjection(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("voteProjection")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#0f172a"))
        self.setPalette(palette)
        self.results: Any = None
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.state = plain_label()
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setWordWrap(True)
        self.turnout = plain_label()
        self.turnout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.closing = plain_label()
        self.closing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.corner = plain_label()  # the turnout, small, beside the results
        self.corner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.more = plain_label()
        self.chart = VoteChart(dark=True)
        self.chart.max_row = 150
        self.quadrant = QuadrantChart(dark=True)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.corner)
        self.charts = QWidget()  # hidden as a whole: "Votez" then sits in the middle
        charts = QHBoxLayout(self.charts)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.chart, 3)
        charts.addWidget(self.quadrant, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(56, 36, 56, 36)
        layout.setSpacing(18)
        layout.addLayout(header)
        layout.addStretch(1)
        layout.addWidget(self.state)
        layout.addWidget(self.turnout)
        layout.addWidget(self.closing)
        layout.addWidget(self.charts, 30)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.setStyleSheet("QLabel { color: #ffffff; background: transparent; }")
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self._fonts()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
            self._fonts()
        return False

    def _fonts(self) -> None:
        height = max(400, self.height())
        for label, share, bold in (
            (self.title, 0.055, True),
            (self.state, 0.085, True),
            (self.turnout, 0.16, True),
            (self.closing, 0.045, False),
            (self.corner, 0.045, True),
            (self.more, 0.032, False),
        ):
            font = QFont(FONT_FAMILY)
            font.setPixelSize(int(height * share))
            font.setBold(bold)
            label.setFont(font)

    # -- content -------------------------------------------------------------------------------
    def show_results(self, results: Any, now: float) -> None:
        """What the room sees of this round (the desk decides whether to show it at all)."""
        self.results = results
        info = results.round
        turnout = results.turnout
        count = self.tr("{voted} / {total} ont voté").format(
            voted=turnout.voted, total=turnout.checked_in
        )
        self.title.setText(info.title)
        visible = results_visible(results)
        self.state.setVisible(not visible)
        self.turnout.setVisible(not visible)
        self.charts.setVisible(visible)
        self.chart.setVisible(visible)
        self.quadrant.setVisible(visible and info.kind == "criteria")
        self.corner.setVisible(visible)
        self.more.setVisible(False)
        if not visible:
            self.state.setText(
                self.tr("Votez sur votre téléphone")
                if info.is_open
                else self.tr("Vote clos — les résultats arrivent")
            )
            self.turnout.setText(count)
        else:
            self.corner.setText(
                self.tr("Votez sur votre téléphone · {count}").format(count=count)
                if info.is_open
                else count
            )
            rows, maximum = chart_rows(results)
            self.chart.set_rows(rows[:MAX_ROWS], maximum)
            if len(rows) > MAX_ROWS:
                self.more.setText(
                    self.tr("… et {n} autres éléments").format(n=len(rows) - MAX_ROWS)
                )
                self.more.setVisible(True)
            if info.kind == "criteria":
                self.quadrant.set_points(
                    [p for p in quadrant_points(results) if p.rank <= MAX_ROWS]
                )
        self.update_closing(now)

    def update_closing(self, now: float) -> None:
        results = self.results
        closes_at = results.round.settings.closes_at if results is not None else None
        show = (
            results is not None
            and closes_at is not None
            and results.round.is_open
            and not results_visible(results)
        )
        self.closing.setVisible(bool(show))
        if show and closes_at is not None:
            left = max(0, int(closes_at - now))
            self.closing.setText(
                self.tr("Clôture à {time} — encore {m}:{s:02d}").format(
                    time=wall_clock(closes_at), m=left // 60, s=left % 60
                )
            )

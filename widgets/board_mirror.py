"""The board on the projector: the same scene as the console, read-only, with the countdown.

It covers the projector window while the console shows the board; closing it never touches
the board or the timer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from app.domain.board import BoardData
from app.domain.timer import Display
from app.settings import load_settings
from widgets.board_overview import BoardOverview
from widgets.board_scene import BoardScene
from widgets.mirror_view import MirrorView
from widgets.projector_view import PALETTE
from widgets.text import plain_label, restyle
from widgets.theme import FONT_FAMILY


def _font(size: int, bold: bool = True) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(size)
    font.setBold(bold)
    return font


class BoardMirror(QWidget):
    def __init__(self, scene: BoardScene, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("boardMirror")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#0f172a"))
        self.setPalette(palette)
        self.title = plain_label()
        self.title.setFont(_font(34))
        self.countdown = plain_label("")
        self.countdown.setFont(_font(56))
        self.banner = plain_label()
        self.banner.setFont(_font(30))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("color: #111827; background: #f0e442; padding: 10px;")
        self.view = MirrorView(scene)
        # too big to read whole after the console's "Tout voir": the groups as cards
        self.overview = BoardOverview()
        self.view.set_min_text(int(load_settings().get("projector_text_px") or 24))
        self.view.overview_wanted.connect(self._show_overview)
        self.pages = QStackedLayout()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.overview)
        strip = QHBoxLayout()
        strip.setContentsMargins(28, 12, 28, 12)
        strip.addWidget(self.title, 1)
        strip.addWidget(self.countdown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(strip)
        layout.addWidget(self.banner)
        layout.addLayout(self.pages, 1)
        self._colour("#ffffff")
        self.banner.hide()
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def _colour(self, ink: str) -> None:
        for label in (self.title, self.countdown):
            label.setStyleSheet(f"color: {ink};")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def set_data(self, data: BoardData) -> None:
        self.title.setText(data.title)
        hidden = data.hidden_count
        if hidden:
            self.banner.setText(
                self.tr(
                    "{n} post-it(s) écrit(s) — le texte reste caché jusqu'à la révélation"
                ).format(n=hidden)
            )
        elif data.private:
            self.banner.setText(self.tr("Écriture individuelle : écrivez sur votre téléphone"))
        self.banner.setVisible(bool(hidden or data.private))
        self.overview.set_data(data)
        self.view.refit()  # post-its arrived: the arrivals and the readable size move

    def show_all(self) -> None:
        """The console's "Tout voir"."""
        self.view.show_all()

    def _show_overview(self, shown: bool) -> None:
        self.overview.min_text_px = self.view.floor_px()
        self.pages.setCurrentWidget(self.overview if shown else self.view)

    def follow(self, region: QRectF | None) -> None:
        self.view.follow(region)

    def show_display(self, shown: Display) -> None:
        background, ink, _ = PALETTE[shown.stage]
        self.countdown.setText(shown.text)
        restyle(
            self.countdown,
            f"color: {ink}; background: {background}; border-radius: 12px; padding: 2px 18px;",
        )

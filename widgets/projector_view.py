"""The projector: the phase, a countdown readable from the back of the room, a progress ring.

A view only: it shows what `LiveClock` computes and never owns the timer, so closing it never
stops the countdown. F5 toggles full screen, Esc leaves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.domain.timer import Display, LiveSession, Stage
from app.system.network import wifi_payload
from widgets.core_text import time_text
from widgets.live_clock import LiveClock
from widgets.progress_ring import ProgressRing
from widgets.qr_code import QrCode
from widgets.text import breakable, plain_label, restyle
from widgets.theme import FONT_FAMILY, REHEARSAL_STYLE

T = TypeVar("T")

# (background, text, ring) per stage: high contrast on a projector in a lit room
PALETTE: dict[Stage, tuple[str, str, str]] = {
    Stage.READY: ("#0f172a", "#ffffff", "#2dd4bf"),
    Stage.NORMAL: ("#0f172a", "#ffffff", "#2dd4bf"),
    Stage.AMBER: ("#f59e0b", "#111827", "#111827"),
    Stage.OVERRUN: ("#b91c1c", "#ffffff", "#ffffff"),
    Stage.PAUSED: ("#334155", "#ffffff", "#94a3b8"),
    Stage.BREAK: ("#0e4d64", "#ffffff", "#7dd3fc"),
    Stage.ENDED: ("#0f172a", "#ffffff", "#2dd4bf"),
}


def other_screen(screens: Sequence[T], console: T | None) -> T | None:
    """The screen the projector goes to: the first one that is not the console's, if any."""
    return next((s for s in screens if s is not console), None) if len(screens) > 1 else None


def wall_clock(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp)
    return time_text(moment.hour * 60 + moment.minute)


class ProjectorView(QWidget):
    closed = Signal()

    def __init__(self, live: LiveClock, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setWindowTitle(self.tr("Atelier — projection"))
        self.live = live
        self.stage = Stage.ENDED
        self.setAutoFillBackground(True)
        # showing the projector must not take the keyboard from the console
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)

        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = plain_label()
        self.subtitle.setWordWrap(True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ring = ProgressRing()
        self.next_label = plain_label()
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setWordWrap(True)
        self.rehearsal_banner = plain_label(self.tr("RÉPÉTITION — ne compte pas dans le bilan"))
        self.rehearsal_banner.setStyleSheet(REHEARSAL_STYLE)
        self.rehearsal_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rehearsal_banner.hide()
        # how phones join: the Wi-Fi's QR code (when its name is set), the séance's QR code,
        # and for those who cannot scan, the short address and the join code in big type
        self.qr_area = QWidget()
        self.qr_area.setObjectName("qrArea")
        self.wifi_title = plain_label(self.tr("1. Rejoindre le Wi-Fi"))
        self.wifi_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wifi_qr = QrCode()
        self.wifi_qr.setMinimumSize(120, 120)
        self.wifi_name = plain_label()
        self.wifi_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wifi_name.setWordWrap(True)
        self.qr_invite = plain_label(self.tr("Participez avec votre téléphone"))
        self.qr_invite.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_invite.setWordWrap(True)
        self.qr = QrCode()
        self.qr_address = plain_label()
        self.qr_address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_address.setWordWrap(True)
        self.qr_code_caption = plain_label(self.tr("Code de l’atelier"))
        self.qr_code_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_code = plain_label()
        self.qr_code.setObjectName("joinCode")
        self.qr_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_url = ""
        self.join_code = ""
        qr_column = QVBoxLayout(self.qr_area)
        qr_column.setContentsMargins(0, 0, 0, 0)
        qr_column.setSpacing(4)
        qr_column.addWidget(self.wifi_title)
        qr_column.addWidget(self.wifi_qr, 2)
        qr_column.addWidget(self.wifi_name)
        qr_column.addSpacing(16)
        qr_column.addWidget(self.qr_invite)
        qr_column.addWidget(self.qr, 4)
        qr_column.addWidget(self.qr_address)
        qr_column.addSpacing(8)
        qr_column.addWidget(self.qr_code_caption)
        qr_column.addWidget(self.qr_code)
        self.qr_area.hide()
        self.set_wifi("", "")

        column = QVBoxLayout()
        column.addWidget(self.rehearsal_banner, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.subtitle)
        column.addWidget(self.title)
        column.addWidget(self.ring, 1)
        column.addWidget(self.next_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addLayout(column, 1)
        layout.addWidget(self.qr_area)

        live.changed.connect(self.show_display)
        self.resize(1280, 720)
        self._apply_fonts()

    # -- content -----------------------------------------------------------------------------
    @property
    def session(self) -> LiveSession | None:
        return self.live.session

    def show_display(self, shown: Display) -> None:
        session = self.session
        current = session.current if session else None
        self.stage = shown.stage
        caption = {
            Stage.READY: self.tr("Prêt à démarrer"),
            Stage.PAUSED: self.tr("En pause"),
            Stage.OVERRUN: self.tr("Temps dépassé"),
        }.get(shown.stage, "")
        if session is None or current is None or shown.stage == Stage.ENDED:
            self.title.setText(self.tr("Séance terminée — merci à toutes et à tous !"))
            self.subtitle.setText(breakable(session.title) if session else "")
            self.next_label.setText("")
            text = ""
        elif shown.stage == Stage.BREAK:
            resume = wall_clock(session.resume_at(self.live.clock()))
            self.title.setText(self.tr("Pause — reprise à {time}").format(time=resume))
            self.subtitle.setText(breakable(session.title))
            text = shown.text
        else:
            self.title.setText(breakable(current.title))
            self.subtitle.setText(breakable(session.heading))
            text = shown.text
        if session is not None and shown.stage != Stage.ENDED:
            upcoming = session.next
            self.next_label.setText(
                self.tr("À suivre : {title}").format(title=upcoming.title)
                if upcoming
                else self.tr("Dernière séquence")
            )
        background, ink, ring = PALETTE[shown.stage]
        restyle(
            self,
            f"QWidget#projector {{ background: {background}; }}"
            f" QWidget#projector QLabel {{ color: {ink}; background: transparent; }}",
        )
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(background))
        self.setPalette(palette)
        self.ring.set_state(shown.progress, text, caption, QColor(ring), QColor(ink))

    def set_join_address(self, url: str, code: str = "") -> None:
        """Show how phones join (an empty address hides the area); the QR code's address
        carries the séance's join code, so that scanning needs no typing."""
        self.join_url = url
        # what people type: the server's root leads to the page, which asks for the code
        self.qr_address.setText(url.removeprefix("http://").removesuffix("/web/").rstrip("/"))
        self.qr_area.setVisible(bool(url))
        self.set_join_code(code)

    def set_join_code(self, code: str) -> None:
        self.join_code = code
        url = self.join_url
        self.qr.set_text(f"{url}?code={code}" if url and code else url)
        self.qr_code.setText(code)
        self.qr_code.setVisible(bool(code))
        self.qr_code_caption.setVisible(bool(code))
        self._apply_fonts()

    def set_wifi(self, ssid: str, password: str) -> None:
        """The Wi-Fi's QR code (the standard `WIFI:` payload), shown when a network is named."""
        self.wifi_qr.set_text(wifi_payload(ssid, password) if ssid else "")
        self.wifi_name.setText(self.tr("Réseau : {name}").format(name=ssid) if ssid else "")
        for widget in (self.wifi_title, self.wifi_qr, self.wifi_name):
            widget.setVisible(bool(ssid))
        self.qr_invite.setText(
            self.tr("2. Rejoindre l’atelier")
            if ssid
            else self.tr("Participez avec votre téléphone")
        )

    def background_color(self) -> QColor:
        return QColor(PALETTE[self.stage][0])

    # -- window ------------------------------------------------------------------------------
    def place_on_second_screen(self, console: QScreen | None = None) -> bool:
        """Full screen on a screen other than the console's if there is one (the keyboard stays
        with the console); with one screen, a window brought to the front, above the console
        (the actions' keys work from it too). True when it went to another screen."""
        target = other_screen(QGuiApplication.screens(), console or QGuiApplication.primaryScreen())
        if target is not None:
            self.setGeometry(target.geometry())
            self.show()
            self.windowHandle().setScreen(target)
            self.showFullScreen()
            self.raise_()
            return True
        here = console or self.screen() or QGuiApplication.primaryScreen()
        if here is not None and not self.isVisible():
            self.resize(here.availableGeometry().size() * 0.6)
        self.show()
        self.raise_()
        self.activateWindow()  # shown without activating, it would open behind the console
        return False

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F5:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # closing the projector hides a view; the timer runs on in the core
        self.closed.emit()
        super().closeEvent(event)

    def set_rehearsal(self, rehearsal: bool) -> None:
        """A répétition's projection says so, above everything."""
        self.rehearsal_banner.setVisible(rehearsal)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        height = max(300, self.height())
        self.qr_area.setFixedWidth(int(max(300, self.width()) * 0.32))
        for label, share, bold in (
            (self.title, 0.075, True),
            (self.rehearsal_banner, 0.03, True),
            (self.subtitle, 0.03, False),
            (self.next_label, 0.04, False),
            (self.wifi_title, 0.035, True),
            (self.wifi_name, 0.028, False),
            (self.qr_invite, 0.035, True),
            (self.qr_address, 0.042, True),
            (self.qr_code_caption, 0.03, False),
            (self.qr_code, 0.1, True),
        ):
            font = QFont(FONT_FAMILY)
            font.setPixelSize(int(height * share))
            font.setBold(bold)
            if label is self.qr_code:  # K 7 M 4 P: each character stands apart
                font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
            if label in (self.qr_code, self.qr_address):  # one line, never cut: shrink to fit
                room = self.qr_area.width() - 8
                while (
                    font.pixelSize() > 12
                    and QFontMetrics(font).horizontalAdvance(label.text()) > room
                ):
                    font.setPixelSize(font.pixelSize() - 2)
            label.setFont(font)

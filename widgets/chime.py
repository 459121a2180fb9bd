"""The end-of-phase chime: QtMultimedia when there is an audio device, silence otherwise."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLoggingCategory, QObject, QUrl

from app.resources import asset

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect  # imported when the chime first rings

log = logging.getLogger(__name__)


class Chime(QObject):
    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effect: QSoundEffect | None = None
        self._available: bool | None = None
        self.played = 0  # how many times it rang (audible or not), for the console and tests

    def _load(self) -> None:
        # QtMultimedia's own chatter (codec probing) is not the facilitator's concern
        QLoggingCategory.setFilterRules("qt.multimedia*=false")
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:  # a bundle without QtMultimedia: stay silent
            self._available = False
            return
        self._available = bool(QMediaDevices.audioOutputs())
        if self._available:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(asset("sounds", "chime.wav"))))
            effect.setVolume(0.8)
            self._effect = effect

    @property
    def available(self) -> bool:
        if self._available is None:
            self._load()
        return bool(self._available)

    def play(self) -> None:
        self.played += 1
        if not self.enabled or not self.available or self._effect is None:
            return
        self._effect.play()

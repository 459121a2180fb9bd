"""Fichier → « Rejoindre une séance… »: find the lead's séance, give the code and one's name.

The séances announced on the local network are listed as they are found (zeroconf's threads
report them; a queued signal brings them here); an address can be typed instead. Pairing asks
the host over the network: it runs in a thread of its own, and its answer comes back as a
signal. On success `joined` carries the `RemoteController` of the replica (not started yet).
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.settings import load_settings
from widgets.controller import Controller
from widgets.core_errors import error_text
from widgets.remote_controller import RemoteController
from widgets.text import plain_label

FOUND_ROLE = Qt.ItemDataRole.UserRole


class JoinDialog(QDialog):
    joined = Signal(object)  # the RemoteController of the joined séance
    _found = Signal(list)  # from zeroconf's threads
    _answered = Signal(object, str)  # from the pairing thread: Pairing or None, error

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Rejoindre une séance"))
        self.resize(560, 520)
        intro = plain_label(
            self.tr(
                "Co-animer la séance d'une collègue depuis cet ordinateur, sur le même réseau "
                "Wi-Fi. Elle trouve le code dans sa console, bouton « Co-animation »."
            )
        )
        intro.setWordWrap(True)
        found_title = plain_label(self.tr("Séances trouvées sur le réseau local"))
        found_title.setObjectName("sectionTitle")
        self.seances = QListWidget()
        self.seances.setObjectName("foundSeances")
        self.seances.currentItemChanged.connect(self._picked)
        self.searching = plain_label(self.tr("Recherche des séances sur le réseau local…"))
        self.searching.setObjectName("muted")
        self.searching.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("par exemple 192.168.1.10:8765"))
        self.address.textEdited.connect(lambda _t: self.seances.setCurrentRow(-1))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("6 chiffres"))
        self.code.setMaxLength(7)  # "482 913" as read aloud
        self.name = QLineEdit(str(load_settings().get("facilitator_name") or ""))
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("tel qu'il apparaîtra dans l'historique"))
        form = QFormLayout()
        form.addRow(self.tr("ou adresse :"), self.address)
        form.addRow(self.tr("Code de co-animation :"), self.code)
        form.addRow(self.tr("Votre nom :"), self.name)
        self.message = plain_label()
        self.message.setObjectName("joinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox()
        self.join_button = self.buttons.addButton(
            self.tr("Rejoindre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.join_button.setObjectName("primary")
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(found_title)
        layout.addWidget(self.seances, 1)
        layout.addWidget(self.searching)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self._closed = False
        self._pairing = False
        self._found.connect(self.set_found)
        self._answered.connect(self._pair_answered)
        host = str(load_settings().get("server_host") or "")
        self.browser = controller.browse_seances(host, self._tell_found)
        if self.browser is None:
            self.searching.setText(
                self.tr("Pas de réseau local : tapez l'adresse affichée chez l'animatrice.")
            )

    # -- finding séances -------------------------------------------------------------------------
    def _tell_found(self, found: list[Any]) -> None:
        """Called from zeroconf's threads."""
        if not self._closed:
            with contextlib.suppress(RuntimeError):  # the dialog is already gone
                self._found.emit(list(found))

    def set_found(self, found: list[Any]) -> None:
        chosen = self._chosen_url()
        self.seances.blockSignals(True)
        self.seances.clear()
        for seance in found:
            item = QListWidgetItem(
                self.tr("{title} — {address}:{port}").format(
                    title=seance.title, address=seance.address, port=seance.port
                )
            )
            item.setData(FOUND_ROLE, seance.url)
            self.seances.addItem(item)
            if seance.url == chosen:
                self.seances.setCurrentItem(item)
        self.seances.blockSignals(False)
        self.searching.setText(
            self.tr("{n} séance(s) trouvée(s). Toujours à l'écoute…").format(n=len(found))
            if found
            else self.tr("Recherche des séances sur le réseau local…")
        )

    def _chosen_url(self) -> str:
        item = self.seances.currentItem()
        return str(item.data(FOUND_ROLE)) if item is not None else ""

    def _picked(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        if current is not None:
            self.address.setText(str(current.data(FOUND_ROLE)).split("//", 1)[-1].rstrip("/"))

    # -- pairing ---------------------------------------------------------------------------------
    def join(self) -> None:
        if self._pairing:
            return
        address = self.address.text().strip()
        code = "".join(c for c in self.code.text() if c.isdigit())
        name = self.name.text().strip()
        if not address:
            self.message.setText(
                self.tr("Choisissez une séance dans la liste ou tapez son adresse.")
            )
            return
        if len(code) != 6:
            self.message.setText(self.tr("Le code de co-animation a 6 chiffres."))
            return
        if not name:
            self.message.setText(self.tr("Indiquez votre nom : il accompagne vos actions."))
            return
        self.message.setText(self.tr("Connexion à la séance…"))
        self.message.setStyleSheet("")
        self._set_busy(True)
        job = self.controller.pair_job(address, code, name)

        def run() -> None:
            try:
                answer: tuple[Any, str] = (job(), "")
            except KnownError as exc:
                answer = (None, error_text(exc))
            if not self._closed:
                with contextlib.suppress(RuntimeError):  # the dialog is already gone
                    self._answered.emit(*answer)

        threading.Thread(target=run, name="atelier-pair", daemon=True).start()

    def _set_busy(self, busy: bool) -> None:
        self._pairing = busy
        self.join_button.setEnabled(not busy)
        for field in (self.address, self.code, self.name, self.seances):
            field.setEnabled(not busy)

    def _pair_answered(self, pairing: Any, error: str) -> None:
        self._set_busy(False)
        if pairing is None:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(error)
            return
        client = self.controller.open_replica(pairing)
        if client is None:  # the error was shown
            self.message.setText("")
            return
        self.message.setText("")
        self.accept()
        self.joined.emit(RemoteController(client))

    # -- closing ---------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._stop_browsing()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_browsing()
        super().closeEvent(event)

    def _stop_browsing(self) -> None:
        self._closed = True
        if self.browser is not None:
            browser, self.browser = self.browser, None
            browser.close()

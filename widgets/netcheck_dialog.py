"""Fichier → « Tester le réseau… »: before the day, check that phones reach this laptop.

The dialog starts the test server (app/server/netcheck.py) on the address and port the séance
will use, shows its QR code, and lists the phones that open it with their round trip. The
server's thread reports each phone through `NetCheck.on_phone`; a queued signal brings it here.
Until a phone gets through, it says what to check: the same Wi-Fi, guest networks' client
isolation, the firewall (with the command that opens the port, and « Ouvrir le port » where the
system asks for the password in a window of its own). The server stops when the dialog closes.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.server.netcheck import NetCheck, PhoneSeen
from app.settings import load_settings
from app.system.firewall import Firewall, detect, open_port
from widgets.controller import Controller
from widgets.core_errors import error_text
from widgets.qr_code import QrCode
from widgets.session_runner import SERVER_PORT
from widgets.text import plain_label

FIREWALL_NAMES = {"ufw": "ufw", "firewalld": "firewalld"}


class NetCheckDialog(QDialog):
    phone_seen = Signal(object)  # PhoneSeen, from the test server's thread (queued)
    _port_opened = Signal(str)  # from the pkexec thread: "" when done, else the French error

    def __init__(self, controller: Controller, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("netCheckDialog")
        self.controller = controller
        self.dialogs = dialogs
        self.setWindowTitle(self.tr("Tester le réseau"))
        self.resize(820, 520)
        self.check = NetCheck(self._tell)
        self.server: Any = None
        self.url = ""
        self.address = ""
        self.port = SERVER_PORT
        self._opening = False

        intro = plain_label(
            self.tr(
                "Avant l'atelier, vérifiez que les téléphones joignent cet ordinateur : "
                "connectez un téléphone au Wi-Fi de la salle, puis scannez ce code avec son "
                "appareil photo. Aucune séance n'est nécessaire."
            )
        )
        intro.setWordWrap(True)
        self.qr = QrCode()
        self.qr.setFixedSize(220, 220)
        self.url_label = plain_label()
        self.url_label.setObjectName("netCheckUrl")
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QVBoxLayout()
        left.addWidget(self.qr)
        left.addWidget(self.url_label)
        left.addStretch(1)

        self.status = plain_label(self.tr("En attente d'un téléphone…"))
        self.status.setObjectName("netCheckStatus")
        self.status.setWordWrap(True)
        status_font = QFont(self.status.font())
        status_font.setPointSizeF(status_font.pointSizeF() * 1.25)
        status_font.setBold(True)
        self.status.setFont(status_font)
        self.phones = QListWidget()
        self.phones.setObjectName("netCheckPhones")
        self.phones.setMaximumHeight(110)
        self.phones.hide()
        self.success = plain_label(
            self.tr(
                "Le réseau fonctionne : le jour de l'atelier, sur ce même Wi-Fi, les participants "
                "rejoindront la séance de la même façon. Vous pouvez fermer cette fenêtre."
            )
        )
        self.success.setObjectName("netCheckSuccess")
        self.success.setWordWrap(True)
        self.success.hide()

        self.help = QFrame()
        self.help.setObjectName("netCheckHelp")
        help_layout = QVBoxLayout(self.help)
        help_layout.setContentsMargins(0, 0, 0, 0)
        help_title = plain_label(self.tr("Aucun téléphone n'y arrive ? Vérifiez, dans l'ordre :"))
        help_title.setObjectName("sectionTitle")
        help_title.setWordWrap(True)
        self.same_wifi = plain_label()
        self.same_wifi.setObjectName("netCheckSameWifi")
        self.isolation = plain_label(
            self.tr(
                "2. Sur un Wi-Fi invité (hôtel, mairie, médiathèque…), les appareils sont souvent "
                "isolés les uns des autres (« isolation des clients » ou « AP isolation ») : les "
                "téléphones ne voient pas l'ordinateur. Utilisez plutôt un petit routeur Wi-Fi de "
                "voyage, ou le point d'accès mobile de cet ordinateur (sous Windows, 8 appareils "
                "au plus : au-delà, prenez un routeur)."
            )
        )
        self.firewall_text = plain_label()
        self.firewall_text.setObjectName("netCheckFirewall")
        for label in (self.same_wifi, self.isolation, self.firewall_text):
            label.setWordWrap(True)
        self.command = QLineEdit()
        self.command.setObjectName("netCheckCommand")
        self.command.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.command.setFont(mono)
        self.copy_button = QPushButton(self.tr("Copier la commande"))
        self.copy_button.clicked.connect(self.copy_command)
        self.open_button = QPushButton(self.tr("Ouvrir le port…"))
        self.open_button.clicked.connect(self.open_port)
        self.open_message = plain_label()
        self.open_message.setObjectName("netCheckOpenMessage")
        self.open_message.setWordWrap(True)
        self.open_message.hide()
        command_row = QHBoxLayout()
        command_row.addWidget(self.command, 1)
        command_row.addWidget(self.copy_button)
        command_row.addWidget(self.open_button)
        help_layout.addWidget(help_title)
        help_layout.addWidget(self.same_wifi)
        help_layout.addWidget(self.isolation)
        help_layout.addWidget(self.firewall_text)
        help_layout.addLayout(command_row)
        help_layout.addWidget(self.open_message)

        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.phones)
        right.addWidget(self.success)
        right.addWidget(self.help)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addSpacing(12)
        body.addLayout(right, 1)

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.phone_seen.connect(self.show_phone)
        self._port_opened.connect(self._opened)
        self.start()

    # -- the test server -------------------------------------------------------------------------
    def start(self) -> None:
        host = str(load_settings().get("server_host") or "")
        started = self.controller.start_netcheck(self.check, host, SERVER_PORT)
        if started is None:  # the error was shown
            self.status.setText(self.tr("Le test n'a pas pu démarrer."))
            self.set_firewall(detect(SERVER_PORT))
            return
        self.server, self.url = started
        self.address = self.url.split("//", 1)[1].split(":", 1)[0]
        self.port = int(self.server.port)
        self.qr.set_text(self.url)
        shown = self.tr("Adresse du test :") + "\n" + self.url
        if SERVER_PORT and self.port != SERVER_PORT:
            shown += "\n" + self.tr(
                "Le port {usual} est déjà pris (une séance est-elle ouverte ?) : le test utilise "
                "le port {port}."
            ).format(usual=SERVER_PORT, port=self.port)
        self.url_label.setText(shown)
        self.same_wifi.setText(
            self.tr(
                "1. Le téléphone est-il sur le même réseau Wi-Fi que cet ordinateur ? L'adresse "
                "de cet ordinateur sur ce réseau est {address}. Coupez aussi ses données mobiles "
                "(4G, 5G)."
            ).format(address=self.address)
        )
        self.set_firewall(detect(self.port))

    def _tell(self, phone: PhoneSeen) -> None:
        """Called from the test server's thread."""
        with contextlib.suppress(RuntimeError):  # the dialog is already gone
            self.phone_seen.emit(phone)

    def done(self, result: int) -> None:
        self.check.on_phone = None
        if self.server is not None:
            self.server.stop()
            self.server = None
        super().done(result)

    # -- what the dialog shows -------------------------------------------------------------------
    def show_phone(self, _phone: PhoneSeen | None = None) -> None:
        phones = self.check.phones()
        if not phones:
            return
        latest = max(phones, key=lambda p: p.seen_at)
        if len(phones) == 1:
            text = self.tr("Un téléphone a rejoint l'ordinateur (aller-retour : {ms} ms).")
        else:
            text = self.tr("{n} téléphones ont rejoint l'ordinateur.")
        self.status.setText(text.format(n=len(phones), ms=round(latest.round_trip_ms)))
        self.status.setStyleSheet("color: #0b6e69;")
        self.phones.clear()
        for phone in phones:
            self.phones.addItem(
                self.tr("{device} — aller-retour {ms} ms").format(
                    device=phone.device, ms=round(phone.round_trip_ms)
                )
            )
        self.phones.show()
        self.success.show()
        self.help.hide()  # it works: the advice would only worry her

    def set_firewall(self, firewall: Firewall) -> None:
        self.firewall = firewall
        port = self.port
        if firewall.kind in FIREWALL_NAMES:
            name = FIREWALL_NAMES[firewall.kind]
            if firewall.active is False:
                text = self.tr(
                    "3. Le pare-feu {name} est installé mais désactivé : il ne bloque rien. S'il "
                    "est activé un jour, cette commande, tapée dans un terminal, laisse passer "
                    "les téléphones (port {port}) :"
                )
            else:
                text = self.tr(
                    "3. Le pare-feu de cet ordinateur ({name}) peut bloquer les téléphones. Pour "
                    "les laisser passer (port {port}), tapez cette commande dans un terminal :"
                )
            self.firewall_text.setText(text.format(name=name, port=port))
        elif firewall.kind == "windows":
            self.firewall_text.setText(
                self.tr(
                    "3. Le pare-feu Windows peut bloquer les téléphones. Si Windows demande "
                    "d'autoriser Atelier, acceptez, y compris sur les réseaux publics. Sinon, "
                    "tapez cette commande dans une invite de commandes ouverte « en tant "
                    "qu'administrateur » (port {port}) :"
                ).format(port=port)
            )
        elif firewall.kind == "macos":
            self.firewall_text.setText(
                self.tr(
                    "3. Si le pare-feu de macOS est activé (Réglages Système › Réseau › Pare-feu), "
                    "autorisez les connexions entrantes pour Atelier, ou tapez cette commande "
                    "dans le Terminal :"
                )
            )
        else:
            self.firewall_text.setText(
                self.tr(
                    "3. Aucun pare-feu courant n'a été trouvé sur cet ordinateur : il ne devrait "
                    "pas bloquer les téléphones (port {port})."
                ).format(port=port)
            )
        self.command.setText(firewall.command)
        self.command.setVisible(bool(firewall.command))
        self.copy_button.setVisible(bool(firewall.command))
        self.open_button.setVisible(firewall.can_open)

    # -- the firewall's buttons ------------------------------------------------------------------
    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())
        self.copy_button.setText(self.tr("Commande copiée"))

    def open_port(self) -> None:
        if self._opening or not self.firewall.can_open:
            return
        if not self.dialogs.confirm(
            self.tr("Ouvrir le port"),
            self.tr(
                "Atelier va lancer cette commande avec les droits d'administrateur ; le système "
                "vous demandera votre mot de passe :\n\n{command}"
            ).format(command=self.firewall.command),
            self.tr("Ouvrir le port"),
        ):
            return
        self._opening = True
        self.open_button.setEnabled(False)
        self.open_message.setText(self.tr("En attente du mot de passe administrateur…"))
        self.open_message.setStyleSheet("")
        self.open_message.show()
        firewall = self.firewall

        def run() -> None:
            try:
                open_port(firewall)
                error = ""
            except KnownError as exc:
                error = error_text(exc)
            with contextlib.suppress(RuntimeError):
                self._port_opened.emit(error)

        threading.Thread(target=run, name="atelier-open-port", daemon=True).start()

    def _opened(self, error: str) -> None:
        self._opening = False
        self.open_button.setEnabled(True)
        if error:
            self.open_message.setText(error)
            self.open_message.setStyleSheet("color: #b3261e;")
        else:
            self.open_message.setText(
                self.tr("Le port est ouvert. Refaites le test avec le téléphone.")
            )
            self.open_message.setStyleSheet("color: #0b6e69;")

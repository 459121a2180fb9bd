"""Settings, built from the one schema in app/settings.py."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.settings import SCHEMA, load_settings, save_settings
from app.system.network import likely_address, local_addresses
from widgets.text import plain_label

OpenFile = Callable[[str, str], str | None]  # (title, filters) → the chosen path or None


class SettingsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        path: Path | None = None,
        open_file: OpenFile | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_file = open_file or self._ask_file
        self.setWindowTitle(self.tr("Paramètres"))
        self.setMinimumWidth(640)
        self._path = path
        self.values = load_settings(path)
        self.editors: dict[str, QWidget] = {}
        self.warnings: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in SCHEMA:
            value = self.values[setting.name]
            editor: QWidget
            shown: QWidget | None = None  # what the form shows, when more than the editor
            if setting.kind == "address":
                editor = self._address_choice(str(value))
            elif setting.kind == "image":
                editor = QLineEdit(str(value))
                shown = self._image_choice(editor, setting.label)
            elif setting.choices:
                combo = QComboBox()
                for key, label in setting.choices:
                    combo.addItem(label, key)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                editor = combo
            elif setting.type is bool:
                check = QCheckBox()
                check.setChecked(bool(value))
                editor = check
            else:
                line = QLineEdit(str(value))
                if setting.secret:
                    line.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
                editor = line
            editor.setToolTip(setting.description)
            self.editors[setting.name] = editor
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(shown or editor)
            help_text = plain_label(setting.description)
            help_text.setObjectName("muted")
            help_text.setWordWrap(True)
            box.addWidget(help_text)
            if setting.warning:
                warning = plain_label("⚠ " + setting.warning)
                warning.setObjectName("totalOver")  # the theme's warning look: bold, red
                warning.setWordWrap(True)
                box.addWidget(warning)
                self.warnings[setting.name] = warning
            form.addRow(QLabel(setting.label), box)
        note = plain_label(
            self.tr(
                "Les changements de langue et de taille du texte s'appliquent au prochain démarrage."
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # the settings scroll when the screen is short (1366×768): every help text stays
        # whole, wrapped at the dialog's width, never cut
        content = QWidget()
        content.setLayout(form)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        width = self.minimumWidth()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        scrollbar = self.scroll_area.verticalScrollBar().sizeHint().width()
        wanted = (
            content.heightForWidth(inner - scrollbar)
            + note.heightForWidth(inner)
            + buttons.sizeHint().height()
            + 2 * layout.spacing()
            + margins.top()
            + margins.bottom()
        )
        screen = self.screen().availableGeometry().height() if self.screen() else 768
        self.resize(width, min(wanted, int(screen * 0.9)))

    def _address_choice(self, value: str) -> QComboBox:
        """This computer's addresses, the likely one first ("Automatique" keeps following it)."""
        combo = QComboBox()
        combo.addItem(
            self.tr("Automatique — {address} pour l'instant").format(address=likely_address()), ""
        )
        for address in local_addresses():
            if ipaddress.ip_address(address).is_loopback:
                combo.addItem(
                    self.tr("{address} (cet ordinateur seulement)").format(address=address), address
                )
            else:
                combo.addItem(address, address)
        if value and combo.findData(value) < 0:
            combo.addItem(
                self.tr("{address} (absente de cet ordinateur aujourd'hui)").format(address=value),
                value,
            )
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo

    def _image_choice(self, line: QLineEdit, label: str) -> QWidget:
        """The image's path, 'Choisir…' (a file dialog) and 'Retirer'."""
        line.setPlaceholderText(self.tr("Aucun logo"))
        choose = QPushButton(self.tr("Choisir…"))
        clear = QPushButton(self.tr("Retirer"))
        choose.setObjectName("chooseImage")
        clear.setObjectName("clearImage")

        def pick() -> None:
            chosen = self._open_file(
                label, self.tr("Images (*.png *.jpg *.jpeg);;Tous les fichiers (*)")
            )
            if chosen:
                line.setText(chosen)

        choose.clicked.connect(pick)
        clear.clicked.connect(line.clear)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(line, 1)
        layout.addWidget(choose)
        layout.addWidget(clear)
        return row

    def _ask_file(self, title: str, filters: str) -> str | None:
        path, _chosen = QFileDialog.getOpenFileName(self, title, "", filters)
        return path or None

    def collected(self) -> dict[str, Any]:
        values = dict(self.values)
        for setting in SCHEMA:
            editor = self.editors[setting.name]
            if isinstance(editor, QComboBox):
                values[setting.name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[setting.name] = editor.isChecked()
            elif isinstance(editor, QLineEdit):
                values[setting.name] = editor.text().strip()
        return values

    def accept(self) -> None:
        save_settings(self.collected(), self._path)
        super().accept()

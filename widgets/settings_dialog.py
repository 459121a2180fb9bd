"""Settings, built from the one schema in app/settings.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.settings import SCHEMA, load_settings, save_settings
from widgets.text import plain_label


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paramètres"))
        self.setMinimumWidth(560)
        self._path = path
        self.values = load_settings(path)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in SCHEMA:
            value = self.values[setting.name]
            editor: QWidget
            if setting.choices:
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
            box.addWidget(editor)
            help_text = plain_label(setting.description)
            help_text.setObjectName("muted")
            help_text.setWordWrap(True)
            box.addWidget(help_text)
            form.addRow(QLabel(setting.label), box)
        note = plain_label(
            self.tr(
                "Les changements de langue et de taille du texte s'appliquent au prochain démarrage."
            )
        )
        note.setObjectName("muted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

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

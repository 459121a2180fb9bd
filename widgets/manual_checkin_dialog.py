"""Check someone in by hand (no phone): name, organisation, category, consent."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.ops.participants import CATEGORIES, MAX_NAME, MAX_ORGANISATION
from widgets.core_text import category_label


@dataclass(frozen=True)
class ManualCheckIn:
    name: str
    organisation: str
    category: str
    consent_named: bool


class ManualCheckInDialog(QDialog):
    def __init__(self, partners: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enregistrer une arrivée"))
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.organisation = QComboBox()
        self.organisation.setEditable(True)  # a partner, or any other organisation typed in
        self.organisation.addItems(["", *partners])
        typed = self.organisation.lineEdit()  # an editable combo box has one
        if typed is not None:
            typed.setMaxLength(MAX_ORGANISATION)
        self.category = QComboBox()
        for key in CATEGORIES:
            self.category.addItem(category_label(key), key)
        self.consent = QCheckBox(self.tr("Apparaître nommément dans le compte-rendu"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Nom"), self.name)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Catégorie"), self.category)
        form.addRow("", self.consent)
        form.addRow(buttons)

    def value(self) -> ManualCheckIn:
        return ManualCheckIn(
            self.name.text(),
            self.organisation.currentText(),
            str(self.category.currentData()),
            self.consent.isChecked(),
        )

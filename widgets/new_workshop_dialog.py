""" "Nouvel atelier": pick a format, give a title, a place and a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.library import Format
from widgets.core_text import format_description, format_tagline, format_title
from widgets.text import plain_label


@dataclass(frozen=True)
class NewWorkshop:
    format_key: str
    title: str
    place: str
    start_date: date | None


class NewWorkshopDialog(QDialog):
    def __init__(
        self, formats: list[Format], default_place: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouvel atelier"))
        self.setMinimumWidth(720)
        self._formats = formats

        heading = QLabel(self.tr("Choisissez un format"))
        heading.setObjectName("sectionTitle")
        self.group = QButtonGroup(self)
        cards = QHBoxLayout()
        for index, fmt in enumerate(formats):
            card = QFrame()
            card.setObjectName("card")
            box = QVBoxLayout(card)
            radio = QRadioButton(format_title(fmt))
            font = radio.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            radio.setFont(font)
            self.group.addButton(radio, index)
            tagline = plain_label(format_tagline(fmt))
            tagline.setObjectName("muted")
            tagline.setWordWrap(True)
            description = plain_label(format_description(fmt))
            description.setWordWrap(True)
            description.setAlignment(Qt.AlignmentFlag.AlignTop)
            box.addWidget(radio)
            box.addWidget(tagline)
            box.addWidget(description, 1)
            cards.addWidget(card, 1)
        if formats:
            self.group.button(0).setChecked(True)
        self.group.idToggled.connect(self._update_ok)

        self.title = QLineEdit()
        self.title.setPlaceholderText(
            self.tr("Par exemple : Mobilité des agents — atelier de lancement")
        )
        self.title.setMaxLength(200)
        self.title.textChanged.connect(self._update_ok)
        self.place = QLineEdit(default_place)
        self.place.setMaxLength(200)
        self.has_date = QCheckBox(self.tr("Date connue"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setEnabled(False)
        self.has_date.toggled.connect(self.date.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date, 1)

        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Lieu"), self.place)
        form.addRow(self.tr("Date"), date_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer l'atelier"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addLayout(cards)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.setFocus()
        self._update_ok()
        # as tall as the wrapped descriptions need: whole sentences, never cut
        self.resize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))

    def _update_ok(self) -> None:
        ok = bool(self.title.text().strip()) and self.group.checkedId() >= 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> NewWorkshop:
        fmt = self._formats[self.group.checkedId()]
        day = self.date.date()
        start = date(day.year(), day.month(), day.day()) if self.has_date.isChecked() else None
        return NewWorkshop(fmt.key, self.title.text().strip(), self.place.text().strip(), start)

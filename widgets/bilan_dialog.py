"""The period of a bilan d'activité: two dates, the current calendar year by default."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.activity import Period
from widgets.text import plain_label


class BilanDialog(QDialog):
    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bilan d'activité"))
        self._today = today or date.today()
        intro = plain_label(
            self.tr(
                "Les chiffres clés de tous les ateliers animés pendant la période : séances, "
                "participants, post-its, chantiers, satisfaction."
            )
        )
        intro.setWordWrap(True)
        self.start = self._date_edit()
        self.end = self._date_edit()
        self.start.setObjectName("bilanStart")
        self.end.setObjectName("bilanEnd")
        this_year = QPushButton(self.tr("Cette année"))
        last_year = QPushButton(self.tr("L'an dernier"))
        this_year.clicked.connect(lambda: self.set_period(Period.year(self._today.year)))
        last_year.clicked.connect(lambda: self.set_period(Period.year(self._today.year - 1)))
        presets = QHBoxLayout()
        presets.addWidget(this_year)
        presets.addWidget(last_year)
        presets.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Du"), self.start)
        form.addRow(self.tr("Au"), self.end)
        form.addRow("", presets)
        self.problem = plain_label("")
        self.problem.setObjectName("totalOver")  # the theme's warning look
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Choisir où l'enregistrer…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.start.dateChanged.connect(self._check)
        self.end.dateChanged.connect(self._check)
        self.set_period(Period.year(self._today.year))

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2100, 12, 31))
        return edit

    def set_period(self, period: Period) -> None:
        self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
        self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))

    def _dates(self) -> tuple[date, date]:
        start, end = self.start.date(), self.end.date()
        return (
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def _check(self) -> None:
        start, end = self._dates()
        wrong = end < start
        self.problem.setText(
            self.tr("La période se termine avant de commencer : inversez les deux dates.")
            if wrong
            else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not wrong)

    def value(self) -> Period:
        start, end = self._dates()
        return Period(start, end)

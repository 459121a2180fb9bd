"""Hand-counted dots or points for people without a phone, entered item by item."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ops.votes import MAX_PAPER
from widgets.text import plain_label


@dataclass(frozen=True)
class PaperVotes:
    label: str
    counts: dict[str, int]  # "note:12" -> dots (or points)


class PaperVotesDialog(QDialog):
    def __init__(
        self, items: list[tuple[str, str]], unit: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ajouter des votes papier"))
        self.setMinimumSize(560, 420)
        intro = plain_label(
            self.tr(
                "Comptez les {unit} posées à la main et saisissez-les ici : elles s'ajoutent "
                "aux résultats, marquées « papier »."
            ).format(unit=unit)
        )
        intro.setWordWrap(True)
        self.label = QLineEdit(self.tr("Bulletins papier"))
        self.label.setMaxLength(120)
        self.table = QTableWidget(len(items), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Élément"), unit.capitalize()])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.spins: dict[str, QSpinBox] = {}
        for row, (key, text) in enumerate(items):
            cell = QTableWidgetItem(text)  # item views draw text as text, never markup
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            cell.setToolTip(text)
            self.table.setItem(row, 0, cell)
            spin = QSpinBox()
            spin.setRange(0, MAX_PAPER)
            self.table.setCellWidget(row, 1, spin)
            self.spins[key] = spin
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ajouter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Libellé"), self.label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def value(self) -> PaperVotes:
        counts = {key: spin.value() for key, spin in self.spins.items() if spin.value()}
        return PaperVotes(self.label.text().strip(), counts)

"""Who is in the room: the live list, the head count and its breakdown; fixes by hand."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.core_text import by_hand, category_label, no_organisation, time_text
from widgets.text import plain_label

ID_ROLE = Qt.ItemDataRole.UserRole


class CheckInPanel(QWidget):
    add_requested = Signal()
    rename_requested = Signal(int, str)  # participant id, current name
    remove_requested = Signal(int, str)
    erase_requested = Signal(int, str)  # « Supprimer cette personne » (RGPD): id, name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = plain_label()
        self.count.setObjectName("sectionTitle")
        self.breakdown = plain_label()
        self.breakdown.setObjectName("muted")
        self.breakdown.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nom"), self.tr("Organisation"), self.tr("Catégorie"), self.tr("Arrivée")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = plain_label(
            self.tr("Personne n'est encore arrivé. Les téléphones s'enregistrent en scannant le "
                    "QR code projeté ; « Ajouter » enregistre quelqu'un sans téléphone.")
        )  # fmt: skip
        self.empty.setWordWrap(True)
        self.empty.setObjectName("muted")
        self.add_button = QPushButton(self.tr("Ajouter à la main…"))
        self.add_button.clicked.connect(self.add_requested)
        self.rename_button = QPushButton(self.tr("Corriger le nom…"))
        self.rename_button.clicked.connect(lambda: self._emit(self.rename_requested))
        self.remove_button = QPushButton(self.tr("Retirer (doublon)…"))
        self.remove_button.setObjectName("danger")
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        self.erase_button = QPushButton(self.tr("Supprimer cette personne…"))
        self.erase_button.setObjectName("danger")
        self.erase_button.setToolTip(
            self.tr("Efface son nom et ses données partout (RGPD) ; les comptes sont gardés")
        )
        self.erase_button.clicked.connect(lambda: self._emit(self.erase_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.set_attendees([])

    def set_attendees(self, people: list[Any]) -> None:
        selected = self.selected()
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            arrived = ""
            if person.arrived_at is not None:
                moment = datetime.fromtimestamp(person.arrived_at)
                arrived = time_text(moment.hour * 60 + moment.minute)
                if person.source == "manual":
                    arrived += by_hand()
            cells = [
                person.name,
                person.organisation or "—",
                category_label(person.category),
                arrived,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: a table item never reads markup
                item.setData(ID_ROLE, person.id)
                self.table.setItem(row, column, item)
            if selected is not None and person.id == selected[0]:
                self.table.selectRow(row)
        total = len(people)
        self.count.setText(
            self.tr("{n} présent(s)").format(n=total) if total else self.tr("Aucun présent")
        )
        by_category = Counter(category_label(p.category) for p in people)
        by_organisation = Counter(p.organisation or no_organisation() for p in people)
        count = self.tr("{label} : {n}")
        self.breakdown.setText(
            " · ".join(count.format(label=label, n=n) for label, n in by_category.most_common())
            + ("\n" if people else "")
            + " · ".join(
                count.format(label=label, n=n) for label, n in by_organisation.most_common()
            )
        )
        self.empty.setVisible(not people)
        self.table.setVisible(bool(people))
        self._selection_changed()

    def selected(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return (int(item.data(ID_ROLE)), item.text()) if item else None

    def _selection_changed(self) -> None:
        has = self.selected() is not None
        self.rename_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.erase_button.setEnabled(has)

    def _emit(self, signal: Any) -> None:
        chosen = self.selected()
        if chosen is not None:
            signal.emit(*chosen)

"""« Chantiers de tous les ateliers »: every chantier of the lab, filtered by status, partner
or text; a double-click opens the workshop it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.reports.text import one_line
from widgets.core_text import PROJECT_STATUSES, date_text, project_status
from widgets.text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from app.ops.projects import ChantierInfo
    from widgets.controller import Controller

IDS = Qt.ItemDataRole.UserRole  # (workshop id, chantier id) on a row's first cell


class AllChantiersDialog(QDialog):
    """The lab-wide list of chantiers (rehearsals left out), newest workshop first."""

    open_requested = Signal(int, int)  # workshop id, chantier id

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.found: list[ChantierInfo] = []
        self.setWindowTitle(self.tr("Chantiers de tous les ateliers"))
        self.resize(1100, 600)

        self.status = QComboBox()
        self.status.addItem(self.tr("Tous les statuts"), None)
        for key in PROJECT_STATUSES:
            self.status.addItem(project_status(key), key)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.partner = QComboBox()
        self.partner.currentIndexChanged.connect(lambda _i: self.reload())
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Chercher un titre, un porteur…"))
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(lambda _t: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.partner)
        filters.addWidget(self.text, 1)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Chantier"),
                self.tr("Atelier"),
                self.tr("Statut"),
                self.tr("Porteur"),
                self.tr("Partenaires"),
                self.tr("Avancement"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.count = plain_label()
        self.count.setObjectName("muted")
        hint = plain_label(self.tr("Double-cliquez sur un chantier pour ouvrir son atelier."))
        hint.setObjectName("muted")
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self.refresh()

    def refresh(self) -> None:
        """Read the partners offered again, then the list."""
        every = self.controller.all_chantiers()
        names = sorted({p for c in every for p in c.partners}, key=str.casefold)
        kept = self.partner.currentData()
        self.partner.blockSignals(True)
        self.partner.clear()
        self.partner.addItem(self.tr("Tous les partenaires"), None)
        for name in names:
            self.partner.addItem(name, name)
        self.partner.setCurrentIndex(max(0, self.partner.findData(kept)))
        self.partner.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self.found = self.controller.all_chantiers(
            status=self.status.currentData(),
            partner=self.partner.currentData(),
            text=self.text.text().strip() or None,
        )
        self.table.setRowCount(len(self.found))
        for row, c in enumerate(self.found):
            workshop = c.workshop_title
            if c.workshop_date:
                workshop += f" ({date_text(c.workshop_date)})"
            cells = (
                one_line(c.title),
                workshop,
                project_status(c.status),
                c.owner,
                ", ".join(c.partners),
                f"{c.progress} %",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text if column else f"{c.title}\n{c.description}"))
                if column == 0:
                    item.setData(IDS, (c.workshop_id, c.id))
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("{n} chantier(s)").format(n=len(self.found)))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.found):
            c = self.found[row]
            self.open_requested.emit(c.workshop_id, c.id)

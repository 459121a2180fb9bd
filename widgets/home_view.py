"""The home page: the list of workshops, with search, status and the usual actions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Status, WorkshopSummary
from widgets.core_text import date_text, format_name, moment_text, status_label
from widgets.text import QT_TRANSLATE_NOOP, empty_state, plain_label, plain_tooltip
from widgets.theme import REHEARSAL_COLOR, STATUS_COLORS

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HomeView(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    rename_requested = Signal(int)
    duplicate_requested = Signal(int)
    archive_requested = Signal(int, bool)  # id, archive (False = bring back)
    delete_requested = Signal(int)

    COLUMNS = (
        QT_TRANSLATE_NOOP("HomeView", "Titre"),
        QT_TRANSLATE_NOOP("HomeView", "Format"),
        QT_TRANSLATE_NOOP("HomeView", "État"),
        QT_TRANSLATE_NOOP("HomeView", "Date"),
        QT_TRANSLATE_NOOP("HomeView", "Lieu"),
        QT_TRANSLATE_NOOP("HomeView", "Modifié"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workshops: list[WorkshopSummary] = []

        title = QLabel(self.tr("Vos ateliers"))
        title.setObjectName("pageTitle")
        subtitle = plain_label(
            self.tr("Préparez, animez et restituez vos ateliers, sans connexion internet.")
        )
        subtitle.setObjectName("muted")
        self.new_button = QPushButton(self.tr("+  Nouvel atelier"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(self.tr("Créer un atelier à partir d'un format (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un atelier (titre ou lieu)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refilter)
        self.show_archived = QCheckBox(self.tr("Afficher les ateliers archivés"))
        self.show_archived.toggled.connect(self._refilter)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(self.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.doubleClicked.connect(lambda _index: self._emit_current(self.open_requested))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.clicked.connect(lambda: self._emit_current(self.open_requested))
        self.duplicate_button = QPushButton(self.tr("Dupliquer"))
        self.duplicate_button.setToolTip(self.tr("Réutiliser cet atelier comme modèle (Ctrl+D)"))
        self.duplicate_button.clicked.connect(lambda: self._emit_current(self.duplicate_requested))
        self.rename_button = QPushButton(self.tr("Renommer"))
        self.rename_button.clicked.connect(lambda: self._emit_current(self.rename_requested))
        self.archive_button = QPushButton(self.tr("Archiver"))
        self.archive_button.clicked.connect(self._toggle_archive)
        self.delete_button = QPushButton(self.tr("Supprimer…"))
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(lambda: self._emit_current(self.delete_requested))

        self._actions: list[QAction] = []
        for text, shortcut, signal in (
            (self.tr("Ouvrir"), QKeySequence(Qt.Key.Key_Return), self.open_requested),
            (self.tr("Renommer"), QKeySequence(Qt.Key.Key_F2), self.rename_requested),
            (self.tr("Dupliquer"), QKeySequence("Ctrl+D"), self.duplicate_requested),
            (
                self.tr("Supprimer…"),
                QKeySequence(QKeySequence.StandardKey.Delete),
                self.delete_requested,
            ),
        ):
            action = QAction(text, self.table)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=signal: self._emit_current(s))
            self.table.addAction(action)
            self._actions.append(action)

        self.empty = self._empty_state()
        self.no_match = plain_label(self.tr("Aucun atelier ne correspond à cette recherche."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setObjectName("muted")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_archived)
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.duplicate_button,
            self.rename_button,
            self.archive_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _empty_state(self) -> QWidget:
        button = QPushButton(self.tr("Créer un atelier"))
        button.setObjectName("primary")
        button.clicked.connect(self.new_requested)
        return empty_state(
            self.tr("Aucun atelier pour l'instant"),
            self.tr(
                "Créez votre premier atelier à partir d'un format de LaBase : 3 heures pour démarrer "
                "un projet, 3 jours pour un sprint, 3 mois pour une incubation."
            ),
            button,
        )

    # -- data --------------------------------------------------------------------------------
    def set_workshops(self, workshops: list[WorkshopSummary]) -> None:
        current = self.current_id()
        self._workshops = list(workshops)
        self._refilter()
        if current is not None:
            self.select(current)

    def _row_id(self, row: int) -> int | None:
        """The workshop shown on `row` (None for a row without its cells)."""
        item = self.table.item(row, 0)
        return item.data(ID_ROLE) if item is not None else None

    def visible_ids(self) -> list[int]:
        ids = (self._row_id(r) for r in range(self.table.rowCount()))
        return [wid for wid in ids if wid is not None]

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection():
            return None
        return self._row_id(row)

    def current(self) -> WorkshopSummary | None:
        wid = self.current_id()
        return next((w for w in self._workshops if w.id == wid), None)

    def select(self, workshop_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self._row_id(row) == workshop_id:
                self.table.selectRow(row)
                return

    def _refilter(self) -> None:
        needle = self.search.text().strip().casefold()
        archived = self.show_archived.isChecked()
        rows = [
            w
            for w in self._workshops
            if (archived or w.status != Status.ARCHIVED)
            and (not needle or needle in w.title.casefold() or needle in w.place.casefold())
        ]
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for r, w in enumerate(rows):
            updated = datetime.fromtimestamp(w.updated_at)
            values = (
                w.title,
                format_name(w.format_key, w.format_name),
                self.tr("Répétition") if w.rehearsal_of is not None else status_label(w.status),
                date_text(w.start_date) if w.start_date else "—",
                w.place or "—",
                moment_text(updated),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value.replace("\n", " "))
                if c == 0:
                    item.setData(ID_ROLE, w.id)
                    item.setToolTip(plain_tooltip(w.title))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 2:
                    rehearsal = w.rehearsal_of is not None  # never counted: it says so
                    item.setForeground(
                        QColor(REHEARSAL_COLOR if rehearsal else STATUS_COLORS[w.status.value])
                    )
                self.table.setItem(r, c, item)
        if not self._workshops:
            self.stack.setCurrentWidget(self.empty)
        elif not rows:
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.table)
        self._update_buttons()

    # -- intents -----------------------------------------------------------------------------
    def _emit_current(self, signal: SignalInstance) -> None:
        wid = self.current_id()
        if wid is not None:
            signal.emit(wid)

    def _toggle_archive(self) -> None:
        w = self.current()
        if w is not None:
            self.archive_requested.emit(w.id, w.status != Status.ARCHIVED)

    def _update_buttons(self) -> None:
        w = self.current()
        for button in (
            self.open_button,
            self.duplicate_button,
            self.rename_button,
            self.archive_button,
            self.delete_button,
        ):
            button.setEnabled(w is not None)
        self.archive_button.setText(
            self.tr("Désarchiver")
            if w is not None and w.status == Status.ARCHIVED
            else self.tr("Archiver")
        )

    def _context_menu(self, pos: QPoint) -> None:
        if self.current_id() is None:
            return
        menu = QMenu(self)
        for action in self._actions:
            menu.addAction(action)
        menu.addSeparator()
        archive = menu.addAction(self.archive_button.text())
        archive.triggered.connect(self._toggle_archive)
        menu.exec(self.table.viewport().mapToGlobal(pos))

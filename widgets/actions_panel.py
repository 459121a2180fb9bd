"""The workshop's action plan: what, who, by when, status, edited in place (every format).

Each edit is one undoable step of the core (Ctrl+Z through the window's Édition menu); the
table is read again from the controller when the core says the plan changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import WorkshopDetail
from widgets.core_text import date_text
from widgets.text import QT_TRANSLATE_NOOP, empty_note, plain_label, plain_tooltip

if TYPE_CHECKING:
    from app.ops.outcomes import ActionInfo
    from widgets.controller import Controller

ACTION_STATUSES = {  # app/domain/report.ACTION_STATUSES's keys
    "a_faire": QT_TRANSLATE_NOOP("ActionsPanel", "À faire"),
    "en_cours": QT_TRANSLATE_NOOP("ActionsPanel", "En cours"),
    "fait": QT_TRANSLATE_NOOP("ActionsPanel", "Fait"),
    "abandonnee": QT_TRANSLATE_NOOP("ActionsPanel", "Abandonnée"),
}
WHAT, WHO, DUE, STATUS = range(4)
VALUE = Qt.ItemDataRole.UserRole  # the raw value of a cell (a date, a status key)
NO_DATE = QDate(2000, 1, 1)  # the date edit's "no date" (shown as its special text)

Index = QModelIndex | QPersistentModelIndex


def status_text(key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ActionsPanel", ACTION_STATUSES.get(key, key))


class DateEdit(QDateEdit):
    """A date that may be none: its lowest date shows as "Sans échéance"; Suppr clears it."""

    def __init__(self, parent: QWidget | None = None, none_text: str = "") -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(none_text)

    def value(self) -> date | None:
        day = self.date()
        return None if day == NO_DATE else date(day.year(), day.month(), day.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: Any) -> None:
        clear = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if clear and self.value() is not None and self.currentSection() == self.sectionAt(0):
            self.set_value(None)  # Suppr on the day: no date
            return
        if self.value() is None and event.text().isdigit():
            self.setDate(QDate.currentDate())  # typing starts from today, not from 2000
        super().keyPressEvent(event)


class ActionDelegate(QStyledItemDelegate):
    """The editors of the table's cells: a line for what, names suggested for who, a date
    that may be none, the statuses' combo."""

    def __init__(self, panel: ActionsPanel) -> None:
        super().__init__(panel.table)
        self.panel = panel

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == STATUS:
            combo = QComboBox(parent)
            for key in ACTION_STATUSES:
                combo.addItem(status_text(key), key)
            combo.activated.connect(lambda _i: self.commitData.emit(combo))
            return combo
        if column == DUE:
            return DateEdit(parent, self.panel.no_due_text)
        edit = QLineEdit(parent)
        if column == WHO:
            completer = QCompleter(self.panel.names, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            edit.setPlaceholderText(self.panel.who_hint)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(VALUE)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, DateEdit):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value: Any = editor.currentData()
        elif isinstance(editor, DateEdit):
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        self.panel.edit_cell(index.row(), index.column(), value)


class ActionsPanel(QWidget):
    """The action plan of the open workshop."""

    message = Signal(str)  # for the status bar

    def __init__(
        self, controller: Controller, dialogs: Callable[[], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs = dialogs
        self.workshop_id: int | None = None
        self.rows: list[ActionInfo] = []
        self.names: list[str] = []
        self._people: dict[str, int] = {}  # casefolded name → participant id
        self._stale = False
        self.no_due_text = self.tr("Sans échéance")  # the editors' texts (the delegate's)
        self.who_hint = self.tr("Nom d'une personne ou d'une organisation")

        title = plain_label(self.tr("Plan d'action"))
        title.setObjectName("sectionTitle")
        hint = plain_label(
            self.tr(
                "Ce qui a été décidé : quoi, qui, pour quand. Double-cliquez sur une case pour "
                "la modifier ; Suppr retire l'action (Ctrl+Z pour annuler)."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.new_what = QLineEdit()
        self.new_what.setPlaceholderText(self.tr("Nouvelle action : ce qui sera fait…"))
        self.new_what.returnPressed.connect(self.add_action)
        self.add_button = QPushButton(self.tr("Ajouter l'action"))
        self.add_button.clicked.connect(self.add_action)
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setToolTip(self.tr("Retirer l'action choisie (Suppr)"))
        self.delete_button.clicked.connect(self.delete_selected)
        adder = QHBoxLayout()
        adder.addWidget(self.new_what, 1)
        adder.addWidget(self.add_button)
        adder.addWidget(self.delete_button)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Qui"), self.tr("Échéance"), self.tr("Statut")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((WHO, 220), (DUE, 180), (STATUS, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(ActionDelegate(self))
        # rows as tall as their wrapped text at the columns' real widths
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDelegate().closeEditor.connect(lambda *_a: self._reload_if_stale())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        self.empty = empty_note(
            self.tr(
                "Aucune action pour l'instant. Écrivez ci-dessus ce qui a été décidé : qui fait "
                "quoi, pour quand. Après un vote, « Promouvoir en action » en ajoute aussi."
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(adder)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    # -- reading -----------------------------------------------------------------------------
    def set_detail(self, detail: WorkshopDetail) -> None:
        """The workshop shown (read again: its plan may have changed)."""
        if detail.id != self.workshop_id:
            self.new_what.clear()
        self.workshop_id = detail.id
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is None:
            return
        if self.table.state() == QAbstractItemView.State.EditingState:
            self._stale = True  # not under her fingers: once the cell is left
            return
        self._stale = False
        people = self.controller.attendees(self.workshop_id)
        self.names = sorted({p.name for p in people}, key=str.casefold)
        self._people = {p.name.casefold(): p.id for p in people}
        selected = self.selected_ids()
        current = self.table.currentColumn()
        self.rows = self.controller.actions(self.workshop_id)
        self.table.setRowCount(len(self.rows))
        for row, action in enumerate(self.rows):
            due = date_text(action.due) if action.due else ""
            cells = (
                (WHAT, action.what, action.what),
                (WHO, action.who, action.who),
                (DUE, due, action.due),
                (STATUS, status_text(action.status), action.status),
            )
            for column, text, value in cells:
                item = QTableWidgetItem(text)
                item.setData(VALUE, value)
                if column == WHAT:
                    item.setToolTip(plain_tooltip(action.what))
                self.table.setItem(row, column, item)
            if action.id in selected:
                self.table.setCurrentCell(row, max(0, current))
        self.table.resizeRowsToContents()
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        self._update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their widths

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r].id for r in rows if r < len(self.rows)]

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.selected_ids()))

    # -- writing -----------------------------------------------------------------------------
    def add_action(self) -> None:
        what = self.new_what.text().strip()
        if self.workshop_id is None:
            return
        if not what:
            self.new_what.setFocus()
            return
        change = self.controller.create_action(self.workshop_id, what)
        if change is not None:
            self.new_what.clear()
            self.reload()
            if change.ids:
                self.select(change.ids[0])

    def select(self, action_id: int) -> None:
        for row, action in enumerate(self.rows):
            if action.id == action_id:
                self.table.setCurrentCell(row, WHAT)
                self.table.scrollTo(self.table.model().index(row, WHAT))

    def edit_cell(self, row: int, column: int, value: Any) -> None:
        """A cell's new value (from its editor): one write if it changed."""
        if not 0 <= row < len(self.rows):
            return
        action = self.rows[row]
        if column == WHAT:
            text = str(value).strip()
            if text and text != action.what:
                self.controller.update_action(action.id, what=text)
        elif column == WHO:
            text = " ".join(str(value).split())
            if text != action.who:
                person = self._people.get(text.casefold())
                self.controller.update_action(action.id, who=text, participant_id=person)
        elif column == DUE:
            if value != action.due:
                self.controller.update_action(action.id, due=value)
        elif column == STATUS and value and value != action.status:
            self.controller.update_action(action.id, status=value)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        for action_id in ids:
            self.controller.delete_action(action_id)
        if ids:
            self.message.emit(
                self.tr("{n} action(s) supprimée(s) — Ctrl+Z pour annuler").format(n=len(ids))
            )

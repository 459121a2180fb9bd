"""The agenda: phases of each block (day, séance), reorder by drag, durations, details."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDropEvent, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.agenda import MAX_PHASE_MINUTES, MIN_PHASE_MINUTES
from app.domain.model import BlockInfo, PhaseInfo, PhaseKind, WorkshopDetail
from app.library import Method
from widgets.core_text import minutes_text, time_text
from widgets.method_text import brique_label, method_name
from widgets.text import plain_tooltip
from widgets.theme import DANGER, LINE, MUTED, OK, PRIMARY

PHASE_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2  # (start time, title, subtitle, minutes, is_break)
DAY_START_MINUTES = 9 * 60
EDIT_DEBOUNCE_MS = 500


class PhaseDelegate(QStyledItemDelegate):
    """Draws a phase as: start time · title / method · duration. Text drawn as plain text."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(1, 58)  # as wide as the list: the view stretches rows to its width

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        start, title, subtitle, minutes, is_break = index.data(LINE_ROLE)
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(PRIMARY if selected else LINE))
        painter.setBrush(QColor("#e3f2f1" if selected else ("#f3f4f7" if is_break else "#ffffff")))
        painter.drawRoundedRect(rect, 6, 6)
        base = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(PRIMARY))
        painter.drawText(
            QRect(rect.left() + 12, rect.top(), 70, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            start,
        )
        pill_w = 80
        text_rect = QRect(rect.left() + 90, rect.top() + 6, rect.width() - 90 - pill_w - 16, 22)
        painter.setPen(QColor(MUTED if is_break else "#1d2433"))
        metrics = painter.fontMetrics()
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        sub_rect = QRect(text_rect.left(), text_rect.bottom() + 2, text_rect.width(), 20)
        painter.drawText(
            sub_rect,
            Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                subtitle, Qt.TextElideMode.ElideRight, sub_rect.width()
            ),
        )
        painter.setFont(bold)
        painter.setPen(QColor("#1d2433"))
        painter.drawText(
            QRect(rect.right() - pill_w - 8, rect.top(), pill_w, rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            minutes_text(minutes),
        )
        painter.restore()


class PhaseList(QListWidget):
    """A list reordered by drag and drop; the drop becomes a move request, not a local change."""

    moved = Signal(int, int)  # phase id, new position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(PhaseDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        phase_id = item.data(PHASE_ROLE) if item else None
        super().dropEvent(event)
        if phase_id is None:
            return
        for row in range(self.count()):
            if self.item(row).data(PHASE_ROLE) == phase_id:
                self.moved.emit(phase_id, row)
                return


class PhaseDetails(QWidget):
    """Title, duration, kind, method, instructions and facilitator notes of one phase."""

    changed = Signal(int, dict)

    def __init__(self, methods: list[Method], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phase: PhaseInfo | None = None
        self._pending: dict[str, object] = {}
        self._timer = QTimer(self)
        self._timer.setObjectName("phase-details-autosave")
        self._timer.setSingleShot(True)
        self._timer.setInterval(EDIT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.textEdited.connect(lambda text: self._queue("title", text))
        self.title.editingFinished.connect(self.flush)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_PHASE_MINUTES, MAX_PHASE_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setSingleStep(5)
        self.minutes.setAccelerated(True)
        self.minutes.valueChanged.connect(lambda value: self._queue("planned_minutes", value))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Travail"), PhaseKind.WORK.value)
        self.kind.addItem(self.tr("Pause"), PhaseKind.BREAK.value)
        self.kind.activated.connect(
            lambda _i: self._queue("kind", self.kind.currentData(), now=True)
        )
        self.method = QComboBox()
        self.method.addItem(self.tr("(aucune méthode)"), None)
        for m in methods:
            self.method.addItem(f"{method_name(m)} — {brique_label(m.brique)}", m.key)
        self.method.activated.connect(
            lambda _i: self._queue("method_key", self.method.currentData(), now=True)
        )
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText(self.tr("Consigne affichée aux participants"))
        self.instructions.setTabChangesFocus(True)
        self.instructions.textChanged.connect(
            lambda: self._queue("instructions", self.instructions.toPlainText())
        )
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Vos notes d'animation (jamais affichées en salle)"))
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(lambda: self._queue("notes", self.notes.toPlainText()))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Durée"), self.minutes)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Méthode"), self.method)
        form.addRow(self.tr("Consigne"), self.instructions)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_phase(None)

    def phase_id(self) -> int | None:
        return self._phase.id if self._phase else None

    def set_phase(self, phase: PhaseInfo | None) -> None:
        same = phase is not None and self._phase is not None and phase.id == self._phase.id
        if not same:
            self.flush()
        self._phase = phase
        widgets = (self.title, self.minutes, self.kind, self.method, self.instructions, self.notes)
        for w in widgets:
            w.setEnabled(phase is not None)
            w.blockSignals(True)
        if phase is None:
            self.title.clear()
            self.instructions.clear()
            self.notes.clear()
        else:
            if "title" not in self._pending and not (same and self.title.hasFocus()):
                self.title.setText(phase.title)
            if "planned_minutes" not in self._pending:
                self.minutes.setValue(phase.planned_minutes)
            self.kind.setCurrentIndex(max(0, self.kind.findData(phase.kind.value)))
            self.method.setCurrentIndex(max(0, self.method.findData(phase.method_key)))
            if (
                "instructions" not in self._pending
                and self.instructions.toPlainText() != phase.instructions
            ):
                self.instructions.setPlainText(phase.instructions)
            if "notes" not in self._pending and self.notes.toPlainText() != phase.notes:
                self.notes.setPlainText(phase.notes)
        for w in widgets:
            w.blockSignals(False)

    def _queue(self, key: str, value: object, *, now: bool = False) -> None:
        if self._phase is None:
            return
        self._pending[key] = value
        if now:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self._phase is None or not self._pending:
            self._pending.clear()
            return
        pending = dict(self._pending)
        self._pending.clear()
        if "title" in pending and not str(pending["title"]).strip():
            pending.pop("title")  # an emptied title is not saved; the stored one comes back
            self.title.setText(self._phase.title)
        if pending:
            self.changed.emit(self._phase.id, pending)


class AgendaEditor(QWidget):
    add_requested = Signal(int, object, str)  # block id, method key or None, kind
    remove_requested = Signal(int)
    move_requested = Signal(int, int)
    update_requested = Signal(int, dict)

    def __init__(self, methods: list[Method], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: WorkshopDetail | None = None
        self._block_index = 0
        self._methods = {m.key: m for m in methods}

        self.blocks = QTabBar()
        self.blocks.setExpanding(False)
        self.blocks.currentChanged.connect(self._block_changed)
        self.total = QLabel()
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.list = PhaseList()
        self.list.currentItemChanged.connect(self._show_current)
        self.list.moved.connect(self.move_requested)
        self.details = PhaseDetails(methods)
        self.details.changed.connect(self.update_requested)

        self.add_button = QPushButton(self.tr("+ Séquence"))
        self.add_button.setToolTip(self.tr("Ajouter une séquence vide (Ctrl+Entrée)"))
        self.add_button.clicked.connect(lambda: self._request_add(None, PhaseKind.WORK))
        self.break_button = QPushButton(self.tr("+ Pause"))
        self.break_button.clicked.connect(lambda: self._request_add(None, PhaseKind.BREAK))
        self.up_button = QPushButton(self.tr("Monter"))
        self.up_button.setToolTip(self.tr("Monter la séquence (Alt+↑)"))
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button = QPushButton(self.tr("Descendre"))
        self.down_button.setToolTip(self.tr("Descendre la séquence (Alt+↓)"))
        self.down_button.clicked.connect(lambda: self._move_current(+1))
        self.remove_button = QPushButton(self.tr("Retirer"))
        self.remove_button.setObjectName("danger")
        self.remove_button.setToolTip(
            self.tr("Retirer la séquence de l'agenda (Suppr ; Ctrl+Z pour annuler)")
        )
        self.remove_button.clicked.connect(self._remove_current)
        for keys, slot in (
            ("Alt+Up", lambda: self._move_current(-1)),
            ("Alt+Down", lambda: self._move_current(+1)),
            ("Ctrl+Return", lambda: self._request_add(None, PhaseKind.WORK)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        delete = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.list, self._remove_current
        )
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        buttons = QHBoxLayout()
        for b in (self.add_button, self.break_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.blocks)
        left.addWidget(self.total)
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        details_box = QVBoxLayout()
        heading = QLabel(self.tr("Séquence sélectionnée"))
        heading.setObjectName("sectionTitle")
        details_box.addWidget(heading)
        details_box.addWidget(self.details, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(details_box, 2)

    # -- data in -----------------------------------------------------------------------------
    def set_detail(self, detail: WorkshopDetail) -> None:
        self._detail = detail
        self.blocks.blockSignals(True)
        while self.blocks.count() > len(detail.blocks):
            self.blocks.removeTab(self.blocks.count() - 1)
        for i, block in enumerate(detail.blocks):
            label = self._block_title(detail, block)
            if i < self.blocks.count():
                self.blocks.setTabText(i, label)
            else:
                self.blocks.addTab(label)
        self._block_index = min(self._block_index, len(detail.blocks) - 1)
        self.blocks.setCurrentIndex(self._block_index)
        self.blocks.setVisible(len(detail.blocks) > 1)
        self.blocks.blockSignals(False)
        self._fill()

    @staticmethod
    def _block_title(detail: WorkshopDetail, block: BlockInfo) -> str:
        week = (
            QCoreApplication.translate("AgendaEditor", " · semaine {week}").format(week=block.week)
            if block.week
            else ""
        )
        if len(detail.blocks) == 1:
            return block.title
        return f"{detail.block_label} {block.number}{week}"

    def current_block(self) -> BlockInfo | None:
        if self._detail is None or not self._detail.blocks:
            return None
        return self._detail.blocks[self._block_index]

    def select_block(self, index: int) -> None:
        self.blocks.setCurrentIndex(index)

    def select_phase(self, phase_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(PHASE_ROLE) == phase_id:
                self.list.setCurrentRow(row)
                return

    def current_phase_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(PHASE_ROLE) if item else None

    def _block_changed(self, index: int) -> None:
        self.details.flush()
        self._block_index = max(0, index)
        self._fill()

    def _fill(self) -> None:
        block = self.current_block()
        keep = self.current_phase_id()
        self.list.blockSignals(True)
        self.list.clear()
        start = DAY_START_MINUTES
        for phase in block.phases if block else ():
            method = self._methods.get(phase.method_key or "")
            if phase.kind == PhaseKind.BREAK:
                subtitle = self.tr("Pause")
            else:
                subtitle = method_name(method) if method else self.tr("Sans méthode")
            item = QListWidgetItem()
            item.setData(PHASE_ROLE, phase.id)
            item.setData(
                LINE_ROLE,
                (
                    time_text(start),
                    phase.title,
                    subtitle,
                    phase.planned_minutes,
                    phase.kind == PhaseKind.BREAK,
                ),
            )
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{time_text(start)}, {phase.title}, {minutes_text(phase.planned_minutes)}",
            )
            item.setToolTip(plain_tooltip(phase.instructions or phase.title))
            self.list.addItem(item)
            start += phase.planned_minutes
        self.list.blockSignals(False)
        if keep is not None:
            self.select_phase(keep)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()
        self._show_total(block)

    def _show_total(self, block: BlockInfo | None) -> None:
        if block is None or self._detail is None:
            self.total.clear()
            return
        planned = block.planned_minutes
        length = self._detail.block_minutes
        end = time_text(DAY_START_MINUTES + planned)
        text = self.tr("Total : {planned} sur {length} prévues · fin à {end}").format(
            planned=minutes_text(planned), length=minutes_text(length), end=end
        )
        if planned > length:
            text += self.tr(" · dépasse de {over}").format(over=minutes_text(planned - length))
            color = DANGER
        elif planned < length:
            text += self.tr(" · reste {left}").format(left=minutes_text(length - planned))
            color = OK
        else:
            color = OK
        self.total.setText(text)
        self.total.setStyleSheet(
            f"color: {color}; font-weight: bold; font-size: 11.5pt; padding: 4px 0;"
        )
        self.total.setProperty("over", planned > length)

    def _show_current(self) -> None:
        block = self.current_block()
        pid = self.current_phase_id()
        phase = next((p for p in block.phases if p.id == pid), None) if block else None
        self.details.set_phase(phase)
        has = phase is not None
        row = self.list.currentRow()
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)

    # -- intents -----------------------------------------------------------------------------
    def add_method(self, method_key: str) -> None:
        self._request_add(method_key, PhaseKind.WORK)

    def _request_add(self, method_key: str | None, kind: PhaseKind) -> None:
        block = self.current_block()
        if block is not None:
            self.details.flush()
            self.add_requested.emit(block.id, method_key, kind.value)

    def _move_current(self, delta: int) -> None:
        pid = self.current_phase_id()
        row = self.list.currentRow()
        if pid is None or not 0 <= row + delta < self.list.count():
            return
        self.details.flush()
        self.move_requested.emit(pid, row + delta)

    def _remove_current(self) -> None:
        pid = self.current_phase_id()
        if pid is not None:
            self.details.flush()
            self.remove_requested.emit(pid)

    def flush(self) -> None:
        self.details.flush()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Hide:
            self.details.flush()
        return super().event(e)

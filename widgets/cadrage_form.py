"""The cadrage form: saved as she types (debounced), and flushed when she leaves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import CADRAGE_FIELDS, CADRAGE_MAX_CHARS, EXPECTED, EXPECTED_MAX, Cadrage
from widgets.text import QT_TRANSLATE_NOOP

AUTOSAVE_MS = 600


# The cadrage's labels and hints live in app/domain/model.py (no Qt there); listed here so that
# lupdate files them under this widget's context, where `self.tr(label)` looks them up.
_TRANSLATABLE = (
    QT_TRANSLATE_NOOP("CadrageForm", "Porteurs du projet"),
    QT_TRANSLATE_NOOP(
        "CadrageForm", "Qui porte le projet ? Direction, service, personne référente…"
    ),
    QT_TRANSLATE_NOOP("CadrageForm", "Pourquoi"),
    QT_TRANSLATE_NOOP("CadrageForm", "Le problème ou l'occasion qui motive l'atelier."),
    QT_TRANSLATE_NOOP("CadrageForm", "Objectifs"),
    QT_TRANSLATE_NOOP("CadrageForm", "Ce que l'on veut avoir obtenu à la fin."),
    QT_TRANSLATE_NOOP("CadrageForm", "Périmètre"),
    QT_TRANSLATE_NOOP("CadrageForm", "Ce qui est dans le sujet, et ce qui n'y est pas."),
    QT_TRANSLATE_NOOP("CadrageForm", "Livrables"),
    QT_TRANSLATE_NOOP("CadrageForm", "Ce qui sera remis : compte-rendu, plan d'action, prototype…"),
    QT_TRANSLATE_NOOP("CadrageForm", "Partenaires concernés"),
    QT_TRANSLATE_NOOP("CadrageForm", "Une organisation par ligne."),
    QT_TRANSLATE_NOOP("CadrageForm", "Public visé"),
    QT_TRANSLATE_NOOP("CadrageForm", "Agents, partenaires, acteurs privés, usagers…"),
)


class CadrageForm(QWidget):
    """Emits `save_requested(fields)` with only the fields she changed."""

    save_requested = Signal(dict)
    details_requested = Signal(str, object)  # place, start date or None
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty: set[str] = set()
        self._details_dirty = False
        self._timer = QTimer(self)
        self._timer.setObjectName("cadrage-autosave")
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("Salle, ville (hors les murs : Poitiers, Limoges…)"))
        self.place.textEdited.connect(self._details_edited)
        self.has_date = QCheckBox(self.tr("Date fixée"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.has_date.toggled.connect(self.date.setEnabled)
        self.has_date.toggled.connect(self._details_edited)
        self.date.dateChanged.connect(self._details_edited)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date)
        date_row.addStretch(1)

        # how many are expected: for the room, the chairs, the printed sheets and posters
        self.expected = QSpinBox()
        self.expected.setRange(0, EXPECTED_MAX)
        self.expected.setSpecialValueText(self.tr("Non précisé"))
        self.expected.setSuffix(self.tr(" personnes"))
        self.expected.setMinimumWidth(160)
        self.expected.valueChanged.connect(lambda _v: self._mark(EXPECTED))
        expected_row = QHBoxLayout()
        expected_row.addWidget(self.expected)
        expected_row.addStretch(1)

        self.fields: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Lieu"), self.place)
        form.addRow(self.tr("Date"), date_row)
        form.addRow(self.tr("Nombre de participants attendus"), expected_row)
        for key, label, hint in CADRAGE_FIELDS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(self.tr(hint))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(76 if key not in ("why", "objectives") else 100)
            edit.textChanged.connect(lambda k=key: self._edited(k))
            self.fields[key] = edit
            title = QLabel(self.tr(label))
            title.setObjectName("fieldLabel")
            form.addRow(title, edit)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(24, 16, 24, 16)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- data in -----------------------------------------------------------------------------
    def set_values(self, cadrage: Cadrage, place: str, start_date: date | None) -> None:
        """Show stored values; a field she is editing (unsaved) is left alone."""
        if EXPECTED not in self._dirty:
            count = int(cadrage.expected) if cadrage.expected.isdigit() else 0
            if self.expected.value() != count:
                self.expected.blockSignals(True)
                self.expected.setValue(count)
                self.expected.blockSignals(False)
        for key, edit in self.fields.items():
            value = getattr(cadrage, key)
            if key not in self._dirty and edit.toPlainText() != value:
                edit.blockSignals(True)
                edit.setPlainText(value)
                edit.blockSignals(False)
        if not self._details_dirty:
            for widget in (self.place, self.has_date, self.date):
                widget.blockSignals(True)
            if self.place.text() != place:
                self.place.setText(place)
            self.has_date.setChecked(start_date is not None)
            self.date.setEnabled(start_date is not None)
            if start_date is not None:
                self.date.setDate(QDate(start_date.year, start_date.month, start_date.day))
            for widget in (self.place, self.has_date, self.date):
                widget.blockSignals(False)

    # -- data out ----------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        edit = self.fields[key]
        if len(edit.toPlainText()) > CADRAGE_MAX_CHARS:
            cursor = edit.textCursor()
            edit.setPlainText(edit.toPlainText()[:CADRAGE_MAX_CHARS])
            cursor.setPosition(min(cursor.position(), CADRAGE_MAX_CHARS))
            edit.setTextCursor(cursor)
        self._mark(key)

    def _mark(self, key: str) -> None:
        self._dirty.add(key)
        self.dirty_changed.emit(True)
        self._timer.start()

    def _details_edited(self, *_args: object) -> None:
        self._details_dirty = True
        self.dirty_changed.emit(True)
        self._timer.start()

    def _value(self, key: str) -> str:
        if key == EXPECTED:
            return str(self.expected.value() or "")
        return self.fields[key].toPlainText()

    def is_dirty(self) -> bool:
        return bool(self._dirty) or self._details_dirty

    def flush(self) -> None:
        """Save now whatever is pending (called by the timer, on leaving, on closing)."""
        self._timer.stop()
        if self._dirty:
            fields = {key: self._value(key) for key in sorted(self._dirty)}
            self._dirty.clear()
            self.save_requested.emit(fields)
        if self._details_dirty:
            self._details_dirty = False
            start = self.date.date().toPython() if self.has_date.isChecked() else None
            self.details_requested.emit(self.place.text(), start)
        self.dirty_changed.emit(False)

"""The workshop's chantiers, followed after it in every format: status, owner, partners (among
the cadrage's), dates, progress, and a timeline of dated entries.

Each change is one undoable step of the core; the panel is read again when the core says the
workshop changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import WorkshopDetail
from app.reports.text import one_line
from widgets.actions_panel import DateEdit
from widgets.core_text import PROJECT_STATUSES, date_text, project_status
from widgets.text import empty_note, plain_label, plain_tooltip

if TYPE_CHECKING:
    from app.ops.projects import ChantierInfo
    from widgets.controller import Controller

ID = Qt.ItemDataRole.UserRole


class ChantiersPanel(QWidget):
    """The chantiers of the open workshop: a list, and the one chosen in detail."""

    message = Signal(str)  # for the status bar

    def __init__(
        self,
        controller: Controller,
        dialogs: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs = dialogs
        self.workshop_id: int | None = None
        self.chantiers: list[ChantierInfo] = []
        self.partners: list[str] = []  # the cadrage's
        self._filling = False

        title = plain_label(self.tr("Chantiers suivis"))
        title.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _r: self._show_current())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(title)
        left_layout.addWidget(self.list, 1)

        # the chantier chosen
        self.name = plain_label()
        self.name.setObjectName("sectionTitle")
        self.name.setWordWrap(True)
        self.origin = plain_label()
        self.origin.setObjectName("muted")
        self.origin.setWordWrap(True)
        self.status = QComboBox()
        for key in PROJECT_STATUSES:
            self.status.addItem(project_status(key), key)
        self.status.activated.connect(lambda _i: self._save_status())
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Qui porte le chantier"))
        self.owner.editingFinished.connect(self._save_owner)
        self.partner_list = QListWidget()
        self.partner_list.itemChanged.connect(lambda _i: self._save_partners())
        self.no_partners = plain_label(
            self.tr("Aucun partenaire dans le cadrage : complétez-le pour les associer.")
        )
        self.no_partners.setObjectName("muted")
        self.no_partners.setWordWrap(True)
        self.start = DateEdit(none_text=self.tr("Non fixée"))
        self.start.editingFinished.connect(lambda: self._save_date("start_date"))
        self.target = DateEdit(none_text=self.tr("Non fixée"))
        self.target.editingFinished.connect(lambda: self._save_date("target_date"))
        dates = QHBoxLayout()
        dates.addWidget(plain_label(self.tr("Début")))
        dates.addWidget(self.start)
        dates.addSpacing(12)
        dates.addWidget(plain_label(self.tr("Visée")))
        dates.addWidget(self.target)
        dates.addStretch(1)
        self.progress = QSlider(Qt.Orientation.Horizontal)
        self.progress.setRange(0, 100)
        self.progress.setSingleStep(5)
        self.progress.setPageStep(10)
        self.progress.valueChanged.connect(self._progress_moved)
        self.progress.sliderReleased.connect(self._save_progress)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("%p %")
        self.bar.setMinimumWidth(120)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 2)
        progress.addWidget(self.bar, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Statut"), self.status)
        form.addRow(self.tr("Porteur"), self.owner)
        partners = QVBoxLayout()
        partners.addWidget(self.partner_list)
        partners.addWidget(self.no_partners)
        form.addRow(self.tr("Partenaires"), partners)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Avancement"), progress)

        timeline_title = plain_label(self.tr("Suivi"))
        timeline_title.setObjectName("sectionTitle")
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.itemSelectionChanged.connect(self._update_buttons)
        self.entry_day = DateEdit()
        self.entry_day.set_value(date.today())
        self.entry_text = QLineEdit()
        self.entry_text.setPlaceholderText(self.tr("comité du 12 mars : financement acquis"))
        self.entry_text.returnPressed.connect(self.add_entry)
        self.add_entry_button = QPushButton(self.tr("Ajouter au suivi"))
        self.add_entry_button.clicked.connect(self.add_entry)
        self.remove_entry_button = QPushButton(self.tr("Retirer la ligne"))
        self.remove_entry_button.clicked.connect(self.remove_entry)
        adder = QHBoxLayout()
        adder.addWidget(self.entry_day)
        adder.addWidget(self.entry_text, 1)
        adder.addWidget(self.add_entry_button)
        adder.addWidget(self.remove_entry_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addWidget(self.name)
        detail_layout.addWidget(self.origin)
        detail_layout.addLayout(form)
        detail_layout.addWidget(timeline_title)
        detail_layout.addWidget(self.timeline, 1)
        detail_layout.addLayout(adder)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)

        self.empty = empty_note(
            self.tr(
                "Aucun chantier pour l'instant. Après un vote, « Promouvoir en chantier » fait "
                "des idées retenues des chantiers à suivre ici : porteur, partenaires, dates, "
                "avancement et suivi. Vous pouvez aussi en ouvrir un ci-dessus."
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        # a chantier opened by hand (not from a vote), and one removed
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(self.tr("Nouveau chantier : son titre…"))
        self.new_title.returnPressed.connect(self.add_chantier)
        self.add_button = QPushButton(self.tr("Ouvrir le chantier"))
        self.add_button.clicked.connect(self.add_chantier)
        self.delete_button = QPushButton(self.tr("Supprimer le chantier…"))
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(self.delete_current)
        adder = QHBoxLayout()
        adder.addWidget(self.new_title, 1)
        adder.addWidget(self.add_button)
        adder.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(adder)
        layout.addWidget(self.stack)
        self._update_buttons()

    # -- reading -----------------------------------------------------------------------------
    def set_detail(self, detail: WorkshopDetail) -> None:
        self.workshop_id = detail.id
        self.partners = detail.cadrage.partner_list()
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is None:
            return
        chosen = self.current()
        self.chantiers = self.controller.chantiers(self.workshop_id)
        self._filling = True
        try:
            self.list.clear()
            for c in self.chantiers:
                item = QListWidgetItem(
                    self.tr("{title}\n{status} · {progress} %").format(
                        title=one_line(c.title),
                        status=project_status(c.status),
                        progress=c.progress,
                    )
                )
                item.setToolTip(plain_tooltip(f"{c.title}\n{c.description}".strip()))
                item.setData(ID, c.id)
                self.list.addItem(item)
            ids = [c.id for c in self.chantiers]
            row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0
            self.list.setCurrentRow(row if ids else -1)
        finally:
            self._filling = False
        self.stack.setCurrentIndex(1 if self.chantiers else 0)
        self._show_current()

    def add_chantier(self) -> None:
        title = self.new_title.text().strip()
        if self.workshop_id is None:
            return
        if not title:
            self.new_title.setFocus()
            return
        change = self.controller.create_project(self.workshop_id, title)
        if change is not None:
            self.new_title.clear()
            self.reload()
            if change.ids:
                self.select(change.ids[0])
            self.message.emit(self.tr("Chantier ouvert — Ctrl+Z pour annuler"))

    def delete_current(self) -> None:
        c = self.current()
        if c is None or self.dialogs is None:
            return
        asked = self.dialogs().confirm(
            self.tr("Supprimer le chantier"),
            self.tr(
                "Supprimer « {title} » et son suivi ({n} ligne(s)) ? Les idées qu'il a "
                "retenues reviennent « sans décision ». Ctrl+Z l'annule."
            ).format(title=one_line(c.title), n=len(c.entries)),
            self.tr("Supprimer"),
        )
        if asked and self.controller.delete_project(c.id) is not None:
            self.reload()
            self.message.emit(self.tr("Chantier supprimé — Ctrl+Z pour annuler"))

    def current(self) -> ChantierInfo | None:
        row = self.list.currentRow()
        return self.chantiers[row] if 0 <= row < len(self.chantiers) else None

    def select(self, project_id: int) -> None:
        for row, c in enumerate(self.chantiers):
            if c.id == project_id:
                self.list.setCurrentRow(row)

    def _show_current(self) -> None:
        if self._filling:
            return
        c = self.current()
        if c is None:
            return
        self._filling = True
        try:
            self.name.setText(c.title)
            # always shown, so the form below stays where it was from one chantier to the next
            self.origin.setText(c.description or self.tr("Chantier ouvert à la main."))
            self.status.setCurrentIndex(max(0, self.status.findData(c.status)))
            if not self.owner.hasFocus():
                self.owner.setText(c.owner)
            self.partner_list.clear()
            names = list(self.partners) + [p for p in c.partners if p not in self.partners]
            for name in names:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = name in c.partners
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.partner_list.addItem(item)
            rows = min(len(names), 6)
            height = rows * max(1, self.partner_list.sizeHintForRow(0))
            self.partner_list.setFixedHeight(height + 2 * self.partner_list.frameWidth() + 4)
            self.partner_list.setVisible(bool(names))
            self.no_partners.setVisible(not names)
            self.start.set_value(c.start_date)
            self.target.set_value(c.target_date)
            if not self.progress.isSliderDown():
                self.progress.setValue(c.progress)
            self.bar.setValue(c.progress)
            self.timeline.clear()
            for entry in c.entries:
                item = QListWidgetItem(f"{date_text(entry.day)} — {entry.text}")
                item.setData(ID, entry.id)
                self.timeline.addItem(item)
        finally:
            self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_entry_button.setEnabled(bool(self.timeline.selectedItems()))
        self.delete_button.setEnabled(self.current() is not None)

    # -- writing -----------------------------------------------------------------------------
    def _save_status(self) -> None:
        c = self.current()
        key = self.status.currentData()
        if c is None or not key or key == c.status:
            return
        if self.controller.set_project_status(c.id, key) is not None:
            self.message.emit(
                self.tr("Chantier « {title} » : {status} — Ctrl+Z pour annuler").format(
                    title=one_line(c.title), status=project_status(key).lower()
                )
            )

    def _save_owner(self) -> None:
        c = self.current()
        text = " ".join(self.owner.text().split())
        if c is not None and not self._filling and text != c.owner:
            self.controller.update_project(c.id, owner=text)

    def checked_partners(self) -> list[str]:
        items = [self.partner_list.item(i) for i in range(self.partner_list.count())]
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def _save_partners(self) -> None:
        c = self.current()
        if c is None or self._filling:
            return
        chosen = self.checked_partners()
        if (
            chosen != list(c.partners)
            and self.controller.update_project(c.id, partners=chosen) is None
        ):
            self._show_current()  # refused (a partner no longer in the cadrage)

    def _save_date(self, field: str) -> None:
        c = self.current()
        if c is None or self._filling:
            return
        edit = self.start if field == "start_date" else self.target
        value = edit.value()
        if value != getattr(c, field):
            changed = (
                self.controller.update_project(c.id, start_date=value)
                if field == "start_date"
                else self.controller.update_project(c.id, target_date=value)
            )
            if changed is None:
                self._show_current()  # refused: back to what is stored

    def _progress_moved(self, value: int) -> None:
        self.bar.setValue(value)
        if not self._filling and not self.progress.isSliderDown():
            self._save_progress()  # keys and clicks: at once; a drag: when released

    def _save_progress(self) -> None:
        c = self.current()
        value = self.progress.value()
        if c is not None and not self._filling and value != c.progress:
            self.controller.update_project(c.id, progress=value)

    def add_entry(self) -> None:
        c = self.current()
        text = self.entry_text.text().strip()
        day = self.entry_day.value()
        if c is None:
            return
        if not text or day is None:
            self.entry_text.setFocus()
            return
        if self.controller.add_project_entry(c.id, day, text) is not None:
            self.entry_text.clear()
            self.reload()

    def remove_entry(self) -> None:
        items = self.timeline.selectedItems()
        if items:
            self.controller.remove_project_entry(items[0].data(ID))
            self.message.emit(self.tr("Ligne du suivi retirée — Ctrl+Z pour annuler"))

"""What became of each idea: every post-it of the workshop with its votes and its fate
(retenue → an action or a chantier, fusionnée avec…, mise de côté), decided here.

Each decision is one undoable step of the core (`app.ops.outcomes.set_fate`); the table is read
again when the core says the board, the votes or the plan changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import WorkshopDetail
from app.reports.text import one_line
from widgets.text import QT_TRANSLATE_NOOP, empty_note, plain_label, plain_tooltip

if TYPE_CHECKING:
    from app.ops.outcomes import FateTrail
    from widgets.controller import Controller

FATE_LABELS = {  # app/domain/report.FATES's keys, and "" for nothing decided yet
    "": QT_TRANSLATE_NOOP("IdeasPanel", "Sans décision"),
    "retenue": QT_TRANSLATE_NOOP("IdeasPanel", "Retenue"),
    "fusionnee": QT_TRANSLATE_NOOP("IdeasPanel", "Fusionnée"),
    "mise_de_cote": QT_TRANSLATE_NOOP("IdeasPanel", "Mise de côté"),
}
FILTERS = {  # the filter's keys: all, or one fate ("" nothing decided)
    "*": QT_TRANSLATE_NOOP("IdeasPanel", "Toutes les idées"),
    "": QT_TRANSLATE_NOOP("IdeasPanel", "Sans décision"),
    "retenue": QT_TRANSLATE_NOOP("IdeasPanel", "Retenues"),
    "fusionnee": QT_TRANSLATE_NOOP("IdeasPanel", "Fusionnées"),
    "mise_de_cote": QT_TRANSLATE_NOOP("IdeasPanel", "Mises de côté"),
}
TEXT, THEME, VOTE, FATE, DETAIL = range(5)


def fate_text(key: str | None) -> str:
    return QCoreApplication.translate("IdeasPanel", FATE_LABELS.get(key or "", key or ""))


def _short(text: str, size: int = 60) -> str:
    line = one_line(text)
    return line if len(line) <= size else line[: size - 1].rstrip() + "…"


class IdeasPanel(QWidget):
    """Every post-it of the open workshop and what became of it."""

    message = Signal(str)  # for the status bar

    def __init__(
        self, controller: Controller, dialogs: Callable[[], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs = dialogs
        self.workshop_id: int | None = None
        self.trail: list[FateTrail] = []
        self.shown: list[FateTrail] = []

        title = plain_label(self.tr("Devenir des idées"))
        title.setObjectName("sectionTitle")
        hint = plain_label(
            self.tr(
                "Chaque post-it a un devenir : retenu (il devient une action ou un chantier), "
                "fusionné avec un autre, ou mis de côté. Les promotions après un vote le "
                "décident pour les idées choisies ; décidez ici des autres (Ctrl+Z pour annuler)."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        for key, label in FILTERS.items():
            self.filter.addItem(self.tr(label), key)
        self.filter.activated.connect(lambda _i: self._fill())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Chercher dans les idées…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill())
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.search, 1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Idée"), self.tr("Thème"), self.tr("Votes (rang, score)"), self.tr("Devenir"),
             self.tr("Précision")]
        )  # fmt: skip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((THEME, 160), (VOTE, 170), (FATE, 120), (DETAIL, 240)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setVisible(False)
        # one line an idea (150 of them scan at a glance): Qt elides, the tooltip has it all
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.keep_button = QPushButton(self.tr("Retenir dans…"))
        self.keep_menu = QMenu(self.keep_button)
        self.keep_menu.aboutToShow.connect(self._fill_keep_menu)
        self.keep_button.setMenu(self.keep_menu)
        self.merge_button = QPushButton(self.tr("Fusionner avec…"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.aside_button = QPushButton(self.tr("Mettre de côté…"))
        self.aside_button.clicked.connect(self.set_aside_selected)
        self.clear_button = QPushButton(self.tr("Sans décision"))
        self.clear_button.setToolTip(self.tr("Revenir à « pas encore décidé »"))
        self.clear_button.clicked.connect(self.clear_selected)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.merge_button, self.aside_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.empty = empty_note(
            self.tr(
                "Aucun post-it pour l'instant. Les idées écrites au tableau ou envoyées par les "
                "téléphones apparaîtront ici, avec leurs votes et ce qu'elles deviennent."
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- reading -----------------------------------------------------------------------------
    def set_detail(self, detail: WorkshopDetail) -> None:
        if detail.id != self.workshop_id:
            self.search.clear()
        self.workshop_id = detail.id
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is None:
            return
        self.trail = self.controller.fate_trail(self.workshop_id)
        counts = {key: 0 for key in FATE_LABELS}
        for t in self.trail:
            counts[t.fate or ""] += 1
        self.summary.setText(
            self.tr(
                "{n} idée(s) : {kept} retenue(s) · {merged} fusionnée(s) · {aside} mise(s) de "
                "côté · {open} sans décision"
            ).format(
                n=len(self.trail),
                kept=counts["retenue"],
                merged=counts["fusionnee"],
                aside=counts["mise_de_cote"],
                open=counts[""],
            )
        )
        self._fill()

    def _fill(self) -> None:
        selected = set(self.selected_ids())
        wanted = self.filter.currentData()
        needle = self.search.text().casefold().strip()
        texts = {t.note_id: t.text for t in self.trail}
        self.shown = [
            t for t in self.trail
            if (wanted == "*" or (t.fate or "") == wanted)
            and (not needle or needle in t.text.casefold() or needle in t.cluster_title.casefold())
        ]  # fmt: skip
        self.table.setRowCount(len(self.shown))
        for row, t in enumerate(self.shown):
            vote = " · ".join(
                self.tr("{rank} ({score})").format(
                    rank=self._rank(v.rank), score=f"{v.score:.2f}".rstrip("0").rstrip(".")
                )
                for v in t.votes
                if v.score > 0  # an idea left without a vote shows none
            )
            cells = {
                TEXT: one_line(t.text),
                THEME: one_line(t.cluster_title),
                VOTE: vote,
                FATE: fate_text(t.fate),
                DETAIL: self._detail(t, texts),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                if column in (TEXT, THEME, DETAIL):
                    item.setToolTip(plain_tooltip(text))
                elif column == VOTE and t.votes:
                    item.setToolTip(
                        plain_tooltip(
                            "\n".join(
                                f"{v.round_title} : {self._rank(v.rank)} ({v.score:g})"
                                for v in t.votes
                            )
                        )
                    )
                self.table.setItem(row, column, item)
        self.select(sorted(selected))
        self.stack.setCurrentWidget(self.table if self.trail else self.empty)
        self._update_buttons()

    def _rank(self, rank: int) -> str:
        """'1er', '2e' (English: '#1')."""
        return self.tr("1er") if rank == 1 else self.tr("{rank}e").format(rank=rank)

    def _detail(self, t: FateTrail, texts: dict[int, str]) -> str:
        if t.fate == "retenue" and t.action_id is not None:
            return self.tr("→ action « {what} »").format(what=one_line(t.action_what))
        if t.fate == "retenue" and t.project_id is not None:
            return self.tr("→ chantier « {title} »").format(title=one_line(t.project_title))
        if t.fate == "fusionnee" and t.merged_into is not None:
            return self.tr("avec « {text} »").format(text=one_line(texts.get(t.merged_into, "")))
        return one_line(t.reason)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.shown[r].note_id for r in rows if r < len(self.shown)]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        for button in (self.keep_button, self.merge_button, self.aside_button, self.clear_button):
            button.setEnabled(chosen)

    def select(self, note_ids: list[int]) -> None:
        """Choose these ideas (those shown), as a Ctrl+click on each would."""
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, t in enumerate(self.shown):
            if t.note_id in note_ids:
                self.table.selectionModel().select(self.table.model().index(row, 0), flags)

    # -- deciding ------------------------------------------------------------------------------
    def _decide(self, fate: str | None, **kwargs: Any) -> bool:
        ids = self.selected_ids()
        if self.workshop_id is None or not ids:
            return False
        change = self.controller.set_fate(self.workshop_id, ids, fate, **kwargs)
        if change is None:
            return False
        self.message.emit(
            self.tr("{n} idée(s) : {fate} — Ctrl+Z pour annuler").format(
                n=len(ids), fate=fate_text(fate).lower()
            )
        )
        self.reload()
        return True

    def _fill_keep_menu(self) -> None:
        """Where the chosen ideas may go: a new action or chantier, or an existing one."""
        self.keep_menu.clear()
        if self.workshop_id is None:
            return
        self.keep_menu.addAction(self.tr("Une nouvelle action"), self.keep_as_new_action)
        self.keep_menu.addAction(self.tr("Un nouveau chantier"), self.keep_as_new_chantier)
        plan = self.controller.actions(self.workshop_id)
        if plan:
            self.keep_menu.addSection(self.tr("Actions"))
            for a in plan:
                self.keep_menu.addAction(_short(a.what), self._keep_in("action_id", a.id))
        chantiers = self.controller.chantiers(self.workshop_id)
        if chantiers:
            self.keep_menu.addSection(self.tr("Chantiers"))
            for c in chantiers:
                self.keep_menu.addAction(_short(c.title), self._keep_in("project_id", c.id))

    def _keep_in(self, link: str, item_id: int) -> Callable[[], None]:
        def keep() -> None:
            self._decide("retenue", **{link: item_id})

        return keep

    def _first_text(self) -> str:
        ids = self.selected_ids()
        return next((t.text for t in self.trail if ids and t.note_id == ids[0]), "")

    def keep_as_new_action(self) -> None:
        """The chosen ideas become one new action, named after the first."""
        if self.workshop_id is None or not self.selected_ids():
            return
        change = self.controller.create_action(self.workshop_id, one_line(self._first_text()))
        if change is not None and change.ids:
            self._decide("retenue", action_id=change.ids[0])

    def keep_as_new_chantier(self) -> None:
        """The chosen ideas become one new chantier, named after the first."""
        if self.workshop_id is None or not self.selected_ids():
            return
        change = self.controller.create_project(self.workshop_id, one_line(self._first_text()))
        if change is not None and change.ids:
            self._decide("retenue", project_id=change.ids[0])

    def merge_selected(self) -> None:
        ids = set(self.selected_ids())
        if not ids:
            return
        targets = [
            (str(t.note_id), _short(t.text, 80))
            for t in self.trail
            if t.note_id not in ids and t.fate != "fusionnee"
        ]
        if not targets:
            self.message.emit(self.tr("Aucune autre idée avec laquelle fusionner."))
            return
        chosen = self.dialogs().pick(
            self.tr("Fusionner avec…"),
            self.tr("Les idées choisies rejoignent celle-ci (elles restent dans l'annexe) :"),
            targets,
        )
        if chosen is not None:
            self._decide("fusionnee", into=int(chosen))

    def set_aside_selected(self) -> None:
        if not self.selected_ids():
            return
        reason = self.dialogs().text(
            self.tr("Mettre de côté"),
            self.tr("Pourquoi ? (facultatif, repris au compte-rendu)"),
        )
        if reason is not None:
            self._decide("mise_de_cote", reason=reason)

    def clear_selected(self) -> None:
        self._decide(None)

"""The board screen of the console: a toolbar over the board view.

It shows what the core says (`BoardData`) and sends every gesture to the core through the
controller; refreshes triggered by events are batched (one redraw for a burst of phone
post-its).

The edits that only call the controller and reload are `widgets.board_edits.BoardEdits` (a
mixin); the PNG pictures of the board, `widgets.board_image`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.board import GAP, NOTE_H, NOTE_W, PALETTE, TEMPLATES, BoardData, NoteCard, Scope
from app.errors import KnownError
from app.events import Event
from app.system.files import atomic_output
from widgets.board_edits import BoardEdits
from widgets.board_image import board_png, swatch, workshop_board_png
from widgets.board_scene import BoardScene, ClusterItem, NoteItem
from widgets.board_view import BoardView
from widgets.controller import Controller
from widgets.core_errors import error_text
from widgets.core_text import colour_name
from widgets.text import plain_label

REFRESH_MS = 30  # a burst of events becomes one refresh
SUGGEST_KEY = "Ctrl+Alt+G"  # "Suggérer des regroupements…" (Ctrl+Shift+R is Ranger)


class BoardPanel(QWidget, BoardEdits):
    """The console's board: write, move, group, reveal; undo is the window's Ctrl+Z."""

    space_tapped = Signal()  # the view handed Space back: the window toggles the timer
    message = Signal(str)  # a short French status message (e.g. after a deletion)
    loaded = Signal(object)  # the BoardData just shown (the projector's mirror follows it)
    vote_requested = Signal(list, object)  # selected post-it ids, the selected group or None
    show_all_requested = Signal()  # "Tout voir": the projector shows the whole board too

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        dialogs: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs = dialogs  # the window's questions (a fake in tests)
        self.workshop_id: int | None = None
        self.phase_id: int | None = None  # None: follow the séance's current phase
        self.data: BoardData | None = None
        self.snap = False
        self.scene = BoardScene(self)
        self.view = BoardView(self.scene)
        self.view.space_tapped.connect(self.space_tapped)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_now)
        self._full_pending = False
        self._new_ids: set[int] = set()
        self._listed_phases: tuple[tuple[int, str], ...] | None = None
        self._fitted = False
        self._matches: list[int] = []
        self._match_index = -1
        self._pending_spot: tuple[float, float] | None = None

        # -- toolbar
        self.phase_picker = QComboBox()
        self.phase_picker.setMinimumWidth(220)
        self.phase_picker.setToolTip(self.tr("Le tableau de quelle séquence"))
        self.phase_picker.activated.connect(self._pick_phase)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Écrire un post-it puis Entrée…"))
        self.entry.setMaxLength(280)
        self.entry.returnPressed.connect(self._add_from_entry)
        self.colour = QComboBox()
        for c in PALETTE:
            self.colour.addItem(swatch(c.fill), colour_name(c.key, c.name), c.key)
        self.colour.setToolTip(self.tr("Couleur du post-it (ou de la sélection)"))
        self.colour.activated.connect(self._recolour_selection)
        self.group_button = self._button(self.tr("Regrouper"), "Ctrl+G", self.group_selection)
        self.ungroup_button = self._button(
            self.tr("Dégrouper"), "Ctrl+Shift+G", self.ungroup_selection
        )
        self.delete_button = self._button(
            self.tr("Supprimer"), QKeySequence.StandardKey.Delete, self.delete_selection
        )
        self.duplicate_button = self._button(
            self.tr("Dupliquer"), "Ctrl+D", self.duplicate_selection
        )
        self.rename_button = self._button(
            self.tr("Renommer le groupe"), "F2", self._rename_selected
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._next_match)
        self.fit_button = self._button(self.tr("Tout voir"), "Ctrl+0", self.show_all)
        self.vote_button = self._button(
            self.tr("Voter…"),
            "Ctrl+Shift+V",
            lambda: self.vote_requested.emit(
                self.scene.selected_notes(), self.scene.selected_cluster()
            ),
        )
        self.vote_button.setToolTip(
            self.tr("Ouvrir un vote sur la sélection, ou sur tout le tableau (Ctrl+Shift+V)")
        )
        self.private_button = QPushButton(self.tr("Écriture individuelle"))
        self.private_button.setCheckable(True)
        self.private_button.setToolTip(
            self.tr("Les post-its des téléphones restent cachés jusqu'à « Révéler »")
        )
        self.private_button.clicked.connect(self._toggle_private)
        self.reveal_button = QPushButton(self.tr("Révéler"))
        self.reveal_button.setObjectName("primary")
        self.reveal_button.clicked.connect(self.reveal)
        self.more = QToolButton()
        self.more.setText(self.tr("Tableau ▾"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setMenu(self._more_menu())
        for widget in (self.group_button, self.ungroup_button, self.delete_button,
                       self.duplicate_button, self.rename_button, self.fit_button, self.private_button,
                       self.reveal_button, self.vote_button, self.more):  # fmt: skip
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: self.search.setFocus())
        self.addAction(find)
        select_all = QAction(self)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        select_all.triggered.connect(self._select_all)
        self.view.addAction(select_all)

        top = QHBoxLayout()
        top.addWidget(self.phase_picker)
        top.addWidget(self.entry, 2)
        top.addWidget(self.colour)
        top.addWidget(self.search, 1)
        top.addWidget(self.more)
        actions = QHBoxLayout()
        for widget in (self.group_button, self.ungroup_button, self.rename_button,
                       self.duplicate_button, self.delete_button, self.fit_button):  # fmt: skip
            actions.addWidget(widget)
        actions.addStretch(1)
        self.summary = plain_label()
        self.summary.setObjectName("muted")
        actions.addWidget(self.summary)
        actions.addWidget(self.private_button)
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.vote_button)
        # "Ranger": the selection, else the selected group, else the whole board, in a grid
        self.tidy_button = self._button(self.tr("Ranger"), "Ctrl+Shift+R", self.tidy_selection)
        self.tidy_button.setToolTip(
            self.tr(
                "Ranger la sélection, le groupe sélectionné, ou tout le tableau si rien n'est "
                "sélectionné (Ctrl+Shift+R ; Ctrl+Z pour annuler)"
            )
        )
        self.tidy_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions.insertWidget(actions.indexOf(self.fit_button), self.tidy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self.scene.moved.connect(self._moved)
        self.view.moved_by_keys.connect(self._moved)
        self.scene.group_into_requested.connect(self._group_into)
        self.scene.cluster_toggle_requested.connect(self._toggle_cluster)
        self.scene.edit_requested.connect(self.view.edit)
        self.scene.create_requested.connect(self._create_at)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.editor.committed.connect(self._edited)
        self._selection_changed()

    def _button(
        self, text: str, key: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text)
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        button.clicked.connect(slot)
        shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{text} ({shortcut})")
        return button

    def _more_menu(self) -> QMenu:
        menu = QMenu(self)
        self.template_menu = menu.addMenu(self.tr("Modèle de tableau"))
        self.template_menu.addAction(self.tr("Celui de la méthode"), lambda: self._template(None))
        for template in TEMPLATES.values():
            self.template_menu.addAction(
                self.tr(template.name), partial(self._template, template.key)
            )
        menu.addSeparator()
        self.snap_action = menu.addAction(self.tr("Grille magnétique"))
        self.snap_action.setCheckable(True)
        self.snap_action.toggled.connect(self._set_snap)
        self.large_action = menu.addAction(self.tr("Grand texte (projection)"))
        self.large_action.setCheckable(True)
        self.large_action.toggled.connect(self.scene.set_large_text)
        menu.addSeparator()
        self.scope_action = menu.addAction(self.tr("Un seul tableau pour tout l'atelier"))
        self.scope_action.setCheckable(True)
        self.scope_action.triggered.connect(self._toggle_scope)
        self.arrival_action = menu.addAction(
            self.tr("Post-its des téléphones directement sur le tableau")
        )
        self.arrival_action.setCheckable(True)
        self.arrival_action.triggered.connect(self._toggle_arrival)
        menu.addSeparator()
        self.suggest_action = menu.addAction(self.tr("Suggérer des regroupements…"))
        self.suggest_action.setShortcut(QKeySequence(SUGGEST_KEY))
        self.suggest_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.suggest_action.setToolTip(
            self.tr("Sur les post-its sélectionnés, ou sur tous ceux qui ne sont dans aucun groupe")
        )
        self.suggest_action.triggered.connect(self.suggest_groups)
        self.addAction(self.suggest_action)  # the shortcut works with the menu closed
        menu.addAction(self.tr("Exporter en image PNG…"), self.export_png)
        return menu

    def _set_snap(self, on: bool) -> None:
        self.snap = on

    # -- data ----------------------------------------------------------------------------------
    def open(self, workshop_id: int) -> None:
        if workshop_id != self.workshop_id:
            self.workshop_id = workshop_id
            self.phase_id = None
            self._fitted = False
        self.reload()

    def schedule_reload(self) -> None:
        """A full refresh soon: bursts of events are batched into one."""
        self._full_pending = True
        if not self._refresh.isActive():
            self._refresh.start()

    def board_event(self, event: Event) -> None:
        """A board event: post-its just added (phones) are read alone, anything else reloads."""
        if event.op == "board.note_add" and event.ids:
            self._new_ids.update(event.ids)
            if not self._refresh.isActive():
                self._refresh.start()
        else:
            self.schedule_reload()

    def _refresh_now(self) -> None:
        new, self._new_ids = self._new_ids, set()
        if self._full_pending or self.data is None:
            self.reload()
            return
        known = {n.id for n in self.data.notes}
        fresh = [i for i in new if i not in known]
        cards = self.controller.board_new_notes(self.data, fresh) if fresh else ()
        if cards:
            self.set_data(replace(self.data, notes=self.data.notes + tuple(cards)), appended=cards)

    def reload(self) -> None:
        self._full_pending = False
        self._new_ids = set()
        if self.workshop_id is None:
            return
        data = self.controller.board_data(self.workshop_id, self.phase_id)
        if data is None:
            return
        self.set_data(data)

    def set_data(self, data: BoardData, appended: tuple[NoteCard, ...] | None = None) -> None:
        """Show `data`; `appended`: only these post-its are new (a burst from phones), the
        scene adds them without walking the whole board again."""
        phase_changed = self.data is None or self.data.phase_id != data.phase_id
        self.data = data
        if appended is not None and not phase_changed:
            self.scene.add_notes(data, appended)
        else:
            self.scene.set_data(data)
        self.phase_picker.blockSignals(True)
        if self._listed_phases != data.phases:  # rebuilt only when the agenda changed
            self._listed_phases = data.phases
            self.phase_picker.clear()
            self.phase_picker.addItem(self.tr("Séquence en cours (suit la séance)"), None)
            for phase_id, title in data.phases:
                self.phase_picker.addItem(title, phase_id)
        self.phase_picker.setCurrentIndex(
            0 if self.phase_id is None else max(0, self.phase_picker.findData(data.phase_id))
        )
        self.phase_picker.setVisible(data.scope == Scope.PHASE)
        self.phase_picker.blockSignals(False)
        self.private_button.setChecked(data.private)
        self.private_button.setEnabled(data.phase_id is not None)
        hidden = data.hidden_count
        self.reveal_button.setText(
            self.tr("Révéler ({n})").format(n=hidden) if hidden else self.tr("Révéler")
        )
        self.reveal_button.setEnabled(hidden > 0)
        self.scope_action.setChecked(data.scope == Scope.WORKSHOP)
        self.arrival_action.setChecked(data.arrival.value == "board")
        parts = [self.tr("{n} post-it(s)").format(n=len(data.notes))]
        if data.clusters:
            parts.append(self.tr("{n} groupe(s)").format(n=len(data.clusters)))
        if hidden:
            parts.append(self.tr("{n} caché(s)").format(n=hidden))
        self.summary.setText(
            " · ".join(parts)
            if data.notes
            else self.tr("Tableau vide : écrivez le premier post-it ci-dessus")
        )
        if phase_changed or not self._fitted:
            self._fitted = True
            self.view.fit_all()
        self.view.refresh_minimap()
        self.loaded.emit(data)

    # -- intents -------------------------------------------------------------------------------
    def _pick_phase(self, index: int) -> None:
        self.phase_id = self.phase_picker.itemData(index)
        self.reload()

    def free_spot(self) -> tuple[float, float]:
        """A free place near the middle of what the view shows, for a new post-it."""
        centre = self.view.visible_rect().center()
        x0 = round((centre.x() - NOTE_W / 2) / 20) * 20
        y0 = round((centre.y() - NOTE_H / 2) / 20) * 20
        for ring in range(0, 12):
            for dx in range(-ring, ring + 1):
                for dy in range(-ring, ring + 1):
                    if max(abs(dx), abs(dy)) != ring:
                        continue
                    x, y = x0 + dx * (NOTE_W + GAP), y0 + dy * (NOTE_H + GAP)
                    if not any(
                        hasattr(i, "note_id")
                        for i in self.scene.items(QRectF(x, y, NOTE_W, NOTE_H))
                    ):
                        return x, y
        return x0, y0

    def _add_from_entry(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        spot, self._pending_spot = self._pending_spot, None
        x, y = spot if spot is not None else self.free_spot()
        self._add(text, x, y)

    def _add(self, text: str, x: float, y: float) -> None:
        colour = self.colour.currentData()
        change = self.controller.add_note(
            self._wid(),
            text=text,
            phase_id=self._board_phase(),
            colour=colour,
            x=x,
            y=y,
        )
        if change is not None:
            self.entry.clear()
            self.reload()
            new = self.scene.notes.get(change.ids[0]) if change.ids else None
            if new is not None:
                self.scene.clearSelection()
                new.setSelected(True)
                self.view.ensureVisible(new.sceneBoundingRect(), 40, 40)

    def _create_at(self, x: float, y: float) -> None:
        self.entry.setFocus()
        self._pending_spot = (x - NOTE_W / 2, y - NOTE_H / 2)

    def group_selection(self) -> None:
        ids = self.scene.selected_notes()
        if len(ids) < 2:
            self.message.emit(
                self.tr(
                    "Sélectionnez au moins deux post-its (cliquer-glisser autour, ou Ctrl+clic)."
                )
            )
            return
        change = self.controller.group_notes(self._wid(), ids, phase_id=self._board_phase())
        self.reload()
        if change is not None:
            self.message.emit(
                self.tr("Groupe créé : double-cliquez sur son titre pour le replier.")
            )

    def suggest_groups(self) -> None:
        """Suggested groups for the selected post-its (two or more), or for every post-it in no
        group; what she accepts is made in one operation (Ctrl+Z undoes it)."""
        if self.data is None or self.dialogs is None:
            return
        selected = self.scene.selected_notes()
        suggestion = self.controller.suggest_groups(
            self._wid(), selected if len(selected) >= 2 else None, phase_id=self._board_phase()
        )
        if suggestion is None:
            return
        texts = {n.id: n.text for n in self.data.notes}
        chosen = self.dialogs().grouping(suggestion, texts)
        if not chosen:
            return
        change = self.controller.accept_groups(self._wid(), chosen, phase_id=suggestion.phase_id)
        self.reload()
        if change is not None:
            self.message.emit(
                self.tr("{n} groupe(s) créé(s) — Ctrl+Z pour annuler").format(n=len(chosen))
            )

    def ungroup_selection(self) -> None:
        cluster = self.scene.selected_cluster()
        if cluster is None:
            self.message.emit(self.tr("Sélectionnez un groupe (cliquez sur son titre)."))
            return
        self.controller.ungroup(self._wid(), cluster)
        self.reload()

    def delete_selection(self) -> None:
        ids = self.scene.selected_notes()
        if not ids:
            return
        change = self.controller.delete_notes(self._wid(), ids)
        self.reload()
        if change is not None:
            self.message.emit(
                self.tr("{n} post-it(s) supprimé(s) — Ctrl+Z pour annuler").format(n=len(ids))
            )

    def show_all(self) -> None:
        """ "Tout voir": the whole board here; on the projector, the whole board or its groups."""
        self.view.fit_all()
        self.show_all_requested.emit()

    def tidy_selection(self) -> None:
        """Lay out the selected post-its, else the selected group, else the whole board."""
        if self.data is None:
            return
        notes = [i.note_id for i in self.scene.selectedItems() if isinstance(i, NoteItem)]
        groups = [i.cluster_id for i in self.scene.selectedItems() if isinstance(i, ClusterItem)]
        if notes:
            change = self.controller.tidy_board(self._wid(), notes)
        elif groups:
            change = self.controller.tidy_board(self._wid(), cluster_id=groups[0])
        else:
            change = self.controller.tidy_board(self._wid(), phase_id=self._board_phase())
        self.reload()
        if change is not None:
            self.message.emit(self.tr("Tableau rangé — Ctrl+Z pour annuler"))

    def _rename_selected(self) -> None:
        cluster = self.scene.selected_cluster()
        if cluster is None or cluster not in self.scene.clusters or self.dialogs is None:
            return
        title = self.scene.clusters[cluster].card.title
        new = self.dialogs().text(
            self.tr("Renommer le groupe"), self.tr("Titre du groupe :"), title
        )
        if new is not None and new.strip() and new.strip() != title:
            self.rename_cluster(cluster, new)

    def export_png(self) -> None:
        """Save the board as a PNG image (written aside, then moved over the chosen name)."""
        if self.dialogs is None or self.data is None:
            return
        path = self.dialogs().save_file(
            self.tr("Exporter le tableau"),
            f"{self.data.title}.png",
            self.tr("Image PNG (*.png)"),
        )
        if not path:
            return
        try:
            with atomic_output(path) as temp:
                temp.write_bytes(self.png())
        except KnownError as exc:
            self.dialogs().error(error_text(exc))
            return
        self.message.emit(self.tr("Tableau exporté : {path}").format(path=path))

    def _select_all(self) -> None:
        for item in self.scene.notes.values():
            if item.isVisible():
                item.setSelected(True)

    def _search(self, text: str) -> None:
        self._matches = [i.note_id for i in self.scene.highlight(text)]
        self._match_index = -1
        if text.strip():
            self.summary.setText(
                self.tr("{n} résultat(s) pour la recherche").format(n=len(self._matches))
            )

    def _next_match(self) -> None:
        if not self._matches:
            return
        self._match_index = (self._match_index + 1) % len(self._matches)
        item = self.scene.notes[self._matches[self._match_index]]
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_notes()
        self.group_button.setEnabled(len(ids) >= 2)
        self.ungroup_button.setEnabled(self.scene.selected_cluster() is not None)
        self.rename_button.setEnabled(self.scene.selected_cluster() is not None)
        self.delete_button.setEnabled(bool(ids))
        self.duplicate_button.setEnabled(bool(ids))

    def shutdown(self) -> None:
        self._refresh.stop()
        self.view.stop_timers()

    def visible_region(self) -> QRectF:
        return self.view.visible_rect()

    def png(self) -> bytes:
        return board_png(self.scene)


__all__ = ["BoardPanel", "QPointF", "board_png", "workshop_board_png"]

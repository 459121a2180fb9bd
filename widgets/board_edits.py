"""The board panel's edits that go straight to the core and reload: move, group, recolour,
edit, collapse, the phase's private writing, reveal, template, scope and arrivals.

`BoardEdits` is a plain mixin of `widgets.board_panel.BoardPanel` (QWidget first in its bases);
it declares what it uses of the panel, and shows no text of its own (the panel's messages stay
in the panel, under its translation context).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.domain.board import BoardData
from widgets.board_scene import BoardScene, ClusterItem
from widgets.board_view import BoardView
from widgets.controller import Controller


class BoardEdits:
    """What the panel sends to the controller for a gesture, then the board it reads back."""

    controller: Controller
    scene: BoardScene
    view: BoardView
    data: BoardData | None
    workshop_id: int | None
    colour: QComboBox
    snap: bool

    def reload(self) -> None:
        raise NotImplementedError

    def _wid(self) -> int:
        assert self.workshop_id is not None
        return self.workshop_id

    def _board_phase(self) -> int | None:
        return self.data.phase_id if self.data is not None else None

    def _moved(self, notes: list, clusters: list, out_of_group: list | None = None) -> None:
        if not notes and not clusters:
            return
        self.controller.move_notes(
            self._wid(), notes, clusters, snap_to_grid=self.snap,
            out_of_group=out_of_group or [],
        )  # fmt: skip
        self.reload()  # the core's answer, also when it refused

    def _group_into(self, note_ids: list, target: int) -> None:
        target_item = self.scene.notes.get(target)
        if target_item is None:
            return
        cluster = target_item.card.cluster_id
        if cluster is not None:
            self.controller.group_notes(self._wid(), note_ids, into=cluster)
        else:
            self.controller.group_notes(
                self._wid(), [target, *note_ids], phase_id=self._board_phase()
            )
        self.reload()

    def duplicate_selection(self) -> None:
        ids = self.scene.selected_notes()
        if ids:
            self.controller.duplicate_notes(self._wid(), ids)
            self.reload()

    def _recolour_selection(self) -> None:
        ids = self.scene.selected_notes()
        colour = self.colour.currentData()
        clusters = [i.cluster_id for i in self.scene.selectedItems() if isinstance(i, ClusterItem)]
        if clusters:  # a group's title selected: the group and its post-its change colour
            self.controller.update_cluster(self._wid(), clusters[0], colour=colour)
        elif ids:
            self.controller.recolour_notes(self._wid(), ids, colour)
        self.reload()

    def _edited(self, note_id: int, text: str) -> None:
        item = self.scene.notes.get(note_id)
        if item is not None and text.strip() != item.card.text:
            self.controller.edit_note(self._wid(), note_id, text)
            self.reload()

    def rename_cluster(self, cluster_id: int, title: str) -> None:
        self.controller.update_cluster(self._wid(), cluster_id, title=title)
        self.reload()

    def _toggle_cluster(self, cluster_id: int, collapsed: bool) -> None:
        self.controller.update_cluster(self._wid(), cluster_id, collapsed=collapsed)
        self.reload()

    def _toggle_private(self, on: bool) -> None:
        if self.data is None or self.data.phase_id is None:
            return
        self.controller.set_private_writing(self._wid(), self.data.phase_id, on)
        self.reload()

    def reveal(self) -> None:
        if self.data is None:
            return
        self.controller.reveal_notes(self._wid(), self.data.phase_id)
        self.reload()

    def _template(self, key: str | None) -> None:
        if self.data is None or self.data.phase_id is None:
            return
        self.controller.set_board_template(self._wid(), self.data.phase_id, key)
        self.reload()
        self.view.fit_all()

    def _toggle_scope(self, whole: bool) -> None:
        self.controller.set_board_options(self._wid(), scope="workshop" if whole else "phase")
        self.reload()
        self.view.fit_all()

    def _toggle_arrival(self, direct: bool) -> None:
        self.controller.set_board_options(self._wid(), arrival="board" if direct else "inbox")
        self.reload()

"""The board: its reads, and its writes (each the co-facilitation operation it names).

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.domain.board import BoardData
from app.ops import board, grouping
from app.ops.base import Change
from widgets.controls.base import Controls

if TYPE_CHECKING:
    from app.domain.board import NoteCard


class BoardControls(Controls):
    """The board's post-its and groups."""

    # -- the board ------------------------------------------------------------------------------
    def board_data(self, workshop_id: int, phase_id: int | None = None) -> BoardData | None:
        return self._call(board.board_data, self.ctx, workshop_id, phase_id)

    def board_new_notes(self, data: BoardData, note_ids: list[int]) -> tuple[NoteCard, ...]:
        return self._call(board.new_notes, self.ctx, data, note_ids) or ()

    def add_note(
        self,
        workshop_id: int,
        *,
        text: str,
        phase_id: int | None,
        colour: str,
        x: float,
        y: float,
    ) -> Change | None:
        return self._write(
            "board.add_note", board.add_note, workshop_id,
            text=text, phase_id=phase_id, colour=colour, x=x, y=y, author=self.note_author(),
        )  # fmt: skip

    def note_author(self) -> str:
        """Who signs a post-it typed on this laptop: the name in the settings, else the role
        ("Animatrice"; "Co-animation" on a co-facilitator's laptop), never "anonyme"."""
        from app.settings import load_settings

        name = str(load_settings().get("facilitator_name", "") or "").strip()
        return name or ("Co-animation" if getattr(self, "remote", False) else "Animatrice")

    def edit_note(self, workshop_id: int, note_id: int, text: str) -> Change | None:
        return self._write("board.edit_note", board.edit_note, workshop_id, note_id, text)

    def recolour_notes(self, workshop_id: int, note_ids: list[int], colour: str) -> Change | None:
        return self._write("board.recolour", board.recolour, workshop_id, note_ids, colour)

    def move_notes(
        self,
        workshop_id: int,
        notes: Sequence[tuple[int, float, float]],
        clusters: Sequence[tuple[int, float, float]],
        *,
        snap_to_grid: bool,
        out_of_group: list[int],
    ) -> Change | None:
        """Post-its and groups to (id, x, y); those in `out_of_group` leave their group."""
        return self._write(
            "board.move", board.move, workshop_id, notes, clusters,
            snap_to_grid=snap_to_grid, out_of_group=out_of_group,
        )  # fmt: skip

    def delete_notes(self, workshop_id: int, note_ids: list[int]) -> Change | None:
        return self._write("board.delete_notes", board.delete_notes, workshop_id, note_ids)

    def duplicate_notes(self, workshop_id: int, note_ids: list[int]) -> Change | None:
        return self._write("board.duplicate_notes", board.duplicate_notes, workshop_id, note_ids)

    def group_notes(
        self,
        workshop_id: int,
        note_ids: list[int],
        *,
        phase_id: int | None = None,
        into: int | None = None,
    ) -> Change | None:
        """A new group of `note_ids` (in `phase_id`), or them joining the group `into`."""
        return self._write(
            "board.group", board.group, workshop_id, note_ids, phase_id=phase_id, into=into
        )

    def suggest_groups(
        self, workshop_id: int, note_ids: list[int] | None = None, *, phase_id: int | None = None
    ) -> grouping.GroupingSuggestion | None:
        """Groups proposed for `note_ids` (or the board's post-its in no group): leads to
        check, and near-duplicates. Writes nothing."""
        return self._call(
            grouping.suggest, self.ctx, workshop_id, note_ids, phase_id=phase_id, with_groups=True
        )

    def accept_groups(
        self,
        workshop_id: int,
        groups: Sequence[grouping.SuggestedGroup],
        *,
        phase_id: int | None = None,
    ) -> Change | None:
        """The suggested groups she kept, made in one undoable operation."""
        return self._write(
            "board.group_suggested", grouping.accept, workshop_id, list(groups), phase_id=phase_id
        )

    def ungroup(self, workshop_id: int, cluster_id: int) -> Change | None:
        return self._write("board.ungroup", board.ungroup, workshop_id, cluster_id)

    def update_cluster(
        self,
        workshop_id: int,
        cluster_id: int,
        *,
        title: str | None = None,
        colour: str | None = None,
        collapsed: bool | None = None,
    ) -> Change | None:
        return self._write(
            "board.update_cluster", board.update_cluster, workshop_id, cluster_id,
            title=title, colour=colour, collapsed=collapsed,
        )  # fmt: skip

    def tidy_board(
        self,
        workshop_id: int,
        note_ids: list[int] | None = None,
        *,
        cluster_id: int | None = None,
        phase_id: int | None = None,
    ) -> Change | None:
        """ "Ranger": lay out `note_ids`, else the group `cluster_id`, else the board of
        `phase_id`, as one undoable step."""
        return self._write(
            "board.tidy",
            board.tidy,
            workshop_id,
            note_ids,
            cluster_id=cluster_id,
            phase_id=phase_id,
        )

    def reveal_notes(self, workshop_id: int, phase_id: int | None) -> Change | None:
        return self._write("board.reveal", board.reveal, workshop_id, phase_id)

    def set_private_writing(self, workshop_id: int, phase_id: int, private: bool) -> Change | None:
        return self._write("board.set_private", board.set_private, workshop_id, phase_id, private)

    def set_board_template(
        self, workshop_id: int, phase_id: int, template: str | None
    ) -> Change | None:
        return self._write(
            "board.set_template", board.set_template, workshop_id, phase_id, template
        )

    def set_board_options(
        self, workshop_id: int, *, scope: str | None = None, arrival: str | None = None
    ) -> Change | None:
        """The board's scope ("workshop" or "phase") or where phones' post-its arrive."""
        return self._write(
            "board.set_options", board.set_options, workshop_id, scope=scope, arrival=arrival
        )

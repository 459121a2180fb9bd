"""Suggested groups for the board's post-its: read them, rename them, accept all or one.

The dialog shows a `GroupingSuggestion` (`app.ops.grouping.suggest`): the groups as rough leads
("pistes": measured far from a facilitator's own grouping, see `app/ops/grouping.py`), then the
near-duplicates ("×3", the reliable part). It only collects what she keeps: `value()` is the
list of `SuggestedGroup` to make (titles as edited), which the board sends to
`grouping.accept` as one undoable operation. Dismissing changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ops.grouping import GroupingSuggestion, SuggestedGroup
from widgets.text import plain_label

GROUP_ROLE = Qt.ItemDataRole.UserRole  # on a top-level row: its index in `self.groups`
PREVIEW = 120  # characters of a post-it shown in the list
OPEN_UP_TO = 8  # a group with more post-its is shown folded (its count beside its title)


class GroupingDialog(QDialog):
    def __init__(
        self,
        suggestion: GroupingSuggestion,
        texts: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggérer des regroupements"))
        self.resize(720, 560)
        # what can be made: the leads, then each near-duplicate set as a small "×3" group
        self.groups: list[SuggestedGroup] = list(suggestion.groups)
        self.duplicate_rows = len(suggestion.duplicates)
        self.groups += [d.as_group() for d in suggestion.duplicates]
        self.chosen: list[SuggestedGroup] = []

        intro = plain_label(
            self.tr(
                "Atelier propose des pistes d'après les mots des post-its. Ce ne sont que des "
                "suggestions, souvent imparfaites : relisez-les, renommez-les (double-clic sur "
                "un titre) et n'acceptez que celles qui ont du sens. Les doublons (×2, ×3…), "
                "des post-its qui disent la même chose, sont plus fiables."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.empty = plain_label(
            self.tr(
                "Rien à proposer : aucun post-it ne semble aller avec un autre, ou ils sont "
                "déjà tous dans des groupes. Sélectionnez des post-its pour n'examiner qu'eux."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("muted")

        self.accept_all_button = QPushButton(self.tr("Tout accepter"))
        self.accept_all_button.setObjectName("primary")
        self.accept_all_button.clicked.connect(self._accept_all)
        self.accept_one_button = QPushButton(self.tr("Accepter ce groupe"))
        self.accept_one_button.clicked.connect(self._accept_one)
        self.dismiss_button = QPushButton(self.tr("Fermer sans rien changer"))
        self.dismiss_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_one_button)
        buttons.addWidget(self.accept_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        leads = len(suggestion.groups)
        if leads:
            self._heading(self.tr("Pistes de regroupement ({n}) — à vérifier").format(n=leads))
        for index, group in enumerate(self.groups):
            if index == leads and self.duplicate_rows:
                self._heading(self.tr("Doublons ({n})").format(n=self.duplicate_rows))
            self._group_row(index, group, texts)
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        nothing = not self.groups
        intro.setVisible(not nothing)
        self.tree.setVisible(not nothing)
        self.empty.setVisible(nothing)
        self.accept_all_button.setVisible(not nothing)
        self.accept_one_button.setVisible(not nothing)
        if nothing:
            self.dismiss_button.setText(self.tr("Fermer"))
            layout.insertStretch(layout.count() - 1, 1)  # the button at the bottom
            self.resize(560, 160)
        self._selection_changed()

    def _heading(self, text: str) -> None:
        row = QTreeWidgetItem(self.tree, [text])
        font = row.font(0)
        font.setBold(True)
        row.setFont(0, font)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _group_row(self, index: int, group: SuggestedGroup, texts: dict[int, str]) -> None:
        count = self.tr("{n} post-its").format(n=len(group.note_ids))
        row = QTreeWidgetItem(self.tree, [group.title, count])
        row.setData(0, GROUP_ROLE, index)
        row.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )
        row.setToolTip(0, self.tr("Double-cliquez pour renommer ce groupe"))
        for note_id in group.note_ids:
            text = " ".join(texts.get(note_id, "").split())
            if len(text) > PREVIEW:
                text = text[: PREVIEW - 1] + "…"
            child = QTreeWidgetItem(row, ["■ " + text])
            child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        row.setExpanded(len(group.note_ids) <= OPEN_UP_TO)

    # -- what she keeps --------------------------------------------------------------------------
    def rows(self) -> list[QTreeWidgetItem]:
        """The rows of the groups that can be accepted, in order."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [i for i in items if i is not None and i.data(0, GROUP_ROLE) is not None]

    def _group(self, row: QTreeWidgetItem) -> SuggestedGroup:
        group = self.groups[int(row.data(0, GROUP_ROLE))]
        return SuggestedGroup(row.text(0).strip() or group.title, group.note_ids)

    def _selected_row(self) -> QTreeWidgetItem | None:
        for item in self.tree.selectedItems():
            row = item if item.parent() is None else item.parent()
            if row is not None and row.data(0, GROUP_ROLE) is not None:
                return row
        return None

    def _selection_changed(self) -> None:
        self.accept_one_button.setEnabled(self._selected_row() is not None)

    def _accept_one(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.chosen = [self._group(row)]
            self.accept()

    def _accept_all(self) -> None:
        """Every lead, then each near-duplicate set none of whose post-its is taken already."""
        taken: set[int] = set()
        self.chosen = []
        for row in self.rows():
            group = self._group(row)
            if taken.isdisjoint(group.note_ids):
                self.chosen.append(group)
                taken.update(group.note_ids)
        self.accept()

    def value(self) -> list[SuggestedGroup]:
        return list(self.chosen)


__all__ = ["GroupingDialog"]

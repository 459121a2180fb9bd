"""'Suggérer des regroupements…' on the board: accept all, accept one, dismiss, undo."""

from __future__ import annotations

from board_helpers import open_board
from PySide6.QtCore import Qt

from app.ops import board

TEXTS = [
    "Covoiturage entre agents des administrations",
    "Covoiturage entre agents des administrations",
    "Covoiturage entre agents des administrations",
    "Navette depuis la gare le matin",
    "Navette depuis la gare le soir",
    "Navette gare matin et soir",
    "Cantine avec des produits locaux",
    "Cantine produits locaux et de saison",
    "Produits locaux à la cantine",
    "Parking vélo sécurisé",
    "Parking vélo abrité et sécurisé",
]


def _board(make_window, qtbot):
    window, ctx, wid, panel = open_board(make_window, qtbot)
    phase = panel.data.phase_id
    for i, text in enumerate(TEXTS):
        board.add_note(ctx, wid, text=text, phase_id=phase, x=(i % 4) * 220, y=(i // 4) * 160)
    panel.reload()
    return window, ctx, wid, panel


def _suggest(qtbot, panel):
    qtbot.keyClick(panel.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)  # fmt: skip


def test_accept_all_makes_every_group_in_one_undoable_operation(make_window, qtbot):
    window, ctx, wid, panel = _board(make_window, qtbot)
    seen: list[int] = []

    def accept_all(dialog):
        seen.append(len(dialog.rows()))
        assert "suggestions" in dialog.findChildren(type(dialog.empty))[0].text()
        dialog.accept_all_button.click()

    window.dialogs.groupings.append(accept_all)
    panel.view.setFocus()
    _suggest(qtbot, panel)
    assert window.dialogs.asked == ["grouping"] and seen[0] >= 2
    clusters = board.board_data(ctx, wid, panel.data.phase_id).clusters
    assert len(clusters) >= 2 and len(panel.scene.clusters) == len(clusters)
    # near-duplicates and leads together: no post-it in two groups
    members = [i for c in clusters for i in c.note_ids]
    assert len(members) == len(set(members))
    # one Ctrl+Z takes them all back
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert "suggéré" in window.undo_action.text()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not board.board_data(ctx, wid, panel.data.phase_id).clusters)
    qtbot.waitUntil(lambda: not panel.scene.clusters)


def test_accept_one_group_with_its_edited_title(make_window, qtbot):
    window, ctx, wid, panel = _board(make_window, qtbot)
    chosen: list[tuple[int, ...]] = []

    def accept_one(dialog):
        row = dialog.rows()[0]
        row.setText(0, "Venir ensemble")
        dialog.tree.setCurrentItem(row.child(0))  # a post-it of the group: the group
        assert dialog.accept_one_button.isEnabled()
        chosen.append(dialog.groups[0].note_ids)
        dialog.accept_one_button.click()

    window.dialogs.groupings.append(accept_one)
    panel.suggest_groups()
    (cluster,) = board.board_data(ctx, wid, panel.data.phase_id).clusters
    assert cluster.title == "Venir ensemble"
    assert set(cluster.note_ids) == set(chosen[0])


def test_dismiss_changes_nothing(make_window, qtbot):
    window, ctx, wid, panel = _board(make_window, qtbot)
    before = board.board_data(ctx, wid, panel.data.phase_id)
    window.dialogs.groupings.append(lambda dialog: dialog.dismiss_button.click())
    panel.suggest_groups()
    assert window.dialogs.asked == ["grouping"]
    after = board.board_data(ctx, wid, panel.data.phase_id)
    assert after.clusters == () and after.notes == before.notes


def test_nothing_to_suggest_says_so(make_window, qtbot):
    window, ctx, wid, panel = _board(make_window, qtbot)
    ids = [n.id for n in panel.data.notes]
    board.group(ctx, wid, ids, phase_id=panel.data.phase_id)  # every post-it in a group
    panel.reload()
    shown: list[tuple[bool, bool, str]] = []

    def look(dialog):
        shown.append(
            (dialog.tree.isHidden(), dialog.accept_all_button.isHidden(), dialog.empty.text())
        )
        dialog.dismiss_button.click()

    window.dialogs.groupings.append(look)
    panel.suggest_groups()
    ((tree_hidden, accept_hidden, text),) = shown
    assert tree_hidden and accept_hidden and text.startswith("Rien à proposer")
    assert len(board.board_data(ctx, wid, panel.data.phase_id).clusters) == 1

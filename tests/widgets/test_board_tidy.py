"""'Ranger' on the console's board: the selection, else a group, else the whole board; Ctrl+Z."""

from __future__ import annotations

from board_helpers import journal_ops, open_board
from PySide6.QtCore import Qt

from app.ops import board


def _open_board(make_window, qtbot):
    return open_board(make_window, qtbot)


def _journal(ctx, wid):
    return journal_ops(ctx, wid)


def _spots(ctx, wid):
    return {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}


def _scatter(ctx, wid, pid):
    # far apart, on purpose: "Ranger" brings them into a grid
    spots = [(0, 0), (900, 40), (300, 1300), (1700, 700), (2500, 100)]
    for i, (x, y) in enumerate(spots):
        board.add_note(ctx, wid, text=f"Idée {i}", phase_id=pid, x=x, y=y)


def test_ranger_the_selection_then_undo(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    _scatter(ctx, wid, panel.data.phase_id)
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 5)
    before = _spots(ctx, wid)
    picked = sorted(before)[1:3]
    panel.scene.clearSelection()
    for note_id in picked:
        panel.scene.notes[note_id].setSelected(True)
    panel.view.setFocus()
    qtbot.keyClick(
        panel.view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    after = _spots(ctx, wid)
    assert _journal(ctx, wid)[-1] == "board.tidy"
    assert {i for i in before if after[i] != before[i]} <= set(picked)  # only the selection
    assert after[picked[0]] != before[picked[0]] or after[picked[1]] != before[picked[1]]
    # side by side now: same row or same column
    (ax, ay), (bx, by) = after[picked[0]], after[picked[1]]
    assert ay == by or ax == bx
    assert panel.scene.notes[picked[1]].pos().x() == after[picked[1]][0]  # the view follows
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert "Ranger" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _spots(ctx, wid) == before)
    qtbot.waitUntil(
        lambda: all(
            (item.pos().x(), item.pos().y()) == before[i] for i, item in panel.scene.notes.items()
        )
    )


def test_ranger_the_whole_board_with_the_button_then_undo(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    _scatter(ctx, wid, panel.data.phase_id)
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 5)
    before = _spots(ctx, wid)
    panel.scene.clearSelection()
    assert panel.tidy_button.text() == "Ranger"
    panel.tidy_button.click()
    after = _spots(ctx, wid)
    assert _journal(ctx, wid)[-1] == "board.tidy"
    assert sum(after[i] != before[i] for i in before) >= 4  # the whole board
    span = max(y for _, y in after.values()) - min(y for _, y in after.values())
    assert span < 1300  # brought together
    qtbot.waitUntil(lambda: "Ranger le tableau" in window.undo_action.text())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _spots(ctx, wid) == before)

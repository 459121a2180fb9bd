"""The board in the console, driven with the mouse and the keyboard as a facilitator would."""

from __future__ import annotations

import subprocess
from pathlib import Path

from board_helpers import journal_ops, open_board
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.domain.board import NOTE_H, NOTE_W
from app.domain.clock import FakeClock
from app.ops import board, live, notes, participants
from widgets.board_scene import fit_text

HOSTILE = (Path(__file__).parents[1] / "data" / "hostile-text.txt").read_text(encoding="utf-8")


def _open_board(make_window, qtbot, path=None):
    window, ctx, wid, panel = open_board(make_window, qtbot, path)
    assert window.runner.console.pages.currentWidget() is window.runner.console.board_page
    return window, ctx, wid, panel


def _write(qtbot, panel, text):
    panel.entry.setFocus()
    panel.entry.setText(text)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)


def _viewport_point(panel, scene_point: QPointF) -> QPoint:
    return panel.view.mapFromScene(scene_point)


def _drag(qtbot, panel, start: QPointF, end: QPointF) -> None:
    viewport = panel.view.viewport()
    a, b = _viewport_point(panel, start), _viewport_point(panel, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):  # a few intermediate moves, like a hand
        qtbot.mouseMove(viewport, a + (b - a) * i / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_write_move_group_and_undo_through_the_window(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    assert panel.summary.text() == "Tableau vide : écrivez le premier post-it ci-dessus"
    _write(qtbot, panel, "Covoiturage entre agents")
    _write(qtbot, panel, "Navette depuis la gare")
    assert [n.card.text for n in panel.scene.notes.values()] == [
        "Covoiturage entre agents",
        "Navette depuis la gare",
    ]
    assert panel.entry.text() == ""
    # the two post-its do not sit on each other
    a, b = sorted(panel.scene.notes.values(), key=lambda n: n.note_id)
    assert (
        not a.sceneBoundingRect()
        .adjusted(4, 4, -6, -6)
        .intersects(b.sceneBoundingRect().adjusted(4, 4, -6, -6))
    )
    panel.view.set_zoom(1.0)
    panel.view.centerOn(a)
    # drag the first post-it by 100 units: one operation, stored on release
    before = len(_journal(ctx, wid))
    start = a.pos() + QPointF(NOTE_W / 2, NOTE_H / 2)
    panel.view.ensureVisible(a.sceneBoundingRect().adjusted(-150, -150, 150, 150))
    _drag(qtbot, panel, start, start + QPointF(100, 60))
    stored = {n.id: n for n in board.board_data(ctx, wid).notes}
    assert (stored[a.note_id].x, stored[a.note_id].y) == (a.card.x, a.card.y)
    assert abs(stored[a.note_id].x - (start.x() - NOTE_W / 2 + 100)) < 2
    assert _journal(ctx, wid)[before:] == ["board.move"]
    # rubber band around both, Ctrl+G groups them
    panel.scene.clearSelection()
    for item in (a, b):
        item.setSelected(True)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (cluster,) = board.board_data(ctx, wid).clusters
    assert set(cluster.note_ids) == {a.note_id, b.note_id}
    assert cluster.id in panel.scene.clusters
    # undo from the window's Edit menu / Ctrl+Z, then redo
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert "Regrouper" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not panel.scene.clusters)
    assert window.redo_action.isEnabled()  # at once: Ctrl+Z, Ctrl+Shift+Z in a row work
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: len(panel.scene.clusters) == 1)


def _journal(ctx, wid):
    return journal_ops(ctx, wid)


def test_drop_onto_a_post_it_groups_and_a_cluster_moves_by_its_title(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    a = board.add_note(ctx, wid, text="Vélo", phase_id=pid, x=0, y=100).ids[0]
    b = board.add_note(ctx, wid, text="Marche", phase_id=pid, x=400, y=100).ids[0]
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 2)
    panel.view.set_zoom(1.0)
    panel.view.centerOn(QPointF(300, 170))
    _drag(qtbot, panel, QPointF(100, 170), QPointF(500, 170))  # a dropped onto b
    (cluster,) = board.board_data(ctx, wid).clusters
    assert set(cluster.note_ids) == {a, b}
    qtbot.waitUntil(lambda: cluster.id in panel.scene.clusters)
    item = panel.scene.clusters[cluster.id]
    header = item.header().center()
    before = {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}
    panel.view.centerOn(header)
    _drag(qtbot, panel, header, header + QPointF(0, 200))
    after = {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}
    for note_id in (a, b):
        assert abs(after[note_id][1] - before[note_id][1] - 200) < 2
        assert after[note_id][0] == before[note_id][0]
    # a double-click on the title collapses the cluster: its post-its hide behind one card
    qtbot.mouseDClick(
        panel.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_viewport_point(panel, panel.scene.clusters[cluster.id].header().center()),
    )
    qtbot.waitUntil(lambda: board.board_data(ctx, wid).clusters[0].collapsed)
    qtbot.waitUntil(lambda: not panel.scene.notes[a].isVisible())
    # ungroup from the toolbar with the cluster selected
    panel.scene.clusters[cluster.id].setSelected(True)
    panel.ungroup_button.click()
    assert board.board_data(ctx, wid).clusters == ()
    assert panel.scene.notes[a].isVisible() and panel.scene.notes[b].isVisible()


def test_keyboard_tab_arrows_enter_and_delete(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    first = board.add_note(ctx, wid, text="Premier", phase_id=pid, x=0, y=0).ids[0]
    second = board.add_note(ctx, wid, text="Second", phase_id=pid, x=300, y=0).ids[0]
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 2)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    assert panel.scene.selected_notes() == [first]
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    assert panel.scene.selected_notes() == [second]
    assert panel.scene.focusItem() is panel.scene.notes[second]
    # arrows move the selection (Shift: bigger steps); one operation when the key is released
    before = len(_journal(ctx, wid))
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    stored = {n.id: n for n in board.board_data(ctx, wid).notes}
    assert (stored[second].x, stored[second].y) == (350, 10)
    assert _journal(ctx, wid)[before:] == ["board.move", "board.move"]
    # the arrows did not change the séance's phase while the board had them
    assert live.live_session(ctx, wid).index == 0
    # Enter edits in place; Enter again saves
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    editor = panel.view.editor
    assert editor.isVisible() and editor.toPlainText() == "Second"
    editor.selectAll()
    editor.insertPlainText("Second, corrigé")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert {n.text for n in board.board_data(ctx, wid).notes} == {"Premier", "Second, corrigé"}
    # Delete removes the selection, and Ctrl+Z brings it back
    panel.view.setFocus()
    panel.scene.notes[second].setSelected(True)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [n.text for n in board.board_data(ctx, wid).notes] == ["Premier"]
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {n.text for n in board.board_data(ctx, wid).notes} == {"Premier", "Second, corrigé"}
    # Space with nothing dragged is still the timer's key
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert live.live_session(ctx, wid).timer.state.value == "running"


def test_phone_post_its_written_privately_are_revealed_on_click(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    panel.private_button.click()
    assert board.board_data(ctx, wid).private
    me = participants.check_in(ctx, wid, name="Awa", category="usager", key="a" * 16)
    for i in range(3):
        notes.post_note(ctx, wid, me.participant_id, text=f"Idée secrète {i}", key=f"n-{i:014d}")
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 3)
    assert all(n.card.hidden for n in panel.scene.notes.values())
    assert all(n.toolTip() == "" for n in panel.scene.notes.values())
    assert panel.reveal_button.text() == "Révéler (3)"
    mirror = window.runner.mirror
    assert "3 post-it(s) écrit(s)" in mirror.banner.text()
    panel.reveal_button.click()
    qtbot.waitUntil(lambda: not any(n.card.hidden for n in panel.scene.notes.values()))
    assert not panel.reveal_button.isEnabled()


def test_hostile_text_renders_as_typed_and_long_text_is_cut_with_a_tooltip(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    lines = [line[:280] for line in HOSTILE.splitlines() if line.strip()]
    for i, text in enumerate(lines):
        board.add_note(ctx, wid, text=text, phase_id=pid, x=(i % 8) * 220, y=(i // 8) * 160)
    qtbot.waitUntil(lambda: len(panel.scene.notes) == len(lines))
    for item in panel.scene.notes.values():
        fitted = item.fitted
        assert fitted is not None
        shown = fitted.layout.text()
        typed = item.card.text
        # drawn as plain text: what is shown is the text itself, or its beginning and "…"
        assert shown == typed or (
            fitted.cut and shown.endswith("…") and typed.startswith(shown[:-1].rstrip())
        )
        if fitted.cut:
            assert item.toolTip()  # the full text on hover, escaped for the tooltip
            assert "<b>" not in item.toolTip() or "&lt;b&gt;" in item.toolTip()
        # the text stays within the post-it: no line wider than it, however long the words
        for index in range(fitted.layout.lineCount()):
            assert fitted.layout.lineAt(index).naturalTextWidth() <= NOTE_W - 2 * 12 + 1
    panel.view.fit_all()
    image: QImage = panel.view.viewport().grab().toImage()
    assert image.width() > 0
    # a very long word is cut, not overflowing, and the font shrank before the cut
    long_word = fit_text("x" * 280)
    assert long_word.cut and long_word.layout.text().endswith("…")
    assert fit_text("Un post-it court").layout.font().pixelSize() == 19
    assert fit_text("mot " * 40).layout.font().pixelSize() < 19


def test_undo_of_a_board_action_survives_a_restart(make_window, qtbot, db_path):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    ids = [board.add_note(ctx, wid, text=f"N{i}", phase_id=pid, x=i * 220).ids[0] for i in range(3)]
    board.group(ctx, wid, ids, title="Avant redémarrage")
    qtbot.waitUntil(lambda: len(panel.scene.clusters) == 1)
    window.close()
    again = make_window(db_path, clock=FakeClock())
    again.start_session(wid)
    again.runner.console.show_board(True)
    qtbot.waitUntil(lambda: again.runner.board.data is not None)
    assert len(again.runner.board.scene.clusters) == 1
    qtbot.waitUntil(lambda: again.undo_action.isEnabled())
    again.undo_action.trigger()
    qtbot.waitUntil(lambda: not again.runner.board.scene.clusters)


def test_export_png_and_search(make_window, qtbot, tmp_path):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    for i, text in enumerate(["Vélo", "Covoiturage", "Vélo électrique"]):
        board.add_note(ctx, wid, text=text, phase_id=pid, x=i * 220)
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 3)
    panel.search.setText("vélo")
    assert panel.summary.text() == "2 résultat(s) pour la recherche"
    assert sorted(n.card.text for n in panel.scene.notes.values() if n.matched) == [
        "Vélo",
        "Vélo électrique",
    ]
    panel.search.clear()
    target = tmp_path / "tableau.png"
    window.dialogs.saves.append(str(target))
    panel.export_png()
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 400
    assert not list(tmp_path.glob(".tableau.png.*"))  # no temporary file left behind
    QApplication.processEvents()


def test_the_compte_rendu_carries_the_picture_of_the_board(make_window, qtbot, tmp_path):
    from app.ops.demo import create_demo

    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.open_workshop(wid)
    out = tmp_path / "compte-rendu.pdf"
    window.dialogs.saves.append(str(out))
    pictures: list[bytes | None] = []
    job = window.controller.report_job

    def spy(workshop_id, path, board_png=None, **others):
        pictures.append(board_png)
        return job(workshop_id, path, board_png=board_png, **others)

    window.controller.report_job = spy
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    (picture,) = pictures
    image = QImage.fromData(picture)
    # the demo's ideation board: 60 post-its in 6 clusters, wider than tall
    assert not image.isNull() and image.width() > image.height() > 300
    # 60 post-its in 6 clusters cannot print with text of 6 pt or more (issue 17): the PDF
    # shows them group by group as cards instead of the picture
    listing = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    sizes = {(int(p[3]), int(p[4])) for p in (line.split() for line in listing.splitlines()[2:])}
    assert (image.width(), image.height()) not in sizes
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "trop de post-its pour tenir lisiblement" in " ".join(text.split())


def test_zoom_pan_and_minimap(make_window, qtbot):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent

    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    for i in range(40):
        board.add_note(
            ctx, wid, text=f"Idée {i}", phase_id=pid, x=(i % 10) * 220, y=(i // 10) * 160
        )
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 40)
    view = panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit all
    fitted = view.zoom()
    assert view.visible_rect().contains(panel.scene.content_rect().adjusted(40, 40, -40, -40))
    qtbot.waitUntil(lambda: not view.minimap.isVisible())
    # the wheel zooms in around the pointer
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)), QPoint(0, 0),
        QPoint(0, 360), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > fitted * 1.4
    # zoomed in, part of the board is out of sight: the minimap shows
    qtbot.waitUntil(lambda: view.minimap.isVisible())
    # a trackpad pinch zooms too
    before = view.zoom()
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
        QPointF(centre), QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)),
        0.5, QPointF(0, 0),
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), pinch)
    assert abs(view.zoom() - before * 1.5) < 1e-6
    # the middle button pans
    h = view.horizontalScrollBar().value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, pos=centre)
    qtbot.mouseMove(view.viewport(), centre + QPoint(-120, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.MiddleButton, pos=centre + QPoint(-120, 0))
    assert view.horizontalScrollBar().value() == h + 120
    # a click on the minimap goes there
    view.minimap.jump.emit(QPointF(0, 0))
    assert view.visible_rect().contains(QPointF(0, 0))
    # the projector's mirror follows what the console shows
    mirror = window.runner.mirror
    qtbot.waitUntil(
        lambda: mirror.view.region is not None and mirror.view.region.contains(QPointF(0, 0))
    )


def test_review_cases_keys_groups_and_refusals(make_window, qtbot):
    window, ctx, wid, panel = _open_board(make_window, qtbot)
    pid = panel.data.phase_id
    a = board.add_note(ctx, wid, text="Vélo", phase_id=pid, x=0, y=100).ids[0]
    b = board.add_note(ctx, wid, text="Marche", phase_id=pid, x=220, y=100).ids[0]
    board.group(ctx, wid, [a, b], title="Mobilité douce")
    qtbot.waitUntil(lambda: len(panel.scene.clusters) == 1)
    (cluster,) = panel.scene.clusters.values()
    view = panel.view
    view.setFocus()
    # with nothing selected, or a group's title selected, the arrows stay on the board
    panel.scene.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    cluster.setSelected(True)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert live.live_session(ctx, wid).index == 0
    moved = {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}
    assert moved[a][1] == moved[b][1] == 110  # the group moved down as a whole (from y=100)
    # a refused move puts the post-it back where the core says it is
    item = panel.scene.notes[a]
    item.setPos(QPointF(float("nan"), 0))
    panel._moved([(a, float("nan"), 0.0)], [])
    assert item.pos() == QPointF(*moved[a])
    # dragging one post-it clear of its group takes it out of the group
    panel.view.set_zoom(1.0)
    start = panel.scene.notes[b].pos() + QPointF(NOTE_W / 2, NOTE_H / 2)
    panel.view.centerOn(start + QPointF(300, 0))
    panel.scene.clearSelection()
    _drag(qtbot, panel, start, start + QPointF(600, 0))
    data = board.board_data(ctx, wid)
    assert {n.id: n.cluster_id for n in data.notes}[b] is None
    assert set(data.clusters[0].note_ids) == {a}
    # Space held: a drag on a post-it pans the board instead of moving the post-it
    before = {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes}
    h = view.horizontalScrollBar().value()
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    target = panel.scene.notes[a].pos() + QPointF(NOTE_W / 2, NOTE_H / 2)
    _drag(qtbot, panel, target, target + QPointF(-80, 0))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert {n.id: (n.x, n.y) for n in board.board_data(ctx, wid).notes} == before
    assert view.horizontalScrollBar().value() != h
    assert live.live_session(ctx, wid).timer.state.value == "ready"  # panning is not a tap


def test_the_board_outside_the_seance_in_the_workshop_editor(make_window, qtbot, tmp_path):
    from app.ops.demo import create_demo

    window = make_window()
    ctx = window.controller.ctx
    wid = create_demo(ctx).workshop_id
    window.open_workshop(wid)
    editor, panel = window.editor, window.editor_board
    editor.tabs.setCurrentIndex(editor.board_index)
    qtbot.waitUntil(lambda: panel.data is not None)
    # no séance running: the fullest board shows (the demo's ideation, 60 post-its, 6 groups)
    assert len(panel.scene.notes) == 60 and len(panel.scene.clusters) == 6
    (first,) = [c for c in panel.scene.clusters.values() if c.card.title == "Le dernier kilomètre"]
    first.setSelected(True)
    window.dialogs.texts.append("Le dernier kilomètre à pied")
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert "Le dernier kilomètre à pied" in {c.title for c in board.board_data(ctx, wid).clusters}
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert "Renommer le groupe" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(
        lambda: "Le dernier kilomètre" in {c.card.title for c in panel.scene.clusters.values()}
    )

"""The editor's "Photos" tab: add (off the GUI thread, by the button or by dropping files),
caption, reorder, remove and undo, with a helpful empty state and French errors."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.ops import photos
from app.ops.workshops import create_workshop


def _photo(path: Path, colour: str, size: tuple[int, int] = (640, 480)) -> str:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG" if path.suffix == ".png" else "JPEG")
    path.write_bytes(out.getvalue())
    return str(path)


def _open_tab(window, qtbot):  # type: ignore[no-untyped-def]
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Photos").workshop_id
    window.open_workshop(wid)
    window.editor.tabs.setCurrentIndex(window.editor.photos_index)
    panel = window.photo_desk.panel
    qtbot.waitUntil(panel.isVisible)
    return wid, panel


def _items(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_add_caption_move_remove_and_undo(make_window, qtbot, tmp_path: Path, job_threads) -> None:
    window = make_window()
    wid, panel = _open_tab(window, qtbot)
    assert panel.stack.currentIndex() == 0  # the empty state says what to do
    assert window.editor.tabs.tabText(window.editor.photos_index) == "Photos"

    files = [
        _photo(tmp_path / "mur-idees.jpg", "orange"),
        _photo(tmp_path / "salle.png", "teal", (300, 600)),
        str(tmp_path / "notes.txt"),
    ]
    Path(files[2]).write_text("pas une photo", encoding="utf-8")
    window.dialogs.photo_files.append(files)
    threads = job_threads(window.controller, "photos_job")
    panel.add_button.click()
    qtbot.waitUntil(lambda: window.photo_desk.task is None, timeout=30_000)
    assert threads == ["report-task"]  # decoding and scaling: not on the GUI thread
    assert window.dialogs.asked[-1] == "Ajouter des photos au compte-rendu"
    assert window.statusBar().currentMessage() == "2 photos ajoutées au compte-rendu."
    # the one left out is said in a dialog, not only in a passing status line
    assert window.dialogs.errors == [
        "Cette photo n'a pas été ajoutée : « notes.txt » n'est pas une photo JPEG ou PNG."
    ]
    window.dialogs.errors.clear()
    assert _items(panel) == ["1. mur-idees.jpg", "2. salle.png"]
    assert panel.stack.currentIndex() == 1 and panel.add_button.isEnabled()
    assert panel.current_id() == photos.list_photos(window.controller.ctx, wid)[-1].id

    # caption, typed as text (never markup)
    panel.select(photos.list_photos(window.controller.ctx, wid)[0].id)
    panel.caption.setFocus()
    panel.caption.selectAll()
    qtbot.keyClicks(panel.caption, "Le mur <b>des idees</b> & co")  # QTest types ASCII only
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _items(panel)[0] == "1. Le mur <b>des idees</b> & co")
    # an undo while the field still has the focus shows the old caption, and leaving the
    # field does not write the undone caption again
    qtbot.waitUntil(lambda: "Légende de la photo" in window.undo_action.text())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _items(panel)[0] == "1. mur-idees.jpg")
    assert panel.caption.text() == ""
    panel.list.setFocus()
    assert _items(panel)[0] == "1. mur-idees.jpg"
    qtbot.waitUntil(window.redo_action.isEnabled)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _items(panel)[0] == "1. Le mur <b>des idees</b> & co")

    # Alt+→ moves the selected photo later; the Edit menu names the step
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: _items(panel) == ["1. salle.png", "2. Le mur <b>des idees</b> & co"])
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Annuler : Photo déplacée")
    assert not panel.later.isEnabled() and panel.earlier.isEnabled()  # it is last now

    # dragging the second thumbnail onto the first moves it there
    grid = panel.list
    grid.setCurrentRow(1)
    mime = grid.model().mimeData([grid.model().index(1, 0)])
    first_spot = grid.visualItemRect(grid.item(0)).center()
    drop = QDropEvent(
        QPointF(first_spot), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    grid.dropEvent(drop)  # Qt delivers a drop only during a real drag: the handler itself
    qtbot.waitUntil(lambda: _items(panel) == ["1. Le mur <b>des idees</b> & co", "2. salle.png"])
    grid.setCurrentRow(0)
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: _items(panel) == ["1. salle.png", "2. Le mur <b>des idees</b> & co"])

    # Delete removes it; Ctrl+Z (the Edit menu) brings it back
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _items(panel) == ["1. salle.png"])
    assert "Ctrl+Z pour la remettre" in window.statusBar().currentMessage()
    qtbot.waitUntil(window.undo_action.isEnabled)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(_items(panel)) == 2)
    assert window.dialogs.errors == []


def test_dropped_files_are_added_and_a_bad_one_alone_says_why(
    make_window, qtbot, tmp_path: Path
) -> None:
    window = make_window()
    wid, panel = _open_tab(window, qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(_photo(tmp_path / "tableau.jpg", "navy"))])
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    panel.dropEvent(drop)  # Qt delivers a drop only during a real drag: the handler itself
    qtbot.waitUntil(lambda: window.photo_desk.task is None and _items(panel) != [])
    assert _items(panel) == ["1. tableau.jpg"]

    broken = tmp_path / "coupee.jpg"
    broken.write_bytes((tmp_path / "tableau.jpg").read_bytes()[:300])
    window.dialogs.photo_files.append([str(broken)])
    panel.add_button.click()
    qtbot.waitUntil(lambda: window.photo_desk.task is None and window.dialogs.errors != [])
    assert window.dialogs.errors == ["« coupee.jpg » est une image abîmée ou incomplète."]
    assert _items(panel) == ["1. tableau.jpg"]  # nothing else changed

    window.dialogs.photo_files.append([])  # she cancels the file dialog
    panel.add_button.click()
    assert (
        window.photo_desk.task is None and len(photos.list_photos(window.controller.ctx, wid)) == 1
    )

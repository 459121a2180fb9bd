"""The window driven like a facilitator would: create, edit, reorder, undo, close, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.model import Status
from app.ops import queries
from app.ops.demo import create_demo
from app.ops.workshops import create_workshop
from widgets.new_workshop_dialog import NewWorkshop


def _phases(window, workshop_id):
    detail = queries.workshop_detail(window.controller.ctx, workshop_id)
    return [(p.title, p.planned_minutes) for p in detail.blocks[0].phases]


def test_empty_home_invites_to_create(make_window):
    window = make_window()
    assert window.home.stack.currentWidget() is window.home.empty
    assert not window.home.open_button.isEnabled()


def test_new_workshop_from_a_format_opens_its_agenda(make_window, qtbot):
    window = make_window()
    window.dialogs.new.append(NewWorkshop("3h", "Lancement du projet mobilité", "Limoges", None))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.editor
    wid = window.editor.workshop_id
    assert window.editor.title.text() == "Lancement du projet mobilité"
    fmt = window.controller.ctx.library.format("3h")
    assert [p.title for p in fmt.blocks[0].phases] == [t for t, _ in _phases(window, wid)]
    assert window.editor.agenda.list.count() == len(fmt.blocks[0].phases)
    assert "sur 3 h" in window.editor.agenda.total.text()
    window.show_home()
    assert window.home.visible_ids() == [wid]


def test_rename_duplicate_archive_delete(make_window):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Atelier de mars").workshop_id
    window.home.select(wid)

    window.dialogs.texts.append("Atelier d'avril")
    window.home.rename_button.click()
    assert queries.workshop_detail(ctx, wid).title == "Atelier d'avril"

    window.home.duplicate_button.click()
    ids = window.home.visible_ids()
    assert len(ids) == 2
    copy_id = next(i for i in ids if i != wid)
    copy = queries.workshop_detail(ctx, copy_id)
    assert copy.title == "Atelier d'avril (copie)" and copy.status == Status.DRAFT

    window.home.select(copy_id)
    window.home.archive_button.click()
    assert window.home.visible_ids() == [wid]
    window.home.show_archived.setChecked(True)
    assert sorted(window.home.visible_ids()) == sorted([wid, copy_id])

    window.home.select(wid)
    window.dialogs.confirms.append(False)
    window.home.delete_button.click()
    assert wid in window.home.visible_ids(), "refusing the confirmation deletes nothing"
    window.dialogs.confirms.append(True)
    window.home.delete_button.click()
    assert wid not in window.home.visible_ids()
    assert "ne peut pas être annulée" in window.dialogs.asked[-1]


def test_cadrage_is_saved_while_typing_and_on_close(make_window, qtbot, db_path: Path):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Cadrage").workshop_id
    window.open_workshop(wid)
    field = window.editor.cadrage.fields["why"]
    field.setFocus()
    qtbot.keyClicks(field, "Les agents viennent seuls en voiture.")
    qtbot.waitUntil(
        lambda: queries.workshop_detail(ctx, wid).cadrage.why.endswith("voiture."), timeout=3000
    )

    objectives = window.editor.cadrage.fields["objectives"]
    qtbot.keyClicks(objectives, "Tester deux pistes")
    window.close()  # before the autosave timer fires
    reopened = make_window(db_path)
    assert (
        queries.workshop_detail(reopened.controller.ctx, wid).cadrage.objectives
        == "Tester deux pistes"
    )


def test_agenda_add_from_library_reorder_durations_undo(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Agenda").workshop_id
    window.open_workshop(wid)
    window.editor.tabs.setCurrentIndex(1)
    agenda = window.editor.agenda
    before = _phases(window, wid)

    library = window.editor.library
    library.search.setText("world café")
    assert library.list.count() >= 1
    key = library.current_key()
    library.add_button.click()
    after_add = _phases(window, wid)
    assert len(after_add) == len(before) + 1
    method = ctx.library.method(key)
    assert after_add[-1][0] == method.name
    assert agenda.current_phase_id() is not None
    assert agenda.list.currentRow() == agenda.list.count() - 1
    assert agenda.total.property("over") is True  # 3 h were already planned
    assert "dépasse de" in agenda.total.text()

    agenda.details.minutes.setValue(50)
    agenda.details.flush()
    assert _phases(window, wid)[-1] == (method.name, 50)

    agenda.list.setFocus()
    qtbot.keyClick(agenda, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _phases(window, wid)[-2] == (method.name, 50)

    window.undo_action.trigger()  # move
    window.undo_action.trigger()  # duration
    assert _phases(window, wid)[-1] == (method.name, method.default_minutes)
    window.undo_action.trigger()  # add
    assert _phases(window, wid) == before
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert len(_phases(window, wid)) == len(before) + 1


def test_undo_survives_a_restart(make_window, db_path: Path):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Redémarrage").workshop_id
    window.open_workshop(wid)
    before = _phases(window, wid)
    first = window.editor.agenda.current_phase_id()
    window.editor.agenda.remove_requested.emit(first)
    assert len(_phases(window, wid)) == len(before) - 1
    window.close()

    again = make_window(db_path)
    again.open_workshop(wid)
    assert again.undo_action.isEnabled()
    assert "Suppression" in again.undo_action.text()
    again.undo_action.trigger()
    assert _phases(again, wid) == before


def test_bad_duration_is_refused_with_a_french_message(make_window):
    window = make_window()
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Durées").workshop_id
    window.open_workshop(wid)
    phase_id = window.editor.agenda.current_phase_id()
    window.controller.update_phase(phase_id, {"planned_minutes": 721})
    assert window.dialogs.errors and "12 heures" in window.dialogs.errors[-1]


def test_hostile_titles_show_as_typed(make_window):
    window = make_window()
    ctx = window.controller.ctx
    hostile = "<b>gras</b> <script>alert(1)</script> & &amp;"
    wid = create_workshop(ctx, format_key="3h", title=hostile).workshop_id
    window.refresh_home()
    assert window.home.table.item(0, 0).text() == hostile
    window.open_workshop(wid)
    assert window.editor.title.text() == hostile
    assert window.editor.title.textFormat() == Qt.TextFormat.PlainText


def test_demo_workshop_opens_with_its_cadrage_and_programme_tab_hidden(make_window):
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.refresh_home()
    window.open_workshop(wid)
    assert "voiture" in window.editor.cadrage.fields["why"].toPlainText()
    assert not window.editor.tabs.isTabVisible(2)


def test_three_months_shows_the_programme(make_window):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3m", title="Incubation").workshop_id
    window.open_workshop(wid)
    assert window.editor.tabs.isTabVisible(2)
    texts = [
        window.editor.programme.list.item(i).text()
        for i in range(window.editor.programme.list.count())
    ]
    assert any("Jalon" in t for t in texts)
    fmt = ctx.library.format("3m")
    assert window.editor.agenda.blocks.count() == len(fmt.blocks)
    QApplication.processEvents()


def test_tooltips_show_typed_text_not_markup(make_window):
    window = make_window()
    ctx = window.controller.ctx
    hostile = '<img src="x"><b>Gras</b> & <script>'
    wid = create_workshop(ctx, format_key="3h", title=hostile).workshop_id
    window.refresh_home()
    row = window.home.visible_ids().index(wid)
    tip = window.home.table.item(row, 0).toolTip()
    assert "&lt;b&gt;Gras&lt;/b&gt;" in tip and "<b>" not in tip
    window.open_workshop(wid)
    assert "<img" not in window.editor.title.toolTip()


def test_a_disabled_delete_button_does_not_look_red(make_window, qtbot):
    """Seen under Xvfb: « Supprimer… » on the home page stayed red while nothing was chosen
    (the others greyed out): a disabled danger button is painted grey."""
    from PySide6.QtGui import QColor

    from widgets.theme import DANGER, STYLE

    window = make_window()
    window.show_home()
    window.home.setStyleSheet(STYLE)  # the theme the application applies
    button = window.home.delete_button
    window.home.table.clearSelection()
    window.home._update_buttons()
    assert not button.isEnabled()
    image = button.grab().toImage()
    red = QColor(DANGER)

    def reddish(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return (
            abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue())
            < 60
        )

    assert not any(reddish(x, y) for x in range(image.width()) for y in range(image.height()))

"""What a workshop leads to, in the window: the action plan edited in place (and undone), the
chantiers followed in any format, their timeline, and the lab-wide list of chantiers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.ops import outcomes, participants, projects, workshops
from app.ops.workshops import create_workshop
from app.store.models import Project
from widgets.actions_panel import DUE, STATUS, WHO, DateEdit


def _chantier(ctx, wid: int, title: str) -> int:
    def add(session):
        row = Project(workshop_id=wid, title=title, created_at=1.0)
        session.add(row)
        session.flush()
        return row.id

    return ctx.db.write(add)


def _open(window, qtbot, format_key="3h", title="Mobilité des agents"):
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key=format_key, title=title).workshop_id
    window.open_workshop(wid)
    return ctx, wid


def _edit(panel, qtbot, row: int, column: int, editor_type):
    table = panel.table
    table.setFocus()
    table.setCurrentCell(row, column)
    table.edit(table.model().index(row, column))
    editor = table.viewport().findChild(editor_type) or table.findChild(editor_type)
    assert editor is not None
    return editor


def _commit(panel, qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits queued
    qtbot.waitUntil(lambda: panel.table.state() != panel.table.State.EditingState)


def test_an_action_is_added_then_edited_in_place_and_undone(make_window, qtbot):
    window = make_window()
    ctx, wid = _open(window, qtbot)
    participants.check_in(ctx, wid, name="Awa Diallo", category="public", key="join-0001-0002")
    editor = window.editor
    panel = window.actions_panel
    assert editor.tabs.tabText(editor.actions_index) == "Actions"
    assert editor.tabs.isTabVisible(editor.actions_index)
    editor.tabs.setCurrentIndex(editor.actions_index)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text().startswith("Aucune action pour l'instant")

    panel.new_what.setText("Rédiger la note au comité")
    qtbot.keyClick(panel.new_what, Qt.Key.Key_Return)
    (action,) = outcomes.actions(ctx, wid)
    assert action.what == "Rédiger la note au comité" and action.status == "a_faire"
    assert panel.stack.currentWidget() is panel.table and panel.table.rowCount() == 1
    assert panel.names == ["Awa Diallo"]  # suggested for "Qui"

    # who: a participant's name links the participant
    line = _edit(panel, qtbot, 0, WHO, QLineEdit)
    assert line.completer() is not None
    line.setText("awa diallo")
    _commit(panel, qtbot, line)
    qtbot.waitUntil(lambda: outcomes.actions(ctx, wid)[0].participant_id is not None)
    qtbot.waitUntil(lambda: panel.table.item(0, WHO).text() == "awa diallo")
    # when: a date, then none
    day = _edit(panel, qtbot, 0, DUE, DateEdit)
    assert day.value() is None and day.specialValueText() == "Sans échéance"
    day.set_value(date(2026, 3, 12))
    _commit(panel, qtbot, day)
    qtbot.waitUntil(lambda: outcomes.actions(ctx, wid)[0].due == date(2026, 3, 12))
    qtbot.waitUntil(lambda: panel.table.item(0, DUE).text() == "12 mars 2026")
    # status: the French labels
    combo = _edit(panel, qtbot, 0, STATUS, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "À faire", "En cours", "Fait", "Abandonnée",
    ]  # fmt: skip
    combo.setCurrentIndex(1)
    _commit(panel, qtbot, combo)
    qtbot.waitUntil(lambda: outcomes.actions(ctx, wid)[0].status == "en_cours")
    qtbot.waitUntil(lambda: panel.table.item(0, STATUS).text() == "En cours")

    # Ctrl+Z, from the table, through the window's undo: one step at a time
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.table.item(0, STATUS).text() == "À faire")
    qtbot.waitUntil(lambda: outcomes.actions(ctx, wid)[0].due == date(2026, 3, 12))
    window.undo()
    qtbot.waitUntil(lambda: panel.table.item(0, DUE).text() == "")
    window.undo()
    qtbot.waitUntil(lambda: panel.table.item(0, WHO).text() == "")
    assert outcomes.actions(ctx, wid)[0].participant_id is None


def test_delete_removes_the_action_and_ctrl_z_brings_it_back(make_window, qtbot):
    window = make_window()
    ctx, wid = _open(window, qtbot, "3j")
    outcomes.create_action(ctx, wid, "Tester la maquette", who="Bruno")
    outcomes.create_action(ctx, wid, "Écrire au SGAR")
    editor, panel = window.editor, window.actions_panel
    editor.tabs.setCurrentIndex(editor.actions_index)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [a.what for a in outcomes.actions(ctx, wid)] == ["Écrire au SGAR"]
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert panel.table.item(0, 0).text() == "Tester la maquette"


def test_a_three_hours_workshop_sets_a_chantier_en_incubation(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Démarrage").workshop_id
    workshops.update_cadrage(ctx, wid, partners="Bordeaux Métropole\nDREAL\nGironde")
    pid = _chantier(ctx, wid, "Navette inter-administrations")
    window.open_workshop(wid)
    editor, panel = window.editor, window.chantiers_panel
    assert not editor.tabs.isTabVisible(2)  # no Programme tab in a 3 heures
    assert editor.tabs.isTabVisible(editor.chantiers_index)
    editor.tabs.setCurrentIndex(editor.chantiers_index)
    assert panel.list.count() == 1 and panel.name.text() == "Navette inter-administrations"
    panel.status.setCurrentIndex(panel.status.findData("en_incubation"))
    panel.status.activated.emit(panel.status.currentIndex())
    assert projects.chantiers(ctx, wid)[0].status == "en_incubation"
    assert "en incubation" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "En incubation" in panel.list.item(0).text())

    # owner, partners among the cadrage's, progress
    panel.owner.setText("Awa Diallo")
    panel.owner.editingFinished.emit()
    assert [panel.partner_list.item(i).text() for i in range(panel.partner_list.count())] == [
        "Bordeaux Métropole", "DREAL", "Gironde",
    ]  # fmt: skip
    panel.partner_list.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: projects.chantiers(ctx, wid)[0].partners == ("DREAL",))
    panel.progress.setValue(40)
    qtbot.waitUntil(lambda: projects.chantiers(ctx, wid)[0].progress == 40)
    assert panel.bar.value() == 40
    c = projects.chantiers(ctx, wid)[0]
    assert (c.owner, c.id) == ("Awa Diallo", pid)
    window.undo()  # the progress
    qtbot.waitUntil(lambda: panel.bar.value() == 0)


def test_a_timeline_entry_is_added_and_removed(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3j", title="Sprint").workshop_id
    _chantier(ctx, wid, "Cantines locales")
    window.open_workshop(wid)
    editor, panel = window.editor, window.chantiers_panel
    editor.tabs.setCurrentIndex(editor.chantiers_index)
    panel.entry_day.set_value(date(2026, 3, 12))
    panel.entry_text.setText("comité du 12 mars : financement acquis")
    qtbot.mouseClick(panel.add_entry_button, Qt.MouseButton.LeftButton)
    (entry,) = projects.chantiers(ctx, wid)[0].entries
    assert (entry.day, entry.text) == (date(2026, 3, 12), "comité du 12 mars : financement acquis")
    qtbot.waitUntil(lambda: panel.timeline.count() == 1)
    assert panel.timeline.item(0).text() == (
        "12 mars 2026 — comité du 12 mars : financement acquis"
    )
    assert panel.entry_text.text() == ""
    assert not panel.remove_entry_button.isEnabled()
    panel.timeline.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_entry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.timeline.count() == 0)
    assert projects.chantiers(ctx, wid)[0].entries == ()


def test_the_lab_wide_list_filters_and_opens_the_workshop(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    first = create_workshop(ctx, format_key="3h", title="Démarrage mobilité").workshop_id
    second = create_workshop(ctx, format_key="3m", title="Incubation alimentation").workshop_id
    workshops.update_cadrage(ctx, second, partners="DREAL\nSGAR")
    _chantier(ctx, first, "Navette inter-administrations")
    cantine = _chantier(ctx, second, "Cantines locales")
    _chantier(ctx, second, "Légumerie partagée")
    projects.update_project(ctx, cantine, status="en_incubation", partners=["SGAR"], owner="Chloé")
    window.all_chantiers_action.trigger()
    dialog = window.all_chantiers
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 3
    dialog.status.setCurrentIndex(dialog.status.findData("en_incubation"))
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "Cantines locales"
    ]
    dialog.status.setCurrentIndex(0)
    dialog.partner.setCurrentIndex(dialog.partner.findData("SGAR"))
    assert dialog.table.rowCount() == 1
    dialog.partner.setCurrentIndex(0)
    dialog.text.setText("navette")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Démarrage mobilité"
    assert dialog.count.text() == "1 chantier(s)"
    dialog.text.setText("chloe")  # the owner, accents ignored
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "Cantines locales"
    ]
    dialog.table.cellDoubleClicked.emit(0, 0)
    assert window.editor.workshop_id == second
    assert window.editor.tabs.currentIndex() == window.editor.chantiers_index
    assert window.chantiers_panel.current().id == cantine
    dialog.close()

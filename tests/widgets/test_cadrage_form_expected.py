"""'Nombre de participants attendus' in the cadrage form: typed, saved, shown again."""

from __future__ import annotations

from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop


def test_the_expected_number_is_saved_from_the_cadrage(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    window.open_workshop(wid)
    form = window.editor.cadrage
    assert form.expected.text() == "Non précisé"
    form.expected.setValue(30)
    form.flush()
    qtbot.waitUntil(lambda: workshop_detail(ctx, wid).cadrage.expected == "30")

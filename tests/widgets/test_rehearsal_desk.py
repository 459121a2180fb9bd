"""Répéter… and Effacer la répétition, driven from the Séance menu as a facilitator would."""

from __future__ import annotations

import os
from pathlib import Path

from app.ops import queries
from app.ops.workshops import create_workshop

SHOTS = Path(os.environ.get("ATELIER_SHOTS", "/tmp/rehearsal-shots"))


def _laid_out(projector) -> bool:
    right = projector.width()
    return (
        projector.qr_area.geometry().right() <= right
        and projector.rehearsal_banner.geometry().right() <= right
    )


def _rehearse(make_window, qtbot, phones=3):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.refresh_home()
    window.home.select(wid)
    desk = window.rehearsal
    desk.speed = 60.0  # the phones arrive within seconds, not minutes
    window.dialogs.numbers.append(phones)
    desk.rehearse_action.trigger()
    return window, ctx, wid, desk


def test_rehearse_opens_a_marked_copy_with_simulated_phones(make_window, qtbot):
    window, ctx, wid, desk = _rehearse(make_window, qtbot)
    assert window.dialogs.asked == ["Répéter l'atelier"]
    rid = window.runner.workshop_id
    assert rid is not None and rid != wid
    assert queries.workshop_detail(ctx, rid).rehearsal_of == wid
    assert window.stack.currentWidget() is window.runner.console
    assert "RÉPÉTITION" in window.windowTitle()
    assert window.runner.console.rehearsal_banner.isVisible()
    assert window.runner.projector.rehearsal_banner.isVisible()
    assert desk.phones is not None and desk.phones_workshop == rid
    qtbot.waitUntil(lambda: desk.phones.stats.joined == 3, timeout=60_000)
    qtbot.waitUntil(lambda: "3 téléphones connectés" in window.statusBar().currentMessage())
    projector = window.runner.projector
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size in ((1366, 768), (1920, 1080)):
        window.resize(*size)
        projector.resize(*size)
        qtbot.waitUntil(lambda: _laid_out(projector))
        window.grab().save(str(SHOTS / f"console-{size[0]}.png"))
        projector.grab().save(str(SHOTS / f"projector-{size[0]}.png"))
    window.show_home()
    assert window.windowTitle() == "Atelier"
    row = window.home.visible_ids().index(rid)
    assert window.home.table.item(row, 2).text() == "Répétition"
    assert window.home.table.item(window.home.visible_ids().index(wid), 2).text() != "Répétition"
    window.home.resize(1366, 768)
    window.grab().save(str(SHOTS / "home-1366.png"))
    assert window.dialogs.errors == []


def test_wipe_asks_then_removes_the_rehearsal_only(make_window, qtbot):
    window, ctx, wid, desk = _rehearse(make_window, qtbot)
    rid = window.runner.workshop_id
    phones = desk.phones
    assert phones is not None
    # no: nothing changes
    window.dialogs.confirms.append(False)
    desk.wipe_action.trigger()
    assert (
        "Effacer la répétition « Répétition — Mobilité des agents » ?" in window.dialogs.asked[-1]
    )
    assert queries.workshop_detail(ctx, rid).rehearsal_of == wid
    assert window.runner.workshop_id == rid and phones.running
    # yes: the phones leave, the séance closes, the rehearsal is gone, the original stays
    window.dialogs.confirms.append(True)
    desk.wipe_action.trigger()
    assert not phones.running and desk.phones is None
    assert window.runner.workshop_id is None
    assert window.stack.currentWidget() is window.home
    ids = [w.id for w in queries.list_workshops(ctx, include_archived=True)]
    assert rid not in ids and wid in ids
    assert window.dialogs.errors == []


def test_wipe_refuses_a_real_workshop(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Le vrai atelier").workshop_id
    window.refresh_home()
    window.home.select(wid)
    window.rehearsal.wipe_action.trigger()
    assert window.dialogs.errors == [
        "« Le vrai atelier » n'est pas une répétition : il ne peut pas être effacé ainsi."
    ]
    assert wid in [w.id for w in queries.list_workshops(ctx, include_archived=True)]


def test_the_seance_menu_offers_rehearsal(make_window, qtbot):
    window = make_window()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Séance")
    texts = [a.text() for a in menu.actions()]
    assert "&Répéter…" in texts and "&Effacer la répétition…" in texts

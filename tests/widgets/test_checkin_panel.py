"""The laptop sees phones arrive and write; she fixes the list by hand."""

from __future__ import annotations

import httpx

from app.domain.clock import FakeClock
from app.ops.workshops import create_workshop, update_cadrage
from widgets.manual_checkin_dialog import ManualCheckIn


def _open(make_window):
    window = make_window(clock=FakeClock(1_795_000_000.0))
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Accueil").workshop_id
    update_cadrage(ctx, wid, partners="Bordeaux Métropole\nDREAL Nouvelle-Aquitaine")
    window.start_session(wid)
    return window, wid


def test_a_phone_checks_in_and_posts_and_the_console_shows_it(make_window, qtbot):
    window, wid = _open(make_window)
    console = window.runner.console
    assert console.checkin.count.text() == "Aucun présent"
    code = window.controller.join_code(wid)
    url = window.runner.projector.qr.text.split("/web/")[0]  # the QR's address, code aside
    token = httpx.post(
        f"{url}/api/join",
        json={"name": "Camille <i>D.</i>", "organisation": "DREAL Nouvelle-Aquitaine",
              "category": "public", "key": "phone-camille-01", "code": code},
        timeout=10,
    ).json()["token"]  # fmt: skip
    # the server thread published the event; the window hears it on its own thread
    qtbot.waitUntil(lambda: console.checkin.table.rowCount() == 1)
    assert console.checkin.table.item(0, 0).text() == "Camille <i>D.</i>"
    assert console.checkin.count.text() == "1 présent(s)"
    assert "Agent public : 1" in console.checkin.breakdown.text()
    assert console.tabs.tabText(console.checkin_index) == "Présents (1)"

    httpx.post(f"{url}/api/notes", json={"text": "Des navettes", "key": "note-camille-1"},
               headers={"Authorization": f"Bearer {token}"}, timeout=10)  # fmt: skip
    qtbot.waitUntil(lambda: console.inbox.list.count() == 1)
    assert console.inbox.list.item(0).text().startswith("Des navettes\n— Camille")
    assert console.tabs.tabText(console.inbox_index) == "Post-its (1)"


def test_check_in_by_hand_rename_and_remove_a_duplicate(make_window, qtbot):
    window, _wid = _open(make_window)
    panel = window.runner.console.checkin
    window.dialogs.manual += [
        ManualCheckIn("Dominique", "Bordeaux Métropole", "public", True),
        ManualCheckIn("Dominique", "Bordeaux Métropole", "public", True),
        None,  # she changed her mind: nothing happens
    ]
    for _ in range(3):
        panel.add_button.click()
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 3).text().endswith("(à la main)")

    panel.table.selectRow(1)
    window.dialogs.texts.append("Dominique Martin")
    panel.rename_button.click()
    assert panel.table.item(1, 0).text() == "Dominique Martin"

    panel.table.selectRow(0)
    window.dialogs.confirms.append(False)
    panel.remove_button.click()
    assert panel.table.rowCount() == 2
    window.dialogs.confirms.append(True)
    panel.remove_button.click()
    assert panel.table.rowCount() == 1
    assert panel.count.text() == "1 présent(s)"
    assert window.dialogs.errors == []


def test_an_empty_room_explains_what_to_do(make_window, qtbot):
    window, _wid = _open(make_window)
    panel = window.runner.console.checkin
    assert panel.empty.isVisibleTo(panel)
    assert "QR code" in panel.empty.text()
    assert not panel.rename_button.isEnabled()

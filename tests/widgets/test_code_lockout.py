"""The facilitator sees that wrong join codes suspended new arrivals, and lifts it, from the
window (Séance › Codes erronés des téléphones…), against the séance's real server."""

from __future__ import annotations

import httpx

from app.domain.clock import FakeClock
from app.ops import live
from app.ops.workshops import create_workshop
from app.server import limits


def test_the_facilitator_sees_and_lifts_the_room_lockout(make_window, qtbot):
    window = make_window(clock=FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Salle ouverte").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    runner = window.runner
    assert runner.server is not None and runner.lockout_action.isEnabled()
    code = live.door(ctx, wid)[1]
    wrong = "".join("2" if c != "2" else "3" for c in code)
    url = runner.server.url
    for n in range(limits.WRONG_PER_ROOM):  # a botnet on the Wi-Fi, one guess per address
        transport = httpx.HTTPTransport(local_address=f"127.0.4.{n + 1}")
        with httpx.Client(base_url=url, timeout=10, transport=transport) as bot:
            assert bot.post("/api/code", json={"code": wrong}).status_code == 403
    transport = httpx.HTTPTransport(local_address="127.0.5.1")
    with httpx.Client(base_url=url, timeout=10, transport=transport) as phone:
        assert phone.post("/api/code", json={"code": code}).json()["code"] == "entree_bloquee"
        window.dialogs.confirms.append(False)  # seen, not lifted
        runner.lockout_action.trigger()
        assert "les nouvelles arrivées sont suspendues" in window.dialogs.asked[-1]
        assert phone.post("/api/code", json={"code": code}).status_code == 429
        window.dialogs.confirms.append(True)  # lifted
        runner.lockout_action.trigger()
        assert phone.post("/api/code", json={"code": code}).status_code == 200
    assert "Blocage levé" in window.statusBar().currentMessage()
    window.dialogs.confirms.append(False)
    runner.lockout_action.trigger()
    assert "Codes erronés depuis une heure : 0" in window.dialogs.asked[-1]
    window.dialogs.confirms.append(True)
    runner.end_action.trigger()
    assert runner.server is None

"""A participant scans the projector: the QR code read from the rendered projector opens the
phone page in Chromium (390 px) with the séance's code already in, straight to the form."""

from __future__ import annotations

import shutil
import subprocess

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database

PHONE = {"width": 390, "height": 844}


def test_the_qr_code_on_the_projector_checks_in_without_typing(browser, qtbot, tmp_path):
    from widgets.live_clock import LiveClock
    from widgets.projector_view import ProjectorView

    db = Database.open(tmp_path / "qr.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    clock = LiveClock(ctx.clock)
    projector = ProjectorView(clock)
    qtbot.addWidget(projector)
    page = browser.new_page(viewport=PHONE)
    try:
        clock.set_session(live.live_session(ctx, wid))
        projector.set_wifi("LaBase-Atelier", "velo-2026")
        projector.set_join_address(f"{server.url}web/", code)
        projector.resize(1920, 1080)
        projector.show()
        qtbot.waitExposed(projector)
        qtbot.waitUntil(lambda: projector.qr_area.geometry().right() <= projector.width())
        qtbot.waitUntil(lambda: projector.qr.geometry().bottom() < projector.qr_area.height())
        shot = tmp_path / "projector.png"
        projector.grab().save(str(shot))
        zbar = shutil.which("zbarimg")
        assert zbar, "zbar-tools is needed (installed by .ci/run)"
        read = subprocess.run(
            [zbar, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=True
        ).stdout.split()
        url = next(line for line in read if line.startswith("http://"))
        assert url == f"{server.url}web/?code={code}"

        page.goto(url)  # what the phone's camera opens
        page.wait_for_selector("#join:not([hidden])")
        assert page.locator("#code-step").is_hidden()  # nothing to type
        assert page.locator("#code").input_value() == code  # the code is already in
        page.fill("#name", "Camille")
        page.check("input[name=category][value=public]")
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")
        assert page.locator("#me").text_content().endswith("Camille")
        assert "code=" not in page.url  # the address no longer shows it once checked in
    finally:
        page.close()
        clock.stop()
        projector.close()
        server.stop()
        db.close()

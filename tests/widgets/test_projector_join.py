"""How phones join, as the projector shows it: the Wi-Fi's QR code, the séance's QR code
(carrying the join code), the address and the code in big type; read back with zbarimg."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.ops import live
from app.ops.workshops import create_workshop
from app.settings import load_settings, save_settings
from app.store.models import Block
from app.system.network import wifi_payload


def _decoded(widget, path: Path) -> set[str]:
    """Every QR code a phone's camera would read on the rendered widget."""
    widget.grab().save(str(path))
    zbar = shutil.which("zbarimg")
    assert zbar, "zbar-tools is needed (installed by .ci/run)"
    out = subprocess.run(
        [zbar, "--quiet", "--raw", "-Sqrcode.binary", str(path)],
        capture_output=True,
        check=True,
    ).stdout
    return {line.decode("utf-8") for line in out.splitlines() if line}


def _settle(qtbot, projector) -> None:
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.qr_area.geometry().right() <= projector.width())
    qtbot.waitUntil(lambda: projector.qr.geometry().bottom() < projector.qr_area.height())


def _open(make_window, clock=None, format_key="3h"):
    window = make_window(clock=clock or FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key=format_key, title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    return window, ctx, wid


@pytest.mark.parametrize(
    ("ssid", "password"),
    [("LaBase-Atelier", 'vélo;2026,"ok":\\'), ('Salle: 3, "Garonne"', "")],
)
def test_two_qr_codes_wifi_then_the_seance(make_window, qtbot, tmp_path, ssid, password):
    settings = load_settings()
    save_settings({**settings, "wifi_ssid": ssid, "wifi_password": password})
    window, ctx, wid = _open(make_window)
    projector = window.runner.projector
    _settle(qtbot, projector)
    code = live.door(ctx, wid)[1]
    assert projector.wifi_qr.isVisible() and projector.qr.isVisible()
    assert projector.wifi_title.text() == "1. Rejoindre le Wi-Fi"
    assert projector.qr_invite.text() == "2. Rejoindre l’atelier"
    assert projector.wifi_name.text() == f"Réseau : {ssid}"
    assert projector.qr_code.text() == code
    assert projector.qr_code_caption.text() == "Code de l’atelier"
    # the Wi-Fi's code is the smaller one: the séance's stays the easy one to scan
    assert projector.wifi_qr.height() < projector.qr.height()
    decoded = _decoded(projector, tmp_path / "projector.png")
    assert decoded == {wifi_payload(ssid, password), projector.qr.text}
    assert projector.qr.text.endswith(f"/web/?code={code}")


def test_without_a_network_name_only_the_seance_qr_code(make_window, qtbot, tmp_path):
    window, ctx, wid = _open(make_window)
    projector = window.runner.projector
    _settle(qtbot, projector)
    assert not projector.wifi_qr.isVisible() and not projector.wifi_title.isVisible()
    assert projector.qr_invite.text() == "Participez avec votre téléphone"
    assert _decoded(projector, tmp_path / "projector.png") == {projector.qr.text}


def test_the_code_is_big_whole_and_the_same_after_a_restart(make_window, qtbot):
    clock = FakeClock()
    window, ctx, wid = _open(make_window, clock)
    projector = window.runner.projector
    _settle(qtbot, projector)
    code = live.door(ctx, wid)[1]
    label = projector.qr_code
    assert label.font().pixelSize() >= 70  # readable from the back of a 60 m² room
    assert label.sizeHint().width() <= projector.qr_area.width()  # never cut
    assert projector.qr_address.font().pixelSize() >= 40
    projector.set_join_code("WMWMW")  # the widest code there can be: smaller, still whole
    assert 70 <= label.font().pixelSize() < 108
    assert label.sizeHint().width() <= projector.qr_area.width()
    projector.set_join_code(code)
    window.runner.console.toggle_button.click()
    window.close()  # the laptop restarts mid-séance

    again = make_window(clock=clock)
    again.open_workshop(wid)
    again.editor.start.click()
    assert again.runner.projector.qr_code.text() == code
    assert again.runner.projector.qr.text.endswith(f"?code={code}")


def test_the_next_seance_keeps_the_workshops_code(make_window, qtbot):
    """The code is the workshop's: a poster printed for the first séance works for the next."""
    window, ctx, wid = _open(make_window, format_key="3j")
    projector = window.runner.projector
    first = live.door(ctx, wid)[1]
    assert projector.join_code == first
    blocks = ctx.db.read(
        lambda s: [b.id for b in s.scalars(select(Block).where(Block.workshop_id == wid))]
    )
    other = next(b for b in blocks if b != live.live_session(ctx, wid).block_id)
    window.runner.open(wid, other)  # another séance of the same workshop, server kept
    assert live.door(ctx, wid)[1] == first
    assert projector.join_code == first
    assert projector.qr.text.endswith(f"?code={first}")
    window.dialogs.confirms.append(True)
    window.runner.end_action.trigger()  # the séance ends: the server and its code go away
    assert window.runner.server is None and not projector.qr_area.isVisible()

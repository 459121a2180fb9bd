"""'Affiche QR code A4/A3…' in the Séance menu: the poster carries what the projector shows
(address and code) and the settings' Wi-Fi; read back with pdftoppm and zbarimg."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.ops.workshops import create_workshop
from app.settings import load_settings, save_settings


def _decoded(pdf: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(tmp_path / "page")], check=True)
    (image,) = tmp_path.glob("page*.png")
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return sorted(out.splitlines())


def test_poster_action_saves_what_the_projector_shows(make_window, qtbot, tmp_path):
    save_settings({**load_settings(), "wifi_ssid": "Atelier-Limoges", "wifi_password": "s3cret"})
    window = make_window()
    runner = window.runner
    assert not any(a.isEnabled() for a in runner.poster_actions)  # no séance yet
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Mobilités").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.waitUntil(lambda: bool(runner.projector.join_code))
    assert all(a.isEnabled() for a in runner.poster_actions)
    titles = [a.text() for a in window.menuBar().actions()]
    seance = window.menuBar().actions()[titles.index("&Séance")].menu()
    assert [a.text() for a in seance.actions()][-2:] == [
        "Affiche QR code A4…",
        "Affiche QR code A3…",
    ]

    out = tmp_path / "affiche.pdf"
    window.dialogs.saves.append(str(out))
    runner.poster_actions[1].trigger()  # A3
    assert window.dialogs.asked[-1] == "Enregistrer l'affiche QR code"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "841.89 x 1190.55" in info and "Affiche QR code — Mobilités" in info
    url, code = runner.projector.join_url, runner.projector.join_code
    assert url.startswith("http://127.0.0.1:") and len(code) == 5
    assert _decoded(out, tmp_path) == [
        "WIFI:T:WPA;S:Atelier-Limoges;P:s3cret;;",
        f"{url}?code={code}",
    ]
    assert str(out) in window.statusBar().currentMessage()

    window.dialogs.saves.append(str(tmp_path / "absent" / "affiche.pdf"))
    runner.poster_actions[0].trigger()
    assert len(window.dialogs.errors) == 1 and "n'existe pas" in window.dialogs.errors[0]

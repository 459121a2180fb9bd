"""'Affiche QR code A4/A3…' in the File menu: before any séance (printed the day before), the
address the phones will use and the workshop's code; during it, what the projector shows; and
the settings' Wi-Fi. Read back with pdftoppm, zbarimg and pdftotext. The code stays the same
when a séance is restarted, until 'Nouveau code pour les téléphones…'."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.ops import live
from app.ops.workshops import create_workshop
from app.settings import load_settings, save_settings
from app.system.network import phones_url
from widgets.session_runner import SERVER_PORT


def _decoded(pdf: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(tmp_path / "page")], check=True)
    (image,) = tmp_path.glob("page*.png")
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return sorted(out.splitlines())


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _file_menu_shown(window) -> list[str]:
    """Open the File menu as she would (its entries update), and name what it offers."""
    window.file_menu.aboutToShow.emit()
    return [a.text() for a in window.file_menu.actions() if a.isVisible()]


def test_the_poster_is_printed_the_day_before_from_the_file_menu(make_window, tmp_path):
    save_settings({**load_settings(), "wifi_ssid": "", "server_host": ""})
    window = make_window()
    runner = window.runner
    names = _file_menu_shown(window)
    assert names.index("Affiche QR code A4…") == names.index("Feuille d'é&margement…") + 1
    # nothing chosen yet: greyed, and saying why (never active and doing nothing)
    assert not any(a.isEnabled() for a in (*runner.poster_actions, runner.renew_code_action))
    assert runner.poster_actions[0].toolTip() == "Ouvrez ou sélectionnez d'abord un atelier."
    assert window.file_menu.toolTipsVisible()

    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    window.refresh_home()
    window.home.select(wid)  # chosen in the list, no séance ever opened
    _file_menu_shown(window)
    assert all(a.isEnabled() for a in runner.poster_actions)
    out = tmp_path / "affiche.pdf"
    window.dialogs.saves.append(str(out))
    runner.poster_actions[0].trigger()
    code = live.join_code(ctx, wid)
    url = phones_url("", SERVER_PORT)  # this computer's likely address
    assert _decoded(out, tmp_path) == [f"{url}?code={code}"]
    assert code in _pdf_text(out) and "Mobilités" in _pdf_text(out)
    assert live.door(ctx, wid)[0] == "absent"  # printing opened no séance

    # the séance opens on the printed code
    window.open_workshop(wid)
    window.editor.start.click()
    assert runner.projector.join_code == code


def test_restarting_a_seance_keeps_the_code_and_renewing_changes_it(make_window, qtbot):
    window = make_window()
    runner = window.runner
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Mobilités").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.waitUntil(lambda: bool(runner.projector.join_code))
    printed = runner.projector.join_code
    window.dialogs.confirms.append(True)
    runner.end_action.trigger()
    assert runner.server is None
    window.open_workshop(wid)
    window.dialogs.confirms.append(True)  # it is finished: she confirms reopening it
    window.editor.start.click()  # the same séance, started again
    qtbot.waitUntil(lambda: bool(runner.projector.join_code))
    assert runner.projector.join_code == printed

    _file_menu_shown(window)
    window.dialogs.confirms.append(False)  # she thinks again: nothing changes
    runner.renew_code_action.trigger()
    assert "ne fonctionneront plus" in window.dialogs.asked[-1]
    assert window.controller.workshop_join_code(wid) == printed
    window.dialogs.confirms.append(True)
    runner.renew_code_action.trigger()
    renewed = window.controller.workshop_join_code(wid)
    assert renewed != printed
    qtbot.waitUntil(lambda: runner.projector.join_code == renewed)  # the projector follows
    assert runner.projector.qr.text.endswith(f"?code={renewed}")
    assert renewed in window.statusBar().currentMessage()


def test_poster_action_saves_what_the_projector_shows(make_window, qtbot, tmp_path):
    save_settings({**load_settings(), "wifi_ssid": "Atelier-Limoges", "wifi_password": "s3cret"})
    window = make_window()
    runner = window.runner
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Mobilités").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.waitUntil(lambda: bool(runner.projector.join_code))
    _file_menu_shown(window)
    assert all(a.isEnabled() for a in runner.poster_actions)

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

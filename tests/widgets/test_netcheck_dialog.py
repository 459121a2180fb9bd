"""Fichier → « Tester le réseau… »: the dialog confirms a phone that reports through the test
server, and until then says what to check."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from app.system.firewall import Firewall
from widgets import netcheck_dialog
from widgets.netcheck_dialog import NetCheckDialog

ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
UFW = Firewall(
    "linux",
    "ufw",
    True,
    "sudo ufw allow 8765/tcp",
    ("/usr/bin/pkexec", "/usr/sbin/ufw", "allow", "8765/tcp"),
)


@pytest.fixture(autouse=True)
def _any_free_port(monkeypatch):
    """Any free port rather than 8765, which other test runs on this machine may hold."""
    monkeypatch.setattr(netcheck_dialog, "SERVER_PORT", 0)


@pytest.fixture
def ufw(monkeypatch):
    monkeypatch.setattr(netcheck_dialog, "detect", lambda port: UFW)


def _open(window) -> NetCheckDialog:
    entry = next(a for a in window.file_menu.actions() if a.text() == "&Tester le réseau…")
    entry.trigger()
    dialog = window.findChild(NetCheckDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_without_a_phone_the_dialog_says_what_to_check(make_window, ufw):
    window = make_window()
    dialog = _open(window)
    assert dialog.url.startswith("http://127.0.0.1:")  # the `server_host` of the settings
    assert dialog.qr.text == dialog.url and dialog.url_label.text().endswith("\n" + dialog.url)
    assert dialog.status.text() == "En attente d'un téléphone…"
    assert dialog.help.isVisible() and not dialog.phones.isVisible()
    assert "même réseau Wi-Fi" in dialog.same_wifi.text() and "127.0.0.1" in dialog.same_wifi.text()
    isolation = dialog.isolation.text()
    assert "isolation des clients" in isolation and "AP isolation" in isolation
    assert "routeur" in isolation and "8 appareils" in isolation
    assert "ufw" in dialog.firewall_text.text()
    assert dialog.command.text() == "sudo ufw allow 8765/tcp"
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "sudo ufw allow 8765/tcp"
    assert dialog.open_button.isVisible()
    dialog.close()


def test_a_phone_reporting_is_confirmed_and_the_server_stops_on_close(make_window, qtbot, ufw):
    window = make_window()
    dialog = _open(window)
    server = dialog.server
    base = f"http://127.0.0.1:{server.port}"
    with qtbot.waitSignal(dialog.phone_seen, timeout=2000):
        answer = httpx.post(
            f"{base}/api/reseau/report",
            json={"key": "a1b2", "round_trip_ms": 12.2},
            headers={"User-Agent": ANDROID},
            timeout=10,
        )
        assert answer.status_code == 200
    assert dialog.status.text() == "Un téléphone a rejoint l'ordinateur (aller-retour : 12 ms)."
    assert dialog.phones.isVisible() and dialog.success.isVisible() and not dialog.help.isVisible()
    assert [dialog.phones.item(i).text() for i in range(dialog.phones.count())] == [
        "Android · Chrome — aller-retour 12 ms"
    ]
    with qtbot.waitSignal(dialog.phone_seen, timeout=2000):
        httpx.post(
            f"{base}/api/reseau/report", json={"key": "c3d4", "round_trip_ms": 40}, timeout=10
        )
    assert dialog.status.text() == "2 téléphones ont rejoint l'ordinateur."
    assert dialog.phones.item(1).text() == "Appareil inconnu — aller-retour 40 ms"

    dialog.close()
    assert not server.running
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/api/reseau/ping", timeout=5)


def test_opening_the_port_asks_first_and_says_how_it_went(make_window, qtbot, ufw, monkeypatch):
    ran: list[Firewall] = []
    monkeypatch.setattr(netcheck_dialog, "open_port", ran.append)
    window = make_window()
    dialog = _open(window)
    window.dialogs.confirms.extend([False, True])
    dialog.open_button.click()  # she says no: nothing runs
    assert ran == [] and "sudo ufw allow 8765/tcp" in window.dialogs.asked[-1]
    with qtbot.waitSignal(dialog._port_opened, timeout=5000):
        dialog.open_button.click()
    assert ran == [UFW]
    assert dialog.open_message.text() == "Le port est ouvert. Refaites le test avec le téléphone."
    dialog.close()


def test_without_pkexec_only_the_command_is_offered(make_window, monkeypatch):
    windows = Firewall("windows", "windows", None, "netsh advfirewall firewall add rule …")
    monkeypatch.setattr(netcheck_dialog, "detect", lambda port: windows)
    window = make_window()
    dialog = _open(window)
    assert "administrateur" in dialog.firewall_text.text()
    assert dialog.command.isVisible() and not dialog.open_button.isVisible()
    dialog.close()

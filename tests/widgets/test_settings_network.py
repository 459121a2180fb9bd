"""The settings offer this computer's addresses for the phones, and warn about hotspots."""

from __future__ import annotations

import ipaddress

from PySide6.QtWidgets import QComboBox, QLineEdit

from app.settings import load_settings
from app.system.network import likely_address, local_addresses
from widgets.settings_dialog import SettingsDialog


def test_the_addresses_are_listed_the_likely_one_by_default(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(path=path)
    qtbot.addWidget(dialog)
    combo = dialog.editors["server_host"]
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == ""  # automatic, unless she chose
    assert combo.currentText() == f"Automatique — {likely_address()} pour l'instant"
    listed = [combo.itemData(i) for i in range(1, combo.count())]
    assert listed == local_addresses()
    assert all(ipaddress.ip_address(a).version == 4 for a in listed)
    warning = dialog.warnings["server_host"]
    assert "8 appareils" in warning.text() and "routeur" in warning.text()

    combo.setCurrentIndex(combo.findData(listed[0]))
    dialog.editors["wifi_ssid"].setText("LaBase-Atelier")
    password = dialog.editors["wifi_password"]
    assert isinstance(password, QLineEdit)
    assert password.echoMode() == QLineEdit.EchoMode.PasswordEchoOnEdit
    password.setText("vélo;2026")
    dialog.accept()
    saved = load_settings(path)
    assert saved["server_host"] == listed[0]
    assert (saved["wifi_ssid"], saved["wifi_password"]) == ("LaBase-Atelier", "vélo;2026")


def test_an_address_from_another_venue_is_kept_but_marked(qtbot, tmp_path):
    from app.settings import save_settings

    path = tmp_path / "settings.json"
    save_settings({"server_host": "203.0.113.9"}, path)
    dialog = SettingsDialog(path=path)
    qtbot.addWidget(dialog)
    combo = dialog.editors["server_host"]
    assert combo.currentData() == "203.0.113.9"
    assert "absente de cet ordinateur" in combo.currentText()


def test_the_chosen_address_is_where_the_server_listens(make_window, qtbot):
    from app.ops.workshops import create_workshop

    window = make_window()
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Réseau").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    server = window.runner.server
    assert server.host == "127.0.0.1"  # chosen in the settings (the test fixture)
    assert window.runner.projector.join_url.startswith("http://127.0.0.1:")

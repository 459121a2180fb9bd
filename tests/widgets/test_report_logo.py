"""The compte-rendu's logo, picked in the settings: it goes on the cover; a file gone missing or
not an image is left out with a message in the status bar, never a crash nor an error dialog."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.ops.demo import create_demo
from app.reports.logo import LogoError, read_logo
from app.settings import load_settings, save_settings
from widgets.settings_dialog import SettingsDialog


def _png(path: Path, width: int = 240, height: int = 80) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5f6b"))
    assert image.save(str(path), "PNG")
    return path


def _cover_images(pdf: Path) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return len(out.splitlines()[2:])


def test_the_settings_pick_and_clear_a_logo(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    logo = _png(tmp_path / "labase.png")
    asked: list[tuple[str, str]] = []

    def open_file(title: str, filters: str) -> str | None:
        asked.append((title, filters))
        return str(logo)

    dialog = SettingsDialog(path=path, open_file=open_file)
    qtbot.addWidget(dialog)
    line = dialog.editors["report_logo"]
    assert isinstance(line, QLineEdit) and line.text() == ""
    dialog.findChild(QPushButton, "chooseImage").click()
    assert asked == [("Logo du compte-rendu", "Images (*.png *.jpg *.jpeg);;Tous les fichiers (*)")]
    assert line.text() == str(logo)
    dialog.accept()
    assert load_settings(path)["report_logo"] == str(logo)

    again = SettingsDialog(path=path, open_file=open_file)
    qtbot.addWidget(again)
    again.findChild(QPushButton, "clearImage").click()
    again.accept()
    assert load_settings(path)["report_logo"] == ""


def test_read_logo_refuses_in_french(tmp_path: Path) -> None:
    assert read_logo(_png(tmp_path / "ok.png"))[:4] == b"\x89PNG"
    with pytest.raises(LogoError, match="introuvable"):
        read_logo(tmp_path / "absent.png")
    text = tmp_path / "notes.png"
    text.write_text("pas une image", encoding="utf-8")
    with pytest.raises(LogoError, match="n'est pas une image PNG ou JPEG"):
        read_logo(text)
    broken = tmp_path / "abime.png"
    broken.write_bytes(_png(tmp_path / "whole.png").read_bytes()[:60])
    with pytest.raises(LogoError, match="abîmée"):
        read_logo(broken)


def _export(window, qtbot, out: Path) -> None:
    window.dialogs.saves.append(str(out))
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)


def test_the_logo_goes_on_the_cover(make_window, qtbot, tmp_path: Path) -> None:
    logo = _png(tmp_path / "labase.png")
    save_settings({**load_settings(), "report_logo": str(logo)})
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.refresh_home()
    window.home.select(wid)
    with_logo = tmp_path / "avec.pdf"
    _export(window, qtbot, with_logo)
    assert window.dialogs.errors == []
    assert window.statusBar().currentMessage() == f"Compte-rendu enregistré : {with_logo}"
    assert _cover_images(with_logo) == 1

    save_settings({**load_settings(), "report_logo": ""})
    without = tmp_path / "sans.pdf"
    _export(window, qtbot, without)
    assert _cover_images(without) == 0


@pytest.mark.parametrize("problem", ["missing", "not an image"])
def test_an_unusable_logo_is_left_out_with_a_message(
    make_window, qtbot, tmp_path: Path, problem: str
) -> None:
    logo = tmp_path / "logo.png"
    if problem == "not an image":
        logo.write_text("<svg/>", encoding="utf-8")
    save_settings({**load_settings(), "report_logo": str(logo)})
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.refresh_home()
    window.home.select(wid)
    out = tmp_path / "cr.pdf"
    _export(window, qtbot, out)
    assert window.dialogs.errors == []
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Compte-rendu enregistré : {out} — Logo des paramètres ignoré : ")
    assert ("introuvable" if problem == "missing" else "n'est pas une image") in message
    assert out.exists() and _cover_images(out) == 0

"""Texts shown whole: the new workshop's format descriptions and the settings' help (the phones'
network, the Wi-Fi warning) are wrapped, never cut, on a 1366×768 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from app.library import load_library
from widgets.new_workshop_dialog import NewWorkshopDialog
from widgets.settings_dialog import SettingsDialog

SCREEN_HEIGHT = 768


def clipped_labels(window: QWidget) -> list[str]:
    """The visible labels whose text does not fit: a wrapped one shorter than its text needs at
    its width, another narrower than its longest line."""
    problems = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        if label.wordWrap():
            needed, has = label.heightForWidth(label.width()), label.height()
        else:
            metrics = label.fontMetrics()
            needed = max(metrics.horizontalAdvance(line) for line in label.text().splitlines())
            has = label.contentsRect().width()
        if needed > has:
            problems.append(f"{label.text()[:60]!r}: {needed} > {has}")
    return problems


def test_the_format_descriptions_show_whole(qtbot) -> None:
    order = {"3h": 0, "3j": 1, "3m": 2}
    formats = sorted(load_library().formats.values(), key=lambda f: order.get(f.key, 9))
    dialog = NewWorkshopDialog(formats, "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= SCREEN_HEIGHT
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert all(f.description in texts for f in formats)  # 3 heures, 3 jours, 3 mois
    assert clipped_labels(dialog) == []


def test_the_settings_help_and_the_wifi_warning_show_whole(qtbot, tmp_path: Path) -> None:
    dialog = SettingsDialog(path=tmp_path / "settings.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.width(), int(SCREEN_HEIGHT * 0.9))  # what a 1366×768 screen leaves
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out: taller than the screen, it scrolls
    assert dialog.warnings["server_host"].isVisibleTo(dialog)
    # the scroll area re-wraps its labels once its scroll bar shows: on the next layout pass
    qtbot.waitUntil(lambda: clipped_labels(dialog) == [])
    # scrolled rather than squeezed: the content is as tall as its wrapped texts need
    content = dialog.scroll_area.widget()
    assert content.height() >= content.heightForWidth(content.width())

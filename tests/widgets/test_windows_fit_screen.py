"""Every screen on the smaller laptop (1366×768): no window needs more than the screen, and every
visible label, button and check box shows its whole text, with the demo workshop's data.

The main window's views (home, the editor's tabs, the séance console's tabs, its board and its
vote tab), the projector, and the dialogs at the size Qt opens them with on that screen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QPushButton,
    QRadioButton,
    QStyle,
    QWidget,
)
from test_labels_fit import clipped_labels  # tests/widgets is on the path

from app.library import load_library
from app.ops.demo import create_demo
from app.ops.workshops import rename_workshop
from widgets import netcheck_dialog
from widgets.bilan_dialog import BilanDialog
from widgets.manual_checkin_dialog import ManualCheckInDialog
from widgets.new_workshop_dialog import NewWorkshopDialog
from widgets.paper_votes_dialog import PaperVotesDialog
from widgets.settings_dialog import SettingsDialog
from widgets.vote_dialog import VoteDialog

SCREEN = QSize(1366, 768)
# ATELIER_FIT_SHOTS=folder saves what each check saw, to look at
SHOTS = os.environ.get("ATELIER_FIT_SHOTS", "")


def too_big(window: QWidget) -> list[str]:
    """A window whose minimum size is larger than the screen cannot be seen whole on it."""
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > SCREEN.width() or need.height() > SCREEN.height():
        return [f"needs {need.width()}×{need.height()}"]
    return []


def _shown(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")  # mnemonics are not drawn


def clipped_buttons(window: QWidget) -> list[str]:
    """The visible buttons and check boxes narrower than their text, icon and indicator."""
    problems = []
    for button in window.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QCheckBox | QRadioButton):
            continue
        if not button.isVisibleTo(window) or not button.text():
            continue
        style = button.style()
        lines = _shown(button.text()).splitlines() or [""]
        needed = max(button.fontMetrics().horizontalAdvance(line) for line in lines)
        if not button.icon().isNull():
            needed += button.iconSize().width() + 4
        if isinstance(button, QPushButton):
            needed += 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        else:
            indicator = QStyle.PixelMetric.PM_IndicatorWidth
            spacing = QStyle.PixelMetric.PM_CheckBoxLabelSpacing
            if isinstance(button, QRadioButton):
                indicator = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
                spacing = QStyle.PixelMetric.PM_RadioButtonLabelSpacing
            needed += style.pixelMetric(indicator, None, button)
            needed += style.pixelMetric(spacing, None, button)
        if needed > button.width():
            problems.append(f"{button.text()[:60]!r}: {needed} > {button.width()}")
    return problems


def problems_of(window: QWidget, name: str) -> list[str]:
    QApplication.processEvents()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))
    found = too_big(window) + clipped_labels(window) + clipped_buttons(window)
    return [f"{name}: {problem}" for problem in found]


def opening_size(dialog: QDialog) -> QSize:
    """What Qt gives a dialog when it opens on the screen: the size it set itself, or else its
    size hint at most two thirds of the screen; at least its minimum size."""
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):  # show() keeps a size it was given
        return dialog.size().boundedTo(SCREEN).expandedTo(dialog.minimumSize())
    hint = dialog.sizeHint()
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        hint.setHeight(layout.totalHeightForWidth(hint.width()))
    capped = hint.boundedTo(QSize(SCREEN.width() * 2 // 3, SCREEN.height() * 2 // 3))
    return capped.expandedTo(dialog.minimumSizeHint()).expandedTo(dialog.minimumSize())


def check_dialog(qtbot, dialog: QDialog, name: str) -> list[str]:
    size = opening_size(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(size)
    found = problems_of(dialog, name)
    dialog.close()
    return found


@pytest.fixture(autouse=True)
def _netcheck_offline(monkeypatch) -> None:
    monkeypatch.setattr(netcheck_dialog, "SERVER_PORT", 0)  # any free port


LONG_WORD = "Anticonstitutionnellement" * 8  # hostile-text.txt: one word, no room to break


# a title of one long word still widens the editor (1899 px), the console (2223 px) and the
# projector (3524 px): its labels are neither elided nor broken inside a word — to fix
LONG_TITLE = pytest.param(LONG_WORD, id="long-title")


@pytest.mark.parametrize("title", [pytest.param("", id="demo"), LONG_TITLE])
def test_the_main_views_fit_a_1366_by_768_screen(make_window, qtbot, title) -> None:
    window = make_window()
    ctx = window.controller.ctx
    wid = create_demo(ctx).workshop_id
    assert wid is not None
    if title:
        rename_workshop(ctx, wid, title)
    window.resize(SCREEN)
    window.refresh_home()
    window.show_home()
    found = problems_of(window, "home")
    window.open_workshop(wid)
    tabs = window.editor.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        found += problems_of(window, f"editor-{index}-{tabs.tabText(index)}")
    window.dialogs.confirms.append(True)  # the demo is finished: reopen its séance
    window.start_session(wid)
    runner = window.runner
    console = runner.console
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        found += problems_of(window, f"console-{index}-{console.tabs.tabText(index)}")
    console.show_board(True)
    qtbot.waitUntil(lambda: runner.board.data is not None)
    found += problems_of(window, "board")
    console.show_board(False)
    projector = runner.projector
    projector.show()
    projector.resize(SCREEN)
    found += problems_of(projector, "projector")
    projector.close()
    assert found == [], "\n".join(found)


def test_the_dialogs_fit_a_1366_by_768_screen(make_window, qtbot, tmp_path) -> None:
    window = make_window()
    window.resize(SCREEN)
    formats = list(load_library().formats.values())
    partners = ["Bordeaux Métropole", "Département de la Gironde", "DREAL Nouvelle-Aquitaine"]
    items = [(f"note:{n}", f"Idée n° {n} : des navettes entre les sites") for n in range(12)]
    found: list[str] = []
    for name, dialog in (
        ("new-workshop", NewWorkshopDialog(formats, "LaBase, Bordeaux", window)),
        ("settings", SettingsDialog(window, path=tmp_path / "settings.json")),
        ("vote", VoteDialog("Vote sur 4 post-it(s) sélectionné(s)", window)),
        ("paper-votes", PaperVotesDialog(items, "gommettes", window)),
        ("manual-check-in", ManualCheckInDialog(partners, window)),
        ("bilan", BilanDialog(date(2026, 3, 1), window)),
    ):
        found += check_dialog(qtbot, dialog, name)
        dialog.deleteLater()
    window.test_network()
    netcheck = window.findChild(netcheck_dialog.NetCheckDialog)
    assert netcheck is not None
    found += check_dialog(qtbot, netcheck, "netcheck")
    window.join_seance()
    join = window.join_dialog
    assert join is not None
    found += check_dialog(qtbot, join, "join")
    assert found == [], "\n".join(found)


def test_the_window_opens_inside_a_small_screen(make_window, qtbot) -> None:
    """On a 1366 × 768 laptop the window opens inside the room the screen leaves, maximised,
    its right edge on screen (seen under Xvfb: 1400 px wide, « Nouvel atelier » cut off)."""
    from PySide6.QtCore import QRect

    from widgets.application import fit_to_screen

    window = make_window()
    window.resize(1400, 860)
    room = QRect(0, 0, SCREEN.width(), SCREEN.height() - 28)  # a panel at the bottom
    assert window.minimumSizeHint().width() <= room.width()
    assert window.minimumSizeHint().height() <= room.height()
    fit_to_screen(window, room)
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.pos() == room.topLeft()

"""'Bilan d'activité…' in the File menu: a period (this year by default), where to save, then
the PDF built off the GUI thread with the compte-rendu's progress bar; read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.activity import Period
from app.ops.demo import create_demo
from widgets.bilan_dialog import BilanDialog


def test_the_period_dialog(qtbot) -> None:
    dialog = BilanDialog(today=date(2026, 5, 4))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.value() == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert ok.isEnabled() and dialog.problem.text() == ""

    dialog.end.setDate(dialog.start.date().addDays(-1))  # ends before it starts
    assert not ok.isEnabled()
    assert "inversez les deux dates" in dialog.problem.text()

    last_year = next(b for b in dialog.findChildren(type(ok)) if b.text() == "L'an dernier")
    last_year.click()
    assert ok.isEnabled() and dialog.value() == Period.year(2025)


def _menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions() if a.text()]


def test_bilan_action_builds_the_pdf_off_the_gui_thread(
    make_window, qtbot, tmp_path: Path, job_threads
):
    window = make_window()
    assert "&Bilan d'activité…" in _menu_texts(window)
    create_demo(window.controller.ctx)  # its séance ran today
    today = date.today()
    window.dialogs.periods.append(Period(date(today.year - 1, 1, 1), date(today.year, 12, 31)))
    out = tmp_path / "bilan"
    window.dialogs.saves.append(str(out))
    seen: list[int] = []
    window.report_progress.valueChanged.connect(seen.append)
    threads = job_threads(window.controller, "bilan_job")
    window.bilan_action.trigger()
    assert window.dialogs.asked == ["bilan", "Enregistrer le bilan d'activité"]
    assert not window.bilan_action.isEnabled() and not window.report_action.isEnabled()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)

    assert threads == ["report-task"]
    assert seen and seen[-1] == 100 and seen == sorted(seen)
    assert window.bilan_action.isEnabled() and window.report_action.isEnabled()
    pdf = tmp_path / "bilan.pdf"  # the extension added
    assert window.statusBar().currentMessage() == f"Bilan d'activité enregistré : {pdf}"
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "1 séance animée au cours d'un atelier" in text
    assert "25 participations" in text and "Mobilité des agents" in text
    assert window.dialogs.errors == []


def test_bilan_action_cancelled_or_refused(make_window, qtbot, tmp_path: Path):
    window = make_window()
    window.dialogs.periods.append(None)  # she closes the period dialog
    window.bilan_action.trigger()
    assert window.dialogs.asked == ["bilan"] and window.report_task is None

    window.dialogs.periods.append(Period.year(2026))
    window.dialogs.saves.append(str(tmp_path / "absent" / "bilan.pdf"))
    window.bilan_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    assert len(window.dialogs.errors) == 1 and "n'existe pas" in window.dialogs.errors[0]
    assert window.bilan_action.isEnabled() and not window.report_progress.isVisible()

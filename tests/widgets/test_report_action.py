"""'Compte-rendu…' in the window: asks where to save, builds off the GUI thread, shows progress."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.ops.demo import create_demo


def test_report_action_builds_the_pdf_off_the_gui_thread(
    make_window, qtbot, tmp_path: Path, job_threads
):
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.open_workshop(wid)
    out = tmp_path / "compte-rendu.pdf"
    window.dialogs.saves.append(str(out))
    seen: list[int] = []
    window.report_progress.valueChanged.connect(seen.append)
    threads = job_threads(window.controller, "report_job")
    window.report_action.trigger()
    assert window.report_progress.isVisible() and not window.report_action.isEnabled()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)

    assert threads == ["report-task"]  # not the GUI thread
    assert window.dialogs.asked[-1] == "Enregistrer le compte-rendu"
    assert seen and seen[-1] == 100 and seen == sorted(seen)
    assert not window.report_progress.isVisible() and window.report_action.isEnabled()
    assert str(out) in window.statusBar().currentMessage()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Compte-rendu — Mobilité des agents" in info.stdout
    assert window.dialogs.errors == []


def test_report_action_reports_a_bad_folder_and_a_cancel(make_window, qtbot, tmp_path: Path):
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.home.select(wid)  # from the list of workshops, without opening it

    window.dialogs.saves.append(None)  # she cancels the file dialog
    window.report_action.trigger()
    assert window.report_task is None and not window.report_progress.isVisible()

    window.dialogs.saves.append(str(tmp_path / "absent" / "cr"))
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    assert len(window.dialogs.errors) == 1 and "n'existe pas" in window.dialogs.errors[0]
    assert window.report_action.isEnabled() and not window.report_progress.isVisible()
    assert not (tmp_path / "absent").exists()


def test_emargement_and_csv_from_the_file_menu(make_window, qtbot, tmp_path: Path, job_threads):
    """Printed before the séance (blank rows) from the window, not only from the command line;
    the CSV files in a folder she picks."""
    from app.ops.workshops import create_workshop

    window = make_window()
    ctx = window.controller.ctx
    empty = create_workshop(ctx, format_key="3h", title="Demain / à 9 h").workshop_id
    window.open_workshop(empty)
    sheet = tmp_path / "emargement.pdf"
    window.dialogs.saves.append(str(sheet))
    threads = job_threads(window.controller, "emargement_job")
    window.emargement_action.trigger()
    assert not window.csv_action.isEnabled()  # one document at a time
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    assert threads == ["report-task"] and window.csv_action.isEnabled()
    assert window.dialogs.asked[-1] == "Enregistrer la feuille d'émargement"
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True).stdout
    assert "FEUILLE D'ÉMARGEMENT" in text and "Demain / à 9 h" in text and "Signature" in text
    assert "Feuille d'émargement enregistrée" in window.statusBar().currentMessage()

    wid = create_demo(ctx).workshop_id
    window.open_workshop(wid)
    folder = tmp_path / "csv"
    folder.mkdir()
    window.dialogs.folders.append(str(folder))
    window.csv_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["actions.csv", "participants.csv", "post-its.csv", "votes.csv"]
    assert (folder / "votes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert str(folder) in window.statusBar().currentMessage()
    window.dialogs.folders.append(None)  # she cancels: nothing runs
    window.csv_action.trigger()
    assert window.report_task is None and window.dialogs.errors == []

"""Qt fixtures: a window factory that checks for leaks, and fake dialogs."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.library import Format
from app.settings import save_settings
from app.store.db import Database
from widgets.application import build_window
from widgets.grouping_dialog import GroupingDialog
from widgets.main_window import MainWindow
from widgets.manual_checkin_dialog import ManualCheckIn
from widgets.new_workshop_dialog import NewWorkshop

# Offscreen by default; ATELIER_TEST_DISPLAY=1 keeps the real platform to watch a test run.
if not os.environ.get("ATELIER_TEST_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FakeDialogs:
    """Answers the window's questions from queues set by the test."""

    def __init__(self) -> None:
        self.new: list[NewWorkshop | None] = []
        self.texts: list[str | None] = []
        self.confirms: list[bool] = []
        self.errors: list[str] = []
        self.asked: list[str] = []
        self.manual: list[ManualCheckIn | None] = []
        self.saves: list[str | None] = []  # answers to "save as", in order
        self.votes: list[Any] = []  # VoteRequest or None, for "Ouvrir un tour de vote"
        self.papers: list[Any] = []  # PaperVotes or None, for "Ajouter des votes papier"
        self.opens: list[str | None] = []  # answers to "open a file", in order
        self.periods: list[Any] = []  # Period or None, for "Bilan d'activité…"
        self.photo_files: list[list[str]] = []  # answers to "Ajouter des photos…"
        self.folders: list[str | None] = []  # answers to "choose a folder", in order
        # "Suggérer des regroupements…": each answer drives the real dialog (clicks a button)
        self.groupings: list[Callable[[GroupingDialog], None]] = []
        self.grouping_seen: list[GroupingDialog] = []  # the dialogs shown (closed, kept alive)
        self.numbers: list[int | None] = []  # answers to a number's question, in order
        self.choices: list[str | None] = []  # keys chosen among buttons (None: Annuler)
        self.picks: list[str | None] = []  # keys picked in a drop-down list (None: Annuler)
        self.pick_lists: list[list[tuple[str, str]]] = []  # the lists offered
        # « Retour d'expérience »: answers (lists of ReviewAnswer); none left: « Plus tard »
        self.reviews: list[Any] = []
        self.review_items: list[Any] = []  # the methods each one listed

    def new_workshop(self, formats: list[Format], default_place: str) -> NewWorkshop | None:
        self.asked.append("new")
        return self.new.pop(0)

    def manual_check_in(self, partners: list[str]) -> ManualCheckIn | None:
        self.asked.append("manual")
        return self.manual.pop(0)

    def vote_round(self, scope_text: str) -> Any:
        self.asked.append(scope_text)
        return self.votes.pop(0)

    def paper_votes(self, items: list[tuple[str, str]], unit: str) -> Any:
        self.asked.append(f"paper:{unit}:{len(items)}")
        return self.papers.pop(0)

    def grouping(self, suggestion: Any, texts: dict[int, str]) -> Any:
        self.asked.append("grouping")
        dialog = GroupingDialog(suggestion, texts)
        self.grouping_seen.append(dialog)
        self.groupings.pop(0)(dialog)
        dialog.close()
        return dialog.value() if dialog.result() == QDialog.DialogCode.Accepted else None

    def method_reviews(self, items: list[Any]) -> Any:
        self.asked.append("reviews")
        self.review_items.append(items)
        return self.reviews.pop(0) if self.reviews else None

    def text(self, title: str, label: str, value: str = "") -> str | None:
        self.asked.append(title)
        return self.texts.pop(0)

    def number(self, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
        self.asked.append(title)
        return self.numbers.pop(0)

    def confirm(self, title: str, text: str, action: str) -> bool:
        self.asked.append(text)
        return self.confirms.pop(0)

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        self.asked.append(text)
        answer = self.choices.pop(0)
        assert answer is None or answer in dict(choices), (answer, choices)
        return answer

    def pick(self, title: str, label: str, choices: list[tuple[str, str]]) -> str | None:
        self.asked.append(title)
        self.pick_lists.append(choices)
        answer = self.picks.pop(0)
        assert answer is None or answer in dict(choices), (answer, choices)
        return answer

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        self.asked.append(title)
        return self.saves.pop(0)

    def open_file(self, title: str, filters: str) -> str | None:
        self.asked.append(title)
        return self.opens.pop(0)

    def choose_folder(self, title: str) -> str | None:
        self.asked.append(title)
        return self.folders.pop(0)

    def open_photos(self, title: str) -> list[str]:
        self.asked.append(title)
        return self.photo_files.pop(0)

    def bilan_period(self) -> Any:
        self.asked.append("bilan")
        return self.periods.pop(0)

    def error(self, text: str) -> None:
        self.errors.append(text)

    def info(self, title: str, text: str) -> None:
        self.asked.append(title)


def _job_threads(controller: Any, name: str) -> list[str]:
    """Wrap the controller's `name` job factory; the list fills with the names of the threads
    its jobs run on (a document or photos must not be made on the GUI thread)."""
    threads: list[str] = []
    make = getattr(controller, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        inner = make(*args, **kwargs)

        def run(progress: Any) -> Any:
            threads.append(threading.current_thread().name)
            return inner(progress)

        return run

    setattr(controller, name, spy)
    return threads


@pytest.fixture
def job_threads() -> Callable[[Any, str], list[str]]:
    """`job_threads(controller, "report_job")`: the threads that job factory's jobs run on."""
    return _job_threads


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config" / "settings.json"
    monkeypatch.setenv("ATELIER_CONFIG", str(path))
    save_settings({"server_host": "127.0.0.1"}, path)  # the phones' server stays on loopback


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "atelier.sqlite3"


@pytest.fixture
def make_window(qtbot: Any, db_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Build main windows on one database file; on teardown close them and check for leaks."""
    made: list[tuple[MainWindow, Database]] = []

    def factory(path: Path | None = None, clock: Any = None) -> MainWindow:
        db = Database.open(path or db_path)
        window = build_window(db, clock=clock)
        window.dialogs = FakeDialogs()  # type: ignore[assignment]
        window.resize(1400, 860)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        made.append((window, db))
        return window

    yield factory

    for window, db in made:
        window.close()
        running = [
            f"{t.objectName() or t!r} in {t.parent()!r}"
            for t in window.findChildren(QTimer)
            if t.isActive()
        ]
        assert not running, f"QTimers still running after close: {running}"
        window.deleteLater()
        db.close()
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not leaked, f"widgets left open: {leaked}"

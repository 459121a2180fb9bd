"""The File menu's documents: compte-rendu, feuille d'émargement, CSV files, bilan d'activité.

One at a time, each built off the GUI thread by a `ReportTask` from the controller's job, with
a progress bar in the window's status bar; its actions wait while another is written. The
texts keep the main window's translation context ("MainWindow"), where they were first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QProgressBar, QStatusBar

from widgets.board_panel import workshop_board_png
from widgets.controller import Controller
from widgets.dialogs import Dialogs
from widgets.report_task import ReportTask

Job = Callable[[Callable[[float, str], None]], str]


class DocumentDesk(QObject):
    def __init__(
        self,
        window: QMainWindow,
        controller: Controller,
        dialogs: Callable[[], Dialogs],
        workshop: Callable[[], int | None],
        flush: Callable[[], None],
        actions: Callable[[], tuple[QAction, ...]],
    ) -> None:
        """`workshop` names the workshop a document is about (the open one, else the one
        selected), `flush` keeps what she just typed, `actions` are the menu's documents."""
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.dialogs = dialogs
        self.workshop = workshop
        self.flush = flush
        self.actions = actions
        self.task: ReportTask | None = None
        self._texts = ("", "")  # the running document's 'saved' and 'crashed' texts
        self._note = ""  # what was left out of it (a logo that could not be read)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.hide()

    def _status(self) -> QStatusBar:
        return self.window.statusBar()

    # -- the documents ---------------------------------------------------------------------------
    def export_report(self) -> None:
        """Ask where to save the compte-rendu, then build it off the GUI thread."""
        chosen = self._document_workshop()  # (what she just typed belongs in the report)
        if chosen is None:
            return
        workshop_id, title = chosen
        path = self._ask_pdf(
            QCoreApplication.translate("MainWindow", "Enregistrer le compte-rendu"),
            f"Compte-rendu - {title}",
        )
        if not path:
            return
        # the board's picture is drawn here, on the GUI thread (Qt paints there); the PDF is
        # built off it
        picture = workshop_board_png(self.controller, workshop_id)
        logo, problem = self.controller.report_logo()
        self._note = (
            QCoreApplication.translate(
                "MainWindow", "Logo des paramètres ignoré : {problem}"
            ).format(problem=problem)
            if problem
            else ""
        )
        self._start(
            self.controller.report_job(workshop_id, path, board_png=picture, logo_png=logo),
            busy=QCoreApplication.translate("MainWindow", "Préparation du compte-rendu…"),
            done=QCoreApplication.translate("MainWindow", "Compte-rendu enregistré : {path}"),
            crashed=QCoreApplication.translate(
                "MainWindow",
                "Le compte-rendu n'a pas pu être préparé (erreur inattendue). "
                "Le rapport d'erreur est ici : {path}",
            ),
        )

    def export_emargement(self) -> None:
        """The attendance sheet: blank rows to print before the séance, names after."""
        chosen = self._document_workshop()
        if chosen is None:
            return
        workshop_id, title = chosen
        path = self._ask_pdf(
            QCoreApplication.translate("MainWindow", "Enregistrer la feuille d'émargement"),
            f"Émargement - {title}",
        )
        if not path:
            return
        self._note = ""
        self._start(
            self.controller.emargement_job(workshop_id, path),
            busy=QCoreApplication.translate(
                "MainWindow", "Préparation de la feuille d'émargement…"
            ),
            done=QCoreApplication.translate(
                "MainWindow", "Feuille d'émargement enregistrée : {path}"
            ),
            crashed=QCoreApplication.translate(
                "MainWindow",
                "La feuille d'émargement n'a pas pu être préparée (erreur inattendue). "
                "Le rapport d'erreur est ici : {path}",
            ),
        )

    def export_csv(self) -> None:
        """participants.csv, post-its.csv, votes.csv and actions.csv in a folder she picks."""
        chosen = self._document_workshop()
        if chosen is None:
            return
        workshop_id, _title = chosen
        folder = self.dialogs().choose_folder(
            QCoreApplication.translate("MainWindow", "Dossier où enregistrer les fichiers CSV")
        )
        if not folder:
            return
        self._note = ""
        self._start(
            self.controller.csv_job(workshop_id, folder),
            busy=QCoreApplication.translate("MainWindow", "Export CSV…"),
            done=QCoreApplication.translate(
                "MainWindow",
                "Fichiers CSV enregistrés dans {path} : participants, post-its, votes, actions",
            ),
            crashed=QCoreApplication.translate(
                "MainWindow",
                "Les fichiers CSV n'ont pas pu être écrits (erreur inattendue). "
                "Le rapport d'erreur est ici : {path}",
            ),
        )

    def export_bilan(self) -> None:
        """Ask for the period and where to save the bilan d'activité, then build it off the GUI
        thread like the compte-rendu."""
        if self.task is not None and self.task.is_running():
            self._status().showMessage(
                QCoreApplication.translate("MainWindow", "Un document est déjà en préparation…"),
                4000,
            )
            return
        period = self.dialogs().bilan_period()
        if period is None:
            return
        name = (
            f"Bilan d'activité {period.start.year}"
            if period.is_calendar_year
            else f"Bilan d'activité {period.start.isoformat()} - {period.end.isoformat()}"
        )
        path = self._ask_pdf(
            QCoreApplication.translate("MainWindow", "Enregistrer le bilan d'activité"), name
        )
        if not path:
            return
        self._note = ""
        self._start(
            self.controller.bilan_job(period, path),
            busy=QCoreApplication.translate("MainWindow", "Préparation du bilan d'activité…"),
            done=QCoreApplication.translate("MainWindow", "Bilan d'activité enregistré : {path}"),
            crashed=QCoreApplication.translate(
                "MainWindow",
                "Le bilan d'activité n'a pas pu être préparé (erreur inattendue). "
                "Le rapport d'erreur est ici : {path}",
            ),
        )

    def _document_workshop(self) -> tuple[int, str] | None:
        """The workshop a document is about (the open one, else the one selected), with a
        file-name-safe title; None (and a status message) if there is none."""
        if self.task is not None and self.task.is_running():
            self._status().showMessage(
                QCoreApplication.translate("MainWindow", "Un document est déjà en préparation…"),
                4000,
            )
            return None
        workshop_id = self.workshop()
        detail = self.controller.detail(workshop_id) if workshop_id is not None else None
        if workshop_id is None or detail is None:
            self._status().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Ouvrez ou sélectionnez d'abord un atelier."
                ),
                4000,
            )
            return None
        self.flush()
        title = "".join(c if c.isalnum() or c in " -_'" else " " for c in detail.title)
        return workshop_id, " ".join(title.split())[:80]

    def _ask_pdf(self, title: str, name: str) -> str | None:
        """Where to save a PDF (her home folder and `name` suggested); None if she cancels."""
        path = self.dialogs().save_file(
            title,
            str(Path.home() / f"{name}.pdf"),
            QCoreApplication.translate("MainWindow", "Document PDF (*.pdf)"),
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path or None

    # -- the running document --------------------------------------------------------------------
    def _start(self, job: Job, *, busy: str, done: str, crashed: str) -> None:
        """Run a document's job in a ReportTask, with the progress bar in the status bar;
        `done` and `crashed` take the {path} written or of the crash report."""
        task = ReportTask(job, self.window)
        task.progress.connect(self._progress)
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.crashed.connect(self._crashed)
        self.task = task
        self._texts = (done, crashed)
        if self._note:
            busy += " " + self._note
        for action in self.actions():
            action.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._status().showMessage(busy)
        task.start()

    def wait(self) -> None:
        """A document being written is finished, not cut (the window closes)."""
        if self.task is not None:
            self.task.wait()

    def _progress(self, percent: int, _message: str) -> None:
        self.progress.setValue(percent)

    def _finished(self) -> None:
        self.progress.hide()
        for action in self.actions():
            action.setEnabled(True)
        if self.task is not None:
            self.task.wait()
            self.task.deleteLater()
            self.task = None

    def _done(self, path: str) -> None:
        self._finished()
        note = f" — {self._note}" if self._note else ""
        self._status().showMessage(self._texts[0].format(path=path) + note)
        self._note = ""

    def _failed(self, message: str) -> None:
        self._finished()
        self._status().clearMessage()
        self.dialogs().error(message)

    def _crashed(self, exc: object) -> None:
        from app.crash import report_bug

        self._finished()
        self._status().clearMessage()
        where = report_bug(exc) if isinstance(exc, BaseException) else ""
        self.dialogs().error(self._texts[1].format(path=where))

"""The editor's "Photos" tab wired to the core: the panel's requests go through the
controller; reading photos (decoding, turning, scaling) runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.events import Event, Topic
from widgets.controller import Controller
from widgets.photos_panel import PhotosPanel
from widgets.report_task import ReportTask


class PhotoDesk(QObject):
    message = Signal(str)  # a short French status message
    changed = Signal()  # a journaled change: the window refreshes its Edit menu

    def __init__(
        self, controller: Controller, dialogs: Callable[[], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs = dialogs
        self.panel = PhotosPanel(controller.photo_pictures)
        self.workshop_id: int | None = None
        self.task: ReportTask | None = None
        self.panel.pick_requested.connect(self.pick)
        self.panel.add_requested.connect(self.add)
        self.panel.caption_requested.connect(self.controller.caption_photo)
        self.panel.move_requested.connect(self.controller.move_photo)
        self.panel.remove_requested.connect(self._remove)

    def open(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        self.refresh()

    def refresh(self) -> None:
        if self.workshop_id is not None:
            self.panel.set_photos(self.controller.photos(self.workshop_id))

    def on_event(self, event: Event) -> None:
        if event.topic == Topic.PHOTOS and event.workshop_id == self.workshop_id:
            self.refresh()
            self.changed.emit()

    def pick(self) -> None:
        paths = self.dialogs().open_photos(self.tr("Ajouter des photos au compte-rendu"))
        if paths:
            self.add(paths)

    def add(self, paths: list[str]) -> None:
        if self.workshop_id is None or not paths:
            return
        if self.task is not None and self.task.is_running():
            self.message.emit(self.tr("Des photos sont déjà en cours d'ajout…"))
            return
        task = ReportTask(self.controller.photos_job(self.workshop_id, list(paths)), self)
        task.progress.connect(
            lambda percent, _what: self.panel.set_busy(
                True, self.tr("Préparation des photos… {percent} %").format(percent=percent)
            )
        )
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.crashed.connect(self._crashed)
        self.task = task
        self.panel.set_busy(True, self.tr("Préparation des photos…"))
        task.start()

    def _finish(self) -> None:
        self.panel.set_busy(False)
        if self.task is not None:
            self.task.wait()
            self.task.deleteLater()
            self.task = None

    def _done(self, summary: str) -> None:
        self._finish()
        self.refresh()
        self.panel.select(self.panel.last_id())
        added, _, refused = summary.partition("\n")
        self.message.emit(added)
        if refused:  # a photo of a paper board lost without a word would be found too late
            self.dialogs().error(refused)

    def _failed(self, message: str) -> None:
        self._finish()
        self.dialogs().error(message)

    def _crashed(self, exc: object) -> None:
        from app.crash import report_bug

        self._finish()
        where = report_bug(exc) if isinstance(exc, BaseException) else ""
        self.dialogs().error(
            self.tr(
                "Les photos n'ont pas pu être ajoutées (erreur inattendue). "
                "Le rapport d'erreur est ici : {path}"
            ).format(path=where)
        )

    def _remove(self, photo_id: int) -> None:
        if self.controller.remove_photo(photo_id) is not None:
            self.message.emit(self.tr("Photo retirée du compte-rendu — Ctrl+Z pour la remettre."))

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.wait()  # a photo being stored is finished, not cut

"""The documents (compte-rendu, émargement, CSV, bilan, archive) and the report's photos.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.activity import Period
from app.errors import KnownError
from app.ops.base import Change
from app.ops.photos import PhotoInfo
from widgets.controls.base import Controls, documents_lang
from widgets.core_errors import error_text

log = logging.getLogger(__name__)


class DocumentControls(Controls):
    """What the documents are made from, as jobs to run off the GUI thread, and the photos."""

    # -- documents ---------------------------------------------------------------------------
    def report_job(
        self,
        workshop_id: int,
        path: str,
        board_png: bytes | None = None,
        logo_png: bytes | None = None,
    ) -> Callable[[Callable[[float, str], None]], str]:
        """The compte-rendu as a job to run off the GUI thread: job(progress) → the path.

        It raises KnownError (a French message) for what the environment did.
        """
        from app.ops.report_data import report_data
        from app.reports.compte_rendu import build_report
        from app.settings import load_settings

        settings = load_settings()
        facilitators = (str(settings.get("facilitator_name", "") or ""),)
        organisation = str(settings.get("organisation", "") or "")
        lang = documents_lang()

        def job(progress: Callable[[float, str], None]) -> str:
            data = report_data(
                self.ctx,
                workshop_id,
                facilitators=facilitators,
                organisation=organisation,
                board_png=board_png,
                logo_png=logo_png,
            )
            build_report(data, path, progress=progress, lang=lang)
            return path

        return job

    def emargement_job(
        self, workshop_id: int, path: str
    ) -> Callable[[Callable[[float, str], None]], str]:
        """The feuille d'émargement as a job off the GUI thread: blank rows before the
        séance, the names of those who checked in after. job(progress) → the path."""
        from app.ops.report_data import attendance_sheet
        from app.reports.emargement import build_emargement
        from app.settings import load_settings

        organisation = str(load_settings().get("organisation", "") or "")
        lang = documents_lang()

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.1, QCoreApplication.translate("DocumentControls", "Liste des présents…"))
            sheet = attendance_sheet(self.ctx, workshop_id, organisation=organisation)
            progress(0.5, QCoreApplication.translate("DocumentControls", "Mise en page…"))
            build_emargement(sheet, path, lang=lang)
            return path

        return job

    def csv_job(
        self, workshop_id: int, folder: str
    ) -> Callable[[Callable[[float, str], None]], str]:
        """The workshop's CSV files (participants, post-its, votes, actions) in `folder`, off
        the GUI thread. job(progress) → the folder."""
        from app.reports.csv_export import export_workshop_csv

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.1, QCoreApplication.translate("DocumentControls", "Lecture de l'atelier…"))
            export_workshop_csv(self.ctx, workshop_id, folder)
            return folder

        return job

    def report_logo(self) -> tuple[bytes | None, str]:
        """The cover's logo chosen in the settings, and why it is left out ("" if it is not):
        a missing or unreadable file never stops a compte-rendu."""
        from app.reports.logo import LogoError, read_logo
        from app.settings import load_settings

        path = str(load_settings().get("report_logo", "") or "").strip()
        if not path:
            return None, ""
        try:
            return read_logo(path), ""
        except LogoError as exc:
            log.warning("logo left out: %s", exc.message)
            return None, error_text(exc)

    def bilan_job(self, period: Period, path: str) -> Callable[[Callable[[float, str], None]], str]:
        """The bilan d'activité of `period` as a job to run off the GUI thread: job(progress)
        → the path. It raises KnownError (a French message) for what the environment did."""
        from app.ops.activity import activity_data
        from app.reports.bilan import build_bilan
        from app.settings import load_settings

        settings = load_settings()
        lang = documents_lang()

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.05, QCoreApplication.translate("DocumentControls", "Lecture des ateliers…"))
            data = activity_data(
                self.ctx,
                period,
                organisation=str(settings.get("organisation", "") or ""),
                author=str(settings.get("facilitator_name", "") or ""),
            )
            build_bilan(data, path, progress=progress, lang=lang)
            return path

        return job

    def export_archive(self, workshop_id: int, path: str) -> bool:
        """The workshop's JSON archive (for 'Importer un atelier' on another laptop); False (the
        error shown) if it could not be written."""
        from app.ops.archive import write_archive

        def write() -> bool:
            write_archive(self.ctx, workshop_id, path)
            return True

        return bool(self._call(write))

    def read_archive(self, path: str) -> tuple[Any, list[tuple[int, str]]] | None:
        """An archive's data and the workshops of the base it holds again ([(id, title)]), or
        None (the French refusal shown)."""
        from app.ops.archive import held_workshops, read_archive

        def read() -> tuple[Any, list[tuple[int, str]]]:
            data = read_archive(path)
            return data, held_workshops(self.ctx, data)

        return self._call(read)

    def import_archive(self, data: Any, if_held: str = "refuse") -> int | None:
        """Recreate a workshop from its archive's data (`read_archive`); its new id, or None
        (the French refusal shown; nothing was changed). `if_held`: see
        `app.ops.archive.import_archive`."""
        from app.ops.archive import import_archive

        change = self._call(import_archive, self.ctx, data, if_held=if_held)
        return None if change is None else change.workshop_id

    def set_project_status(self, project_id: int, status: str) -> Change | None:
        """A decision: a co-facilitator's laptop sends it only when the lead delegated."""
        from app.ops import projects

        return self._write("projects.set_status", projects.set_status, project_id, status)

    # -- photos for the compte-rendu's annexe ---------------------------------------------------
    def photos(self, workshop_id: int) -> list[PhotoInfo]:
        """The workshop's photos without their pictures (see `photo_pictures`)."""
        from app.ops import photos

        return self._call(photos.list_photos, self.ctx, workshop_id, pictures=False) or []

    def photo_pictures(self, photo_ids: list[int]) -> dict[int, bytes]:
        from app.ops import photos

        return self._call(photos.photo_pictures, self.ctx, photo_ids) or {}

    def photos_job(
        self, workshop_id: int, paths: list[str]
    ) -> Callable[[Callable[[float, str], None]], str]:
        """Adding photos as a job to run off the GUI thread (each is decoded, turned and
        scaled): job(progress) → a French summary. The photos that could be read are added
        as one undoable step; the others are named in the summary. KnownError if none."""
        from app.ops import photos

        def job(progress: Callable[[float, str], None]) -> str:
            ready: list[photos.PreparedPhoto] = []
            refused: list[str] = []
            for index, path in enumerate(paths):
                progress(
                    index / max(1, len(paths)),
                    QCoreApplication.translate("DocumentControls", "Photo {n} sur {total}…").format(
                        n=index + 1, total=len(paths)
                    ),
                )
                try:
                    ready.append(photos.read_photo(path))
                except KnownError as exc:
                    refused.append(error_text(exc))
            if not ready:
                raise photos.PhotoError(" ".join(refused) or "Aucune photo à ajouter.")
            photos.add_photos(self.ctx, workshop_id, ready)
            progress(1.0, QCoreApplication.translate("DocumentControls", "Terminé"))
            added = (
                "1 photo ajoutée au compte-rendu."
                if len(ready) == 1
                else f"{len(ready)} photos ajoutées au compte-rendu."
            )
            if refused:  # on a line of its own: the window shows it in a dialog
                added += (
                    "\n"
                    + (
                        "Cette photo n'a pas été ajoutée : "
                        if len(refused) == 1
                        else f"Ces {len(refused)} photos n'ont pas été ajoutées : "
                    )
                    + " ".join(refused)
                )
            return added

        return job

    def caption_photo(self, photo_id: int, caption: str) -> Change | None:
        from app.ops import photos

        return self._call(photos.caption_photo, self.ctx, photo_id, caption)

    def move_photo(self, photo_id: int, step: int) -> Change | None:
        from app.ops import photos

        return self._call(photos.move_photo, self.ctx, photo_id, step)

    def remove_photo(self, photo_id: int) -> Change | None:
        from app.ops import photos

        return self._call(photos.remove_photo, self.ctx, photo_id)

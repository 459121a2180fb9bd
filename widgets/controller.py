"""The window's single door to the core: calls `app.ops`, hands plain data back.

Widgets never see a session or an ORM row. A `KnownError` becomes the `error`
signal (a French message for a dialog); anything else is a bug and propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

from app.domain.activity import Period
from app.domain.board import BoardData
from app.domain.feedback import FeedbackSummary
from app.domain.model import PhaseKind, WorkshopDetail, WorkshopSummary
from app.domain.timer import LiveSession
from app.errors import KnownError
from app.library import Format, Method
from app.ops import (
    agenda,
    board,
    feedback,
    formats,
    grouping,
    live,
    notes,
    participants,
    queries,
    workshops,
)
from app.ops.base import Change, Context, redo, undo
from app.ops.photos import PhotoInfo
from app.ops.votes import ResultLine
from app.replica_files import device_key, replica_folder, replica_path
from app.settings import custom_formats_dir
from widgets.core_text import error_text, language

if TYPE_CHECKING:
    from app.cofac_client import CoFacClient, Pairing
    from app.domain.board import NoteCard
    from app.ops.cofac import CoFacInfo
    from app.ops.notes import BoardNote
    from app.ops.participants import Attendee, CheckInResult
    from app.ops.takeover import TakenOver
    from app.ops.votes import Results, RoundInfo
    from app.rehearsal import Rehearsal, Stats
    from app.reports.i18n import Lang
    from app.server.cofac import CofacHost, Presence
    from app.server.discovery import Advertiser, Browser, Found
    from app.server.netcheck import NetCheck
    from app.server.runner import ServerThread

log = logging.getLogger(__name__)


def _documents_lang() -> Lang:
    """The documents are printed in the window's language."""
    return "en" if language() == "en" else "fr"


T = TypeVar("T")
P = ParamSpec("P")
# an operation of the core on a workshop (or a vote round): ctx, its id, then its arguments
Op = Callable[Concatenate[Context, int, P], Change]


class Controller(QObject):
    error = Signal(str)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return fn(*args, **kwargs)
        except KnownError as exc:
            self.error.emit(error_text(exc.message))
            return None

    def _write(
        self, op: str, fn: Op[P], first: int, /, *args: P.args, **kwargs: P.kwargs
    ) -> Change | None:
        """Run `fn(ctx, first, ...)`, the core's operation named `op` in the co-facilitation
        API (`app.ops.cofac.REMOTE_OPS`, "board.add_note"): a `RemoteController` sends `op`
        to the host instead. `first` is the workshop, or the round of a vote."""
        return self._call(fn, self.ctx, first, *args, **kwargs)

    # -- reads -------------------------------------------------------------------------------
    def workshops(self) -> list[WorkshopSummary]:
        return queries.list_workshops(self.ctx, include_archived=True)

    def detail(self, workshop_id: int) -> WorkshopDetail | None:
        return self._call(queries.workshop_detail, self.ctx, workshop_id)

    def formats(self) -> list[Format]:
        order = {"3h": 0, "3j": 1, "3m": 2}
        return sorted(
            self.ctx.library.formats.values(), key=lambda f: (order.get(f.key, 9), f.name)
        )

    def methods(self) -> list[Method]:
        return sorted(self.ctx.library.methods.values(), key=lambda m: m.name.casefold())

    def method(self, key: str | None) -> Method | None:
        return self.ctx.library.method(key)

    def library_problems(self) -> list[str]:
        return [p.message for p in self.ctx.library.problems]

    # -- workshops ---------------------------------------------------------------------------
    def create(
        self, format_key: str, title: str, place: str, start_date: date | None
    ) -> Change | None:
        return self._call(
            workshops.create_workshop,
            self.ctx,
            format_key=format_key,
            title=title,
            place=place,
            start_date=start_date,
        )

    def rename(self, workshop_id: int, title: str) -> Change | None:
        return self._call(workshops.rename_workshop, self.ctx, workshop_id, title)

    def duplicate(self, workshop_id: int) -> Change | None:
        return self._call(workshops.duplicate_workshop, self.ctx, workshop_id)

    def archive(self, workshop_id: int, archived: bool) -> Change | None:
        fn = workshops.archive_workshop if archived else workshops.unarchive_workshop
        return self._call(fn, self.ctx, workshop_id)

    def delete(self, workshop_id: int) -> Change | None:
        return self._call(workshops.delete_workshop, self.ctx, workshop_id)

    # -- répétition (app/ops/rehearsal.py, app/rehearsal.py) ----------------------------------
    def create_rehearsal(self, workshop_id: int) -> Change | None:
        from app.ops.rehearsal import create_rehearsal

        return self._call(create_rehearsal, self.ctx, workshop_id)

    def wipe_rehearsal(self, workshop_id: int) -> Change | None:
        from app.ops.rehearsal import wipe_rehearsal

        return self._call(wipe_rehearsal, self.ctx, workshop_id)

    def start_rehearsal_phones(
        self,
        url: str,
        code: str,
        phones: int,
        on_change: Callable[[Stats], None],
        *,
        speed: float = 1.0,
    ) -> Rehearsal | None:
        """`phones` simulated phones on the séance served at `url` (called back off the GUI
        thread: `on_change` must hand over to it, a queued signal does)."""
        from app.rehearsal import Rehearsal

        return self._call(
            lambda: Rehearsal(url, code, phones, speed=speed, on_change=on_change).start()
        )

    def save_cadrage(self, workshop_id: int, fields: dict[str, str]) -> Change | None:
        return self._call(workshops.update_cadrage, self.ctx, workshop_id, **fields)

    def save_details(self, workshop_id: int, place: str, start_date: date | None) -> Change | None:
        return self._call(
            workshops.update_details, self.ctx, workshop_id, place=place, start_date=start_date
        )

    def save_as_format(self, workshop_id: int, name: str) -> Format | None:
        return self._call(formats.save_as_format, self.ctx, workshop_id, name, custom_formats_dir())

    # -- agenda ------------------------------------------------------------------------------
    def add_phase(
        self,
        block_id: int,
        method_key: str | None = None,
        position: int | None = None,
        kind: PhaseKind = PhaseKind.WORK,
    ) -> Change | None:
        return self._call(
            agenda.add_phase,
            self.ctx,
            block_id,
            method_key=method_key,
            position=position,
            kind=kind,
        )

    def remove_phase(self, phase_id: int) -> Change | None:
        return self._call(agenda.remove_phase, self.ctx, phase_id)

    def move_phase(self, phase_id: int, position: int) -> Change | None:
        return self._call(agenda.move_phase, self.ctx, phase_id, position)

    def update_phase(self, phase_id: int, fields: dict[str, Any]) -> Change | None:
        return self._call(agenda.update_phase, self.ctx, phase_id, **fields)

    def undo(self, workshop_id: int) -> Change | None:
        return self._call(undo, self.ctx, workshop_id)

    def redo(self, workshop_id: int) -> Change | None:
        return self._call(redo, self.ctx, workshop_id)

    # -- the live séance ---------------------------------------------------------------------
    def live_session(self, workshop_id: int) -> LiveSession | None:
        return self._call(live.live_session, self.ctx, workshop_id)

    def start_session(self, workshop_id: int, block_id: int | None = None) -> bool:
        """Open (or resume) the séance; False if the core refused (the error was shown)."""
        try:
            live.start_session(self.ctx, workshop_id, block_id)
        except KnownError as exc:
            self.error.emit(error_text(exc.message))
            return False
        return True

    def toggle_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.toggle", live.toggle, workshop_id)

    def pause_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.pause", live.pause, workshop_id)

    def adjust_timer(self, workshop_id: int, seconds: float) -> Change | None:
        return self._write("live.adjust", live.adjust, workshop_id, seconds)

    def reset_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.reset", live.reset, workshop_id)

    def next_phase(self, workshop_id: int) -> Change | None:
        return self._write("live.next_phase", live.next_phase, workshop_id)

    def previous_phase(self, workshop_id: int) -> Change | None:
        return self._write("live.previous_phase", live.previous_phase, workshop_id)

    def end_session(self, workshop_id: int) -> Change | None:
        return self._write("live.end_session", live.end_session, workshop_id)

    # -- the phones' server ------------------------------------------------------------------
    def start_server(
        self, workshop_id: int, host: str, port: int
    ) -> tuple[ServerThread, str] | None:
        """Serve the workshop to phones; returns (server, the address phones use) or None."""
        from app.server.app import create_app
        from app.server.runner import ServerThread
        from app.system.network import serving_address

        def start() -> tuple[ServerThread, str]:
            listen, shown = serving_address(host)
            server = ServerThread(create_app(self.ctx, workshop_id), listen, port)
            server.start()
            return server, f"http://{shown}:{server.port}/web/"

        return self._call(start)

    def start_netcheck(
        self, check: NetCheck, host: str, port: int
    ) -> tuple[ServerThread, str] | None:
        """« Tester le réseau… »: the test server where the séance's would listen; returns
        (server, the address the test QR code shows) or None (the error shown)."""
        from app.server.netcheck import PAGE, start_netcheck
        from app.system.network import serving_address

        def start() -> tuple[ServerThread, str]:
            listen, shown = serving_address(host)
            server = start_netcheck(check, listen, port)
            return server, f"http://{shown}:{server.port}{PAGE}"

        return self._call(start)

    def save_poster(self, workshop_id: int, url: str, code: str, path: str, size: str) -> bool:
        """The QR poster of the running séance: the address and code the projector shows, and
        the Wi-Fi named in the settings. False (the error shown) if it could not be written."""
        from app.reports.poster import PosterInfo, build_poster
        from app.settings import load_settings

        detail = self.detail(workshop_id)
        if detail is None:
            return False
        settings = load_settings()
        info = PosterInfo(
            title=detail.title,
            join_url=url,
            code=code,
            organisation=str(settings.get("organisation", "") or ""),
            wifi_ssid=str(settings.get("wifi_ssid", "") or ""),
            wifi_password=str(settings.get("wifi_password", "") or ""),
        )

        lang = _documents_lang()

        def build() -> bool:
            build_poster(info, path, size, lang=lang)
            return True

        return bool(self._call(build))

    def join_code(self, workshop_id: int) -> str:
        """The open séance's join code ("" when none is open)."""
        door = self._call(live.door, self.ctx, workshop_id)
        return door[1] if door else ""

    def workshop_join_code(self, workshop_id: int) -> str:
        """The workshop's join code, séance open or not: the one its posters carry."""
        return self._call(live.join_code, self.ctx, workshop_id) or ""

    def renew_join_code(self, workshop_id: int) -> Change | None:
        return self._call(live.renew_join_code, self.ctx, workshop_id)

    # -- participants and their post-its ------------------------------------------------------
    def attendees(self, workshop_id: int) -> list[Attendee]:
        return self._call(participants.attendees, self.ctx, workshop_id) or []

    def check_in_by_hand(
        self, workshop_id: int, name: str, organisation: str, category: str, consent: bool
    ) -> CheckInResult | Change | None:
        import secrets

        return self._call(
            participants.check_in,
            self.ctx,
            workshop_id,
            name=name,
            organisation=organisation,
            category=category,
            consent_named=consent,
            key=secrets.token_hex(16),
            source="manual",
        )

    def rename_participant(self, workshop_id: int, participant_id: int, name: str) -> Change | None:
        return self._call(
            participants.rename_participant, self.ctx, workshop_id, participant_id, name
        )

    def remove_participant(self, workshop_id: int, participant_id: int) -> Change | None:
        return self._call(participants.remove_participant, self.ctx, workshop_id, participant_id)

    def workshop_notes(self, workshop_id: int) -> list[BoardNote]:
        return self._call(notes.workshop_notes, self.ctx, workshop_id) or []

    def feedback_answers(self, workshop_id: int) -> tuple[FeedbackSummary, bool] | None:
        """The answers received (count, average) and whether phones are asked for them (the
        séance is in its closing phase)."""
        summary = self._call(feedback.feedback_summary, self.ctx, workshop_id)
        asking = self._call(feedback.feedback_open, self.ctx, workshop_id)
        return None if summary is None else (summary, bool(asking))

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
        lang = _documents_lang()

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
        lang = _documents_lang()

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.1, "Liste des présents…")
            sheet = attendance_sheet(self.ctx, workshop_id, organisation=organisation)
            progress(0.5, "Mise en page…")
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
            progress(0.1, "Lecture de l'atelier…")
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
            return None, exc.message

    def bilan_job(self, period: Period, path: str) -> Callable[[Callable[[float, str], None]], str]:
        """The bilan d'activité of `period` as a job to run off the GUI thread: job(progress)
        → the path. It raises KnownError (a French message) for what the environment did."""
        from app.ops.activity import activity_data
        from app.reports.bilan import build_bilan
        from app.settings import load_settings

        settings = load_settings()

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.05, "Lecture des ateliers…")
            data = activity_data(
                self.ctx,
                period,
                organisation=str(settings.get("organisation", "") or ""),
                author=str(settings.get("facilitator_name", "") or ""),
            )
            build_bilan(data, path, progress=progress)
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

    def import_archive(self, path: str) -> int | None:
        """Recreate a workshop from its archive; its new id, or None (the French refusal shown;
        nothing was changed)."""
        from app.ops.archive import import_file

        change = self._call(import_file, self.ctx, path)
        return None if change is None else change.workshop_id

    def set_project_status(self, project_id: int, status: str) -> Change | None:
        from app.ops import projects

        return self._call(projects.set_status, self.ctx, project_id, status)

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
                progress(index / max(1, len(paths)), f"Photo {index + 1} sur {len(paths)}…")
                try:
                    ready.append(photos.read_photo(path))
                except KnownError as exc:
                    refused.append(exc.message)
            if not ready:
                raise photos.PhotoError(" ".join(refused) or "Aucune photo à ajouter.")
            photos.add_photos(self.ctx, workshop_id, ready)
            progress(1.0, "Terminé")
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

    # -- the board ------------------------------------------------------------------------------
    def board_data(self, workshop_id: int, phase_id: int | None = None) -> BoardData | None:
        return self._call(board.board_data, self.ctx, workshop_id, phase_id)

    def board_new_notes(self, data: BoardData, note_ids: list[int]) -> tuple[NoteCard, ...]:
        return self._call(board.new_notes, self.ctx, data, note_ids) or ()

    def add_note(
        self,
        workshop_id: int,
        *,
        text: str,
        phase_id: int | None,
        colour: str,
        x: float,
        y: float,
    ) -> Change | None:
        return self._write(
            "board.add_note", board.add_note, workshop_id,
            text=text, phase_id=phase_id, colour=colour, x=x, y=y, author=self.note_author(),
        )  # fmt: skip

    def note_author(self) -> str:
        """Who signs a post-it typed on this laptop: the name in the settings, else the role
        ("Animatrice"; "Co-animation" on a co-facilitator's laptop), never "anonyme"."""
        from app.settings import load_settings

        name = str(load_settings().get("facilitator_name", "") or "").strip()
        return name or ("Co-animation" if getattr(self, "remote", False) else "Animatrice")

    def edit_note(self, workshop_id: int, note_id: int, text: str) -> Change | None:
        return self._write("board.edit_note", board.edit_note, workshop_id, note_id, text)

    def recolour_notes(self, workshop_id: int, note_ids: list[int], colour: str) -> Change | None:
        return self._write("board.recolour", board.recolour, workshop_id, note_ids, colour)

    def move_notes(
        self,
        workshop_id: int,
        notes: Sequence[tuple[int, float, float]],
        clusters: Sequence[tuple[int, float, float]],
        *,
        snap_to_grid: bool,
        out_of_group: list[int],
    ) -> Change | None:
        """Post-its and groups to (id, x, y); those in `out_of_group` leave their group."""
        return self._write(
            "board.move", board.move, workshop_id, notes, clusters,
            snap_to_grid=snap_to_grid, out_of_group=out_of_group,
        )  # fmt: skip

    def delete_notes(self, workshop_id: int, note_ids: list[int]) -> Change | None:
        return self._write("board.delete_notes", board.delete_notes, workshop_id, note_ids)

    def duplicate_notes(self, workshop_id: int, note_ids: list[int]) -> Change | None:
        return self._write("board.duplicate_notes", board.duplicate_notes, workshop_id, note_ids)

    def group_notes(
        self,
        workshop_id: int,
        note_ids: list[int],
        *,
        phase_id: int | None = None,
        into: int | None = None,
    ) -> Change | None:
        """A new group of `note_ids` (in `phase_id`), or them joining the group `into`."""
        return self._write(
            "board.group", board.group, workshop_id, note_ids, phase_id=phase_id, into=into
        )

    def suggest_groups(
        self, workshop_id: int, note_ids: list[int] | None = None, *, phase_id: int | None = None
    ) -> grouping.GroupingSuggestion | None:
        """Groups proposed for `note_ids` (or the board's post-its in no group): leads to
        check, and near-duplicates. Writes nothing."""
        return self._call(
            grouping.suggest, self.ctx, workshop_id, note_ids, phase_id=phase_id, with_groups=True
        )

    def accept_groups(
        self,
        workshop_id: int,
        groups: Sequence[grouping.SuggestedGroup],
        *,
        phase_id: int | None = None,
    ) -> Change | None:
        """The suggested groups she kept, made in one undoable operation."""
        return self._write(
            "board.group_suggested", grouping.accept, workshop_id, list(groups), phase_id=phase_id
        )

    def ungroup(self, workshop_id: int, cluster_id: int) -> Change | None:
        return self._write("board.ungroup", board.ungroup, workshop_id, cluster_id)

    def update_cluster(
        self,
        workshop_id: int,
        cluster_id: int,
        *,
        title: str | None = None,
        colour: str | None = None,
        collapsed: bool | None = None,
    ) -> Change | None:
        return self._write(
            "board.update_cluster", board.update_cluster, workshop_id, cluster_id,
            title=title, colour=colour, collapsed=collapsed,
        )  # fmt: skip

    def tidy_board(
        self,
        workshop_id: int,
        note_ids: list[int] | None = None,
        *,
        cluster_id: int | None = None,
        phase_id: int | None = None,
    ) -> Change | None:
        """ "Ranger": lay out `note_ids`, else the group `cluster_id`, else the board of
        `phase_id`, as one undoable step."""
        return self._write(
            "board.tidy",
            board.tidy,
            workshop_id,
            note_ids,
            cluster_id=cluster_id,
            phase_id=phase_id,
        )

    def reveal_notes(self, workshop_id: int, phase_id: int | None) -> Change | None:
        return self._write("board.reveal", board.reveal, workshop_id, phase_id)

    def set_private_writing(self, workshop_id: int, phase_id: int, private: bool) -> Change | None:
        return self._write("board.set_private", board.set_private, workshop_id, phase_id, private)

    def set_board_template(
        self, workshop_id: int, phase_id: int, template: str | None
    ) -> Change | None:
        return self._write(
            "board.set_template", board.set_template, workshop_id, phase_id, template
        )

    def set_board_options(
        self, workshop_id: int, *, scope: str | None = None, arrival: str | None = None
    ) -> Change | None:
        """The board's scope ("workshop" or "phase") or where phones' post-its arrive."""
        return self._write(
            "board.set_options", board.set_options, workshop_id, scope=scope, arrival=arrival
        )

    # -- votes ----------------------------------------------------------------------------------
    def vote_rounds(self, workshop_id: int) -> list[RoundInfo]:
        """The workshop's vote rounds (`RoundInfo`), oldest first."""
        from app.ops import votes

        return self._call(votes.rounds, self.ctx, workshop_id) or []

    def vote_results(self, round_id: int) -> Results | None:
        """`Results` of a round (the facilitator sees them even while hidden), or None."""
        from app.ops import votes

        return self._call(votes.results, self.ctx, round_id)

    def promotion_preview(self, round_id: int, top: int) -> list[ResultLine]:
        """The result lines a promotion of the `top` first items would take (the core's own
        selection, read now), for the confirmation; empty when none has votes."""
        from app.ops import votes

        return self._call(votes.promotion_preview, self.ctx, round_id, top=top) or []

    def open_vote(
        self,
        workshop_id: int,
        kind: str,
        items: list[str] | None,
        title: str,
        settings: dict[str, Any],
        phase_id: int | None = None,
        close_in_minutes: int | None = None,
    ) -> Change | None:
        """Open a round on `items` ("note:12", "cluster:3") or the whole board (None)."""
        from app.ops import votes

        if close_in_minutes:
            settings = {**settings, "closes_at": self.ctx.clock() + close_in_minutes * 60}
        return self._call(
            votes.open_round,
            self.ctx,
            workshop_id,
            kind=kind,
            items="board" if items is None else items,
            title=title,
            settings=settings,
            phase_id=phase_id,
        )

    def close_round(self, round_id: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.close_round", votes.close_round, round_id)

    def reopen_round(self, round_id: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.reopen_round", votes.reopen_round, round_id)

    def reveal_results(self, round_id: int, revealed: bool) -> Change | None:
        from app.ops import votes

        return self._write("votes.reveal_results", votes.reveal_results, round_id, revealed)

    def add_paper_votes(
        self, round_id: int, counts: dict[str, int], *, label: str
    ) -> Change | None:
        from app.ops import votes

        return self._write(
            "votes.add_paper_votes", votes.add_paper_votes, round_id, counts, label=label
        )

    def remove_paper_votes(self, round_id: int, voter: str) -> Change | None:
        from app.ops import votes

        return self._write("votes.remove_paper_votes", votes.remove_paper_votes, round_id, voter)

    def promote_to_actions(self, round_id: int, *, top: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.promote_to_actions", votes.promote_to_actions, round_id, top=top)

    def promote_to_projects(self, round_id: int, *, top: int) -> Change | None:
        from app.ops import votes

        return self._write(
            "votes.promote_to_projects", votes.promote_to_projects, round_id, top=top
        )

    def close_due_votes(self, workshop_id: int) -> list[Change]:
        """Write down the close of the rounds whose closing time has passed."""
        from app.ops import votes

        return self._call(votes.close_due_rounds, self.ctx, workshop_id) or []

    def clock(self) -> float:
        return self.ctx.clock()

    # -- co-facilitation: the host's side ------------------------------------------------------
    @staticmethod
    def _cofac_host(server: ServerThread | None) -> CofacHost | None:
        """The séance server's pairing side, or None."""
        app = getattr(server, "_app", None)  # the FastAPI app the ServerThread serves
        host: CofacHost | None = getattr(getattr(app, "state", None), "cofac", None)
        return host

    def cofac_roles(self) -> list[str]:
        """The co-facilitators' roles (keys of `app.ops.cofac.ROLES`), widest first."""
        from app.ops import cofac

        return list(cofac.ROLES)

    def cofac_code(self, server: ServerThread | None) -> str:
        """The 6-digit pairing code of the open séance ("" without a server)."""
        host = self._cofac_host(server)
        return host.code() if host is not None else ""

    def cofac_laptops(
        self, server: ServerThread | None, workshop_id: int
    ) -> list[tuple[CoFacInfo, Presence | None]]:
        """The laptops paired with the workshop and not revoked: (`CoFacInfo`, `Presence` or
        None if not heard of since the server started)."""
        from app.ops import cofac

        host = self._cofac_host(server)
        presence = host.presence() if host is not None else {}
        laptops = self._call(cofac.cofacilitators, self.ctx, workshop_id) or []
        return [(info, presence.get(info.id)) for info in laptops if not info.revoked]

    def watch_cofac(
        self, server: ServerThread | None, callback: Callable[[], None]
    ) -> Callable[[], None]:
        """Call `callback` (from the server's thread) when a laptop connects or leaves."""
        host = self._cofac_host(server)
        if host is None:
            return lambda: None
        host.presence_listeners.append(callback)

        def forget() -> None:
            if callback in host.presence_listeners:
                host.presence_listeners.remove(callback)

        return forget

    def set_cofac_role(self, workshop_id: int, cofac_id: int, role: str) -> Change | None:
        from app.ops import cofac

        return self._call(cofac.set_role, self.ctx, workshop_id, cofac_id, role)

    def revoke_cofac(self, workshop_id: int, cofac_id: int) -> Change | None:
        from app.ops import cofac

        return self._call(cofac.revoke, self.ctx, workshop_id, cofac_id)

    def advertise(self, workshop_id: int, server: ServerThread, host: str) -> Advertiser | None:
        """Announce the séance on the local network (in the background) for "Rejoindre une
        séance"; only on the chosen address when there is one. The advertiser, or None."""
        from app.server.discovery import Advertiser
        from app.system.network import local_addresses

        detail = self.detail(workshop_id)
        chosen = host not in ("", "0.0.0.0") and host in local_addresses()
        addresses = [host] if chosen else [a for a in local_addresses() if ":" not in a]
        if detail is None or not addresses:
            return None
        return Advertiser(
            detail.title,
            server.port,
            workshop_id,
            addresses,
            interfaces=addresses if chosen else None,
        ).start()

    @staticmethod
    def stop_advertising(advertiser: Advertiser) -> None:
        """Withdraw the announcement; zeroconf's goodbye takes a moment: not on the GUI thread."""
        import threading

        threading.Thread(target=advertiser.close, name="atelier-mdns-close", daemon=True).start()

    # -- co-facilitation: joining another laptop's séance ---------------------------------------
    @staticmethod
    def browse_seances(host: str, on_change: Callable[[list[Found]], None]) -> Browser | None:
        """Look for séances on the local network (only on the chosen address's network when the
        settings name one); `on_change(list of Found)` is called from zeroconf's threads. The
        browser (close it), or None if this computer has no network at all."""
        from app.server.discovery import Browser

        try:
            return Browser(
                interfaces=[host] if host not in ("", "0.0.0.0") else None, on_change=on_change
            )
        except OSError:
            log.warning("no local network to browse", exc_info=True)
            return None

    def pair_job(self, address: str, code: str, name: str) -> Callable[[], Pairing]:
        """Pairing with a host as a job to run off the GUI thread: job() → `Pairing`, or
        KnownError with the host's French message."""
        from app.cofac_client import pair

        key = device_key(self._replica_folder())  # kept: pairing again keeps its role

        def job() -> Pairing:
            return pair(address, code, name, key)

        return job

    def _replica_folder(self) -> Path:
        return replica_folder(self.ctx.db.url)

    def prune_replicas(self) -> int:
        """At start-up: delete the copies of séances joined from this laptop and not written
        for 30 days (`app.cofac_client.prune_replicas`); how many files went."""
        from app.cofac_client import prune_replicas

        gone = prune_replicas(self._replica_folder())
        if gone:
            log.info("deleted %d file(s) of old co-animation replicas", len(gone))
        return len(gone)

    def take_over(self, remote: Controller, workshop_id: int) -> TakenOver | None:
        """Carry on a joined séance on this laptop: the workshop of the replica `remote` reads
        becomes one of this store, or None (the French error shown)."""
        from app.ops.takeover import take_over

        return self._call(take_over, remote.ctx, workshop_id, self.ctx)

    def open_replica(self, pairing: Pairing) -> CoFacClient | None:
        """The replica of the joined workshop (a store of its own, next to this laptop's) and
        its connection to the host, not started (`widgets.remote_controller.RemoteController`
        runs it); None (error shown) if the replica's file could not be opened."""
        from app.cofac_client import CoFacClient
        from app.store.db import Database

        def open_() -> CoFacClient:
            folder = self._replica_folder()
            folder.mkdir(parents=True, exist_ok=True)
            db = Database.open(replica_path(folder, pairing.url, pairing.workshop_id))
            client = CoFacClient(db, pairing)
            client.ctx.library = self.ctx.library  # the same method library as this laptop's
            client.ctx.clock = self.ctx.clock
            return client

        return self._call(open_)

"""The window's single door to the core: calls `app.ops`, hands plain data back.

Widgets never see a session or an ORM row. A `KnownError` becomes the `error`
signal (a French message for a dialog); anything else is a bug and propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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
    live,
    notes,
    participants,
    queries,
    workshops,
)
from app.ops.base import Change, Context, redo, undo
from app.ops.photos import PhotoInfo
from app.ops.votes import ResultLine
from app.settings import custom_formats_dir

log = logging.getLogger(__name__)

T = TypeVar("T")


class Controller(QObject):
    error = Signal(str)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return fn(*args, **kwargs)
        except KnownError as exc:
            self.error.emit(exc.message)
            return None

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
    def create(self, format_key: str, title: str, place: str, start_date: Any) -> Change | None:
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

    def save_cadrage(self, workshop_id: int, fields: dict[str, str]) -> Change | None:
        return self._call(workshops.update_cadrage, self.ctx, workshop_id, **fields)

    def save_details(self, workshop_id: int, place: str, start_date: Any) -> Change | None:
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
            self.error.emit(exc.message)
            return False
        return True

    def timer(self, action: str, workshop_id: int, *args: Any) -> Change | None:
        """toggle, adjust, reset, next_phase, previous_phase, end_session."""
        return self._call(getattr(live, action), self.ctx, workshop_id, *args)

    # -- the phones' server ------------------------------------------------------------------
    def start_server(self, workshop_id: int, host: str, port: int) -> tuple[Any, str] | None:
        """Serve the workshop to phones; returns (server, the address phones use) or None."""
        from app.server.app import create_app
        from app.server.runner import ServerThread
        from app.system.network import likely_address, local_addresses

        if host not in ("", "0.0.0.0") and host not in local_addresses():
            # chosen at another venue: serve every network rather than none
            log.warning("%s is not one of this computer's addresses today: automatic", host)
            host = ""

        def start() -> tuple[Any, str]:
            server = ServerThread(create_app(self.ctx, workshop_id), host or "0.0.0.0", port)
            server.start()
            shown = host if host and host != "0.0.0.0" else likely_address()
            return server, f"http://{shown}:{server.port}/web/"

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

        def build() -> bool:
            build_poster(info, path, size)
            return True

        return bool(self._call(build))

    def join_code(self, workshop_id: int) -> str:
        """The open séance's join code ("" when none is open)."""
        door = self._call(live.door, self.ctx, workshop_id)
        return door[1] if door else ""

    # -- participants and their post-its ------------------------------------------------------
    def attendees(self, workshop_id: int) -> list[Any]:
        return self._call(participants.attendees, self.ctx, workshop_id) or []

    def check_in_by_hand(
        self, workshop_id: int, name: str, organisation: str, category: str, consent: bool
    ) -> Any:
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

    def rename_participant(self, workshop_id: int, participant_id: int, name: str) -> Any:
        return self._call(
            participants.rename_participant, self.ctx, workshop_id, participant_id, name
        )

    def remove_participant(self, workshop_id: int, participant_id: int) -> Any:
        return self._call(participants.remove_participant, self.ctx, workshop_id, participant_id)

    def workshop_notes(self, workshop_id: int) -> list[Any]:
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

        def job(progress: Callable[[float, str], None]) -> str:
            data = report_data(
                self.ctx,
                workshop_id,
                facilitators=facilitators,
                organisation=organisation,
                board_png=board_png,
                logo_png=logo_png,
            )
            build_report(data, path, progress=progress)
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

        def job(progress: Callable[[float, str], None]) -> str:
            progress(0.1, "Liste des présents…")
            sheet = attendance_sheet(self.ctx, workshop_id, organisation=organisation)
            progress(0.5, "Mise en page…")
            build_emargement(sheet, path)
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

    def board_new_notes(self, data: BoardData, note_ids: list[int]) -> tuple[Any, ...]:
        return self._call(board.new_notes, self.ctx, data, note_ids) or ()

    def board(self, action: str, workshop_id: int, *args: Any, **kwargs: Any) -> Change | None:
        """add_note, edit_note, recolour, move, delete_notes, duplicate_notes, group, ungroup,
        update_cluster, reveal, set_private, set_template, set_options (see app/ops/board.py)."""
        return self._call(getattr(board, action), self.ctx, workshop_id, *args, **kwargs)

    # -- votes ----------------------------------------------------------------------------------
    def vote_rounds(self, workshop_id: int) -> list[Any]:
        """The workshop's vote rounds (`RoundInfo`), oldest first."""
        from app.ops import votes

        return self._call(votes.rounds, self.ctx, workshop_id) or []

    def vote_results(self, round_id: int) -> Any:
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

    def vote(self, action: str, round_id: int, *args: Any, **kwargs: Any) -> Change | None:
        """close_round, reopen_round, reveal_results, add_paper_votes, remove_paper_votes,
        promote_to_actions (see app/ops/votes.py)."""
        from app.ops import votes

        return self._call(getattr(votes, action), self.ctx, round_id, *args, **kwargs)

    def close_due_votes(self, workshop_id: int) -> list[Change]:
        """Write down the close of the rounds whose closing time has passed."""
        from app.ops import votes

        return self._call(votes.close_due_rounds, self.ctx, workshop_id) or []

    def clock(self) -> float:
        return self.ctx.clock()

    # -- co-facilitation: the host's side ------------------------------------------------------
    @staticmethod
    def _cofac_host(server: Any) -> Any:
        """The séance server's pairing side (`app.server.cofac.CofacHost`), or None."""
        app = getattr(server, "_app", None)  # the FastAPI app the ServerThread serves
        return getattr(getattr(app, "state", None), "cofac", None)

    def cofac_roles(self) -> list[str]:
        """The co-facilitators' roles (keys of `app.ops.cofac.ROLES`), widest first."""
        from app.ops import cofac

        return list(cofac.ROLES)

    def cofac_code(self, server: Any) -> str:
        """The 6-digit pairing code of the open séance ("" without a server)."""
        host = self._cofac_host(server)
        return host.code() if host is not None else ""

    def cofac_laptops(self, server: Any, workshop_id: int) -> list[tuple[Any, Any]]:
        """The laptops paired with the workshop and not revoked: (`CoFacInfo`, `Presence` or
        None if not heard of since the server started)."""
        from app.ops import cofac

        host = self._cofac_host(server)
        presence = host.presence() if host is not None else {}
        laptops = self._call(cofac.cofacilitators, self.ctx, workshop_id) or []
        return [(info, presence.get(info.id)) for info in laptops if not info.revoked]

    def watch_cofac(self, server: Any, callback: Callable[[], None]) -> Callable[[], None]:
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

    def advertise(self, workshop_id: int, server: Any, host: str) -> Any:
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
    def stop_advertising(advertiser: Any) -> None:
        """Withdraw the announcement; zeroconf's goodbye takes a moment: not on the GUI thread."""
        import threading

        threading.Thread(target=advertiser.close, name="atelier-mdns-close", daemon=True).start()

    # -- co-facilitation: joining another laptop's séance ---------------------------------------
    @staticmethod
    def browse_seances(host: str, on_change: Callable[[list[Any]], None]) -> Any:
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

    def pair_job(self, address: str, code: str, name: str) -> Callable[[], Any]:
        """Pairing with a host as a job to run off the GUI thread: job() → `Pairing`, or
        KnownError with the host's French message."""
        from app.cofac_client import pair

        device_key = self._device_key()

        def job() -> Any:
            return pair(address, code, name, device_key)

        return job

    def _replica_folder(self) -> Path:
        url = self.ctx.db.url
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            return Path(url.removeprefix("sqlite:///")).parent / "replicas"
        from app.store.db import default_db_path

        return default_db_path().parent / "replicas"

    def _device_key(self) -> str:
        """This laptop's key for pairing (kept: pairing again keeps its role)."""
        from app.cofac_client import new_device_key

        path = self._replica_folder() / "device_key"
        try:
            key = path.read_text(encoding="utf-8").strip()
            if 8 <= len(key) <= 64:
                return key
        except OSError:
            pass
        key = new_device_key()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(key, encoding="utf-8")
        except OSError:
            log.warning("could not keep the device key in %s", path, exc_info=True)
        return key

    def prune_replicas(self) -> int:
        """At start-up: delete the copies of séances joined from this laptop and not written
        for 30 days (`app.cofac_client.prune_replicas`); how many files went."""
        from app.cofac_client import prune_replicas

        gone = prune_replicas(self._replica_folder())
        if gone:
            log.info("deleted %d file(s) of old co-animation replicas", len(gone))
        return len(gone)

    def take_over(self, remote: Any) -> Any:
        """Carry on a joined séance on this laptop: the replica's workshop becomes one of this
        store (`app.ops.takeover.TakenOver`), or None (the French error shown)."""
        from app.ops.takeover import take_over

        return self._call(take_over, remote.ctx, remote.workshop_id, self.ctx)

    def open_replica(self, pairing: Any) -> Any:
        """The replica of the joined workshop (a store of its own, next to this laptop's) and
        its connection to the host: a `RemoteController`, started; None (error shown) if the
        replica's file could not be opened."""
        from app.cofac_client import CoFacClient
        from app.store.db import Database
        from widgets.remote_controller import RemoteController

        def open_() -> Any:
            folder = self._replica_folder()
            folder.mkdir(parents=True, exist_ok=True)
            where = "".join(c if c.isalnum() else "-" for c in pairing.url.split("//")[-1])
            db = Database.open(folder / f"seance-{where.strip('-')}-{pairing.workshop_id}.sqlite3")
            client = CoFacClient(db, pairing)
            client.ctx.library = self.ctx.library  # the same method library as this laptop's
            client.ctx.clock = self.ctx.clock
            return RemoteController(client)

        return self._call(open_)

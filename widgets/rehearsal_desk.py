"""Répétition: "Répéter…" and "Effacer la répétition" in the Séance menu.

"Répéter…" asks how many simulated phones, makes a rehearsal copy of the workshop
(`app.ops.rehearsal`), opens its séance in the console (the projector and the phones' server
with it) and lets the simulated phones (`app.rehearsal`) check in, write and vote there, so
the team practises the séance and its timing. "Effacer la répétition" wipes a rehearsal for
good after a confirmation. The phones report from their own thread: `stats_changed` is a
signal, queued to the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.events import Event

if TYPE_CHECKING:
    from app.rehearsal import Rehearsal, Stats  # httpx: not at start-up
    from widgets.controller import Controller
    from widgets.session_runner import SessionRunner

# what stops the simulated phones of a rehearsal
STOPPING_OPS = frozenset({"live.end_session", "rehearsal.wipe", "workshop.delete"})


class RehearsalDesk(QObject):
    stats_changed = Signal(object)  # Stats, from the phones' thread
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        window: QWidget,
        controller: Controller,
        dialogs: Callable[[], Any],
        runner: SessionRunner,
        current: Callable[[], int | None],
        start_session: Callable[[int], None],
        leave: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.dialogs = dialogs
        self.runner = runner
        self.current = current
        self.start_session = start_session
        self.leave = leave
        self.phones: Rehearsal | None = None
        self.speed = 1.0  # the phones' pace (a real room's); tests go faster
        self.phones_workshop: int | None = None
        self.rehearse_action = QAction(self.tr("&Répéter…"), window)
        self.rehearse_action.setToolTip(
            self.tr("S'entraîner sur une copie de l'atelier, avec des téléphones simulés")
        )
        self.rehearse_action.triggered.connect(lambda _checked=False: self.rehearse())
        self.wipe_action = QAction(self.tr("&Effacer la répétition…"), window)
        self.wipe_action.triggered.connect(lambda _checked=False: self.wipe())
        self.stats_changed.connect(self._show_stats)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.rehearse_action)
        menu.addAction(self.wipe_action)

    # -- répéter -----------------------------------------------------------------------------
    def rehearse(self) -> None:
        from app.rehearsal import DEFAULT_PHONES, MAX_PHONES  # httpx: not at start-up

        workshop_id = self.current()
        if workshop_id is None:
            self.dialogs().error(self.tr("Choisissez d'abord l'atelier à répéter."))
            return
        count = self.dialogs().number(
            self.tr("Répéter l'atelier"),
            self.tr(
                "Une copie de l'atelier (cadrage et agenda) s'ouvre pour la répétition, avec des "
                "téléphones simulés qui s'enregistrent, écrivent des post-its et votent.\n"
                "Elle ne comptera pas dans le bilan d'activité.\n\n"
                "Combien de téléphones simulés ?"
            ),
            DEFAULT_PHONES,
            1,
            MAX_PHONES,
        )
        if count is None:
            return
        change = self.controller.create_rehearsal(workshop_id)
        if change is None or change.workshop_id is None:
            return
        rehearsal_id = change.workshop_id
        self.start_session(rehearsal_id)
        server = self.runner.server
        if server is None or self.runner.workshop_id != rehearsal_id:
            return  # the séance or its server did not open (the error was shown)
        host = server.host if server.host not in ("", "0.0.0.0") else "127.0.0.1"
        url = f"http://{host}:{server.port}/"
        self.stop_phones()
        self.phones = self.controller.start_rehearsal_phones(
            url,
            self.controller.join_code(rehearsal_id),
            count,
            self.stats_changed.emit,
            speed=self.speed,
        )
        if self.phones is not None:
            self.phones_workshop = rehearsal_id
            self.message.emit(
                self.tr(
                    "Répétition : {count} téléphones simulés arrivent. Lancez le minuteur pour "
                    "qu'ils écrivent des post-its."
                ).format(count=count)
            )

    def _show_stats(self, stats: Stats) -> None:
        if stats.ended:
            self.message.emit(self.tr("Répétition : les téléphones simulés sont partis."))
            return
        self.message.emit(
            self.tr(
                "Répétition : {joined} téléphones connectés, {notes} post-its, {ballots} votes"
            ).format(joined=stats.joined, notes=stats.notes, ballots=stats.ballots)
        )

    def stop_phones(self) -> None:
        if self.phones is not None:
            self.phones.stop()
        self.phones = None
        self.phones_workshop = None

    def on_event(self, event: Event) -> None:
        if event.workshop_id == self.phones_workshop and event.op in STOPPING_OPS:
            self.stop_phones()

    # -- effacer -----------------------------------------------------------------------------
    def wipe(self) -> None:
        workshop_id = self.current()
        detail = self.controller.detail(workshop_id) if workshop_id is not None else None
        if workshop_id is None or detail is None:
            self.dialogs().error(self.tr("Choisissez d'abord la répétition à effacer."))
            return
        if detail.rehearsal_of is None:
            self.dialogs().error(
                self.tr(
                    "« {title} » n'est pas une répétition : il ne peut pas être effacé ainsi."
                ).format(title=detail.title)
            )
            return
        text = self.tr(
            "Effacer la répétition « {title} » ?\n\n"
            "Ses {participants} participant(s) simulé(s), ses {notes} post-it(s), ses votes et "
            "son historique seront supprimés. L'atelier d'origine n'est pas touché. Cette action "
            "ne peut pas être annulée."
        ).format(
            title=detail.title,
            participants=detail.counts.get("participants", 0),
            notes=detail.counts.get("notes", 0),
        )
        if not self.dialogs().confirm(
            self.tr("Effacer la répétition"), text, self.tr("Effacer la répétition")
        ):
            return
        if self.phones_workshop == workshop_id:
            self.stop_phones()
        if self.runner.workshop_id == workshop_id:
            self.runner.close_seance_views()
        self.leave()
        if self.controller.wipe_rehearsal(workshop_id) is not None:
            self.message.emit(self.tr("Répétition effacée."))

    def shutdown(self) -> None:
        self.stop_phones()

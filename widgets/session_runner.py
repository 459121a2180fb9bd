"""Runs a séance in the window: the console page, the projector window, the chime, the keys.

The timer lives in the core; this class turns the facilitator's keys into operations and the
core's events into a fresh `LiveSession` for the views.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.capitalisation import to_review
from app.domain.model import Status
from app.domain.timer import TimerState
from app.events import Event, Topic
from app.settings import load_settings
from app.system.network import phones_url
from widgets.board_mirror import BoardMirror
from widgets.board_panel import BoardPanel
from widgets.chime import Chime
from widgets.cofac_desk import CofacDesk
from widgets.controller import Controller
from widgets.live_clock import LiveClock
from widgets.live_console import LiveConsole
from widgets.method_review_dialog import ReviewItem
from widgets.method_text import method_name
from widgets.projector_view import ProjectorView
from widgets.vote_desk import VoteDesk

SERVER_PORT = 8765  # the next free one if taken
COFAC_PORT: int | None = None  # co-facilitator laptops (TLS): None for the phones' port + 1
TimerOp = Callable[[int], object]  # one of the controller's timer operations, on a workshop


class SessionRunner(QObject):
    leave_requested = Signal(int)  # back to the workshop's editor

    def __init__(
        self,
        controller: Controller,
        window: QWidget,
        confirm: Callable[[str, str, str], bool],
        *,
        chime: bool = True,
        dialogs: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.confirm = confirm
        self.dialogs = dialogs
        self.workshop_id: int | None = None
        self.live = LiveClock(controller.ctx.clock, self)
        self.console = LiveConsole(self.live)
        # its own top-level window, but owned by the main window: destroyed with it
        self.projector = ProjectorView(self.live, window)
        self.chime = Chime(self, enabled=chime)
        self.server: Any = None  # the phones' server, running while a séance is open
        self.server_workshop: int | None = None
        self.live.reached_zero.connect(self.chime.play)
        self.window = window

        # the board: a page of the console, mirrored on the projector while it is shown
        self.board = BoardPanel(controller, dialogs=dialogs)
        self.console.set_board(self.board)
        self.mirror = BoardMirror(self.board.scene, self.projector)
        self.console.board_toggled.connect(self._board_shown)
        self.board.space_tapped.connect(lambda: self._timer(self.controller.toggle_timer))
        self.board.message.connect(self.status)
        self._people_refresh = QTimer(self)
        self._people_refresh.setSingleShot(True)
        self._people_refresh.setInterval(150)
        self._people_refresh.timeout.connect(self.reload_people)
        self.board.loaded.connect(self.mirror.set_data)
        self.live.changed.connect(self.mirror.show_display)
        self.board.view.region_changed.connect(self.mirror.follow)
        self.board.show_all_requested.connect(self.mirror.show_all)
        # votes: the board's "Voter…", the console's vote tab, the projector's vote overlay
        self.votes = VoteDesk(
            controller, self.board, self.console, self.projector, confirm, dialogs, self.status
        )

        # co-animation: the panel, and the séance announced while its server runs
        self.cofac = CofacDesk(controller, self.console, window, confirm, self.status)

        self.console.back_requested.connect(self.leave)
        self.console.toggle_requested.connect(lambda: self._timer(self.controller.toggle_timer))
        self.console.adjust_requested.connect(
            lambda s: self._timer(lambda wid: self.controller.adjust_timer(wid, s))
        )
        self.console.reset_requested.connect(lambda: self._timer(self.controller.reset_timer))
        self.console.next_requested.connect(lambda: self._timer(self.controller.next_phase))
        self.console.previous_requested.connect(lambda: self._timer(self.controller.previous_phase))
        self.console.end_requested.connect(self.end)
        self.console.review_requested.connect(lambda: self.review_methods(self.workshop_id, True))
        self.console.projector_requested.connect(self.toggle_projector)
        self.console.block_requested.connect(self.run_block)
        self.console.checkin.add_requested.connect(self.add_attendee)
        self.console.checkin.rename_requested.connect(self.rename_attendee)
        self.console.checkin.remove_requested.connect(self.remove_attendee)
        self.console.checkin.erase_requested.connect(self.erase_attendee)

        self.actions: list[QAction] = []
        ctl = self.controller
        self.toggle_action = self._action(
            self.tr("Démarrer / mettre en pause"), "Space", lambda wid: ctl.toggle_timer(wid)
        )
        self.next_action = self._action(
            self.tr("Séquence suivante"), "Right", lambda wid: ctl.next_phase(wid)
        )
        self.previous_action = self._action(
            self.tr("Séquence précédente"), "Left", lambda wid: ctl.previous_phase(wid)
        )
        self.plus_action = self._action(
            self.tr("+1 minute"), "+", lambda wid: ctl.adjust_timer(wid, 60)
        )
        self.plus5_action = self._action(
            self.tr("+5 minutes"), "Shift+Right", lambda wid: ctl.adjust_timer(wid, 300)
        )
        self.minus_action = self._action(
            self.tr("−1 minute"), "-", lambda wid: ctl.adjust_timer(wid, -60)
        )
        self.reset_action = self._action(
            self.tr("Réinitialiser le minuteur"), "Ctrl+R", lambda wid: ctl.reset_timer(wid)
        )
        self.projector_action = QAction(self.tr("Projection plein écran"), self)
        self.projector_action.setShortcut(QKeySequence("F5"))
        self.projector_action.triggered.connect(self.toggle_projector)
        self.board_action = QAction(self.tr("Tableau de post-its"), self)
        self.board_action.setShortcut(QKeySequence("Ctrl+B"))
        self.board_action.triggered.connect(
            lambda: self.console.show_board(not self.console.board_button.isChecked())
        )
        self.end_action = QAction(self.tr("Terminer la séance…"), self)
        self.end_action.triggered.connect(self.end)
        self.actions += [self.projector_action, self.board_action, self.end_action]
        # wrong join codes (guessing) suspend new arrivals: she sees it, and lifts it
        self.lockout_action = QAction(self.tr("Codes erronés des téléphones…"), self)
        self.lockout_action.triggered.connect(lambda _checked=False: self.show_code_lockout())
        self.actions.append(self.lockout_action)
        # the QR poster, for the door and the tables: printed the day before or during the
        # séance (the window puts it in its File menu, with the workshop it is about)
        self.poster_workshop: Callable[[], int | None] = lambda: self.workshop_id
        self.poster_actions: list[QAction] = []
        for size in ("A4", "A3"):
            action = QAction(self.tr("Affiche QR code {size}…").format(size=size), self)
            action.triggered.connect(lambda _checked=False, s=size: self.export_poster(s))
            self.poster_actions.append(action)
        self.renew_code_action = QAction(self.tr("Nouveau code pour les téléphones…"), self)
        self.renew_code_action.triggered.connect(lambda _checked=False: self.renew_code())
        # capitalisation: the retour d'expérience, offered when a séance ends, and here again
        self.review_action = QAction(self.tr("Retour d'expérience…"), self)
        self.review_action.triggered.connect(
            lambda _checked=False: self.review_methods(self.poster_workshop(), False)
        )
        for action in self.actions:
            window.addAction(action)
            self.projector.addAction(action)  # the keys work whichever window has the focus
        self._active = False
        self.set_active(False)

    def _action(self, text: str, key: str, op: TimerOp) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: self._timer(op))
        self.actions.append(action)
        return action

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.actions[:7]:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.projector_action)
        menu.addAction(self.board_action)
        menu.addAction(self.end_action)
        menu.addAction(self.lockout_action)

    def update_poster_actions(self) -> None:
        """The poster and the code act on a workshop: greyed, saying why, when none is chosen."""
        chosen = self.poster_workshop() is not None
        why = "" if chosen else self.tr("Ouvrez ou sélectionnez d'abord un atelier.")
        for action in (*self.poster_actions, self.renew_code_action, self.review_action):
            action.setEnabled(chosen)
            action.setToolTip(why or action.text().replace("…", ""))

    def set_active(self, active: bool) -> None:
        """Keys act on the timer only while the console is shown, and until the séance ends."""
        self._active = active
        session = self.live.session
        ended = session is None or session.timer.state == TimerState.ENDED
        why = (
            self.tr("La séance est terminée : démarrez-en une nouvelle.")
            if active
            else self.tr("Ouvrez d'abord la séance : Séance › Démarrer la séance.")
        )
        for action in self.actions:
            keep = action in (self.projector_action, self.board_action)
            enabled = active and (not ended or keep)
            action.setEnabled(enabled)
            action.setToolTip(action.text() if enabled else why)  # a greyed entry says why

    # -- séance ------------------------------------------------------------------------------
    def running_elsewhere(self, workshop_id: int) -> bool:
        """Another workshop's séance has its countdown started (running or paused)."""
        session = self.live.session
        return (
            self.workshop_id is not None
            and self.workshop_id != workshop_id
            and session is not None
            and session.timer.state in (TimerState.RUNNING, TimerState.PAUSED)
        )

    def open(self, workshop_id: int, block_id: int | None = None) -> bool:
        if self.running_elsewhere(workshop_id):
            title = self.live.session.title if self.live.session else ""
            if not self.confirm(
                self.tr("Une séance est déjà ouverte"),
                self.tr(
                    "La séance de « {title} » est ouverte. La mettre en pause et ouvrir "
                    "celle-ci ? Vous pourrez la reprendre depuis son atelier."
                ).format(title=title),
                self.tr("Mettre en pause et continuer"),
            ):
                return False
            if self.live.session and self.live.session.timer.state == TimerState.RUNNING:
                self._timer(self.controller.pause_timer)
        if not self.confirm_reopen(workshop_id):
            return False
        if not self.controller.start_session(workshop_id, block_id):
            return False
        self.workshop_id = workshop_id
        self.start_server(workshop_id)
        self.reload()
        self.votes.set_workshop(workshop_id)
        in_front = False  # with one screen, the projector opens above the console
        if not self.projector.isVisible() and not getattr(self.controller, "remote", False):
            # a co-facilitator's laptop projects nothing
            in_front = not self.projector.place_on_second_screen(self.window.screen())
        if not in_front:
            self.window.activateWindow()  # the keys stay with the console, not the projector
        return True

    def confirm_reopen(self, workshop_id: int) -> bool:
        """A finished workshop is reopened only once she says so."""
        detail = self.controller.detail(workshop_id)
        if detail is None or detail.status != Status.CLOSED:
            return True
        return self.confirm(
            self.tr("Rouvrir la séance"),
            self.tr(
                "« {title} » est terminé. Rouvrir sa séance ? L'atelier repassera « en cours » "
                "et les temps de la séance rouverte s'ajouteront au compte-rendu."
            ).format(title=detail.title),
            self.tr("Rouvrir la séance"),
        )

    def start_server(self, workshop_id: int) -> None:
        if self.server is not None and self.server_workshop == workshop_id:
            return
        self.stop_server()
        settings = load_settings()
        host = str(settings.get("server_host") or "")
        started = self.controller.start_server(workshop_id, host, SERVER_PORT, COFAC_PORT)
        if started is None:  # the error was shown; the séance runs on without phones
            return
        self.server, url = started
        self.server_workshop = workshop_id
        self.projector.set_wifi(str(settings["wifi_ssid"]), str(settings["wifi_password"]))
        self.projector.set_join_address(url, self.controller.join_code(workshop_id))
        self.cofac.server_started(workshop_id, self.server, host, url)

    def stop_server(self) -> None:
        self.cofac.server_stopped()
        if self.server is not None:
            self.server.stop()
        self.server = None
        self.server_workshop = None
        self.projector.set_join_address("")

    def close_seance_views(self) -> None:
        """The workshop went away: its views stop (the core has nothing left to count)."""
        self.workshop_id = None
        self.stop_server()
        self.live.set_session(None)
        self.console.set_session(None)
        self.votes.set_workshop(None)
        self.projector.hide()
        self.set_active(self._active)

    def run_block(self, block_id: int) -> None:
        if self.workshop_id is not None:
            self.open(self.workshop_id, block_id)

    def reload(self) -> None:
        if self.workshop_id is None:
            return
        session = self.controller.live_session(self.workshop_id)
        detail = self.controller.detail(self.workshop_id)
        if detail is not None:
            self.console.set_detail(detail)
            self.projector.set_rehearsal(detail.rehearsal_of is not None)
        self.live.set_session(session)
        self.console.set_session(session)
        self.reload_people()
        self.reload_feedback()
        if session is not None and session.timer.state == TimerState.ENDED:
            self.stop_server()  # the server lives as long as the séance
        elif self.server is not None:  # another séance of the workshop has a code of its own
            self.projector.set_join_code(self.controller.join_code(self.workshop_id))
        self.set_active(self._active)

    def on_event(self, event: Event) -> None:
        if self.workshop_id is None or event.workshop_id != self.workshop_id:
            return
        self.votes.on_event(event)
        self.cofac.on_event(event)
        if event.op == "workshop.delete":
            self.close_seance_views()
            self.leave_requested.emit(-1)
        elif event.topic in (Topic.TIMER, Topic.AGENDA, Topic.WORKSHOP):
            self.reload()
            if self.console.board_button.isChecked():
                self.board.schedule_reload()  # the board follows the séance's phase
        elif event.topic == Topic.FEEDBACK:
            self.reload_feedback()
        elif event.topic in (Topic.PARTICIPANTS, Topic.BOARD):
            if not self._people_refresh.isActive():  # a burst of phones: one refresh
                self._people_refresh.start()
            if event.topic == Topic.BOARD and self.console.board_button.isChecked():
                self.board.board_event(event)

    def reload_people(self) -> None:
        if self.workshop_id is None:
            return
        self.console.set_people(
            self.controller.attendees(self.workshop_id),
            self.controller.workshop_notes(self.workshop_id),
        )

    def reload_feedback(self) -> None:
        if self.workshop_id is None:
            return
        answers = self.controller.feedback_answers(self.workshop_id)
        if answers is not None:
            self.console.set_feedback(*answers)

    # -- the board -------------------------------------------------------------------------
    def _board_shown(self, shown: bool) -> None:
        if shown and self.workshop_id is not None:
            self.board.open(self.workshop_id)
            self.board.view.setFocus()
        self.mirror.setVisible(shown)
        if shown:
            self.mirror.raise_()

    def export_poster(self, size: str) -> None:
        """Save the workshop's QR poster: while its séance serves phones, what the projector
        shows; before, the address the phones will use (the settings' network, else this
        computer's likely one) and the workshop's code, which the next séances keep."""
        workshop_id = self.poster_workshop()
        if self.dialogs is None or workshop_id is None:
            return
        detail = self.controller.detail(workshop_id)
        if detail is None:
            return
        if self.server is not None and self.server_workshop == workshop_id:
            url, code = self.projector.join_url, self.projector.join_code
        else:
            host = str(load_settings().get("server_host") or "")
            url = phones_url(host, SERVER_PORT)
            code = self.controller.workshop_join_code(workshop_id)
        if not code:
            return  # the error was shown
        path = self.dialogs().save_file(
            self.tr("Enregistrer l'affiche QR code"),
            str(Path.home() / f"Affiche QR code - {' '.join(detail.title.split())[:80]}.pdf"),
            self.tr("Document PDF (*.pdf)"),
        )
        if path and self.controller.save_poster(workshop_id, url, code, path, size):
            self.status(self.tr("Affiche enregistrée : {path}").format(path=path))

    def show_code_lockout(self) -> None:
        """How many wrong codes were typed, whether new arrivals are suspended; lift it."""
        if self.server is None:
            self.status(self.tr("Les téléphones ne sont pas servis : ouvrez d'abord la séance."))
            return
        state = self.controller.code_lockout(self.server)
        if state is None:
            return
        if state.room_locked:
            text = self.tr(
                "Trop de codes erronés ont été essayés : les nouvelles arrivées sont "
                "suspendues (encore {minutes} min au plus). Les téléphones déjà inscrits "
                "continuent. Lever le blocage maintenant ? Si quelqu'un cherche à deviner le "
                "code, changez plutôt le code (Fichier › Nouveau code pour les téléphones)."
            ).format(minutes=max(1, round(state.room_seconds_left / 60)))
        else:
            text = self.tr(
                "Codes erronés depuis une heure : {wrong}. Téléphones en attente après "
                "plusieurs erreurs : {waiting}. Les arrivées ne sont pas suspendues. Lever "
                "les attentes ?"
            ).format(wrong=state.wrong_this_hour, waiting=len(state.addresses))
        if not self.confirm(self.tr("Codes erronés"), text, self.tr("Lever le blocage")):
            return
        if self.controller.lift_code_lockout(self.server) is not None:
            self.status(self.tr("Blocage levé : les téléphones peuvent de nouveau saisir le code."))

    def renew_code(self) -> None:
        """A new join code, on purpose (a code that went round too far): posters die."""
        workshop_id = self.poster_workshop()
        if workshop_id is None:
            return
        if not self.confirm(
            self.tr("Changer le code pour les téléphones ?"),
            self.tr(
                "Les affiches QR code déjà imprimées ne fonctionneront plus : il faudra les "
                "imprimer à nouveau. Les participants déjà inscrits gardent leur place."
            ),
            self.tr("Changer le code"),
        ):
            return
        if self.controller.renew_join_code(workshop_id) is not None:
            code = self.controller.workshop_join_code(workshop_id)
            self.status(self.tr("Nouveau code pour les téléphones : {code}").format(code=code))

    def status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 6000)

    # -- check-in by hand --------------------------------------------------------------------
    def add_attendee(self) -> None:
        if self.workshop_id is None or self.dialogs is None:
            return
        detail = self.controller.detail(self.workshop_id)
        partners = detail.cadrage.partner_list() if detail else []
        answer = self.dialogs().manual_check_in(partners)
        if answer is not None:
            self.controller.check_in_by_hand(
                self.workshop_id,
                answer.name,
                answer.organisation,
                answer.category,
                answer.consent_named,
            )
            self.reload_people()  # her own action shows at once (phones' arrivals are batched)

    def rename_attendee(self, participant_id: int, name: str) -> None:
        if self.workshop_id is None or self.dialogs is None:
            return
        new = self.dialogs().text(self.tr("Corriger le nom"), self.tr("Nom :"), name)
        if new is not None and new.strip() and new.strip() != name:
            self.controller.rename_participant(self.workshop_id, participant_id, new)
            self.reload_people()

    def remove_attendee(self, participant_id: int, name: str) -> None:
        if self.workshop_id is None:
            return
        if self.confirm(
            self.tr("Retirer de la liste"),
            self.tr(
                "Retirer « {name} » de la liste des présents ? Ses post-its restent, sans nom."
            ).format(name=name),
            self.tr("Retirer"),
        ):
            self.controller.remove_participant(self.workshop_id, participant_id)
            self.reload_people()

    def erase_attendee(self, participant_id: int, name: str) -> None:
        """« Supprimer cette personne » (RGPD): her name and data erased everywhere."""
        if self.workshop_id is None:
            return
        if self.confirm(
            self.tr("Supprimer cette personne"),
            self.tr(
                "Effacer « {name} » partout ? Son nom, son organisation et le lien avec son "
                "téléphone sont effacés de la liste, de l'historique, des sauvegardes et, à leur "
                "prochaine synchronisation, des ordinateurs des co-animateurs. Elle reste "
                "comptée comme « Personne effacée » ; ses post-its et ses votes restent, sans "
                "nom.\n\nCela ne peut pas être annulé (Ctrl+Z ne la fera pas revenir)."
            ).format(name=name),
            self.tr("Effacer"),
        ):
            self.controller.erase_participant(self.workshop_id, participant_id)
            self.reload_people()

    def _timer(self, op: TimerOp) -> None:
        """Run one of the controller's timer operations on the open séance."""
        if self.workshop_id is not None:
            op(self.workshop_id)

    def end(self) -> None:
        if self.workshop_id is None:
            return
        session = self.live.session
        if session is None or session.timer.state == TimerState.ENDED:
            return
        left = session.to_come
        if left:  # ended early: say what will not happen
            question = (
                self.tr(
                    "La séance en est à la séquence {n} sur {total} : il reste {left} "
                    "séquences, qui n'auront pas lieu. La terminer quand même ? Les durées "
                    "réelles sont enregistrées pour le compte-rendu."
                )
                if left > 1
                else self.tr(
                    "La séance en est à la séquence {n} sur {total} : il reste une séquence, "
                    "qui n'aura pas lieu. La terminer quand même ? Les durées réelles sont "
                    "enregistrées pour le compte-rendu."
                )
            ).format(n=(session.index or 0) + 1, total=len(session.phases), left=left)
        else:
            question = self.tr(
                "Terminer la séance maintenant ? Les durées réelles sont enregistrées pour le "
                "compte-rendu. Vous pourrez encore consulter la console."
            )
        if (
            self.confirm(
                self.tr("Terminer la séance"),
                question,
                self.tr("Terminer quand même") if left else self.tr("Terminer"),
            )
            and self.controller.end_session(self.workshop_id) is not None
        ):
            self.review_methods(self.workshop_id, True)  # « Plus tard » is one click

    # -- capitalisation ----------------------------------------------------------------------
    def review_methods(self, workshop_id: int | None, this_seance: bool) -> None:
        """« Retour d'expérience… » on the methods the séance used (`this_seance`: the one in
        the console; else every phase run in the workshop), with what was said before;
        « Plus tard » leaves it for the console's button or the Fichier menu."""
        if workshop_id is None or self.dialogs is None:
            return
        session = self.controller.live_session(workshop_id) if this_seance else None
        if session is not None:
            phases = [(p.id, p.method_key) for p in session.phases if p.actual_start is not None]
        else:
            detail = self.controller.detail(workshop_id)
            if detail is None:
                return
            phases = [(p.id, p.method_key) for b in detail.blocks for p in b.phases
                      if p.actual_start is not None]  # fmt: skip
        asked = to_review(phases)
        if not asked:
            if not this_seance:
                self.dialogs().info(
                    self.tr("Retour d'expérience"),
                    self.tr("Aucune méthode de la bibliothèque n'a encore été utilisée en "
                            "séance dans cet atelier."),
                )  # fmt: skip
            return
        said = {(r.phase_id, r.method_key): r for r in self.controller.method_reviews(workshop_id)}
        methods = {m.key: m for m in self.controller.methods()}
        items = []
        for phase_id, key in asked:
            before = said.get((phase_id, key))
            method = methods.get(key)
            items.append(
                ReviewItem(phase_id, key, method_name(method) if method else key,
                           before.rating if before else None,
                           before.worked if before else "", before.change if before else "")
            )  # fmt: skip
        answers = self.dialogs().method_reviews(items)
        if not answers:
            return
        saved = 0
        for a in answers:
            if self.controller.review_method(
                workshop_id, a.method_key, a.rating, a.worked, a.change, a.phase_id
            ):
                saved += 1
        if saved:
            self.status(self.tr("Retour d'expérience enregistré : {n} méthode(s)").format(n=saved))

    def toggle_projector(self) -> None:
        if not self.projector.isVisible():
            self.projector.place_on_second_screen(self.window.screen())
        else:
            self.projector.toggle_full_screen()

    def leave(self) -> None:
        if self.workshop_id is not None:
            self.leave_requested.emit(self.workshop_id)

    def shutdown(self) -> None:
        self._people_refresh.stop()
        self.board.shutdown()
        self.votes.shutdown()
        self.stop_server()
        self.cofac.shutdown()
        self.live.stop()
        self.projector.close()

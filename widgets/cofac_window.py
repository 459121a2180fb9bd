"""The co-facilitator laptop's window: the lead's séance, read from this laptop's replica.

It is the ordinary main window on a `RemoteController` (the replica's context; actions go to
the host), opened on the séance's console. What it adds: a banner saying whose séance this is,
her role, whether the host is reachable ("en ligne" / "hors ligne") and how many actions wait
to be sent; the buttons her role may not use disabled, with a tooltip saying why; what only
the lead does hidden. Closing it stops the connection and closes the replica's file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout

from app.cofac_client import Sent
from app.domain.model import WorkshopDetail
from app.domain.timer import TimerState
from app.events import Event, Topic
from widgets.bridge import EventBridge
from widgets.main_window import MainWindow
from widgets.remote_controller import RemoteController
from widgets.text import plain_label

ONLINE_STYLE = "QFrame#cofacBanner { background: #d7efec; border-radius: 8px; }"
OFFLINE_STYLE = "QFrame#cofacBanner { background: #fff3cd; border-radius: 8px; }"
REVOKED_STYLE = "QFrame#cofacBanner { background: #f9dedc; border-radius: 8px; }"


class CofacWindow(MainWindow):
    controller: RemoteController
    take_over_requested = Signal()  # she confirmed: the laptop's main window carries on

    def __init__(self, controller: RemoteController, bridge: EventBridge) -> None:
        super().__init__(controller, bridge)
        self.workshop_id = controller.workshop_id
        self._tooltips: dict[Any, str] = {}
        self._forced: set[Any] = set()  # what the role disabled (the views never re-enable some)
        self._told_revoked = False
        title = controller.client.pairing.title
        self.setWindowTitle(self.tr("Atelier — co-animation : {title}").format(title=title))
        for action in (self.new_action, self.start_action, self.bilan_action,
                       self.archive_import_action, self.join_action):  # fmt: skip
            action.setVisible(False)  # the lead's: this window shows her séance
        for action in (*self.runner.poster_actions, self.runner.renew_code_action):
            action.setVisible(False)  # the phones' address and code are on the lead's laptop
        # the lead's laptop is gone for good: carry on here, as the host
        self.take_over_action = QAction(self.tr("Reprendre l'atelier sur cet ordinateur…"), self)
        self.take_over_action.triggered.connect(lambda _checked=False: self.take_over())
        self.file_menu.insertAction(self.join_action, self.take_over_action)
        console = self.runner.console
        console.back_button.hide()  # the workshop's editor is the lead's
        console.block_picker.hide()
        # the lead ends the séance: the button stays, greyed, its tooltip says why
        console.end_button.setStyleSheet("QPushButton:disabled { color: #a0a6b1; }")
        self.db_label.setText(
            self.tr("Copie de la séance sur cet ordinateur : {where}").format(
                where=controller.ctx.db.url.split("///")[-1]
            )
        )

        # the banner over the console: whose séance, her role, the connection, the outbox
        self.banner = QFrame()
        self.banner.setObjectName("cofacBanner")
        self.who = plain_label()
        self.who.setObjectName("cofacWho")
        self.connection = plain_label()
        self.connection.setObjectName("cofacConnection")
        self.waiting = plain_label()
        self.waiting.setObjectName("cofacWaiting")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.who, 1)
        row.addWidget(self.waiting)
        row.addSpacing(16)
        row.addWidget(self.connection)
        layout = console.layout()
        assert isinstance(layout, QBoxLayout)  # the console's column
        layout.insertWidget(0, self.banner)

        controller.error.disconnect(self.dialogs_error)
        controller.error.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.connection_changed.connect(self.show_connection)
        controller.outbox_changed.connect(self._outbox_changed)
        bridge.event.connect(self._after_event)  # after the views refreshed
        self.runner.board.scene.selectionChanged.connect(self.apply_role)
        self.show_connection()

    @classmethod
    def open(cls, controller: RemoteController) -> CofacWindow:
        """A window on a joined séance: connected, its replica filled, its console shown."""
        bridge = EventBridge(controller.ctx.bus)
        window = cls(controller, bridge)
        bridge.setParent(window)
        controller.setParent(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        controller.start()
        window.show()
        window.open_seance()
        return window

    def open_seance(self) -> None:
        """The console on the séance, once the replica has it (the first sync fills it)."""
        if self.runner.workshop_id == self.workshop_id:
            return
        if self.controller.live_session(self.workshop_id) is None:
            self.statusBar().showMessage(self.tr("Copie de la séance en cours…"))
            return
        self.statusBar().clearMessage()
        self.start_session(self.workshop_id)
        self.apply_role()

    # -- what the host says ----------------------------------------------------------------------
    def _after_event(self, event: Event) -> None:
        if event.workshop_id != self.workshop_id:
            return
        if self.runner.workshop_id != self.workshop_id:
            self.open_seance()
            return
        if event.topic == Topic.COFAC:  # her role may have changed: buttons as the role says
            self.apply_role()  # what the role now allows is enabled again…
            self.runner.reload()  # …then each view sets what its own state allows
            self.runner.board.reload()
            self.runner.board._selection_changed()
            self.runner.votes.reload()
            self.runner.console.checkin._selection_changed()
            self._refresh_undo()
            self.show_connection()  # the banner names the role
        self.apply_role()

    def show_connection(self) -> None:
        remote = self.controller
        who = self.tr("Séance de « {title} » · vous : {name}, {role}").format(
            title=remote.client.pairing.title,
            name=remote.client.pairing.name,
            role=remote.role_label(),
        )
        self.who.setText(who)
        if remote.revoked:
            self.banner.setStyleSheet(REVOKED_STYLE)
            self.connection.setText(self.tr("✕ Accès retiré par l'animatrice"))
            self.connection.setToolTip(
                self.tr(
                    "Cet ordinateur ne reçoit plus la séance et ne cherche plus à s'y "
                    "reconnecter. Ce qui est affiché reste lisible, et le compte-rendu peut être "
                    "exporté depuis cette copie."
                )
            )
            if not self._told_revoked:
                self._told_revoked = True
                self.statusBar().showMessage(
                    self.tr(
                        "L'animatrice a retiré l'accès de cet ordinateur : il ne se reconnecte "
                        "plus à la séance."
                    )
                )
        elif remote.waiting:
            self.banner.setStyleSheet(OFFLINE_STYLE)
            self.connection.setText(self.tr("◌ En attente de l'accord de l'animatrice"))
            self.connection.setToolTip(
                self.tr(
                    "Le code était le bon. L'animatrice doit encore accepter cet ordinateur "
                    "dans son panneau de co-animation : rien n'est reçu avant."
                )
            )
        elif remote.online:
            self.banner.setStyleSheet(ONLINE_STYLE)
            self.connection.setText(self.tr("● En ligne"))
            self.connection.setToolTip(self.tr("Relié à l'ordinateur de l'animatrice"))
        else:
            self.banner.setStyleSheet(OFFLINE_STYLE)
            self.connection.setText(self.tr("○ Hors ligne"))
            self.connection.setToolTip(
                self.tr(
                    "L'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer à lire ; "
                    "vos actions partiront dès son retour."
                )
            )
        self._show_waiting()
        self.apply_role()

    def _outbox_changed(self, sent: Sent) -> None:
        if sent.status == "refused" and sent.answer:
            self.statusBar().showMessage(
                self.tr("Refusé par l'ordinateur de l'animatrice : {message}").format(
                    message=sent.answer.get("message", "")
                ),
                10000,
            )
        self._show_waiting()

    def _show_waiting(self) -> None:
        pending = self.controller.pending()
        self.waiting.setText(
            self.tr("{n} action(s) en attente d'envoi").format(n=pending)
            if pending
            else self.tr("Aucune action en attente")
        )

    # -- carrying on as the host -----------------------------------------------------------------
    def take_over(self) -> None:
        """Ask, saying what happens; then the laptop's main window carries on the workshop."""
        remote = self.controller
        seance = remote.live_session(self.workshop_id)
        parts = []
        if remote.revoked:  # the lead's choice, or another séance now at that address
            parts.append(
                self.tr(
                    "Cet ordinateur n'a plus accès à la séance : la copie est celle du moment "
                    "où l'accès a été retiré."
                )
            )
        elif remote.online:
            parts.append(
                self.tr(
                    "Attention : l'ordinateur de l'animatrice répond encore. Ne reprenez "
                    "l'atelier que s'il ne peut plus servir la séance."
                )
            )
        parts.append(
            self.tr(
                "« {title} » devient un atelier de cet ordinateur, avec sa copie complète : "
                "agenda et temps passés, post-its, votes, participants."
            ).format(title=remote.client.pairing.title)
        )
        if seance is not None and seance.timer.state != TimerState.ENDED:
            parts.append(
                self.tr(
                    "La séance se rouvre ici, minuteur en pause : vous le relancez quand la salle "
                    "est prête. Cet ordinateur sert alors les téléphones : projetez son QR code, "
                    "chaque participant le scanne et s'enregistre à nouveau (les arrivées déjà "
                    "notées restent dans la liste). Les autres co-animateurs rejoignent cet "
                    "ordinateur avec son code."
                )
            )
        else:
            parts.append(
                self.tr("Aucune séance n'est ouverte : « Démarrer la séance » la poursuivra ici.")
            )
        pending = remote.pending()
        if pending:
            parts.append(
                self.tr(
                    "{n} action(s) en attente d'envoi ne seront pas appliquées : refaites-les "
                    "après la reprise."
                ).format(n=pending)
            )
        parts.append(
            self.tr(
                "Cette fenêtre se ferme : cet ordinateur ne suit plus celui de l'animatrice, et "
                "la copie reçue reste telle quelle."
            )
        )
        if self.dialogs.confirm(
            self.tr("Reprendre l'atelier sur cet ordinateur"),
            "\n\n".join(parts),
            self.tr("Reprendre ici"),
        ):
            self.take_over_requested.emit()

    # -- the role --------------------------------------------------------------------------------
    def _gated(self) -> list[tuple[Any, str]]:
        """(button or action, the remote operation it sends)."""
        console, runner = self.runner.console, self.runner
        board, votes = runner.board, runner.votes.panel
        gated: list[tuple[Any, str]] = [
            (console.toggle_button, "live.toggle"),
            (console.previous_button, "live.previous_phase"),
            (console.next_button, "live.next_phase"),
            (console.minus_button, "live.adjust"),
            (console.plus_button, "live.adjust"),
            (console.plus5_button, "live.adjust"),
            (console.reset_button, "live.reset"),
            (runner.toggle_action, "live.toggle"),
            (runner.previous_action, "live.previous_phase"),
            (runner.next_action, "live.next_phase"),
            (runner.minus_action, "live.adjust"),
            (runner.plus_action, "live.adjust"),
            (runner.plus5_action, "live.adjust"),
            (runner.reset_action, "live.reset"),
            (console.end_button, "live.end_session"),
            (runner.end_action, "live.end_session"),
            (board.entry, "board.add_note"),
            (board.colour, "board.recolour"),
            (board.group_button, "board.group"),
            (board.ungroup_button, "board.ungroup"),
            (board.rename_button, "board.update_cluster"),
            (board.duplicate_button, "board.duplicate_notes"),
            (board.delete_button, "board.delete_notes"),
            (board.reveal_button, "board.reveal"),
            (board.private_button, "board.set_private"),
            (board.template_menu.menuAction(), "board.set_template"),
            (board.scope_action, "board.set_options"),
            (board.arrival_action, "board.set_options"),
            (board.vote_button, "votes.open_round"),
            (votes.new_button, "votes.open_round"),
            (votes.close_button, "votes.close_round"),
            (votes.reopen_button, "votes.reopen_round"),
            (votes.reveal_button, "votes.reveal_results"),
            (votes.paper_button, "votes.add_paper_votes"),
            (votes.promote_button, "votes.promote_to_actions"),
            (votes.promote_projects_button, "votes.promote_to_projects"),
            (votes.paper_remove_button, "votes.remove_paper_votes"),
            (console.checkin.add_button, "participants.check_in"),
            (console.checkin.rename_button, "participants.rename"),
            (console.checkin.remove_button, "participants.remove"),
            (self.undo_action, "undo"),
            (self.redo_action, "redo"),
        ]
        return gated

    def apply_role(self) -> None:
        """Disable what her role may not do, saying why; what it may do is left as the views
        set it."""
        if not hasattr(self, "banner"):  # MainWindow's constructor, before ours ran
            return
        for widget, op in self._gated():
            refused = self.controller.refusal(op)
            if widget not in self._tooltips:
                self._tooltips[widget] = widget.toolTip()
            if refused:
                widget.setEnabled(False)
                widget.setToolTip(refused)
                self._forced.add(widget)
                continue
            if widget in self._forced:  # allowed now (a new role): the views take it back
                self._forced.discard(widget)
                widget.setEnabled(True)
            if widget.toolTip() != self._tooltips[widget]:
                widget.setToolTip(self._tooltips[widget])

    def _update_undo(self, detail: WorkshopDetail | None = None) -> None:
        super()._update_undo(detail)
        self.apply_role()  # undo and redo are a co-animateur·rice's

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.controller.stop()

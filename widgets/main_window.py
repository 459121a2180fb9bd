"""The main window: home (list of workshops) and the workshop editor, menus and shortcuts.

Over ~600 lines as one cohesive thing: it is the wiring of the window, its menus, the
workshop-level actions they trigger and the refresh on the core's events, each a few lines
that ask a dialog and call the controller (the screens themselves are modules of their own:
home_view, workshop_editor, session_runner, document_desk, board_panel…). Its texts share the
`MainWindow` translation context; a mixin would move them to another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QProgressBar, QStackedWidget

from app import __version__
from app.domain.model import WorkshopDetail
from app.events import Event, Topic
from app.settings import load_settings
from widgets.actions_panel import ActionsPanel
from widgets.archive_desk import ArchiveDesk
from widgets.board_panel import BoardPanel
from widgets.bridge import EventBridge
from widgets.chantiers_panel import ChantiersPanel
from widgets.controller import Controller
from widgets.core_text import know_formats
from widgets.dialogs import Dialogs
from widgets.document_desk import DocumentDesk
from widgets.home_view import HomeView
from widgets.ideas_panel import IdeasPanel
from widgets.photo_desk import PhotoDesk
from widgets.rehearsal_desk import RehearsalDesk
from widgets.report_task import ReportTask
from widgets.session_runner import SessionRunner
from widgets.settings_dialog import SettingsDialog
from widgets.undo_labels import step_text
from widgets.workshop_editor import WorkshopEditor

if TYPE_CHECKING:
    from widgets.all_chantiers_dialog import AllChantiersDialog
    from widgets.remote_controller import RemoteController  # co-animation: not at start-up


def _step(op: str, label: str) -> str:
    """A journal step for the undo and redo actions: in the window's language, "&" shown."""
    return step_text(op, label).replace("&", "&&")


class JoinedWindow(Protocol):
    """The window of a séance joined from this laptop (`widgets.cofac_window.CofacWindow`)."""

    @property
    def take_over_requested(self) -> SignalInstance: ...  # she wants to carry on here

    @property
    def destroyed(self) -> SignalInstance: ...

    def close(self) -> bool: ...


class MainWindow(QMainWindow):
    def __init__(self, controller: Controller, bridge: EventBridge) -> None:
        super().__init__()
        self.controller = controller
        self.bridge = bridge
        self.dialogs = Dialogs(self)
        self.setWindowTitle(self.tr("Atelier"))
        self.resize(1400, 860)

        know_formats(controller.formats())
        self.home = HomeView()
        self.editor = WorkshopEditor(controller.methods())
        self.editor_board = BoardPanel(controller, dialogs=lambda: self.dialogs)
        self.editor.set_board(self.editor_board)
        self.actions_panel = ActionsPanel(controller, lambda: self.dialogs)
        self.chantiers_panel = ChantiersPanel(controller, lambda: self.dialogs)
        self.ideas_panel = IdeasPanel(controller, lambda: self.dialogs)
        self.editor.set_outcomes(self.ideas_panel, self.actions_panel, self.chantiers_panel)
        for panel in (self.ideas_panel, self.actions_panel, self.chantiers_panel):
            panel.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.photo_desk = PhotoDesk(controller, lambda: self.dialogs, self)
        self.editor.set_photos(self.photo_desk.panel)
        self.photo_desk.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.editor.project_status_requested.connect(self.controller.set_project_status)
        self.editor.tabs.currentChanged.connect(self._editor_tab_changed)
        self.editor_board.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.editor)
        self.runner = SessionRunner(
            controller,
            self,
            lambda title, text, action: self.dialogs.confirm(title, text, action),
            chime=bool(load_settings().get("chime", True)),
            dialogs=lambda: self.dialogs,
        )
        self.stack.addWidget(self.runner.console)
        self.stack.currentChanged.connect(
            lambda _i: self.runner.set_active(self.stack.currentWidget() is self.runner.console)
        )
        self.runner.leave_requested.connect(self._leave_console)
        self.rehearsal = RehearsalDesk(
            self, controller, lambda: self.dialogs, self.runner, self._report_workshop_id,
            self.start_session, self.show_home,
        )  # fmt: skip
        self.rehearsal.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._undo_refresh = QTimer(self)
        self._undo_refresh.setSingleShot(True)
        self._undo_refresh.setInterval(50)
        self._undo_refresh.timeout.connect(self._refresh_undo)
        self.photo_desk.changed.connect(self._undo_refresh.start)
        self.setCentralWidget(self.stack)

        self.home.new_requested.connect(self.new_workshop)
        self.home.open_requested.connect(self.open_workshop)
        self.home.rename_requested.connect(self.rename_workshop)
        self.home.duplicate_requested.connect(self.duplicate_workshop)
        self.home.archive_requested.connect(self.controller.archive)
        self.home.delete_requested.connect(self.delete_workshop)
        self.editor.back_requested.connect(self.show_home)
        self.editor.rename_requested.connect(self.rename_workshop)
        self.editor.save_format_requested.connect(self.save_as_format)
        self.editor.start_requested.connect(self.start_session)
        self.editor.cadrage.save_requested.connect(self._save_cadrage)
        self.editor.cadrage.details_requested.connect(self._save_details)
        agenda = self.editor.agenda
        agenda.add_requested.connect(self._add_phase)
        agenda.remove_requested.connect(self.controller.remove_phase)
        agenda.move_requested.connect(self.controller.move_phase)
        agenda.update_requested.connect(self.controller.update_phase)
        controller.error.connect(self.dialogs_error)
        bridge.event.connect(self.on_event)
        bridge.event.connect(self.rehearsal.on_event)

        self.join_dialog: QDialog | None = None  # "Rejoindre une séance…" while open
        self.all_chantiers: AllChantiersDialog | None = None  # once opened from the menu
        self.cofac_windows: list[JoinedWindow] = []  # séances joined from this laptop
        # how a joined séance opens (`CofacWindow.open`, set by `application.build_window`)
        self.open_joined: Callable[[RemoteController], JoinedWindow] | None = None
        self.documents = DocumentDesk(
            self,
            controller,
            lambda: self.dialogs,
            self._report_workshop_id,
            self.editor.flush,
            self._document_actions,
        )
        self.archives = ArchiveDesk(
            self,
            controller,
            lambda: self.dialogs,
            self._report_workshop_id,
            self.editor.flush,
            self._imported,
        )
        self._build_menus()
        self.statusBar().addPermanentWidget(self.documents.progress)
        self.db_label = QLabel()
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.db_label)
        self.db_label.setText(
            self.tr("Base : {where}").format(where=controller.ctx.db.url.split("///")[-1])
        )
        problems = controller.library_problems()
        if problems:
            self.statusBar().showMessage(
                self.tr("Un fichier de format a été ignoré : {problem}").format(problem=problems[0])
            )
        self.refresh_home()

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.file_menu = file_menu
        self.new_action = self._action(
            self.tr("&Nouvel atelier…"), QKeySequence.StandardKey.New, self.new_workshop
        )
        file_menu.addAction(self.new_action)
        file_menu.addAction(self._action(self.tr("Liste des &ateliers"), "Ctrl+L", self.show_home))
        self.report_action = self._action(
            self.tr("&Compte-rendu…"), "Ctrl+Shift+E", self.documents.export_report
        )
        file_menu.addAction(self.report_action)
        # the ended console's "Faire le compte-rendu…": the same action, waiting like it
        self.runner.console.report_requested.connect(self.report_action.trigger)
        self.emargement_action = self._action(
            self.tr("Feuille d'é&margement…"), None, self.documents.export_emargement
        )
        file_menu.addAction(self.emargement_action)
        # the QR poster and its code: before the séance (printed the day before) or during it
        self.runner.poster_workshop = self._report_workshop_id
        file_menu.addActions([*self.runner.poster_actions, self.runner.renew_code_action])
        file_menu.addAction(self.runner.review_action)
        file_menu.setToolTipsVisible(True)  # a greyed entry says why
        file_menu.aboutToShow.connect(self.runner.update_poster_actions)
        self.csv_action = self._action(
            self.tr("Exporter en C&SV…"), None, self.documents.export_csv
        )
        file_menu.addAction(self.csv_action)
        self.bilan_action = self._action(
            self.tr("&Bilan d'activité…"), None, self.documents.export_bilan
        )
        file_menu.addAction(self.bilan_action)
        self.all_chantiers_action = self._action(
            self.tr("C&hantiers de tous les ateliers…"), None, self.show_all_chantiers
        )
        file_menu.addAction(self.all_chantiers_action)
        file_menu.addSeparator()
        self.archive_export_action = self._action(
            self.tr("&Exporter l'atelier (archive)…"), None, self.export_archive
        )
        self.archive_import_action = self._action(
            self.tr("&Importer un atelier…"), None, self.import_archive
        )
        file_menu.addAction(self.archive_export_action)
        file_menu.addAction(self.archive_import_action)
        self.anonymise_action = self._action(
            self.tr("A&nonymiser l'atelier…"), None, self.anonymise_workshop
        )
        file_menu.addAction(self.anonymise_action)
        file_menu.addSeparator()
        self.join_action = self._action(self.tr("&Rejoindre une séance…"), None, self.join_seance)
        file_menu.addAction(self.join_action)
        file_menu.addAction(self._action(self.tr("&Tester le réseau…"), None, self.test_network))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Paramètres…"), "Ctrl+,", self.show_settings))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quitter"), QKeySequence.StandardKey.Quit, self.close)
        )
        edit_menu = self.menuBar().addMenu(self.tr("&Édition"))
        self.undo_action = self._action(
            self.tr("&Annuler"), QKeySequence.StandardKey.Undo, self.undo
        )
        self.redo_action = self._action(self.tr("&Rétablir"), "Ctrl+Shift+Z", self.redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        live_menu = self.menuBar().addMenu(self.tr("&Séance"))
        self.start_action = self._action(
            self.tr("&Démarrer la séance"), "Ctrl+Shift+D", self._start_current
        )
        live_menu.addAction(self.start_action)
        live_menu.setToolTipsVisible(True)
        live_menu.aboutToShow.connect(self._update_start_action)
        # its shortcut works again once the menu is closed (the selection may change)
        live_menu.aboutToHide.connect(lambda: self.start_action.setEnabled(True))
        self.rehearsal.fill_menu(live_menu)
        live_menu.addSeparator()
        self.runner.fill_menu(live_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        help_menu.addAction(
            self._action(self.tr("&Données personnelles…"), None, self.show_privacy)
        )
        help_menu.addAction(self._action(self.tr("À &propos d'Atelier"), None, self.about))
        self._update_undo()

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- navigation --------------------------------------------------------------------------
    def refresh_home(self) -> None:
        self.home.set_workshops(self.controller.workshops())

    def show_home(self) -> None:
        self.editor.flush()
        self.stack.setCurrentWidget(self.home)
        if self.editor.workshop_id is not None:
            self.home.select(self.editor.workshop_id)
        self.home.table.setFocus()
        self._update_undo()

    def open_workshop(self, workshop_id: int) -> None:
        detail = self.controller.detail(workshop_id)
        if detail is None:
            return
        self.editor.set_detail(detail)
        self.editor.library.set_usage(self.controller.method_usage())
        self.stack.setCurrentWidget(self.editor)
        if self.editor.tabs.currentIndex() == self.editor.board_index:
            self.editor_board.open(workshop_id)
        elif self.editor.tabs.currentIndex() == self.editor.photos_index:
            self.photo_desk.open(workshop_id)
        self._update_undo(detail)

    def start_session(self, workshop_id: int) -> None:
        """Open the console (and the projector) on the workshop's séance, resuming a running one."""
        self.editor.flush()
        if self.runner.open(workshop_id):
            self.stack.setCurrentWidget(self.runner.console)
            self._update_undo(self.controller.detail(workshop_id))

    def _leave_console(self, workshop_id: int) -> None:
        if workshop_id < 0:  # its workshop was deleted
            self.show_home()
        else:
            self.open_workshop(workshop_id)

    def _start_current(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is None and self.stack.currentWidget() is self.home:
            workshop_id = self.home.current_id()
        if workshop_id is not None:
            self.start_session(workshop_id)

    def _update_start_action(self) -> None:
        chosen = self._report_workshop_id() is not None
        self.start_action.setEnabled(chosen)
        self.start_action.setToolTip(
            self.tr("Démarrer la séance")
            if chosen
            else self.tr("Ouvrez ou sélectionnez d'abord un atelier.")
        )

    def current_workshop_id(self) -> int | None:
        if self.stack.currentWidget() is self.editor:
            return self.editor.workshop_id
        if self.stack.currentWidget() is self.runner.console:
            return self.runner.workshop_id  # the board's actions are undone from the console
        return None

    # -- actions -----------------------------------------------------------------------------
    def new_workshop(self) -> None:
        default_place = str(load_settings().get("default_place", ""))
        request = self.dialogs.new_workshop(self.controller.formats(), default_place)
        if request is None:
            return
        change = self.controller.create(
            request.format_key, request.title, request.place, request.start_date
        )
        if change is not None and change.workshop_id is not None:
            self.open_workshop(change.workshop_id)

    def rename_workshop(self, workshop_id: int) -> None:
        detail = self.controller.detail(workshop_id)
        if detail is None:
            return
        title = self.dialogs.text(
            self.tr("Renommer l'atelier"), self.tr("Nouveau titre :"), detail.title
        )
        if title is not None and title.strip() and title.strip() != detail.title:
            self.controller.rename(workshop_id, title)

    def duplicate_workshop(self, workshop_id: int) -> None:
        change = self.controller.duplicate(workshop_id)
        if change is not None and change.workshop_id is not None:
            self.home.select(change.workshop_id)
            self.statusBar().showMessage(
                self.tr("Atelier dupliqué : la copie est prête à être adaptée."), 5000
            )

    def delete_workshop(self, workshop_id: int) -> None:
        detail = self.controller.detail(workshop_id)
        if detail is None:
            return
        counts = detail.counts
        text = self.tr(
            "Supprimer définitivement « {title} » ?\n\n"
            "Son cadrage, son agenda, {participants} participant(s), {notes} post-it(s) et les votes "
            "seront effacés. Cette action ne peut pas être annulée. Pour le mettre de côté sans rien "
            "perdre, choisissez plutôt « Archiver »."
        ).format(
            title=detail.title,
            participants=counts.get("participants", 0),
            notes=counts.get("notes", 0),
        )
        if self.dialogs.confirm(self.tr("Supprimer l'atelier"), text, self.tr("Supprimer")):
            if self.editor.workshop_id == workshop_id:
                self.show_home()
            self.controller.delete(workshop_id)

    def save_as_format(self, workshop_id: int) -> None:
        detail = self.controller.detail(workshop_id)
        if detail is None:
            return
        name = self.dialogs.text(
            self.tr("Enregistrer comme format"),
            self.tr("Nom du nouveau format :"),
            f"{detail.format_name} — {detail.title}",
        )
        if name:
            fmt = self.controller.save_as_format(workshop_id, name)
            if fmt is not None:
                self.statusBar().showMessage(
                    self.tr(
                        "Format « {name} » enregistré : il est proposé à la création d'un atelier."
                    ).format(name=fmt.name),
                    6000,
                )

    def _save_cadrage(self, fields: dict[str, str]) -> None:
        if self.editor.workshop_id is not None:
            self.controller.save_cadrage(self.editor.workshop_id, fields)

    def _save_details(self, place: str, day: date | None) -> None:
        if self.editor.workshop_id is not None:
            self.controller.save_details(self.editor.workshop_id, place, day)

    def _add_phase(self, block_id: int, method_key: object, kind: str) -> None:
        from app.domain.model import PhaseKind

        change = self.controller.add_phase(
            block_id, method_key if isinstance(method_key, str) else None, kind=PhaseKind(kind)
        )
        if change is not None and change.ids:
            self._refresh_editor()
            self.editor.agenda.select_phase(change.ids[0])

    def undo(self) -> None:
        wid = self.current_workshop_id()
        if wid is not None:
            self.editor.flush()
            self.controller.undo(wid)
            self._refresh_undo()  # the next Ctrl+Z / Ctrl+Shift+Z is ready at once

    def redo(self) -> None:
        wid = self.current_workshop_id()
        if wid is not None:
            self.controller.redo(wid)
            self._refresh_undo()

    def show_all_chantiers(self) -> None:
        """The lab's chantiers across workshops (non-modal; a double-click opens one)."""
        from widgets.all_chantiers_dialog import AllChantiersDialog

        if self.all_chantiers is None:
            self.all_chantiers = AllChantiersDialog(self.controller, self)
            self.all_chantiers.open_requested.connect(self.open_chantier)
        else:
            self.all_chantiers.refresh()
        self.all_chantiers.show()
        self.all_chantiers.raise_()

    def open_chantier(self, workshop_id: int, project_id: int) -> None:
        self.open_workshop(workshop_id)
        if self.editor.workshop_id == workshop_id:
            self.editor.tabs.setCurrentIndex(self.editor.chantiers_index)
            self.chantiers_panel.select(project_id)
            self.activateWindow()

    def show_settings(self) -> None:
        dialog = SettingsDialog(self, open_file=self.dialogs.open_file)
        dialog.exec()
        dialog.deleteLater()

    def about(self) -> None:
        self.dialogs.info(
            self.tr("À propos d'Atelier"),
            self.tr(
                "Atelier {version}\n\nPréparer, animer et restituer des ateliers participatifs, "
                "entièrement hors ligne.\nConçu pour LaBase, le laboratoire d'innovation publique de "
                "Nouvelle-Aquitaine."
            ).format(version=__version__),
        )

    # -- personal data (RGPD) ----------------------------------------------------------------
    def show_privacy(self) -> None:
        """Aide → « Données personnelles » (non-modal)."""
        from widgets.privacy_dialog import PrivacyDialog

        dialog = PrivacyDialog(self.controller.privacy_facts(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def anonymise_workshop(self) -> None:
        """Fichier → « Anonymiser l'atelier… » (the workshop shown or selected)."""
        wid = self._report_workshop_id()
        detail = self.controller.detail(wid) if wid is not None else None
        if detail is None:
            self.dialogs.error(self.tr("Choisissez d'abord un atelier dans la liste."))
            return
        text = self.tr(
            "Anonymiser « {title} » ?\n\nLes noms des participants, des auteurs de post-its, "
            "des responsables d'actions, des porteurs de chantiers et des co-animateurs seront "
            "remplacés par leurs initiales (« Marie Dupont » → « M. D. »), partout : listes, "
            "historique, sauvegardes. Les post-its, votes et actions restent.\n\nCela ne peut "
            "pas être annulé : exportez d'abord le compte-rendu ou l'archive si vous avez "
            "besoin des noms."
        ).format(title=detail.title)
        if not self.dialogs.confirm(self.tr("Anonymiser l'atelier"), text, self.tr("Anonymiser")):
            return
        if self.controller.anonymise_workshop(detail.id) is not None:
            self.statusBar().showMessage(
                self.tr("Atelier anonymisé : les noms sont devenus des initiales."), 6000
            )

    def apply_retention(self) -> None:
        """At start-up: the workshops past the retention setting are anonymised (or deleted);
        a message in the status bar says so, without stopping her."""
        notice = self.controller.apply_retention()
        if notice:
            self.refresh_home()
            self.statusBar().showMessage(notice, 30000)

    # -- documents ---------------------------------------------------------------------------
    def _report_workshop_id(self) -> int | None:
        current = self.stack.currentWidget()
        if current is self.editor:
            return self.editor.workshop_id
        if current is self.runner.console:
            return self.runner.workshop_id
        return self.home.current_id()

    def _document_actions(self) -> tuple[QAction, ...]:
        """The File menu's documents: one at a time (each waits while another is written)."""
        return (self.report_action, self.emargement_action, self.csv_action, self.bilan_action)

    @property
    def report_task(self) -> ReportTask | None:
        """The document being written, if one is."""
        return self.documents.task

    @property
    def report_progress(self) -> QProgressBar:
        return self.documents.progress

    # -- the JSON archive: a workshop moving between laptops (widgets/archive_desk.py) ---------
    def export_archive(self) -> None:
        self.archives.export_archive()

    def import_archive(self) -> None:
        self.archives.import_archive()

    def _imported(self, workshop_id: int) -> None:
        self.show_home()
        self.refresh_home()
        self.home.select(workshop_id)

    def test_network(self) -> None:
        """Fichier → « Tester le réseau… »: phones reach this laptop? (no séance needed)."""
        from widgets.netcheck_dialog import NetCheckDialog

        dialog = NetCheckDialog(self.controller, self.dialogs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- co-animation: this laptop joins another's séance ---------------------------------------
    def join_seance(self) -> None:
        """Find a séance on the local network (or by its address), pair with its code, then
        open it in a co-animation window of its own."""
        from widgets.join_dialog import JoinDialog

        if self.join_dialog is not None:
            self.join_dialog.raise_()
            return
        self.join_dialog = JoinDialog(self.controller, self)
        self.join_dialog.joined.connect(self._joined)
        self.join_dialog.finished.connect(self._join_closed)
        self.join_dialog.open()

    def _join_closed(self) -> None:
        if self.join_dialog is not None:
            self.join_dialog.deleteLater()
        self.join_dialog = None

    def _joined(self, remote: RemoteController) -> None:
        if self.open_joined is None:  # a window that cannot open joined séances
            remote.stop()
            return
        window = self.open_joined(remote)
        self.cofac_windows.append(window)
        window.destroyed.connect(lambda: self.cofac_windows.remove(window))
        window.take_over_requested.connect(lambda: self._take_over(window, remote))

    def _take_over(self, window: JoinedWindow, remote: RemoteController) -> None:
        """The lead's laptop is gone: the joined séance's workshop becomes one of this laptop,
        its window closes, and the séance (if one was open) resumes here, timer paused."""
        taken = self.controller.take_over(remote, remote.workshop_id)
        if taken is None:  # the refusal was shown; her copy stays open
            return
        window.close()  # no more talking to the lead's laptop; the replica's file is closed
        self.refresh_home()
        if taken.seance_open:
            self.start_session(taken.workshop_id)
            message = self.tr(
                "Atelier repris sur cet ordinateur : la séance est en pause. Projetez le QR "
                "code : les téléphones s'enregistrent à nouveau ici."
            )
        else:
            self.open_workshop(taken.workshop_id)
            message = self.tr(
                "Atelier repris sur cet ordinateur : « Démarrer la séance » pour le poursuivre."
            )
        self.activateWindow()
        self.statusBar().showMessage(message, 15000)

    def dialogs_error(self, message: str) -> None:
        self.dialogs.error(message)

    # -- events from the core ----------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        if event.topic in (Topic.WORKSHOPS, Topic.WORKSHOP, Topic.TIMER):  # status may change
            self.refresh_home()
        if self.editor.workshop_id is not None and event.workshop_id == self.editor.workshop_id:
            if event.topic == Topic.WORKSHOPS and event.op == "workshop.delete":
                self.editor.workshop_id = None
            elif event.topic == Topic.BOARD:
                if self.editor.tabs.currentIndex() == self.editor.board_index:
                    self.editor_board.board_event(event)
                elif self.editor.tabs.currentIndex() == self.editor.ideas_index:
                    self.ideas_panel.reload()  # a fate decided (here or on a laptop)
                self._undo_refresh.start()  # the Edit menu names what Ctrl+Z would undo
            elif event.topic == Topic.PHOTOS:
                self.photo_desk.on_event(event)
            else:
                self._refresh_editor()
        self.runner.on_event(event)
        if (
            self.stack.currentWidget() is self.runner.console
            and event.workshop_id == self.runner.workshop_id
            and event.topic in (Topic.BOARD, Topic.AGENDA, Topic.WORKSHOP)
        ):
            self._undo_refresh.start()  # a burst of events: one query

    def _editor_tab_changed(self, index: int) -> None:
        if index == self.editor.board_index and self.editor.workshop_id is not None:
            self.editor_board.open(self.editor.workshop_id)
            self.editor_board.view.setFocus()
        elif index == self.editor.photos_index and self.editor.workshop_id is not None:
            self.photo_desk.open(self.editor.workshop_id)
            self.photo_desk.panel.list.setFocus()

    def _refresh_undo(self) -> None:
        if self.stack.currentWidget() is self.runner.console and self.runner.workshop_id:
            self._update_undo(self.controller.detail(self.runner.workshop_id))
        elif self.stack.currentWidget() is self.editor and self.editor.workshop_id:
            self._update_undo(self.controller.detail(self.editor.workshop_id))

    def _refresh_editor(self) -> None:
        if self.editor.workshop_id is None:
            return
        detail = self.controller.detail(self.editor.workshop_id)
        if detail is not None:
            self.editor.set_detail(detail)
            self._update_undo(detail)

    def _update_undo(self, detail: WorkshopDetail | None = None) -> None:
        in_editor = self.stack.currentWidget() in (self.editor, self.runner.console)
        rehearsal = in_editor and detail is not None and detail.rehearsal_of is not None
        self.setWindowTitle(
            self.tr("Atelier — RÉPÉTITION (ne compte pas dans le bilan)")
            if rehearsal
            else self.tr("Atelier")
        )
        can_undo = bool(in_editor and detail and detail.can_undo)
        can_redo = bool(in_editor and detail and detail.can_redo)
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            self.tr("&Annuler : {what}").format(what=_step(detail.undo_op, detail.undo_label))
            if can_undo and detail
            else self.tr("&Annuler")
        )
        self.redo_action.setText(
            self.tr("&Rétablir : {what}").format(what=_step(detail.redo_op, detail.redo_label))
            if can_redo and detail
            else self.tr("&Rétablir")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()  # nothing she typed is lost
        self.documents.wait()  # a document being written is finished, not cut
        self.statusBar().clearMessage()  # stops the message's own timer
        if self.all_chantiers is not None:
            self.all_chantiers.close()
        self._undo_refresh.stop()
        self.editor_board.shutdown()
        self.photo_desk.shutdown()
        self.rehearsal.shutdown()  # the simulated phones leave
        self.runner.shutdown()  # the timer runs on in the core; its views close
        self.bridge.close()
        super().closeEvent(event)

"""The JSON archive: a workshop moving between laptops (Fichier → Exporter / Importer).

The texts keep the main window's translation context ("MainWindow"), where they were first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow

from widgets.controller import Controller
from widgets.dialogs import Dialogs


class ArchiveDesk(QObject):
    def __init__(
        self,
        window: QMainWindow,
        controller: Controller,
        dialogs: Callable[[], Dialogs],
        workshop: Callable[[], int | None],
        flush: Callable[[], None],
        imported: Callable[[int], None],
    ) -> None:
        """`workshop` names the workshop to export (the open one, else the one selected),
        `flush` keeps what she just typed, `imported` shows a workshop just imported."""
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.dialogs = dialogs
        self.workshop = workshop
        self.flush = flush
        self.imported = imported

    def _say(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def export_archive(self) -> None:
        workshop_id = self.workshop()
        detail = self.controller.detail(workshop_id) if workshop_id is not None else None
        if workshop_id is None or detail is None:
            self._say(
                QCoreApplication.translate(
                    "MainWindow", "Ouvrez ou sélectionnez d'abord un atelier."
                ),
                4000,
            )
            return
        self.flush()  # what she just typed goes with it
        title = "".join(c if c.isalnum() or c in " -_'" else " " for c in detail.title)
        suggested = str(Path.home() / f"Atelier - {' '.join(title.split())[:80]}.json")
        path = self.dialogs().save_file(
            QCoreApplication.translate("MainWindow", "Exporter l'atelier (archive)"),
            suggested,
            QCoreApplication.translate("MainWindow", "Archive Atelier (*.json)"),
        )
        if not path:
            return
        if not path.lower().endswith(".json"):
            path += ".json"
        if self.controller.export_archive(workshop_id, path):
            self._say(
                QCoreApplication.translate(
                    "MainWindow",
                    "Archive enregistrée : {path} (à ouvrir avec « Importer un atelier… » sur un "
                    "autre ordinateur)",
                ).format(path=path)
            )

    def import_archive(self) -> None:
        dialogs = self.dialogs()
        path = dialogs.open_file(
            QCoreApplication.translate("MainWindow", "Importer un atelier"),
            QCoreApplication.translate(
                "MainWindow", "Archive Atelier (*.json);;Tous les fichiers (*)"
            ),
        )
        if not path:
            return
        read = self.controller.read_archive(path)  # a refusal is shown as a dialog
        if read is None:
            return
        data, held = read
        if_held = "refuse"
        if held:  # imported before, or exported from here: replace it, or keep both?
            title = held[0][1]
            answer = dialogs.choose(
                QCoreApplication.translate("MainWindow", "Importer un atelier"),
                QCoreApplication.translate(
                    "MainWindow",
                    "La base contient déjà l'atelier « {title} » de cette archive.\n\n"
                    "Le remplacer par celui de l'archive (ce qui a changé ici depuis l'export "
                    "sera perdu), ou garder les deux, l'import s'appelant « {title} (copie) » ?",
                ).format(title=title),
                [
                    ("replace", QCoreApplication.translate("MainWindow", "Remplacer")),
                    ("copy", QCoreApplication.translate("MainWindow", "Garder les deux")),
                ],
            )
            if answer is None:
                return
            if_held = answer
        workshop_id = self.controller.import_archive(data, if_held)
        if workshop_id is None:
            return
        self.imported(workshop_id)
        detail = self.controller.detail(workshop_id)
        self._say(
            QCoreApplication.translate("MainWindow", "Atelier importé : « {title} »").format(
                title=detail.title if detail else workshop_id
            ),
            8000,
        )

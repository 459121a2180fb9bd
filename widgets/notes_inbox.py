"""The post-its as they arrive from phones, newest first (the board issue lays them out)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from widgets.core_text import time_text
from widgets.text import plain_label


class NotesInbox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = plain_label()
        self.count.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        self.set_notes([])

    def set_notes(self, notes: list[Any]) -> None:
        self.list.clear()
        for note in reversed(notes):
            moment = datetime.fromtimestamp(note.created_at)
            when = time_text(moment.hour * 60 + moment.minute)
            # QListWidgetItem text is plain text: participants' markup stays as typed
            self.list.addItem(QListWidgetItem(f"{note.text}\n— {note.author}, {when}"))
        self.count.setText(
            self.tr("{n} post-it(s) reçu(s)").format(n=len(notes))
            if notes
            else self.tr("Aucun post-it pour l'instant")
        )

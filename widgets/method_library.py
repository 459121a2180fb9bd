"""The method library side panel: search, filter by brique, read, add to the agenda."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.library import BRIQUES, TOOLS, Method

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def method_html(method: Method) -> str:
    """The method sheet; every text is escaped (the library is data, not markup)."""
    e = html.escape

    def items(values: list[str], tag: str) -> str:
        return (
            f"<{tag}>" + "".join(f"<li>{e(v)}</li>" for v in values) + f"</{tag}>" if values else ""
        )

    facts = (
        f"{method.duration_min}–{method.duration_max} min · "
        f"{method.group_min}–{method.group_max} personnes · {e(TOOLS[method.tool])}"
    )
    parts = [
        f"<h3 style='margin:0'>{e(method.name)}</h3>",
        f"<p style='color:#5b6475;margin-top:2px'>{e(method.brique_label)} · {facts}</p>",
        f"<p>{e(method.summary)}</p>" if method.summary else "",
    ]
    if method.materials:
        parts.append(f"<p><b>Matériel :</b> {e(', '.join(method.materials))}</p>")
    if method.steps:
        parts.append("<p><b>Déroulé</b></p>" + items(method.steps, "ol"))
    if method.tips:
        parts.append("<p><b>Conseils d'animation</b></p>" + items(method.tips, "ul"))
    return "".join(parts)


class MethodLibrary(QWidget):
    add_requested = Signal(str)

    def __init__(self, methods: list[Method], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._methods = methods
        title = QLabel(self.tr("Bibliothèque de méthodes"))
        title.setObjectName("sectionTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher une méthode…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refilter)
        self.brique = QComboBox()
        self.brique.addItem(self.tr("Toutes les briques"), "")
        for key, label in BRIQUES.items():
            count = sum(1 for m in methods if m.brique == key)
            self.brique.addItem(f"{label} ({count})", key)
        self.brique.currentIndexChanged.connect(self._refilter)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self._add_current())
        self.sheet = QTextBrowser()
        self.sheet.setOpenLinks(False)
        self.add_button = QPushButton(self.tr("Ajouter à l'agenda"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self._add_current)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.sheet)
        splitter.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.brique)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.add_button)
        self._refilter()

    def _refilter(self) -> None:
        needle = self.search.text().strip().casefold()
        brique = self.brique.currentData()
        self.list.clear()
        for m in self._methods:
            if brique and m.brique != brique:
                continue
            if needle and needle not in m.name.casefold() and needle not in m.summary.casefold():
                continue
            item = QListWidgetItem(
                f"{m.name}\n{m.brique_label} · {m.duration_min}–{m.duration_max} min"
            )
            item.setData(KEY_ROLE, m.key)
            item.setToolTip(m.summary)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.sheet.setPlainText(self.tr("Aucune méthode ne correspond à cette recherche."))
        self.add_button.setEnabled(self.list.count() > 0)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item else None

    def _show_current(self) -> None:
        key = self.current_key()
        method = next((m for m in self._methods if m.key == key), None)
        if method is not None:
            self.sheet.setHtml(method_html(method))

    def _add_current(self) -> None:
        key = self.current_key()
        if key:
            self.add_requested.emit(key)

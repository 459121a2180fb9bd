"""The method library side panel: search, filter by brique, read, add to the agenda."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from app.library import BRIQUES, Method
from widgets.method_text import (
    brique_label,
    method_materials,
    method_name,
    method_steps,
    method_summary,
    method_tips,
    tool_label,
)
from widgets.text import QT_TRANSLATE_NOOP

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

PEOPLE = QT_TRANSLATE_NOOP("MethodLibrary", "{low}–{high} personnes")
MATERIALS = QT_TRANSLATE_NOOP("MethodLibrary", "Matériel :")
STEPS = QT_TRANSLATE_NOOP("MethodLibrary", "Déroulé")
TIPS = QT_TRANSLATE_NOOP("MethodLibrary", "Conseils d'animation")


def _tr(text: str) -> str:
    """One of the sheet's own words, translated, made safe for its HTML."""
    return html.escape(QCoreApplication.translate("MethodLibrary", text), quote=False)


def method_html(method: Method) -> str:
    """The method sheet; every text is escaped (the library is data, not markup)."""
    e = html.escape

    def items(values: list[str], tag: str) -> str:
        return (
            f"<{tag}>" + "".join(f"<li>{e(v)}</li>" for v in values) + f"</{tag}>" if values else ""
        )

    people = _tr(PEOPLE).format(low=method.group_min, high=method.group_max)
    facts = (
        f"{method.duration_min}–{method.duration_max} min · {people} · {e(tool_label(method.tool))}"
    )
    summary = method_summary(method)
    parts = [
        f"<h3 style='margin:0'>{e(method_name(method))}</h3>",
        f"<p style='color:#5b6475;margin-top:2px'>{e(brique_label(method.brique))} · {facts}</p>",
        f"<p>{e(summary)}</p>" if summary else "",
    ]
    if materials := method_materials(method):
        parts.append(f"<p><b>{_tr(MATERIALS)}</b> {e(', '.join(materials))}</p>")
    if steps := method_steps(method):
        parts.append(f"<p><b>{_tr(STEPS)}</b></p>" + items(steps, "ol"))
    if tips := method_tips(method):
        parts.append(f"<p><b>{_tr(TIPS)}</b></p>" + items(tips, "ul"))
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
        for key in BRIQUES:
            count = sum(1 for m in methods if m.brique == key)
            self.brique.addItem(f"{brique_label(key)} ({count})", key)
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
            name, summary = method_name(m), method_summary(m)
            if needle and needle not in name.casefold() and needle not in summary.casefold():
                continue
            item = QListWidgetItem(
                f"{name}\n{brique_label(m.brique)} · {m.duration_min}–{m.duration_max} min"
            )
            item.setData(KEY_ROLE, m.key)
            item.setToolTip(summary)
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

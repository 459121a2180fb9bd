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

from app.domain.capitalisation import MethodUsage
from app.library import BRIQUES, Method
from widgets.core_text import number_text
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
USED = QT_TRANSLATE_NOOP("MethodLibrary", "Utilisée {n} fois")
MEAN = QT_TRANSLATE_NOOP("MethodLibrary", "note moyenne {mean} / 5")
NOTES = QT_TRANSLATE_NOOP("MethodLibrary", "Derniers retours d'expérience")
WORKED = QT_TRANSLATE_NOOP("MethodLibrary", "À retenir :")
CHANGE = QT_TRANSLATE_NOOP("MethodLibrary", "À changer :")


def _tr(text: str) -> str:
    """One of the sheet's own words, translated, made safe for its HTML."""
    return html.escape(QCoreApplication.translate("MethodLibrary", text), quote=False)


def usage_line(usage: MethodUsage | None) -> str:
    """'Utilisée 3 fois · note moyenne 4,2 / 5' (plain text); '' when never used nor rated."""
    if usage is None or not (usage.times_used or usage.reviews):
        return ""
    tr = QCoreApplication.translate
    parts = [tr("MethodLibrary", USED).format(n=usage.times_used)]
    if usage.mean is not None:
        parts.append(tr("MethodLibrary", MEAN).format(mean=number_text(usage.mean, 1)))
    return " · ".join(parts)


def usage_html(usage: MethodUsage | None) -> str:
    """The usage line and the latest notes, escaped (the facilitators' words are data)."""
    line = usage_line(usage)
    if usage is None or not line:
        return ""
    e = html.escape
    parts = [f"<p style='color:#5b6475'><b>{e(line)}</b></p>"]
    if usage.latest:
        parts.append(f"<p><b>{_tr(NOTES)}</b></p><ul>")
        for review in usage.latest:
            said = []
            if review.worked:
                said.append(f"<i>{_tr(WORKED)}</i> {e(review.worked)}")
            if review.change:
                said.append(f"<i>{_tr(CHANGE)}</i> {e(review.change)}")
            where = f" <span style='color:#5b6475'>({e(review.workshop_title)}, {review.rating}/5)</span>"
            parts.append(f"<li>{' — '.join(said)}{where}</li>")
        parts.append("</ul>")
    return "".join(parts)


def method_html(method: Method, usage: MethodUsage | None = None) -> str:
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
    parts.append(usage_html(usage))
    return "".join(parts)


class MethodLibrary(QWidget):
    add_requested = Signal(str)

    def __init__(self, methods: list[Method], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._methods = methods
        self._usage: dict[str, MethodUsage] = {}
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
            text = f"{name}\n{brique_label(m.brique)} · {m.duration_min}–{m.duration_max} min"
            if used := usage_line(self._usage.get(m.key)):
                text += f"\n{used}"
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, m.key)
            item.setToolTip(summary)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.sheet.setPlainText(self.tr("Aucune méthode ne correspond à cette recherche."))
        self.add_button.setEnabled(self.list.count() > 0)

    def set_usage(self, usage: dict[str, MethodUsage]) -> None:
        """How often each method served and how it was rated (capitalisation)."""
        if usage == self._usage:
            return
        self._usage = usage
        key = self.current_key()
        self._refilter()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item else None

    def _show_current(self) -> None:
        key = self.current_key()
        method = next((m for m in self._methods if m.key == key), None)
        if method is not None:
            self.sheet.setHtml(method_html(method, self._usage.get(method.key)))

    def _add_current(self) -> None:
        key = self.current_key()
        if key:
            self.add_requested.emit(key)

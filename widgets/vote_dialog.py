"""Open a tour de vote: its type and rules, anonymity, when results show, when it closes.

The dialog only collects a `VoteRequest`; the core checks it again when the round opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.votes import GRADES, LABASE_CRITERIA, MAX_BUDGET, MAX_CRITERIA, MAX_DOTS, Criterion
from widgets.text import QT_TRANSLATE_NOOP, plain_label

KIND_LABELS = {
    "dots": QT_TRANSLATE_NOOP("VoteDialog", "Gommettes"),
    "points": QT_TRANSLATE_NOOP("VoteDialog", "Points à répartir"),
    "majority": QT_TRANSLATE_NOOP("VoteDialog", "Jugement majoritaire"),
    "criteria": QT_TRANSLATE_NOOP("VoteDialog", "Grille multi-critères"),
}
AXIS_LABELS = {
    "impact": QT_TRANSLATE_NOOP("VoteDialog", "Impact"),
    "feasibility": QT_TRANSLATE_NOOP("VoteDialog", "Faisabilité"),
    "": QT_TRANSLATE_NOOP("VoteDialog", "—"),
}


@dataclass(frozen=True)
class VoteRequest:
    """What she chose; `settings` is the core's settings mapping (`RoundSettings.parse`)."""

    kind: str
    title: str
    settings: dict[str, Any] = field(default_factory=dict)
    close_in_minutes: int | None = None  # None: she closes it herself


class VoteDialog(QDialog):
    def __init__(self, scope_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ouvrir un tour de vote"))
        self.setMinimumWidth(640)
        scope = plain_label(scope_text)
        scope.setObjectName("sectionTitle")
        scope.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("Par exemple : Quelles idées creuser ?"))
        self.kind = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kind.addItem(self.tr(label), key)

        # -- the rules of each kind
        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(3)
        self.dots.setSuffix(self.tr(" par personne"))
        self.cap = QSpinBox()
        self.cap.setRange(1, MAX_DOTS)
        self.cap.setValue(3)
        self.cap.setSuffix(self.tr(" au plus sur un même post-it"))
        self.dots.valueChanged.connect(self._dots_changed)
        self.own = QCheckBox(self.tr("Chacun peut voter pour ses propres post-its"))
        self.own.setChecked(True)
        dots_page = QWidget()
        dots_form = QFormLayout(dots_page)
        dots_form.addRow(self.tr("Gommettes"), self.dots)
        dots_form.addRow(self.tr("Plafond"), self.cap)
        dots_form.addRow("", self.own)
        self.budget = QSpinBox()
        self.budget.setRange(1, MAX_BUDGET)
        self.budget.setValue(100)
        self.budget.setSuffix(self.tr(" points par personne"))
        points_page = QWidget()
        points_form = QFormLayout(points_page)
        points_form.addRow(self.tr("Budget"), self.budget)
        majority_page = QWidget()
        majority_text = plain_label(
            self.tr(
                "Chacun donne une mention à chaque élément : {grades}. Les éléments sont "
                "classés par leur mention majoritaire (la médiane), puis départagés selon "
                "la règle du jugement majoritaire."
            ).format(grades=" · ".join(GRADES))
        )
        majority_text.setWordWrap(True)
        QVBoxLayout(majority_page).addWidget(majority_text)
        self.criteria = QTableWidget(0, 4)
        self.criteria.setHorizontalHeaderLabels(
            [
                self.tr("Critère"),
                self.tr("Poids"),
                self.tr("Axe du graphique 2×2"),
                self.tr("Éliminatoire, seuil"),
            ]
        )
        header = self.criteria.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.criteria.verticalHeader().hide()
        preset = QPushButton(self.tr("Critères de LaBase"))
        preset.setToolTip(
            self.tr(
                "L'arbre de décision de LaBase : partenaires, transversalité, 18 mois, "
                "moyens, sobriété"
            )
        )
        preset.clicked.connect(self.load_labase)
        add = QPushButton(self.tr("+ Critère"))
        add.clicked.connect(lambda: self.add_criterion(Criterion("", "", 1, "")))
        remove = QPushButton(self.tr("Retirer"))
        remove.clicked.connect(self._remove_criterion)
        criteria_buttons = QHBoxLayout()
        for button in (preset, add, remove):
            criteria_buttons.addWidget(button)
        criteria_buttons.addStretch(1)
        criteria_page = QWidget()
        criteria_layout = QVBoxLayout(criteria_page)
        criteria_layout.setContentsMargins(0, 0, 0, 0)
        criteria_layout.addWidget(
            plain_label(self.tr("Chaque élément est noté de 1 à 5 sur chaque critère."))
        )
        criteria_layout.addWidget(self.criteria, 1)
        criteria_layout.addLayout(criteria_buttons)
        self.rules = QStackedWidget()
        for page in (dots_page, points_page, majority_page, criteria_page):
            self.rules.addWidget(page)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.load_labase()

        # -- anonymity, results, closing
        self.anonymous = QRadioButton(self.tr("Anonyme"))
        self.named = QRadioButton(self.tr("Nominatif (qui a voté quoi)"))
        self.anonymous.setChecked(True)
        self._group(self.anonymous, self.named)
        self.hidden = QRadioButton(self.tr("Cachés jusqu'à ce que je les révèle"))
        self.live = QRadioButton(self.tr("En direct"))
        self.hidden.setChecked(True)
        self._group(self.hidden, self.live)
        self.manual = QRadioButton(self.tr("Je le clos moi-même"))
        self.timed = QRadioButton(self.tr("Clôture automatique dans"))
        self.manual.setChecked(True)
        self._group(self.manual, self.timed)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setEnabled(False)
        self.timed.toggled.connect(self.minutes.setEnabled)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ouvrir le vote"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Type de vote"), self.kind)
        form.addRow(self.rules)
        form.addRow(self.tr("Bulletins"), self._row(self.anonymous, self.named))
        form.addRow(self.tr("Résultats"), self._row(self.hidden, self.live))
        form.addRow(self.tr("Clôture"), self._row(self.manual, self.timed, self.minutes))
        layout = QVBoxLayout(self)
        layout.addWidget(scope)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._kind_changed()

    def _group(self, *buttons: QRadioButton) -> None:
        group = QButtonGroup(self)
        for button in buttons:
            group.addButton(button)

    def _row(self, *widgets: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return box

    def _dots_changed(self, dots: int) -> None:
        self.cap.setMaximum(dots)

    def _kind_changed(self) -> None:
        self.rules.setCurrentIndex(self.kind.currentIndex())
        self.title.setPlaceholderText(self.kind.currentText())
        self.adjustSize()

    # -- the criteria grid ---------------------------------------------------------------------
    def load_labase(self) -> None:
        self.criteria.setRowCount(0)
        for criterion in LABASE_CRITERIA:
            self.add_criterion(criterion)

    def add_criterion(self, criterion: Criterion) -> None:
        if self.criteria.rowCount() >= MAX_CRITERIA:
            return
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        label = QTableWidgetItem(criterion.label)
        label.setData(Qt.ItemDataRole.UserRole, criterion.key)
        self.criteria.setItem(row, 0, label)
        weight = QSpinBox()
        weight.setRange(1, 10)
        weight.setValue(criterion.weight)
        self.criteria.setCellWidget(row, 1, weight)
        axis = QComboBox()
        for key, text in AXIS_LABELS.items():
            axis.addItem(self.tr(text), key)
        axis.setCurrentIndex(axis.findData(criterion.axis))
        self.criteria.setCellWidget(row, 2, axis)
        threshold = QSpinBox()  # 0 shows "non": not eliminatory
        threshold.setRange(0, 5)
        threshold.setSpecialValueText(self.tr("non"))
        threshold.setToolTip(self.tr("Une moyenne sous ce seuil élimine la proposition"))
        threshold.setValue(criterion.threshold or 0)
        self.criteria.setCellWidget(row, 3, threshold)
        if not criterion.label:
            self.criteria.setCurrentCell(row, 0)
            self.criteria.editItem(label)

    def _remove_criterion(self) -> None:
        row = self.criteria.currentRow()
        if row >= 0 and self.criteria.rowCount() > 1:
            self.criteria.removeRow(row)

    def criteria_value(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in range(self.criteria.rowCount()):
            item = self.criteria.item(row, 0)
            label = item.text().strip() if item is not None else ""
            if not label:
                continue
            weight = self.criteria.cellWidget(row, 1)
            axis = self.criteria.cellWidget(row, 2)
            threshold = self.criteria.cellWidget(row, 3)
            key = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
            out.append(
                {
                    "key": key or f"c{row + 1}",
                    "label": label,
                    "weight": weight.value() if isinstance(weight, QSpinBox) else 1,
                    "axis": axis.currentData() if isinstance(axis, QComboBox) else "",
                }
            )
            if isinstance(threshold, QSpinBox) and threshold.value():
                out[-1]["threshold"] = threshold.value()
        return out

    # -- the answer ------------------------------------------------------------------------------
    def value(self) -> VoteRequest:
        kind = str(self.kind.currentData())
        settings: dict[str, Any] = {
            "anonymous": self.anonymous.isChecked(),
            "live_results": self.live.isChecked(),
        }
        if kind == "dots":
            settings |= {
                "dots": self.dots.value(),
                "cap": min(self.cap.value(), self.dots.value()),
                "own_allowed": self.own.isChecked(),
            }
        elif kind == "points":
            settings["budget"] = self.budget.value()
        elif kind == "criteria":
            settings["criteria"] = self.criteria_value()
        return VoteRequest(
            kind=kind,
            title=self.title.text().strip(),
            settings=settings,
            close_in_minutes=self.minutes.value() if self.timed.isChecked() else None,
        )

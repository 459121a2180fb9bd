"""« Retour d'expérience… »: after a séance, a rating from 1 to 5 and two short sentences for
each method it used (what worked, what to change). Skippable: « Plus tard »."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.capitalisation import MAX_REVIEW_TEXT, RATINGS


@dataclass(frozen=True)
class ReviewItem:
    """A method to review: its first phase in the séance, and what was said of it before."""

    phase_id: int | None
    method_key: str
    name: str
    rating: int | None = None
    worked: str = ""
    change: str = ""


@dataclass(frozen=True)
class ReviewAnswer:
    phase_id: int | None
    method_key: str
    rating: int
    worked: str
    change: str


class MethodReviewDialog(QDialog):
    """One row per method; a method left without a rating is not reviewed."""

    def __init__(self, items: list[ReviewItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retour d'expérience"))
        self.items = items
        intro = QLabel(
            self.tr("Comment les méthodes de cette séance ont-elles marché ? Vos retours "
                    "nourrissent la bibliothèque de méthodes et le bilan d'activité.")
        )  # fmt: skip
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, head in enumerate(
            (self.tr("Méthode"), self.tr("Note"), self.tr("Ce qui a marché"), self.tr("À changer"))
        ):
            grid.addWidget(QLabel(f"<b>{head}</b>"), 0, column)
        self.ratings: list[QComboBox] = []
        self.worked: list[QLineEdit] = []
        self.change: list[QLineEdit] = []
        for row, item in enumerate(items, start=1):
            name = QLabel(item.name)
            name.setWordWrap(True)
            rating = QComboBox()
            rating.addItem(self.tr("—"), None)
            for value in RATINGS:
                rating.addItem(f"{value} / 5", value)
            if item.rating is not None:
                rating.setCurrentIndex(rating.findData(item.rating))
            worked = QLineEdit(item.worked)
            worked.setPlaceholderText(self.tr("À retenir…"))
            change = QLineEdit(item.change)
            change.setPlaceholderText(self.tr("À faire autrement…"))
            for field in (worked, change):
                field.setMaxLength(MAX_REVIEW_TEXT)
            grid.addWidget(name, row, 0)
            grid.addWidget(rating, row, 1)
            grid.addWidget(worked, row, 2)
            grid.addWidget(change, row, 3)
            self.ratings.append(rating)
            self.worked.append(worked)
            self.change.append(change)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Plus tard"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(820, min(520, 180 + 44 * len(items)))

    def value(self) -> list[ReviewAnswer]:
        """The methods given a rating, with what was written of them."""
        answers = []
        for item, rating, worked, change in zip(
            self.items, self.ratings, self.worked, self.change, strict=True
        ):
            value = rating.currentData()
            if value is not None:
                answers.append(
                    ReviewAnswer(item.phase_id, item.method_key, int(value),
                                 worked.text().strip(), change.text().strip())
                )  # fmt: skip
        return answers

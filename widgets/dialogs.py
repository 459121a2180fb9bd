"""The questions the window asks; tests replace this object with a fake."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.domain.activity import Period
from app.library import Format
from app.ops.grouping import GroupingSuggestion, SuggestedGroup
from widgets.bilan_dialog import BilanDialog
from widgets.grouping_dialog import GroupingDialog
from widgets.manual_checkin_dialog import ManualCheckIn, ManualCheckInDialog
from widgets.method_review_dialog import MethodReviewDialog, ReviewAnswer, ReviewItem
from widgets.new_workshop_dialog import NewWorkshop, NewWorkshopDialog
from widgets.paper_votes_dialog import PaperVotes, PaperVotesDialog
from widgets.vote_dialog import VoteDialog, VoteRequest


class Dialogs:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def new_workshop(self, formats: list[Format], default_place: str) -> NewWorkshop | None:
        dialog = NewWorkshopDialog(formats, default_place, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def manual_check_in(self, partners: list[str]) -> ManualCheckIn | None:
        dialog = ManualCheckInDialog(partners, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def vote_round(self, scope_text: str) -> VoteRequest | None:
        """The settings of a new tour de vote; `scope_text` says what it is on."""
        dialog = VoteDialog(scope_text, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def paper_votes(self, items: list[tuple[str, str]], unit: str) -> PaperVotes | None:
        """Hand-counted votes: (item key, label) rows, `unit` "gommettes" or "points"."""
        dialog = PaperVotesDialog(items, unit, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def grouping(
        self, suggestion: GroupingSuggestion, texts: dict[int, str]
    ) -> list[SuggestedGroup] | None:
        """The suggested groups she accepts (all, or one, titles as edited); None if she
        dismisses them."""
        dialog = GroupingDialog(suggestion, texts, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def method_reviews(self, items: list[ReviewItem]) -> list[ReviewAnswer] | None:
        """The retour d'expérience on a séance's methods (the rated ones); None: « Plus tard »."""
        dialog = MethodReviewDialog(items, self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def text(self, title: str, label: str, value: str = "") -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, value)
        return text if ok else None

    def number(self, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
        number, ok = QInputDialog.getInt(self.parent, title, label, value, minimum, maximum)
        return number if ok else None

    def confirm(self, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles typed by people are not markup
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(
            QCoreApplication.translate("Dialogs", "Annuler"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return box.clickedButton() is yes

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        """One of `choices` ([(key, button text)], the first the default), or None (Annuler)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        buttons = {
            box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in choices
        }
        box.setDefaultButton(next(iter(buttons)))
        box.addButton(
            QCoreApplication.translate("Dialogs", "Annuler"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return buttons.get(box.clickedButton())  # type: ignore[call-overload]

    def pick(self, title: str, label: str, choices: list[tuple[str, str]]) -> str | None:
        """One key of a long list `choices` ([(key, text)]) chosen in a drop-down list, or None
        (Annuler)."""
        texts = [text for _key, text in choices]
        text, ok = QInputDialog.getItem(self.parent, title, label, texts, 0, False)
        return choices[texts.index(text)][0] if ok and text in texts else None

    def error(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Dialogs", "Atelier"),
            text,
            parent=self.parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        """Where to save a document she exports; None if she cancels."""
        path, _chosen = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def open_file(self, title: str, filters: str) -> str | None:
        """Which file to open (an archive she imports); None if she cancels."""
        path, _chosen = QFileDialog.getOpenFileName(self.parent, title, "", filters)
        return path or None

    def choose_folder(self, title: str) -> str | None:
        """A folder to write files into (the CSV export); None if she cancels."""
        return QFileDialog.getExistingDirectory(self.parent, title, "") or None

    def open_photos(self, title: str) -> list[str]:
        """Which photos to attach (several at once); [] if she cancels."""
        paths, _chosen = QFileDialog.getOpenFileNames(
            self.parent,
            title,
            "",
            QCoreApplication.translate(
                "Dialogs", "Photos (*.jpg *.jpeg *.png *.heic *.JPG *.JPEG *.PNG *.HEIC)"
            ),
        )
        return list(paths)

    def bilan_period(self) -> Period | None:
        """The period of a bilan d'activité (the current year by default); None to cancel."""
        dialog = BilanDialog(parent=self.parent)
        try:
            return dialog.value() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

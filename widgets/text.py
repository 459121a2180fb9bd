"""Participant text is data, never markup: helpers that keep Qt from reading it as rich text."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.french import french_date

__all__ = ["french_date", "plain_label", "plain_tooltip", "restyle"]


def plain_tooltip(text: str) -> str:
    """Tooltips guess whether their text is rich text: people's text is escaped to stay text."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def restyle(widget: QWidget, css: str) -> None:
    """Set a style sheet only when it changes: setting one re-polishes the widget, which a
    countdown would otherwise pay every second."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def plain_label(text: str = "") -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label

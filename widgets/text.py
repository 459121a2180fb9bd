"""Participant text is data, never markup: helpers that keep Qt from reading it as rich text."""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.french import french_date

__all__ = [
    "QT_TRANSLATE_NOOP",
    "breakable",
    "empty_state",
    "french_date",
    "plain_label",
    "plain_tooltip",
    "restyle",
]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` (translated where it is shown); `text` itself,
    a `str` (PySide6's own is typed as returning `object`)."""
    return text


def plain_tooltip(text: str) -> str:
    """Tooltips guess whether their text is rich text: people's text is escaped to stay text."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def restyle(widget: QWidget, css: str) -> None:
    """Set a style sheet only when it changes: setting one re-polishes the widget, which a
    countdown would otherwise pay every second."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


_LONG_WORD = re.compile(r"\S{40,}")
ZWSP = "\u200b"  # zero-width space: a place where a line may break, invisible


def breakable(text: str) -> str:
    """`text` with an invisible break opportunity every 16 characters of a very long word (40 or more), so a
    word-wrapped title of one long word wraps instead of widening its window past the screen."""
    return _LONG_WORD.sub(
        lambda m: ZWSP.join(m.group(0)[i : i + 16] for i in range(0, len(m.group(0)), 16)), text
    )


def plain_label(text: str = "") -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def empty_note(text: str) -> QLabel:
    """A muted sentence, wrapped and centred, that stands for a table while it is empty."""
    label = plain_label(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def empty_state(title: str, text: str, button: QWidget | None = None) -> QWidget:
    """What a list shows while it is empty: a title, a sentence saying what to do, and the
    button that does it, centred."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addStretch(1)
    heading = QLabel(title)
    heading.setObjectName("emptyTitle")
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    sentence = plain_label(text)
    sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
    sentence.setWordWrap(True)
    sentence.setObjectName("muted")
    layout.addWidget(heading)
    layout.addWidget(sentence)
    if button is not None:
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
    layout.addStretch(2)
    return box

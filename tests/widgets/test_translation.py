"""The English translation: complete, faithful to its placeholders, and shown by the window."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import NamedTuple

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from app.ops.workshops import create_workshop
from app.resources import asset
from widgets.application import install_translations

TS_FILE = asset("i18n", "atelier_en.ts")
QM_FILE = asset("i18n", "atelier_en.qm")
PLACEHOLDER = re.compile(r"\{(\w*)\}")


class Message(NamedTuple):
    context: str
    source: str
    translation: str
    state: str | None  # the `type` attribute: unfinished, vanished, obsolete…


def _messages() -> list[Message]:
    messages = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: no <translation> element"
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return messages


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """English for the length of one test, then back to French for the others."""
    previous_locale = QLocale()
    translators = install_translations(qapp, "en")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(previous_locale)


def test_every_message_is_translated_with_the_same_placeholders():
    messages = _messages()
    assert messages, "the .ts file holds no message"
    for message in messages:
        where = f"{message.context}: {message.source!r}"
        assert message.state is None, f"{where} is marked {message.state}"
        assert message.translation.strip(), f"{where} has an empty translation"
        assert set(PLACEHOLDER.findall(message.translation)) == set(
            PLACEHOLDER.findall(message.source)
        ), f"{where}: placeholders differ in {message.translation!r}"
        assert _accelerators(message.translation) == _accelerators(message.source), (
            f"{where}: accelerator markers differ in {message.translation!r}"
        )


def test_compiled_translation_matches_the_ts_file():
    """A stale .qm (edited .ts, no `make translations`) would ship old texts."""
    translator = QTranslator()
    assert translator.load(str(QM_FILE)), f"cannot load {QM_FILE}"
    stale = [
        message
        for message in _messages()
        if translator.translate(message.context, message.source) != message.translation
    ]
    assert not stale, f"run pyside6-lrelease: {len(stale)} stale, first {stale[0]}"


def test_english_window_shows_english_texts(english, make_window):
    assert any(t.filePath().endswith("atelier_en.qm") for t in english)
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Session", "&Help"]
    assert window.new_action.text() == "&New workshop…"
    assert window.undo_action.text() == "&Undo"
    assert window.start_action.text() == "&Start session"
    assert window.home.new_button.text() == "+  New workshop"
    empty_buttons = [b.text() for b in window.home.empty.findChildren(QPushButton)]
    assert empty_buttons == ["Create a workshop"]

    wid = create_workshop(window.controller.ctx, format_key="3h", title="Atelier").workshop_id
    window.open_workshop(wid)
    tabs = window.editor.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Brief",
        "Agenda",
        "Programme",
        "Board",
        "Ideas",
        "Actions",
        "Projects",
        "Photos",
    ]
    assert window.editor.start.text() == "Start session ▶"
    assert window.editor.agenda.add_button.text() == "+ Activity"

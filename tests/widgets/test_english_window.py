"""With English chosen, the window holds no French left; Qt's own dialogs speak the chosen
language (French by default)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from widgets.application import install_translations


def _chosen(qapp: QApplication, lang: str) -> Iterator[list[QTranslator]]:
    previous_locale = QLocale()
    translators = install_translations(qapp, lang)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(previous_locale)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _chosen(qapp, "fr")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _chosen(qapp, "en")


def _file_dialog_labels() -> list[str]:
    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        return [label.text() for label in dialog.findChildren(QLabel)]
    finally:
        dialog.deleteLater()


def test_qt_file_dialog_speaks_french_by_default(french):
    assert any("qtbase_fr.qm" in t.filePath() for t in french)
    labels = _file_dialog_labels()
    assert "&Voir dans\u00a0:" in labels, labels
    assert "Fichiers de &type\u00a0:" in labels, labels
    assert not any("Look in" in text for text in labels)


def test_qt_file_dialog_speaks_english_when_chosen(english):
    labels = _file_dialog_labels()
    assert "&Look in:" in labels, labels

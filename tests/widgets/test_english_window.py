"""With English chosen, the window holds no French left; Qt's own dialogs speak the chosen
language (French by default)."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from app.domain.clock import FakeClock
from app.ops import agenda, board, live
from app.ops.demo import create_demo
from app.ops.workshops import create_workshop
from widgets.application import install_translations
from widgets.dialogs import Dialogs


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


# ---------------------------------------------------------------------------------------------
# No French left in the English window

FRENCH_MARKERS = re.compile(
    r"[éèêàâçùûôîœÉÈÀÇ]|«|»"
    r"|\b(de|du|des|le|la|les|un|une|et|ou|au|aux|sur|pour|avec|dans|par|sans|est|pas"
    r"|heures?|jours?|mois|séance|terminé|arrivées|jaune|vert|bleu|rouge|rose|annuler"
    r"|semaines?|jalon|\d+ h( \d\d)?)\b",
    re.IGNORECASE,
)


def _data_strings(db_path: Path) -> list[str]:
    """Everything people typed or a format's content copied into the workshop (titles,
    post-its, names, the agenda's phases, the cadrage): data, left as it is."""
    found: set[str] = set()
    with sqlite3.connect(db_path) as connection:
        tables = [row[0] for row in connection.execute("select name from sqlite_master")]
        for table in tables:
            try:
                rows = connection.execute(f'select * from "{table}"').fetchall()
            except sqlite3.DatabaseError:
                continue
            for row in rows:
                for value in row:
                    if isinstance(value, str) and len(value) > 1:
                        found.add(value)
                        if value.startswith(("{", "[")):
                            with contextlib.suppress(ValueError):
                                found.update(_json_strings(json.loads(value)))
    return sorted(found, key=len, reverse=True)


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if len(value) > 1:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what a person sees in `root` now: labels, buttons, tabs, tables,
    lists, combo boxes, placeholders, menus and the board's drawn texts."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QTextBrowser):  # a method's sheet
            yield where, widget.toPlainText()
        if isinstance(widget, QMessageBox):
            yield where, widget.text()
            yield f"{where} title", widget.windowTitle()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    yield where, widget.tabText(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for column in range(columns):
                yield where, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(), 60)):
                for column in range(columns):
                    index = model.index(row, column)
                    yield where, str(model.data(index) or "")
                    yield where, str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
                    yield where, str(model.data(index, Qt.ItemDataRole.AccessibleTextRole) or "")
                    for role in range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 8):
                        value = model.data(index, role)  # a delegate's own lines (the agenda)
                        if isinstance(value, tuple):  # (a key alone is not shown)
                            yield where, " · ".join(v for v in value if isinstance(v, str))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, (QGraphicsSimpleTextItem, QGraphicsTextItem)):
                    text = (
                        item.text()
                        if isinstance(item, QGraphicsSimpleTextItem)
                        else (item.toPlainText())
                    )
                    yield f"{where}/{type(item).__name__}", text
        if widget.toolTip() and widget.isVisibleTo(root):
            yield f"{where} tooltip", widget.toolTip()
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            for action in menu.actions():
                yield f"menu {menu.title()}", action.text()


def _french_left(root: QWidget, data: list[str], seen: dict[str, str]) -> None:
    for where, text in _shown_texts(root):
        rest = re.sub(r"<[^>]+>", " ", text)  # rich text's markup
        for value in data:
            if value in rest:
                rest = rest.replace(value, " ")
        if FRENCH_MARKERS.search(rest):
            seen.setdefault(text, where)


def test_english_window_shows_no_french_left(english, make_window, db_path, qtbot):
    clock = FakeClock(time.time())
    window = make_window(clock=clock)
    ctx = window.controller.ctx
    demo = create_demo(ctx).workshop_id
    assert demo is not None
    seen: dict[str, str] = {}
    data = _data_strings(db_path)

    window.show_home()
    QApplication.processEvents()
    _french_left(window, data, seen)

    window.open_workshop(demo)
    for index in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        _french_left(window, data, seen)

    window.runner.confirm = lambda *_args: True
    window.start_session(demo)
    live.start(ctx, demo)
    clock.advance(7 * 60)
    runner = window.runner
    runner.live.refresh()
    data = _data_strings(db_path)
    console = runner.console
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        _french_left(window, data, seen)
    runner.console.show_board(True)
    QApplication.processEvents()
    _french_left(window, data, seen)
    runner.console.show_board(False)
    console.tabs.setCurrentIndex(runner.votes.tab_index)
    QApplication.processEvents()
    _french_left(window, data, seen)
    _french_left(runner.projector, data, seen)

    assert not seen, "French left in the English window:\n" + "\n".join(
        f"  {where}: {text!r}" for text, where in sorted(seen.items(), key=lambda kv: kv[1])
    )


def _assert_no_french(seen: dict[str, str]) -> None:
    assert not seen, "French left in the English window:\n" + "\n".join(
        f"  {where}: {text!r}" for text, where in sorted(seen.items(), key=lambda kv: kv[1])
    )


def test_english_workshops_from_each_format_and_the_method_library(english, make_window, qtbot):
    """A workshop made in the English window from each format has its agenda in English
    (sessions, sequences, instructions): only its title is data; every method of the library,
    under every brique, reads in English."""
    window = make_window()
    seen: dict[str, str] = {}
    titles = ["Mobility sprint 3h", "Mobility sprint 3j", "Mobility sprint 3m"]
    for key, title in zip(("3h", "3j", "3m"), titles, strict=True):
        change = window.controller.create(key, title, "", date(2026, 12, 7))
        assert change is not None and change.workshop_id is not None
        window.open_workshop(change.workshop_id)
        editor = window.editor
        for index in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            _french_left(window, titles, seen)
        editor.tabs.setCurrentIndex(1)  # the agenda, in English
        QApplication.processEvents()
        texts = " ".join(text for _where, text in _shown_texts(editor))
        assert "Welcome" in texts and "Check-in" in texts, texts[:400]
        assert "Accueil" not in texts
    window.show_home()
    QApplication.processEvents()
    _french_left(window, titles, seen)

    window.open_workshop(change.workshop_id)
    library = window.editor.library
    window.editor.tabs.setCurrentIndex(window.editor.tabs.indexOf(library.parentWidget()))
    for brique in range(library.brique.count()):
        library.brique.setCurrentIndex(brique)
        shown = library.list.count()
        assert shown > 0
        for row in range(shown):
            library.list.setCurrentRow(row)
            _french_left(library, titles, seen)
    sheet = library.sheet.toPlainText()
    assert "Tips" in sheet or "tips" in sheet.casefold(), sheet
    _assert_no_french(seen)


def test_english_error_dialog(english, make_window, qtbot):
    """A core error reaches the window's error dialog in English."""
    window = make_window()
    wid = create_workshop(window.controller.ctx, format_key="3h", title="Errors").workshop_id
    assert wid is not None
    window.open_workshop(wid)
    fake = window.dialogs
    assert window.controller.rename(wid, "x" * 250) is None  # refused by the core
    assert fake.errors == ["Title: 200 characters at most (250 typed)."]
    assert window.controller.create("zz", "Nowhere", "", None) is None
    assert fake.errors[-1] == "Unknown format “zz” (formats available: 3h, 3j, 3m)."

    # the real dialog the window shows, walked while it is open
    seen: dict[str, str] = {}
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        _french_left(box, [], seen)
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    Dialogs(window).error(fake.errors[-1])
    assert shown == ["Unknown format “zz” (formats available: 3h, 3j, 3m)."]
    _assert_no_french(seen)


# ---------------------------------------------------------------------------------------------
# The Edit menu's undo and redo name the step in the chosen language


def _undo_shows(qtbot, action, expected: str) -> None:
    """Wait for the Edit menu's action (refreshed after the step's event) to read `expected`."""
    try:
        qtbot.waitUntil(lambda: action.text() == expected, timeout=3000)
    except qtbot.TimeoutError:
        assert action.text() == expected


def test_undo_names_the_step_in_english(english, make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Undo").workshop_id
    window.open_workshop(wid)

    first = board.add_note(ctx, wid, text="Carpool & shuttle").ids[0]
    _undo_shows(qtbot, window.undo_action, "&Undo: add sticky note “Carpool && shuttle”")
    second = board.add_note(ctx, wid, text="Bike sheds", x=400.0).ids[0]
    board.move(ctx, wid, notes=[(second, 600.0, 80.0)])
    _undo_shows(qtbot, window.undo_action, "&Undo: move sticky notes")
    board.group(ctx, wid, [first, second])
    _undo_shows(qtbot, window.undo_action, "&Undo: group sticky notes")
    phase = window.editor.agenda.current_phase_id()
    title = _phase_title(window, phase)
    agenda.update_phase(ctx, phase, planned_minutes=25)
    _undo_shows(qtbot, window.undo_action, f"&Undo: edit “{title}”")

    window.undo_action.trigger()
    _undo_shows(qtbot, window.redo_action, f"&Redo: edit “{title}”")
    _undo_shows(qtbot, window.undo_action, "&Undo: group sticky notes")


def test_undo_keeps_the_journal_label_in_french(french, make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Annuler").workshop_id
    window.open_workshop(wid)
    note = board.add_note(ctx, wid, text="Covoiturage").ids[0]
    _undo_shows(qtbot, window.undo_action, "&Annuler : Post-it « Covoiturage »")
    board.move(ctx, wid, notes=[(note, 300.0, 80.0)])
    _undo_shows(qtbot, window.undo_action, "&Annuler : Déplacer un post-it")
    other = board.add_note(ctx, wid, text="Navette", x=500.0).ids[0]
    board.group(ctx, wid, [note, other])
    _undo_shows(qtbot, window.undo_action, "&Annuler : Regrouper 2 post-its")


def _phase_title(window, phase_id: int) -> str:
    detail = window.controller.detail(window.editor.workshop_id)
    return next(p.title for b in detail.blocks for p in b.phases if p.id == phase_id)


def test_numbers_in_english_have_a_decimal_point(english):
    from widgets.core_text import number_text
    from widgets.vote_panel import decimal

    assert number_text(4.2, 1) == "4.2"
    assert number_text(1234.5, 1) == "1,234.5"
    assert decimal(3.75) == "3.8"


def test_numbers_in_french_keep_the_decimal_comma(french):
    from widgets.core_text import number_text
    from widgets.vote_panel import decimal

    assert number_text(4.2, 1) == "4,2"
    assert decimal(3.75) == "3,8"

"""Start the window: Qt application, fonts, translation, database, main window."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QRect, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME, ORG_NAME, __version__
from app.errors import KnownError
from app.events import EventBus
from app.library import load_library
from app.ops.base import Context
from app.resources import asset
from app.settings import custom_formats_dir, load_settings
from app.store.db import Database
from app.store.notify import start_relay
from widgets.bridge import EventBridge
from widgets.controller import Controller
from widgets.core_errors import error_text
from widgets.main_window import MainWindow
from widgets.theme import apply_theme

if TYPE_CHECKING:
    from widgets.cofac_window import CofacWindow
    from widgets.remote_controller import RemoteController

log = logging.getLogger(__name__)


def qt_translations_dir() -> Path:
    """Where Qt's own catalogues (qtbase_fr.qm…) are: Qt's translations folder, or the one
    PyInstaller puts beside PySide6 in the bundle when Qt's configured path is elsewhere."""
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (configured / "qtbase_fr.qm").is_file():
        return configured
    package = Path(PySide6.__file__).parent
    for candidate in (package / "Qt" / "translations", package / "translations"):
        if (candidate / "qtbase_fr.qm").is_file():
            return candidate
    return configured


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """French is the source language; English comes from assets/i18n/atelier_en.qm. Qt's own
    dialogs (the file picker's "Regarder dans", buttons) speak the same language through
    Qt's qtbase_<lang>.qm."""
    translators: list[QTranslator] = []
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", str(qt_translations_dir())):
        app.installTranslator(qt)
        translators.append(qt)
        gaps = QTranslator(app)  # what qtbase_<lang>.qm leaves in English; searched first
        if gaps.load(str(asset("i18n", f"qtbase_extra_{lang}.qm"))):
            app.installTranslator(gaps)
            translators.append(gaps)
    elif lang != "en":  # English is Qt's own source language: nothing to load
        log.warning("no Qt translation for %s in %s", lang, qt_translations_dir())
    if lang != "fr":
        ours = QTranslator(app)
        if ours.load(str(asset("i18n", f"atelier_{lang}.qm"))):
            app.installTranslator(ours)
            translators.append(ours)
        else:
            log.warning("no translation for %s", lang)
    return translators


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    return app


def build_window(
    db: Database, *, bus: EventBus | None = None, clock: Callable[[], float] | None = None
) -> MainWindow:
    ctx = Context(
        db,
        bus or EventBus(),
        load_library(custom=custom_formats_dir()),
        actor=str(load_settings().get("facilitator_name") or "animatrice"),
    )
    if clock is not None:  # tests and benchmarks move time by hand
        ctx.clock = clock
    bridge = EventBridge(ctx.bus)
    controller = Controller(ctx)
    controller.load_saved_formats()  # saved in the base: a shared base shares them
    window = MainWindow(controller, bridge)
    window.open_joined = _open_joined
    bridge.setParent(window)
    controller.setParent(window)
    return window


def _open_joined(remote: RemoteController) -> CofacWindow:
    """A séance joined from this laptop, in its own window (imported when one is joined)."""
    from widgets.cofac_window import CofacWindow

    return CofacWindow.open(remote)


def _pdf_accelerated() -> bool:
    from app.reports.layout import pdf_accelerated  # reportlab: not needed to start

    return pdf_accelerated()


def fit_to_screen(window: QWidget, room: QRect | None = None) -> None:
    """The window's first size on the screen it opens on: never wider or taller than the room
    the screen leaves (`room`, a 1366 × 768 laptop's), maximised when it would fill it anyway."""
    if room is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
    wanted = window.size()
    if wanted.width() >= room.width() or wanted.height() >= room.height():
        window.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
        window.move(room.topLeft())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def run(
    *,
    db: str | None = None,
    workshop_id: int | None = None,
    lang: str | None = None,
    self_check: bool = False,
) -> int:
    settings = load_settings()
    app = make_app()
    apply_theme(app, large_text=bool(settings.get("large_text")))
    language = lang or str(settings.get("language") or "fr")
    translators = install_translations(app, language)
    try:
        database = Database.open(db)
    except KnownError as exc:
        if self_check:
            print(f"atelier : {exc.message}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, APP_NAME, error_text(exc))
        return 2
    window = build_window(database)
    # on a shared PostgreSQL base, what other processes (`atelier serve`) change shows here too
    relay = start_relay(database, window.controller.ctx.bus)
    window.controller.prune_replicas()  # copies of séances joined long ago
    window.apply_retention()  # workshops past the retention setting (RGPD), with a message
    if workshop_id is not None:
        window.open_workshop(workshop_id)
    fit_to_screen(window)
    window.show()
    # What start-up built (Qt wrappers, the method library, SQLAlchemy's mappers) lives as long
    # as the app: keep it out of the collector's full passes, which otherwise stall the window
    # for ~90 ms in the middle of a burst of phones' post-its (bench/board.py).
    gc.freeze()
    if self_check:
        # start, show, process events once, then leave: proves the bundle is complete
        QTimer.singleShot(0, window.close)
        app.exec()
        problem = ""
        if not window.controller.formats() or window.controller.library_problems():
            problem = "format library incomplete"
        elif not _pdf_accelerated():
            problem = "reportlab's C helpers (rl_accel) missing"
        elif language == "fr" and not any("qtbase_fr" in t.filePath() for t in translators):
            problem = "Qt's French translation (qtbase_fr.qm) missing"
        database.close()
        print(f"self-check: {problem}" if problem else "self-check ok")
        return 1 if problem else 0
    code = app.exec()
    if relay is not None:
        relay.stop()
    database.close()
    return code

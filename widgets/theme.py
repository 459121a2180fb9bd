"""Fonts shipped in assets/ and the application style, so every machine renders the same."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import asset

FONT_FAMILY = "DejaVu Sans"

INK = "#1d2433"
MUTED = "#5b6475"
LINE = "#d9dee7"
PAPER = "#f6f7fb"
CARD = "#ffffff"
PRIMARY = "#0b6e69"  # deep teal, readable on white and as white text background
PRIMARY_DARK = "#07524e"
ACCENT = "#e0a100"
DANGER = "#b3261e"
OK = "#2e7d32"

STATUS_COLORS = {"draft": "#5b6475", "live": "#0b6e69", "closed": "#2e7d32", "archived": "#8a8f99"}
REHEARSAL_COLOR = "#9a3412"  # a répétition, in the list and on its banners
# set on the banners themselves: the projector paints its own colours over the theme
REHEARSAL_STYLE = (
    f"QLabel {{ background: {REHEARSAL_COLOR}; color: white; font-weight: bold;"
    " padding: 4px 14px; border-radius: 6px; }"
)

_ICONS = asset("icons").as_posix()

STYLE = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog {{ background: {PAPER}; }}
QLabel#pageTitle {{ font-size: 20pt; font-weight: bold; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; }}
QLabel#muted, QLabel[muted="true"] {{ color: {MUTED}; }}
QLabel#emptyTitle {{ font-size: 15pt; font-weight: bold; color: {INK}; }}
QLabel#totalOk {{ color: {OK}; font-weight: bold; }}
QLabel#totalOver {{ color: {DANGER}; font-weight: bold; }}
QFrame#card {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QPushButton {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:focus {{ border: 2px solid {PRIMARY}; }}
QPushButton:disabled {{ color: #a0a6b1; }}
QPushButton#primary {{
    background: {PRIMARY}; color: white; border: 1px solid {PRIMARY_DARK}; font-weight: bold;
}}
QPushButton#primary:hover {{ background: {PRIMARY_DARK}; }}
QPushButton#danger {{ color: {DANGER}; }}
QPushButton#danger:disabled {{ color: #a0a6b1; }}
QLineEdit, QPlainTextEdit, QSpinBox, QComboBox, QDateEdit {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 5px; padding: 4px 6px;
    selection-background-color: {PRIMARY};
}}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus, QComboBox:focus, QDateEdit:focus {{
    border: 2px solid {PRIMARY};
}}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow, QSpinBox::down-arrow {{
    image: url("{_ICONS}/chevron-down.svg"); width: 12px; height: 8px;
}}
QSpinBox::up-arrow {{ image: url("{_ICONS}/chevron-up.svg"); width: 12px; height: 8px; }}
QSpinBox::up-button, QSpinBox::down-button {{
    subcontrol-origin: border; width: 22px; border: none; background: transparent;
}}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QTableView, QListView, QTreeView {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 6px;
    selection-background-color: #d4ecea; selection-color: {INK}; outline: 0;
}}
QTableView::item, QListView::item {{ padding: 6px; }}
QHeaderView::section {{
    background: {PAPER}; border: none; border-bottom: 1px solid {LINE}; padding: 6px;
    font-weight: bold; color: {MUTED};
}}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{
    padding: 8px 18px; border: none; border-bottom: 3px solid transparent; color: {MUTED};
    font-weight: bold;
}}
QTabBar::tab:selected {{ color: {PRIMARY}; border-bottom: 3px solid {PRIMARY}; }}
QStatusBar {{ color: {MUTED}; }}
QToolTip {{ color: {INK}; background: #fffbe6; border: 1px solid {LINE}; }}
"""


def register_fonts() -> list[str]:
    """The shipped fonts, for the window and the projector: DejaVu and Symbola, and the PDF's
    fallback fonts (assets/fonts/fallback: CJK, Hangul, Indic, Thai, Ethiopic…), which Qt's
    own font fallback then uses for what DejaVu lacks, whatever the computer has installed
    (about 50 ms)."""
    families: list[str] = []
    fonts = asset("fonts")
    for path in sorted(fonts.glob("*.ttf")) + sorted((fonts / "fallback").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def apply_theme(app: QApplication, *, large_text: bool = False) -> None:
    register_fonts()
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(12.0 if large_text else 10.5)
    app.setFont(font)
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(PRIMARY))
    palette.setColor(QPalette.ColorRole.Link, QColor(PRIMARY))
    app.setPalette(palette)
    app.setStyleSheet(STYLE)

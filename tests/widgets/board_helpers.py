"""What the board's widget tests share: a séance with its board open in the console."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.ops.workshops import create_workshop
from app.store.models import JournalEntry


def open_board(
    make_window: Any, qtbot: Any, path: Path | None = None, clock: Any = None
) -> tuple[Any, Any, int, Any]:
    """A new 3 heures workshop's séance started from the editor, its board open in the console:
    (window, ctx, workshop id, board panel). With one screen the projector opens in front: she
    clicks the console to work on the board (its shortcuts belong to the main window)."""
    clock = clock or FakeClock()
    window = make_window(path, clock=clock) if path else make_window(clock=clock)
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    return window, ctx, wid, panel


def journal_ops(ctx: Any, wid: int) -> list[str]:
    """The workshop's journal, as the names of its operations in order."""
    return ctx.db.read(
        lambda s: list(
            s.scalars(
                select(JournalEntry.op)
                .where(JournalEntry.workshop_id == wid)
                .order_by(JournalEntry.seq)
            )
        )
    )

"""Builds a document off the GUI thread and re-emits the core's callbacks as Qt signals.

The core's builder takes a plain `progress(fraction, message)` callback and runs in a
Python thread; the signals, emitted from that thread, reach the window queued on the GUI
thread (the QObject lives there). A `KnownError` becomes `failed` with its French message;
anything else is a bug and reaches the crash handler through `crashed`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.errors import KnownError
from widgets.core_errors import error_text


class ReportTask(QObject):
    progress = Signal(int, str)  # percent, what is being done
    finished = Signal(str)  # the path written
    failed = Signal(str)  # a message for the facilitator
    crashed = Signal(object)  # the exception of a bug

    def __init__(
        self, job: Callable[[Callable[[float, str], None]], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._thread = threading.Thread(target=self._run, name="report-task", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            path = self._job(
                lambda fraction, message: self.progress.emit(round(fraction * 100), message)
            )
        except KnownError as exc:
            self.failed.emit(error_text(exc))
        except Exception as exc:  # a bug: shown by the window's crash handler
            self.crashed.emit(exc)
        else:
            self.finished.emit(path)

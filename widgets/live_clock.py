"""The views' shared countdown: recomputed from the core's timer at each second boundary.

No view counts ticks. `LiveClock` holds the latest `LiveSession` from the core and the core's
clock; one named single-shot QTimer fires just after the displayed second changes, and every
listener recomputes what it shows from the deadline and the current time.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.timer import Display, LiveSession, TimerState, display

BOUNDARY_SLACK_MS = 3  # fire just after the boundary, never just before it


class LiveClock(QObject):
    changed = Signal(object)  # Display
    reached_zero = Signal()  # the running phase has just used up its time

    def __init__(self, clock: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.session: LiveSession | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("countdown-boundary")
        self._timer.setSingleShot(True)
        # a coarse timer may fire up to 5 % early, i.e. just before the second changes
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._last: tuple[int | None, float] | None = None  # (phase, seconds) last shown

    def set_session(self, session: LiveSession | None) -> None:
        self.session = session
        self.refresh()

    def current(self) -> Display:
        return display(self.session.timer if self.session else None, self.clock())

    def refresh(self) -> None:
        shown = self.current()
        timer = self.session.timer if self.session else None
        phase = timer.phase_id if timer else None
        if (
            timer is not None
            and timer.state == TimerState.RUNNING
            and self._last is not None
            and self._last[0] == phase
            and self._last[1] > 0 >= shown.seconds
        ):
            self.reached_zero.emit()
        self._last = (phase, shown.seconds)
        self.changed.emit(shown)
        if timer is not None and timer.state == TimerState.RUNNING:
            self._timer.start(math.ceil(shown.next_change * 1000) + BOUNDARY_SLACK_MS)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

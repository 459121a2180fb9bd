"""The one clock of a running Atelier: wall time, advanced by the monotonic clock.

Deadlines are stored as wall-clock seconds (so a restart finds the timer where the wall clock
says it is), but within one process time moves with `time.monotonic()`: a system clock jump or
an NTP correction during a session does not make the countdown skip.
"""

from __future__ import annotations

import time


class Clock:
    """Callable returning seconds since the epoch, monotonic within this process."""

    def __init__(self) -> None:
        self._wall = time.time()
        self._mono = time.monotonic()

    def __call__(self) -> float:
        return self._wall + (time.monotonic() - self._mono)


class FakeClock:
    """A clock a test or a benchmark moves by hand."""

    def __init__(self, start: float = 1_795_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

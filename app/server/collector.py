"""The garbage collector's long passes, moved to the moments the room is quiet.

A full collection walks every object the collector tracks. With 2,000 phones connected
(their sockets, transports, tasks: long-lived objects) a full pass took 20 ms, then 330 ms
as they arrived (issue 20), and the acknowledgements caught in it waited as long. `gc.freeze()`
after start-up only kept start-up's objects out of it.

`QuietCollector` listens to the core's bus: after activity, once nothing has been written for
`quiet_s` seconds, it collects what is not frozen yet, then freezes what survived (the phones
that arrived, the round they vote in), so the collector's passes during the next burst only
walk what that burst creates. A frozen object is still freed when nothing refers to it; only a
reference cycle that dies while frozen waits: every `full_every_s` seconds (at a quiet
moment too) everything is unfrozen, collected and frozen again, so memory stays bounded.
`atelier serve` runs one (app/cli.py); `tick()` is the whole decision, tested with a clock.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable

from app.events import Event, EventBus

log = logging.getLogger(__name__)
QUIET_S = 2.0
FULL_EVERY_S = 300.0
LOOK_EVERY_S = 0.5


class QuietCollector:
    def __init__(
        self,
        bus: EventBus,
        *,
        quiet_s: float = QUIET_S,
        full_every_s: float = FULL_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet_s, self.full_every_s, self.clock = quiet_s, full_every_s, clock
        self._last_event = clock()
        self._last_full = clock()
        self._busy = False  # something happened since the last collection
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.passes: list[tuple[str, float]] = []  # (kind, milliseconds), the latest 100
        self._unsubscribe = bus.subscribe(self._heard)

    def _heard(self, _event: Event) -> None:
        self._last_event = self.clock()
        self._busy = True

    def tick(self) -> str | None:
        """Collect if the room went quiet after some activity: "frozen" (what is not frozen
        yet), "full" (everything, every `full_every_s`), or None (not now)."""
        now = self.clock()
        if not self._busy or now - self._last_event < self.quiet_s:
            return None
        self._busy = False  # once per quiet spell
        start = time.perf_counter()
        kind = "frozen"
        if now - self._last_full >= self.full_every_s:
            kind = "full"
            gc.unfreeze()
            self._last_full = now
        gc.collect()
        gc.freeze()
        self.passes = [*self.passes[-99:], (kind, (time.perf_counter() - start) * 1000)]
        return kind

    def start(self) -> QuietCollector:
        self._thread = threading.Thread(target=self._run, name="atelier-gc", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(LOOK_EVERY_S):
            try:
                self.tick()
            except Exception:  # never worth stopping the server for
                log.exception("quiet collection")

    def close(self) -> None:
        self._unsubscribe()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

"""The garbage collector's long passes, moved to the moments the room is quiet.

A full collection walks every object the collector tracks. With 2,000 phones connected
(their sockets, transports, tasks: long-lived objects) a full pass took 20 ms, then 330 ms
as they arrived (issue 20), and the acknowledgements caught in it waited as long. `gc.freeze()`
after start-up only kept start-up's objects out of it.

`QuietCollector` takes the full passes out of the busy moments. While it runs, the collector
makes its young passes as usual (they walk only new objects) but no automatic full pass; it
listens to the core's bus and looks at the server's activity (requests, connections) instead:
after activity, once nothing has been written nor asked for `quiet_s` seconds, it collects what is not frozen yet, then freezes what survived (the phones that
arrived, the round they vote in), so the next passes only walk what the next burst creates. A
frozen object is still freed when nothing refers to it; only a reference cycle that dies
while frozen waits: every `full_every_s` seconds (at a quiet moment too) everything is
unfrozen, collected and frozen again, so memory stays bounded. A room that is never quiet
for `force_after_s` gets its pass anyway. `atelier serve` runs one (app/cli.py); `tick()` is
the whole decision, tested with a clock.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Hashable

from app.events import Event, EventBus

log = logging.getLogger(__name__)
QUIET_S = 2.0
FULL_EVERY_S = 300.0
FORCE_AFTER_S = 600.0
NO_AUTOMATIC_FULL_PASS = 10**9  # gen1 passes before a full one: never, in practice
LOOK_EVERY_S = 0.5


class QuietCollector:
    def __init__(
        self,
        bus: EventBus,
        *,
        quiet_s: float = QUIET_S,
        full_every_s: float = FULL_EVERY_S,
        force_after_s: float = FORCE_AFTER_S,
        clock: Callable[[], float] = time.monotonic,
        activity: Callable[[], Hashable] | None = None,
    ) -> None:
        """`activity()`: something that changes while the server works (its requests so far
        and open connections, `ServerThread.activity`), looked at on each tick."""
        self.quiet_s, self.full_every_s, self.clock = quiet_s, full_every_s, clock
        self.force_after_s = force_after_s
        self._last_event = clock()
        self._last_full = clock()
        self._last_pass = clock()
        self._thresholds: tuple[int, int, int] | None = None
        self.activity = activity
        self._seen: Hashable = activity() if activity is not None else None
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
        if self.activity is not None:
            seen = self.activity()
            if seen != self._seen:  # requests were answered, phones came or went
                self._seen, self._last_event, self._busy = seen, now, True
        forced = self._busy and now - self._last_pass >= self.force_after_s
        if not forced and (not self._busy or now - self._last_event < self.quiet_s):
            return None
        self._busy = False  # once per quiet spell
        self._last_pass = now
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
        """Automatic full passes off, and the thread that makes them at quiet moments."""
        self._thresholds = gc.get_threshold()
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_PASS)
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
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)  # the process's own collector again
            self._thresholds = None

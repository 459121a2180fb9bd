"""`atelier serve` as bench/room.py starts it, with what the bench needs to see inside.

The bench only (production code measures nothing): this wrapper adds one route to the
server, `GET /api/bench/probe` (facilitator token), and two instruments:

* the event loop's lag: a task on the server's loop sleeps 2 ms at a time and records how
  late it wakes (a stall: one callback holding the loop, a broadcast, a long GC pass);
* the collector's pauses, from `gc.callbacks` (start → stop of each pass, per generation).

`GET /api/bench/probe` answers the measures so far; with `?reset=1`, it then starts them
again (the first call starts them): {"lag_max_ms", "lag_p99_ms", "lags_over_20ms", "gc": {"0": [count, total_ms,
max_ms], …}, "gc_max_ms", "rss_peak_mb"}. Run as a file (`python bench/_room_probe.py`), it
works with any checkout's `app` on PYTHONPATH (the bench compares a base commit's server).
"""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from pathlib import Path
from typing import Any

import app.server.app as server_app
from app.cli import main

STEP_S = 0.002


class _Probe:
    def __init__(self) -> None:
        self.lags: list[float] = []
        self.gc: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._gc_start = 0.0
        self.task: asyncio.Task[None] | None = None
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.gc[info["generation"]].append((time.perf_counter() - self._gc_start) * 1000)

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(STEP_S)
            self.lags.append((loop.time() - before - STEP_S) * 1000)

    def reset(self) -> None:
        self.lags.clear()
        for pauses in self.gc.values():
            pauses.clear()
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self._watch())

    def figures(self) -> dict[str, Any]:
        lags = sorted(self.lags) or [0.0]
        status = Path("/proc/self/status").read_text().splitlines()
        peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM")), 0)
        return {
            "lag_max_ms": lags[-1],
            "lag_p99_ms": lags[min(len(lags) - 1, int(0.99 * len(lags)))],
            "lags_over_20ms": sum(1 for lag in lags if lag > 20),
            "gc": {str(g): [len(p), sum(p), max(p, default=0.0)] for g, p in self.gc.items()},
            "gc_max_ms": max((max(p, default=0.0) for p in self.gc.values()), default=0.0),
            "rss_peak_mb": peak,
        }


PROBE = _Probe()
_create_app = server_app.create_app


def _create_app_probed(*args: Any, **kwargs: Any) -> Any:
    from fastapi import Header

    api = _create_app(*args, **kwargs)
    token = kwargs.get("facilitator_token")

    @api.get("/api/bench/probe", include_in_schema=False)
    async def probe(reset: int = 0, authorization: str = Header(default="")) -> dict[str, Any]:
        if authorization != f"Bearer {token}":
            return {"refused": True}
        figures = PROBE.figures()  # so far; then, with reset, measured again from now
        if reset:
            PROBE.reset()
        return figures

    return api


server_app.create_app = _create_app_probed

if __name__ == "__main__":
    sys.exit(main())

"""Wait, on an event loop, until writes have reached a database's group-commit queue.

Tests hold the write lock (a commit in progress) and need every write they started to be
waiting before they let it go: this waits for exactly that, instead of a fixed sleep.
"""

from __future__ import annotations

import asyncio

from app.store.db import Database


async def until_queued(db: Database, count: int, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(db._pending) < count:
        if loop.time() > deadline:
            raise AssertionError(f"{len(db._pending)} writes queued, {count} expected")
        await asyncio.sleep(0)  # let the tasks run up to their write

"""`atelier serve` as the phone benchmarks start it, with the group commit's batches counted.

The bench only: `Database._run_batch` is wrapped here (production code prints nothing) so
that each transaction's number of writes is recorded; at exit, the sizes go to the file
named by $ATELIER_BENCH_BATCHES as JSON ({"batches": n, "writes": n, "sizes": {size: n}}).
"""

from __future__ import annotations

import atexit
import collections
import json
import os
import sys
from typing import Any

from app.cli import main
from app.store.db import Database

_sizes: collections.Counter[int] = collections.Counter()
_run_batch = Database._run_batch


def _counted(self: Database) -> None:
    _sizes[len(self._pending)] += 1  # the leader takes every pending write into its batch
    _run_batch(self)


def _dump() -> None:
    target = os.environ.get("ATELIER_BENCH_BATCHES")
    if not target:
        return
    figures: dict[str, Any] = {
        "batches": sum(_sizes.values()),
        "writes": sum(size * n for size, n in _sizes.items()),
        "sizes": {str(size): n for size, n in sorted(_sizes.items())},
    }
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(figures, fh)


Database._run_batch = _counted  # type: ignore[method-assign]
atexit.register(_dump)

if __name__ == "__main__":
    sys.exit(main())

"""The child process of `bench.startup`: start Atelier as `atelier --db FILE` does.

It runs `widgets.application.run` unchanged and only watches it: a wrapper around
`build_window` notes when the window is built and, once `show()` has been called,
queues a zero-delay timer. When that timer fires (the event loop has shown the
window), it prints a marker; after a short idle pause it prints its resident memory
and closes the window, so `run` returns normally.

Lines for the parent start with "@@ ": `@@ <label> <unix time>` and `@@ rss <kB>`.
"""

from __future__ import annotations

import time

# First thing once the interpreter is up: before any Qt or app import.
_PYTHON_READY = time.time()

import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

IDLE_MS = 300  # how long the shown window idles before its memory is read


def stamp(label: str, at: float | None = None) -> None:
    print(f"@@ {label} {at if at is not None else time.time():.6f}", flush=True)


def rss_kb() -> int:
    """Resident memory now (VmRSS), else the peak from getrusage (kB on Linux)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(db_path: str) -> int:
    stamp("python", _PYTHON_READY)
    from PySide6.QtCore import QTimer

    import widgets.application as application

    stamp("imports")
    real_build = application.build_window

    def idle_then_close(window: Any) -> None:
        print(f"@@ rss {rss_kb()}", flush=True)
        window.close()

    def on_shown(window: Any) -> None:
        stamp("loop")  # first turn of the event loop after show()
        # The offscreen platform never asks the window to paint; render it once, as a
        # screen would, so the figure includes the first paint of the home view.
        window.grab()
        stamp("shown")
        QTimer.singleShot(IDLE_MS, lambda: idle_then_close(window))

    def build_window(*args: Any, **kwargs: Any) -> Any:
        stamp("db_open")  # app, theme, translations and Database.open are done
        window = real_build(*args, **kwargs)
        stamp("built")
        real_show = window.show

        def show() -> None:
            real_show()
            QTimer.singleShot(0, lambda: on_shown(window))

        setattr(window, "show", show)  # noqa: B010  (run() calls window.show() next)
        return window

    application.build_window = build_window
    return int(application.run(db=db_path))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""The Qt pin: PySide6 6.12.0 leaks a reference to None on every void call and aborts."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer
app = QCoreApplication([])
obj = QObject()
timer = QTimer()
for _ in range(100):  # warm up caches before counting
    obj.setObjectName("x")
before = sys.getrefcount(None)
for _ in range(10_000):
    obj.setObjectName("atelier")   # void
    timer.setInterval(5)           # void
    timer.stop()                   # void
    obj.blockSignals(False)
after = sys.getrefcount(None)
print(after - before)
"""


def test_pinned_version_is_installed():
    assert version("PySide6-Essentials") == "6.11.2"
    assert version("PySide6-Addons") == "6.11.2"


def test_void_qt_calls_do_not_change_the_refcount_of_none():
    # In a subprocess: the faulty release aborts the interpreter rather than failing politely.
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    drift = int(done.stdout.strip().splitlines()[-1])
    # 30,000 void calls: a per-call leak would show as a drift of tens of thousands.
    assert abs(drift) < 100, f"sys.getrefcount(None) moved by {drift}"

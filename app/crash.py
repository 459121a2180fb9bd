"""Bug reports: the traceback goes to a file in the user's log folder."""

from __future__ import annotations

import platform
import traceback
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_log_dir

from app import APP_NAME, ORG_NAME, __version__


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, ORG_NAME))


def report_bug(exc: BaseException) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.txt"
    text = "".join(traceback.format_exception(exc))
    path.write_text(
        f"Atelier {__version__} — Python {platform.python_version()} — {platform.platform()}\n\n{text}",
        encoding="utf-8",
    )
    return path

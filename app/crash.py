"""Bug reports: the traceback goes to a file in the user's log folder, readable by the user
only (a traceback may quote a name or a post-it)."""

from __future__ import annotations

import platform
import traceback
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_log_dir

from app import APP_NAME, ORG_NAME, __version__
from app.system.files import private_folder, write_private_text


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, ORG_NAME))


def report_bug(exc: BaseException) -> Path:
    folder = private_folder(log_dir())
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.txt"
    text = "".join(traceback.format_exception(exc))
    write_private_text(
        path,
        f"Atelier {__version__} — Python {platform.python_version()} — {platform.platform()}\n\n{text}",
    )
    return path

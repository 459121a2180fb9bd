"""One resolver for shipped files, in a checkout and in the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    """The folder holding `assets/` and `formats/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def asset(*parts: str) -> Path:
    return base_dir().joinpath("assets", *parts)


def formats_dir() -> Path:
    return base_dir() / "formats"

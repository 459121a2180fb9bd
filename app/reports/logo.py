"""The logo she picks for the compte-rendu's cover: read and checked before any build.

A logo is decoration: a file gone missing (a USB key left at the lab), unreadable or not an
image makes `read_logo` raise `LogoError` with a French message, and the caller leaves the
logo out rather than fail the document.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from reportlab.lib.utils import ImageReader

from app.errors import KnownError
from app.system.files import read_input

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000  # a 6,000 × 6,000 photo; more is a mistake, and slow


class LogoError(KnownError):
    code = "logo"


def read_logo(path: str | os.PathLike[str]) -> bytes:
    """The image's bytes, checked to be a PNG or JPEG reportlab can draw."""
    file = Path(path)
    data = read_input(
        file, MAX_LOGO_BYTES, LogoError, "« {name} » est trop lourd pour un logo (plus de 10 Mo)."
    )
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise LogoError("« {name} » n'est pas une image PNG ou JPEG.", name=file.name)
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # reportlab and Pillow raise many kinds for a damaged image
        raise LogoError("« {name} » est une image abîmée.", name=file.name) from exc
    if width <= 0 or height <= 0 or width * height > MAX_LOGO_PIXELS:
        raise LogoError(
            "« {name} » est trop grande pour un logo ({width} × {height}).",
            name=file.name,
            width=width,
            height=height,
        )
    return data

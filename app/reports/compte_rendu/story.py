"""What the compte-rendu's sections share: their story, and small helpers."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from app.domain.report import ReportData
from app.reports.document import Story
from app.reports.i18n import Lang, time_text


class ReportStory(Story[ReportData]):
    """The compte-rendu's flowables, its sections numbered, its sub-sections in the table of
    contents."""


def _when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp)


def time_of(timestamp: float | None, lang: Lang = "fr") -> str:
    if timestamp is None:
        return "—"
    moment = _when(timestamp)
    return time_text(moment.hour * 60 + moment.minute, lang)


def image(png: bytes, max_width: float, max_height: float) -> Image:
    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    scale = min(max_width / width, max_height / height, 1.0 if width > max_width / 2 else 2.0)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale, hAlign="LEFT")

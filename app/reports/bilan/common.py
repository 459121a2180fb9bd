"""What the bilan's sections share: its story, the figures' plural, the colours and styles."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
)

from app.domain.activity import ActivityData
from app.reports.document import (
    Story,
    plural,
)
from app.reports.i18n import (
    Lang,
    t,
)
from app.reports.layout import (
    ACCENT,
    NOTE_COLORS,
    Styles,
    rich,
)
from app.reports.text import markup

CATEGORY_COLORS = {
    "public": ACCENT,
    "prive": NOTE_COLORS["orange"],
    "association": NOTE_COLORS["violet"],
    "usager": NOTE_COLORS["vert"],
}
TOP_ORGANISATIONS = 12
ATTRIBUTION = ParagraphStyle(
    "attribution", parent=Styles.small, leftIndent=Styles.quote.leftIndent, spaceAfter=4
)


def counted(count: int, one: str, many: str | None = None, lang: Lang = "fr") -> str:
    """The bilan's figures: '0 séances' (`plural` with `zero_plural`)."""
    return plural(count, one, many, zero_plural=True, lang=lang)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def bilan_title(data: ActivityData, lang: Lang = "fr") -> str:
    """'Bilan d'activité 2026' for a calendar year; the period says the rest."""
    period = data.period
    if period.is_calendar_year:
        return t("Bilan d'activité {year}", lang).format(year=period.start.year)
    return t("Bilan d'activité", lang)


class BilanStory(Story[ActivityData]):
    section_room = 9 * cm

    def sub(self, title: str) -> None:
        """A sub-title, not in the bookmarks."""
        self.add(CondPageBreak(3.5 * cm), rich(markup(title), Styles.h2))

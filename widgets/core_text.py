"""The core's French words, as the window shows them in the chosen language.

`app/` stays without Qt and keeps stable keys (a status, a colour key, a category, a format's
`name_en`); this module turns them into the window's language through Qt's translation
(context "CoreText"), and formats dates and times with the chosen language's conventions.
French, the source language, is exactly what the core writes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain.agenda import format_minutes
from app.domain.english import english_minutes
from app.domain.french import clock_time, french_date, french_number
from app.domain.model import Status
from widgets.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.library import Format

CONTEXT = "CoreText"
AT = QT_TRANSLATE_NOOP("CoreText", "{date} à {time}")
ON_TIME = QT_TRANSLATE_NOOP("CoreText", "À l’heure")
DRIFT = QT_TRANSLATE_NOOP("CoreText", "{sign}{n} min sur le programme")
ARRIVALS = QT_TRANSLATE_NOOP("CoreText", "Arrivées")
ARRIVALS_SUBTITLE = QT_TRANSLATE_NOOP("CoreText", "des téléphones")
BY_HAND = QT_TRANSLATE_NOOP("CoreText", " (à la main)")
NO_ORGANISATION = QT_TRANSLATE_NOOP("CoreText", "sans organisation")

# Translated to the language code by each translation ("en" in atelier_en.ts): the window's
# language is the one of the translation installed, whatever the system's locale says.
LANGUAGE = QT_TRANSLATE_NOOP("CoreText", "fr")

STATUS = {
    Status.DRAFT: QT_TRANSLATE_NOOP("CoreText", "En préparation"),
    Status.LIVE: QT_TRANSLATE_NOOP("CoreText", "En cours"),
    Status.CLOSED: QT_TRANSLATE_NOOP("CoreText", "Terminé"),
    Status.ARCHIVED: QT_TRANSLATE_NOOP("CoreText", "Archivé"),
}

COLOURS = {  # app/domain/board.PALETTE's keys
    "jaune": QT_TRANSLATE_NOOP("CoreText", "Jaune"),
    "orange": QT_TRANSLATE_NOOP("CoreText", "Orange"),
    "bleu": QT_TRANSLATE_NOOP("CoreText", "Bleu ciel"),
    "vert": QT_TRANSLATE_NOOP("CoreText", "Vert"),
    "rouge": QT_TRANSLATE_NOOP("CoreText", "Vermillon"),
    "rose": QT_TRANSLATE_NOOP("CoreText", "Rose"),
}

CATEGORIES = {  # app/ops/participants.CATEGORIES's keys
    "public": QT_TRANSLATE_NOOP("CoreText", "Agent public"),
    "prive": QT_TRANSLATE_NOOP("CoreText", "Privé"),
    "association": QT_TRANSLATE_NOOP("CoreText", "Association"),
    "usager": QT_TRANSLATE_NOOP("CoreText", "Citoyen·ne / usager"),
}

PROJECT_STATUSES = {  # app/domain/report.PROJECT_STATUSES's keys
    "idee": QT_TRANSLATE_NOOP("CoreText", "Idée"),
    "en_incubation": QT_TRANSLATE_NOOP("CoreText", "En incubation"),
    "en_experimentation": QT_TRANSLATE_NOOP("CoreText", "En expérimentation"),
    "en_deploiement": QT_TRANSLATE_NOOP("CoreText", "En déploiement"),
    "abandonne": QT_TRANSLATE_NOOP("CoreText", "Abandonné"),
    "termine": QT_TRANSLATE_NOOP("CoreText", "Terminé"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def language() -> str:
    """'fr' or the code of the translation the window runs in ('en')."""
    return _tr(LANGUAGE) or "fr"


def french() -> bool:
    return language() == "fr"


def status_label(status: Status) -> str:
    return _tr(STATUS[status])


def colour_name(key: str, default: str = "") -> str:
    return _tr(COLOURS[key]) if key in COLOURS else default or key


def project_status(key: str) -> str:
    return _tr(PROJECT_STATUSES[key]) if key in PROJECT_STATUSES else key


def category_label(key: str) -> str:
    return _tr(CATEGORIES[key]) if key in CATEGORIES else key


def date_text(value: date) -> str:
    """'7 décembre 2026' in French, '7 December 2026' in English."""
    if french():
        return french_date(value)
    locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def time_text(minutes_since_midnight: int) -> str:
    """'10 h 45' in French, '10:45' in English."""
    if french():
        return clock_time(minutes_since_midnight)
    hours, minutes = divmod(minutes_since_midnight % (24 * 60), 60)
    return f"{hours}:{minutes:02d}"


def minutes_text(total: int) -> str:
    """A duration: '2 h 05' in French (app/domain/agenda.format_minutes), '2h05' in English."""
    return format_minutes(total) if french() else english_minutes(total)


def moment_text(value: datetime) -> str:
    """'7 décembre 2026 à 20:53', '7 December 2026 at 20:53'."""
    return _tr(AT).format(date=date_text(value.date()), time=value.strftime("%H:%M"))


def drift_label(seconds: float) -> str:
    """How far the séance is from its programme: app/domain/timer.drift_text, translated."""
    minutes = round(seconds / 60)
    if minutes == 0:
        return _tr(ON_TIME)
    sign = "+" if minutes > 0 else "−"
    return _tr(DRIFT).format(sign=sign, n=abs(minutes))


_formats: dict[str, Format] = {}


def know_formats(formats: list[Format]) -> None:
    """The library's formats, for naming a workshop's format from its key."""
    _formats.update({fmt.key: fmt for fmt in formats})


def format_name(key: str, fallback: str) -> str:
    """A workshop's format, by its key ('3 heures', '3 hours'); `fallback`: the core's name."""
    fmt = _formats.get(key)
    return fmt.name_en if fmt is not None and fmt.name_en and not french() else fallback


def format_title(fmt: Format) -> str:
    return fmt.name_en if not french() and fmt.name_en else fmt.name


def format_description(fmt: Format) -> str:
    return fmt.description_en if not french() and fmt.description_en else fmt.description


def format_tagline(fmt: Format) -> str:
    return fmt.tagline_en if not french() and fmt.tagline_en else fmt.tagline


def arrivals_title() -> tuple[str, str]:
    """The board's "Arrivées" lane: its title and its subtitle."""
    return _tr(ARRIVALS), _tr(ARRIVALS_SUBTITLE)


def by_hand() -> str:
    return _tr(BY_HAND)


def no_organisation() -> str:
    return _tr(NO_ORGANISATION)


def number_text(value: float, decimals: int = 0) -> str:
    """'1 234,5' in French (app/domain/french.french_number), '1,234.5' in English."""
    if french():
        return french_number(value, decimals)
    return f"{value:,.{decimals}f}".replace("-", "−")

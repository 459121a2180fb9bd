"""French typography shared by the window, the reports and the phones."""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(value: date) -> str:
    """'22 novembre 2026' ('1er' for the first of the month)."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def clock_time(minutes_since_midnight: int) -> str:
    """'10 h 45' — how a French agenda writes a time of day."""
    hours, minutes = divmod(minutes_since_midnight % (24 * 60), 60)
    return f"{hours} h {minutes:02d}"


NBSP = "\u00a0"  # before « : » and inside guillemets
NNBSP = "\u202f"  # narrow: before « ; ! ? » and between thousands

_BEFORE_NARROW = re.compile(r"[ \u00a0\u202f]+([;!?])")
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def french_typography(text: str) -> str:
    """Non-breaking spaces where French typography wants them.

    A space typed before ; ! ? becomes a narrow no-break space, before : a no-break space
    (none is added where nobody typed one: '?!', 'http://' and '{{7*7}}' stay as they are);
    inside guillemets the space is always a no-break space.
    """
    text = _BEFORE_NARROW.sub(NNBSP + r"\1", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _AFTER_OPEN.sub("«" + NBSP, text)
    return _BEFORE_CLOSE.sub(NBSP + "»", text)


def french_number(value: float, decimals: int = 0) -> str:
    """'1 234,5': a narrow no-break space between thousands, a decimal comma."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NNBSP).replace(".", ",").replace("-", "−")


def french_percent(part: float, whole: float) -> str:
    """'65 %' (rounded), '0 %' for an empty whole."""
    return f"{french_number(round(100 * part / whole) if whole else 0)}{NBSP}%"


def french_period(start: date, end: date) -> str:
    """'du 1er janvier au 31 mars 2026', 'du 3 au 5 juin 2026', 'le 22 novembre 2026'."""
    if start == end:
        return f"le {french_date(start)}"
    if start.year == end.year:
        first = french_date(start).rsplit(" ", 1)[0]  # without the year
        if start.month == end.month:
            first = first.split(" ")[0]  # without the month either
        return f"du {first} au {french_date(end)}"
    return f"du {french_date(start)} au {french_date(end)}"


def french_month(value: date, short: bool = False) -> str:
    """'mars 2026'; short: 'mars 26' (for chart labels)."""
    name = MONTHS[value.month - 1]
    return f"{name} {value.year % 100:02d}" if short else f"{name} {value.year}"

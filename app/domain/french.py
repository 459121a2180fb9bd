"""French typography shared by the window, the reports and the phones."""

from __future__ import annotations

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

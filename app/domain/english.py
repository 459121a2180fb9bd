"""English conventions for the documents printed in English: dates, numbers, times.

The counterpart of `app.domain.french` for a document built with `lang="en"`.
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def english_date(value: date) -> str:
    """'7 December 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def english_number(value: float, decimals: int = 0) -> str:
    """'1,234.5': a comma between thousands, a decimal point."""
    return f"{value:,.{decimals}f}".replace("-", "−")


def english_percent(part: float, whole: float) -> str:
    """'65%' (rounded), '0%' for an empty whole."""
    return f"{english_number(round(100 * part / whole) if whole else 0)}%"


def english_clock_time(minutes_since_midnight: int) -> str:
    """'10:45'."""
    hours, minutes = divmod(minutes_since_midnight % (24 * 60), 60)
    return f"{hours}:{minutes:02d}"


def english_period(start: date, end: date) -> str:
    """'from 1 January to 31 March 2026', 'from 3 to 5 June 2026', 'on 22 November 2026'."""
    if start == end:
        return f"on {english_date(start)}"
    if start.year == end.year:
        first = english_date(start).rsplit(" ", 1)[0]
        if start.month == end.month:
            first = first.split(" ")[0]
        return f"from {first} to {english_date(end)}"
    return f"from {english_date(start)} to {english_date(end)}"


def english_month(value: date, short: bool = False) -> str:
    """'March 2026'; short: 'Mar 26'."""
    name = MONTHS[value.month - 1]
    return f"{name[:3]} {value.year % 100:02d}" if short else f"{name} {value.year}"


def english_minutes(total: int) -> str:
    """'2h05', '45 min': a duration."""
    sign = "−" if total < 0 else ""
    hours, minutes = divmod(abs(total), 60)
    if hours and minutes:
        return f"{sign}{hours}h{minutes:02d}"
    if hours:
        return f"{sign}{hours}h"
    return f"{sign}{minutes} min"


def english_ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '21st'."""
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

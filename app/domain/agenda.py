"""Pure agenda rules."""

from __future__ import annotations

from app.errors import InvalidInput

MIN_PHASE_MINUTES = 1
MAX_PHASE_MINUTES = 12 * 60
MAX_TITLE_CHARS = 200
MAX_TEXT_CHARS = 5000


def check_minutes(minutes: object) -> int:
    """A phase lasts from 1 minute to 12 hours."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise InvalidInput("La durée doit être un nombre entier de minutes.")
    if not MIN_PHASE_MINUTES <= minutes <= MAX_PHASE_MINUTES:
        raise InvalidInput("Une séquence dure de 1 minute à 12 heures (720 minutes).")
    return minutes


def clean_text(
    value: object, *, what: str, limit: int = MAX_TEXT_CHARS, required: bool = False
) -> str:
    """Plain text as typed, minus NUL and other control characters (tabs and newlines kept)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("{what} : un texte est attendu.", what=what)
    text = value.replace("\r\n", "\n").replace("\r", "\n")  # CR/CRLF to LF, then strip controls
    text = "".join(ch for ch in text if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))
    if len(text) > limit:
        raise InvalidInput(
            "{what} : {limit} caractères au plus ({n} saisis).", what=what, limit=limit, n=len(text)
        )
    if required and not text.strip():
        raise InvalidInput("{what} : ce champ ne peut pas être vide.", what=what)
    return text


def format_minutes(total: int) -> str:
    """'2 h 05', '45 min' — the way a French agenda writes durations."""
    sign = "−" if total < 0 else ""
    total = abs(total)
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return f"{sign}{hours} h {minutes:02d}"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{minutes} min"


def overrun(planned: int, length: int) -> int:
    """Minutes beyond the format's length (0 when within)."""
    return max(0, planned - length)

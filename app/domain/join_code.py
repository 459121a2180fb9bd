"""The séance's join code: typed by those who cannot scan the QR code.

Five characters from an alphabet that cannot be misread on a projector nor misheard when read
aloud: no 0/O, 1/I/L, and no vowels either, so that no word (rude or otherwise) appears on the
screen. 28 characters, 5 places: 17,210,368 codes. The server (app/server/limits.py) refuses
any code, the right one too, to an address after 5 wrong ones in 2 minutes, and to every new
arrival after 60 wrong ones in an hour from the whole room: finding the code takes on average
half the codes at 60 an hour, about 16 years, some 2,000 times a 3-day workshop.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789BCDFGHJKMNPQRSTVWXYZ"
LENGTH = 5


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(typed: str) -> str:
    """What a person typed, as the code is stored: capitals, without spaces or dashes."""
    return "".join(c for c in typed.upper() if c not in " -_.\t\u00a0")


def matches(typed: str, code: str) -> bool:
    return bool(code) and secrets.compare_digest(normalize(typed).encode(), code.encode())

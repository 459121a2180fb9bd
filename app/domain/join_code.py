"""The séance's join code: typed by those who cannot scan the QR code.

Five characters from an alphabet that cannot be misread on a projector nor misheard when read
aloud: no 0/O, 1/I/L, and no vowels either, so that no word (rude or otherwise) appears on the
screen. 28 characters, 5 places: about 17 million codes, and the server refuses more than a
few wrong tries a minute from one phone.
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

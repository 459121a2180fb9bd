"""Text typed by people (participants, facilitators), made printable.

Used wherever such text leaves the app: documents (`app.reports.text.markup` builds on it),
CSV cells, photo captions, window labels.
"""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "\t": " "})
# bidirectional overrides and isolates: a PDF without a bidi engine cannot honour them, and
# they serve to disguise text ('‮exe.txt'); the text itself is kept, in the order typed
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean(text: object) -> str:
    """Printable text: CR/CRLF and Unicode separators as LF, tabs as spaces, NUL and every
    other control character (C0, DEL, C1) and bidirectional override removed."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return "".join(
        ch
        for ch in value
        if ch == "\n" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )


def one_line(text: object) -> str:
    """`clean()` on one line: for bookmarks, metadata, chart labels and CSV-free places."""
    return " ".join(clean(text).split())

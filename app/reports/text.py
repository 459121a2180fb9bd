"""Participant text is data, never markup.

reportlab's Paragraph reads an XML-like markup (`<b>`, `<font>`, `<para>`, entities): every
piece of text that is not ours goes through `markup()`, which cleans control characters,
applies French typography and escapes what the markup would read. Long words need nothing
here: the paragraph styles split a word longer than its column (`splitLongWords`).
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from app.domain.french import french_typography

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


def markup(text: object, *, typography: bool = True) -> str:
    """Text for a reportlab Paragraph, printed exactly as typed (line breaks kept)."""
    value = clean(text)
    if typography:
        value = french_typography(value)
    # reportlab breaks lines at U+202F (its whitespace list holds it), never at U+00A0
    value = value.replace("\u202f", "\u00a0")
    return "<br/>".join(escape(line) for line in value.split("\n"))


def shorten(text: object, limit: int) -> str:
    """One line of at most `limit` characters, '…' when cut (chart labels)."""
    value = one_line(text)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"

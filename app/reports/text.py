"""Participant text is data, never markup.

reportlab's Paragraph reads an XML-like markup (`<b>`, `<font>`, `<para>`, entities): every
piece of text that is not ours goes through `markup()`, which cleans control characters,
applies French typography and escapes what the markup would read. Long words need nothing
here: the paragraph styles split a word longer than its column (`splitLongWords`).
"""

from __future__ import annotations

from collections.abc import Container
from xml.sax.saxutils import escape

from app.domain.french import french_typography
from app.domain.text import clean, one_line

__all__ = ["clean", "markup", "one_line", "shorten"]  # clean, one_line: app.domain.text

FALLBACK_FONT = "Symbola"  # emoji and pictographs the main font lacks (assets/fonts)
_glyphs: tuple[Container[int], Container[int]] | None = None  # (main font's, fallback's)


def use_fonts(main: Container[int], fallback: Container[int]) -> None:
    """The code points the documents' font and its fallback can draw (layout.register_fonts):
    from then on `markup` hands each character the main font lacks to the fallback."""
    global _glyphs
    _glyphs = (main, fallback)


def font_runs(line: str) -> list[tuple[bool, str]]:
    """The line cut in runs of (set in the fallback font?, text): a character the main font
    lacks and the fallback has goes to the fallback."""
    if _glyphs is None:
        return [(False, line)] if line else []
    main, fallback = _glyphs
    runs: list[tuple[bool, str]] = []
    for ch in line:
        wanted = ord(ch) not in main and ord(ch) in fallback
        if runs and runs[-1][0] == wanted:
            runs[-1] = (wanted, runs[-1][1] + ch)
        else:
            runs.append((wanted, ch))
    return runs


def _escaped(line: str) -> str:
    """One line escaped, runs of characters only the fallback font has set in that font
    (a 🚲 typed on a phone prints as a bicycle, not as an empty box)."""
    return "".join(
        f'<font name="{FALLBACK_FONT}">{escape(text)}</font>' if fallback else escape(text)
        for fallback, text in font_runs(line)
    )


def markup(text: object, *, typography: bool = True) -> str:
    """Text for a reportlab Paragraph, printed exactly as typed (line breaks kept)."""
    value = clean(text)
    if typography:
        value = french_typography(value)
    # reportlab breaks lines at U+202F (its whitespace list holds it), never at U+00A0
    value = value.replace("\u202f", "\u00a0")
    return "<br/>".join(_escaped(line) for line in value.split("\n"))


def shorten(text: object, limit: int) -> str:
    """One line of at most `limit` characters, '…' when cut (chart labels)."""
    value = one_line(text)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"

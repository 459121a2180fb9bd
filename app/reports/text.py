"""Participant text is data, never markup.

reportlab's Paragraph reads an XML-like markup (`<b>`, `<font>`, `<para>`, entities): every
piece of text that is not ours goes through `markup()`, which cleans control characters,
applies French typography and escapes what the markup would read. Long words need nothing
here: the paragraph styles split a word longer than its column (`splitLongWords`).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from app.domain.french import french_typography
from app.domain.text import clean, one_line

__all__ = ["clean", "markup", "one_line", "shorten"]  # clean, one_line: app.domain.text

FALLBACK_FONT = "Symbola"  # emoji and pictographs the main font lacks (assets/fonts)
FontFor = Callable[[str], "str | None"]
_font_for: FontFor | None = None
_main: frozenset[str] = frozenset()


def use_fonts(font_for: FontFor, main: frozenset[str]) -> None:
    """How to find the font for a character the documents' font lacks (layout.register_fonts):
    `font_for(ch)` names the first font of the fallback chain that has it, or None to leave it
    to the main font, whose characters are `main`. From then on `markup` sets such characters
    in their font."""
    global _font_for, _main
    _font_for, _main = font_for, main


def font_runs(line: str) -> list[tuple[str | None, str]]:
    """The line cut in runs of (the fallback font to set it in, or None for the main font,
    text)."""
    font_for = _font_for
    if font_for is None or _main.issuperset(line):  # the usual line: all in the main font
        return [(None, line)] if line else []
    main = _main
    runs: list[tuple[str | None, str]] = []
    for ch in line:
        name = None if ch in main else font_for(ch)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + ch)
        else:
            runs.append((name, ch))
    return runs


def _escaped(line: str) -> str:
    """One line escaped, runs of characters only a fallback font has set in that font (a 🚲
    typed on a phone prints as a bicycle, 漢字 as ideographs, not as empty boxes). The font
    names are ours; the text is escaped, never read as markup."""
    return "".join(
        f'<font name="{name}">{escape(text)}</font>' if name else escape(text)
        for name, text in font_runs(line)
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

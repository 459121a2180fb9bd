"""The look shared by Atelier's PDF documents: fonts, styles, tables, charts, page furniture."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.domain.french import french_number
from app.domain.report import CATEGORY_LABELS
from app.reports.i18n import Lang, number, percent, t
from app.reports.text import FALLBACK_FONT, font_runs, markup, shorten, use_fonts
from app.resources import asset

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CONDENSED = "DejaVuSansCondensed"

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6773")
ACCENT = colors.HexColor("#1f5f6b")  # a deep teal, printable in grey
ACCENT_LIGHT = colors.HexColor("#e6f0f1")
RULE = colors.HexColor("#c9d2d8")
ZEBRA = colors.HexColor("#f5f7f8")

# the board's colours, as printable tints (bullets, chart bars)
NOTE_COLORS = {
    "jaune": colors.HexColor("#e0b400"),
    "bleu": colors.HexColor("#3a7bd5"),
    "vert": colors.HexColor("#3c9a5f"),
    "orange": colors.HexColor("#e07b24"),
    "violet": colors.HexColor("#8a5cc2"),
    "rouge": colors.HexColor("#cc4b4b"),
    "rose": colors.HexColor("#d9679b"),
    "gris": colors.HexColor("#8a949c"),
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2.2 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

_fonts_lock = threading.Lock()
_fonts_ready = False


def pdf_accelerated() -> bool:
    """Whether reportlab found its C helpers (the rl_accel package): a PDF comes out the same
    without them, only slower, so only the bundle's self-check insists on them."""
    from reportlab.lib import rl_accel

    return "fp_str" in rl_accel._c_funcs and "instanceStringWidthTTF" in rl_accel._c_funcs


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map, with characters past U+FFFF written as UTF-16 (a surrogate
    pair), as the PDF reference wants: reportlab writes their code point's five hex digits,
    so that a PDF reader copies 🚲 as two unrelated letters and search never finds it."""

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    original = _reportlab_cmap(fontname, subset)
    opening = f"{len(subset)} beginbfchar"
    head, _, _ = original.partition(opening)
    chars = [f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return head + "\n".join([opening, *chars, *tail])


_reportlab_cmap = ttfonts.makeToUnicodeCMap


# The fonts that draw what DejaVu and Symbola lack, tried in this order, each loaded the first
# time a character needs one (assets/fonts/fallback/README.md says where they come from).
_SCRIPTS = "Thai Devanagari Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala"
FALLBACK_CHAIN: tuple[tuple[str, str], ...] = (
    *(
        (f"NotoSans{s}", f"NotoSans{s}-Regular.ttf")
        for s in f"{_SCRIPTS} Myanmar Khmer Ethiopic Adlam Thaana".split()
    ),
    ("DroidSansFallback", "DroidSansFallbackFull.ttf"),  # CJK, kana, full-width forms
    ("NanumGothicCoding", "NanumGothicCoding.ttf"),  # Hangul syllables
)


class FontChain:
    """Which font draws a character: None for the main font (DejaVu) when it has it, else the
    first of Symbola and `FALLBACK_CHAIN` that has it (None again when none has: a box, as
    before). The answer is cached per character; the chain's fonts are read and registered
    only when a character is missing from every font before them, so a document in Latin
    letters never opens them."""

    def __init__(self, main: TTFont, symbols: TTFont) -> None:
        self._main = main.face.charToGlyph
        self._fonts: list[tuple[str, Any]] = [(symbols.fontName, symbols.face.charToGlyph)]
        self._waiting = list(FALLBACK_CHAIN)
        self._cache: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def __call__(self, ch: str) -> str | None:
        try:
            return self._cache[ch]
        except KeyError:
            pass
        code = ord(ch)
        found: str | None = None
        if code not in self._main:
            with self._lock:
                found = self._search(code)
        self._cache[ch] = found
        return found

    def _search(self, code: int) -> str | None:
        for name, glyphs in self._fonts:
            if code in glyphs:
                return name
        while self._waiting:  # the next font of the chain, read now
            name, file = self._waiting.pop(0)
            font = TTFont(name, str(asset("fonts", "fallback", file)))
            pdfmetrics.registerFont(font)
            self._fonts.append((name, font.face.charToGlyph))
            if code in font.face.charToGlyph:
                return name
        return None


def register_fonts() -> None:
    """The DejaVu fonts shipped in assets/fonts, embedded (subset) in every document, and the
    fallback chain for the characters they lack (emoji, other scripts)."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for name, file in (
            (FONT, "DejaVuSans.ttf"),
            (BOLD, "DejaVuSans-Bold.ttf"),
            (CONDENSED, "DejaVuSansCondensed.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, str(asset("fonts", file))))
        fallback = TTFont(FALLBACK_FONT, str(asset("fonts", "Symbola.ttf")))
        pdfmetrics.registerFont(fallback)
        main = pdfmetrics.getFont(FONT)
        use_fonts(FontChain(main, fallback), frozenset(map(chr, main.face.charToGlyph)))
        # no oblique face ships: italics fall back to the upright faces
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
        # charts start from Helvetica, which would be referenced without being embedded
        shapes.STATE_DEFAULTS["fontName"] = FONT
        _fonts_ready = True


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "fontSize": 9.5,
        "leading": 13.5,
        "textColor": INK,
        "splitLongWords": 1,  # a 10,000-character word wraps instead of leaving the page
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    body = _style("body", spaceAfter=5)
    small = _style("small", fontSize=8, leading=10.5, textColor=MUTED)
    cell = _style("cell", fontSize=8.5, leading=11)
    cell_right = _style("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT)
    cell_center = _style("cell_center", fontSize=8.5, leading=11, alignment=TA_CENTER)
    cell_muted = _style("cell_muted", fontSize=8.5, leading=11, textColor=MUTED)
    cell_bold = _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11)
    head = _style("head", fontName=BOLD, fontSize=8, leading=10, textColor=colors.white)
    head_right = _style(
        "head_right", fontName=BOLD, fontSize=8, leading=10, textColor=colors.white, alignment=2
    )
    h1 = _style(
        "h1", fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceBefore=6, spaceAfter=10
    )
    h2 = _style("h2", fontName=BOLD, fontSize=12, leading=15, spaceBefore=12, spaceAfter=5)
    h3 = _style(
        "h3", fontName=BOLD, fontSize=9.5, leading=13, textColor=ACCENT, spaceBefore=6, spaceAfter=2
    )
    label = _style("label", fontName=BOLD, fontSize=8, leading=11, textColor=MUTED)
    quote = _style("quote", leftIndent=10, spaceAfter=4, textColor=INK, borderPadding=0)
    bullet = _style("bullet", leftIndent=14, bulletIndent=2, spaceAfter=3.5, bulletFontName=BOLD)
    toc0 = _style("toc0", fontSize=11, leading=20, leftIndent=0)
    toc1 = _style("toc1", fontSize=9.5, leading=15, leftIndent=16, textColor=MUTED)
    cover_kicker = _style("cover_kicker", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT)
    cover_title = _style(
        "cover_title", fontName=BOLD, fontSize=26, leading=32, textColor=INK, spaceAfter=8
    )
    cover_line = _style("cover_line", fontSize=11, leading=17)
    figure = _style(
        "figure", fontName=BOLD, fontSize=24, leading=28, alignment=TA_CENTER, textColor=ACCENT
    )
    figure_label = _style(
        "figure_label", fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=MUTED
    )
    left = TA_LEFT


def para(text: object, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of someone's text: escaped, never read as markup."""
    return Paragraph(markup(text), style)


def category_label(key: str, lang: Lang = "fr") -> str:
    """A category's name for a table or a chart ('Agents publics'); an unknown one as typed."""
    label = CATEGORY_LABELS.get(key)
    return key if label is None else t(label, lang)


def category_rows(
    order: Sequence[str], counts: dict[str, int], total: int, lang: Lang = "fr"
) -> list[list[Any]]:
    """The rows of a "who came" table: category, people, share, then the total."""
    rows: list[list[Any]] = [
        [
            rich(t("Catégorie", lang), Styles.head),
            rich(t("Personnes", lang), Styles.head_right),
            rich(t("Part", lang), Styles.head_right),
        ]
    ]
    for c in order:
        rows.append(
            [
                para(category_label(c, lang), Styles.cell),
                para(number(counts[c], lang), Styles.cell_right),
                para(percent(counts[c], total, lang), Styles.cell_right),
            ]
        )
    rows.append(
        [
            para(t("Total", lang), Styles.cell_bold),
            para(number(total, lang), Styles.cell_right),
            para(t("100 %", lang), Styles.cell_right),
        ]
    )
    return rows


def rich(own_markup: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of OUR text, which may hold markup; participant parts must be `markup()`ed."""
    return Paragraph(own_markup, style)


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    total_row: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A table in the house style: a dark header repeated on each page, zebra rows."""
    t = Table(
        list(rows),
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        splitInRow=1,  # a cell taller than a page (a 10,000-character word) continues over
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # for plain strings (Helvetica otherwise)
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0, ACCENT),
        ]
    first = 1 if header else 0
    commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA]))
    if total_row:
        commands += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    commands += list(extra)
    t.setStyle(TableStyle(commands))
    return t


def fit_width(text: object, width: float, font: str = FONT, size: float = 8) -> str:
    """One line of `text` cut with '…' so that it prints within `width` points (a count of
    characters is not enough: 'WWW' is three times wider than 'iii')."""
    register_fonts()
    value = shorten(text, 10_000)
    if pdfmetrics.stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(value[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"


def draw_text(
    canvas: Any, x: float, y: float, text: str, font: str, size: float, *, anchor: str = "start"
) -> None:
    """One line on a canvas, the characters its font lacks (emoji, other scripts) from the
    fallback fonts; `anchor` "start", "middle" or "end" says where x is."""
    runs = [(fallback or font, run) for fallback, run in font_runs(text)]
    total = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    at = x - (total if anchor == "end" else total / 2 if anchor == "middle" else 0)
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(at, y, run)
        at += pdfmetrics.stringWidth(run, name, size)
    canvas.setFont(font, size)


def chart_text(
    x: float, y: float, text: str, *, font: str, size: float, color: Any, anchor: str = "start"
) -> Group:
    """A chart's line of text as a group of strings, the characters its font lacks (emoji,
    other scripts) from the fallback fonts, as `draw_text` does on a canvas."""
    runs = [(fallback or font, run) for fallback, run in font_runs(text)]
    total = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    at = x - (total if anchor == "end" else total / 2 if anchor == "middle" else 0)
    group = Group()
    for name, run in runs:
        group.add(String(at, y, run, fontName=name, fontSize=size, fillColor=color))
        at += pdfmetrics.stringWidth(run, name, size)
    return group


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    width: float = FRAME_WIDTH,
    label_width: float = 6.5 * cm,
    bar_color: Any = ACCENT,
    colors_by_row: Sequence[Any] | None = None,
    value_text: Callable[[float], str] | None = None,
    label_chars: int = 48,
    scale_max: float | None = None,
) -> Drawing:
    """Horizontal bars, one per row: label, bar, value. Labels are cut to one line, at most
    `label_chars` characters and never wider than their column. Bars are drawn against
    `scale_max` (a 1-to-5 mean, say), else against the biggest value."""
    register_fonts()
    row_h, gap = 13.0, 5.0
    height = len(rows) * (row_h + gap) + gap
    drawing = Drawing(width, height)
    top = scale_max or max((value for _, value in rows), default=0) or 1
    bar_space = width - label_width - 1.6 * cm
    fmt = value_text or (lambda v: french_number(v))
    for i, (label, value) in enumerate(rows):
        y = height - (i + 1) * (row_h + gap)
        drawing.add(
            chart_text(
                label_width - 6,
                y + 3.5,
                fit_width(shorten(label, label_chars), label_width - 8),
                font=FONT,
                size=8,
                color=INK,
                anchor="end",
            )
        )
        drawing.add(Rect(label_width, y, bar_space, row_h, fillColor=ZEBRA, strokeColor=None))
        length = bar_space * value / top
        color = colors_by_row[i] if colors_by_row else bar_color
        if length > 0:
            drawing.add(Rect(label_width, y, length, row_h, fillColor=color, strokeColor=None))
        drawing.add(
            String(
                label_width + bar_space + 5,
                y + 3.5,
                fmt(value),
                fontName=BOLD,
                fontSize=8,
                fillColor=INK,
            )
        )
    return drawing


# majority judgment's grades, from "À rejeter" (red) to "Excellent" (green)
FUNNEL_COLORS = ("#9cc3c9", "#5f9aa4", "#2f7783", "#1f5f6b")  # lighter to the lab's teal


def funnel_chart(
    stages: list[tuple[str, int]], *, width: float = FRAME_WIDTH, lang: Lang = "fr"
) -> Drawing:
    """The funnel from participation to projects: one centred band per stage, as wide as its
    figure against the largest (never thinner than its number), the number in the band."""
    register_fonts()
    row_h, gap, label_w = 30.0, 6.0, 4.2 * cm
    height = len(stages) * (row_h + gap)
    drawing = Drawing(width, height)
    top = max((n for _, n in stages), default=0) or 1
    space = width - label_w
    middle = label_w + space / 2
    for i, (label, n) in enumerate(stages):
        y = height - (i + 1) * (row_h + gap) + gap / 2
        drawing.add(
            String(label_w - 8, y + row_h / 2 - 3.5, fit_width(label, label_w - 10, size=10),
                   fontName=FONT, fontSize=10, fillColor=INK, textAnchor="end")
        )  # fmt: skip
        band = max(space * n / top, 1.4 * cm)
        color = colors.HexColor(FUNNEL_COLORS[min(i, len(FUNNEL_COLORS) - 1)])
        drawing.add(Rect(middle - band / 2, y, band, row_h, fillColor=color, strokeColor=None))
        drawing.add(
            String(middle, y + row_h / 2 - 6, number(n, lang), fontName=FONT + "-Bold",
                   fontSize=16, fillColor=colors.white if i else INK, textAnchor="middle")
        )  # fmt: skip
    return drawing


GRADE_COLORS = (  # the middle grade a visible yellow: a bar of "Assez bien" is not empty
    colors.HexColor("#b2182b"), colors.HexColor("#e8684a"), colors.HexColor("#f7a95c"),
    colors.HexColor("#f2d45c"), colors.HexColor("#a6d96a"), colors.HexColor("#4daf62"),
    colors.HexColor("#1b7837"),
)  # fmt: skip


def profile_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    grades: Sequence[str],
    *,
    width: float = FRAME_WIDTH,
    label_width: float = 6.5 * cm,
    label_chars: int = 52,
) -> Drawing:
    """Majority judgment's merit profiles: per proposition, one bar split by the share of
    each grade (worst on the left), a line at the middle (the majority grade is the one
    under it), then a legend of the grades."""
    register_fonts()
    row_h, gap, legend_h = 13.0, 5.0, 16.0
    height = len(rows) * (row_h + gap) + gap + legend_h
    drawing = Drawing(width, height)
    bar_space = width - label_width - 0.4 * cm
    for i, (label, profile) in enumerate(rows):
        y = height - (i + 1) * (row_h + gap)
        drawing.add(
            chart_text(label_width - 6, y + 3.5, fit_width(shorten(label, label_chars), label_width - 8),
                       font=FONT, size=8, color=INK, anchor="end")
        )  # fmt: skip
        total = sum(profile) or 1
        x = label_width
        for grade, n in enumerate(profile):
            share = bar_space * n / total
            if share > 0:
                drawing.add(Rect(x, y, share, row_h, fillColor=GRADE_COLORS[grade % 7],
                                 strokeColor=colors.white, strokeWidth=0.4))  # fmt: skip
            x += share
        middle = label_width + bar_space / 2
        drawing.add(shapes.Line(middle, y - 1.5, middle, y + row_h + 1.5, strokeColor=INK,
                                strokeWidth=0.8))  # fmt: skip
    legend = sum(9 + pdfmetrics.stringWidth(name, FONT, 6.5) + 8 for name in grades) - 8
    x = max(0.0, width - 0.4 * cm - legend)  # under the bars, ending where they end
    for grade, name in enumerate(grades):
        drawing.add(Rect(x, 3, 7, 7, fillColor=GRADE_COLORS[grade % 7], strokeColor=None))
        drawing.add(String(x + 9, 3.5, name, fontName=FONT, fontSize=6.5, fillColor=MUTED))
        x += 9 + pdfmetrics.stringWidth(name, FONT, 6.5) + 8
    return drawing


class Rule(Flowable):
    """A thin horizontal line across the frame."""

    def __init__(self, color: Any = RULE, thickness: float = 0.6, space: float = 6) -> None:
        super().__init__()
        self.color, self.thickness, self.space = color, thickness, space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.space * 2

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.space, self.width, self.space)


def numbered_canvas(footer_left: str) -> type[Canvas]:
    """A canvas that writes 'page / pages' at the foot of every page once the total is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            y = 1.3 * cm
            self.line(MARGIN, y + 9, PAGE_WIDTH - MARGIN, y + 9)
            number = f"{self._pageNumber}\u00a0/\u00a0{total}"
            room = PAGE_WIDTH - 2 * MARGIN - self.stringWidth(number, FONT, 7.5) - 12
            draw_text(self, MARGIN, y, fit_width(footer_left, room, FONT, 7.5), FONT, 7.5)
            self.drawRightString(PAGE_WIDTH - MARGIN, y, number)
            self.restoreState()

    return NumberedCanvas


def share_bar(
    parts: Sequence[tuple[str, float, Any]],
    *,
    width: float = FRAME_WIDTH,
    height: float = 16,
    lang: Lang = "fr",
) -> Drawing:
    """One bar split into shares (label, value, colour), each labelled '65 %' inside when it
    has room, with a legend underneath: how a lab shows who came."""
    register_fonts()
    total = sum(value for _, value, _ in parts) or 1
    legend_h = 16.0
    drawing = Drawing(width, height + legend_h + 4)
    x = 0.0
    y = legend_h + 4
    for _label, value, color in parts:
        length = width * value / total
        if length <= 0:
            continue
        drawing.add(Rect(x, y, length, height, fillColor=color, strokeColor=colors.white))
        share = percent(value, total, lang)
        if length > 30:
            drawing.add(
                String(
                    x + length / 2,
                    y + 4.5,
                    share,
                    fontName=BOLD,
                    fontSize=8,
                    fillColor=colors.white,
                    textAnchor="middle",
                )
            )
        x += length
    x = 0.0
    for label, value, color in parts:
        if value <= 0:
            continue
        drawing.add(Rect(x, 4, 8, 8, fillColor=color, strokeColor=None))
        text = f"{shorten(label, 28)} ({number(value, lang)})"
        drawing.add(String(x + 11, 5, text, fontName=FONT, fontSize=7.5, fillColor=INK))
        x += 11 + pdfmetrics.stringWidth(text, FONT, 7.5) + 14
    return drawing

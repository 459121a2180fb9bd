"""The scaffolding shared by the long documents (the compte-rendu, the bilan d'activité).

An A4 `Document` with a cover page and body pages under a running header, whose `Heading`s
become the PDF's bookmarks (and the table of contents' entries, when it has one); a `Story`
that numbers its sections; the cover's blocks; French plurals. What each document says is
in its own module: `app.reports.compte_rendu`, `app.reports.bilan`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from app.domain.french import french_number
from app.reports.i18n import Lang, number, t
from app.reports.layout import (
    ACCENT,
    FONT,
    FRAME_WIDTH,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Rule,
    Styles,
    para,
    rich,
    table,
)
from app.reports.text import markup, one_line

Progress = Callable[[float, str], None]

RATING_LABELS = {  # the end-of-séance questionnaire's answers
    5: "5 — Très satisfait",
    4: "4 — Satisfait",
    3: "3 — Mitigé",
    2: "2 — Peu satisfait",
    1: "1 — Pas satisfait",
}


def no_progress(fraction: float, message: str) -> None:
    return None


def plural(
    count: int,
    one: str,
    many: str | None = None,
    *,
    zero_plural: bool = False,
    lang: Lang = "fr",
) -> str:
    """'1 post-it', '3 post-its', and '0 post-it' as French writes it (`zero_plural`: '0
    séances', the bilan's figures). In English the words are the catalogue's, plural but for
    1."""
    if lang != "fr":
        word = t(one if count == 1 else (many or one + "s"), lang)
        return f"{number(count, lang)} {word}"
    singular = count == 1 or (count == 0 and not zero_plural)
    word = one if singular else (many or one + "s")
    return f"{french_number(count)} {word}"


def count_of(
    count: int, one: str, many: str | None = None, *, feminine: bool = False, lang: Lang = "fr"
) -> str:
    """Like `plural`, but 'aucun votant' rather than '0 votant'."""
    if lang != "fr":
        return (
            f"no {t(many or one + 's', lang)}"
            if count == 0
            else plural(count, one, many, lang=lang)
        )
    if count == 0:
        return f"{'aucune' if feminine else 'aucun'} {one}"
    return plural(count, one, many)


def footer_text(organisation: str, title: str) -> str:
    """The pages' footer: 'Organisation · title', or the title alone."""
    return f"{one_line(organisation) + ' · ' if organisation.strip() else ''}{title}"


class Heading(Paragraph):
    """A section (level 0) or sub-section (level 1) title: it goes to the PDF's bookmarks,
    and to the table of contents of a document that has one."""

    def __init__(self, text: str, level: int, key: str) -> None:
        super().__init__(markup(text), Styles.h1 if level == 0 else Styles.h2)
        self.plain = one_line(text)
        self.level = level
        self.key = key


def _skip_drawing(*args: Any, **kwargs: Any) -> None:
    return None


class SketchFrame(Frame):
    """A frame that, while its document sketches (the first pass), places flowables without
    drawing them: that pass only has to learn on which page each heading falls, for the table
    of contents, and drawing is about half the cost of a pass. Every flowable and every piece
    of a split one goes through `add`, so the instance's `drawOn` is shadowed just there."""

    sketching = False

    def _add(self, flowable: Any, canv: Any, trySplit: int = 0) -> int:
        own = getattr(flowable, "__dict__", None)
        if not self.sketching or own is None:
            return int(super()._add(flowable, canv, trySplit))
        own["drawOn"] = _skip_drawing  # past the validating __setattr__ of charts (Drawing)
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            own.pop("drawOn", None)

    add = _add  # Frame binds `add` to its own `_add`, which the document calls


class Document(BaseDocTemplate):
    """An A4 document: a cover page under a band of colour, then body pages under a running
    header (`header`, drawn by the subclass). Each `Heading` becomes a bookmark; with
    `contents`, an entry of the table of contents too. `progress_step()` is called after
    each flowable (`self.done` of `self.steps`)."""

    contents = False

    def __init__(
        self,
        filename: str,
        *,
        progress: Progress,
        steps: int,
        frame: Frame | None = None,
        **info: Any,
    ) -> None:
        info.setdefault("lang", "fr-FR")  # a document in English says "en-GB"
        super().__init__(
            filename,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            creator="Atelier",
            displayDocTitle=1,
            initialFontName=FONT,
            **info,
        )
        self.progress = progress
        self.steps = max(1, steps)
        self.done = 0
        body = frame or Frame(MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[body], onPage=self._cover_page),
                PageTemplate(id="body", frames=[body], onPage=self._body_page),
            ]
        )

    def progress_step(self) -> None:
        return None

    def header(self, canvas: Any, y: float) -> None:
        """The running header's text, on the line at `y` (font and colour set)."""
        raise NotImplementedError

    def afterFlowable(self, flowable: Any) -> None:
        self.done += 1
        self.progress_step()
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level)
            if self.contents:
                self.notify(
                    "TOCEntry", (flowable.level, markup(flowable.plain), self.page, flowable.key)
                )

    def _cover_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_HEIGHT - 0.9 * cm, PAGE_WIDTH, 0.9 * cm, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        y = PAGE_HEIGHT - 1.35 * cm
        self.header(canvas, y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 5, PAGE_WIDTH - MARGIN, y - 5)
        canvas.restoreState()


D = TypeVar("D")


class Story(Generic[D]):
    """The flowables of a document, section by section, numbering the sections."""

    section_room = 7 * cm  # what a section needs left on the page, else it starts a new one
    sub_room = 4 * cm

    def __init__(self, data: D, lang: Lang = "fr") -> None:
        self.data = data
        self.lang = lang
        self.items: list[Any] = []
        self.sections = 0
        self.keys = 0

    def add(self, *flowables: Any) -> None:
        self.items.extend(flowables)

    def section(self, title: str, room: float | None = None, *, numbered: bool = True) -> None:
        """A section, on a new page unless `room` is left for its heading and what comes
        first under it."""
        self.sections += 1
        self.keys += 1
        text = f"{self.sections}. {title}" if numbered else title
        self.add(CondPageBreak(room or self.section_room), Heading(text, 0, f"s{self.keys}"))

    def sub(self, title: str) -> None:
        """A sub-section, in the bookmarks (and the table of contents)."""
        self.keys += 1
        self.add(CondPageBreak(self.sub_room), Heading(title, 1, f"s{self.keys}"))

    def text(self, sentence: str, style: Any = Styles.body) -> None:
        self.add(para(sentence, style))


def borderless(extra: Sequence[tuple[Any, ...]] = ()) -> list[tuple[Any, ...]]:
    """A `table`'s extra style for a layout grid: no zebra, no rules."""
    return [
        ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white]),
        ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
        *extra,
    ]


def cover_title(story: Story[Any], kicker: str, organisation: str, title: str) -> None:
    """The cover's kicker ('ORGANISATION · KICKER'), title and rule."""
    if organisation.strip():
        kicker = f"{markup(organisation)} · {kicker}"
    story.add(rich(kicker.upper(), Styles.cover_kicker), Spacer(1, 4))
    story.add(para(title, Styles.cover_title), Rule(ACCENT, 1.4, 8))


def cover_lines(lines: Sequence[tuple[str, str]]) -> Flowable:
    """The cover's 'Label  value' lines."""
    rows = [[rich(name, Styles.label), para(value, Styles.cover_line)] for name, value in lines]
    return table(
        rows,
        [3 * cm, FRAME_WIDTH - 3 * cm],
        header=False,
        extra=borderless([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
    )


def beside(left: Flowable, right: Flowable, left_width: float = 7.6 * cm) -> Flowable:
    """Two flowables side by side (a small table and its chart), centred on each other."""
    return table(
        [[left, right]],
        [left_width, FRAME_WIDTH - left_width],
        header=False,
        extra=borderless(
            [("LEFTPADDING", (0, 0), (0, 0), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        ),
    )

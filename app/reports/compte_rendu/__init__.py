"""The compte-rendu: the PDF summary of a workshop, the document that outlives it.

`build_report(data, path, progress=...)` draws a `ReportData` (read by
`app.ops.report_data.report_data`) into an A4 PDF: cover, "Décisions et suites", table of
contents, then the sections that have something to say, one module each (`cover`,
`decisions`, `agenda`, `participation`, `production`, `vote_rounds`, `outcomes`, `annexes`), on the scaffolding the documents share
(`app.reports.document`). Every text that is not ours is escaped on its way into a paragraph
(see `app.reports.text`). The file appears under its name only once complete (see
`app.system.files`).
"""

from __future__ import annotations

import os
from typing import Any

from reportlab.platypus.tableofcontents import TableOfContents

from app.domain.report import ReportData
from app.reports.compte_rendu.agenda import cadrage, deroule
from app.reports.compte_rendu.annexes import annexe, photos
from app.reports.compte_rendu.cover import contents, cover
from app.reports.compte_rendu.decisions import decisions
from app.reports.compte_rendu.outcomes import feedback
from app.reports.compte_rendu.participation import participation
from app.reports.compte_rendu.production import production
from app.reports.compte_rendu.story import ReportStory
from app.reports.compte_rendu.vote_rounds import votes
from app.reports.document import (
    Document,
    Heading,
    Progress,
    SketchFrame,
    footer_text,
    no_progress,
)
from app.reports.i18n import PDF_LANG, Lang, t
from app.reports.layout import (
    FONT,
    FRAME_WIDTH,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    draw_text,
    fit_width,
    numbered_canvas,
    register_fonts,
)
from app.reports.text import markup, one_line
from app.system.files import atomic_output

__all__ = ["build_report", "story_for"]


class _Document(Document):
    """Two passes: a sketch that learns the headings' pages, then the file (`SketchFrame`)."""

    contents = True

    def __init__(
        self, filename: str, data: ReportData, progress: Progress, steps: int, lang: Lang = "fr"
    ) -> None:
        title = one_line(data.title)
        author = ", ".join(one_line(f) for f in data.facilitators) or one_line(data.organisation)
        self.frame = SketchFrame(MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
        super().__init__(
            filename,
            progress=progress,
            steps=steps,
            frame=self.frame,
            title=t("Compte-rendu — {title}", lang).format(title=title),
            author=author or "Atelier",
            subject=t("Compte-rendu de l'atelier « {title} »", lang).format(title=title),
            keywords=[
                t("compte-rendu", lang),
                t("atelier participatif", lang),
                one_line(data.format_name),
            ],
            lang=PDF_LANG[lang],
        )
        self.data = data
        self.lang = lang
        self.passes = 0

    def handle_documentBegin(self) -> None:
        self.passes += 1
        self.done = 0
        self.frame.sketching = self.passes == 1
        super().handle_documentBegin()

    def _allSatisfied(self) -> bool:
        # a sketch has drawn nothing: never let it be the file
        return self.passes > 1 and bool(super()._allSatisfied())

    def progress_step(self) -> None:
        if self.done % 25 == 0:
            # usually two passes: the second one knows the table of contents' page numbers
            ratio = min(0.98, (self.passes - 1 + min(1.0, self.done / self.steps)) / 2)
            self.progress(0.2 + 0.78 * ratio, t("Mise en page…", self.lang))

    def header(self, canvas: Any, y: float) -> None:
        title = fit_width(self.data.title, FRAME_WIDTH - 80, FONT, 7.5)
        draw_text(canvas, MARGIN, y, title, FONT, 7.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, t("Compte-rendu", self.lang))


def story_for(data: ReportData, progress: Progress, lang: Lang = "fr") -> list[Any]:
    story = ReportStory(data, lang)
    cover(story)
    decisions(story)  # what the workshop leads to, first: the page readers read
    contents(story)
    progress(0.02, t("Cadrage et déroulé…", lang))
    cadrage(story)
    deroule(story)
    participation(story)
    production(story, progress)
    progress(0.16, t("Votes et retours…", lang))
    votes(story)
    feedback(story)
    annexe(story)
    photos(story)
    return story.items


def _prefill_contents(items: list[Any]) -> None:
    """Give the table of contents every heading before the first pass, with page 0: that pass
    then lays the table out at its final size, so the pages after it are already where they
    will be, and the second pass (which knows the page numbers) is the last one. Without this
    a table of contents longer than a page takes a third pass."""
    headings = [(f.level, markup(f.plain), 0, f.key) for f in items if isinstance(f, Heading)]
    for flowable in items:
        if isinstance(flowable, TableOfContents):
            flowable._entries = list(headings)


def build_report(
    data: ReportData,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    lang: Lang = "fr",
) -> int:
    """Write the compte-rendu to `path`; `progress(fraction, message)` is called as it goes
    (from the calling thread). An exception raised by `progress` stops the build and leaves
    nothing under `path`. Returns the number of layout passes (2: a sketch, then the file)."""
    report = progress or no_progress
    register_fonts()
    report(0.0, t("Préparation…", lang))
    items = story_for(data, report, lang)
    _prefill_contents(items)
    with atomic_output(path) as temp:
        doc = _Document(str(temp), data, report, steps=len(items), lang=lang)
        footer = footer_text(
            data.organisation,
            t("Compte-rendu — {title}", lang).format(title=one_line(data.title)),
        )
        passes = int(doc.multiBuild(items, maxPasses=6, canvasmaker=numbered_canvas(footer)))
    report(1.0, t("Terminé", lang))
    return passes

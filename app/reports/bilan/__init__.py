"""The bilan d'activité: the figures a lab publishes every year, as an A4 PDF with charts.

`build_bilan(data, path, progress=...)` draws an `ActivityData` (read by
`app.ops.activity.activity_data`): a cover with the key figures and who came, then the
activity, the participants, what was produced, satisfaction, the workshops one by one and how
the figures are counted. An empty period gives a one-page document that says so.

One module per group of sections (`cover`, `participation`, `projects`, `satisfaction`,
`capitalisation`, `workshops`, `method`) over what they share (`common`: the story, `counted`,
`cap`, the colours); the scaffolding lives in `app.reports.document`. The sections import
each other directly, never this package.
"""

from __future__ import annotations

import os
from typing import Any

from app.domain.activity import ActivityData
from app.reports.bilan.capitalisation import capitalisation
from app.reports.bilan.common import (
    BilanStory,
    bilan_title,
)
from app.reports.bilan.cover import cover
from app.reports.bilan.method import method
from app.reports.bilan.participation import activity, participants
from app.reports.bilan.projects import funnel, production
from app.reports.bilan.satisfaction import satisfaction
from app.reports.bilan.workshops import workshops
from app.reports.document import (
    Document,
    Progress,
    footer_text,
    no_progress,
)
from app.reports.i18n import (
    PDF_LANG,
    Lang,
    period_text,
    t,
)
from app.reports.layout import (
    FONT,
    MARGIN,
    PAGE_WIDTH,
    draw_text,
    numbered_canvas,
    register_fonts,
)
from app.reports.text import one_line, shorten
from app.system.files import atomic_output

__all__ = ["build_bilan", "story_for"]


class _Document(Document):
    def __init__(
        self, filename: str, data: ActivityData, progress: Progress, steps: int, lang: Lang = "fr"
    ) -> None:
        title = bilan_title(data, lang)
        organisation = one_line(data.organisation)
        super().__init__(
            filename,
            progress=progress,
            steps=steps,
            title=f"{title} — {organisation}" if organisation else title,
            author=one_line(data.author) or organisation or "Atelier",
            subject=f"{title}, {period_text(data.period.start, data.period.end, lang)}",
            keywords=[
                t(k, lang)
                for k in ("bilan d'activité", "ateliers participatifs", "innovation publique")
            ],
            lang=PDF_LANG[lang],
        )
        self.data = data
        self.title_text = title
        self.lang = lang

    def progress_step(self) -> None:
        if self.done % 10 == 0:
            self.progress(
                0.3 + 0.65 * min(1.0, self.done / self.steps), t("Mise en page…", self.lang)
            )

    def header(self, canvas: Any, y: float) -> None:
        draw_text(canvas, MARGIN, y, self.title_text, FONT, 7.5)
        organisation = shorten(self.data.organisation, 60)
        draw_text(canvas, PAGE_WIDTH - MARGIN, y, organisation, FONT, 7.5, anchor="end")


def story_for(data: ActivityData, lang: Lang = "fr") -> list[Any]:
    story = BilanStory(data, lang)
    cover(story)
    if data.is_empty:
        return story.items
    activity(story)
    participants(story)
    funnel(story)
    production(story)
    satisfaction(story)
    capitalisation(story)
    workshops(story)
    method(story)
    return story.items


def build_bilan(
    data: ActivityData,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    lang: Lang = "fr",
) -> None:
    """Write the bilan d'activité to `path` (complete, or not at all), in `lang`."""
    report = progress or no_progress
    register_fonts()
    report(0.2, t("Préparation…", lang))
    items = story_for(data, lang)
    title = bilan_title(data, lang)
    footer = footer_text(data.organisation, title)
    if not data.period.is_calendar_year:
        footer += f" ({period_text(data.period.start, data.period.end, lang)})"
    with atomic_output(path) as temp:
        doc = _Document(str(temp), data, report, steps=len(items), lang=lang)
        doc.build(items, canvasmaker=numbered_canvas(footer))
    report(1.0, t("Terminé", lang))

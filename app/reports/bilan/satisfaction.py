"""The bilan's satisfaction section: the participants' ratings and what they keep of it."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from app.reports.bilan.common import (
    ATTRIBUTION,
    BilanStory,
    counted,
)
from app.reports.document import (
    RATING_LABELS,
)
from app.reports.i18n import (
    number,
    percent,
    t,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    para,
    rich,
)
from app.reports.text import markup


def satisfaction(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("La satisfaction des participants", lang))
    ratings = data.ratings
    if not ratings:
        story.text(t("Aucun retour de participant n'a été recueilli sur la période.", lang))
        return
    average = data.average_rating or 0.0
    answered = sum(1 for w in data.workshops if w.ratings)
    sentence = markup(
        t("{answers} au questionnaire de fin de séance, dans {workshops}", lang).format(
            answers=counted(len(ratings), "réponse", lang=lang),
            workshops=counted(answered, "atelier", lang=lang),
        )
    )
    if data.participants:
        sentence += markup(
            t(" ({share} des participations)", lang).format(
                share=percent(len(ratings), data.participants, lang)
            )
        )
    average_text = markup(t(". Note moyenne :", lang))
    story.add(rich(f"{sentence}{average_text} <b>{number(average, lang, 1)}\u00a0/\u00a05</b>."))
    counts = data.rating_counts
    satisfied = counts[4] + counts[5]
    story.text(
        t("{share} des répondants sont satisfaits ou très satisfaits.", lang).format(
            share=percent(satisfied, len(ratings), lang)
        )
    )
    story.add(
        bar_chart(
            [(t(RATING_LABELS[r], lang), counts[r]) for r in (5, 4, 3, 2, 1)],
            width=FRAME_WIDTH * 0.75,
            label_width=4.2 * cm,
            value_text=lambda v: number(v, lang),
        ),
        Spacer(1, 6),
    )
    if data.verbatims:
        story.sub(t("Ce que les participants en retiennent", lang))
        for v in data.verbatims:
            quoted = f"« {v.text} »" if lang == "fr" else f"“{v.text}”"
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(quoted), Styles.quote),
                        para(f"— {v.workshop_title}", ATTRIBUTION),
                    ]
                )
            )

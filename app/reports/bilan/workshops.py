"""The bilan's table of the period's workshops, with their total."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm

from app.reports.bilan.common import (
    BilanStory,
    cap,
    counted,
)
from app.reports.i18n import (
    number,
    period_text,
    t,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    para,
    rich,
    table,
)


def workshops(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Les ateliers de la période", lang))
    # whole words in their columns; the note is the average satisfaction, out of 5
    heads = ["Atelier", "Dates", "Séances", "Présents", "Post-its", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(t(h, lang), Styles.head if i < 2 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for w in data.workshops:
        shown = (w.format_name_en if lang == "en" else "") or w.format_name
        details = shown + (f" · {w.place}" if w.place else "")
        average = w.average_rating
        rows.append(
            [
                [para(w.title, Styles.cell_bold), para(details, Styles.small)],
                para(cap(period_text(w.first_day, w.last_day, lang)), Styles.cell),
                para(number(w.sessions, lang), Styles.cell_right),
                para(number(w.participants, lang), Styles.cell_right),
                para(number(w.notes, lang), Styles.cell_right),
                para(number(average, lang, 1) if average is not None else "—", Styles.cell_right),
            ]
        )
    average = data.average_rating
    rows.append(
        [
            para(
                t("Total : {workshops}", lang).format(
                    workshops=counted(len(data.workshops), "atelier", lang=lang)
                ),
                Styles.cell_bold,
            ),
            para("", Styles.cell),
            para(number(data.sessions, lang), Styles.cell_right),
            para(number(data.participants, lang), Styles.cell_right),
            para(number(data.notes, lang), Styles.cell_right),
            para(number(average, lang, 1) if average is not None else "—", Styles.cell_right),
        ]
    )
    widths = [0.0, 4.0 * cm, 1.75 * cm, 1.9 * cm, 1.7 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths, total_row=True))

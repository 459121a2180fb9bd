"""The bilan's capitalisation section: the methods used, how often and how rated, the quotes."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
)

from app.reports.bilan.common import (
    ATTRIBUTION,
    BilanStory,
    counted,
)
from app.reports.i18n import (
    number,
    t,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    para,
    rich,
    table,
)
from app.reports.text import markup


def capitalisation(story: BilanStory) -> None:
    """The methods used in the period, how often and how rated, and what to keep of them."""
    data, lang = story.data, story.lang
    story.section(t("Capitalisation", lang))
    if not data.methods:
        story.text(
            t("Aucune méthode de la bibliothèque n'a été utilisée ni évaluée sur la période.", lang)
        )
        return
    reviewed = sum(m.reviews for m in data.methods)
    methods = counted(len(data.methods), "méthode utilisée", "méthodes utilisées", lang=lang)
    reviews = counted(reviewed, "retour d'expérience", "retours d'expérience", lang=lang)
    evaluated = t("évaluées" if len(data.methods) > 1 else "évaluée", lang)
    story.text(
        t("{methods} ou {evaluated} ; {reviews} des animateurs.", lang).format(
            methods=methods, evaluated=evaluated, reviews=reviews
        )
    )
    heads = ["Méthode", "Utilisations", "Retours", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(t(h, lang), Styles.head if i < 1 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for m in data.methods:
        rows.append(
            [
                para((m.name_en if lang == "en" else "") or m.name, Styles.cell_bold),
                para(number(m.times_used, lang), Styles.cell_right),
                para(number(m.reviews, lang), Styles.cell_right),
                para(number(m.mean, lang, 1) if m.mean is not None else "—", Styles.cell_right),
            ]
        )
    widths = [0.0, 2.6 * cm, 2.0 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths))
    if data.method_quotes:
        story.sub(t("À retenir", lang))
        quote = "« {text} »" if lang == "fr" else "“{text}”"
        for q in data.method_quotes:
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(quote.format(text=q.text)), Styles.quote),
                        para(
                            f"— {(q.method_name_en if lang == 'en' else '') or q.method_name}, "
                            f"{q.workshop_title}",
                            ATTRIBUTION,
                        ),
                    ]
                )
            )

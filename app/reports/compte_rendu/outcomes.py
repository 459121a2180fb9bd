"""The compte-rendu's sections on what came out of the workshop: decisions, actions and
chantiers, then the participants' feedback.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from app.domain.report import (
    ACTION_STATUSES,
    PROJECT_STATUSES,
)
from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    RATING_LABELS,
    plural,
)
from app.reports.i18n import Lang, date_text, number, percent, t
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    para,
    rich,
    table,
)
from app.reports.text import markup


def decisions(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Décisions et plan d'action", lang))
    if not data.actions and not data.projects:
        story.text(t("Aucune décision ni action n'a été enregistrée.", lang))
        return
    if data.actions:
        rows: list[list[Any]] = [
            [
                rich(t("Action", lang), Styles.head),
                rich(t("Qui", lang), Styles.head),
                rich(t("Échéance", lang), Styles.head),
                rich(t("État", lang), Styles.head),
            ]
        ]
        for a in data.actions:
            rows.append(
                [
                    para(a.what, Styles.cell),
                    para(
                        a.who or t("À désigner", lang), Styles.cell if a.who else Styles.cell_muted
                    ),
                    para(date_text(a.due, lang) if a.due else "—", Styles.cell),
                    para(
                        t(ACTION_STATUSES.get(a.status, "Fait" if a.done else "À faire"), lang),
                        Styles.cell_muted,
                    ),
                ]
            )
        widths = [0.0, 4.4 * cm, 3.4 * cm, 1.6 * cm]
        widths[0] = FRAME_WIDTH - sum(widths)
        story.add(table(rows, widths))
    if data.projects:
        story.sub(t("Chantiers lancés", lang))
        for p in data.projects:
            status = PROJECT_STATUSES.get(p.status)
            status = p.status if status is None else t(status, lang)
            story.add(
                KeepTogether(
                    [
                        rich(
                            f"{markup(p.title)} <font color='#5b6773' size='8'>· {markup(status)}</font>",
                            Styles.h3,
                        ),
                        para(p.description) if p.description.strip() else Spacer(1, 2),
                    ]
                )
            )


def _rating(rating: int, lang: Lang) -> str:
    label = RATING_LABELS.get(rating)
    return str(rating) if label is None else t(label, lang)


def feedback(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Retours des participants", lang))
    if not data.feedback:
        story.text(t("Aucun retour n'a été recueilli.", lang))
        return
    average = data.average_rating or 0.0
    answers = len(data.feedback)
    present = len(data.present)
    sentence = plural(
        answers, "personne a donné son avis", "personnes ont donné leur avis", lang=lang
    )
    if present >= answers and present:
        sentence += t(" sur {present} ({share})", lang).format(
            present=number(present, lang), share=percent(answers, present, lang)
        )
    sentence = markup(sentence + t(". Note moyenne :", lang))
    story.add(rich(f"{sentence} <b>{number(average, lang, 1)}\u00a0/\u00a05</b>."))
    counts = Counter(f.rating for f in data.feedback)
    story.add(
        bar_chart(
            [(_rating(r, lang), counts.get(r, 0)) for r in (5, 4, 3, 2, 1)],
            width=FRAME_WIDTH * 0.75,
            label_width=4.2 * cm,
        ),
        Spacer(1, 6),
    )
    for title, attr in (
        ("Ce que les participants retiennent", "keep"),
        ("Ce qui pourrait être amélioré", "improve"),
    ):
        said = [getattr(f, attr) for f in data.feedback if getattr(f, attr).strip()]
        if not said:
            continue
        story.sub(t(title, lang))
        for text in said:
            said_text = text.strip()
            if not (said_text.startswith(("«", '"', "“")) and said_text.endswith(("»", '"', "”"))):
                # a verbatim already in quotes keeps its own
                said_text = f"« {said_text} »" if lang == "fr" else f"“{said_text}”"
            story.add(Paragraph(markup(said_text), Styles.quote))

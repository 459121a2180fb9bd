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

from app.domain.french import french_date, french_number, french_percent
from app.domain.report import (
    ACTION_STATUSES,
    PROJECT_STATUSES,
)
from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    RATING_LABELS,
    plural,
)
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
    data = story.data
    story.section("Décisions et plan d'action")
    if not data.actions and not data.projects:
        story.text("Aucune décision ni action n'a été enregistrée.")
        return
    if data.actions:
        rows: list[list[Any]] = [
            [
                rich("Action", Styles.head),
                rich("Qui", Styles.head),
                rich("Échéance", Styles.head),
                rich("État", Styles.head),
            ]
        ]
        for a in data.actions:
            rows.append(
                [
                    para(a.what, Styles.cell),
                    para(a.who or "À désigner", Styles.cell if a.who else Styles.cell_muted),
                    para(french_date(a.due) if a.due else "—", Styles.cell),
                    para(
                        ACTION_STATUSES.get(a.status, "Fait" if a.done else "À faire"),
                        Styles.cell_muted,
                    ),
                ]
            )
        widths = [0.0, 4.4 * cm, 3.4 * cm, 1.6 * cm]
        widths[0] = FRAME_WIDTH - sum(widths)
        story.add(table(rows, widths))
    if data.projects:
        story.sub("Chantiers lancés")
        for p in data.projects:
            status = PROJECT_STATUSES.get(p.status, p.status)
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


def feedback(story: ReportStory) -> None:
    data = story.data
    story.section("Retours des participants")
    if not data.feedback:
        story.text("Aucun retour n'a été recueilli.")
        return
    average = data.average_rating or 0.0
    answers = len(data.feedback)
    present = len(data.present)
    sentence = plural(answers, "personne a donné son avis", "personnes ont donné leur avis")
    if present >= answers and present:
        sentence += f" sur {french_number(present)} ({french_percent(answers, present)})"
    sentence = markup(sentence + ". Note moyenne :")
    story.add(rich(f"{sentence} <b>{french_number(average, 1)}\u00a0/\u00a05</b>."))
    counts = Counter(f.rating for f in data.feedback)
    story.add(
        bar_chart(
            [(RATING_LABELS.get(r, str(r)), counts.get(r, 0)) for r in (5, 4, 3, 2, 1)],
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
        story.sub(title)
        for text in said:
            said_text = text.strip()
            if not (said_text.startswith(("«", '"', "“")) and said_text.endswith(("»", '"', "”"))):
                said_text = f"« {said_text} »"  # a verbatim already in quotes keeps its own
            story.add(Paragraph(markup(said_text), Styles.quote))

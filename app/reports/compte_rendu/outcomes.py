"""The compte-rendu's section on the participants' feedback (the decisions, actions and
chantiers open the document: `decisions.py`).
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import (
    Paragraph,
    Spacer,
)

from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    RATING_LABELS,
    plural,
)
from app.reports.i18n import Lang, number, percent, t
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    rich,
)
from app.reports.text import markup


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

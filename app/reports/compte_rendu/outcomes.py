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

from app.domain.french import french_number, french_percent
from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    RATING_LABELS,
    plural,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    rich,
)
from app.reports.text import markup


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

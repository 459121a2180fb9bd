"""The compte-rendu's section on who came: the shares by category, the organisations, the list
(by initials for whoever did not consent to be named).
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import (
    Spacer,
)

from app.domain.french import french_number, french_percent
from app.domain.report import (
    CATEGORY_LABELS,
    category_words,
)
from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    beside,
    plural,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    category_rows,
    para,
    rich,
    table,
)


def participation(story: ReportStory) -> None:
    data = story.data
    story.section("Participation")
    present = data.present
    if not present:
        story.text("Aucun participant n'a été enregistré.")
        return
    checked = any(p.checked_in_at is not None for p in data.participants)
    count = len(present)
    by_category = Counter(p.category for p in present)
    order = [c for c in CATEGORY_LABELS if by_category.get(c)] + sorted(
        c for c in by_category if c not in CATEGORY_LABELS
    )
    shares = ", ".join(
        f"{french_number(by_category[c])} {category_words(c, by_category[c])} "
        f"({french_percent(by_category[c], count)})"
        for c in order
    )
    sentence = f"{plural(count, 'personne a participé', 'personnes ont participé')} : {shares}."
    if checked and data.registered > count:
        missing = data.registered - count
        sentence += f" {plural(missing, 'autre personne inscrite', 'autres personnes inscrites')} sans émargement."
    if not checked:
        sentence += " (Personne n'a émargé : ce sont les inscrits.)"
    story.add(para(sentence))

    rows = category_rows(order, by_category, count)
    chart = bar_chart(
        [(CATEGORY_LABELS.get(c, c), by_category[c]) for c in order],
        width=FRAME_WIDTH * 0.5,
        label_width=3.6 * cm,
        label_chars=24,
    )
    side = beside(table(rows, [3.4 * cm, 2.4 * cm, 1.6 * cm], total_row=True), chart)
    story.add(Spacer(1, 4), side, Spacer(1, 8))

    story.sub("Organisations représentées")
    by_org: Counter[tuple[str, str]] = Counter()
    for p in present:
        by_org[(p.organisation.strip() or "Sans organisation", p.category)] += 1
    rows = [
        [
            rich("Organisation", Styles.head),
            rich("Catégorie", Styles.head),
            rich("Personnes", Styles.head_right),
        ]
    ]
    for (org, category), n in sorted(by_org.items(), key=lambda kv: (-kv[1], kv[0][0].casefold())):
        rows.append(
            [
                para(org, Styles.cell),
                para(CATEGORY_LABELS.get(category, category), Styles.cell),
                para(french_number(n), Styles.cell_right),
            ]
        )
    story.add(table(rows, [FRAME_WIDTH - 7.2 * cm, 4.8 * cm, 2.4 * cm]))

    story.sub("Liste des participants")
    story.add(
        para(
            "Les personnes qui n'ont pas souhaité être nommées dans ce compte-rendu "
            "apparaissent par leurs initiales.",
            Styles.small,
        )
    )
    rows = [
        [
            rich("Nom", Styles.head),
            rich("Organisation", Styles.head),
            rich("Catégorie", Styles.head),
        ]
    ]
    for p in present:
        rows.append(
            [
                para(p.shown_name, Styles.cell),
                para(p.organisation or "—", Styles.cell),
                para(CATEGORY_LABELS.get(p.category, p.category), Styles.cell_muted),
            ]
        )
    story.add(table(rows, [5.2 * cm, FRAME_WIDTH - 9.6 * cm, 4.4 * cm]))

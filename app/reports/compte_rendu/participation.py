"""The compte-rendu's section on who came: the shares by category, the organisations, the list
(by initials for whoever did not consent to be named).
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import (
    Spacer,
)

from app.domain.report import (
    CATEGORY_LABELS,
    category_words,
)
from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    beside,
    plural,
)
from app.reports.i18n import number, percent, t
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    category_label,
    category_rows,
    para,
    rich,
    table,
)


def _words(category: str, count: int, lang: str) -> str:
    words = category_words(category, count)
    return words if lang == "fr" or category not in CATEGORY_LABELS else t(words, "en")


def participation(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Participation", lang))
    present = data.present
    if not present:
        story.text(t("Aucun participant n'a été enregistré.", lang))
        return
    checked = any(p.checked_in_at is not None for p in data.participants)
    count = len(present)
    by_category = Counter(p.category for p in present)
    order = [c for c in CATEGORY_LABELS if by_category.get(c)] + sorted(
        c for c in by_category if c not in CATEGORY_LABELS
    )
    shares = ", ".join(
        f"{number(by_category[c], lang)} {_words(c, by_category[c], lang)} "
        f"({percent(by_category[c], count, lang)})"
        for c in order
    )
    sentence = t("{people} : {shares}.", lang).format(
        people=plural(count, "personne a participé", "personnes ont participé", lang=lang),
        shares=shares,
    )
    if checked and data.registered > count:
        missing = data.registered - count
        sentence += t(" {others} sans émargement.", lang).format(
            others=plural(
                missing, "autre personne inscrite", "autres personnes inscrites", lang=lang
            )
        )
    if not checked:
        sentence += t(" (Personne n'a émargé : ce sont les inscrits.)", lang)
    story.add(para(sentence))

    rows = category_rows(order, by_category, count, lang)
    chart = bar_chart(
        [(category_label(c, lang), by_category[c]) for c in order],
        width=FRAME_WIDTH * 0.5,
        label_width=3.6 * cm,
        label_chars=24,
    )
    side = beside(table(rows, [3.4 * cm, 2.4 * cm, 1.6 * cm], total_row=True), chart)
    story.add(Spacer(1, 4), side, Spacer(1, 8))

    story.sub(t("Organisations représentées", lang))
    by_org: Counter[tuple[str, str]] = Counter()
    for p in present:
        by_org[(p.organisation.strip() or t("Sans organisation", lang), p.category)] += 1
    rows = [
        [
            rich(t("Organisation", lang), Styles.head),
            rich(t("Catégorie", lang), Styles.head),
            rich(t("Personnes", lang), Styles.head_right),
        ]
    ]
    for (org, category), n in sorted(by_org.items(), key=lambda kv: (-kv[1], kv[0][0].casefold())):
        rows.append(
            [
                para(org, Styles.cell),
                para(category_label(category, lang), Styles.cell),
                para(number(n, lang), Styles.cell_right),
            ]
        )
    story.add(table(rows, [FRAME_WIDTH - 7.2 * cm, 4.8 * cm, 2.4 * cm]))

    story.sub(t("Liste des participants", lang))
    story.add(
        para(
            t(
                "Les personnes qui n'ont pas souhaité être nommées dans ce compte-rendu "
                "apparaissent par leurs initiales.",
                lang,
            ),
            Styles.small,
        )
    )
    rows = [
        [
            rich(t("Nom", lang), Styles.head),
            rich(t("Organisation", lang), Styles.head),
            rich(t("Catégorie", lang), Styles.head),
        ]
    ]
    for p in present:
        rows.append(
            [
                para(p.shown_name, Styles.cell),
                para(p.organisation or "—", Styles.cell),
                para(category_label(p.category, lang), Styles.cell_muted),
            ]
        )
    story.add(table(rows, [5.2 * cm, FRAME_WIDTH - 9.6 * cm, 4.4 * cm]))

"""The bilan's activity (séances by month and by format) and participants (categories, organisations)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Spacer,
)

from app.domain.activity import FORMAT_ORDER, ActivityData
from app.domain.report import CATEGORY_WORDS
from app.reports.bilan.common import (
    CATEGORY_COLORS,
    TOP_ORGANISATIONS,
    BilanStory,
    counted,
)
from app.reports.document import (
    beside,
)
from app.reports.i18n import (
    Lang,
    month_text,
    number,
    percent,
    t,
)
from app.reports.layout import (
    FRAME_WIDTH,
    MUTED,
    Styles,
    bar_chart,
    category_label,
    category_rows,
    para,
    rich,
    table,
)


def _month_label(month: Any, data: ActivityData, lang: Lang = "fr") -> str:
    """'mars' within one year, 'mars 2026' across two, 'mars 26' past a year."""
    period = data.period
    if period.start.year == period.end.year:
        return month_text(month, lang).rsplit(" ", 1)[0]
    return month_text(month, lang, short=len(period.months()) > 12)


def activity(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("L'activité", lang))
    programmes = data.programmes
    workshops = (
        t("d'un atelier", lang)
        if len(data.workshops) == 1
        else t("de {workshops}", lang).format(
            workshops=counted(len(data.workshops), "atelier", lang=lang)
        )
    )
    sentence = t("{sessions} au cours {workshops}", lang).format(
        sessions=counted(data.sessions, "séance animée", "séances animées", lang),
        workshops=workshops,
    )
    if programmes:
        sentence += t(", dont {programmes} de 3 mois", lang).format(
            programmes=counted(len(programmes), "programme", lang=lang)
        )
    sentence += t(", dans {places}.", lang).format(
        places=counted(len(data.places), "lieu", "lieux", lang)
    )
    story.text(sentence)
    months = data.period.months()
    if 2 <= len(months) <= 24:
        by_month = Counter(day.replace(day=1) for day in data.session_days)
        story.sub(t("Séances par mois", lang))
        story.add(
            bar_chart(
                [(_month_label(m, data, lang), by_month.get(m, 0)) for m in months],
                width=FRAME_WIDTH * 0.8,
                label_width=3.2 * cm,
                value_text=lambda v: number(v, lang),
            ),
            Spacer(1, 4),
        )

    story.sub(t("Par format", lang))
    formats: dict[str, list[Any]] = {}
    for w in data.workshops:
        shown = (w.format_name_en if lang == "en" else "") or w.format_name
        row = formats.setdefault(shown, [FORMAT_ORDER.get(w.format_key, 9), 0, 0, 0, 0])
        row[1] += 1
        row[2] += w.sessions
        row[3] += w.participants
        row[4] += w.notes
    heads = ["Format", "Ateliers", "Séances", "Participants", "Post-its"]
    rows: list[list[Any]] = [
        [
            rich(t(h, lang), Styles.head if i == 0 else Styles.head_right)
            for i, h in enumerate(heads)
        ]
    ]
    for name, (_order, *values) in sorted(formats.items(), key=lambda kv: (kv[1][0], kv[0])):
        rows.append(
            [para(name, Styles.cell)] + [para(number(v, lang), Styles.cell_right) for v in values]
        )
    totals = [len(data.workshops), data.sessions, data.participants, data.notes]
    rows.append(
        [para(t("Total", lang), Styles.cell_bold)]
        + [para(number(v, lang), Styles.cell_right) for v in totals]
    )
    story.add(table(rows, [FRAME_WIDTH - 4 * 2.6 * cm] + [2.6 * cm] * 4, total_row=True))

    if len(data.places) > 1:
        story.sub(t("Lieux", lang))
        rows = [[rich(t("Lieu", lang), Styles.head), rich(t("Séances", lang), Styles.head_right)]]
        for place, n in data.places:
            rows.append([para(place, Styles.cell), para(number(n, lang), Styles.cell_right)])
        story.add(table(rows, [FRAME_WIDTH - 2.6 * cm, 2.6 * cm]))


def participants(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Les participants", lang))
    total = data.participants
    if not total:
        story.text(t("Aucun participant n'a été enregistré sur la période.", lang))
        return
    by_category = data.by_category
    order = [c for c in by_category if by_category[c]]
    shares = ", ".join(
        f"{counted(by_category[c], *CATEGORY_WORDS.get(c, (c, c)), lang)} "
        f"({percent(by_category[c], total, lang)})"
        for c in order
    )
    participations = counted(total, "participation", "participations", lang)
    story.text(
        t(
            "{participations} : {shares}. Ce sont {people}, certaines venues à plusieurs ateliers.",
            lang,
        ).format(
            participations=participations,
            shares=shares,
            people=counted(data.people, "personne distincte", "personnes distinctes", lang),
        )
        if data.people < total
        else t("{participations} : {shares}.", lang).format(
            participations=participations, shares=shares
        )
    )
    rows = category_rows(order, by_category, total, lang)
    chart = bar_chart(
        [(category_label(c, lang), by_category[c]) for c in order],
        width=FRAME_WIDTH - 7.8 * cm,
        label_width=3.4 * cm,
        label_chars=22,
        colors_by_row=[CATEGORY_COLORS.get(c, MUTED) for c in order],
        value_text=lambda v: number(v, lang),
    )
    story.add(
        Spacer(1, 4),
        KeepTogether(beside(table(rows, [3.6 * cm, 2.2 * cm, 1.6 * cm], total_row=True), chart)),
        Spacer(1, 6),
    )
    unchecked = [w for w in data.workshops if not w.checked_in and w.participants]
    if unchecked:
        story.text(
            t(
                "Pour {workshops} sans émargement, ce sont les inscrits qui sont comptés.", lang
            ).format(workshops=counted(len(unchecked), "atelier", lang=lang)),
            Styles.small,
        )

    organisations = data.organisations
    if organisations:
        story.sub(
            t("Organisations représentées ({n})", lang).format(n=number(len(organisations), lang))
        )
        rows = [
            [
                rich(t("Organisation", lang), Styles.head),
                rich(t("Catégorie", lang), Styles.head),
                rich(t("Participants", lang), Styles.head_right),
            ]
        ]
        for name, category, n in organisations[:TOP_ORGANISATIONS]:
            rows.append(
                [
                    para(name, Styles.cell),
                    para(category_label(category, lang), Styles.cell_muted),
                    para(number(n, lang), Styles.cell_right),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 7.4 * cm, 4.6 * cm, 2.8 * cm]))
        rest = organisations[TOP_ORGANISATIONS:]
        if rest:
            people = sum(n for _name, _c, n in rest)
            story.add(
                Spacer(1, 3),
                para(
                    t("Et {organisations} ({participants}).", lang).format(
                        organisations=counted(
                            len(rest), "autre organisation", "autres organisations", lang
                        ),
                        participants=counted(people, "participant", lang=lang),
                    ),
                    Styles.small,
                ),
            )

"""The bilan's cover: the period, the key figures, who came, a summary in one paragraph."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from app.domain.activity import CATEGORIES, ActivityData
from app.reports.bilan.common import (
    CATEGORY_COLORS,
    BilanStory,
    bilan_title,
    cap,
    counted,
)
from app.reports.bilan.method import method
from app.reports.document import (
    cover_lines,
    cover_title,
)
from app.reports.i18n import (
    Lang,
    date_text,
    number,
    percent,
    period_text,
    t,
)
from app.reports.layout import (
    ACCENT_LIGHT,
    FRAME_WIDTH,
    MUTED,
    Styles,
    category_label,
    para,
    rich,
    share_bar,
    table,
)


def _figures(data: ActivityData, lang: Lang = "fr") -> Any:
    average = data.average_rating
    cells = [
        (number(data.sessions, lang), "séances" if data.sessions != 1 else "séance"),
        (
            number(data.participants, lang),
            "participants" if data.participants != 1 else "participant",
        ),
        (
            number(len(data.organisations), lang),
            "organisations" if len(data.organisations) != 1 else "organisation",
        ),
        (
            number(average, lang, 1) if average is not None else "—",
            "satisfaction sur 5" if average is not None else "satisfaction : aucun retour",
        ),
        (number(data.notes, lang), "post-its" if data.notes != 1 else "post-it"),
        (
            number(data.actions, lang),
            "actions décidées" if data.actions != 1 else "action décidée",
        ),
        (
            number(len(data.projects), lang),
            "chantiers lancés" if len(data.projects) != 1 else "chantier lancé",
        ),
        (
            number(len(data.incubating), lang),
            "projets en incubation" if len(data.incubating) != 1 else "projet en incubation",
        ),
    ]
    grid = [
        [
            [rich(value, Styles.figure), rich(t(label, lang), Styles.figure_label)]
            for value, label in row
        ]
        for row in (cells[:4], cells[4:])
    ]
    return table(
        grid,
        [FRAME_WIDTH / 4] * 4,
        header=False,
        extra=[
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [ACCENT_LIGHT]),
            ("TOPPADDING", (0, 0), (-1, -1), 11),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
            ("LINEBELOW", (0, 0), (-1, -1), 2, colors.white),
            ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
        ],
    )


def _who_came(data: ActivityData, lang: Lang = "fr") -> Any:
    by_category = data.by_category
    parts = [
        (category_label(c, lang), by_category.get(c, 0), CATEGORY_COLORS.get(c, MUTED))
        for c in [*CATEGORIES, *sorted(set(by_category) - set(CATEGORIES))]
    ]
    return share_bar(parts, lang=lang)


def _public_private(data: ActivityData, lang: Lang = "fr") -> str:
    """'72 % d'agents publics, 28 % d'acteurs privés, d'associations et d'usagers'."""
    total = data.participants
    public = data.by_category.get("public", 0)
    return t(
        "{public} d'agents publics, {others} d'acteurs privés, d'associations et d'usagers", lang
    ).format(public=percent(public, total, lang), others=percent(total - public, total, lang))


def _summary(data: ActivityData, lang: Lang = "fr") -> str:
    workshops = len(data.workshops)
    text = t("Sur la période, {workshops} réuni {participants} en {sessions}", lang).format(
        workshops=counted(workshops, "atelier a", "ateliers ont", lang),
        participants=counted(data.participants, "participant", lang=lang),
        sessions=counted(data.sessions, "séance", lang=lang),
    )
    if data.participants:
        text += f" ({_public_private(data, lang)})"
    text += "."
    if data.notes:
        text += t(" Ils ont produit {notes}", lang).format(
            notes=counted(data.notes, "post-it", lang=lang)
        )
        if data.projects:
            text += t(" et lancé {projects}", lang).format(
                projects=counted(len(data.projects), "chantier", lang=lang)
            )
        text += "."
    programmes = len(data.programmes)
    if programmes == 1:
        text += t(" Un programme de 3 mois était en cours.", lang)
    elif programmes:
        text += t(" {n} programmes de 3 mois étaient en cours.", lang).format(
            n=number(programmes, lang)
        )
    return text


def cover(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    title = bilan_title(data, lang)
    story.add(Spacer(1, 2.6 * cm))
    cover_title(story, t("Bilan d'activité", lang), data.organisation, title)
    story.add(Spacer(1, 4))
    lines = [(t("Période", lang), cap(period_text(data.period.start, data.period.end, lang)))]
    if not data.is_empty:
        workshops = counted(len(data.workshops), "atelier", lang=lang)
        programmes = len(data.programmes)
        if programmes:
            workshops += t(", dont {programmes} de 3 mois", lang).format(
                programmes=counted(programmes, "programme", lang=lang)
            )
        lines.append((t("Ateliers", lang), workshops))
        places = len(data.places)
        lines.append((t("Lieux", lang), counted(places, "lieu", "lieux", lang)))
    story.add(cover_lines(lines), Spacer(1, 1.0 * cm))
    if data.is_empty:
        story.add(
            table(
                [
                    [
                        para(
                            t(
                                "Aucune séance n'a été animée avec Atelier {period} : ce bilan "
                                "ne contient donc aucun chiffre.",
                                lang,
                            ).format(period=period_text(data.period.start, data.period.end, lang)),
                            Styles.cover_line,
                        )
                    ]
                ],
                [FRAME_WIDTH],
                header=False,
                extra=[
                    ("ROWBACKGROUNDS", (0, 0), (-1, -1), [ACCENT_LIGHT]),
                    ("TOPPADDING", (0, 0), (-1, -1), 14),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("LINEBELOW", (0, 0), (-1, -1), 0, ACCENT_LIGHT),
                ],
            ),
            Spacer(1, 0.5 * cm),
        )
        story.text(
            t(
                "Vérifiez les dates choisies. Une séance compte dès qu'une séquence a été lancée "
                "au chronomètre ou qu'un participant a émargé ; les ateliers seulement préparés "
                "n'y figurent pas.",
                lang,
            )
        )
        method(story, numbered=False)
        return
    story.add(_figures(data, lang), Spacer(1, 0.8 * cm))
    if data.participants:
        story.add(
            rich(t("Qui est venu", lang), Styles.label),
            Spacer(1, 4),
            _who_came(data, lang),
            Spacer(1, 0.5 * cm),
        )
    story.text(_summary(data, lang))
    story.add(Spacer(1, 0.8 * cm))
    story.add(
        para(
            t("Document établi le {day} avec Atelier.", lang).format(
                day=date_text(data.made_on, lang)
            ),
            Styles.small,
        ),
        NextPageTemplate("body"),
        PageBreak(),
    )

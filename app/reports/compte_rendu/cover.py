"""The compte-rendu's first pages: the cover (what, when, where, who, the key figures and
a sentence that sums them up) and the table of contents.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from app.domain.report import (
    ReportData,
)
from app.reports.compte_rendu.production import notes_and_themes
from app.reports.compte_rendu.story import ReportStory, image
from app.reports.document import (
    cover_lines,
    cover_title,
    plural,
)
from app.reports.i18n import Lang, date_text, number, percent, t
from app.reports.layout import (
    ACCENT_LIGHT,
    FRAME_WIDTH,
    Styles,
    rich,
    table,
)
from app.reports.text import markup, one_line


def _dates(data: ReportData, lang: Lang = "fr") -> str:
    start, end = data.start_date, data.end_date
    if start is None:
        return t("À préciser", lang)
    if end is None or end == start:
        return date_text(start, lang)
    first, last = date_text(start, lang), date_text(end, lang)
    if (start.year, start.month) == (end.year, end.month):
        first = first.split()[0]
    return t("Du {first} au {last}", lang).format(first=first, last=last)


def _summary_sentence(data: ReportData, lang: Lang = "fr") -> str:
    parts = []
    present = data.present
    if present:
        orgs = {p.organisation.strip().casefold() for p in present if p.organisation.strip()}
        public = sum(1 for p in present if p.category == "public")
        text = plural(len(present), "participant", lang=lang)
        if orgs:
            text += t(" de {n}", lang).format(n=plural(len(orgs), "organisation", lang=lang))
        text += t(" ({share} d'agents publics)", lang).format(
            share=percent(public, len(present), lang)
        )
        parts.append(text)
    if data.note_count:
        parts.append(notes_and_themes(data, lang))
    if data.vote_rounds:
        parts.append(plural(len(data.vote_rounds), "tour de vote", "tours de vote", lang=lang))
    if data.actions:
        parts.append(plural(len(data.actions), "action décidée", "actions décidées", lang=lang))
    if data.projects:
        text = plural(len(data.projects), "chantier lancé", "chantiers lancés", lang=lang)
        if data.incubated:
            incubated = plural(len(data.incubated), "projet incubé", "projets incubés", lang=lang)
            text += f" {t('dont', lang)} {incubated}"
        parts.append(text)
    average = data.average_rating
    if average is not None:
        parts.append(
            t("une satisfaction moyenne de {average} / 5 ({answers})", lang).format(
                average=number(average, lang, 1),
                answers=plural(len(data.feedback), "réponse", lang=lang),
            )
        )
    if not parts:
        return t(
            "Rien n'a encore été enregistré pendant la séance : ce document présente sa "
            "préparation.",
            lang,
        )
    return t("En résumé : ", lang) + t(" ; ", lang).join(parts) + "."


_PLURALS = {
    "participant": "participants",
    "post-it": "post-its",
    "action décidée": "actions décidées",
    "chantier lancé": "chantiers lancés",
    "projet incubé": "projets incubés",
}


def cover(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    if data.logo_png:
        story.add(image(data.logo_png, 5 * cm, 2.2 * cm), Spacer(1, 1.2 * cm))
    else:
        story.add(Spacer(1, 3.2 * cm))
    kicker = t("Compte-rendu d'atelier", lang)
    if data.rehearsal:
        kicker = f"{t('Répétition', lang)} · {kicker}"
    cover_title(story, kicker, data.organisation, data.title)
    story.add(Spacer(1, 6))
    lines = [
        *(
            [
                (
                    t("Répétition", lang),
                    t(
                        "Séance d'entraînement avec des téléphones simulés : "
                        "elle ne compte pas dans le bilan d'activité",
                        lang,
                    ),
                )
            ]
            if data.rehearsal
            else []
        ),
        (
            t("Format", lang),
            (data.format_name_en or data.format_name) if lang == "en" else data.format_name,
        ),
        (t("Date", lang), _dates(data, lang)),
        (t("Lieu", lang), data.place or t("À préciser", lang)),
    ]
    if data.facilitators:
        lines.append((t("Animation", lang), ", ".join(one_line(f) for f in data.facilitators)))
    story.add(cover_lines(lines))
    story.add(Spacer(1, 1.4 * cm))
    figures = [
        (len(data.present), "participants" if len(data.present) > 1 else "participant"),
        (data.note_count, "post-its" if data.note_count > 1 else "post-it"),
        (len(data.actions), "actions décidées" if len(data.actions) > 1 else "action décidée"),
    ]
    # the same counts as "Décisions et suites" (decisions.funnel_stages): they agree
    if data.projects:
        chantiers, incubated = len(data.projects), len(data.incubated)
        figures.append((chantiers, "chantiers lancés" if chantiers > 1 else "chantier lancé"))
        figures.append((incubated, "projets incubés" if incubated > 1 else "projet incubé"))
    if lang != "fr":  # English: a plural for 0 too
        figures = [
            (v, t(label if v == 1 else _PLURALS.get(label, label), lang)) for v, label in figures
        ]
    average = data.average_rating
    if average is not None:
        figures.append((-1, t("satisfaction (sur 5)", lang)))
    cells = []
    for value, label in figures:
        shown = number(average or 0, lang, 1) if value == -1 else number(value, lang)
        cells.append([rich(shown, Styles.figure), rich(label, Styles.figure_label)])
    width = FRAME_WIDTH / len(cells)
    box = table(
        [cells],
        [width] * len(cells),
        header=False,
        extra=[
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [ACCENT_LIGHT]),
            ("TOPPADDING", (0, 0), (-1, -1), 12),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
            ("LINEBELOW", (0, 0), (-1, -1), 0, ACCENT_LIGHT),
            ("LINEAFTER", (0, 0), (-2, -1), 0.6, colors.white),
        ],
    )
    story.add(box, Spacer(1, 0.6 * cm), rich(markup(_summary_sentence(data, lang)), Styles.body))
    story.add(Spacer(1, 1.2 * cm))
    story.add(
        rich(
            markup(
                t("Document établi le {day} avec Atelier.", lang).format(
                    day=date_text(date.today(), lang)
                )
            ),
            Styles.small,
        )
    )
    story.add(NextPageTemplate("body"), PageBreak())


def contents(story: ReportStory) -> None:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [Styles.toc0, Styles.toc1]
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),  # Helvetica otherwise, not embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    story.add(rich(t("Sommaire", story.lang), Styles.h1), Spacer(1, 6), toc, PageBreak())

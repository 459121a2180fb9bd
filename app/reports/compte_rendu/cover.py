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

from app.domain.french import french_date, french_number, french_percent
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
from app.reports.layout import (
    ACCENT_LIGHT,
    FRAME_WIDTH,
    Styles,
    rich,
    table,
)
from app.reports.text import markup, one_line


def _dates(data: ReportData) -> str:
    start, end = data.start_date, data.end_date
    if start is None:
        return "À préciser"
    if end is None or end == start:
        return french_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"Du {french_date(start).split()[0]} au {french_date(end)}"
    return f"Du {french_date(start)} au {french_date(end)}"


def _summary_sentence(data: ReportData) -> str:
    parts = []
    present = data.present
    if present:
        orgs = {p.organisation.strip().casefold() for p in present if p.organisation.strip()}
        public = sum(1 for p in present if p.category == "public")
        text = plural(len(present), "participant")
        if orgs:
            text += f" de {plural(len(orgs), 'organisation')}"
        text += f" ({french_percent(public, len(present))} d'agents publics)"
        parts.append(text)
    if data.note_count:
        parts.append(notes_and_themes(data))
    if data.vote_rounds:
        parts.append(plural(len(data.vote_rounds), "tour de vote", "tours de vote"))
    if data.actions:
        parts.append(plural(len(data.actions), "action décidée", "actions décidées"))
    if data.projects:
        text = plural(len(data.projects), "chantier lancé", "chantiers lancés")
        if data.incubated:
            text += f" dont {plural(len(data.incubated), 'projet incubé', 'projets incubés')}"
        parts.append(text)
    average = data.average_rating
    if average is not None:
        parts.append(
            f"une satisfaction moyenne de {french_number(average, 1)} / 5 "
            f"({plural(len(data.feedback), 'réponse')})"
        )
    if not parts:
        return "Rien n'a encore été enregistré pendant la séance : ce document présente sa préparation."
    return "En résumé : " + " ; ".join(parts) + "."


def cover(story: ReportStory) -> None:
    data = story.data
    if data.logo_png:
        story.add(image(data.logo_png, 5 * cm, 2.2 * cm), Spacer(1, 1.2 * cm))
    else:
        story.add(Spacer(1, 3.2 * cm))
    kicker = "Répétition · Compte-rendu d'atelier" if data.rehearsal else "Compte-rendu d'atelier"
    cover_title(story, kicker, data.organisation, data.title)
    story.add(Spacer(1, 6))
    lines = [
        *(
            [
                (
                    "Répétition",
                    "Séance d'entraînement avec des téléphones simulés : "
                    "elle ne compte pas dans le bilan d'activité",
                )
            ]
            if data.rehearsal
            else []
        ),
        ("Format", data.format_name),
        ("Date", _dates(data)),
        ("Lieu", data.place or "À préciser"),
    ]
    if data.facilitators:
        lines.append(("Animation", ", ".join(one_line(f) for f in data.facilitators)))
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
    average = data.average_rating
    if average is not None:
        figures.append((-1, "satisfaction (sur 5)"))
    cells = []
    for value, label in figures:
        shown = french_number(average or 0, 1) if value == -1 else french_number(value)
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
    story.add(box, Spacer(1, 0.6 * cm), rich(markup(_summary_sentence(data)), Styles.body))
    story.add(Spacer(1, 1.2 * cm))
    story.add(
        rich(markup(f"Document établi le {french_date(date.today())} avec Atelier."), Styles.small)
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
    story.add(rich("Sommaire", Styles.h1), Spacer(1, 6), toc, PageBreak())

"""The feuille d'émargement: the attendance sheet public funders ask for.

Printed before the séance it holds blank rows to fill by hand; after, the participants who
checked in (by time of arrival), then a few blank rows for late arrivals. Every row keeps
room for a signature. The sheet is signed, so it carries full names.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from app.domain.french import clock_time, french_date, french_number
from app.domain.report import AttendanceSheet
from app.reports.layout import (
    ACCENT,
    FRAME_WIDTH,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Rule,
    Styles,
    numbered_canvas,
    para,
    register_fonts,
    rich,
    table,
)
from app.reports.text import markup, one_line
from app.system.files import atomic_output

BLANK_ROWS_BEFORE = 30  # two pages to fill by hand
BLANK_ROWS_AFTER = 5  # late arrivals
ROW_HEIGHT = 0.95 * cm
SHORT_CATEGORIES = {  # one person's category, in the compte-rendu's words
    "public": "Agent public",
    "prive": "Acteur privé",
    "association": "Association",
    "usager": "Citoyen, usager",
}
CELL_PADDING = 8  # the table's top and bottom padding together (layout.table)


def _arrival(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    moment = datetime.fromtimestamp(timestamp)
    return clock_time(moment.hour * 60 + moment.minute)


def _height(row: list[Any], widths: list[float]) -> float | None:
    """Room to sign on every row; a row whose name or organisation takes more lines grows
    (None: as tall as its text) rather than print over its neighbours."""
    tallest = max(
        (cell.wrap(width - 12, 10_000)[1] for cell, width in zip(row, widths, strict=True)
         if hasattr(cell, "wrap")),
        default=0.0,
    )  # fmt: skip
    return ROW_HEIGHT if tallest + CELL_PADDING <= ROW_HEIGHT else None


def _story(sheet: AttendanceSheet) -> list[Any]:
    kicker = "Feuille d'émargement"
    if sheet.organisation.strip():
        kicker = f"{markup(sheet.organisation)} · {kicker}"
    day = french_date(sheet.day) if sheet.day else "Date : ____ / ____ / ________"
    facts = " · ".join(
        part
        for part in (sheet.format_name, day, sheet.place.strip() or "Lieu : ______________")
        if part
    )
    story: list[Any] = [
        rich(kicker.upper(), Styles.cover_kicker),
        Spacer(1, 3),
        para(sheet.title, Styles.h1),
        para(facts, Styles.body),
        Rule(ACCENT, 1.0, 4),
    ]
    filled = bool(sheet.rows)
    if filled:
        story.append(
            para(
                (
                    "Une personne s'est enregistrée à son arrivée. Elle signe"
                    if len(sheet.rows) == 1
                    else f"{french_number(len(sheet.rows))} personnes se sont enregistrées à "
                    "leur arrivée. Chacune signe"
                )
                + " en face de son nom ; les personnes arrivées sans s'enregistrer "
                "s'inscrivent sur les lignes libres.",
                Styles.small,
            )
        )
    else:
        story.append(
            para(
                "Merci d'inscrire lisiblement vos nom, prénom et organisation, votre catégorie "
                "(agent public, acteur privé, association, citoyen ou usager), puis de signer.",
                Styles.small,
            )
        )
    story.append(Spacer(1, 6))
    head = ["N°", "Nom et prénom", "Organisation", "Catégorie", "Arrivée", "Signature"]
    rows: list[list[Any]] = [[rich(h, Styles.head) for h in head]]
    for i, row in enumerate(sheet.rows, 1):
        rows.append(
            [
                para(str(i), Styles.cell_muted),
                para(row.name, Styles.cell),
                para(row.organisation, Styles.cell),
                para(SHORT_CATEGORIES.get(row.category, row.category), Styles.cell_muted),
                para(_arrival(row.checked_in_at), Styles.cell),
                "",
            ]
        )
    blanks = BLANK_ROWS_AFTER if filled else BLANK_ROWS_BEFORE
    start = len(sheet.rows)
    for i in range(blanks):
        rows.append([para(str(start + i + 1), Styles.cell_muted), "", "", "", "", ""])
    widths = [0.9 * cm, 4.3 * cm, 0.0, 2.5 * cm, 1.7 * cm, 3.4 * cm]
    widths[2] = FRAME_WIDTH - sum(widths)
    grid = table(
        rows,
        widths,
        row_heights=[None] + [_height(row, widths) for row in rows[1:]],
        extra=[
            ("GRID", (0, 1), (-1, -1), 0.5, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ],
    )
    story += [
        grid,
        Spacer(1, 14),
        table(
            [
                [
                    rich("Visa de l'animation", Styles.label),
                    rich("Nombre de présents", Styles.label),
                ],
                ["", ""],
            ],
            [FRAME_WIDTH / 2, FRAME_WIDTH / 2],
            header=False,
            extra=[
                ("BOX", (0, 0), (0, -1), 0.6, RULE),
                ("BOX", (1, 0), (1, -1), 0.6, RULE),
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white]),
                ("LINEBELOW", (0, 0), (-1, 0), 0, colors.white),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 40),
            ],
        ),
    ]
    return story


def build_emargement(
    sheet: AttendanceSheet,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[float, str], None] | None = None,
) -> None:
    """Write the émargement sheet to `path` (complete, or not at all)."""
    register_fonts()
    story = _story(sheet)
    footer = f"Feuille d'émargement — {one_line(sheet.title)}"
    if sheet.day:
        footer += f" — {french_date(sheet.day)}"
    with atomic_output(path) as temp:
        doc = BaseDocTemplate(
            str(temp),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=1.8 * cm,
            bottomMargin=MARGIN,
            title=f"Feuille d'émargement — {one_line(sheet.title)}",
            author=one_line(sheet.organisation) or "Atelier",
            subject=f"Émargement de l'atelier « {one_line(sheet.title)} »",
            creator="Atelier",
            lang="fr-FR",
            initialFontName="DejaVuSans",
        )
        frame = Frame(MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - MARGIN - 1.8 * cm, id="body")
        doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
        doc.build(story, canvasmaker=numbered_canvas(footer))
    if progress:
        progress(1.0, "Terminé")

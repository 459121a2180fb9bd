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

from app.domain.report import AttendanceSheet
from app.reports.i18n import PDF_LANG, Lang, date_text, number, t, time_text
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


def _arrival(timestamp: float | None, lang: Lang = "fr") -> str:
    if timestamp is None:
        return ""
    moment = datetime.fromtimestamp(timestamp)
    return time_text(moment.hour * 60 + moment.minute, lang)


def _category(key: str, lang: Lang) -> str:
    label = SHORT_CATEGORIES.get(key)
    return key if label is None else t(label, lang)  # a category of its own is data


def _format_name(sheet: AttendanceSheet, lang: Lang) -> str:
    return (sheet.format_name_en or sheet.format_name) if lang == "en" else sheet.format_name


def _height(row: list[Any], widths: list[float]) -> float | None:
    """Room to sign on every row; a row whose name or organisation takes more lines grows
    (None: as tall as its text) rather than print over its neighbours."""
    tallest = max(
        (cell.wrap(width - 12, 10_000)[1] for cell, width in zip(row, widths, strict=True)
         if hasattr(cell, "wrap")),
        default=0.0,
    )  # fmt: skip
    return ROW_HEIGHT if tallest + CELL_PADDING <= ROW_HEIGHT else None


def _story(sheet: AttendanceSheet, lang: Lang = "fr") -> list[Any]:
    kicker = t("Feuille d'émargement", lang)
    if sheet.organisation.strip():
        kicker = f"{markup(sheet.organisation)} · {kicker}"
    day = date_text(sheet.day, lang) if sheet.day else t("Date : ____ / ____ / ________", lang)
    facts = " · ".join(
        part
        for part in (
            _format_name(sheet, lang),
            day,
            sheet.place.strip() or t("Lieu : ______________", lang),
        )
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
                    t("Une personne s'est enregistrée à son arrivée. Elle signe", lang)
                    if len(sheet.rows) == 1
                    else t(
                        "{n} personnes se sont enregistrées à leur arrivée. Chacune signe", lang
                    ).format(n=number(len(sheet.rows), lang))
                )
                + t(
                    " en face de son nom ; les personnes arrivées sans s'enregistrer "
                    "s'inscrivent sur les lignes libres.",
                    lang,
                ),
                Styles.small,
            )
        )
    else:
        story.append(
            para(
                t(
                    "Merci d'inscrire lisiblement vos nom, prénom et organisation, votre "
                    "catégorie (agent public, acteur privé, association, citoyen ou usager), "
                    "puis de signer.",
                    lang,
                ),
                Styles.small,
            )
        )
    story.append(Spacer(1, 6))
    head = ["N°", "Nom et prénom", "Organisation", "Catégorie", "Arrivée", "Signature"]
    rows: list[list[Any]] = [[rich(t(h, lang), Styles.head) for h in head]]
    for i, row in enumerate(sheet.rows, 1):
        rows.append(
            [
                para(str(i), Styles.cell_muted),
                para(row.name, Styles.cell),
                para(row.organisation, Styles.cell),
                para(_category(row.category, lang), Styles.cell_muted),
                para(_arrival(row.checked_in_at, lang), Styles.cell),
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
                    rich(t("Visa de l'animation", lang), Styles.label),
                    rich(t("Nombre de présents", lang), Styles.label),
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
    lang: Lang = "fr",
) -> None:
    """Write the émargement sheet to `path` (complete, or not at all), in `lang`."""
    register_fonts()
    story = _story(sheet, lang)
    title = t("Feuille d'émargement — {title}", lang).format(title=one_line(sheet.title))
    footer = title
    if sheet.day:
        footer += f" — {date_text(sheet.day, lang)}"
    with atomic_output(path) as temp:
        doc = BaseDocTemplate(
            str(temp),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=1.8 * cm,
            bottomMargin=MARGIN,
            title=title,
            author=one_line(sheet.organisation) or "Atelier",
            subject=t("Émargement de l'atelier « {title} »", lang).format(
                title=one_line(sheet.title)
            ),
            creator="Atelier",
            lang=PDF_LANG[lang],
            initialFontName="DejaVuSans",
        )
        frame = Frame(MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - MARGIN - 1.8 * cm, id="body")
        doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
        doc.build(story, canvasmaker=numbered_canvas(footer))
    if progress:
        progress(1.0, t("Terminé", lang))

"""The compte-rendu's section on what was written: the board, then every post-it, group by
group, in the board's order.

The board's picture is shown only when its post-its' text can be read on A4 (6 pt or more,
`board_drawing.readable`). A bigger board (150 phone post-its in the "Arrivées" column would be
a thin strip down the page) is shown instead as a block per group: its title, then its post-its
as coloured cards, four to a row. Post-its in no group are always listed as cards: one per line
they took pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.french import french_number
from app.domain.report import (
    ReportCluster,
    ReportData,
    ReportNote,
)
from app.reports.board_drawing import NOTE_TEXT, board_drawing, readable
from app.reports.compte_rendu.story import ReportStory, image
from app.reports.document import (
    Progress,
    plural,
)
from app.reports.i18n import Lang, number, t
from app.reports.layout import (
    ACCENT,
    FONT,
    FRAME_WIDTH,
    NOTE_COLORS,
    Styles,
    bar_chart,
    para,
)
from app.reports.text import markup

CHART_THEMES = 25  # bars in the chart of post-its by group (a page holds about 38)
PICTURE_HEIGHT = 20 * cm  # the board's picture at most (the frame is 25 cm high)
SCENE_TEXT = 13.0  # the window's smallest post-it text, in board units (widgets/board_scene)
CARD_COLUMNS = 4
CARD_STYLE = ParagraphStyle("card", parent=Styles.cell, fontSize=8, leading=10)
CARD_PAPER = colors.HexColor("#fdf3b0")  # post-its in no group: post-it yellow


def notes_and_themes(data: ReportData, lang: Lang = "fr") -> str:
    """'8 post-its, dont 2 regroupés en 1 thème': what is really in a regroupement is counted,
    not every post-it of the workshop."""
    themes = [c for c in data.clusters if c.id is not None]
    text = plural(data.note_count, "post-it", lang=lang)
    grouped = sum(len(c.notes) for c in themes)
    if not themes or not grouped:
        return text
    if lang != "fr":
        what = t("regroupés en {themes}", lang).format(
            themes=plural(len(themes), "thème", lang=lang)
        )
        if grouped >= data.note_count:
            return f"{text} {what}"
        return t("{notes}, dont {n} {what}", lang).format(
            notes=text, n=number(grouped, lang), what=what
        )
    what = f"regroupés en {plural(len(themes), 'thème')}"
    if grouped >= data.note_count:
        return f"{text} {what}"
    if grouped == 1:
        return f"{text}, dont 1 regroupé en {plural(len(themes), 'thème')}"
    return f"{text}, dont {french_number(grouped)} {what}"


def _cluster_title(cluster: ReportCluster, lang: Lang = "fr") -> str:
    if cluster.id is None:
        return t("Post-its non regroupés", lang)
    return cluster.title.strip() or t("Regroupement sans titre", lang)


def _tint(colour: colors.Color, share: float = 0.28) -> colors.Color:
    """`colour` mixed with white: a card's paper, light enough for black 8 pt text."""
    return colors.Color(*(1 - share + share * c for c in (colour.red, colour.green, colour.blue)))


def cards(notes: Sequence[ReportNote], paper: colors.Color) -> Table:
    """Post-its as cards, `CARD_COLUMNS` to a row, in order; rows split across pages."""
    width = FRAME_WIDTH / CARD_COLUMNS
    cells = [Paragraph(markup(n.text), CARD_STYLE) for n in notes]
    rows = [cells[i : i + CARD_COLUMNS] for i in range(0, len(cells), CARD_COLUMNS)]
    rows = rows or [[]]
    rows[-1] += [""] * (CARD_COLUMNS - len(rows[-1]))
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the empty cells' too: no Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("GRID", (0, 0), (-1, -1), 2.5, colors.white),  # the gaps between cards
    ]
    for index in range(len(cells)):
        row, column = divmod(index, CARD_COLUMNS)
        style.append(("BACKGROUND", (column, row), (column, row), paper))
    return Table(rows, colWidths=[width] * CARD_COLUMNS, style=TableStyle(style), hAlign="LEFT")


def _picture(story: ReportStory) -> bool:
    """The board's picture when it can be read on the page; False when the board is too big
    for that (its post-its are then shown as cards, group by group)."""
    data, lang = story.data, story.lang
    board = data.board
    if board is not None and not readable(
        board, FRAME_WIDTH, PICTURE_HEIGHT, SCENE_TEXT if data.board_png else NOTE_TEXT
    ):
        story.section(t("Production", lang), room=7 * cm)
        story.add(
            para(
                t(
                    "Le tableau « {title} » compte trop de post-its pour tenir lisiblement "
                    "sur une page : ils sont présentés ci-dessous groupe par groupe, en cartes "
                    "aux couleurs des groupes.",
                    lang,
                ).format(title=board.title),
                Styles.small,
            ),
            Spacer(1, 4),
        )
        return False
    story.section(t("Production", lang), room=15 * cm if data.board_png or board else 7 * cm)
    if data.board_png:
        story.add(image(data.board_png, FRAME_WIDTH, PICTURE_HEIGHT), Spacer(1, 4))
        story.add(para(t("Le tableau tel qu'il était à la fin de la séance.", lang), Styles.small))
    elif board is not None:
        story.add(board_drawing(board, FRAME_WIDTH, PICTURE_HEIGHT), Spacer(1, 4))
        story.add(
            para(
                t("Le tableau « {title} » tel qu'il a été laissé.", lang).format(title=board.title),
                Styles.small,
            )
        )
    return True


def production(story: ReportStory, progress: Progress) -> None:
    data, lang = story.data, story.lang
    pictured = _picture(story)
    if not data.note_count:
        story.text(t("Aucun post-it n'a été écrit.", lang))
        return
    themes = [c for c in data.clusters if c.id is not None]
    sentence = notes_and_themes(data, lang) + t(
        ", reproduits en entier dans l'ordre du tableau.", lang
    )
    if data.hidden_notes:
        sentence += t(
            " {notes} en écriture individuelle et jamais révélés n'y figurent pas.", lang
        ).format(notes=plural(data.hidden_notes, "post-it écrit", "post-its écrits", lang=lang))
    story.add(para(sentence))
    if len(themes) > 1:
        charted = list(data.clusters)
        if len(charted) > CHART_THEMES:  # the biggest ones, so that the chart fits on a page
            charted = sorted(charted, key=lambda c: -len(c.notes))[:CHART_THEMES]
        story.add(
            bar_chart(
                [(_cluster_title(c, lang), len(c.notes)) for c in charted],
                colors_by_row=[NOTE_COLORS.get(c.color, ACCENT) for c in charted],
            ),
            Spacer(1, 4),
        )
        left_out = [c for c in data.clusters if c not in charted]
        if left_out:
            notes = sum(len(c.notes) for c in left_out)
            story.add(
                para(
                    t(
                        "Le graphique montre les {n} plus gros regroupements ; {others} "
                        "({notes}) sont détaillés plus bas.",
                        lang,
                    ).format(
                        n=number(CHART_THEMES, lang),
                        others=plural(
                            len(left_out), "autre regroupement", "autres regroupements", lang=lang
                        ),
                        notes=plural(notes, "post-it", lang=lang),
                    ),
                    Styles.small,
                ),
                Spacer(1, 4),
            )
    for index, cluster in enumerate(data.clusters):
        progress(0.05 + 0.1 * index / max(1, len(data.clusters)), t("Post-its…", lang))
        style = ParagraphStyle(
            f"note-{index}",
            parent=Styles.bullet,
            bulletColor=NOTE_COLORS.get(cluster.color, ACCENT),
        )
        story.sub(
            f"{_cluster_title(cluster, lang)} ({plural(len(cluster.notes), 'post-it', lang=lang)})"
        )
        if cluster.id is None or not pictured:  # compact: four cards to a row
            colour = NOTE_COLORS.get(cluster.color) if cluster.id is not None else None
            story.add(cards(cluster.notes, _tint(colour) if colour else CARD_PAPER))
            continue
        for note in cluster.notes:
            story.add(Paragraph(markup(note.text), style, bulletText="■"))

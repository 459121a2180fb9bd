"""The compte-rendu's section on what was written: the board, then every post-it, group by
group, in the board's order.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Paragraph,
    Spacer,
)

from app.domain.french import french_number
from app.domain.report import (
    ReportCluster,
    ReportData,
)
from app.reports.board_drawing import board_drawing
from app.reports.compte_rendu.story import ReportStory, image
from app.reports.document import (
    Progress,
    plural,
)
from app.reports.layout import (
    ACCENT,
    FRAME_WIDTH,
    NOTE_COLORS,
    Styles,
    bar_chart,
    para,
)
from app.reports.text import markup

CHART_THEMES = 25  # bars in the chart of post-its by group (a page holds about 38)


def notes_and_themes(data: ReportData) -> str:
    """'8 post-its, dont 2 regroupés en 1 thème': what is really in a regroupement is counted,
    not every post-it of the workshop."""
    themes = [c for c in data.clusters if c.id is not None]
    text = plural(data.note_count, "post-it")
    grouped = sum(len(c.notes) for c in themes)
    if not themes or not grouped:
        return text
    what = f"regroupés en {plural(len(themes), 'thème')}"
    if grouped >= data.note_count:
        return f"{text} {what}"
    if grouped == 1:
        return f"{text}, dont 1 regroupé en {plural(len(themes), 'thème')}"
    return f"{text}, dont {french_number(grouped)} {what}"


def _cluster_title(cluster: ReportCluster) -> str:
    if cluster.id is None:
        return "Post-its non regroupés"
    return cluster.title.strip() or "Regroupement sans titre"


def production(story: ReportStory, progress: Progress) -> None:
    data = story.data
    pictured = bool(data.board_png) or data.board is not None
    story.section("Production", room=15 * cm if pictured else 7 * cm)  # with the board's picture
    if data.board_png:
        story.add(image(data.board_png, FRAME_WIDTH, 12 * cm), Spacer(1, 4))
        story.add(para("Le tableau tel qu'il était à la fin de la séance.", Styles.small))
    elif data.board is not None:
        story.add(board_drawing(data.board, FRAME_WIDTH, 12 * cm), Spacer(1, 4))
        story.add(para(f"Le tableau « {data.board.title} » tel qu'il a été laissé.", Styles.small))
    if not data.note_count:
        story.text("Aucun post-it n'a été écrit.")
        return
    themes = [c for c in data.clusters if c.id is not None]
    sentence = notes_and_themes(data) + ", reproduits en entier dans l'ordre du tableau."
    if data.hidden_notes:
        sentence += (
            f" {plural(data.hidden_notes, 'post-it écrit', 'post-its écrits')} en écriture "
            "individuelle et jamais révélés n'y figurent pas."
        )
    story.add(para(sentence))
    if len(themes) > 1:
        charted = list(data.clusters)
        if len(charted) > CHART_THEMES:  # the biggest ones, so that the chart fits on a page
            charted = sorted(charted, key=lambda c: -len(c.notes))[:CHART_THEMES]
        story.add(
            bar_chart(
                [(_cluster_title(c), len(c.notes)) for c in charted],
                colors_by_row=[NOTE_COLORS.get(c.color, ACCENT) for c in charted],
            ),
            Spacer(1, 4),
        )
        left_out = [c for c in data.clusters if c not in charted]
        if left_out:
            notes = sum(len(c.notes) for c in left_out)
            story.add(
                para(
                    f"Le graphique montre les {french_number(CHART_THEMES)} plus gros regroupements ; "
                    f"{plural(len(left_out), 'autre regroupement', 'autres regroupements')} "
                    f"({plural(notes, 'post-it')}) sont détaillés plus bas.",
                    Styles.small,
                ),
                Spacer(1, 4),
            )
    for index, cluster in enumerate(data.clusters):
        progress(0.05 + 0.1 * index / max(1, len(data.clusters)), "Post-its…")
        style = ParagraphStyle(
            f"note-{index}",
            parent=Styles.bullet,
            bulletColor=NOTE_COLORS.get(cluster.color, ACCENT),
        )
        story.sub(f"{_cluster_title(cluster)} ({plural(len(cluster.notes), 'post-it')})")
        for note in cluster.notes:
            story.add(Paragraph(markup(note.text), style, bulletText="■"))

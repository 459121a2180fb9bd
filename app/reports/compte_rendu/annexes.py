"""The compte-rendu's annexes: the methods used, as the library describes them, and the
photos attached to the workshop.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from app.reports.compte_rendu.story import ReportStory
from app.reports.document import (
    plural,
)
from app.reports.i18n import t
from app.reports.layout import (
    FRAME_WIDTH,
    RULE,
    Styles,
    para,
    rich,
)
from app.reports.text import markup

PHOTO_HEIGHT = 10 * cm  # two photos and their captions to a page, under a heading


_PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")


_CAPTION = ParagraphStyle("photo-caption", parent=Styles.small, alignment=1)  # centred


def photos(story: ReportStory) -> None:
    """Her photos (paper boards, the room), in her order, each scaled to the page with its
    caption, two to a page at most."""
    data, lang = story.data, story.lang
    if not data.photos:
        return
    story.add(PageBreak())
    story.section(t("Annexe : photos", lang))
    story.add(
        para(
            t("{photos} par l'équipe d'animation.", lang).format(
                photos=plural(len(data.photos), "photo jointe", "photos jointes", lang=lang)
            ),
            Styles.small,
        ),
        Spacer(1, 4),
    )
    for number, photo in enumerate(data.photos, 1):
        # within the frame's paddings, and never so blown up that it prints under 100 dpi
        scale = min((FRAME_WIDTH - 12) / photo.width, PHOTO_HEIGHT / photo.height, 72 / 100)
        picture = Image(
            io.BytesIO(photo.data), width=photo.width * scale, height=photo.height * scale
        )
        caption = t("Photo {n}", lang).format(n=number)
        if photo.caption.strip():
            caption += f" — {photo.caption.strip()}"
        framed = Table(  # a hairline: a white board's edges stay visible on white paper
            [[picture]],
            style=[
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
            ]
            + [(side, (0, 0), (-1, -1), 0) for side in _PADDINGS],
        )
        story.add(KeepTogether([framed, Spacer(1, 3), para(caption, _CAPTION), Spacer(1, 12)]))


def annexe(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    if not data.methods:
        return
    story.add(PageBreak())
    story.section(t("Annexe : les méthodes utilisées", lang))
    story.add(
        para(t("Telles que les décrit la bibliothèque de méthodes d'Atelier.", lang), Styles.small)
    )
    for m in (method.in_lang(lang) for method in data.methods):
        duration = (
            f"{m.duration_min} min"
            if m.duration_min == m.duration_max
            else t("{low} à {high} min", lang).format(low=m.duration_min, high=m.duration_max)
        )
        parts: list[Any] = [
            rich(
                f"{markup(m.name)} <font color='#5b6773' size='8'>· {markup(t(m.brique, lang))} · "
                f"{markup(duration)}</font>",
                Styles.h3,
            ),
        ]
        if m.summary:
            parts.append(para(m.summary))
        parts += [
            Paragraph(markup(step), Styles.bullet, bulletText=f"{i}.")
            for i, step in enumerate(m.steps, 1)
        ]
        if m.materials:
            stuff = [
                w[:1].lower() + w[1:] if w[1:2].islower() or w.startswith("A ") else w
                for w in m.materials
            ]
            parts.append(para(t("Matériel : ", lang) + ", ".join(stuff) + ".", Styles.small))
        story.add(KeepTogether(parts), Spacer(1, 4))  # a method is not cut after its first step

"""The compte-rendu's sections on what was planned: the cadrage, then the déroulé (each séance's
agenda, with the real times once it has run).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from app.domain.report import (
    ReportBlock,
    ReportData,
)
from app.reports.compte_rendu.story import ReportStory, time_of
from app.reports.i18n import Lang, date_text, minutes_text, t
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    para,
    rich,
    table,
)
from app.reports.text import markup

_GAP = "L'écart compare, séquence par séquence, la durée réelle à la durée prévue."
MUTED_RIGHT = ParagraphStyle("cell_muted_right", parent=Styles.cell_muted, alignment=TA_RIGHT)


def _minutes(value: float, lang: Lang = "fr") -> str:
    return minutes_text(round(value), lang)


def cadrage(story: ReportStory) -> None:
    from app.domain.model import CADRAGE_FIELDS, EXPECTED_LABEL

    data, lang = story.data, story.lang
    story.section(t("Cadrage", lang))
    filled = [(label, getattr(data.cadrage, key)) for key, label, _ in CADRAGE_FIELDS]
    filled.append((EXPECTED_LABEL, data.cadrage.expected))
    filled = [(label, value) for label, value in filled if value.strip()]
    if not filled:
        story.text(t("Le cadrage n'a pas été renseigné.", lang))
        return
    for french_label, value in filled:
        label = t(french_label, lang)
        if french_label.startswith("Partenaires"):
            partners = data.cadrage.partner_list()
            story.add(
                KeepTogether(
                    [rich(markup(label), Styles.h3)]
                    + [Paragraph(markup(p), Styles.bullet, bulletText="•") for p in partners]
                )
            )
        else:
            story.add(KeepTogether([rich(markup(label), Styles.h3), para(value)]))


def _block_title(data: ReportData, block: ReportBlock, lang: Lang = "fr") -> str:
    title = block.title
    if block.day:
        title += f", {date_text(block.day, lang)}"
    return title


def deroule(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    blocks = [b for b in data.blocks if b.phases]
    # the heading goes with the first séance's agenda, which is kept whole (about 0.8 cm a row)
    first = len(blocks[0].phases) if blocks else 0
    story.section(
        t("Déroulé", lang), room=min(22 * cm, 4 * cm + 0.8 * cm * first) if first <= 27 else 7 * cm
    )
    if not blocks:
        story.text(t("Aucune séquence n'a été prévue.", lang))
        return
    ran = any(p.actual_start is not None for b in blocks for p in b.phases)
    if not ran and (any(p.checked_in_at for p in data.participants) or data.vote_rounds):
        story.text(t("Les horaires réels n'ont pas été relevés : voici l'agenda prévu.", lang))
    elif not ran:
        story.text(
            t(
                "La séance n'a pas encore eu lieu : voici l'agenda prévu."
                if len(blocks) == 1
                else "Les séances n'ont pas encore eu lieu : voici l'agenda prévu.",
                lang,
            )
        )
    for block in blocks:
        if len(blocks) > 1:
            story.sub(_block_title(data, block, lang))
        planned = sum(p.planned_minutes for p in block.phases)
        actual = [p.actual_minutes for p in block.phases if p.actual_minutes is not None]
        intro: list[Any] = []
        stopped = stopped_after(block)
        unheld = t("à venir" if running(block) else "non réalisée", lang)
        if ran and actual:
            real = sum(actual)
            done = sum(p.planned_minutes for p in block.phases if p.actual_minutes is not None)
            drift = round(real) - done  # as the table's total: the sequences that were held
            sign = "+" if drift > 0 else "−"
            tail = "" if drift == 0 else f" ({sign}{_minutes(abs(drift), lang)})"
            if stopped is not None:
                left = len(block.phases) - stopped
                not_held = sum(1 for p in block.phases if p.actual_minutes is None)
                intro.append(
                    para(
                        t("Séance arrêtée après la séquence {n} sur {of} : ", lang).format(
                            n=stopped, of=len(block.phases)
                        )
                        + (
                            t("la dernière séquence n'a pas été réalisée. ", lang)
                            if left == 1
                            else t(
                                "les {n} dernières séquences n'ont pas été réalisées. ", lang
                            ).format(n=left)
                        )
                        + t("Durée réelle : {real}, pour {done} prévues ", lang).format(
                            real=_minutes(real, lang), done=_minutes(done, lang)
                        )
                        + t(
                            "dans la séquence réalisée"
                            if len(block.phases) - not_held == 1
                            else "dans les séquences réalisées",
                            lang,
                        )
                        + t("{tail} ; le programme complet prévoyait {planned}. ", lang).format(
                            tail=tail, planned=_minutes(planned, lang)
                        )
                        + t(_GAP, lang)
                    )
                )
            else:
                intro.append(
                    para(
                        t("Durée réelle : {real} pour {planned} prévues{tail}. ", lang).format(
                            real=_minutes(real, lang), planned=_minutes(planned, lang), tail=tail
                        )
                        + t(_GAP, lang)
                    )
                )
        # before the séance: when each sequence starts, counted from the start
        head = ["Heure" if ran else "Début", "Séquence", "Méthode", "Prévu"] + (
            ["Réel", "Écart"] if ran else []
        )
        right = [t(h, lang) for h in ("Prévu", "Réel", "Écart")]
        head = [t(h, lang) for h in head]
        offset = 0
        spans: list[tuple[Any, ...]] = []  # "non réalisée" across Réel and Écart
        rows: list[list[Any]] = [
            [rich(h, Styles.head_right if h in right else Styles.head) for h in head]
        ]
        for phase in block.phases:
            muted = phase.kind == "break"
            style = Styles.cell_muted if muted else Styles.cell
            row = [
                para(
                    time_of(phase.actual_start, lang)
                    if ran
                    else (t("départ", lang) if offset == 0 else f"+{_minutes(offset, lang)}"),
                    style,
                ),
                para(
                    phase.title
                    + (
                        t(" (pause)", lang)
                        if muted and t("pause", lang) not in phase.title.casefold()
                        else ""
                    ),
                    style,
                ),
                para(
                    (phase.method_name_en if lang == "en" else "") or phase.method_name or "—",
                    style,
                ),
                para(_minutes(phase.planned_minutes, lang), Styles.cell_right),
            ]
            offset += phase.planned_minutes
            if ran:
                minutes = phase.actual_minutes
                if minutes is None and actual:  # this séance ran, without this sequence
                    spans.append(("SPAN", (4, len(rows)), (5, len(rows))))
                    row += [para(unheld, MUTED_RIGHT), para("", Styles.cell_right)]
                elif minutes is None:
                    row += [para("—", Styles.cell_right), para("", Styles.cell_right)]
                else:
                    row += [
                        para(_minutes(minutes, lang), Styles.cell_right),
                        para(_drift(round(minutes) - phase.planned_minutes), Styles.cell_right),
                    ]
            rows.append(row)
        total = [
            para("", Styles.cell_bold),
            para(t("Total", lang), Styles.cell_bold),
            para("", Styles.cell),
            para(_minutes(planned, lang), Styles.cell_bold),
        ]
        if ran:
            real_total = sum(actual)
            total += [
                para(_minutes(real_total, lang) if actual else "—", Styles.cell_bold),
                para(_drift(round(real_total) - done) if actual else "", Styles.cell_bold),
            ]
        rows.append(total)
        widths = [1.7 * cm, 6.2 * cm, 4.0 * cm, 1.6 * cm] + ([1.7 * cm, 1.9 * cm] if ran else [])
        if not ran:
            widths[1] += 3.6 * cm
        widths[1] += FRAME_WIDTH - sum(widths)
        grid = table(rows, widths, total_row=True, extra=spans)
        if len(rows) <= 30:  # a séance's agenda is not cut before its last rows
            story.add(KeepTogether([*intro, grid]), Spacer(1, 6))
        else:
            story.add(*intro, grid, Spacer(1, 6))


def running(block: ReportBlock) -> bool:
    """A sequence of the séance is under way (the compte-rendu is made during it)."""
    return any(p.actual_start is not None and p.actual_end is None for p in block.phases)


def stopped_after(block: ReportBlock) -> int | None:
    """The number (from 1) of the last sequence held when sequences after it were not: the
    séance was ended early. None when it ran to its end, is running, or has not run."""
    held = [n for n, p in enumerate(block.phases) if p.actual_minutes is not None]
    if not held or running(block) or held[-1] == len(block.phases) - 1:
        return None
    return held[-1] + 1


def _drift(minutes: int) -> str:
    """'+4 min', '−10 min', '=': a real duration against the planned one."""
    if minutes == 0:
        return "="
    return f"{'+' if minutes > 0 else '−'}{abs(minutes)}\u00a0min"

"""The compte-rendu: the PDF summary of a workshop, the document that outlives it.

`build_report(data, path, progress=...)` draws a `ReportData` (read by
`app.ops.report_data.report_data`) into an A4 PDF: cover, table of contents, then the
sections that have something to say. Every text that is not ours is escaped on its way
into a paragraph (see `app.reports.text`). The file appears under its name only once
complete (see `app.system.files`).
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from app.domain.agenda import format_minutes
from app.domain.french import clock_time, french_date, french_number, french_percent
from app.domain.report import (
    CATEGORY_LABELS,
    PROJECT_STATUSES,
    VOTE_KINDS,
    ReportBlock,
    ReportCluster,
    ReportData,
    ReportVoteRound,
    VoteResult,
    category_words,
)
from app.domain.votes import GRADES
from app.reports.board_drawing import board_drawing
from app.reports.layout import (
    ACCENT,
    ACCENT_LIGHT,
    FRAME_WIDTH,
    MARGIN,
    MUTED,
    NOTE_COLORS,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Rule,
    Styles,
    bar_chart,
    category_rows,
    draw_text,
    fit_width,
    numbered_canvas,
    para,
    profile_chart,
    register_fonts,
    rich,
    table,
)
from app.reports.text import markup, one_line
from app.system.files import atomic_output

Progress = Callable[[float, str], None]

FEEDBACK_LABELS = {
    5: "5 — Très satisfait",
    4: "4 — Satisfait",
    3: "3 — Mitigé",
    2: "2 — Peu satisfait",
    1: "1 — Pas satisfait",
}
CHART_TOP = 10  # bars shown in a vote's chart
PHOTO_HEIGHT = 10 * cm  # two photos and their captions to a page, under a heading
CHART_THEMES = 25  # bars in the chart of post-its by group (a page holds about 38)


def _when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp)


def _time_of(timestamp: float | None) -> str:
    if timestamp is None:
        return "—"
    moment = _when(timestamp)
    return clock_time(moment.hour * 60 + moment.minute)


def _minutes(value: float) -> str:
    return format_minutes(round(value))


def _dates(data: ReportData) -> str:
    start, end = data.start_date, data.end_date
    if start is None:
        return "À préciser"
    if end is None or end == start:
        return french_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"Du {french_date(start).split()[0]} au {french_date(end)}"
    return f"Du {french_date(start)} au {french_date(end)}"


def _count_of(count: int, one: str, many: str | None = None, *, feminine: bool = False) -> str:
    """Like `_plural`, but 'aucun votant' rather than '0 votants'."""
    if count == 0:
        return f"{'aucune' if feminine else 'aucun'} {one}"
    return _plural(count, one, many)


def _plural(count: int, one: str, many: str | None = None) -> str:
    word = one if count in (0, 1) else (many or one + "s")  # French: "0 post-it"
    return f"{french_number(count)} {word}"


class _Heading(Paragraph):
    """A section or sub-section title: it goes to the table of contents and the bookmarks."""

    def __init__(self, text: str, level: int, key: str) -> None:
        super().__init__(markup(text), Styles.h1 if level == 0 else Styles.h2)
        self.plain = one_line(text)
        self.level = level
        self.key = key


def _skip_drawing(*args: Any, **kwargs: Any) -> None:
    return None


class _SketchFrame(Frame):
    """A frame that, while its document sketches (the first pass), places flowables without
    drawing them: that pass only has to learn on which page each heading falls, for the table
    of contents, and drawing is about half the cost of a pass. Every flowable and every piece
    of a split one goes through `add`, so the instance's `drawOn` is shadowed just there."""

    sketching = False

    def _add(self, flowable: Any, canv: Any, trySplit: int = 0) -> int:
        own = getattr(flowable, "__dict__", None)
        if not self.sketching or own is None:
            return int(super()._add(flowable, canv, trySplit))
        own["drawOn"] = _skip_drawing  # past the validating __setattr__ of charts (Drawing)
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            own.pop("drawOn", None)

    add = _add  # Frame binds `add` to its own `_add`, which the document calls


class _Document(BaseDocTemplate):
    def __init__(self, filename: str, data: ReportData, progress: Progress, steps: int) -> None:
        title = one_line(data.title)
        author = ", ".join(one_line(f) for f in data.facilitators) or one_line(data.organisation)
        super().__init__(
            filename,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"Compte-rendu — {title}",
            author=author or "Atelier",
            subject=f"Compte-rendu de l'atelier « {title} »",
            creator="Atelier",
            keywords=["compte-rendu", "atelier participatif", one_line(data.format_name)],
            lang="fr-FR",
            displayDocTitle=1,
            initialFontName="DejaVuSans",
        )
        self.data = data
        self.progress = progress
        self.steps = max(1, steps)
        self.done = 0
        self.passes = 0
        self.frame = _SketchFrame(MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
        frame = self.frame
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._body_page),
            ]
        )

    def handle_documentBegin(self) -> None:
        self.passes += 1
        self.done = 0
        self.frame.sketching = self.passes == 1
        super().handle_documentBegin()

    def _allSatisfied(self) -> bool:
        # a sketch has drawn nothing: never let it be the file
        return self.passes > 1 and bool(super()._allSatisfied())

    def afterFlowable(self, flowable: Any) -> None:
        self.done += 1
        if self.done % 25 == 0:
            # usually two passes: the second one knows the table of contents' page numbers
            ratio = min(0.98, (self.passes - 1 + min(1.0, self.done / self.steps)) / 2)
            self.progress(0.2 + 0.78 * ratio, "Mise en page…")
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level)
            self.notify(
                "TOCEntry", (flowable.level, markup(flowable.plain), self.page, flowable.key)
            )

    def _cover_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_HEIGHT - 0.9 * cm, PAGE_WIDTH, 0.9 * cm, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 7.5)
        canvas.setFillColor(MUTED)
        y = PAGE_HEIGHT - 1.35 * cm
        title = fit_width(self.data.title, FRAME_WIDTH - 80, "DejaVuSans", 7.5)
        draw_text(canvas, MARGIN, y, title, "DejaVuSans", 7.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, "Compte-rendu")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 5, PAGE_WIDTH - MARGIN, y - 5)
        canvas.restoreState()


class _Story:
    """Builds the flowables section by section, numbering the sections that appear."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.items: list[Any] = []
        self.sections = 0
        self.keys = 0

    def add(self, *flowables: Any) -> None:
        self.items.extend(flowables)

    def section(self, title: str, room: float = 7 * cm) -> None:
        """A numbered section, on a new page unless `room` is left for its heading and what
        comes first under it."""
        self.sections += 1
        self.keys += 1
        self.add(CondPageBreak(room), _Heading(f"{self.sections}. {title}", 0, f"s{self.keys}"))

    def sub(self, title: str) -> None:
        self.keys += 1
        self.add(CondPageBreak(4 * cm), _Heading(title, 1, f"s{self.keys}"))

    def empty(self, sentence: str) -> None:
        self.add(rich(markup(sentence), Styles.body))


# -- the cover -------------------------------------------------------------------------------


def _image(png: bytes, max_width: float, max_height: float) -> Image:
    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    scale = min(max_width / width, max_height / height, 1.0 if width > max_width / 2 else 2.0)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale, hAlign="LEFT")


def _summary_sentence(data: ReportData) -> str:
    parts = []
    present = data.present
    if present:
        orgs = {p.organisation.strip().casefold() for p in present if p.organisation.strip()}
        public = sum(1 for p in present if p.category == "public")
        text = _plural(len(present), "participant")
        if orgs:
            text += f" de {_plural(len(orgs), 'organisation')}"
        text += f" ({french_percent(public, len(present))} d'agents publics)"
        parts.append(text)
    if data.note_count:
        themes = sum(1 for c in data.clusters if c.id is not None)
        text = _plural(data.note_count, "post-it")
        if themes:
            text += f" regroupés en {_plural(themes, 'thème')}"
        parts.append(text)
    if data.vote_rounds:
        parts.append(_plural(len(data.vote_rounds), "tour de vote", "tours de vote"))
    if data.actions:
        parts.append(_plural(len(data.actions), "action décidée", "actions décidées"))
    if data.projects:
        parts.append(_plural(len(data.projects), "chantier lancé", "chantiers lancés"))
    average = data.average_rating
    if average is not None:
        parts.append(
            f"une satisfaction moyenne de {french_number(average, 1)} / 5 "
            f"({_plural(len(data.feedback), 'réponse')})"
        )
    if not parts:
        return "Rien n'a encore été enregistré pendant la séance : ce document présente sa préparation."
    return "En résumé : " + " ; ".join(parts) + "."


def _cover(story: _Story) -> None:
    data = story.data
    if data.logo_png:
        story.add(_image(data.logo_png, 5 * cm, 2.2 * cm), Spacer(1, 1.2 * cm))
    else:
        story.add(Spacer(1, 3.2 * cm))
    kicker = "Compte-rendu d'atelier"
    if data.organisation.strip():
        kicker = f"{markup(data.organisation)} · {kicker}"
    story.add(rich(kicker.upper(), Styles.cover_kicker), Spacer(1, 4))
    story.add(para(data.title, Styles.cover_title), Rule(ACCENT, 1.4, 8), Spacer(1, 6))
    lines = [
        ("Format", data.format_name),
        ("Date", _dates(data)),
        ("Lieu", data.place or "À préciser"),
    ]
    if data.facilitators:
        label = "Animation"
        lines.append((label, ", ".join(one_line(f) for f in data.facilitators)))
    rows = [
        [rich(f"{name}", Styles.label), para(value, Styles.cover_line)] for name, value in lines
    ]
    story.add(
        table(
            rows,
            [3 * cm, FRAME_WIDTH - 3 * cm],
            header=False,
            extra=[
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white]),
                ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
    )
    story.add(Spacer(1, 1.4 * cm))
    figures = [
        (len(data.present), "participants" if len(data.present) > 1 else "participant"),
        (data.note_count, "post-its" if data.note_count > 1 else "post-it"),
        (len(data.actions), "actions décidées" if len(data.actions) > 1 else "action décidée"),
    ]
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


def _contents(story: _Story) -> None:
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


# -- the sections ------------------------------------------------------------------------------


def _cadrage(story: _Story) -> None:
    from app.domain.model import CADRAGE_FIELDS

    data = story.data
    story.section("Cadrage")
    filled = [(label, getattr(data.cadrage, key)) for key, label, _ in CADRAGE_FIELDS]
    filled = [(label, value) for label, value in filled if value.strip()]
    if not filled:
        story.empty("Le cadrage n'a pas été renseigné.")
        return
    for label, value in filled:
        if label.startswith("Partenaires"):
            partners = data.cadrage.partner_list()
            story.add(
                KeepTogether(
                    [rich(markup(label), Styles.h3)]
                    + [Paragraph(markup(p), Styles.bullet, bulletText="•") for p in partners]
                )
            )
        else:
            story.add(KeepTogether([rich(markup(label), Styles.h3), para(value)]))


def _block_title(data: ReportData, block: ReportBlock) -> str:
    title = block.title
    if block.day:
        title += f", {french_date(block.day)}"
    return title


def _deroule(story: _Story) -> None:
    data = story.data
    blocks = [b for b in data.blocks if b.phases]
    # the heading goes with the first séance's agenda, which is kept whole (about 0.8 cm a row)
    first = len(blocks[0].phases) if blocks else 0
    story.section(
        "Déroulé", room=min(22 * cm, 4 * cm + 0.8 * cm * first) if first <= 27 else 7 * cm
    )
    if not blocks:
        story.empty("Aucune séquence n'a été prévue.")
        return
    ran = any(p.actual_start is not None for b in blocks for p in b.phases)
    if not ran and (any(p.checked_in_at for p in data.participants) or data.vote_rounds):
        story.empty("Les horaires réels n'ont pas été relevés : voici l'agenda prévu.")
    elif not ran:
        story.empty(
            "La séance n'a pas encore eu lieu : voici l'agenda prévu."
            if len(blocks) == 1
            else "Les séances n'ont pas encore eu lieu : voici l'agenda prévu."
        )
    for block in blocks:
        if len(blocks) > 1:
            story.sub(_block_title(data, block))
        planned = sum(p.planned_minutes for p in block.phases)
        actual = [p.actual_minutes for p in block.phases if p.actual_minutes is not None]
        intro: list[Any] = []
        if ran and actual:
            real = sum(actual)
            done = sum(p.planned_minutes for p in block.phases if p.actual_minutes is not None)
            drift = round(real) - done  # as the table's total: the sequences that were held
            tail = "" if drift == 0 else f" ({'+' if drift > 0 else '−'}{_minutes(abs(drift))})"
            intro.append(
                para(
                    f"Durée réelle : {_minutes(real)} pour {_minutes(planned)} prévues{tail}. "
                    "L'écart compare, séquence par séquence, la durée réelle à la durée prévue."
                )
            )
        # before the séance: when each sequence starts, counted from the start
        head = ["Heure" if ran else "Début", "Séquence", "Méthode", "Prévu"] + (
            ["Réel", "Écart"] if ran else []
        )
        offset = 0
        rows: list[list[Any]] = [
            [
                rich(h, Styles.head_right if h in ("Prévu", "Réel", "Écart") else Styles.head)
                for h in head
            ]
        ]
        for phase in block.phases:
            muted = phase.kind == "break"
            style = Styles.cell_muted if muted else Styles.cell
            row = [
                para(
                    _time_of(phase.actual_start)
                    if ran
                    else ("départ" if offset == 0 else f"+{_minutes(offset)}"),
                    style,
                ),
                para(
                    phase.title
                    + (" (pause)" if muted and "pause" not in phase.title.casefold() else ""),
                    style,
                ),
                para(phase.method_name or "—", style),
                para(_minutes(phase.planned_minutes), Styles.cell_right),
            ]
            offset += phase.planned_minutes
            if ran:
                minutes = phase.actual_minutes
                if minutes is None:
                    row += [para("—", Styles.cell_right), para("", Styles.cell_right)]
                else:
                    row += [
                        para(_minutes(minutes), Styles.cell_right),
                        para(_drift(round(minutes) - phase.planned_minutes), Styles.cell_right),
                    ]
            rows.append(row)
        total = [
            para("", Styles.cell_bold),
            para("Total", Styles.cell_bold),
            para("", Styles.cell),
            para(_minutes(planned), Styles.cell_bold),
        ]
        if ran:
            real_total = sum(actual)
            total += [
                para(_minutes(real_total) if actual else "—", Styles.cell_bold),
                para(_drift(round(real_total) - done) if actual else "", Styles.cell_bold),
            ]
        rows.append(total)
        widths = [1.7 * cm, 6.2 * cm, 4.0 * cm, 1.6 * cm] + ([1.7 * cm, 1.9 * cm] if ran else [])
        if not ran:
            widths[1] += 3.6 * cm
        widths[1] += FRAME_WIDTH - sum(widths)
        grid = table(rows, widths, total_row=True)
        if len(rows) <= 30:  # a séance's agenda is not cut before its last rows
            story.add(KeepTogether([*intro, grid]), Spacer(1, 6))
        else:
            story.add(*intro, grid, Spacer(1, 6))


def _drift(minutes: int) -> str:
    """'+4 min', '−10 min', '=': a real duration against the planned one."""
    if minutes == 0:
        return "="
    return f"{'+' if minutes > 0 else '−'}{abs(minutes)}\u00a0min"


def _participation(story: _Story) -> None:
    data = story.data
    story.section("Participation")
    present = data.present
    if not present:
        story.empty("Aucun participant n'a été enregistré.")
        return
    checked = any(p.checked_in_at is not None for p in data.participants)
    count = len(present)
    by_category = Counter(p.category for p in present)
    order = [c for c in CATEGORY_LABELS if by_category.get(c)] + sorted(
        c for c in by_category if c not in CATEGORY_LABELS
    )
    shares = ", ".join(
        f"{french_number(by_category[c])} {category_words(c, by_category[c])} "
        f"({french_percent(by_category[c], count)})"
        for c in order
    )
    sentence = f"{_plural(count, 'personne a participé', 'personnes ont participé')} : {shares}."
    if checked and data.registered > count:
        missing = data.registered - count
        sentence += f" {_plural(missing, 'autre personne inscrite', 'autres personnes inscrites')} sans émargement."
    if not checked:
        sentence += " (Personne n'a émargé : ce sont les inscrits.)"
    story.add(para(sentence))

    rows = category_rows(order, by_category, count)
    chart = bar_chart(
        [(CATEGORY_LABELS.get(c, c), by_category[c]) for c in order],
        width=FRAME_WIDTH * 0.5,
        label_width=3.6 * cm,
        label_chars=24,
    )
    side = table(
        [[table(rows, [3.4 * cm, 2.4 * cm, 1.6 * cm], total_row=True), chart]],
        [7.6 * cm, FRAME_WIDTH - 7.6 * cm],
        header=False,
        extra=[
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white]),
            ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
    )
    story.add(Spacer(1, 4), side, Spacer(1, 8))

    story.sub("Organisations représentées")
    by_org: Counter[tuple[str, str]] = Counter()
    for p in present:
        by_org[(p.organisation.strip() or "Sans organisation", p.category)] += 1
    rows = [
        [
            rich("Organisation", Styles.head),
            rich("Catégorie", Styles.head),
            rich("Personnes", Styles.head_right),
        ]
    ]
    for (org, category), n in sorted(by_org.items(), key=lambda kv: (-kv[1], kv[0][0].casefold())):
        rows.append(
            [
                para(org, Styles.cell),
                para(CATEGORY_LABELS.get(category, category), Styles.cell),
                para(french_number(n), Styles.cell_right),
            ]
        )
    story.add(table(rows, [FRAME_WIDTH - 7.2 * cm, 4.8 * cm, 2.4 * cm]))

    story.sub("Liste des participants")
    story.add(
        para(
            "Les personnes qui n'ont pas souhaité être nommées dans ce compte-rendu "
            "apparaissent par leurs initiales.",
            Styles.small,
        )
    )
    rows = [
        [
            rich("Nom", Styles.head),
            rich("Organisation", Styles.head),
            rich("Catégorie", Styles.head),
        ]
    ]
    for p in present:
        rows.append(
            [
                para(p.shown_name, Styles.cell),
                para(p.organisation or "—", Styles.cell),
                para(CATEGORY_LABELS.get(p.category, p.category), Styles.cell_muted),
            ]
        )
    story.add(table(rows, [5.2 * cm, FRAME_WIDTH - 9.6 * cm, 4.4 * cm]))


def _cluster_title(cluster: ReportCluster) -> str:
    if cluster.id is None:
        return "Post-its non regroupés"
    return cluster.title.strip() or "Regroupement sans titre"


def _production(story: _Story, progress: Progress) -> None:
    data = story.data
    pictured = bool(data.board_png) or data.board is not None
    story.section("Production", room=15 * cm if pictured else 7 * cm)  # with the board's picture
    if data.board_png:
        story.add(_image(data.board_png, FRAME_WIDTH, 12 * cm), Spacer(1, 4))
        story.add(para("Le tableau tel qu'il était à la fin de la séance.", Styles.small))
    elif data.board is not None:
        story.add(board_drawing(data.board, FRAME_WIDTH, 12 * cm), Spacer(1, 4))
        story.add(para(f"Le tableau « {data.board.title} » tel qu'il a été laissé.", Styles.small))
    if not data.note_count:
        story.empty("Aucun post-it n'a été écrit.")
        return
    themes = [c for c in data.clusters if c.id is not None]
    sentence = _plural(data.note_count, "post-it")
    if themes:
        sentence += f", regroupés en {_plural(len(themes), 'thème')}"
    sentence += ", reproduits en entier dans l'ordre du tableau."
    if data.hidden_notes:
        sentence += (
            f" {_plural(data.hidden_notes, 'post-it écrit', 'post-its écrits')} en écriture "
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
                    f"{_plural(len(left_out), 'autre regroupement', 'autres regroupements')} "
                    f"({_plural(notes, 'post-it')}) sont détaillés plus bas.",
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
        story.sub(f"{_cluster_title(cluster)} ({_plural(len(cluster.notes), 'post-it')})")
        for note in cluster.notes:
            story.add(Paragraph(markup(note.text), style, bulletText="■"))


def _settings_facts(settings: dict[str, Any]) -> list[str]:
    """A round's settings in words, from the keys the voting engine stores
    (app/domain/votes.py RoundSettings.to_dict)."""
    facts: list[str] = []
    if isinstance(settings.get("dots"), int):
        facts.append(_plural(settings["dots"], "gommette par personne", "gommettes par personne"))
    if isinstance(settings.get("cap"), int):
        facts.append(f"{french_number(settings['cap'])} au plus sur une proposition")
    if isinstance(settings.get("own_allowed"), bool):
        facts.append(
            "chacun pouvait voter pour ses propres post-its"
            if settings["own_allowed"]
            else "chacun votait pour les post-its des autres"
        )
    if isinstance(settings.get("budget"), int):
        facts.append(f"{french_number(settings['budget'])} points à répartir par personne")
    criteria = settings.get("criteria")
    if criteria == "labase":
        facts.append("grille de critères de LaBase, de même poids")
    elif isinstance(criteria, list) and criteria:
        weights = {_weight(c.get("weight")) if isinstance(c, dict) else 1 for c in criteria}
        kind = "de même poids" if len(weights) == 1 else "pondérés"
        facts.append(f"{_plural(len(criteria), 'critère')} {kind}")
    if isinstance(settings.get("anonymous"), bool):
        facts.append("vote anonyme" if settings["anonymous"] else "vote nominatif")
    if isinstance(settings.get("live_results"), bool):
        facts.append(
            "résultats affichés en direct"
            if settings["live_results"]
            else "résultats montrés seulement quand l'animation les a révélés"
        )
    if isinstance(settings.get("closes_at"), int | float):
        facts.append(f"clôture prévue à {_time_of(float(settings['closes_at']))}")
    return facts


def _vote_rank(result: VoteResult, previous: VoteResult | None) -> str:
    """'1er', '2e' …, and '2e ex æquo' on each of tied results."""
    rank = f"{result.rank}{'er' if result.rank == 1 else 'e'}"
    return f"{rank} ex\u00a0æquo" if result.tied else rank


def _vote(story: _Story, vote: ReportVoteRound) -> None:
    story.sub(vote.title.strip() or "Vote sans titre")
    kind = VOTE_KINDS.get(vote.kind, vote.kind)
    facts = [kind, *_settings_facts(dict(vote.settings))]
    story.add(para(" · ".join(facts), Styles.small))
    when = f"ouvert à {_time_of(vote.opened_at)}"
    if vote.closed_at is not None:
        when += f", clos à {_time_of(vote.closed_at)}"
    else:
        when += ", encore ouvert à l'édition de ce document"
    voters = _count_of(vote.voters, "votant")
    if vote.paper_ballots:
        voters += f" dont {_plural(vote.paper_ballots, 'bulletin papier', 'bulletins papier')}"
    line = f"Tour {when} ; {voters}."
    if not vote.revealed:
        line += " Les résultats n'avaient pas été montrés en séance."
    story.add(para(line))
    scored = [r for r in vote.results if r.scored]
    if not scored:
        story.empty("Aucune voix n'a été enregistrée pour ce tour.")
        return
    majority, criteria_grid = vote.kind == "majority", vote.kind == "criteria"
    criteria = list(vote.criteria) if criteria_grid else []
    head = [rich("Rang", Styles.head), rich("Proposition", Styles.head)]
    head += [rich(f"C{n}", Styles.head_right) for n in range(1, len(criteria) + 1)]
    if majority:
        head.append(rich("Mention majoritaire", Styles.head))
    elif criteria_grid:
        head.append(rich("Note", Styles.head_right))
    else:
        head.append(rich("Points" if vote.kind == "points" else "Voix", Styles.head_right))
    head.append(rich("Votants", Styles.head_right))
    rows: list[list[Any]] = [head]
    previous: VoteResult | None = None
    for result in scored:
        row = [
            para(_vote_rank(result, previous), Styles.cell_muted),
            para(result.label, Styles.cell),
        ]
        previous = result
        row += [para(_mean(result.by_criterion.get(c)), Styles.cell_right) for c in criteria]
        if majority:
            row.append(para(result.grade, Styles.cell))
        elif criteria_grid:
            row.append(para(_mean(result.score), Styles.cell_right))
        else:
            row.append(para(french_number(result.total), Styles.cell_right))
        row.append(para(french_number(result.voters), Styles.cell_right))
        rows.append(row)
    # the figures' columns share what the proposition leaves them (8 criteria at most)
    tail = [3.6 * cm if majority else 1.8 * cm, 1.6 * cm]
    rank_width = 2.5 * cm if any(r.tied for r in scored) else 1.3 * cm  # "12e ex æquo"
    left = FRAME_WIDTH - rank_width - sum(tail) - 5.0 * cm
    per_criterion = min(1.3 * cm, left / len(criteria)) if criteria else 0.0
    widths = [rank_width, 0.0, *([per_criterion] * len(criteria)), *tail]
    widths[1] = FRAME_WIDTH - sum(widths)
    top = scored[:CHART_TOP]
    if majority:
        chart = profile_chart([(r.label, list(r.profile)) for r in top], GRADES)
    elif criteria_grid:
        chart = bar_chart(
            [(r.label, r.score or 0.0) for r in top],
            label_chars=52,
            value_text=lambda v: french_number(v, 1) + "\u00a0/\u00a05",
            scale_max=5.0,
        )
    else:
        chart = bar_chart([(r.label, r.total) for r in top], label_chars=52)
    story.add(KeepTogether([chart, Spacer(1, 6)]))
    if len(scored) > CHART_TOP:
        story.add(
            para(
                f"Le graphique montre les {CHART_TOP} premières propositions ; le tableau "
                f"les donne toutes ({french_number(len(scored))}).",
                Styles.small,
            ),
            Spacer(1, 4),
        )
    if criteria:
        story.add(
            para(" ; ".join(_criteria_legend(vote)) + ".", Styles.small),
            Spacer(1, 4),
        )
    story.add(table(rows, widths, extra=[("FONTNAME", (0, 1), (-1, 1), "DejaVuSans-Bold")]))
    notes = []
    if majority:
        notes.append(
            "Jugement majoritaire : chaque proposition reçoit la mention que lui donne au "
            "moins la moitié des votants (sa mention majoritaire) ; à mention égale, la "
            "départage se fait sur les mentions suivantes."
        )
    elif criteria_grid:
        notes.append(
            "Chaque critère est noté de 1 à 5 ; la note est la moyenne des critères, chacun "
            "compté selon son poids."
        )
    silent = len(vote.results) - len(scored)
    if silent:
        notes.append(
            _plural(silent, "autre proposition n'a", "autres propositions n'ont")
            + " reçu aucune voix."
        )
    for note in notes:
        story.add(Spacer(1, 3), para(note, Styles.small))


def _weight(value: object) -> int:
    """A criterion's weight as stored (1 when missing or not a number: an imported file)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def _criteria_legend(vote: ReportVoteRound) -> list[str]:
    """'C1 : Intéresse au moins 2 des 4 partenaires (poids 2)' …: the table's columns."""
    given = vote.settings.get("criteria")
    weights = {}
    if isinstance(given, list):
        for c in given:
            if isinstance(c, dict):
                weights[one_line(c.get("label") or "")] = _weight(c.get("weight"))
    differ = len(set(weights.values())) > 1
    out = []
    for n, name in enumerate(vote.criteria, 1):
        weight = weights.get(one_line(name), 1)
        out.append(f"C{n} : {name}" + (f" (poids {french_number(weight)})" if differ else ""))
    return out


def _mean(value: float | None) -> str:
    return "—" if value is None else french_number(value, 1)


def _votes(story: _Story) -> None:
    data = story.data
    story.section("Votes")
    if not data.vote_rounds:
        story.empty("Aucun vote n'a eu lieu.")
        return
    for vote in data.vote_rounds:
        _vote(story, vote)


def _decisions(story: _Story) -> None:
    data = story.data
    story.section("Décisions et plan d'action")
    if not data.actions and not data.projects:
        story.empty("Aucune décision ni action n'a été enregistrée.")
        return
    if data.actions:
        rows: list[list[Any]] = [
            [
                rich("Action", Styles.head),
                rich("Qui", Styles.head),
                rich("Échéance", Styles.head),
                rich("État", Styles.head),
            ]
        ]
        for a in data.actions:
            rows.append(
                [
                    para(a.what, Styles.cell),
                    para(a.who or "À désigner", Styles.cell if a.who else Styles.cell_muted),
                    para(french_date(a.due) if a.due else "—", Styles.cell),
                    para("Fait" if a.done else "À faire", Styles.cell_muted),
                ]
            )
        widths = [0.0, 4.4 * cm, 3.4 * cm, 1.6 * cm]
        widths[0] = FRAME_WIDTH - sum(widths)
        story.add(table(rows, widths))
    if data.projects:
        story.sub("Chantiers lancés")
        for p in data.projects:
            status = PROJECT_STATUSES.get(p.status, p.status)
            story.add(
                KeepTogether(
                    [
                        rich(
                            f"{markup(p.title)} <font color='#5b6773' size='8'>· {markup(status)}</font>",
                            Styles.h3,
                        ),
                        para(p.description) if p.description.strip() else Spacer(1, 2),
                    ]
                )
            )


def _feedback(story: _Story) -> None:
    data = story.data
    story.section("Retours des participants")
    if not data.feedback:
        story.empty("Aucun retour n'a été recueilli.")
        return
    average = data.average_rating or 0.0
    answers = len(data.feedback)
    present = len(data.present)
    sentence = _plural(answers, "personne a donné son avis", "personnes ont donné leur avis")
    if present >= answers and present:
        sentence += f" sur {french_number(present)} ({french_percent(answers, present)})"
    sentence = markup(sentence + ". Note moyenne :")
    story.add(rich(f"{sentence} <b>{french_number(average, 1)}\u00a0/\u00a05</b>."))
    counts = Counter(f.rating for f in data.feedback)
    story.add(
        bar_chart(
            [(FEEDBACK_LABELS.get(r, str(r)), counts.get(r, 0)) for r in (5, 4, 3, 2, 1)],
            width=FRAME_WIDTH * 0.75,
            label_width=4.2 * cm,
        ),
        Spacer(1, 6),
    )
    for title, attr in (
        ("Ce que les participants retiennent", "keep"),
        ("Ce qui pourrait être amélioré", "improve"),
    ):
        said = [getattr(f, attr) for f in data.feedback if getattr(f, attr).strip()]
        if not said:
            continue
        story.sub(title)
        for text in said:
            said_text = text.strip()
            if not (said_text.startswith(("«", '"', "“")) and said_text.endswith(("»", '"', "”"))):
                said_text = f"« {said_text} »"  # a verbatim already in quotes keeps its own
            story.add(Paragraph(markup(said_text), Styles.quote))


_PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
_CAPTION = ParagraphStyle("photo-caption", parent=Styles.small, alignment=1)  # centred


def _photos(story: _Story) -> None:
    """Her photos (paper boards, the room), in her order, each scaled to the page with its
    caption, two to a page at most."""
    data = story.data
    if not data.photos:
        return
    story.add(PageBreak())
    story.section("Annexe : photos")
    story.add(
        para(
            f"{_plural(len(data.photos), 'photo jointe', 'photos jointes')} par l'équipe "
            "d'animation.",
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
        caption = f"Photo {number}"
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


def _annexe(story: _Story) -> None:
    data = story.data
    if not data.methods:
        return
    story.add(PageBreak())
    story.section("Annexe : les méthodes utilisées")
    story.add(para("Telles que les décrit la bibliothèque de méthodes d'Atelier.", Styles.small))
    for m in data.methods:
        duration = (
            f"{m.duration_min} min"
            if m.duration_min == m.duration_max
            else f"{m.duration_min} à {m.duration_max} min"
        )
        parts: list[Any] = [
            rich(
                f"{markup(m.name)} <font color='#5b6773' size='8'>· {markup(m.brique)} · "
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
            stuff = [w[:1].lower() + w[1:] if w[1:2].islower() else w for w in m.materials]
            parts.append(para("Matériel : " + ", ".join(stuff) + ".", Styles.small))
        story.add(KeepTogether(parts), Spacer(1, 4))  # a method is not cut after its first step


# -- the whole document ------------------------------------------------------------------------


def story_for(data: ReportData, progress: Progress) -> list[Any]:
    story = _Story(data)
    _cover(story)
    _contents(story)
    progress(0.02, "Cadrage et déroulé…")
    _cadrage(story)
    _deroule(story)
    _participation(story)
    _production(story, progress)
    progress(0.16, "Votes et retours…")
    _votes(story)
    _decisions(story)
    _feedback(story)
    _annexe(story)
    _photos(story)
    return story.items


def _prefill_contents(items: list[Any]) -> None:
    """Give the table of contents every heading before the first pass, with page 0: that pass
    then lays the table out at its final size, so the pages after it are already where they
    will be, and the second pass (which knows the page numbers) is the last one. Without this
    a table of contents longer than a page takes a third pass."""
    headings = [(f.level, markup(f.plain), 0, f.key) for f in items if isinstance(f, _Heading)]
    for flowable in items:
        if isinstance(flowable, TableOfContents):
            flowable._entries = list(headings)


def _no_progress(fraction: float, message: str) -> None:
    return None


def build_report(
    data: ReportData, path: str | os.PathLike[str], *, progress: Progress | None = None
) -> int:
    """Write the compte-rendu to `path`; `progress(fraction, message)` is called as it goes
    (from the calling thread). An exception raised by `progress` stops the build and leaves
    nothing under `path`. Returns the number of layout passes (2: a sketch, then the file)."""
    report = progress or _no_progress
    register_fonts()
    report(0.0, "Préparation…")
    items = story_for(data, report)
    _prefill_contents(items)
    with atomic_output(path) as temp:
        doc = _Document(str(temp), data, report, steps=len(items))
        footer = (
            f"{one_line(data.organisation) + ' · ' if data.organisation.strip() else ''}"
            f"Compte-rendu — {one_line(data.title)}"
        )
        passes = int(doc.multiBuild(items, maxPasses=6, canvasmaker=numbered_canvas(footer)))
    report(1.0, "Terminé")
    return passes

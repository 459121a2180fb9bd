"""The bilan d'activité: the figures a lab publishes every year, as an A4 PDF with charts.

`build_bilan(data, path, progress=...)` draws an `ActivityData` (read by
`app.ops.activity.activity_data`): a cover with the key figures and who came, then the
activity, the participants, what was produced, satisfaction, the workshops one by one and how
the figures are counted. An empty period gives a one-page document that says so.

One module (about 650 lines) on purpose: every section reads the same few figures of one
`ActivityData` and speaks of them with the same helpers (`_plural`, `_cap`, `_mean`), and the
scaffolding lives in `app.reports.document`; split further, each piece would be a handful of
short functions importing each other's helpers.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from app.domain.activity import CATEGORIES, FORMAT_ORDER, ActivityData, ActivityProject
from app.domain.french import (
    french_date,
    french_month,
    french_number,
    french_percent,
    french_period,
)
from app.domain.report import CATEGORY_LABELS, CATEGORY_WORDS, PROJECT_STATUSES
from app.reports.document import (
    RATING_LABELS,
    Document,
    Progress,
    Story,
    beside,
    cover_lines,
    cover_title,
    footer_text,
    no_progress,
    plural,
)
from app.reports.layout import (
    ACCENT,
    ACCENT_LIGHT,
    FONT,
    FRAME_WIDTH,
    INK,
    MARGIN,
    MUTED,
    NOTE_COLORS,
    PAGE_WIDTH,
    Styles,
    bar_chart,
    category_rows,
    draw_text,
    fit_width,
    numbered_canvas,
    para,
    register_fonts,
    rich,
    share_bar,
    table,
)
from app.reports.text import markup, one_line, shorten
from app.system.files import atomic_output

CATEGORY_COLORS = {
    "public": ACCENT,
    "prive": NOTE_COLORS["orange"],
    "association": NOTE_COLORS["violet"],
    "usager": NOTE_COLORS["vert"],
}
TOP_ORGANISATIONS = 12
ATTRIBUTION = ParagraphStyle(
    "attribution", parent=Styles.small, leftIndent=Styles.quote.leftIndent, spaceAfter=4
)

METHOD_NOTES = (
    "Une séance compte le jour de sa première activité enregistrée dans Atelier : une séquence "
    "lancée au chronomètre ou un premier émargement. Une séance animée sans Atelier n'est pas "
    "comptée.",
    "Les ateliers de la période sont ceux dont au moins une séance s'y est tenue, archivés "
    "compris.",
    "Les participants sont les personnes qui ont émargé pendant la période, chacune une fois par "
    "atelier : une personne venue à deux ateliers compte deux fois (deux participations). Pour "
    "un atelier sans émargement, ce sont les inscrits.",
    "Les personnes distinctes : deux participations sous le même nom et la même organisation "
    "(sans tenir compte des majuscules, des accents ni des espaces) sont une seule personne, "
    "d'un atelier à l'autre. Deux homonymes d'une même organisation comptent pour une ; une "
    "personne qui a écrit son nom ou son organisation autrement compte pour deux.",
    "Les post-its (hors post-its masqués par la modération), les tours de vote, les retours et "
    "les chantiers comptent à la date où ils ont été écrits, ouverts, donnés ou créés. Les "
    "actions, qui ne sont pas datées, comptent avec leur atelier.",
    "Les projets en incubation sont ceux qui portent aujourd'hui ce statut et qui ont été créés "
    "avant la fin de la période, quel que soit l'atelier dont ils viennent. Les projets incubés "
    "de l'entonnoir sont comptés de même, qu'ils soient encore en incubation ou allés plus loin "
    "(expérimentation, déploiement, terminé).",
    "La satisfaction est la moyenne des notes de 1 à 5 données par les participants en fin de "
    "séance, sur leur téléphone.",
    "Capitalisation : une méthode compte une fois par séquence lancée avec elle pendant la "
    "période ; sa note est la moyenne des retours d'expérience des animateurs donnés pendant la "
    "période. Les répétitions ne comptent pas.",
)


def _plural(count: int, one: str, many: str | None = None) -> str:
    """The bilan's figures: '0 séances' (`plural` with `zero_plural`)."""
    return plural(count, one, many, zero_plural=True)


def _month_label(month: Any, data: ActivityData) -> str:
    """'mars' within one year, 'mars 2026' across two, 'mars 26' past a year."""
    period = data.period
    if period.start.year == period.end.year:
        return french_month(month).rsplit(" ", 1)[0]
    return french_month(month, short=len(period.months()) > 12)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(data: ActivityData) -> str:
    """'Bilan d'activité 2026' for a calendar year; the period says the rest."""
    period = data.period
    if period.is_calendar_year:
        return f"Bilan d'activité {period.start.year}"
    return "Bilan d'activité"


class _Document(Document):
    def __init__(self, filename: str, data: ActivityData, progress: Progress, steps: int) -> None:
        title = _title(data)
        organisation = one_line(data.organisation)
        super().__init__(
            filename,
            progress=progress,
            steps=steps,
            title=f"{title} — {organisation}" if organisation else title,
            author=one_line(data.author) or organisation or "Atelier",
            subject=f"{title}, {french_period(data.period.start, data.period.end)}",
            keywords=["bilan d'activité", "ateliers participatifs", "innovation publique"],
        )
        self.data = data
        self.title_text = title

    def progress_step(self) -> None:
        if self.done % 10 == 0:
            self.progress(0.3 + 0.65 * min(1.0, self.done / self.steps), "Mise en page…")

    def header(self, canvas: Any, y: float) -> None:
        draw_text(canvas, MARGIN, y, self.title_text, FONT, 7.5)
        organisation = shorten(self.data.organisation, 60)
        draw_text(canvas, PAGE_WIDTH - MARGIN, y, organisation, FONT, 7.5, anchor="end")


class _Story(Story[ActivityData]):
    section_room = 9 * cm

    def sub(self, title: str) -> None:
        """A sub-title, not in the bookmarks."""
        self.add(CondPageBreak(3.5 * cm), rich(markup(title), Styles.h2))


# -- the cover -------------------------------------------------------------------------------


def _figures(data: ActivityData) -> Any:
    average = data.average_rating
    cells = [
        (french_number(data.sessions), "séances" if data.sessions != 1 else "séance"),
        (
            french_number(data.participants),
            "participants" if data.participants != 1 else "participant",
        ),
        (
            french_number(len(data.organisations)),
            "organisations" if len(data.organisations) != 1 else "organisation",
        ),
        (
            french_number(average, 1) if average is not None else "—",
            "satisfaction sur 5" if average is not None else "satisfaction : aucun retour",
        ),
        (french_number(data.notes), "post-its" if data.notes != 1 else "post-it"),
        (
            french_number(data.actions),
            "actions décidées" if data.actions != 1 else "action décidée",
        ),
        (
            french_number(len(data.projects)),
            "chantiers lancés" if len(data.projects) != 1 else "chantier lancé",
        ),
        (
            french_number(len(data.incubating)),
            "projets en incubation" if len(data.incubating) != 1 else "projet en incubation",
        ),
    ]
    grid = [
        [[rich(value, Styles.figure), rich(label, Styles.figure_label)] for value, label in row]
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


def _who_came(data: ActivityData) -> Any:
    by_category = data.by_category
    parts = [
        (CATEGORY_LABELS.get(c, c), by_category.get(c, 0), CATEGORY_COLORS.get(c, MUTED))
        for c in [*CATEGORIES, *sorted(set(by_category) - set(CATEGORIES))]
    ]
    return share_bar(parts)


def _public_private(data: ActivityData) -> str:
    """'72 % d'agents publics, 28 % d'acteurs privés, d'associations et d'usagers'."""
    total = data.participants
    public = data.by_category.get("public", 0)
    return (
        f"{french_percent(public, total)} d'agents publics, "
        f"{french_percent(total - public, total)} d'acteurs privés, d'associations et d'usagers"
    )


def _summary(data: ActivityData) -> str:
    workshops = len(data.workshops)
    text = (
        f"Sur la période, {_plural(workshops, 'atelier a', 'ateliers ont')} réuni "
        f"{_plural(data.participants, 'participant')} en "
        f"{_plural(data.sessions, 'séance')}"
    )
    if data.participants:
        text += f" ({_public_private(data)})"
    text += "."
    if data.notes:
        text += f" Ils ont produit {_plural(data.notes, 'post-it')}"
        if data.projects:
            text += f" et lancé {_plural(len(data.projects), 'chantier')}"
        text += "."
    programmes = len(data.programmes)
    if programmes == 1:
        text += " Un programme de 3 mois était en cours."
    elif programmes:
        text += f" {french_number(programmes)} programmes de 3 mois étaient en cours."
    return text


def _cover(story: _Story) -> None:
    data = story.data
    title = _title(data)
    story.add(Spacer(1, 2.6 * cm))
    cover_title(story, "Bilan d'activité", data.organisation, title)
    story.add(Spacer(1, 4))
    lines = [("Période", _cap(french_period(data.period.start, data.period.end)))]
    if not data.is_empty:
        workshops = _plural(len(data.workshops), "atelier")
        programmes = len(data.programmes)
        if programmes:
            workshops += f", dont {_plural(programmes, 'programme')} de 3 mois"
        lines.append(("Ateliers", workshops))
        places = len(data.places)
        lines.append(("Lieux", _plural(places, "lieu", "lieux")))
    story.add(cover_lines(lines), Spacer(1, 1.0 * cm))
    if data.is_empty:
        story.add(
            table(
                [
                    [
                        para(
                            "Aucune séance n'a été animée avec Atelier "
                            f"{french_period(data.period.start, data.period.end)} : ce bilan ne "
                            "contient donc aucun chiffre.",
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
            "Vérifiez les dates choisies. Une séance compte dès qu'une séquence a été lancée au "
            "chronomètre ou qu'un participant a émargé ; les ateliers seulement préparés n'y "
            "figurent pas."
        )
        _method(story, numbered=False)
        return
    story.add(_figures(data), Spacer(1, 0.8 * cm))
    if data.participants:
        story.add(
            rich("Qui est venu", Styles.label), Spacer(1, 4), _who_came(data), Spacer(1, 0.5 * cm)
        )
    story.text(_summary(data))
    story.add(Spacer(1, 0.8 * cm))
    story.add(
        para(f"Document établi le {french_date(data.made_on)} avec Atelier.", Styles.small),
        NextPageTemplate("body"),
        PageBreak(),
    )


# -- the sections ------------------------------------------------------------------------------


def _mean(value: float) -> str:
    """'60', '12,5': one decimal only when there is one."""
    return (
        french_number(round(value)) if round(value, 1) == round(value) else french_number(value, 1)
    )


def _activity(story: _Story) -> None:
    data = story.data
    story.section("L'activité")
    programmes = data.programmes
    workshops = (
        "d'un atelier"
        if len(data.workshops) == 1
        else f"de {_plural(len(data.workshops), 'atelier')}"
    )
    sentence = f"{_plural(data.sessions, 'séance animée', 'séances animées')} au cours {workshops}"
    if programmes:
        sentence += f", dont {_plural(len(programmes), 'programme')} de 3 mois"
    sentence += f", dans {_plural(len(data.places), 'lieu', 'lieux')}."
    story.text(sentence)
    months = data.period.months()
    if 2 <= len(months) <= 24:
        by_month = Counter(day.replace(day=1) for day in data.session_days)
        story.sub("Séances par mois")
        story.add(
            bar_chart(
                [(_month_label(m, data), by_month.get(m, 0)) for m in months],
                width=FRAME_WIDTH * 0.8,
                label_width=3.2 * cm,
            ),
            Spacer(1, 4),
        )

    story.sub("Par format")
    formats: dict[str, list[Any]] = {}
    for w in data.workshops:
        row = formats.setdefault(w.format_name, [FORMAT_ORDER.get(w.format_key, 9), 0, 0, 0, 0])
        row[1] += 1
        row[2] += w.sessions
        row[3] += w.participants
        row[4] += w.notes
    heads = ["Format", "Ateliers", "Séances", "Participants", "Post-its"]
    rows: list[list[Any]] = [
        [rich(h, Styles.head if i == 0 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for name, (_order, *values) in sorted(formats.items(), key=lambda kv: (kv[1][0], kv[0])):
        rows.append(
            [para(name, Styles.cell)] + [para(french_number(v), Styles.cell_right) for v in values]
        )
    totals = [len(data.workshops), data.sessions, data.participants, data.notes]
    rows.append(
        [para("Total", Styles.cell_bold)]
        + [para(french_number(v), Styles.cell_right) for v in totals]
    )
    story.add(table(rows, [FRAME_WIDTH - 4 * 2.6 * cm] + [2.6 * cm] * 4, total_row=True))

    if len(data.places) > 1:
        story.sub("Lieux")
        rows = [[rich("Lieu", Styles.head), rich("Séances", Styles.head_right)]]
        for place, n in data.places:
            rows.append([para(place, Styles.cell), para(french_number(n), Styles.cell_right)])
        story.add(table(rows, [FRAME_WIDTH - 2.6 * cm, 2.6 * cm]))


def _participants(story: _Story) -> None:
    data = story.data
    story.section("Les participants")
    total = data.participants
    if not total:
        story.text("Aucun participant n'a été enregistré sur la période.")
        return
    by_category = data.by_category
    order = [c for c in by_category if by_category[c]]
    shares = ", ".join(
        f"{_plural(by_category[c], *CATEGORY_WORDS.get(c, (c, c)))} "
        f"({french_percent(by_category[c], total)})"
        for c in order
    )
    story.text(
        f"{_plural(total, 'participation', 'participations')} : {shares}. Ce sont "
        f"{_plural(data.people, 'personne distincte', 'personnes distinctes')}, certaines "
        "venues à plusieurs ateliers."
        if data.people < total
        else f"{_plural(total, 'participation', 'participations')} : {shares}."
    )
    rows = category_rows(order, by_category, total)
    chart = bar_chart(
        [(CATEGORY_LABELS.get(c, c), by_category[c]) for c in order],
        width=FRAME_WIDTH - 7.8 * cm,
        label_width=3.4 * cm,
        label_chars=22,
        colors_by_row=[CATEGORY_COLORS.get(c, MUTED) for c in order],
    )
    story.add(
        Spacer(1, 4),
        KeepTogether(beside(table(rows, [3.6 * cm, 2.2 * cm, 1.6 * cm], total_row=True), chart)),
        Spacer(1, 6),
    )
    unchecked = [w for w in data.workshops if not w.checked_in and w.participants]
    if unchecked:
        story.text(
            f"Pour {_plural(len(unchecked), 'atelier')} sans émargement, ce sont les inscrits "
            "qui sont comptés.",
            Styles.small,
        )

    organisations = data.organisations
    if organisations:
        story.sub(f"Organisations représentées ({french_number(len(organisations))})")
        rows = [
            [
                rich("Organisation", Styles.head),
                rich("Catégorie", Styles.head),
                rich("Participants", Styles.head_right),
            ]
        ]
        for name, category, n in organisations[:TOP_ORGANISATIONS]:
            rows.append(
                [
                    para(name, Styles.cell),
                    para(CATEGORY_LABELS.get(category, category), Styles.cell_muted),
                    para(french_number(n), Styles.cell_right),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 7.4 * cm, 4.6 * cm, 2.8 * cm]))
        rest = organisations[TOP_ORGANISATIONS:]
        if rest:
            people = sum(n for _name, _c, n in rest)
            story.add(
                Spacer(1, 3),
                para(
                    f"Et {_plural(len(rest), 'autre organisation', 'autres organisations')} "
                    f"({_plural(people, 'participant')}).",
                    Styles.small,
                ),
            )


def _project_rows(projects: tuple[ActivityProject, ...], status: bool) -> Any:
    heads = ["Projet", "Atelier d'origine"] + (["Statut"] if status else []) + ["Depuis le"]
    rows: list[list[Any]] = [[rich(h, Styles.head) for h in heads]]
    for p in projects:
        row = [para(p.title, Styles.cell_bold), para(p.workshop_title, Styles.cell_muted)]
        if status:
            row.append(para(PROJECT_STATUSES.get(p.status, p.status), Styles.cell))
        row.append(para(french_date(p.created).replace(" ", "\u00a0"), Styles.cell))  # one line
        rows.append(row)
    widths = [0.0, 5.0 * cm] + ([3.8 * cm] if status else []) + [3.7 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    return table(rows, widths)


FUNNEL_COLORS = ("#9cc3c9", "#5f9aa4", "#2f7783", "#1f5f6b")  # lighter to the lab's teal


def funnel_chart(stages: list[tuple[str, int]], *, width: float = FRAME_WIDTH) -> Drawing:
    """The funnel from participation to projects: one centred band per stage, as wide as its
    figure against the largest (never thinner than its number), the number in the band."""
    register_fonts()
    row_h, gap, label_w = 30.0, 6.0, 4.2 * cm
    height = len(stages) * (row_h + gap)
    drawing = Drawing(width, height)
    top = max((n for _, n in stages), default=0) or 1
    space = width - label_w
    middle = label_w + space / 2
    for i, (label, n) in enumerate(stages):
        y = height - (i + 1) * (row_h + gap) + gap / 2
        drawing.add(
            String(label_w - 8, y + row_h / 2 - 3.5, fit_width(label, label_w - 10, size=10),
                   fontName=FONT, fontSize=10, fillColor=INK, textAnchor="end")
        )  # fmt: skip
        band = max(space * n / top, 1.4 * cm)
        color = colors.HexColor(FUNNEL_COLORS[min(i, len(FUNNEL_COLORS) - 1)])
        drawing.add(Rect(middle - band / 2, y, band, row_h, fillColor=color, strokeColor=None))
        drawing.add(
            String(middle, y + row_h / 2 - 6, french_number(n), fontName=FONT + "-Bold",
                   fontSize=16, fillColor=colors.white if i else INK, textAnchor="middle")
        )  # fmt: skip
    return drawing


def _funnel(story: _Story) -> None:
    data = story.data
    story.section("De la participation aux projets")
    incubated = data.incubated
    stages = [
        ("Participations", data.participants),
        ("Idées (post-its)", data.notes),
        ("Chantiers lancés", len(data.projects)),
        ("Projets incubés", len(incubated)),
    ]
    story.text(
        f"{_plural(data.participants, 'participation', 'participations')}, soit "
        f"{_plural(data.people, 'personne distincte', 'personnes distinctes')}¹, ont "
        f"donné {_plural(data.notes, 'idée', 'idées')} sur post-it ; "
        f"{_plural(len(data.projects), 'chantier a', 'chantiers ont')} été "
        f"{'lancé' if len(data.projects) == 1 else 'lancés'} et "
        f"{_plural(len(incubated), 'projet est', 'projets sont')} "
        f"{'incubé' if len(incubated) == 1 else 'incubés'}."
    )
    note = para(
        "\u00b9 Personnes distinctes : même nom et même organisation, d'un atelier à l'autre "
        "(majuscules, accents et espaces mis à part) ; une personne venue à trois ateliers "
        "fait trois participations.",
        Styles.small,
    )
    story.add(Spacer(1, 4), KeepTogether([funnel_chart(stages), Spacer(1, 4), note]))
    if incubated:
        story.sub("Les projets incubés")
        story.add(_project_rows(incubated, status=True))


def _production(story: _Story) -> None:
    data = story.data
    story.section("Idées, chantiers et actions")
    parts = [_plural(data.notes, "post-it")]
    parts.append(_plural(data.vote_rounds, "tour de vote", "tours de vote"))
    parts.append(_plural(data.actions, "action décidée", "actions décidées"))
    parts.append(_plural(len(data.projects), "chantier lancé", "chantiers lancés"))
    sentence = ", ".join(parts[:-1]) + " et " + parts[-1] + "."
    if data.sessions and data.notes:
        sentence += f" En moyenne, {_mean(data.notes / data.sessions)} post-its par séance."
    story.text(sentence)
    with_notes = sorted((w for w in data.workshops if w.notes), key=lambda w: (-w.notes, w.id))
    if len(with_notes) > 1:
        story.sub("Post-its par atelier")
        story.add(
            bar_chart(
                [(w.title, w.notes) for w in with_notes[:10]],
                label_width=6.8 * cm,
                label_chars=44,
            ),
            Spacer(1, 2),
        )
        if len(with_notes) > 10:
            story.text("Les dix ateliers les plus productifs.", Styles.small)

    if data.projects:
        story.sub("Chantiers lancés sur la période")
        statuses = Counter(p.status for p in data.projects)
        if len(statuses) > 1:
            order = [s for s in PROJECT_STATUSES if statuses.get(s)] + sorted(
                s for s in statuses if s not in PROJECT_STATUSES
            )
            story.add(
                bar_chart(
                    [(PROJECT_STATUSES.get(s, s), statuses[s]) for s in order],
                    width=FRAME_WIDTH * 0.7,
                    label_width=4.0 * cm,
                ),
                Spacer(1, 4),
            )
        story.add(_project_rows(data.projects, status=True))

    story.sub("Projets en incubation")
    listed = {(p.title, p.workshop_title) for p in data.projects}
    if data.incubating and all((p.title, p.workshop_title) in listed for p in data.incubating):
        story.text(  # the same rows again would say nothing more
            f"{_plural(len(data.incubating), 'projet est', 'projets sont')} en incubation "
            "aujourd'hui : "
            + (
                "le chantier lancé sur la période, ci-dessus."
                if len(data.incubating) == 1
                else "des chantiers lancés sur la période, ci-dessus."
            )
        )
    elif data.incubating:
        story.text(
            f"{_plural(len(data.incubating), 'projet est', 'projets sont')} en incubation "
            "aujourd'hui."
        )
        story.add(_project_rows(data.incubating, status=False))
    else:
        story.text("Aucun projet n'est en incubation.")

    if data.programmes:
        story.sub("Programmes de 3 mois")
        rows: list[list[Any]] = [
            [
                rich("Programme", Styles.head),
                rich("Séances sur la période", Styles.head_right),
                rich("Dates", Styles.head),
            ]
        ]
        for w in data.programmes:
            rows.append(
                [
                    para(w.title, Styles.cell_bold),
                    para(
                        f"{french_number(w.sessions)} sur {french_number(w.sessions_planned)}",
                        Styles.cell_right,
                    ),
                    para(_cap(french_period(w.first_day, w.last_day)), Styles.cell),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 9.6 * cm, 3.6 * cm, 6.0 * cm]))


def _satisfaction(story: _Story) -> None:
    data = story.data
    story.section("La satisfaction des participants")
    ratings = data.ratings
    if not ratings:
        story.text("Aucun retour de participant n'a été recueilli sur la période.")
        return
    average = data.average_rating or 0.0
    answered = sum(1 for w in data.workshops if w.ratings)
    sentence = markup(
        f"{_plural(len(ratings), 'réponse')} au questionnaire de fin de séance, dans "
        f"{_plural(answered, 'atelier')}"
    )
    if data.participants:
        sentence += markup(
            f" ({french_percent(len(ratings), data.participants)} des participations)"
        )
    story.add(rich(f"{sentence}. Note moyenne : <b>{french_number(average, 1)}\u00a0/\u00a05</b>."))
    counts = data.rating_counts
    satisfied = counts[4] + counts[5]
    story.text(
        f"{french_percent(satisfied, len(ratings))} des répondants sont satisfaits ou très satisfaits."
    )
    story.add(
        bar_chart(
            [(RATING_LABELS[r], counts[r]) for r in (5, 4, 3, 2, 1)],
            width=FRAME_WIDTH * 0.75,
            label_width=4.2 * cm,
        ),
        Spacer(1, 6),
    )
    if data.verbatims:
        story.sub("Ce que les participants en retiennent")
        for v in data.verbatims:
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(f"« {v.text} »"), Styles.quote),
                        para(f"— {v.workshop_title}", ATTRIBUTION),
                    ]
                )
            )


def _capitalisation(story: _Story) -> None:
    """The methods used in the period, how often and how rated, and what to keep of them."""
    data = story.data
    story.section("Capitalisation")
    if not data.methods:
        story.text("Aucune méthode de la bibliothèque n'a été utilisée ni évaluée sur la période.")
        return
    reviewed = sum(m.reviews for m in data.methods)
    methods = _plural(len(data.methods), "méthode utilisée", "méthodes utilisées")
    reviews = _plural(reviewed, "retour d'expérience", "retours d'expérience")
    evaluated = "évaluées" if len(data.methods) > 1 else "évaluée"
    story.text(f"{methods} ou {evaluated} ; {reviews} des animateurs.")
    heads = ["Méthode", "Utilisations", "Retours", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(h, Styles.head if i < 1 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for m in data.methods:
        rows.append(
            [
                para(m.name, Styles.cell_bold),
                para(french_number(m.times_used), Styles.cell_right),
                para(french_number(m.reviews), Styles.cell_right),
                para(french_number(m.mean, 1) if m.mean is not None else "—", Styles.cell_right),
            ]
        )
    widths = [0.0, 2.6 * cm, 2.0 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths))
    if data.method_quotes:
        story.sub("À retenir")
        for q in data.method_quotes:
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(f"« {q.text} »"), Styles.quote),
                        para(f"— {q.method_name}, {q.workshop_title}", ATTRIBUTION),
                    ]
                )
            )


def _workshops(story: _Story) -> None:
    data = story.data
    story.section("Les ateliers de la période")
    # whole words in their columns; the note is the average satisfaction, out of 5
    heads = ["Atelier", "Dates", "Séances", "Présents", "Post-its", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(h, Styles.head if i < 2 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for w in data.workshops:
        details = w.format_name + (f" · {w.place}" if w.place else "")
        average = w.average_rating
        rows.append(
            [
                [para(w.title, Styles.cell_bold), para(details, Styles.small)],
                para(_cap(french_period(w.first_day, w.last_day)), Styles.cell),
                para(french_number(w.sessions), Styles.cell_right),
                para(french_number(w.participants), Styles.cell_right),
                para(french_number(w.notes), Styles.cell_right),
                para(french_number(average, 1) if average is not None else "—", Styles.cell_right),
            ]
        )
    average = data.average_rating
    rows.append(
        [
            para(f"Total : {_plural(len(data.workshops), 'atelier')}", Styles.cell_bold),
            para("", Styles.cell),
            para(french_number(data.sessions), Styles.cell_right),
            para(french_number(data.participants), Styles.cell_right),
            para(french_number(data.notes), Styles.cell_right),
            para(french_number(average, 1) if average is not None else "—", Styles.cell_right),
        ]
    )
    widths = [0.0, 4.0 * cm, 1.75 * cm, 1.9 * cm, 1.7 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths, total_row=True))


def _method(story: _Story, numbered: bool = True) -> None:
    story.section("Comment ces chiffres sont comptés", numbered=numbered)
    for note in METHOD_NOTES:
        story.add(Paragraph(markup(note), Styles.bullet, bulletText="•"))


def story_for(data: ActivityData) -> list[Any]:
    story = _Story(data)
    _cover(story)
    if data.is_empty:
        return story.items
    _activity(story)
    _participants(story)
    _funnel(story)
    _production(story)
    _satisfaction(story)
    _capitalisation(story)
    _workshops(story)
    _method(story)
    return story.items


def build_bilan(
    data: ActivityData, path: str | os.PathLike[str], *, progress: Progress | None = None
) -> None:
    """Write the bilan d'activité to `path` (complete, or not at all)."""
    report = progress or no_progress
    register_fonts()
    report(0.2, "Préparation…")
    items = story_for(data)
    title = _title(data)
    footer = footer_text(data.organisation, title)
    if not data.period.is_calendar_year:
        footer += f" ({french_period(data.period.start, data.period.end)})"
    with atomic_output(path) as temp:
        doc = _Document(str(temp), data, report, steps=len(items))
        doc.build(items, canvasmaker=numbered_canvas(footer))
    report(1.0, "Terminé")

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
from app.domain.report import CATEGORY_WORDS, PROJECT_STATUSES
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
from app.reports.i18n import (
    PDF_LANG,
    Lang,
    date_text,
    month_text,
    number,
    percent,
    period_text,
    t,
)
from app.reports.layout import (
    ACCENT,
    ACCENT_LIGHT,
    FONT,
    FRAME_WIDTH,
    MARGIN,
    MUTED,
    NOTE_COLORS,
    PAGE_WIDTH,
    Styles,
    bar_chart,
    category_label,
    category_rows,
    draw_text,
    funnel_chart,
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


def _plural(count: int, one: str, many: str | None = None, lang: Lang = "fr") -> str:
    """The bilan's figures: '0 séances' (`plural` with `zero_plural`)."""
    return plural(count, one, many, zero_plural=True, lang=lang)


def _month_label(month: Any, data: ActivityData, lang: Lang = "fr") -> str:
    """'mars' within one year, 'mars 2026' across two, 'mars 26' past a year."""
    period = data.period
    if period.start.year == period.end.year:
        return month_text(month, lang).rsplit(" ", 1)[0]
    return month_text(month, lang, short=len(period.months()) > 12)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(data: ActivityData, lang: Lang = "fr") -> str:
    """'Bilan d'activité 2026' for a calendar year; the period says the rest."""
    period = data.period
    if period.is_calendar_year:
        return t("Bilan d'activité {year}", lang).format(year=period.start.year)
    return t("Bilan d'activité", lang)


class _Document(Document):
    def __init__(
        self, filename: str, data: ActivityData, progress: Progress, steps: int, lang: Lang = "fr"
    ) -> None:
        title = _title(data, lang)
        organisation = one_line(data.organisation)
        super().__init__(
            filename,
            progress=progress,
            steps=steps,
            title=f"{title} — {organisation}" if organisation else title,
            author=one_line(data.author) or organisation or "Atelier",
            subject=f"{title}, {period_text(data.period.start, data.period.end, lang)}",
            keywords=[
                t(k, lang)
                for k in ("bilan d'activité", "ateliers participatifs", "innovation publique")
            ],
            lang=PDF_LANG[lang],
        )
        self.data = data
        self.title_text = title
        self.lang = lang

    def progress_step(self) -> None:
        if self.done % 10 == 0:
            self.progress(
                0.3 + 0.65 * min(1.0, self.done / self.steps), t("Mise en page…", self.lang)
            )

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


def _figures(data: ActivityData, lang: Lang = "fr") -> Any:
    average = data.average_rating
    cells = [
        (number(data.sessions, lang), "séances" if data.sessions != 1 else "séance"),
        (
            number(data.participants, lang),
            "participants" if data.participants != 1 else "participant",
        ),
        (
            number(len(data.organisations), lang),
            "organisations" if len(data.organisations) != 1 else "organisation",
        ),
        (
            number(average, lang, 1) if average is not None else "—",
            "satisfaction sur 5" if average is not None else "satisfaction : aucun retour",
        ),
        (number(data.notes, lang), "post-its" if data.notes != 1 else "post-it"),
        (
            number(data.actions, lang),
            "actions décidées" if data.actions != 1 else "action décidée",
        ),
        (
            number(len(data.projects), lang),
            "chantiers lancés" if len(data.projects) != 1 else "chantier lancé",
        ),
        (
            number(len(data.incubating), lang),
            "projets en incubation" if len(data.incubating) != 1 else "projet en incubation",
        ),
    ]
    grid = [
        [
            [rich(value, Styles.figure), rich(t(label, lang), Styles.figure_label)]
            for value, label in row
        ]
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


def _who_came(data: ActivityData, lang: Lang = "fr") -> Any:
    by_category = data.by_category
    parts = [
        (category_label(c, lang), by_category.get(c, 0), CATEGORY_COLORS.get(c, MUTED))
        for c in [*CATEGORIES, *sorted(set(by_category) - set(CATEGORIES))]
    ]
    return share_bar(parts, lang=lang)


def _public_private(data: ActivityData, lang: Lang = "fr") -> str:
    """'72 % d'agents publics, 28 % d'acteurs privés, d'associations et d'usagers'."""
    total = data.participants
    public = data.by_category.get("public", 0)
    return t(
        "{public} d'agents publics, {others} d'acteurs privés, d'associations et d'usagers", lang
    ).format(public=percent(public, total, lang), others=percent(total - public, total, lang))


def _summary(data: ActivityData, lang: Lang = "fr") -> str:
    workshops = len(data.workshops)
    text = t("Sur la période, {workshops} réuni {participants} en {sessions}", lang).format(
        workshops=_plural(workshops, "atelier a", "ateliers ont", lang),
        participants=_plural(data.participants, "participant", lang=lang),
        sessions=_plural(data.sessions, "séance", lang=lang),
    )
    if data.participants:
        text += f" ({_public_private(data, lang)})"
    text += "."
    if data.notes:
        text += t(" Ils ont produit {notes}", lang).format(
            notes=_plural(data.notes, "post-it", lang=lang)
        )
        if data.projects:
            text += t(" et lancé {projects}", lang).format(
                projects=_plural(len(data.projects), "chantier", lang=lang)
            )
        text += "."
    programmes = len(data.programmes)
    if programmes == 1:
        text += t(" Un programme de 3 mois était en cours.", lang)
    elif programmes:
        text += t(" {n} programmes de 3 mois étaient en cours.", lang).format(
            n=number(programmes, lang)
        )
    return text


def _cover(story: _Story) -> None:
    data, lang = story.data, story.lang
    title = _title(data, lang)
    story.add(Spacer(1, 2.6 * cm))
    cover_title(story, t("Bilan d'activité", lang), data.organisation, title)
    story.add(Spacer(1, 4))
    lines = [(t("Période", lang), _cap(period_text(data.period.start, data.period.end, lang)))]
    if not data.is_empty:
        workshops = _plural(len(data.workshops), "atelier", lang=lang)
        programmes = len(data.programmes)
        if programmes:
            workshops += t(", dont {programmes} de 3 mois", lang).format(
                programmes=_plural(programmes, "programme", lang=lang)
            )
        lines.append((t("Ateliers", lang), workshops))
        places = len(data.places)
        lines.append((t("Lieux", lang), _plural(places, "lieu", "lieux", lang)))
    story.add(cover_lines(lines), Spacer(1, 1.0 * cm))
    if data.is_empty:
        story.add(
            table(
                [
                    [
                        para(
                            t(
                                "Aucune séance n'a été animée avec Atelier {period} : ce bilan "
                                "ne contient donc aucun chiffre.",
                                lang,
                            ).format(period=period_text(data.period.start, data.period.end, lang)),
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
            t(
                "Vérifiez les dates choisies. Une séance compte dès qu'une séquence a été lancée "
                "au chronomètre ou qu'un participant a émargé ; les ateliers seulement préparés "
                "n'y figurent pas.",
                lang,
            )
        )
        _method(story, numbered=False)
        return
    story.add(_figures(data, lang), Spacer(1, 0.8 * cm))
    if data.participants:
        story.add(
            rich(t("Qui est venu", lang), Styles.label),
            Spacer(1, 4),
            _who_came(data, lang),
            Spacer(1, 0.5 * cm),
        )
    story.text(_summary(data, lang))
    story.add(Spacer(1, 0.8 * cm))
    story.add(
        para(
            t("Document établi le {day} avec Atelier.", lang).format(
                day=date_text(data.made_on, lang)
            ),
            Styles.small,
        ),
        NextPageTemplate("body"),
        PageBreak(),
    )


# -- the sections ------------------------------------------------------------------------------


def _mean(value: float, lang: Lang = "fr") -> str:
    """'60', '12,5': one decimal only when there is one."""
    return number(round(value), lang) if round(value, 1) == round(value) else number(value, lang, 1)


def _activity(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("L'activité", lang))
    programmes = data.programmes
    workshops = (
        t("d'un atelier", lang)
        if len(data.workshops) == 1
        else t("de {workshops}", lang).format(
            workshops=_plural(len(data.workshops), "atelier", lang=lang)
        )
    )
    sentence = t("{sessions} au cours {workshops}", lang).format(
        sessions=_plural(data.sessions, "séance animée", "séances animées", lang),
        workshops=workshops,
    )
    if programmes:
        sentence += t(", dont {programmes} de 3 mois", lang).format(
            programmes=_plural(len(programmes), "programme", lang=lang)
        )
    sentence += t(", dans {places}.", lang).format(
        places=_plural(len(data.places), "lieu", "lieux", lang)
    )
    story.text(sentence)
    months = data.period.months()
    if 2 <= len(months) <= 24:
        by_month = Counter(day.replace(day=1) for day in data.session_days)
        story.sub(t("Séances par mois", lang))
        story.add(
            bar_chart(
                [(_month_label(m, data, lang), by_month.get(m, 0)) for m in months],
                width=FRAME_WIDTH * 0.8,
                label_width=3.2 * cm,
                value_text=lambda v: number(v, lang),
            ),
            Spacer(1, 4),
        )

    story.sub(t("Par format", lang))
    formats: dict[str, list[Any]] = {}
    for w in data.workshops:
        row = formats.setdefault(w.format_name, [FORMAT_ORDER.get(w.format_key, 9), 0, 0, 0, 0])
        row[1] += 1
        row[2] += w.sessions
        row[3] += w.participants
        row[4] += w.notes
    heads = ["Format", "Ateliers", "Séances", "Participants", "Post-its"]
    rows: list[list[Any]] = [
        [
            rich(t(h, lang), Styles.head if i == 0 else Styles.head_right)
            for i, h in enumerate(heads)
        ]
    ]
    for name, (_order, *values) in sorted(formats.items(), key=lambda kv: (kv[1][0], kv[0])):
        rows.append(
            [para(name, Styles.cell)] + [para(number(v, lang), Styles.cell_right) for v in values]
        )
    totals = [len(data.workshops), data.sessions, data.participants, data.notes]
    rows.append(
        [para(t("Total", lang), Styles.cell_bold)]
        + [para(number(v, lang), Styles.cell_right) for v in totals]
    )
    story.add(table(rows, [FRAME_WIDTH - 4 * 2.6 * cm] + [2.6 * cm] * 4, total_row=True))

    if len(data.places) > 1:
        story.sub(t("Lieux", lang))
        rows = [[rich(t("Lieu", lang), Styles.head), rich(t("Séances", lang), Styles.head_right)]]
        for place, n in data.places:
            rows.append([para(place, Styles.cell), para(number(n, lang), Styles.cell_right)])
        story.add(table(rows, [FRAME_WIDTH - 2.6 * cm, 2.6 * cm]))


def _participants(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("Les participants", lang))
    total = data.participants
    if not total:
        story.text(t("Aucun participant n'a été enregistré sur la période.", lang))
        return
    by_category = data.by_category
    order = [c for c in by_category if by_category[c]]
    shares = ", ".join(
        f"{_plural(by_category[c], *CATEGORY_WORDS.get(c, (c, c)), lang)} "
        f"({percent(by_category[c], total, lang)})"
        for c in order
    )
    participations = _plural(total, "participation", "participations", lang)
    story.text(
        t(
            "{participations} : {shares}. Ce sont {people}, certaines venues à plusieurs ateliers.",
            lang,
        ).format(
            participations=participations,
            shares=shares,
            people=_plural(data.people, "personne distincte", "personnes distinctes", lang),
        )
        if data.people < total
        else t("{participations} : {shares}.", lang).format(
            participations=participations, shares=shares
        )
    )
    rows = category_rows(order, by_category, total, lang)
    chart = bar_chart(
        [(category_label(c, lang), by_category[c]) for c in order],
        width=FRAME_WIDTH - 7.8 * cm,
        label_width=3.4 * cm,
        label_chars=22,
        colors_by_row=[CATEGORY_COLORS.get(c, MUTED) for c in order],
        value_text=lambda v: number(v, lang),
    )
    story.add(
        Spacer(1, 4),
        KeepTogether(beside(table(rows, [3.6 * cm, 2.2 * cm, 1.6 * cm], total_row=True), chart)),
        Spacer(1, 6),
    )
    unchecked = [w for w in data.workshops if not w.checked_in and w.participants]
    if unchecked:
        story.text(
            t(
                "Pour {workshops} sans émargement, ce sont les inscrits qui sont comptés.", lang
            ).format(workshops=_plural(len(unchecked), "atelier", lang=lang)),
            Styles.small,
        )

    organisations = data.organisations
    if organisations:
        story.sub(
            t("Organisations représentées ({n})", lang).format(n=number(len(organisations), lang))
        )
        rows = [
            [
                rich(t("Organisation", lang), Styles.head),
                rich(t("Catégorie", lang), Styles.head),
                rich(t("Participants", lang), Styles.head_right),
            ]
        ]
        for name, category, n in organisations[:TOP_ORGANISATIONS]:
            rows.append(
                [
                    para(name, Styles.cell),
                    para(category_label(category, lang), Styles.cell_muted),
                    para(number(n, lang), Styles.cell_right),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 7.4 * cm, 4.6 * cm, 2.8 * cm]))
        rest = organisations[TOP_ORGANISATIONS:]
        if rest:
            people = sum(n for _name, _c, n in rest)
            story.add(
                Spacer(1, 3),
                para(
                    t("Et {organisations} ({participants}).", lang).format(
                        organisations=_plural(
                            len(rest), "autre organisation", "autres organisations", lang
                        ),
                        participants=_plural(people, "participant", lang=lang),
                    ),
                    Styles.small,
                ),
            )


def _project_rows(projects: tuple[ActivityProject, ...], status: bool, lang: Lang = "fr") -> Any:
    heads = ["Projet", "Atelier d'origine"] + (["Statut"] if status else []) + ["Depuis le"]
    rows: list[list[Any]] = [[rich(t(h, lang), Styles.head) for h in heads]]
    for p in projects:
        row = [para(p.title, Styles.cell_bold), para(p.workshop_title, Styles.cell_muted)]
        if status:
            known = PROJECT_STATUSES.get(p.status)
            row.append(para(t(known, lang) if known else p.status, Styles.cell))
        row.append(para(date_text(p.created, lang).replace(" ", "\u00a0"), Styles.cell))
        rows.append(row)
    widths = [0.0, 5.0 * cm] + ([3.8 * cm] if status else []) + [3.7 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    return table(rows, widths)


def _funnel(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("De la participation aux projets", lang))
    incubated = data.incubated
    stages = [
        (t("Participations", lang), data.participants),
        (t("Idées (post-its)", lang), data.notes),
        (t("Chantiers lancés", lang), len(data.projects)),
        (t("Projets incubés", lang), len(incubated)),
    ]
    story.text(
        t(
            "{participations}, soit {people}¹, ont donné {ideas} sur post-it ; {projects} été "
            "{launched} et {incubated} {incubated_word}.",
            lang,
        ).format(
            participations=_plural(data.participants, "participation", "participations", lang),
            people=_plural(data.people, "personne distincte", "personnes distinctes", lang),
            ideas=_plural(data.notes, "idée", "idées", lang),
            projects=_plural(len(data.projects), "chantier a", "chantiers ont", lang),
            launched=t("lancé" if len(data.projects) == 1 else "lancés", lang),
            incubated=_plural(len(incubated), "projet est", "projets sont", lang),
            incubated_word=t("incubé" if len(incubated) == 1 else "incubés", lang),
        )
    )
    note = para(
        t(
            "\u00b9 Personnes distinctes : même nom et même organisation, d'un atelier à l'autre "
            "(majuscules, accents et espaces mis à part) ; une personne venue à trois ateliers "
            "fait trois participations.",
            lang,
        ),
        Styles.small,
    )
    story.add(Spacer(1, 4), KeepTogether([funnel_chart(stages, lang=lang), Spacer(1, 4), note]))
    if incubated:
        story.sub(t("Les projets incubés", lang))
        story.add(_project_rows(incubated, status=True, lang=lang))


def _production(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("Idées, chantiers et actions", lang))
    parts = [_plural(data.notes, "post-it", lang=lang)]
    parts.append(_plural(data.vote_rounds, "tour de vote", "tours de vote", lang))
    parts.append(_plural(data.actions, "action décidée", "actions décidées", lang))
    parts.append(_plural(len(data.projects), "chantier lancé", "chantiers lancés", lang))
    sentence = ", ".join(parts[:-1]) + t(" et ", lang) + parts[-1] + "."
    if data.sessions and data.notes:
        sentence += t(" En moyenne, {n} post-its par séance.", lang).format(
            n=_mean(data.notes / data.sessions, lang)
        )
    story.text(sentence)
    with_notes = sorted((w for w in data.workshops if w.notes), key=lambda w: (-w.notes, w.id))
    if len(with_notes) > 1:
        story.sub(t("Post-its par atelier", lang))
        story.add(
            bar_chart(
                [(w.title, w.notes) for w in with_notes[:10]],
                label_width=6.8 * cm,
                label_chars=44,
                value_text=lambda v: number(v, lang),
            ),
            Spacer(1, 2),
        )
        if len(with_notes) > 10:
            story.text(t("Les dix ateliers les plus productifs.", lang), Styles.small)

    if data.projects:
        story.sub(t("Chantiers lancés sur la période", lang))
        statuses = Counter(p.status for p in data.projects)
        if len(statuses) > 1:
            order = [s for s in PROJECT_STATUSES if statuses.get(s)] + sorted(
                s for s in statuses if s not in PROJECT_STATUSES
            )
            story.add(
                bar_chart(
                    [
                        (t(PROJECT_STATUSES[s], lang) if s in PROJECT_STATUSES else s, statuses[s])
                        for s in order
                    ],
                    width=FRAME_WIDTH * 0.7,
                    label_width=4.0 * cm,
                ),
                Spacer(1, 4),
            )
        story.add(_project_rows(data.projects, status=True, lang=lang))

    story.sub(t("Projets en incubation", lang))
    listed = {(p.title, p.workshop_title) for p in data.projects}
    incubating = _plural(len(data.incubating), "projet est", "projets sont", lang)
    if data.incubating and all((p.title, p.workshop_title) in listed for p in data.incubating):
        story.text(  # the same rows again would say nothing more
            t("{projects} en incubation aujourd'hui : ", lang).format(projects=incubating)
            + t(
                "le chantier lancé sur la période, ci-dessus."
                if len(data.incubating) == 1
                else "des chantiers lancés sur la période, ci-dessus.",
                lang,
            )
        )
    elif data.incubating:
        story.text(t("{projects} en incubation aujourd'hui.", lang).format(projects=incubating))
        story.add(_project_rows(data.incubating, status=False, lang=lang))
    else:
        story.text(t("Aucun projet n'est en incubation.", lang))

    if data.programmes:
        story.sub(t("Programmes de 3 mois", lang))
        rows: list[list[Any]] = [
            [
                rich(t("Programme", lang), Styles.head),
                rich(t("Séances sur la période", lang), Styles.head_right),
                rich(t("Dates", lang), Styles.head),
            ]
        ]
        for w in data.programmes:
            rows.append(
                [
                    para(w.title, Styles.cell_bold),
                    para(
                        t("{done} sur {planned}", lang).format(
                            done=number(w.sessions, lang), planned=number(w.sessions_planned, lang)
                        ),
                        Styles.cell_right,
                    ),
                    para(_cap(period_text(w.first_day, w.last_day, lang)), Styles.cell),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 9.6 * cm, 3.6 * cm, 6.0 * cm]))


def _satisfaction(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("La satisfaction des participants", lang))
    ratings = data.ratings
    if not ratings:
        story.text(t("Aucun retour de participant n'a été recueilli sur la période.", lang))
        return
    average = data.average_rating or 0.0
    answered = sum(1 for w in data.workshops if w.ratings)
    sentence = markup(
        t("{answers} au questionnaire de fin de séance, dans {workshops}", lang).format(
            answers=_plural(len(ratings), "réponse", lang=lang),
            workshops=_plural(answered, "atelier", lang=lang),
        )
    )
    if data.participants:
        sentence += markup(
            t(" ({share} des participations)", lang).format(
                share=percent(len(ratings), data.participants, lang)
            )
        )
    average_text = markup(t(". Note moyenne :", lang))
    story.add(rich(f"{sentence}{average_text} <b>{number(average, lang, 1)}\u00a0/\u00a05</b>."))
    counts = data.rating_counts
    satisfied = counts[4] + counts[5]
    story.text(
        t("{share} des répondants sont satisfaits ou très satisfaits.", lang).format(
            share=percent(satisfied, len(ratings), lang)
        )
    )
    story.add(
        bar_chart(
            [(t(RATING_LABELS[r], lang), counts[r]) for r in (5, 4, 3, 2, 1)],
            width=FRAME_WIDTH * 0.75,
            label_width=4.2 * cm,
            value_text=lambda v: number(v, lang),
        ),
        Spacer(1, 6),
    )
    if data.verbatims:
        story.sub(t("Ce que les participants en retiennent", lang))
        for v in data.verbatims:
            quoted = f"« {v.text} »" if lang == "fr" else f"“{v.text}”"
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(quoted), Styles.quote),
                        para(f"— {v.workshop_title}", ATTRIBUTION),
                    ]
                )
            )


def _capitalisation(story: _Story) -> None:
    """The methods used in the period, how often and how rated, and what to keep of them."""
    data, lang = story.data, story.lang
    story.section(t("Capitalisation", lang))
    if not data.methods:
        story.text(
            t("Aucune méthode de la bibliothèque n'a été utilisée ni évaluée sur la période.", lang)
        )
        return
    reviewed = sum(m.reviews for m in data.methods)
    methods = _plural(len(data.methods), "méthode utilisée", "méthodes utilisées", lang=lang)
    reviews = _plural(reviewed, "retour d'expérience", "retours d'expérience", lang=lang)
    evaluated = t("évaluées" if len(data.methods) > 1 else "évaluée", lang)
    story.text(
        t("{methods} ou {evaluated} ; {reviews} des animateurs.", lang).format(
            methods=methods, evaluated=evaluated, reviews=reviews
        )
    )
    heads = ["Méthode", "Utilisations", "Retours", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(t(h, lang), Styles.head if i < 1 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for m in data.methods:
        rows.append(
            [
                para(m.name, Styles.cell_bold),
                para(number(m.times_used, lang), Styles.cell_right),
                para(number(m.reviews, lang), Styles.cell_right),
                para(number(m.mean, lang, 1) if m.mean is not None else "—", Styles.cell_right),
            ]
        )
    widths = [0.0, 2.6 * cm, 2.0 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths))
    if data.method_quotes:
        story.sub(t("À retenir", lang))
        quote = "« {text} »" if lang == "fr" else "“{text}”"
        for q in data.method_quotes:
            story.add(
                KeepTogether(
                    [
                        Paragraph(markup(quote.format(text=q.text)), Styles.quote),
                        para(f"— {q.method_name}, {q.workshop_title}", ATTRIBUTION),
                    ]
                )
            )


def _workshops(story: _Story) -> None:
    data, lang = story.data, story.lang
    story.section(t("Les ateliers de la période", lang))
    # whole words in their columns; the note is the average satisfaction, out of 5
    heads = ["Atelier", "Dates", "Séances", "Présents", "Post-its", "Note\u00a0/\u00a05"]
    rows: list[list[Any]] = [
        [rich(t(h, lang), Styles.head if i < 2 else Styles.head_right) for i, h in enumerate(heads)]
    ]
    for w in data.workshops:
        details = w.format_name + (f" · {w.place}" if w.place else "")
        average = w.average_rating
        rows.append(
            [
                [para(w.title, Styles.cell_bold), para(details, Styles.small)],
                para(_cap(period_text(w.first_day, w.last_day, lang)), Styles.cell),
                para(number(w.sessions, lang), Styles.cell_right),
                para(number(w.participants, lang), Styles.cell_right),
                para(number(w.notes, lang), Styles.cell_right),
                para(number(average, lang, 1) if average is not None else "—", Styles.cell_right),
            ]
        )
    average = data.average_rating
    rows.append(
        [
            para(
                t("Total : {workshops}", lang).format(
                    workshops=_plural(len(data.workshops), "atelier", lang=lang)
                ),
                Styles.cell_bold,
            ),
            para("", Styles.cell),
            para(number(data.sessions, lang), Styles.cell_right),
            para(number(data.participants, lang), Styles.cell_right),
            para(number(data.notes, lang), Styles.cell_right),
            para(number(average, lang, 1) if average is not None else "—", Styles.cell_right),
        ]
    )
    widths = [0.0, 4.0 * cm, 1.75 * cm, 1.9 * cm, 1.7 * cm, 1.9 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths, total_row=True))


def _method(story: _Story, numbered: bool = True) -> None:
    story.section(t("Comment ces chiffres sont comptés", story.lang), numbered=numbered)
    for note in METHOD_NOTES:
        story.add(Paragraph(markup(t(note, story.lang)), Styles.bullet, bulletText="•"))


def story_for(data: ActivityData, lang: Lang = "fr") -> list[Any]:
    story = _Story(data, lang)
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
    data: ActivityData,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    lang: Lang = "fr",
) -> None:
    """Write the bilan d'activité to `path` (complete, or not at all), in `lang`."""
    report = progress or no_progress
    register_fonts()
    report(0.2, t("Préparation…", lang))
    items = story_for(data, lang)
    title = _title(data, lang)
    footer = footer_text(data.organisation, title)
    if not data.period.is_calendar_year:
        footer += f" ({period_text(data.period.start, data.period.end, lang)})"
    with atomic_output(path) as temp:
        doc = _Document(str(temp), data, report, steps=len(items), lang=lang)
        doc.build(items, canvasmaker=numbered_canvas(footer))
    report(1.0, t("Terminé", lang))

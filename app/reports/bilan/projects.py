"""The bilan's funnel from participation to projects, and what was produced (ideas, chantiers, actions)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Spacer,
)

from app.domain.activity import ActivityProject
from app.domain.report import PROJECT_STATUSES
from app.reports.bilan.common import (
    BilanStory,
    cap,
    counted,
)
from app.reports.i18n import (
    Lang,
    date_text,
    number,
    period_text,
    t,
)
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    funnel_chart,
    para,
    rich,
    table,
)


def _mean(value: float, lang: Lang = "fr") -> str:
    """'60', '12,5': one decimal only when there is one."""
    return number(round(value), lang) if round(value, 1) == round(value) else number(value, lang, 1)


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


def funnel(story: BilanStory) -> None:
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
            participations=counted(data.participants, "participation", "participations", lang),
            people=counted(data.people, "personne distincte", "personnes distinctes", lang),
            ideas=counted(data.notes, "idée", "idées", lang),
            projects=counted(len(data.projects), "chantier a", "chantiers ont", lang),
            launched=t("lancé" if len(data.projects) == 1 else "lancés", lang),
            incubated=counted(len(incubated), "projet est", "projets sont", lang),
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


def production(story: BilanStory) -> None:
    data, lang = story.data, story.lang
    story.section(t("Idées, chantiers et actions", lang))
    parts = [counted(data.notes, "post-it", lang=lang)]
    parts.append(counted(data.vote_rounds, "tour de vote", "tours de vote", lang))
    parts.append(counted(data.actions, "action décidée", "actions décidées", lang))
    parts.append(counted(len(data.projects), "chantier lancé", "chantiers lancés", lang))
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
    incubating = counted(len(data.incubating), "projet est", "projets sont", lang)
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
                    para(cap(period_text(w.first_day, w.last_day, lang)), Styles.cell),
                ]
            )
        story.add(table(rows, [FRAME_WIDTH - 9.6 * cm, 3.6 * cm, 6.0 * cm]))

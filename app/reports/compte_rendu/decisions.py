"""The compte-rendu's first section, right after the cover: "Décisions et suites". What the
workshop leads to, for the readers who read only this page: the funnel from post-its to
incubated projects, the criteria that chose, the chantiers with their owner and next date,
the action plan, and what becomes of the ideas not retained.

The cover's figures (`cover.py`) count the same things from the same data: they agree.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from app.domain.french import french_date, french_number
from app.domain.report import (
    ACTION_STATUSES,
    PROJECT_STATUSES,
    VOTE_KINDS,
    ReportData,
    ReportProject,
    ReportVoteRound,
    VoteResult,
)
from app.domain.votes import decimals_to_differ
from app.reports.compte_rendu.story import ReportStory
from app.reports.compte_rendu.vote_rounds import criteria_legend
from app.reports.document import count_of, plural
from app.reports.layout import FRAME_WIDTH, Styles, funnel_chart, para, rich, table
from app.reports.text import markup

NOTHING_DECIDED = "Aucune décision ni action n'a été enregistrée."


def funnel_stages(data: ReportData) -> list[tuple[str, int]]:
    """The funnel's stages and figures: post-its → retenus → chantiers → incubés."""
    return [
        ("Post-its", data.note_count),
        ("Idées retenues", data.fates.retenue),
        ("Chantiers lancés", len(data.projects)),
        ("Projets incubés", len(data.incubated)),
    ]


def _day(value: Any) -> str:
    return french_date(value).replace(" ", "\u00a0") if value is not None else "—"


def _opening(data: ReportData) -> str:
    """One sentence with the funnel's figures and the action plan's size."""
    parts = []
    if data.note_count:
        retained = data.fates.retenue
        parts.append(
            f"sur {plural(data.note_count, 'post-it')}, "
            + (
                plural(retained, "idée a été retenue", "idées ont été retenues")
                if retained
                else "aucune idée n'a encore été marquée comme retenue"
            )
        )
    if data.projects:
        incubated = len(data.incubated)
        text = plural(len(data.projects), "chantier a été lancé", "chantiers ont été lancés")
        if incubated:
            text += f", dont {plural(incubated, 'projet incubé', 'projets incubés')}"
        parts.append(text)
    if data.actions:
        parts.append(plural(len(data.actions), "action a été décidée", "actions ont été décidées"))
    sentence = " ; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."


def _criteria(story: ReportStory, rounds: list[ReportVoteRound]) -> None:
    """How the choice was made: each vote in one line, a criteria grid with its criteria."""
    story.sub("Comment les choix ont été faits")
    for vote in rounds:
        scored = [r for r in vote.results if r.scored]
        out = sum(1 for r in scored if r.eliminated)
        kind = VOTE_KINDS.get(vote.kind, vote.kind)
        line = f"{kind} « {vote.title.strip() or 'sans titre'} » : "
        if vote.kind == "criteria":
            line += plural(len(scored), "proposition notée", "propositions notées")
        else:
            line += (
                f"{plural(len(vote.results), 'proposition')} au vote, "
                f"{plural(len(scored), 'a reçu', 'ont reçu')} des voix"
            )
        line += f" ; {count_of(vote.voters, 'votant')}"
        if vote.paper_ballots:
            line += (
                " (dont " + plural(vote.paper_ballots, "bulletin papier", "bulletins papier") + ")"
            )
        if out:
            line += f" ; {plural(out, 'proposition éliminée', 'propositions éliminées')}"
            line += " par un critère éliminatoire"
        story.add(para(line + ".", Styles.body))
        if vote.kind == "criteria" and vote.criteria:
            for criterion in criteria_legend(vote):
                story.add(Paragraph(markup(criterion), Styles.bullet, bulletText="•"))
    if any(v.kind == "criteria" for v in rounds):
        story.add(
            para(
                "Chaque critère est noté de 1 à 5 ; la note d'une proposition est la moyenne "
                "des critères selon leur poids. Une proposition sous le seuil d'un critère "
                "éliminatoire est écartée, quelles que soient ses autres notes.",
                Styles.small,
            )
        )


def _scores(data: ReportData) -> dict[int, tuple[VoteResult, ReportVoteRound]]:
    """Each post-it's line in the last criteria grid that scored it."""
    found: dict[int, tuple[VoteResult, ReportVoteRound]] = {}
    for vote in data.vote_rounds:
        if vote.kind != "criteria":
            continue
        for result in vote.results:
            if result.item_type == "note" and result.scored:
                found[result.item_id] = (result, vote)
    return found


def _score_text(result: VoteResult, places: int) -> str:
    if result.eliminated:
        return "éliminé"
    if result.score is None:
        return "—"
    rank = f"{result.rank}{'er' if result.rank == 1 else 'e'}"
    if result.tied:
        rank += "\u00a0ex\u00a0æquo"
    return f"{french_number(result.score, places)}\u00a0/\u00a05 ({rank})"


def _chantiers(story: ReportStory, projects: list[ReportProject]) -> None:
    data = story.data
    story.sub("Les chantiers retenus")
    incubated = [p for p in projects if p.incubated]
    others = [p for p in projects if not p.incubated]
    scores = _scores(data)
    shown = {
        id(p): scores[p.source_note_id]
        for p in projects
        if p.source_note_id is not None and p.source_note_id in scores
    }
    places = decimals_to_differ(
        r.score for r, _v in shown.values() if r.score is not None and not r.eliminated
    )
    with_score = bool(shown)
    head = ["Chantier", "Porteur", "Statut", "Prochaine date"]
    if with_score:
        head.insert(1, "Note")
    rows: list[list[Any]] = [[rich(h, Styles.head) for h in head]]
    for p in incubated + others:
        title = para(p.title, Styles.cell_bold if p.incubated else Styles.cell)
        row: list[Any] = [title]
        if with_score:
            found = shown.get(id(p))
            row.append(para(_score_text(found[0], places) if found else "—", Styles.cell_muted))
        row.append(para(p.owner, Styles.cell) if p.owner else para("À désigner", Styles.cell_muted))
        row.append(para(PROJECT_STATUSES.get(p.status, p.status), Styles.cell))
        when = _day(p.next_date)
        if p.next_date is not None and p.next_step.strip():
            row.append(
                rich(
                    f"{markup(when)}<br/><font size='7.5' color='#5b6773'>"
                    f"{markup(p.next_step)}</font>",
                    Styles.cell,
                )
            )
        else:
            row.append(para(when, Styles.cell))
        rows.append(row)
    widths = [0.0, 3.4 * cm, 2.4 * cm, 3.6 * cm]
    if with_score:
        widths.insert(1, 2.7 * cm)
    widths[0] = FRAME_WIDTH - sum(widths)
    lead = (
        f"{plural(len(incubated), 'projet incubé', 'projets incubés')} en tête, en gras"
        if incubated
        else "Les chantiers lancés"
    )
    story.add(
        para(
            f"{lead} ; la prochaine date est la prochaine étape du suivi du chantier, "
            "à défaut sa date visée.",
            Styles.small,
        ),
        Spacer(1, 3),
        table(rows, widths),
    )


def _actions(story: ReportStory) -> None:
    data = story.data
    story.sub("Plan d'action")
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
                para(_day(a.due), Styles.cell),
                para(
                    ACTION_STATUSES.get(a.status, "Fait" if a.done else "À faire"),
                    Styles.cell_muted,
                ),
            ]
        )
    widths = [0.0, 4.0 * cm, 3.6 * cm, 1.8 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths))


def _not_retained(story: ReportStory) -> None:
    data = story.data
    fates = data.fates
    rest = data.note_count - fates.retenue
    if rest <= 0:
        return
    story.sub("Les idées non retenues")
    details = []
    if fates.fusionnee:
        details.append(
            plural(fates.fusionnee, "a été fusionnée", "ont été fusionnées")
            + " avec une idée proche"
        )
    if fates.mise_de_cote:
        details.append(
            plural(fates.mise_de_cote, "a été mise de côté", "ont été mises de côté")
            + (
                f" ({plural(fates.reasons, 'avec sa raison', 'avec leur raison')})"
                if fates.reasons
                else ""
            )
        )
    if fates.undecided:
        details.append(
            plural(fates.undecided, "reste sans décision", "restent sans décision") + " à ce jour"
        )
    sentence = plural(rest, "idée n'a pas été retenue", "idées n'ont pas été retenues")
    if details:
        sentence += " : " + ", ".join(details)
    story.text(sentence + ".")
    story.text(
        "Aucune n'est perdue : toutes figurent dans ce compte-rendu, avec leur thème, "
        "dans la partie « Production ». Elles rejoignent la réserve d'idées du laboratoire, "
        "où elles seront reprises pour enrichir les chantiers lancés et nourrir les "
        "prochains ateliers."
    )


def decisions(story: ReportStory) -> None:
    """'Décisions et suites', on the page after the cover, then a page break (when nothing
    was decided, its one sentence shares its page with the table of contents)."""
    data = story.data
    story.section("Décisions et suites")
    if not data.actions and not data.projects:
        story.text(NOTHING_DECIDED)  # one sentence: the table of contents follows below it
        story.add(Spacer(1, 0.8 * cm))
        return
    story.text(_opening(data))
    if data.projects:
        story.add(KeepTogether([Spacer(1, 2), funnel_chart(funnel_stages(data)), Spacer(1, 6)]))
    rounds = [v for v in data.vote_rounds if any(r.scored for r in v.results)]
    if rounds:
        _criteria(story, rounds)
    if data.projects:
        _chantiers(story, list(data.projects))
    if data.actions:
        _actions(story)
    _not_retained(story)
    story.add(PageBreak())

"""The compte-rendu's first section, right after the cover: "Décisions et suites". What the
workshop leads to, for the readers who read only this page: the funnel from post-its to
incubated projects, the criteria that chose, the chantiers with their owner and next date,
the action plan, and what becomes of the ideas not retained. In French or in English
(`story.lang`, `app.reports.i18n`).

The cover's figures (`cover.py`) count the same things from the same data: they agree.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from app.domain.english import english_ordinal
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
from app.reports.i18n import Lang, date_text, number, t
from app.reports.layout import FRAME_WIDTH, Styles, funnel_chart, para, rich, table
from app.reports.text import markup

NOTHING_DECIDED = "Aucune décision ni action n'a été enregistrée."


def funnel_stages(data: ReportData, lang: Lang = "fr") -> list[tuple[str, int]]:
    """The funnel's stages and figures: post-its → retenus → chantiers → incubés."""
    return [
        (t("Post-its", lang), data.note_count),
        (t("Idées retenues", lang), data.fates.retenue),
        (t("Chantiers lancés", lang), len(data.projects)),
        (t("Projets incubés", lang), len(data.incubated)),
    ]


def _day(value: Any, lang: Lang) -> str:
    return date_text(value, lang).replace(" ", "\u00a0") if value is not None else "—"


def _opening(data: ReportData, lang: Lang = "fr") -> str:
    """One sentence with the funnel's figures and the action plan's size."""
    parts = []
    if data.note_count:
        retained = data.fates.retenue
        parts.append(
            t("sur {notes}, {retained}", lang).format(
                notes=plural(data.note_count, "post-it", lang=lang),
                retained=(
                    plural(retained, "idée a été retenue", "idées ont été retenues", lang=lang)
                    if retained
                    else t("aucune idée n'a encore été marquée comme retenue", lang)
                ),
            )
        )
    if data.projects:
        incubated = len(data.incubated)
        text = plural(
            len(data.projects), "chantier a été lancé", "chantiers ont été lancés", lang=lang
        )
        if incubated:
            text += t(", dont {incubated}", lang).format(
                incubated=plural(incubated, "projet incubé", "projets incubés", lang=lang)
            )
        parts.append(text)
    if data.actions:
        parts.append(
            plural(len(data.actions), "action a été décidée", "actions ont été décidées", lang=lang)
        )
    sentence = t(" ; ", lang).join(parts)
    return sentence[:1].upper() + sentence[1:] + "."


def _vote_line(vote: ReportVoteRound, lang: Lang) -> str:
    """'Vote à gommettes « Priorités » : 150 propositions au vote, … ; 1 votant.'"""
    scored = [r for r in vote.results if r.scored]
    out = sum(1 for r in scored if r.eliminated)
    kind = VOTE_KINDS.get(vote.kind)
    line = t("{kind} « {title} » : ", lang).format(
        kind=t(kind, lang) if kind else vote.kind,
        title=vote.title.strip() or t("sans titre", lang),
    )
    if vote.kind == "criteria":
        line += plural(len(scored), "proposition notée", "propositions notées", lang=lang)
    else:
        line += t("{proposals} au vote, {received} des voix", lang).format(
            proposals=plural(len(vote.results), "proposition", lang=lang),
            received=plural(len(scored), "a reçu", "ont reçu", lang=lang),
        )
    line += t(" ; ", lang) + count_of(vote.voters, "votant", lang=lang)
    if vote.paper_ballots:
        line += t(" (dont {ballots})", lang).format(
            ballots=plural(vote.paper_ballots, "bulletin papier", "bulletins papier", lang=lang)
        )
    if out:
        line += t(" ; {out} par un critère éliminatoire", lang).format(
            out=plural(out, "proposition éliminée", "propositions éliminées", lang=lang)
        )
    return line + "."


def _criteria(story: ReportStory, rounds: list[ReportVoteRound]) -> None:
    """How the choice was made: each vote in one line, a criteria grid with its criteria."""
    lang = story.lang
    story.sub(t("Comment les choix ont été faits", lang))
    for vote in rounds:
        story.add(para(_vote_line(vote, lang), Styles.body))
        if vote.kind == "criteria" and vote.criteria:
            for criterion in criteria_legend(vote, lang):
                story.add(Paragraph(markup(criterion), Styles.bullet, bulletText="•"))
    if any(v.kind == "criteria" for v in rounds):
        story.add(
            para(
                t(
                    "Chaque critère est noté de 1 à 5 ; la note d'une proposition est la moyenne "
                    "des critères selon leur poids. Une proposition sous le seuil d'un critère "
                    "éliminatoire est écartée, quelles que soient ses autres notes.",
                    lang,
                ),
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


def _rank(rank: int, tied: bool, lang: Lang) -> str:
    """'1er', '5e ex æquo'; '1st', 'tied 5th'."""
    if lang == "fr":
        text = f"{rank}{'er' if rank == 1 else 'e'}"
        return text + "\u00a0ex\u00a0æquo" if tied else text
    return f"tied\u00a0{english_ordinal(rank)}" if tied else english_ordinal(rank)


def _why_out(result: VoteResult, vote: ReportVoteRound, lang: Lang) -> str:
    """'éliminé : C1 2,0 < 3' — the criteria (numbered as in the list above) that put it out."""
    names = list(vote.criteria)
    reasons = []
    for label, mean, threshold in result.eliminated:
        key = f"C{names.index(label) + 1}" if label in names else label
        reasons.append(f"{key}\u00a0{number(mean, lang, 1)}\u00a0<\u00a0{threshold}")
    return t("éliminé", lang) + (" : " if lang == "fr" else ": ") + ", ".join(reasons)


def _score_text(
    result: VoteResult, places: int, lang: Lang = "fr", vote: ReportVoteRound | None = None
) -> str:
    if result.eliminated:
        return _why_out(result, vote, lang) if vote is not None else t("éliminé", lang)
    if result.score is None:
        return "—"
    rank = _rank(result.rank, result.tied, lang)
    return f"{number(result.score, lang, places)}\u00a0/\u00a05 ({rank})"


def _chantiers(story: ReportStory, projects: list[ReportProject]) -> None:
    data, lang = story.data, story.lang
    story.sub(t("Les chantiers retenus", lang))
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
    rows: list[list[Any]] = [[rich(t(h, lang), Styles.head) for h in head]]
    for p in incubated + others:
        title = para(p.title, Styles.cell_bold if p.incubated else Styles.cell)
        row: list[Any] = [title]
        if with_score:
            found = shown.get(id(p))
            row.append(
                para(
                    _score_text(found[0], places, lang, found[1]) if found else "—",
                    Styles.cell_muted,
                )
            )
        row.append(
            para(p.owner, Styles.cell)
            if p.owner
            else para(t("À désigner", lang), Styles.cell_muted)
        )
        status = PROJECT_STATUSES.get(p.status)
        row.append(para(t(status, lang) if status else p.status, Styles.cell))
        when = _day(p.next_date, lang)
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
        t("{incubated} en tête, en gras", lang).format(
            incubated=plural(len(incubated), "projet incubé", "projets incubés", lang=lang)
        )
        if incubated
        else t("Les chantiers lancés", lang)
    )
    story.add(
        para(
            t(
                "{lead} ; la prochaine date est la prochaine étape du suivi du chantier, "
                "à défaut sa date visée.",
                lang,
            ).format(lead=lead),
            Styles.small,
        ),
        Spacer(1, 3),
        table(rows, widths),
    )


def _actions(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    story.sub(t("Plan d'action", lang))
    rows: list[list[Any]] = [
        [rich(t(h, lang), Styles.head) for h in ("Action", "Qui", "Échéance", "État")]
    ]
    for a in data.actions:
        status = ACTION_STATUSES.get(a.status, "Fait" if a.done else "À faire")
        rows.append(
            [
                para(a.what, Styles.cell),
                para(a.who or t("À désigner", lang), Styles.cell if a.who else Styles.cell_muted),
                para(_day(a.due, lang), Styles.cell),
                para(t(status, lang), Styles.cell_muted),
            ]
        )
    widths = [0.0, 4.0 * cm, 3.6 * cm, 1.8 * cm]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.add(table(rows, widths))


def _not_retained(story: ReportStory) -> None:
    data, lang = story.data, story.lang
    fates = data.fates
    rest = data.note_count - fates.retenue
    if rest <= 0:
        return
    story.sub(t("Les idées non retenues", lang))
    details = []
    if fates.fusionnee:
        details.append(
            t("{merged} avec une idée proche", lang).format(
                merged=plural(fates.fusionnee, "a été fusionnée", "ont été fusionnées", lang=lang)
            )
        )
    if fates.mise_de_cote:
        aside = plural(fates.mise_de_cote, "a été mise de côté", "ont été mises de côté", lang=lang)
        if fates.reasons:
            reasons = plural(fates.reasons, "avec sa raison", "avec leur raison", lang=lang)
            aside += f" ({reasons})"
        details.append(aside)
    if fates.undecided:
        details.append(
            t("{undecided} à ce jour", lang).format(
                undecided=plural(
                    fates.undecided, "reste sans décision", "restent sans décision", lang=lang
                )
            )
        )
    sentence = plural(rest, "idée n'a pas été retenue", "idées n'ont pas été retenues", lang=lang)
    if details:
        sentence = t("{ideas} : {details}", lang).format(ideas=sentence, details=", ".join(details))
    story.text(sentence + ".")
    story.text(
        t(
            "Aucune n'est perdue : toutes figurent dans ce compte-rendu, avec leur thème, "
            "dans la partie « {section} ». Elles rejoignent la réserve d'idées du laboratoire, "
            "où elles seront reprises pour enrichir les chantiers lancés et nourrir les "
            "prochains ateliers.",
            lang,
        ).format(section=t("Production", lang))
    )


def decisions(story: ReportStory) -> None:
    """'Décisions et suites', on the page after the cover, then a page break (when nothing
    was decided, its one sentence shares its page with the table of contents)."""
    data, lang = story.data, story.lang
    story.section(t("Décisions et suites", lang))
    if not data.actions and not data.projects:
        story.text(t(NOTHING_DECIDED, lang))  # one sentence: the table of contents follows
        story.add(Spacer(1, 0.8 * cm))
        return
    story.text(_opening(data, lang))
    if data.projects:
        funnel = funnel_chart(funnel_stages(data, lang))
        story.add(KeepTogether([Spacer(1, 2), funnel, Spacer(1, 6)]))
    rounds = [v for v in data.vote_rounds if any(r.scored for r in v.results)]
    if rounds:
        _criteria(story, rounds)
    if data.projects:
        _chantiers(story, list(data.projects))
    if data.actions:
        _actions(story)
    _not_retained(story)
    story.add(PageBreak())

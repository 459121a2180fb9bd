"""The compte-rendu's section on the votes: each round's settings in words, its chart and its
whole table of results.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Spacer,
)

from app.domain.report import (
    VOTE_KINDS,
    ReportVoteRound,
    VoteResult,
)
from app.domain.votes import GRADES, decimals_to_differ
from app.reports.compte_rendu.story import ReportStory, time_of
from app.reports.document import (
    count_of,
    plural,
)
from app.reports.i18n import Lang, number, t
from app.reports.layout import (
    FRAME_WIDTH,
    Styles,
    bar_chart,
    para,
    profile_chart,
    rich,
    table,
)
from app.reports.text import one_line

CHART_TOP = 10  # bars shown in a vote's chart


def _settings_facts(settings: dict[str, Any], lang: Lang = "fr") -> list[str]:
    """A round's settings in words, from the keys the voting engine stores
    (app/domain/votes.py RoundSettings.to_dict)."""
    facts: list[str] = []
    if isinstance(settings.get("dots"), int):
        facts.append(
            plural(settings["dots"], "gommette par personne", "gommettes par personne", lang=lang)
        )
    if isinstance(settings.get("cap"), int):
        facts.append(
            t("{n} au plus sur une proposition", lang).format(n=number(settings["cap"], lang))
        )
    if isinstance(settings.get("own_allowed"), bool):
        facts.append(
            t(
                "chacun pouvait voter pour ses propres post-its"
                if settings["own_allowed"]
                else "chacun votait pour les post-its des autres",
                lang,
            )
        )
    if isinstance(settings.get("budget"), int):
        facts.append(
            t("{n} points à répartir par personne", lang).format(n=number(settings["budget"], lang))
        )
    criteria = settings.get("criteria")
    if criteria == "labase":
        facts.append(t("grille de critères de LaBase, de même poids", lang))
    elif isinstance(criteria, list) and criteria:
        weights = {_weight(c.get("weight")) if isinstance(c, dict) else 1 for c in criteria}
        kind = t("de même poids" if len(weights) == 1 else "pondérés", lang)
        facts.append(f"{plural(len(criteria), 'critère', lang=lang)} {kind}")
        eliminatory = sum(1 for c in criteria if isinstance(c, dict) and _threshold(c) is not None)
        if eliminatory:
            facts.append(
                plural(eliminatory, "critère éliminatoire", "critères éliminatoires", lang=lang)
            )
    if isinstance(settings.get("anonymous"), bool):
        facts.append(t("vote anonyme" if settings["anonymous"] else "vote nominatif", lang))
    if isinstance(settings.get("live_results"), bool):
        facts.append(
            t(
                "résultats affichés en direct"
                if settings["live_results"]
                else "résultats montrés seulement quand l'animation les a révélés",
                lang,
            )
        )
    if isinstance(settings.get("closes_at"), int | float):
        facts.append(
            t("clôture prévue à {time}", lang).format(
                time=time_of(float(settings["closes_at"]), lang)
            )
        )
    return facts


def _vote_rank(result: VoteResult, previous: VoteResult | None, lang: Lang = "fr") -> str:
    """'1er', '2e' …, and '2e ex æquo' on each of tied results ('1st', 'joint 2nd' in
    English)."""
    if lang != "fr":
        rank = _ordinal(result.rank)
        return f"joint\u00a0{rank}" if result.tied else rank
    rank = f"{result.rank}{'er' if result.rank == 1 else 'e'}"
    return f"{rank} ex\u00a0æquo" if result.tied else rank


def _ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '21st'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _vote(story: ReportStory, vote: ReportVoteRound) -> None:
    lang = story.lang
    story.sub(vote.title.strip() or t("Vote sans titre", lang))
    kind = VOTE_KINDS.get(vote.kind)
    facts = [t(kind, lang) if kind else vote.kind, *_settings_facts(dict(vote.settings), lang)]
    story.add(para(" · ".join(facts), Styles.small))
    when = t("ouvert à {time}", lang).format(time=time_of(vote.opened_at, lang))
    if vote.closed_at is not None:
        when += t(", clos à {time}", lang).format(time=time_of(vote.closed_at, lang))
    else:
        when += t(", encore ouvert à l'édition de ce document", lang)
    voters = count_of(vote.voters, "votant", lang=lang)
    if vote.paper_ballots:
        voters += t(" dont {ballots}", lang).format(
            ballots=plural(vote.paper_ballots, "bulletin papier", "bulletins papier", lang=lang)
        )
    line = t("Tour {when} ; {voters}.", lang).format(when=when, voters=voters)
    if not vote.revealed:
        line += t(" Les résultats n'avaient pas été montrés en séance.", lang)
    story.add(para(line))
    scored = [r for r in vote.results if r.scored]
    if not scored:
        story.text(t("Aucune voix n'a été enregistrée pour ce tour.", lang))
        return
    out = [r for r in scored if r.eliminated]  # listed apart, after the ranking
    scored = [r for r in scored if not r.eliminated]
    majority, criteria_grid = vote.kind == "majority", vote.kind == "criteria"
    places = decimals_to_differ(r.score for r in scored if r.score is not None)
    criteria = list(vote.criteria) if criteria_grid else []
    head = [rich(t("Rang", lang), Styles.head), rich(t("Proposition", lang), Styles.head)]
    head += [rich(f"C{n}", Styles.head_right) for n in range(1, len(criteria) + 1)]
    if majority:
        head.append(rich(t("Mention majoritaire", lang), Styles.head))
    elif criteria_grid:
        head.append(rich(t("Note", lang), Styles.head_right))
    else:
        head.append(rich(t("Points" if vote.kind == "points" else "Voix", lang), Styles.head_right))
    head.append(rich(t("Votants", lang), Styles.head_right))
    rows: list[list[Any]] = [head]
    previous: VoteResult | None = None
    for result in scored:
        row = [
            para(_vote_rank(result, previous, lang), Styles.cell_muted),
            para(result.label, Styles.cell),
        ]
        previous = result
        row += [
            para(_mean(result.by_criterion.get(c), lang=lang), Styles.cell_right) for c in criteria
        ]
        if majority:
            row.append(para(t(result.grade, lang) if result.grade else "", Styles.cell))
        elif criteria_grid:
            row.append(para(_mean(result.score, places, lang), Styles.cell_right))
        else:
            row.append(para(number(result.total, lang), Styles.cell_right))
        row.append(para(number(result.voters, lang), Styles.cell_right))
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
        chart = profile_chart(
            [(r.label, list(r.profile)) for r in top], [t(g, lang) for g in GRADES]
        )
    elif criteria_grid:
        chart = bar_chart(
            [(r.label, r.score or 0.0) for r in top],
            label_chars=52,
            value_text=lambda v: number(v, lang, places) + "\u00a0/\u00a05",
            scale_max=5.0,
        )
    else:
        chart = bar_chart(
            [(r.label, r.total) for r in top], label_chars=52, value_text=lambda v: number(v, lang)
        )
    if top:
        story.add(KeepTogether([chart, Spacer(1, 6)]))
    if len(scored) > CHART_TOP:
        story.add(
            para(
                t(
                    "Le graphique montre les {top} premières propositions ; le tableau "
                    "les donne toutes ({n}).",
                    lang,
                ).format(top=number(CHART_TOP, lang), n=number(len(scored), lang)),
                Styles.small,
            ),
            Spacer(1, 4),
        )
    if criteria:
        story.add(
            para(t(" ; ", lang).join(criteria_legend(vote, lang)) + ".", Styles.small),
            Spacer(1, 4),
        )
    if scored:
        story.add(table(rows, widths, extra=[("FONTNAME", (0, 1), (-1, 1), "DejaVuSans-Bold")]))
    else:
        story.text(t("Toutes les propositions notées ont été éliminées.", lang))
    if out:
        _eliminated(story, out, lang)
    notes = []
    if majority:
        notes.append(
            t(
                "Jugement majoritaire : chaque proposition reçoit la mention que lui donne au "
                "moins la moitié des votants (sa mention majoritaire) ; à mention égale, la "
                "départage se fait sur les mentions suivantes.",
                lang,
            )
        )
    elif criteria_grid:
        notes.append(
            t(
                "Chaque critère est noté de 1 à 5 ; la note est la moyenne des critères, chacun "
                "compté selon son poids.",
                lang,
            )
            + (
                t(
                    " Une proposition dont la moyenne sur un critère éliminatoire est sous son "
                    "seuil est écartée, quelles que soient ses autres notes.",
                    lang,
                )
                if out
                else ""
            )
        )
    silent = len(vote.results) - len(scored)
    if silent:
        notes.append(
            plural(silent, "autre proposition n'a", "autres propositions n'ont", lang=lang)
            + t(" reçu aucune voix.", lang)
        )
    for note in notes:
        story.add(Spacer(1, 3), para(note, Styles.small))


def _eliminated(story: ReportStory, out: list[VoteResult], lang: Lang = "fr") -> None:
    """The propositions an eliminatory criterion put out, apart, each with why."""
    story.add(
        Spacer(1, 4),
        para(
            plural(len(out), "proposition éliminée", "propositions éliminées", lang=lang)
            + t(" par un critère éliminatoire (hors classement) :", lang),
            Styles.small,
        ),
    )
    places = decimals_to_differ([m for r in out for _, m, _ in r.eliminated], least=1, most=2)
    for result in out:
        why = t(" ; ", lang).join(
            t("{label} : {mean}\u00a0/\u00a05, sous le seuil de {threshold}", lang).format(
                label=label, mean=number(mean, lang, places), threshold=number(threshold, lang)
            )
            for label, mean, threshold in result.eliminated
        )
        story.add(para(f"• {result.label} — {why}", Styles.small))


def _threshold(criterion: dict[str, Any]) -> int | None:
    value = criterion.get("threshold")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _weight(value: object) -> int:
    """A criterion's weight as stored (1 when missing or not a number: an imported file)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def criteria_legend(vote: ReportVoteRound, lang: Lang = "fr") -> list[str]:
    """'C1 : Intéresse au moins 2 des 4 partenaires (poids 2)' …: the table's columns."""
    given = vote.settings.get("criteria")
    weights = {}
    if isinstance(given, list):
        for c in given:
            if isinstance(c, dict):
                weights[one_line(c.get("label") or "")] = _weight(c.get("weight"))
    thresholds: dict[str, int] = {}
    if isinstance(given, list):
        for c in given:
            if isinstance(c, dict) and _threshold(c) is not None:
                thresholds[one_line(c.get("label") or "")] = _threshold(c) or 0
    differ = len(set(weights.values())) > 1
    out = []
    for n, name in enumerate(vote.criteria, 1):
        weight = weights.get(one_line(name), 1)
        extra = [t("poids {n}", lang).format(n=number(weight, lang))] if differ else []
        if one_line(name) in thresholds:
            extra.append(
                t("éliminatoire sous {n}", lang).format(n=number(thresholds[one_line(name)], lang))
            )
        label = t("C{n} : {name}", lang).format(n=n, name=name)
        out.append(label + (f" ({', '.join(extra)})" if extra else ""))
    return out


def _mean(value: float | None, places: int = 1, lang: Lang = "fr") -> str:
    return "—" if value is None else number(value, lang, places)


def votes(story: ReportStory) -> None:
    data = story.data
    story.section(t("Votes", story.lang))
    if not data.vote_rounds:
        story.text(t("Aucun vote n'a eu lieu.", story.lang))
        return
    for vote in data.vote_rounds:
        _vote(story, vote)

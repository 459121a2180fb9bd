"""The bilan d'activité's figures: one read transaction over every workshop, archived ones
included, returning `app.domain.activity.ActivityData`.

How things are counted (the PDF says it too, in plain French):

* a séance counts as held on the day of its first recorded activity — a phase started on the
  timer, or a participant checked in to it; séances never run in Atelier do not count;
* the workshops of the period are those with at least one séance held in it;
* their participants are the people who checked in during the period, each once per workshop
  (a workshop where nobody checked in counts the people registered instead);
* post-its (moderated ones excepted), vote rounds, feedback answers and chantiers count when
  they were written, opened, given or created in the period; actions, which carry no date,
  count with their workshop;
* a répétition (a séance practised with simulated phones, `app.ops.rehearsal`) never counts,
  nor its participants, post-its, votes or chantiers;
* the projects in incubation are those whose status is "en incubation" today, created by the
  end of the period, whatever workshop they came from; the funnel's incubated ones are those
  in incubation or beyond (expérimentation, déploiement, terminé), counted the same way;
* capitalisation: a method counts once per phase run with it (started on the timer) in the
  period, and the facilitators' retours d'expérience given in the period (répétitions aside);
* distinct people: participants with the same name and organisation (case, accents and
  spaces aside) are one person across workshops (`person_key`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.activity import (
    FORMAT_ORDER,
    ActivityData,
    ActivityMethod,
    ActivityProject,
    ActivityWorkshop,
    MethodQuote,
    Period,
    Verbatim,
    person_key,
)
from app.domain.report import INCUBATED
from app.ops.base import Context
from app.ops.capitalisation import usage_between
from app.store.models import (
    Action,
    Block,
    CheckIn,
    Feedback,
    Note,
    Participant,
    Phase,
    Programme,
    Project,
    VoteRound,
    Workshop,
)

MAX_VERBATIMS = 6
MAX_METHOD_QUOTES = 2
VERBATIM_CHARS = (25, 260)  # quotable: a sentence, not a word nor an essay


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp).date()


def _held_sessions(session: Session, period: Period) -> dict[int, list[tuple[date, int]]]:
    """workshop id → (day, block id) of each of its séances held in the period."""
    started = session.execute(
        select(Phase.block_id, func.min(Phase.actual_start))
        .where(Phase.actual_start.is_not(None))
        .group_by(Phase.block_id)
    ).all()
    checked = session.execute(
        select(CheckIn.block_id, func.min(CheckIn.at))
        .where(CheckIn.block_id.is_not(None))
        .group_by(CheckIn.block_id)
    ).all()
    first: dict[int, float] = {}
    for block_id, at in [*started, *checked]:
        if block_id is not None and at is not None:
            first[block_id] = min(at, first.get(block_id, at))
    held = {b: at for b, at in first.items() if period.holds(at)}
    by_workshop: dict[int, list[tuple[date, int]]] = defaultdict(list)
    if held:
        for block_id, workshop_id in session.execute(
            select(Block.id, Block.workshop_id)
            .join(Workshop, Block.workshop_id == Workshop.id)
            .where(Block.id.in_(held), Workshop.rehearsal_of.is_(None))  # never a répétition
        ):
            by_workshop[workshop_id].append((_day(held[block_id]), block_id))
    for sessions in by_workshop.values():
        sessions.sort()
    return by_workshop


def _counts(
    session: Session, column: InstrumentedAttribute[int], workshops: Iterable[int], *where: Any
) -> Counter[int]:
    """How many rows per workshop (`column` is the table's workshop id)."""
    rows = session.execute(
        select(column, func.count()).where(column.in_(list(workshops)), *where).group_by(column)
    )
    return Counter({workshop_id: n for workshop_id, n in rows})


def _people(
    session: Session, period: Period, workshop_ids: list[int]
) -> tuple[dict[int, list[tuple[str, str]]], set[int], int]:
    """workshop id → (category, organisation) of each participant counted; the workshops
    where somebody ever checked in; and how many distinct people (`person_key`) they are."""
    checked_ever = set(
        session.scalars(
            select(Participant.workshop_id)
            .join(CheckIn, CheckIn.participant_id == Participant.id)
            .where(Participant.workshop_id.in_(workshop_ids))
            .distinct()
        )
    )
    present = set(
        session.scalars(
            select(CheckIn.participant_id)
            .join(Participant, CheckIn.participant_id == Participant.id)
            .where(
                Participant.workshop_id.in_(workshop_ids),
                CheckIn.at >= period.first_second,
                CheckIn.at < period.after_last_second,
            )
            .distinct()
        )
    )
    people: dict[int, list[tuple[str, str]]] = defaultdict(list)
    persons: set[str] = set()
    for pid, workshop_id, name, category, organisation in session.execute(
        select(
            Participant.id,
            Participant.workshop_id,
            Participant.name,
            Participant.category,
            Participant.organisation,
        ).where(Participant.workshop_id.in_(workshop_ids))
    ):
        if pid in present or workshop_id not in checked_ever:
            people[workshop_id].append((category, " ".join(organisation.split())))
            # a nameless participant is somebody of their own
            persons.add(person_key(name, organisation) if name.strip() else f"#{pid}")
    return people, checked_ever, len(persons)


def _organisations(people: Iterable[tuple[str, str]]) -> tuple[tuple[str, str, int], ...]:
    """Organisations by participants (the same name whatever its case), with the category
    most of their people gave."""
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    categories: dict[str, Counter[str]] = defaultdict(Counter)
    for category, organisation in people:
        if not organisation:
            continue
        key = organisation.casefold()
        counts[key] += 1
        names[key][organisation] += 1
        categories[key][category] += 1
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    return tuple(
        (names[k].most_common(1)[0][0], categories[k].most_common(1)[0][0], counts[k])
        for k in ordered
    )


def _verbatims(answers: list[tuple[int, str, str, float]]) -> tuple[Verbatim, ...]:
    """A few quotable 'Ce que je retiens', the best rated first, one workshop after another."""
    low, high = VERBATIM_CHARS
    queues: dict[str, list[Verbatim]] = defaultdict(list)
    seen: set[str] = set()
    for rating, keep, title, _at in sorted(answers, key=lambda a: (-a[0], a[3])):
        text = " ".join(keep.split())
        if low <= len(text) <= high and text.casefold() not in seen:
            seen.add(text.casefold())
            queues[title].append(Verbatim(text, rating, title))
    chosen: list[Verbatim] = []
    while len(chosen) < MAX_VERBATIMS and any(queues.values()):
        for title in list(queues):
            if queues[title] and len(chosen) < MAX_VERBATIMS:
                chosen.append(queues[title].pop(0))
    return tuple(chosen)


def _format_name_en(ctx: Context, key: str) -> str:
    fmt = ctx.library.format(key)
    return fmt.name_en if fmt else ""


def _methods(
    ctx: Context, session: Session, period: Period
) -> tuple[tuple[ActivityMethod, ...], tuple[MethodQuote, ...]]:
    """Capitalisation: the methods used or reviewed in the period, most used first, and the
    latest « à retenir » (what worked) of the facilitators' reviews."""
    used = usage_between(session, period.first_second, period.after_last_second)

    def name(key: str) -> str:
        method = ctx.library.method(key)
        return method.name if method else key

    def name_en(key: str) -> str:
        method = ctx.library.method(key)
        return method.name_en if method else ""

    methods = tuple(
        ActivityMethod(key, name(key), u.times_used, u.reviews, u.mean, name_en(key))
        for key, u in sorted(used.items(), key=lambda kv: (-kv[1].times_used, name(kv[0])))
    )
    noted = sorted(
        (r for u in used.values() for r in u.latest if r.worked),
        key=lambda r: (r.at, r.id),
        reverse=True,
    )
    quotes = tuple(
        MethodQuote(
            " ".join(r.worked.split()),
            name(r.method_key),
            r.workshop_title,
            name_en(r.method_key),
        )
        for r in noted[:MAX_METHOD_QUOTES]
    )
    return methods, quotes


def activity_data(
    ctx: Context, period: Period, *, organisation: str = "", author: str = ""
) -> ActivityData:
    """The key figures of every workshop held during `period`."""

    def work(session: Session) -> ActivityData:
        held = _held_sessions(session, period)
        ids = sorted(held)
        workshops = {w.id: w for w in session.scalars(select(Workshop).where(Workshop.id.in_(ids)))}
        in_period = (period.first_second, period.after_last_second)
        notes = _counts(
            session,
            Note.workshop_id,
            ids,
            Note.hidden.is_(False),
            Note.created_at >= in_period[0],
            Note.created_at < in_period[1],
        )
        rounds = _counts(
            session,
            VoteRound.workshop_id,
            ids,
            VoteRound.opened_at >= in_period[0],
            VoteRound.opened_at < in_period[1],
        )
        actions = _counts(session, Action.workshop_id, ids)
        planned = _counts(session, Block.workshop_id, ids)
        programmes = set(
            session.scalars(select(Programme.workshop_id).where(Programme.workshop_id.in_(ids)))
        )
        people, checked_ever, persons = _people(session, period, ids)
        ratings: dict[int, list[int]] = defaultdict(list)
        answers: list[tuple[int, str, str, float]] = []
        for workshop_id, rating, keep, at in session.execute(
            select(Feedback.workshop_id, Feedback.rating, Feedback.keep, Feedback.at)
            .where(
                Feedback.workshop_id.in_(ids),
                Feedback.at >= in_period[0],
                Feedback.at < in_period[1],
            )
            .order_by(Feedback.at, Feedback.id)
        ):
            ratings[workshop_id].append(rating)
            answers.append((rating, keep, workshops[workshop_id].title, at))

        created = session.scalars(
            select(Project)
            .where(
                Project.workshop_id.in_(ids),
                Project.created_at >= in_period[0],
                Project.created_at < in_period[1],
            )
            .order_by(Project.created_at, Project.id)
        ).all()
        projects = tuple(
            ActivityProject(p.title, workshops[p.workshop_id].title, p.status, _day(p.created_at))
            for p in created
        )
        projects_by_workshop = Counter(p.workshop_id for p in created)
        incubating = tuple(
            ActivityProject(title, workshop_title, status, _day(created))
            for title, workshop_title, status, created in session.execute(
                select(Project.title, Workshop.title, Project.status, Project.created_at)
                .join(Workshop, Project.workshop_id == Workshop.id)
                .where(
                    Project.status == "en_incubation",
                    Project.created_at < in_period[1],
                    Workshop.rehearsal_of.is_(None),
                )
                .order_by(Project.created_at, Project.id)
            )
        )

        incubated = tuple(
            ActivityProject(title, workshop_title, status, _day(created))
            for title, workshop_title, status, created in session.execute(
                select(Project.title, Workshop.title, Project.status, Project.created_at)
                .join(Workshop, Project.workshop_id == Workshop.id)
                .where(
                    Project.status.in_(INCUBATED),
                    Project.created_at < in_period[1],
                    Workshop.rehearsal_of.is_(None),
                )
                .order_by(Project.created_at, Project.id)
            )
        )
        rows = []
        for workshop_id in ids:
            w = workshops[workshop_id]
            days = [day for day, _block in held[workshop_id]]
            counted = people.get(workshop_id, [])
            rows.append(
                ActivityWorkshop(
                    id=w.id,
                    title=w.title,
                    format_key=w.format_key,
                    format_name=ctx.library.format_name(w.format_key),
                    format_name_en=_format_name_en(ctx, w.format_key),
                    place=" ".join(w.place.split()),
                    first_day=days[0],
                    last_day=days[-1],
                    sessions=len(days),
                    sessions_planned=planned.get(workshop_id, 0),
                    participants=len(counted),
                    by_category=dict(Counter(category for category, _org in counted)),
                    notes=notes.get(workshop_id, 0),
                    vote_rounds=rounds.get(workshop_id, 0),
                    actions=actions.get(workshop_id, 0),
                    projects=projects_by_workshop.get(workshop_id, 0),
                    ratings=tuple(ratings.get(workshop_id, ())),
                    is_programme=workshop_id in programmes or w.format_key == "3m",
                    checked_in=workshop_id in checked_ever,
                )
            )
        rows.sort(key=lambda r: (r.first_day, FORMAT_ORDER.get(r.format_key, 9), r.id))
        places: Counter[str] = Counter()
        names: dict[str, str] = {}
        for row in rows:
            place = row.place or "Lieu non renseigné"
            names.setdefault(place.casefold(), place)
            places[place.casefold()] += row.sessions
        methods, method_quotes = _methods(ctx, session, period)
        return ActivityData(
            period=period,
            workshops=tuple(rows),
            session_days=tuple(sorted(day for s in held.values() for day, _b in s)),
            places=tuple(
                (names[k], n) for k, n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            organisations=_organisations(p for group in people.values() for p in group),
            projects=projects,
            incubating=incubating,
            verbatims=_verbatims(answers),
            incubated=incubated,
            people=persons,
            methods=methods,
            method_quotes=method_quotes,
            organisation=organisation,
            author=author,
            made_on=_day(ctx.clock()),
        )

    return ctx.db.read(work)

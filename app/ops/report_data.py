"""Reads for the documents: everything a compte-rendu or an émargement sheet shows, in one
read transaction, as the plain dataclasses of `app.domain.report`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.model import Cadrage
from app.domain.report import (
    AttendanceRow,
    AttendanceSheet,
    ReportAction,
    ReportBlock,
    ReportCluster,
    ReportData,
    ReportFates,
    ReportFeedback,
    ReportMethod,
    ReportNote,
    ReportParticipant,
    ReportPhase,
    ReportPhoto,
    ReportProject,
    ReportVoteRound,
    VoteResult,
    shown_name,
)
from app.library import Method
from app.ops.base import Context
from app.ops.mutations import get_workshop
from app.store.models import (
    Action,
    Block,
    CheckIn,
    Cluster,
    Feedback,
    Note,
    NoteFate,
    Participant,
    Photo,
    Project,
    ProjectEntry,
    Vote,
    VoteRound,
)


def _first_checkins(session: Session, workshop_id: int) -> dict[int, float]:
    first: dict[int, float] = {}
    rows = session.execute(
        select(CheckIn.participant_id, CheckIn.at)
        .join(Participant, CheckIn.participant_id == Participant.id)
        .where(Participant.workshop_id == workshop_id)
        .order_by(CheckIn.at)
    )
    for participant_id, at in rows:
        first.setdefault(participant_id, at)
    return first


def _sort_key(name: str) -> str:
    return name.casefold()


def report_data(
    ctx: Context,
    workshop_id: int,
    *,
    facilitators: tuple[str, ...] = (),
    organisation: str = "",
    logo_png: bytes | None = None,
    board_png: bytes | None = None,
) -> ReportData:
    """What the compte-rendu of one workshop shows (NotFound if it does not exist)."""

    def work(session: Session) -> ReportData:
        w = get_workshop(session, workshop_id)
        blocks = session.scalars(
            select(Block)
            .where(Block.workshop_id == w.id)
            .order_by(Block.number)
            .options(selectinload(Block.phases))
        ).all()
        methods_by_key = ctx.library.methods
        report_blocks = tuple(
            ReportBlock(
                number=b.number,
                title=b.title,
                day=b.day,
                phases=tuple(
                    ReportPhase(
                        title=p.title,
                        kind=p.kind,
                        method_key=p.method_key,
                        method_name=_method_name(methods_by_key, p.method_key),
                        method_name_en=_method_name(methods_by_key, p.method_key, english=True),
                        planned_minutes=p.planned_minutes,
                        actual_start=p.actual_start,
                        actual_end=p.actual_end,
                    )
                    for p in sorted(b.phases, key=lambda p: p.position)
                ),
            )
            for b in blocks
        )
        used_keys: list[str] = []
        for block in report_blocks:
            for phase in block.phases:
                if phase.method_key and phase.method_key not in used_keys:
                    used_keys.append(phase.method_key)
        methods = []
        for key in used_keys:
            m = ctx.library.method(key)
            if m is not None:
                methods.append(
                    ReportMethod(
                        key=m.key,
                        name=m.name,
                        brique=m.brique_label,
                        summary=m.summary,
                        duration_min=m.duration_min,
                        duration_max=m.duration_max,
                        steps=tuple(m.steps),
                        materials=tuple(m.materials),
                        name_en=m.name_en,
                        summary_en=m.summary_en,
                        steps_en=tuple(m.steps_en),
                        materials_en=tuple(m.materials_en),
                    )
                )

        first = _first_checkins(session, w.id)
        people = session.scalars(select(Participant).where(Participant.workshop_id == w.id)).all()
        participants = sorted(
            (
                ReportParticipant(
                    shown_name=shown_name(p.name, p.consent_named),
                    named=p.consent_named,
                    organisation=p.organisation,
                    category=p.category,
                    checked_in_at=first.get(p.id),
                )
                for p in people
            ),
            key=lambda p: (_sort_key(p.organisation), not p.named, _sort_key(p.shown_name)),
        )

        notes = session.scalars(
            select(Note).where(Note.workshop_id == w.id).order_by(Note.y, Note.x, Note.id)
        ).all()
        clusters = session.scalars(
            select(Cluster)
            .where(Cluster.workshop_id == w.id)
            .order_by(Cluster.y, Cluster.x, Cluster.id)
        ).all()
        by_cluster: dict[int | None, list[ReportNote]] = defaultdict(list)
        hidden = 0
        for n in notes:
            if n.hidden:
                hidden += 1
                continue
            by_cluster[n.cluster_id].append(ReportNote(n.id, n.text, n.created_at))
        report_clusters = [
            ReportCluster(c.id, c.title, c.color, tuple(by_cluster.get(c.id, ()))) for c in clusters
        ]
        report_clusters = [c for c in report_clusters if c.notes]
        loose = by_cluster.get(None, [])
        known = {c.id for c in clusters}
        # a post-it whose cluster vanished under it counts as loose
        for cid, group in by_cluster.items():
            if cid is not None and cid not in known:
                loose.extend(group)
        if loose:
            report_clusters.append(ReportCluster(None, "", "jaune", tuple(loose)))

        rounds = []
        for r in session.scalars(
            select(VoteRound).where(VoteRound.workshop_id == w.id).order_by(VoteRound.opened_at)
        ):
            votes = session.scalars(select(Vote).where(Vote.round_id == r.id)).all()
            rounds.append(_vote_round(session, r, votes))

        actions = tuple(
            ReportAction(a.what, a.who, a.due, a.status == "fait", a.status)
            for a in session.scalars(
                select(Action)
                .where(Action.workshop_id == w.id)
                .order_by(Action.position, Action.id)
            )
        )
        projects = _projects(session, w.id, datetime.fromtimestamp(ctx.clock()).date())
        fates = _fates(session, w.id)
        feedback = tuple(
            ReportFeedback(f.rating, f.keep, f.improve)
            for f in session.scalars(
                select(Feedback)
                .where(Feedback.workshop_id == w.id)
                .order_by(Feedback.at, Feedback.id)
            )
        )
        days = [b.day for b in blocks if b.day is not None]
        start = min(days) if days else w.start_date
        end = max(days) if days else w.start_date
        if start is None:  # no date typed: the day the séance really ran, if it ran
            ran = [p.actual_start for b in report_blocks for p in b.phases if p.actual_start]
            if ran:
                start = end = datetime.fromtimestamp(min(ran)).date()
        return ReportData(
            rehearsal=w.rehearsal_of is not None,
            workshop_id=w.id,
            title=w.title,
            format_name=ctx.library.format_name(w.format_key),
            format_name_en=_format_name_en(ctx, w.format_key),
            status=w.status,
            place=w.place,
            start_date=start,
            end_date=end,
            cadrage=Cadrage.from_dict(w.cadrage),
            blocks=report_blocks,
            participants=tuple(participants),
            registered=len(people),
            clusters=tuple(report_clusters),
            hidden_notes=hidden,
            vote_rounds=tuple(rounds),
            actions=actions,
            projects=projects,
            fates=fates,
            feedback=feedback,
            methods=tuple(methods),
            facilitators=tuple(f for f in facilitators if f.strip()),
            organisation=organisation,
            logo_png=logo_png,
            board_png=board_png,
            photos=tuple(
                ReportPhoto(p.caption, p.filename, p.width, p.height, p.data)
                for p in session.scalars(
                    select(Photo)
                    .where(Photo.workshop_id == w.id, Photo.removed.is_(False))
                    .order_by(Photo.position, Photo.id)
                )
            ),
        )

    data = ctx.db.read(work)
    # the board as data: drawn when there is no picture (headless), and, with a picture, what
    # tells whether that picture can be read at page size
    from app.ops.board import fullest_board

    data = replace(data, board=fullest_board(ctx, workshop_id))
    return data


def _projects(session: Session, workshop_id: int, today: date) -> tuple[ReportProject, ...]:
    """The workshop's chantiers, each with its next date: the first line of its timeline from
    `today` on, else its target date."""
    rows = session.scalars(
        select(Project).where(Project.workshop_id == workshop_id).order_by(Project.id)
    ).all()
    upcoming: dict[int, tuple[date, str]] = {}
    for project_id, day, text in session.execute(
        select(ProjectEntry.project_id, ProjectEntry.day, ProjectEntry.text)
        .where(ProjectEntry.project_id.in_([p.id for p in rows]), ProjectEntry.day >= today)
        .order_by(ProjectEntry.day, ProjectEntry.id)
    ):
        upcoming.setdefault(project_id, (day, text))
    out = []
    for p in rows:
        next_date, next_step = upcoming.get(p.id, (p.target_date, ""))
        out.append(
            ReportProject(
                p.title, p.description, p.status, owner=p.owner, start_date=p.start_date,
                target_date=p.target_date, progress=p.progress, next_date=next_date,
                next_step=next_step, source_note_id=p.source_note_id,
            )
        )  # fmt: skip
    return tuple(out)


def _fates(session: Session, workshop_id: int) -> ReportFates:
    """What became of the visible post-its (those the report lists)."""
    rows = session.execute(
        select(Note.id, NoteFate.fate, NoteFate.reason)
        .outerjoin(NoteFate, NoteFate.note_id == Note.id)
        .where(Note.workshop_id == workshop_id, Note.hidden.is_(False))
    ).all()
    counts = {"retenue": 0, "fusionnee": 0, "mise_de_cote": 0}
    undecided = reasons = 0
    for _note_id, fate, reason in rows:
        if fate in counts:
            counts[fate] += 1
        else:
            undecided += 1
        if fate == "mise_de_cote" and (reason or "").strip():
            reasons += 1
    return ReportFates(**counts, undecided=undecided, reasons=reasons)


def _vote_round(session: Session, r: VoteRound, votes: Sequence[Vote]) -> ReportVoteRound:
    """A round as the report shows it: ranked by the voting engine (majority judgment by its
    majority grades, the criteria grid by its weighted means), with each line's figures."""
    from app.domain.votes import GRADES
    from app.ops.votes import report_ranking

    settings, ranking = report_ranking(session, r)
    voters: dict[tuple[str, int], set[str]] = defaultdict(set)
    for v in votes:
        if v.value or r.kind == "majority":  # "À rejeter" (0) is a grade given
            voters[(v.item_type, v.item_id)].add(v.voter)
    labels = {
        nid: "Post-it masqué par l'animation" if hidden else text
        for nid, text, hidden in session.execute(
            select(Note.id, Note.text, Note.hidden).where(
                Note.id.in_([i for t, i in (line.item for line in ranking) if t == "note"])
            )
        )
    }  # a moderated post-it's text stays out of the report, its votes in
    titles = dict(
        session.execute(
            select(Cluster.id, Cluster.title).where(
                Cluster.id.in_([i for t, i in (line.item for line in ranking) if t == "cluster"])
            )
        ).all()
    )
    names: dict[str, str] = {}  # criterion key → its column's name (unique, as columns are)
    for c in settings.criteria:
        name, n = c.label, 1
        while name in names.values():
            n += 1
            name = f"{c.label} ({n})"
        names[c.key] = name
    results = []
    for line in ranking:
        kind, ident = line.item
        label = (
            (titles.get(ident) or "Regroupement sans titre")
            if kind == "cluster"
            else labels.get(ident, "Post-it supprimé")
        )
        detail = line.detail
        result = VoteResult(label, kind, ident, line.rank, line.tied, len(voters[line.item]))
        if r.kind == "majority":
            grade = detail.get("grade")
            result = replace(
                result,
                grade=GRADES[grade] if isinstance(grade, int) else "",
                profile=tuple(detail.get("profile", ())),
            )
        elif r.kind == "criteria":
            means = detail.get("means", {})
            result = replace(
                result,
                score=line.score if means else None,
                by_criterion={names.get(k, k): float(m) for k, m in means.items()},
                eliminated=tuple(
                    (names.get(e["key"], e["label"]), float(e["mean"]), int(e["threshold"]))
                    for e in detail.get("eliminated", ())
                ),
            )
        else:
            result = replace(result, total=int(detail.get("total", line.score)))
        results.append(result)
    return ReportVoteRound(
        title=r.title,
        kind=r.kind,
        settings=dict(r.settings or {}),
        status=r.status,
        revealed=r.revealed,
        opened_at=r.opened_at,
        closed_at=r.closed_at,
        voters=len({v.voter for v in votes}),
        paper_ballots=len({v.voter for v in votes if v.paper}),
        results=tuple(results),
        criteria=tuple(names[c.key] for c in settings.criteria),
    )


def _method_name(methods: dict[str, Method], key: str | None, *, english: bool = False) -> str:
    method = methods.get(key or "")
    if method is None:
        return ""
    return method.name_en if english else method.name


def _format_name_en(ctx: Context, key: str) -> str:
    fmt = ctx.library.formats.get(key)
    return fmt.name_en if fmt else ""


def attendance_sheet(ctx: Context, workshop_id: int, *, organisation: str = "") -> AttendanceSheet:
    """The émargement sheet's rows: everyone who checked in, by check-in time."""

    def work(session: Session) -> AttendanceSheet:
        w = get_workshop(session, workshop_id)
        first = _first_checkins(session, w.id)
        people = session.scalars(select(Participant).where(Participant.workshop_id == w.id)).all()
        rows = sorted(
            (
                AttendanceRow(p.name, p.organisation, p.category, first[p.id])
                for p in people
                if p.id in first
            ),
            key=lambda row: (row.checked_in_at or 0.0, _sort_key(row.name)),
        )
        day: date | None = w.start_date
        return AttendanceSheet(
            workshop_id=w.id,
            title=w.title,
            format_name=ctx.library.format_name(w.format_key),
            format_name_en=_format_name_en(ctx, w.format_key),
            place=w.place,
            day=day,
            organisation=organisation,
            rows=tuple(rows),
        )

    return ctx.db.read(work)

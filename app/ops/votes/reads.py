"""Reading the vote rounds: rounds, results, turnout, live counts, recount, the phone's view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.votes import (
    KINDS,
    Ballot,
    Counts,
    Item,
    Ranked,
    RoundSettings,
    VoteError,
    item_key,
    rank,
    remaining,
)
from app.ops.base import Context, connection
from app.ops.votes.common import (
    _is_open,
    _live_items,
    _round,
    _round_items,
    _settings,
    _wire,
    voter_of,
)
from app.ops.votes.statements import _BALLOT_ROW, _COUNTS, _PREVIOUS
from app.ops.votes.views import (
    PaperBallot,
    PhoneView,
    ResultLine,
    Results,
    RoomBallots,
    RoomRound,
    RoundInfo,
    RoundItem,
    Turnout,
)
from app.store.models import CheckIn, Cluster, Note, Participant, Vote, VoteBallot, VoteRound


# -- reading ----------------------------------------------------------------------------------
def _labels(session: Session, workshop_id: int, items: Sequence[Item]) -> dict[Item, str]:
    note_ids = [i for t, i in items if t == "note"]
    cluster_ids = [i for t, i in items if t == "cluster"]
    out: dict[Item, str] = {}
    if note_ids:
        for nid, text in session.execute(
            select(Note.id, Note.text).where(Note.workshop_id == workshop_id, Note.id.in_(note_ids))
        ):
            out[("note", nid)] = text
    if cluster_ids:
        for cid, title in session.execute(
            select(Cluster.id, Cluster.title).where(
                Cluster.workshop_id == workshop_id, Cluster.id.in_(cluster_ids)
            )
        ):
            out[("cluster", cid)] = title or f"Groupe n° {cid}"
    return out


def _info(
    session: Session, row: VoteRound, now: float, participant_id: int | None = None
) -> RoundInfo:
    settings = _settings(row)
    live = _live_items(session, row.workshop_id, _round_items(row))
    labels = _labels(session, row.workshop_id, list(live))
    items = tuple(
        RoundItem(
            item_key(i), labels.get(i, ""), participant_id is not None and a == participant_id
        )
        for i, a in live.items()
    )
    return RoundInfo(
        row.id, row.title, row.kind, KINDS[row.kind], settings, items,
        _is_open(row.status, settings, now), row.status, row.revealed, row.opened_at,
        row.closed_at,
    )  # fmt: skip


def _counts(session: Session, round_id: int) -> Counts:
    return {
        ((t, i), c, v): n
        for t, i, c, v, n in connection(session).execute(_COUNTS, {"rid": round_id})
    }


def _recounted(session: Session, round_id: int) -> Counts:
    rows = session.execute(
        select(Vote.item_type, Vote.item_id, Vote.criterion, Vote.value, func.count())
        .where(Vote.round_id == round_id)
        .group_by(Vote.item_type, Vote.item_id, Vote.criterion, Vote.value)
    )
    return {((t, i), c, v): n for t, i, c, v, n in rows}


def _results_lines(
    session: Session, row: VoteRound, counts: Counts | None = None
) -> list[ResultLine]:
    settings = _settings(row)
    live = list(_live_items(session, row.workshop_id, _round_items(row)))
    labels = _labels(session, row.workshop_id, live)
    ranking: list[Ranked] = rank(
        settings, counts if counts is not None else _counts(session, row.id), live
    )
    return [
        ResultLine(r.rank, item_key(r.item), labels.get(r.item, ""), r.tied, r.score, r.detail)
        for r in ranking
    ]


def report_ranking(session: Session, row: VoteRound) -> tuple[RoundSettings, list[Ranked]]:
    """A round's ranking for the compte-rendu: the engine's, as the room saw it (items still
    on the board), recounted from the stored votes. A round whose stored settings no longer
    parse is ranked by the defaults of its kind rather than leave the report unwritten."""
    try:
        settings = _settings(row)
    except VoteError:
        settings = RoundSettings.parse(row.kind if row.kind in KINDS else "dots")
    live = list(_live_items(session, row.workshop_id, _round_items(row)))
    return settings, rank(settings, _recounted(session, row.id), live)


def _turnout(session: Session, row: VoteRound) -> Turnout:
    checked_in = session.scalar(
        select(func.count(func.distinct(CheckIn.participant_id)))
        .join(Participant, Participant.id == CheckIn.participant_id)
        .where(Participant.workshop_id == row.workshop_id)
    )
    ballots = session.execute(
        select(VoteBallot.paper, VoteBallot.done, Participant.name)
        .outerjoin(Participant, Participant.id == VoteBallot.participant_id)
        .where(VoteBallot.round_id == row.id)
        .order_by(VoteBallot.id)
    ).all()
    with_votes = set(
        session.scalars(
            select(Vote.voter).where(Vote.round_id == row.id, Vote.paper.is_(False)).distinct()
        )
    )
    voted = len(with_votes)
    done = [b for b in ballots if not b.paper and b.done]
    return Turnout(
        voted=voted,
        checked_in=checked_in or 0,
        done=len(done),
        done_names=tuple(b.name or "?" for b in done),
        paper_ballots=sum(1 for b in ballots if b.paper),
    )


def _paper_ballots(session: Session, round_id: int) -> tuple[PaperBallot, ...]:
    rows = session.execute(
        select(VoteBallot.voter, VoteBallot.label, VoteBallot.at)
        .where(VoteBallot.round_id == round_id, VoteBallot.paper.is_(True))
        .order_by(VoteBallot.id)
    ).all()
    if not rows:
        return ()
    counted: dict[str, dict[str, int]] = {}
    for voter, item_type, item_id, value in session.execute(
        select(Vote.voter, Vote.item_type, Vote.item_id, Vote.value)
        .where(Vote.round_id == round_id, Vote.paper.is_(True))
        .order_by(Vote.id)
    ):
        counted.setdefault(voter, {})[item_key((item_type, item_id))] = value
    return tuple(
        PaperBallot(r.voter, r.label, r.at, counted.get(r.voter, {}),
                    sum(counted.get(r.voter, {}).values()))
        for r in rows
    )  # fmt: skip


def rounds(ctx: Context, workshop_id: int) -> list[RoundInfo]:
    def work(session: Session) -> list[RoundInfo]:
        now = ctx.clock()
        rows = session.scalars(
            select(VoteRound).where(VoteRound.workshop_id == workshop_id).order_by(VoteRound.id)
        )
        return [_info(session, r, now) for r in rows]

    return ctx.db.read(work)


def results(ctx: Context, round_id: int, *, public: bool = False) -> Results:
    """The ranking (from the live counts), the turnout, and for a named round who chose what.

    `public`: for the projector and phones — refused while the results are hidden.
    """

    def work(session: Session) -> Results:
        row = _round(session, round_id)
        if public and not (row.revealed or row.settings.get("live_results")):
            raise VoteError("Les résultats ne sont pas encore révélés.", code="resultats_caches")
        info = _info(session, row, ctx.clock())
        voters: list[tuple[str, dict[str, Any]]] = []
        if not info.settings.anonymous:
            per_voter: dict[str, Ballot] = {}
            for v in session.scalars(select(Vote).where(Vote.round_id == row.id).order_by(Vote.id)):
                per_voter.setdefault(v.voter, {})[((v.item_type, v.item_id), v.criterion)] = v.value
            names = {
                voter: f"{label} (papier)" if paper else (name or label or "?")
                for voter, name, label, paper in session.execute(
                    select(VoteBallot.voter, Participant.name, VoteBallot.label, VoteBallot.paper)
                    .outerjoin(Participant, Participant.id == VoteBallot.participant_id)
                    .where(VoteBallot.round_id == row.id)
                )
            }  # a paper ballot says so: it is a table's count, not a person
            voters = [(names.get(v, v), _wire(info.settings, b)) for v, b in per_voter.items()]
        if public:
            voters = []  # who chose what stays on her console, never on a shared screen
        return Results(
            info, tuple(_results_lines(session, row)), _turnout(session, row), tuple(voters),
            () if public else _paper_ballots(session, row.id),
        )  # fmt: skip

    return ctx.db.read(work)


def live_counts(ctx: Context, round_id: int) -> Counts:
    return ctx.db.read(lambda s: _counts(s, round_id))


def recount(ctx: Context, round_id: int) -> Counts:
    """The counts as the stored votes make them (must equal `live_counts`)."""
    return ctx.db.read(lambda s: _recounted(s, round_id))


def current_round_id(ctx: Context, workshop_id: int) -> int | None:
    """The round phones show: the last one opened that is still open, else the last one."""

    def work(session: Session) -> int | None:
        now = ctx.clock()
        rows = session.scalars(
            select(VoteRound)
            .where(VoteRound.workshop_id == workshop_id)
            .order_by(VoteRound.id.desc())
            .limit(20)
        ).all()
        for r in rows:
            if _is_open(r.status, _settings(r), now):
                return r.id
        return rows[0].id if rows else None

    return ctx.db.read(work)


def phone_view(ctx: Context, workshop_id: int, participant_id: int) -> PhoneView | None:
    round_id = current_round_id(ctx, workshop_id)
    if round_id is None:
        return None

    def work(session: Session) -> PhoneView:
        row = _round(session, round_id)
        info = _info(session, row, ctx.clock(), participant_id)
        voter = voter_of(participant_id)
        ballot: Ballot = {
            ((t, i), c): v
            for t, i, c, v in connection(session).execute(_PREVIOUS, {"rid": row.id, "vtr": voter})
        }
        done = bool(
            connection(session).execute(_BALLOT_ROW, {"rid": row.id, "vtr": voter}).scalar()
        )
        visible = row.revealed or info.settings.live_results
        lines = tuple(_results_lines(session, row)) if visible else None
        return PhoneView(
            info, _wire(info.settings, ballot), remaining(info.settings, ballot), done, lines
        )

    return ctx.db.read(work)


def _current_row(session: Session, workshop_id: int, now: float) -> VoteRound | None:
    rows = session.scalars(
        select(VoteRound)
        .where(VoteRound.workshop_id == workshop_id)
        .order_by(VoteRound.id.desc())
        .limit(20)
    ).all()
    for r in rows:
        if _is_open(r.status, _settings(r), now):
            return r
    return rows[0] if rows else None


def room_round(ctx: Context, workshop_id: int) -> RoomRound | None:
    """The round phones show (as `current_round_id` picks it) for every phone at once: one
    read transaction, whatever the number of phones (the server caches it per change)."""

    def work(session: Session) -> RoomRound | None:
        row = _current_row(session, workshop_id, ctx.clock())
        if row is None:
            return None
        info = _info(session, row, ctx.clock())
        live = _live_items(session, row.workshop_id, _round_items(row))
        authors = {item_key(i): a for i, a in live.items() if a is not None}
        visible = bool(row.revealed or info.settings.live_results)
        return RoomRound(info, authors, visible)

    return ctx.db.read(work)


def room_ballots(ctx: Context, round_id: int, *, with_results: bool) -> RoomBallots:
    """Every phone's ballot in a round and who is done, in one read (paper ones aside), with
    the results when phones may see them."""

    def work(session: Session) -> RoomBallots:
        conn = connection(session)
        ballots: dict[int, dict[Any, int]] = {}
        for voter, t, i, c, value in conn.execute(
            select(Vote.voter, Vote.item_type, Vote.item_id, Vote.criterion, Vote.value).where(
                Vote.round_id == round_id, Vote.paper.is_(False)
            )
        ):
            if voter.startswith("p:"):
                ballots.setdefault(int(voter[2:]), {})[((t, i), c)] = value
        done = frozenset(
            int(voter[2:])
            for (voter,) in conn.execute(
                select(VoteBallot.voter).where(
                    VoteBallot.round_id == round_id,
                    VoteBallot.paper.is_(False),
                    VoteBallot.done.is_(True),
                )
            )
            if voter.startswith("p:")
        )
        lines = None
        if with_results:
            lines = tuple(_results_lines(session, _round(session, round_id)))
        return RoomBallots(round_id, ballots, done, lines)

    return ctx.db.read(work)

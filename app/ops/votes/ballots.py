"""A participant's ballot (the hot path): cast from a phone, and 'J'ai fini'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.domain.votes import (
    Item,
    RoundSettings,
    VoteError,
    check_ballot,
    parse_ballot,
    remaining,
)
from app.errors import NotFound
from app.events import Topic
from app.ops.base import (
    Change,
    Context,
    Outcome,
    Remember,
    Step,
    commit_step,
    connection,
    perform,
    perform_async,
)
from app.ops.participants import check_key
from app.ops.votes.common import _is_open, _live_items, _round_items, _settings, _wire, voter_of
from app.ops.votes.statements import _ROUND, _STORED_AND_VOTER, _VOTER
from app.ops.votes.tally import _mark_done, _replace, ballot_rows
from app.ops.votes.views import BallotResult


# -- a participant's ballot (the hot path) --------------------------------------------------
def _voting_round(
    conn: Any, workshop_id: int, round_id: int, now: float
) -> tuple[Any, RoundSettings]:
    row = conn.execute(_ROUND, {"rid": round_id}).first()
    if row is None or row.workshop_id != workshop_id:
        raise NotFound("Ce tour de vote n'existe pas.")
    settings = _settings(row)
    _check_open(row, settings, now)
    return row, settings


def _check_open(row: Any, settings: RoundSettings, now: float) -> None:
    if not _is_open(row.status, settings, now):
        raise VoteError(
            "Vote clos : il n'est plus possible de voter ni de changer d'avis.", code="vote_clos"
        )


@dataclass(frozen=True, slots=True)
class _BallotRound:
    """What a ballot reads of its round (the row, its settings, its items still on the board
    with their authors), kept for the ballots that follow it in the same group-commit
    transaction when no other write ran in between: ballots change neither the round nor the
    board, so a burst of phones reads them once per transaction, not once per ballot."""

    index: int  # the write of the transaction that read it or last used it
    workshop_id: int
    round_id: int
    row: Any
    settings: RoundSettings
    live: dict[Item, int | None]

    KEY = "ballot_round"

    @classmethod
    def follow(
        cls, session: Session, index: int, workshop_id: int, round_id: int
    ) -> _BallotRound | None:
        known: _BallotRound | None = session.info.get(cls.KEY)
        if known is None or index < 1 or known.index != index - 1:
            return None  # another kind of write ran since (it may have closed the round)
        if known.workshop_id != workshop_id or known.round_id != round_id:
            return None
        return known

    def carry(self, session: Session, index: int) -> None:
        session.info[self.KEY] = _BallotRound(
            index, self.workshop_id, self.round_id, self.row, self.settings, self.live
        )


BALLOT_OP = "votes.cast"
DONE_OP = "votes.done"


def cast_ballot(
    ctx: Context,
    workshop_id: int,
    round_id: int,
    participant_id: int,
    choices: object,
    *,
    key: str,
) -> BallotResult:
    """A participant's whole ballot, replacing their previous one (a change of mind).

    The same `key` again (a retry) returns the first answer and writes nothing.
    """
    build = _ballot_build(ctx, workshop_id, round_id, participant_id, choices, key)
    outcome = perform(ctx, op=BALLOT_OP, topic=Topic.BALLOTS, build=build, undoable=False)
    result: BallotResult = outcome.result
    return result


async def cast_ballot_async(
    ctx: Context,
    workshop_id: int,
    round_id: int,
    participant_id: int,
    choices: object,
    *,
    key: str,
) -> BallotResult:
    """`cast_ballot` from the server's event loop: the same write, awaited (no thread held)."""
    build = _ballot_build(ctx, workshop_id, round_id, participant_id, choices, key)
    outcome = await perform_async(
        ctx, op=BALLOT_OP, topic=Topic.BALLOTS, build=build, undoable=False
    )
    result: BallotResult = outcome.result
    return result


def _ballot_work(
    ctx: Context,
    workshop_id: int,
    round_id: int,
    participant_id: int,
    choices: object,
    key: str,
) -> Callable[[Session], tuple[Change | None, BallotResult]]:
    """The store's work of one ballot as `perform` runs it, without publishing (a test puts
    several in one group-commit transaction): (the change, None for a retry; the answer)."""
    build = _ballot_build(ctx, workshop_id, round_id, participant_id, choices, key)

    def work(session: Session) -> tuple[Change | None, BallotResult]:
        step = build(session)
        if not isinstance(step, Step):
            assert isinstance(step, Outcome)
            return step.change, step.result
        done = commit_step(
            session, ctx, op=BALLOT_OP, topic=Topic.BALLOTS, step=step, undoable=False
        )
        return done.change, done.result

    return work


def _ballot_build(
    ctx: Context,
    workshop_id: int,
    round_id: int,
    participant_id: int,
    choices: object,
    key: str,
) -> Callable[[Session], Step | Outcome]:
    """The checked key and the transaction's work of one ballot (raises on a bad key).

    The ballot is applied with prepared statements (the hot path) and journalled as the
    `ballot.replace` mutation with the voter's new votes, so a co-facilitator's replica
    replays it (the live counts move by the same difference there)."""
    scoped = f"{workshop_id}:v{round_id}:p{participant_id}:{check_key(key)}"
    voter = voter_of(participant_id)
    actor = f"participant:{participant_id}"

    def build(session: Session) -> Step | Outcome:
        conn = connection(session)
        index = session.info.get("write_index", -1)
        known = _BallotRound.follow(session, index, workshop_id, round_id)
        earlier, enrolled = conn.execute(
            _STORED_AND_VOTER, {"key": scoped, "pid": participant_id, "wid": workshop_id}
        ).one()
        if earlier is not None:
            if known is not None:
                known.carry(session, index)
            return Outcome(None, BallotResult(**{**earlier, "replayed": True}), True)
        now = ctx.clock()
        if known is None:
            row, settings = _voting_round(conn, workshop_id, round_id, now)
            live = _live_items(session, workshop_id, _round_items(row))
            known = _BallotRound(index, workshop_id, round_id, row, settings, live)
        else:
            _check_open(known.row, known.settings, now)
        settings, live = known.settings, known.live
        if enrolled is None:
            raise NotFound("Participant inconnu pour cet atelier.")
        ballot = parse_ballot(settings, choices)
        own = [item for item, author in live.items() if author == participant_id]
        clean = check_ballot(settings, live, ballot, own)
        _old, done = _replace(session, round_id, voter, clean, participant_id=participant_id,
                              paper=False, label="", at=now)  # fmt: skip
        result = BallotResult(round_id, _wire(settings, clean), remaining(settings, clean), done)
        answer = {"round_id": round_id, "choices": result.choices,
                  "remaining": result.remaining, "done": done}  # fmt: skip
        found = known
        return Step(
            workshop_id,
            label="Vote",
            # the voter and their votes: what the `votes` rows hold (no name, no token)
            applied=[["ballot.replace", {"round_id": round_id, "voter": voter,
                                         "votes": ballot_rows(clean), "at": now}]],
            result=result,
            actor=actor,
            ids=(round_id,),
            remember=Remember(scoped, actor, answer, now),
            after=lambda session, _entry: found.carry(session, index),
        )  # fmt: skip

    return build


def set_done(
    ctx: Context, workshop_id: int, round_id: int, participant_id: int, done: bool = True
) -> BallotResult:
    """'J'ai fini' (or not any more): shown in the console's turnout. Idempotent by nature
    (journalled as `ballot.done` when it changed something, which a replica replays)."""
    voter = voter_of(participant_id)

    def build(session: Session) -> Step | Outcome:
        conn = connection(session)
        now = ctx.clock()
        _row, settings = _voting_round(conn, workshop_id, round_id, now)
        if conn.execute(_VOTER, {"pid": participant_id, "wid": workshop_id}).first() is None:
            raise NotFound("Participant inconnu pour cet atelier.")
        changed, ballot = _mark_done(session, round_id, voter, done, now)
        result = BallotResult(round_id, _wire(settings, ballot), remaining(settings, ballot), done)
        if not changed:
            return Outcome(None, result)
        return Step(
            workshop_id,
            label="J'ai fini" if done else "Je reprends mon vote",
            applied=[["ballot.done", {"round_id": round_id, "voter": voter, "done": done,
                                      "at": now}]],
            result=result,
            actor=f"participant:{participant_id}",
            ids=(round_id,),
        )  # fmt: skip

    outcome = perform(ctx, op=DONE_OP, topic=Topic.BALLOTS, build=build, undoable=False)
    result: BallotResult = outcome.result
    return result

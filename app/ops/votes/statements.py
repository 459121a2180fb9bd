"""Prepared SQL of the vote rounds: the ballot is the hot path (hundreds of phones at once),
so its statements are built once, with the dialects' upserts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.store.models import (
    Cluster,
    IdempotentRequest,
    Note,
    Participant,
    Vote,
    VoteBallot,
    VoteCount,
    VoteRound,
)

# -- prepared statements (the ballot is the hot path: hundreds of phones at once) -------------
_STORED = select(IdempotentRequest.response).where(IdempotentRequest.key == bindparam("key"))
# a ballot's first statement: the first answer to its key (a retry), and whether its voter is
# a participant of the workshop
_STORED_AND_VOTER = select(
    _STORED.scalar_subquery(),
    select(Participant.id)
    .where(Participant.id == bindparam("pid"), Participant.workshop_id == bindparam("wid"))
    .scalar_subquery(),
)
_ROUND = select(
    VoteRound.id, VoteRound.workshop_id, VoteRound.kind, VoteRound.settings, VoteRound.items,
    VoteRound.status, VoteRound.title,
).where(VoteRound.id == bindparam("rid"))  # fmt: skip
_VOTER = select(Participant.id).where(
    Participant.id == bindparam("pid"), Participant.workshop_id == bindparam("wid")
)
_NOTES = select(Note.id, Note.participant_id).where(
    Note.workshop_id == bindparam("wid"), Note.id.in_(bindparam("ids", expanding=True))
)
_CLUSTERS = select(Cluster.id).where(
    Cluster.workshop_id == bindparam("wid"), Cluster.id.in_(bindparam("ids", expanding=True))
)
_PREVIOUS = select(Vote.item_type, Vote.item_id, Vote.criterion, Vote.value).where(
    Vote.round_id == bindparam("rid"), Vote.voter == bindparam("vtr")
)
_FORGET_VOTES = delete(Vote).where(
    Vote.round_id == bindparam("rid"), Vote.voter == bindparam("vtr")
)
_ADD_VOTE = insert(Vote)
_COUNT_MOVE = (
    update(VoteCount)
    .where(
        VoteCount.round_id == bindparam("rid"),
        VoteCount.item_type == bindparam("itype"),
        VoteCount.item_id == bindparam("iid"),
        VoteCount.criterion == bindparam("crit"),
        VoteCount.value == bindparam("val"),
    )
    .values(ballots=VoteCount.ballots + bindparam("delta"))
)
_COUNT_ADD = insert(VoteCount)


def _upserts(dialect: Any) -> tuple[Any, Any]:
    """The live counts moved by one statement (a row added or its ballots moved), and a
    ballot row added or its time touched, giving back whether its voter said they were done."""
    made = dialect.insert(VoteCount)
    counts = made.on_conflict_do_update(
        index_elements=[VoteCount.round_id, VoteCount.item_type, VoteCount.item_id,
                        VoteCount.criterion, VoteCount.value],
        set_={"ballots": VoteCount.ballots + made.excluded.ballots},
    )  # fmt: skip
    row = dialect.insert(VoteBallot)
    ballot = row.on_conflict_do_update(
        index_elements=[VoteBallot.round_id, VoteBallot.voter], set_={"at": row.excluded.at}
    ).returning(VoteBallot.done)
    return counts, ballot


_UPSERTS = {"sqlite": _upserts(sqlite), "postgresql": _upserts(postgresql)}
_BALLOT_TOUCH = (
    update(VoteBallot)
    .where(VoteBallot.round_id == bindparam("rid"), VoteBallot.voter == bindparam("vtr"))
    .values(at=bindparam("t"))
)
_BALLOT_TOUCHED = _BALLOT_TOUCH.returning(VoteBallot.done)
_BALLOT_DONE = (
    update(VoteBallot)
    .where(VoteBallot.round_id == bindparam("rid"), VoteBallot.voter == bindparam("vtr"))
    .values(done=bindparam("isdone"), at=bindparam("t"))
)
_BALLOT_ROW = select(VoteBallot.done).where(
    VoteBallot.round_id == bindparam("rid"), VoteBallot.voter == bindparam("vtr")
)
_BALLOT_ADD = insert(VoteBallot)
_PAPER_ROW = select(VoteBallot.label, VoteBallot.at).where(
    VoteBallot.round_id == bindparam("rid"), VoteBallot.voter == bindparam("vtr"),
    VoteBallot.paper.is_(True),
)  # fmt: skip
_BALLOT_FORGET = delete(VoteBallot).where(
    VoteBallot.round_id == bindparam("rid"), VoteBallot.voter == bindparam("vtr")
)
_COUNTS = select(
    VoteCount.item_type, VoteCount.item_id, VoteCount.criterion, VoteCount.value,
    VoteCount.ballots,
).where(VoteCount.round_id == bindparam("rid"), VoteCount.ballots != 0)  # fmt: skip

"""A voter's ballot replaced and the live counts moved by the difference, in the caller's
transaction; the delete-item hook that gives a post-it's votes back to their voters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.votes import Ballot, Item, Key
from app.ops.base import connection
from app.ops.votes.statements import (
    _ADD_VOTE,
    _BALLOT_ADD,
    _BALLOT_DONE,
    _BALLOT_FORGET,
    _BALLOT_ROW,
    _BALLOT_TOUCH,
    _BALLOT_TOUCHED,
    _COUNT_ADD,
    _COUNT_MOVE,
    _FORGET_VOTES,
    _PREVIOUS,
    _UPSERTS,
)
from app.store.models import Vote


def _replace_ballot(
    session: Session,
    round_id: int,
    voter: str,
    ballot: Mapping[Key, int],
    *,
    participant_id: int | None,
    paper: bool,
    label: str,
    at: float,
    keep_row: bool = False,
) -> Ballot:
    """Replace `voter`'s votes in the round by `ballot`; move the live counts by the
    difference; return the previous ballot. Runs inside the caller's write transaction."""
    return _replace(
        session, round_id, voter, ballot, participant_id=participant_id, paper=paper,
        label=label, at=at, keep_row=keep_row,
    )[0]  # fmt: skip


def _replace(
    session: Session,
    round_id: int,
    voter: str,
    ballot: Mapping[Key, int],
    *,
    participant_id: int | None,
    paper: bool,
    label: str,
    at: float,
    keep_row: bool = False,
) -> tuple[Ballot, bool]:
    """`_replace_ballot`, and whether the voter's ballot row says done afterwards (False when
    there is no row)."""
    conn = connection(session)
    session.flush()
    old: Ballot = {
        ((t, i), c): v for t, i, c, v in conn.execute(_PREVIOUS, {"rid": round_id, "vtr": voter})
    }
    if old == dict(ballot) and not keep_row:
        touched = conn.execute(_BALLOT_TOUCHED, {"rid": round_id, "vtr": voter, "t": at})
        return old, bool(touched.scalar())
    delta: dict[tuple[Item, str, int], int] = {}
    for (item, crit), value in old.items():
        delta[(item, crit, value)] = delta.get((item, crit, value), 0) - 1
    for (item, crit), value in ballot.items():
        delta[(item, crit, value)] = delta.get((item, crit, value), 0) + 1
    if old:
        conn.execute(_FORGET_VOTES, {"rid": round_id, "vtr": voter})
    if ballot:
        conn.execute(
            _ADD_VOTE,
            [
                {"round_id": round_id, "participant_id": participant_id, "voter": voter,
                 "item_type": item[0], "item_id": item[1], "criterion": crit, "value": value,
                 "paper": paper, "at": at}
                for (item, crit), value in ballot.items()
            ],
        )  # fmt: skip
    _move_counts(session, round_id, delta)
    if ballot or keep_row:
        upsert = _UPSERTS.get(conn.dialect.name)
        if upsert is not None:  # added, or its time touched: one statement
            done = conn.execute(
                upsert[1],
                {"round_id": round_id, "voter": voter, "participant_id": participant_id,
                 "paper": paper, "label": label, "done": False, "at": at},
            ).scalar()  # fmt: skip
            return old, bool(done)
        moved = conn.execute(_BALLOT_TOUCH, {"rid": round_id, "vtr": voter, "t": at})
        if moved.rowcount == 0:
            conn.execute(
                _BALLOT_ADD,
                {"round_id": round_id, "voter": voter, "participant_id": participant_id,
                 "paper": paper, "label": label, "done": False, "at": at},
            )  # fmt: skip
            return old, False
        done = conn.execute(_BALLOT_ROW, {"rid": round_id, "vtr": voter}).scalar()
        return old, bool(done)
    done = conn.execute(_BALLOT_ROW, {"rid": round_id, "vtr": voter}).scalar()
    if not done:  # an emptied ballot is no vote (unless they said they were done)
        conn.execute(_BALLOT_FORGET, {"rid": round_id, "vtr": voter})
    return old, bool(done)


def _mark_done(
    session: Session, round_id: int, voter: str, done: bool, at: float
) -> tuple[bool, Ballot]:
    """'J'ai fini' (or not any more) on the voter's ballot row, added if need be; whether that
    changed it, and the voter's ballot. A row left with no vote and not done is no ballot."""
    conn = connection(session)
    before = conn.execute(_BALLOT_ROW, {"rid": round_id, "vtr": voter}).first()
    changed = before is None or bool(before.done) != done
    if before is None:
        conn.execute(
            _BALLOT_ADD,
            {"round_id": round_id, "voter": voter, "participant_id": participant_of(voter),
             "paper": False, "label": "", "done": done, "at": at},
        )  # fmt: skip
    elif changed:
        conn.execute(_BALLOT_DONE, {"rid": round_id, "vtr": voter, "isdone": done, "t": at})
    ballot: Ballot = {
        ((t, i), c): v for t, i, c, v in conn.execute(_PREVIOUS, {"rid": round_id, "vtr": voter})
    }
    if not done and not ballot:
        conn.execute(_BALLOT_FORGET, {"rid": round_id, "vtr": voter})
    return changed, ballot


def participant_of(voter: str) -> int | None:
    """The participant a phone's voter (``"p:<id>"``) is; None for a paper count."""
    return int(voter[2:]) if voter.startswith("p:") else None


def ballot_rows(ballot: Mapping[Key, int]) -> list[list[Any]]:
    """A ballot as a journal entry carries it: [item type, item id, criterion, value] each."""
    return [[item[0], item[1], crit, value] for (item, crit), value in ballot.items()]


def ballot_of(rows: Iterable[Iterable[Any]]) -> Ballot:
    """`ballot_rows` read back (from the JSON of a journal entry)."""
    out: Ballot = {}
    for item_type, item_id, crit, value in rows:
        out[((str(item_type), int(item_id)), str(crit))] = int(value)
    return out


def _move_counts(
    session: Session, round_id: int, delta: Mapping[tuple[Item, str, int], int]
) -> None:
    conn = connection(session)
    moves = [(key, d) for key, d in delta.items() if d != 0]
    if not moves:
        return
    upsert = _UPSERTS.get(conn.dialect.name)
    if upsert is not None:  # every count moved (or added) by one statement
        conn.execute(
            upsert[0],
            [{"round_id": round_id, "item_type": item[0], "item_id": item[1],
              "criterion": crit, "value": value, "ballots": d}
             for (item, crit, value), d in moves],
        )  # fmt: skip
        return
    for (item, crit, value), d in moves:
        args = {"rid": round_id, "itype": item[0], "iid": item[1], "crit": crit, "val": value}
        if conn.execute(_COUNT_MOVE, {**args, "delta": d}).rowcount == 0:
            conn.execute(
                _COUNT_ADD,
                {"round_id": round_id, "item_type": item[0], "item_id": item[1],
                 "criterion": crit, "value": value, "ballots": d},
            )  # fmt: skip


# -- the delete-item hook, for the board's own mutations ----------------------------------------
VOTE_FIELDS = ("round_id", "participant_id", "voter", "item_type", "item_id", "criterion",
               "value", "paper", "at")  # fmt: skip


def release_item(session: Session, item_type: str, item_id: int) -> list[dict[str, Any]]:
    """A post-it (or a group) leaves the board: its votes go back to their voters.

    Call it inside the deleting transaction (the board's `note.delete` mutation); it removes
    the item's `Vote` rows and moves the live counts, and returns the removed votes so that
    an undo can give them back with `restore_votes`. The item stays listed in its rounds: it
    counts again if it comes back (undo), and is left out while it does not exist.
    """
    session.flush()
    conn = connection(session)
    rows = conn.execute(
        select(*(getattr(Vote, f) for f in VOTE_FIELDS)).where(
            Vote.item_type == item_type, Vote.item_id == item_id
        )
    ).all()
    kept = [dict(r._mapping) for r in rows]
    if not kept:
        return []
    conn.execute(delete(Vote).where(Vote.item_type == item_type, Vote.item_id == item_id))
    by_round: dict[int, dict[tuple[Item, str, int], int]] = {}
    for v in kept:
        key = ((v["item_type"], v["item_id"]), v["criterion"], v["value"])
        moves = by_round.setdefault(v["round_id"], {})
        moves[key] = moves.get(key, 0) - 1
    for round_id, moves in by_round.items():
        _move_counts(session, round_id, moves)
    # a ballot left with no vote at all is no vote (the voter may vote again)
    voters = {(v["round_id"], v["voter"]) for v in kept}
    for round_id, voter in voters:
        left = conn.execute(_PREVIOUS, {"rid": round_id, "vtr": voter}).first()
        if left is None:
            done = conn.execute(_BALLOT_ROW, {"rid": round_id, "vtr": voter}).scalar()
            if not done:
                conn.execute(_BALLOT_FORGET, {"rid": round_id, "vtr": voter})
    return kept


def restore_votes(session: Session, votes: Iterable[Mapping[str, Any]]) -> None:
    """Give back votes that `release_item` took (an undone deletion)."""
    session.flush()
    conn = connection(session)
    restored = [{f: v[f] for f in VOTE_FIELDS} for v in votes]
    if not restored:
        return
    conn.execute(_ADD_VOTE, restored)
    by_round: dict[int, dict[tuple[Item, str, int], int]] = {}
    for v in restored:
        key = ((v["item_type"], v["item_id"]), v["criterion"], v["value"])
        moves = by_round.setdefault(v["round_id"], {})
        moves[key] = moves.get(key, 0) + 1
    for round_id, moves in by_round.items():
        _move_counts(session, round_id, moves)
    for v in restored:
        if conn.execute(_BALLOT_ROW, {"rid": v["round_id"], "vtr": v["voter"]}).first() is None:
            conn.execute(
                _BALLOT_ADD,
                {"round_id": v["round_id"], "voter": v["voter"],
                 "participant_id": v["participant_id"], "paper": v["paper"], "label": "",
                 "done": False, "at": v["at"]},
            )  # fmt: skip

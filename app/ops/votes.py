"""Vote rounds: open, close, reopen, reveal; ballots from phones; paper votes; results.

Every write validates inside its own write transaction (`Database.write` runs them one at a
time), so the rules of `app/domain/votes.py` hold whatever the order, concurrency or retries
of requests. A ballot is a participant's whole choice: it *replaces* the previous one, in one
transaction, and the live counts (`VoteCount`) move by the difference in the same
transaction — recounting the `Vote` rows always gives the same numbers (`recount`).

A phone's write carries an idempotency key: a retry with the same key gets the first answer
back and writes nothing. Voters are ``"p:<participant id>"`` (phones) or ``"paper:<n>"``
(hand-counted dots, marked as paper).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.model import ProjectInfo
from app.domain.votes import (
    GRADES,
    KINDS,
    Ballot,
    Counts,
    Item,
    Key,
    Ranked,
    RoundSettings,
    VoteError,
    check_ballot,
    item_key,
    parse_ballot,
    parse_item,
    rank,
    remaining,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import (
    Action,
    Change,
    Context,
    connection,
    execute,
    journal,
    mutation,
    publish,
)
from app.ops.mutations import get_workshop
from app.ops.participants import check_key
from app.ops.queries import project_infos
from app.store.models import (
    Action as ActionRow,
)
from app.store.models import (
    CheckIn,
    Cluster,
    IdempotentRequest,
    Note,
    Participant,
    Vote,
    VoteBallot,
    VoteCount,
    VoteRound,
)
from app.store.models import (
    Project as ProjectRow,
)

MAX_TITLE = 200
MAX_PAPER = 1000  # hand-counted dots on one item, at most

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
_REMEMBER = insert(IdempotentRequest)
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


# -- what views get: plain dataclasses ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RoundItem:
    key: str  # "note:12"
    label: str
    own: bool = False  # the phone's own post-it


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    title: str
    kind: str
    kind_label: str
    settings: RoundSettings
    items: tuple[RoundItem, ...]
    is_open: bool
    status: str  # open, closed
    revealed: bool
    opened_at: float
    closed_at: float | None


@dataclass(frozen=True, slots=True)
class BallotResult:
    round_id: int
    choices: dict[str, Any]  # the wire form of the ballot as stored
    remaining: int | None
    done: bool
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class Turnout:
    voted: int  # phones whose ballot holds at least one vote
    checked_in: int  # people checked in to the workshop
    done: int
    done_names: tuple[str, ...]
    paper_ballots: int

    @property
    def text(self) -> str:
        return f"{self.voted} / {self.checked_in} ont voté"


@dataclass(frozen=True, slots=True)
class ResultLine:
    rank: int
    key: str
    label: str
    tied: bool
    score: float
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PaperBallot:
    """One paper ballot as she typed it: hand-counted dots (or points) per item."""

    voter: str  # "paper:<n>"
    label: str
    at: float
    votes: dict[str, int]  # "note:12" -> dots
    total: int


@dataclass(frozen=True, slots=True)
class Results:
    round: RoundInfo
    lines: tuple[ResultLine, ...]
    turnout: Turnout
    voters: tuple[tuple[str, dict[str, Any]], ...] = ()  # named rounds only: (who, ballot)
    paper: tuple[PaperBallot, ...] = ()  # the paper ballots, oldest first (the console only)


@dataclass(frozen=True, slots=True)
class PhoneView:
    """What one phone shows: the round, its own ballot, the dots left, results if visible."""

    round: RoundInfo
    choices: dict[str, Any]
    remaining: int | None
    done: bool
    results: tuple[ResultLine, ...] | None


# -- helpers -------------------------------------------------------------------------------
def voter_of(participant_id: int) -> str:
    return f"p:{participant_id}"


def _settings(row: Any) -> RoundSettings:
    return RoundSettings.parse(row.kind, row.settings)


def _is_open(status: str, settings: RoundSettings, now: float) -> bool:
    return status == "open" and (settings.closes_at is None or now < settings.closes_at)


def _round_items(row: Any) -> list[Item]:
    return [parse_item(i) for i in row.items]


def _live_items(
    session: Session, workshop_id: int, items: Sequence[Item]
) -> dict[Item, int | None]:
    """The round's items that still exist on the board, with each post-it's author."""
    conn = connection(session)
    out: dict[Item, int | None] = {}
    note_ids = [i for t, i in items if t == "note"]
    cluster_ids = [i for t, i in items if t == "cluster"]
    found: dict[Item, int | None] = {}
    if note_ids:
        for nid, author in conn.execute(_NOTES, {"wid": workshop_id, "ids": note_ids}):
            found[("note", nid)] = author
    if cluster_ids:
        for (cid,) in conn.execute(_CLUSTERS, {"wid": workshop_id, "ids": cluster_ids}):
            found[("cluster", cid)] = None
    for item in items:  # in the round's order
        if item in found:
            out[item] = found[item]
    return out


def _wire(settings: RoundSettings, ballot: Mapping[Key, int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for (item, crit), value in ballot.items():
        if settings.kind == "criteria":
            out.setdefault(item_key(item), {})[crit] = value
        else:
            out[item_key(item)] = value
    return out


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


# -- mutations (journal entries replay them) ------------------------------------------------
ROUND_FIELDS = ("workshop_id", "phase_id", "title", "kind", "settings", "items", "status",
                "revealed", "opened_at", "closed_at")  # fmt: skip
ROUND_CHANGES = ("status", "revealed", "closed_at", "settings", "title")


def _round(session: Session, round_id: int) -> VoteRound:
    found = session.get(VoteRound, round_id)
    if found is None:
        raise NotFound("Ce tour de vote n'existe plus.")
    return found


@mutation("vote_round.insert")
def round_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = VoteRound(id=args.get("id"), **{k: args[k] for k in ROUND_FIELDS if k in args})
    session.add(row)
    session.flush()
    return {**args, "id": row.id}, [["vote_round.delete", {"id": row.id}]]


@mutation("vote_round.delete")
def round_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = _round(session, args["id"])
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in ROUND_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["vote_round.insert", snapshot]]


@mutation("vote_round.update")
def round_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = _round(session, args["id"])
    changes = {k: v for k, v in args["changes"].items() if k in ROUND_CHANGES}
    old = {k: getattr(row, k) for k in changes}
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return {"id": row.id, "changes": changes}, [
        ["vote_round.update", {"id": row.id, "changes": old}]
    ]


@mutation("vote.paper")
def paper_ballot(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Set a paper ballot (hand-counted dots): {round_id, voter, label, votes, at}."""
    ballot: Ballot = {(parse_item(k), ""): int(v) for k, v in args["votes"].items() if int(v)}
    session.flush()
    # what the ballot was, label and time included: undoing its removal gives it back whole
    stored = connection(session).execute(_PAPER_ROW, {"rid": args["round_id"],
                                                      "vtr": args["voter"]}).first()  # fmt: skip
    old = _replace_ballot(
        session, args["round_id"], args["voter"], ballot, participant_id=None, paper=True,
        label=args.get("label", ""), at=args["at"],
    )  # fmt: skip
    before = {"round_id": args["round_id"], "voter": args["voter"],
              "label": stored.label if stored is not None else args.get("label", ""),
              "votes": {item_key(i): v for (i, _c), v in old.items()},
              "at": stored.at if stored is not None else args["at"]}  # fmt: skip
    return args, [["vote.paper", before]]


@mutation("action.insert")
def action_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = ActionRow(
        id=args.get("id"), workshop_id=args["workshop_id"], position=args["position"],
        what=args["what"], who=args.get("who", ""),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return {**args, "id": row.id}, [["action.delete", {"id": row.id}]]


@mutation("action.delete")
def action_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ActionRow, args["id"])
    if row is None:
        raise NotFound("Cette action n'existe plus.")
    snapshot = {"id": row.id, "workshop_id": row.workshop_id, "position": row.position,
                "what": row.what, "who": row.who}  # fmt: skip
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["action.insert", snapshot]]


PROJECT_FIELDS = ("workshop_id", "title", "description", "status", "source_note_id",
                  "created_at")  # fmt: skip


@mutation("project.insert")
def project_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A chantier (`Project`): {workshop_id, title, description, status, source_note_id,
    created_at}, an `id` when it comes back (redo, undo of its deletion)."""
    fields = {k: args[k] for k in PROJECT_FIELDS if k in args}
    source = fields.get("source_note_id")
    if source is not None and session.get(Note, source) is None:
        fields["source_note_id"] = None  # its post-it left the board since: the chantier stays
    row = ProjectRow(id=args.get("id"), **fields)
    session.add(row)
    session.flush()
    return {**args, **fields, "id": row.id}, [["project.delete", {"id": row.id}]]


@mutation("project.delete")
def project_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ProjectRow, args["id"])
    if row is None:
        raise NotFound("Ce chantier n'existe plus.")
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in PROJECT_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["project.insert", snapshot]]


# -- the facilitator's operations -----------------------------------------------------------
def _board_items(session: Session, workshop_id: int, phase_id: int | None) -> list[Item]:
    """The whole board: every group, and every visible post-it that is in no group."""
    clusters = select(Cluster.id).where(Cluster.workshop_id == workshop_id).order_by(Cluster.id)
    notes = (
        select(Note.id)
        .where(Note.workshop_id == workshop_id, Note.cluster_id.is_(None), Note.hidden.is_(False))
        .order_by(Note.id)
    )
    if phase_id is not None:
        clusters = clusters.where(Cluster.phase_id == phase_id)
        notes = notes.where(Note.phase_id == phase_id)
    out: list[Item] = [("cluster", i) for i in session.scalars(clusters)]
    out += [("note", i) for i in session.scalars(notes)]
    return out


def open_round(
    ctx: Context,
    workshop_id: int,
    *,
    kind: str,
    items: Iterable[Any] | Literal["board"] = "board",
    title: str = "",
    settings: Mapping[str, Any] | None = None,
    phase_id: int | None = None,
) -> Change:
    """Open a tour de vote on the given post-its/groups (or the whole board).

    `settings`: dots, cap, own_allowed (dots); budget (points); criteria ("labase" or a list
    of {key, label, weight, axis}); anonymous, live_results, closes_at. `Change.ids` holds
    the new round's id.
    """
    parsed = RoundSettings.parse(kind, settings)
    clean_title = clean_text(title, what="Titre du vote", limit=MAX_TITLE).strip()
    chosen = None if items == "board" else [parse_item(i) for i in items]

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        wanted = _board_items(session, workshop_id, phase_id) if chosen is None else chosen
        wanted = list(dict.fromkeys(wanted))
        live = _live_items(session, workshop_id, wanted)
        if len(live) != len(wanted):
            raise VoteError(
                "Un des éléments choisis n'est plus au tableau.", code="element_inconnu"
            )
        if not wanted:
            raise VoteError("Aucun post-it à mettre au vote.", code="saisie_invalide")
        row = {
            "workshop_id": workshop_id, "phase_id": phase_id,
            "title": clean_title or KINDS[kind], "kind": kind, "settings": parsed.to_dict(),
            "items": [list(i) for i in wanted], "status": "open", "revealed": False,
            "opened_at": ctx.clock(), "closed_at": None,
        }  # fmt: skip
        return workshop_id, [["vote_round.insert", row]], f"Ouvrir le vote « {row['title']} »"

    return execute(ctx, op="votes.open", topic=Topic.VOTES, build=build, undoable=False)


def _update_round(ctx: Context, round_id: int, op: str, label: str, changes: Any) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        wanted = changes(row)
        return (
            row.workshop_id,
            [["vote_round.update", {"id": row.id, "changes": wanted}]],
            (f"{label} « {row.title} »"),
        )

    return execute(ctx, op=op, topic=Topic.VOTES, build=build, undoable=False)


def close_round(ctx: Context, round_id: int) -> Change:
    now = ctx.clock()

    def changes(row: VoteRound) -> dict[str, Any]:
        if row.status == "closed":
            raise VoteError("Ce vote est déjà clos.", code="vote_clos")
        return {"status": "closed", "closed_at": now}

    return _update_round(ctx, round_id, "votes.close", "Clore le vote", changes)


def reopen_round(ctx: Context, round_id: int, *, closes_at: float | None = None) -> Change:
    """Open a closed round again (a closing time already past is dropped)."""

    def changes(row: VoteRound) -> dict[str, Any]:
        settings = dict(row.settings)
        if row.status == "open" and _is_open("open", _settings(row), ctx.clock()):
            raise VoteError("Ce vote est déjà ouvert.", code="conflit")
        settings["closes_at"] = closes_at
        return {"status": "open", "closed_at": None, "settings": settings}

    return _update_round(ctx, round_id, "votes.reopen", "Rouvrir le vote", changes)


def reveal_results(ctx: Context, round_id: int, revealed: bool = True) -> Change:
    label = "Révéler les résultats de" if revealed else "Masquer les résultats de"
    return _update_round(ctx, round_id, "votes.reveal", label, lambda _row: {"revealed": revealed})


def close_due_rounds(ctx: Context, workshop_id: int) -> list[Change]:
    """Record the close of rounds whose closing time has passed (votes are already refused
    from that time on; this writes it down for the console and the report)."""
    now = ctx.clock()

    def due(session: Session) -> list[int]:
        rows = session.scalars(
            select(VoteRound).where(
                VoteRound.workshop_id == workshop_id, VoteRound.status == "open"
            )
        )
        return [r.id for r in rows if not _is_open(r.status, _settings(r), now)]

    return [close_round(ctx, rid) for rid in ctx.db.read(due)]


def add_paper_votes(
    ctx: Context, round_id: int, counts: Mapping[str, int], *, label: str = "Bulletins papier"
) -> Change:
    """Hand-counted dots for people without a phone, stored as a paper ballot of their own.

    Each call adds one paper ballot (its dots are not bound by one person's allowance).
    """
    clean_label = clean_text(label, what="Libellé", limit=120).strip() or "Bulletins papier"
    votes: dict[str, int] = {}
    for raw_item, value in counts.items():
        item = parse_item(raw_item)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PAPER:
            raise VoteError(
                f"Gommettes papier : un nombre de 0 à {MAX_PAPER}.", code="saisie_invalide"
            )
        if value:
            votes[item_key(item)] = value

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        if row.kind not in ("dots", "points"):
            raise VoteError(
                "Les votes papier s'ajoutent aux gommettes ou aux points.", code="saisie_invalide"
            )
        items = set(_live_items(session, row.workshop_id, _round_items(row)))
        if any(parse_item(k) not in items for k in votes):
            raise VoteError("Cet élément ne fait pas partie du vote.", code="element_inconnu")
        if not votes:
            raise VoteError("Aucune gommette papier à ajouter.", code="saisie_invalide")
        voter = f"paper:{_last_paper_number(session, round_id) + 1}"
        args = {"round_id": round_id, "voter": voter, "label": clean_label, "votes": votes,
                "at": ctx.clock()}  # fmt: skip
        return row.workshop_id, [["vote.paper", args]], f"{clean_label} ({sum(votes.values())})"

    return execute(ctx, op="votes.paper", topic=Topic.BALLOTS, build=build)


def _last_paper_number(session: Session, round_id: int) -> int:
    """The highest n of the round's "paper:<n>" ballots (0 without any): a new paper ballot
    takes the next one, never the number of one still counted after a removal."""
    numbers = [0]
    for voter in session.scalars(
        select(VoteBallot.voter).where(VoteBallot.round_id == round_id, VoteBallot.paper.is_(True))
    ):
        tail = voter.removeprefix("paper:")
        if tail.isdigit():
            numbers.append(int(tail))
    return max(numbers)


def remove_paper_votes(ctx: Context, round_id: int, voter: str) -> Change:
    """Take one paper ballot out of the count (a typing mistake, a ballot counted twice).
    Undoable: the undo gives it back with its label and its dots."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        if not voter.startswith("paper:"):
            raise InvalidInput("Seuls les votes papier se retirent ainsi.")
        stored = connection(session).execute(_PAPER_ROW, {"rid": round_id, "vtr": voter}).first()
        if stored is None:
            raise NotFound("Ce bulletin papier n'est plus compté.")
        args = {"round_id": round_id, "voter": voter, "label": "", "votes": {}, "at": ctx.clock()}
        return row.workshop_id, [["vote.paper", args]], f"Retirer « {stored.label} » (papier)"

    return execute(ctx, op="votes.paper", topic=Topic.BALLOTS, build=build)


def promote_to_actions(ctx: Context, round_id: int, *, top: int = 3) -> Change:
    """Copy the `top` first items of the results into the action plan (ties at the edge come
    along: a tie is not broken by chance). Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        chosen = _chosen(session, row, top)
        last = session.scalar(
            select(func.max(ActionRow.position)).where(ActionRow.workshop_id == row.workshop_id)
        )
        start = (last if last is not None else -1) + 1
        actions: list[Action] = [
            ["action.insert", {"workshop_id": row.workshop_id, "position": start + n,
                               "what": line.label, "who": ""}]
            for n, line in enumerate(chosen)
        ]  # fmt: skip
        return row.workshop_id, actions, f"Plan d'action : {len(chosen)} élément(s) du vote"

    return execute(ctx, op="votes.promote", topic=Topic.ACTIONS, build=build)


def _chosen(session: Session, row: VoteRound, top: int) -> list[ResultLine]:
    lines = _results_lines(session, row)
    chosen = [line for line in lines if line.rank <= top and line.score > 0]
    if not chosen:
        raise VoteError("Aucun élément n'a encore reçu de voix.", code="saisie_invalide")
    return chosen


def project_title(label: str) -> str:
    """A chantier's title from an item's text: on one line, at most 200 characters."""
    text = " ".join(label.split()) or "Chantier"
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def promote_to_projects(ctx: Context, round_id: int, *, top: int = 3) -> Change:
    """Make the `top` first items of the results chantiers (`Project`, status "idee") that
    the programme follows; ties at the edge come along, as for the action plan. An item
    already promoted (same post-it, or same title in the workshop) is not promoted twice.
    Undoable; `Change.ids` holds the new chantiers' ids."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        chosen = _chosen(session, row, top)
        existing = session.execute(
            select(ProjectRow.title, ProjectRow.source_note_id).where(
                ProjectRow.workshop_id == row.workshop_id
            )
        ).all()
        titles = {t.casefold() for t, _ in existing}
        notes = {n for _, n in existing if n is not None}
        now = ctx.clock()
        actions: list[Action] = []
        for line in chosen:
            kind, item_id = parse_item(line.key)
            title = project_title(line.label)
            source = item_id if kind == "note" else None
            if title.casefold() in titles or (source is not None and source in notes):
                continue
            titles.add(title.casefold())
            whole = line.label.strip()
            description = f"Issu du vote « {row.title} » (rang {line.rank})."
            if whole != title:  # the post-it's whole text when the title had to cut it
                description += "\n" + whole
            actions.append(
                ["project.insert", {"workshop_id": row.workshop_id, "title": title,
                                    "description": description, "status": "idee",
                                    "source_note_id": source, "created_at": now}]
            )  # fmt: skip
        if not actions:
            raise VoteError("Ces éléments sont déjà des chantiers du programme.", code="conflit")
        return row.workshop_id, actions, f"Chantiers : {len(actions)} élément(s) du vote"

    return execute(ctx, op="projects.promote", topic=Topic.WORKSHOP, build=build)


def projects(ctx: Context, workshop_id: int) -> list[ProjectInfo]:
    """The workshop's chantiers, oldest first."""

    def work(session: Session) -> list[ProjectInfo]:
        return list(project_infos(session, workshop_id))

    return ctx.db.read(work)


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
    work = _ballot_work(ctx, workshop_id, round_id, participant_id, choices, key)
    change, result = ctx.db.write(work)
    if change is not None:
        publish(ctx, change)
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
    work = _ballot_work(ctx, workshop_id, round_id, participant_id, choices, key)
    change, result = await ctx.db.write_async(work)
    if change is not None:
        publish(ctx, change)
    return result


def _ballot_work(
    ctx: Context,
    workshop_id: int,
    round_id: int,
    participant_id: int,
    choices: object,
    key: str,
) -> Callable[[Session], tuple[Change | None, BallotResult]]:
    """The checked key and the transaction's work of one ballot."""
    scoped = f"{workshop_id}:v{round_id}:p{participant_id}:{check_key(key)}"
    voter = voter_of(participant_id)

    def work(session: Session) -> tuple[Change | None, BallotResult]:
        conn = connection(session)
        index = session.info.get("write_index", -1)
        known = _BallotRound.follow(session, index, workshop_id, round_id)
        earlier, enrolled = conn.execute(
            _STORED_AND_VOTER, {"key": scoped, "pid": participant_id, "wid": workshop_id}
        ).one()
        if earlier is not None:
            if known is not None:
                known.carry(session, index)
            return None, BallotResult(**{**earlier, "replayed": True})
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
        conn.execute(_REMEMBER, {"key": scoped, "actor": f"participant:{participant_id}",
                                 "response": answer, "at": now})  # fmt: skip
        entry = journal(
            session,
            ctx.as_actor(f"participant:{participant_id}"),
            op="votes.cast",
            workshop_id=workshop_id,
            # the journal keeps who changed their ballot, not what they chose (anonymity)
            forward=[["vote.ballot", {"round_id": round_id, "participant": participant_id}]],
            label="Vote",
        )
        change = Change("votes.cast", Topic.BALLOTS, entry.seq, workshop_id, (round_id,))
        known.carry(session, index)
        return change, result

    return work


def set_done(
    ctx: Context, workshop_id: int, round_id: int, participant_id: int, done: bool = True
) -> BallotResult:
    """'J'ai fini' (or not any more): shown in the console's turnout. Idempotent by nature."""
    voter = voter_of(participant_id)

    def work(session: Session) -> tuple[Change | None, BallotResult]:
        conn = connection(session)
        now = ctx.clock()
        _row, settings = _voting_round(conn, workshop_id, round_id, now)
        if conn.execute(_VOTER, {"pid": participant_id, "wid": workshop_id}).first() is None:
            raise NotFound("Participant inconnu pour cet atelier.")
        before = conn.execute(_BALLOT_ROW, {"rid": round_id, "vtr": voter}).first()
        changed = before is None or bool(before.done) != done
        if before is None:
            conn.execute(
                _BALLOT_ADD,
                {"round_id": round_id, "voter": voter, "participant_id": participant_id,
                 "paper": False, "label": "", "done": done, "at": now},
            )  # fmt: skip
        elif changed:
            conn.execute(_BALLOT_DONE, {"rid": round_id, "vtr": voter, "isdone": done, "t": now})
        ballot: Ballot = {
            ((t, i), c): v
            for t, i, c, v in conn.execute(_PREVIOUS, {"rid": round_id, "vtr": voter})
        }
        if not done and not ballot:
            conn.execute(_BALLOT_FORGET, {"rid": round_id, "vtr": voter})
        result = BallotResult(round_id, _wire(settings, ballot), remaining(settings, ballot), done)
        if not changed:
            return None, result
        entry = journal(
            session, ctx.as_actor(f"participant:{participant_id}"), op="votes.done",
            workshop_id=workshop_id,
            forward=[["vote.done", {"round_id": round_id, "participant": participant_id,
                                    "done": done}]],
            label="J'ai fini" if done else "Je reprends mon vote",
        )  # fmt: skip
        return Change("votes.done", Topic.BALLOTS, entry.seq, workshop_id, (round_id,)), result

    change, result = ctx.db.write(work)
    if change is not None:
        publish(ctx, change)
    return result


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


__all__ = [
    "GRADES",
    "BallotResult",
    "PaperBallot",
    "PhoneView",
    "Results",
    "RoundInfo",
    "Turnout",
    "add_paper_votes",
    "cast_ballot",
    "close_round",
    "open_round",
    "promote_to_actions",
    "promote_to_projects",
    "recount",
    "release_item",
    "remove_paper_votes",
    "reopen_round",
    "restore_votes",
    "results",
    "reveal_results",
    "set_done",
]

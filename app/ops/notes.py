"""Post-its written on phones: one operation each, retried safely with the phone's key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.board import (
    GAP,
    INBOX_W,
    INBOX_X,
    Arrival,
    Scope,
    board_slot,
    inbox_next,
    template_for,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import (
    Change,
    Context,
    Outcome,
    Remember,
    Step,
    connection,
    entry_row,
    perform,
    perform_async,
)
from app.ops.participants import check_key
from app.store.db import DEFER_OK, DEFERRED, Later
from app.store.models import (
    IdempotentRequest,
    JournalEntry,
    LiveTimer,
    Note,
    Participant,
    Phase,
    Workshop,
)

MAX_NOTE = 280

# one statement for both: the first answer to this key (a retry), and the author's name
_STORED_AND_AUTHOR = select(
    select(IdempotentRequest.response)
    .where(IdempotentRequest.key == bindparam("key"))
    .scalar_subquery(),
    select(Participant.name)
    .where(Participant.id == bindparam("pid"), Participant.workshop_id == bindparam("wid"))
    .scalar_subquery(),
)
# where a phone's post-it goes: the live phase, whether it is written privately, and where on
# the board it lands (the "Arrivées" column or the board's first zone)
_WHERE = (
    select(
        LiveTimer.phase_id, Phase.private_writing, Phase.board_template, Phase.method_key,
        Workshop.phone_notes, Workshop.board_scope,
    )
    .select_from(Workshop)
    .outerjoin(LiveTimer, LiveTimer.workshop_id == Workshop.id)
    .outerjoin(Phase, Phase.id == LiveTimer.phase_id)
    .where(Workshop.id == bindparam("wid"))
)  # fmt: skip
_ON_PHASE_BOARD = (
    select(func.count())
    .select_from(Note)
    .where(
        Note.workshop_id == bindparam("wid"), Note.phase_id.is_not_distinct_from(bindparam("pid"))
    )
)
_ON_WORKSHOP_BOARD = (
    select(func.count()).select_from(Note).where(Note.workshop_id == bindparam("wid"))
)
_IN_INBOX = Note.x < INBOX_X + INBOX_W - GAP
_LOWEST_ON_PHASE_BOARD = select(func.max(Note.y)).where(
    Note.workshop_id == bindparam("wid"),
    Note.phase_id.is_not_distinct_from(bindparam("pid")),
    _IN_INBOX,
)
_LOWEST_ON_WORKSHOP_BOARD = select(func.max(Note.y)).where(
    Note.workshop_id == bindparam("wid"), _IN_INBOX
)
_INSERT_NOTE = insert(Note)
_REMEMBER = insert(IdempotentRequest)  # a batch's keys, in one statement
# a transaction's post-its together: one statement each for the notes (their ids back),
# their keys and their journal entries (their sequence numbers back); see `_new_ids`
_INSERT_NOTES = insert(Note).returning(Note.id)
_INSERT_NOTES_IN_ORDER = insert(Note).returning(Note.id, sort_by_parameter_order=True)
_APPEND_ENTRIES = insert(JournalEntry).returning(JournalEntry.seq)
_APPEND_ENTRIES_IN_ORDER = insert(JournalEntry).returning(
    JournalEntry.seq, sort_by_parameter_order=True
)


def _new_ids(
    conn: Connection, statement: Any, in_order: Any, rows: list[dict[str, Any]]
) -> list[int]:
    """The ids of rows inserted by one statement, in the rows' order.

    PostgreSQL: SQLAlchemy matches RETURNING rows to the parameters itself (one statement).
    SQLite: it would insert the rows one at a time to be sure of the order, but SQLite numbers
    the rows of one INSERT in the order of its VALUES, each one more than the largest id so far
    (our transaction is the only writer), so the ids sorted are the rows' ids in order. If they
    are not consecutive (ids past 2**63-1 are picked at random), the order cannot be told: the
    group is then written again one post-it at a time (`Deferring`)."""
    if conn.dialect.name != "sqlite":
        return [int(i) for i in conn.execute(in_order, rows).scalars()]
    ids = sorted(int(i) for i in conn.execute(statement, rows).scalars())
    if ids != list(range(ids[0], ids[0] + len(rows))):
        raise RuntimeError("identifiants non consécutifs : ordre des lignes inconnu")
    return ids


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: int
    text: str
    created_at: float


NoteBuild = Callable[[Session], Step | Outcome | Later]
NOTE_OP = "board.note_add"


def post_note(
    ctx: Context, workshop_id: int, participant_id: int, *, text: str, key: str
) -> tuple[NoteInfo, bool]:
    """Add a participant's post-it; returns it and whether this was a replayed retry."""
    build = _note_build(ctx, workshop_id, participant_id, text, key)
    outcome = perform(
        ctx, op=NOTE_OP, topic=Topic.BOARD, build=build, undoable=False, deferring=True
    )
    return outcome.result, outcome.replayed


async def post_note_async(
    ctx: Context, workshop_id: int, participant_id: int, *, text: str, key: str
) -> tuple[NoteInfo, bool]:
    """`post_note` from the server's event loop: the same write, awaited (no thread held)."""
    build = _note_build(ctx, workshop_id, participant_id, text, key)
    outcome = await perform_async(
        ctx, op=NOTE_OP, topic=Topic.BOARD, build=build, undoable=False, deferring=True
    )
    return outcome.result, outcome.replayed


def _note_build(
    ctx: Context, workshop_id: int, participant_id: int, text: str, key: str
) -> NoteBuild:
    """The checked input and the transaction's work of one post-it (raises on bad input).

    Journalled as `note.insert` with the row's values and id (the board's mutation), so a
    co-facilitator's replica replays it rather than taking a snapshot."""
    clean = clean_text(text, what="Post-it", limit=MAX_NOTE, required=True).strip()
    if not clean:
        raise InvalidInput("Le post-it est vide.")
    scoped = f"{workshop_id}:p{participant_id}:{check_key(key)}"

    def build(session: Session) -> Step | Outcome | Later:
        # prepared Core statements: this is what hundreds of phones do at once
        conn = connection(session)
        index = session.info.get("write_index", -1)
        pending: _Pending | None = session.info.get(_Pending.KEY)
        if pending is not None and scoped in pending.keys:  # a retry of a post-it not yet written
            _Arrivals.carry(session, index)
            return pending.replay(scoped)
        earlier, author = conn.execute(
            _STORED_AND_AUTHOR, {"key": scoped, "pid": participant_id, "wid": workshop_id}
        ).one()
        if earlier is not None:
            _Arrivals.carry(session, index)  # a replay writes nothing: the next one may reuse
            return Outcome(None, NoteInfo(**earlier), True)
        if author is None:
            raise NotFound("Participant inconnu pour cet atelier.")
        arrivals = _Arrivals.follow(session, index, workshop_id)
        if arrivals is None:
            where = conn.execute(_WHERE, {"wid": workshop_id}).first()
            assert where is not None  # the participant's workshop exists
            arrivals = _Arrivals(index, workshop_id, where, _arrived(conn, workshop_id, where))
        where = arrivals.where
        x, y = _arrival_spot(ctx, where, arrivals.before)
        now = ctx.clock()
        row = {"workshop_id": workshop_id, "phase_id": where.phase_id,
               "participant_id": participant_id, "author": author, "text": clean,
               "color": "jaune", "x": x, "y": y, "hidden": bool(where.private_writing),
               "created_at": now}  # fmt: skip
        arrivals.landed(session, index, y)  # the next post-it of the transaction lands after
        if session.info.get(DEFER_OK):  # written with the transaction's other post-its
            return _Pending.of(session).add(ctx, row, scoped, participant_id)
        inserted = conn.execute(_INSERT_NOTE, row).inserted_primary_key
        assert inserted is not None
        info = NoteInfo(int(inserted[0]), clean, now)
        actor = f"participant:{participant_id}"
        return Step(
            workshop_id,
            label=f"Post-it de {author}",
            applied=[_journalled(row, info.id)],
            result=info,
            actor=actor,
            remember=Remember(scoped, actor, asdict(info), now),
        )

    return build


def _journalled(row: dict[str, Any], note_id: int) -> list[Any]:
    """A phone's post-it as the journal keeps it: the board's `note.insert`, every value."""
    return ["note.insert", {**row, "id": note_id}]


class _Pending:
    """The post-its of a transaction not yet written: the store writes them all at once
    (`_INSERT_NOTES`, then their keys, then their journal entries) before any other kind of
    write runs and before the commit, or makes every one write itself if that fails."""

    KEY = "pending_notes"

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []  # their journal entries, but the note's id
        self.answers: list[Later] = []
        self.keys: dict[str, int] = {}  # idempotency key -> position
        self.replays: list[tuple[Later, int]] = []

    @classmethod
    def of(cls, session: Session) -> _Pending:
        pending: _Pending | None = session.info.get(cls.KEY)
        if pending is None:
            pending = session.info[cls.KEY] = cls()
            session.info[DEFERRED] = pending.flush
        return pending

    def add(self, ctx: Context, row: dict[str, Any], key: str, participant_id: int) -> Later:
        actor = f"participant:{participant_id}"
        self.keys[key] = len(self.rows)
        self.rows.append(row)
        entry = entry_row(ctx.as_actor(actor), NOTE_OP, row["workshop_id"], [], None,
                          f"Post-it de {row['author']}")  # fmt: skip
        self.entries.append({**entry, "key": key})
        answer = Later()
        self.answers.append(answer)
        return answer

    def replay(self, key: str) -> Later:
        answer = Later()
        self.replays.append((answer, self.keys[key]))
        return answer

    def flush(self, session: Session) -> None:
        session.info.pop(self.KEY, None)
        session.info.pop("phase_row", None)  # what one operation read is not the next one's
        conn = connection(session)
        ids = _new_ids(conn, _INSERT_NOTES, _INSERT_NOTES_IN_ORDER, self.rows)
        infos = [NoteInfo(int(i), r["text"], r["created_at"]) for i, r in zip(ids, self.rows, strict=True)]  # fmt: skip
        conn.execute(
            _REMEMBER,
            [{"key": e["key"], "actor": e["actor"], "response": asdict(info), "at": r["created_at"]}
             for e, r, info in zip(self.entries, self.rows, infos, strict=True)],
        )  # fmt: skip
        entries = [
            {**{k: v for k, v in e.items() if k != "key"}, "forward": [_journalled(r, info.id)]}
            for e, r, info in zip(self.entries, self.rows, infos, strict=True)
        ]
        seqs = _new_ids(conn, _APPEND_ENTRIES, _APPEND_ENTRIES_IN_ORDER, entries)
        for answer, info, seq, row in zip(self.answers, infos, seqs, self.rows, strict=True):
            change = Change(NOTE_OP, Topic.BOARD, int(seq), row["workshop_id"], (info.id,))
            answer.value = Outcome(change, info, False)
        for answer, position in self.replays:
            answer.value = Outcome(None, infos[position], True)


@dataclass(frozen=True, slots=True)
class _Arrivals:
    """What a phone's post-it read to find its place (the live phase; how many post-its are
    on the board, or the lowest one waiting in "Arrivées"), handed to the next post-it of the
    same group-commit transaction when no other write ran in between: a burst of phones reads
    the board once per transaction, not once per post-it (a scan that grows with the board).
    """

    index: int  # the write of the transaction that read or last updated it
    workshop_id: int
    where: Any  # the _WHERE row
    before: Any  # what `_arrival_spot` needs: a count (board) or the lowest y (Arrivées)

    KEY = "note_arrivals"

    @classmethod
    def follow(cls, session: Session, index: int, workshop_id: int) -> _Arrivals | None:
        known: _Arrivals | None = session.info.get(cls.KEY)
        if known is None or index < 1 or known.index != index - 1:
            return None  # another kind of write ran since (it may have moved post-its)
        return known if known.workshop_id == workshop_id else None

    @classmethod
    def carry(cls, session: Session, index: int) -> None:
        known: _Arrivals | None = session.info.get(cls.KEY)
        if known is not None and index >= 1 and known.index == index - 1:
            session.info[cls.KEY] = cls(index, known.workshop_id, known.where, known.before)

    def landed(self, session: Session, index: int, y: float) -> None:
        after = self.before + 1 if self.where.phone_notes == Arrival.BOARD else y
        session.info[self.KEY] = _Arrivals(index, self.workshop_id, self.where, after)


def _arrived(conn: Connection, workshop_id: int, where: Any) -> Any:
    """Where the board stands for a phone's post-it: how many post-its it holds (landing in
    its first zone), or the lowest one still waiting in "Arrivées" (None: the column is empty)."""
    workshop_scope = where.board_scope == Scope.WORKSHOP
    params = {"wid": workshop_id, "pid": where.phase_id}
    if where.phone_notes == Arrival.BOARD:
        count = _ON_WORKSHOP_BOARD if workshop_scope else _ON_PHASE_BOARD
        return int(conn.execute(count, params).scalar() or 0)
    lowest = _LOWEST_ON_WORKSHOP_BOARD if workshop_scope else _LOWEST_ON_PHASE_BOARD
    return conn.execute(lowest, params).scalar()


def _arrival_spot(ctx: Context, where: Any, before: Any) -> tuple[float, float]:
    """Where a phone's post-it lands: stacked in "Arrivées", or in the board's first zone."""
    if where.phone_notes == Arrival.BOARD:
        method = ctx.library.method(where.method_key)
        template = template_for(where.board_template, method.board if method else None)
        return board_slot(template, before)
    return inbox_next(before)


def my_notes(ctx: Context, workshop_id: int, participant_id: int) -> list[NoteInfo]:
    def work(session: Session) -> list[NoteInfo]:
        rows = session.scalars(
            select(Note)
            .where(Note.workshop_id == workshop_id, Note.participant_id == participant_id)
            .order_by(Note.id)
        )
        return [NoteInfo(n.id, n.text, n.created_at) for n in rows]

    return ctx.db.read(work)


@dataclass(frozen=True, slots=True)
class BoardNote:
    id: int
    author: str
    text: str
    created_at: float


def workshop_notes(ctx: Context, workshop_id: int) -> list[BoardNote]:
    """Every post-it of the workshop, oldest first (the board issue lays them out)."""

    def work(session: Session) -> list[BoardNote]:
        rows = session.scalars(
            select(Note).where(Note.workshop_id == workshop_id).order_by(Note.id)
        )
        return [BoardNote(n.id, n.author or "anonyme", n.text, n.created_at) for n in rows]

    return ctx.db.read(work)

"""Post-its written on phones: one operation each, retried safely with the phone's key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.agenda import clean_text
from app.domain.board import (
    GAP,
    INBOX_W,
    INBOX_X,
    NOTE_H,
    NOTE_W,
    Arrival,
    Scope,
    board_slot,
    template_for,
)
from app.domain.placement import (
    ARRIVALS_HEIGHT,
    BOARD_X,
    Occupancy,
    arrival_index,
    arrival_rows,
    arrival_spot,
    next_arrival,
    note_rect,
)
from app.domain.timer import TimerState
from app.errors import InvalidInput, NotFound, SeanceNotOpen
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
from app.store.notify import note_change

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
_IN_INBOX = Note.x < INBOX_X + INBOX_W - GAP
_LANE = aliased(Note)
_NEWEST_IN_INBOX = (  # on the board the post-it lands on (the next one in "Arrivées" follows it)
    select(_LANE.id)
    .where(
        _LANE.workshop_id == Workshop.id,
        _LANE.x < INBOX_X + INBOX_W - GAP,
        or_(Workshop.board_scope == Scope.WORKSHOP.value,
            _LANE.phase_id.is_not_distinct_from(LiveTimer.phase_id)),
    )
    .order_by(_LANE.id.desc())
    .limit(1)
    .scalar_subquery()
)  # fmt: skip
# where a phone's post-it goes: the live phase, whether it is written privately, where on the
# board it lands (the "Arrivées" lane or the board's first zone), the newest one in the lane
_WHERE = (
    select(
        LiveTimer.phase_id, LiveTimer.state, Phase.private_writing, Phase.board_template, Phase.method_key,
        Workshop.phone_notes, Workshop.board_scope,
        select(Note.x).where(Note.id == _NEWEST_IN_INBOX).scalar_subquery().label("newest_x"),
        select(Note.y).where(Note.id == _NEWEST_IN_INBOX).scalar_subquery().label("newest_y"),
    )
    .select_from(Workshop)
    .outerjoin(LiveTimer, LiveTimer.workshop_id == Workshop.id)
    .outerjoin(Phase, Phase.id == LiveTimer.phase_id)
    .where(Workshop.id == bindparam("wid"))
    # PostgreSQL: two hosts placing phones' post-its on one board take turns, each placing from
    # what the other wrote (SQLite has one writer at a time; it renders no lock)
    .with_for_update(of=Workshop)
)  # fmt: skip
# the post-its a phone's post-it must not land on, read around where it may land: those in
# "Arrivées", or the whole board's; and the newest one in "Arrivées" (the next one follows it)
_ON_PHASE_BOARD = (Note.workshop_id == bindparam("wid"),
                   Note.phase_id.is_not_distinct_from(bindparam("pid")))  # fmt: skip
_ON_WORKSHOP_BOARD = (Note.workshop_id == bindparam("wid"),)
_AROUND = (
    Note.x > bindparam("x0"), Note.x < bindparam("x1"),
    Note.y > bindparam("y0"), Note.y < bindparam("y1"),
)  # fmt: skip
_PLACED = {  # (the whole workshop's board, landing on the board rather than in "Arrivées")
    (False, True): select(Note.id, Note.x, Note.y).where(*_ON_PHASE_BOARD, *_AROUND),
    (True, True): select(Note.id, Note.x, Note.y).where(*_ON_WORKSHOP_BOARD, *_AROUND),
    (False, False): select(Note.id, Note.x, Note.y).where(*_ON_PHASE_BOARD, _IN_INBOX, *_AROUND),
    (True, False): select(Note.id, Note.x, Note.y).where(*_ON_WORKSHOP_BOARD, _IN_INBOX, *_AROUND),
}
_COUNT = {
    False: select(func.count()).select_from(Note).where(*_ON_PHASE_BOARD),
    True: select(func.count()).select_from(Note).where(*_ON_WORKSHOP_BOARD),
}
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
            if where.state == TimerState.ENDED:
                # read in the write: another server on the same base may have ended the séance
                raise SeanceNotOpen("ended")
            arrivals = _Arrivals(index, workshop_id, where, _arrived(conn, workshop_id, where))
        where = arrivals.where
        x, y = _arrival_spot(ctx, where, arrivals.before)
        now = ctx.clock()
        row = {"workshop_id": workshop_id, "phase_id": where.phase_id,
               "participant_id": participant_id, "author": author, "text": clean,
               "color": "jaune", "x": x, "y": y, "hidden": bool(where.private_writing),
               "created_at": now}  # fmt: skip
        arrivals.landed(session, index, x, y)  # the next post-it of the transaction lands after
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
            note_change(session, change)  # other processes on a PostgreSQL base hear of it
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
    before: Any  # what `_arrival_spot` needs: a `_Placed`

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

    def landed(self, session: Session, index: int, x: float, y: float) -> None:
        self.before.land(x, y)
        session.info[self.KEY] = _Arrivals(index, self.workshop_id, self.where, self.before)


@dataclass
class _Placed:
    """The post-its a phone's post-it must not cover, and the last place taken in the lane."""

    occupancy: Occupancy
    count: int
    last: int | None = None  # the lane's place of the previous arrival (None: not known)

    def land(self, x: float, y: float) -> None:
        self.occupancy.add(("new", self.count), note_rect(x, y))
        self.count += 1
        self.last = arrival_index(x, y)


def _arrived(conn: Connection, workshop_id: int, where: Any) -> _Placed:
    """What is on the board a phone's post-it lands on, read in the write's transaction (another
    host may have placed post-its a moment ago): the post-its around where it may land (in
    "Arrivées", or on the board), how many the board holds, the newest one in "Arrivées"."""
    workshop_scope = where.board_scope == Scope.WORKSHOP
    on_board = where.phone_notes == Arrival.BOARD
    params = {"wid": workshop_id, "pid": where.phase_id}
    query = _PLACED[workshop_scope, on_board]

    def load(region: tuple[float, float, float, float]) -> list[tuple[Any, Any]]:
        x, y, w, h = region
        around = {"x0": x - NOTE_W, "x1": x + w, "y0": y - NOTE_H, "y1": y + h}
        rows = conn.execute(query, {**params, **around})
        return [(r.id, note_rect(r.x, r.y)) for r in rows]

    if on_board:
        count = int(conn.execute(_COUNT[workshop_scope], params).scalar() or 0)
        return _Placed(Occupancy(load=load), count)
    last = -1 if where.newest_x is None else arrival_index(where.newest_x, where.newest_y)
    placed = _Placed(Occupancy(load=load), 0, last)
    # the lane's columns where the next post-its go, read at once
    column = max(0, last) // arrival_rows()
    x0, x1 = (arrival_spot(c * arrival_rows())[0] for c in (column + 3, column))
    placed.occupancy.read((x0, 0.0, x1 + NOTE_W - x0, ARRIVALS_HEIGHT))
    return placed


def _arrival_spot(ctx: Context, where: Any, before: _Placed) -> tuple[float, float]:
    """Where a phone's post-it lands: the next free place of the "Arrivées" grid, or the
    nearest free place to the next one of the board's first zone."""
    if where.phone_notes == Arrival.BOARD:
        method = ctx.library.method(where.method_key)
        template = template_for(where.board_template, method.board if method else None)
        return before.occupancy.nearest_free(*board_slot(template, before.count), min_x=BOARD_X)
    return arrival_spot(next_arrival(before.occupancy, before.last))


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

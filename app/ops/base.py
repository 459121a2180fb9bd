"""What every operation shares: the context, the journal, mutations and undo.

An operation validates its input, applies one or more *mutations* in a single
transaction, appends one journal entry (monotonic `seq`, who, when, what) in that
same transaction, then publishes one event. A mutation returns the arguments it
really applied (with the ids it assigned) and the mutations that revert it, so
the journal holds both directions: undo applies `inverse`, redo applies `forward`.

The one write path: `perform` (and `perform_async`, its twin for the server's event loop)
runs an operation's `build` in the store's write, applies the `Step` it returns, journals it,
remembers a phone's idempotency key in the same transaction, then publishes. `execute` is
`perform` for the usual (workshop id, mutations, label) operations. Besides them and undo /
redo, only the replica's own bookkeeping (`replica.apply_snapshot` / `apply_entries`), the key
of remote operations (`cofac._KeyedDatabase`) call `Database.write`;
tests/app/test_write_path.py counts them and walks every operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.events import Event, EventBus, Topic
from app.library import Library, load_library
from app.store.db import Database, Deferring, Later
from app.store.models import IdempotentRequest, JournalEntry, Workshop
from app.store.notify import note_change

T = TypeVar("T")

Action = list[Any]  # [mutation name, arguments]
Mutation = Callable[[Session, dict[str, Any]], tuple[dict[str, Any], list[Action]]]

MUTATIONS: dict[str, Mutation] = {}
# which views an undo or redo concerns, from the reverted operation's name
TOPIC_OF_PREFIX = {
    "agenda": Topic.AGENDA, "board": Topic.BOARD, "votes": Topic.VOTES, "photos": Topic.PHOTOS,
}  # fmt: skip


def mutation(name: str) -> Callable[[Mutation], Mutation]:
    def register(fn: Mutation) -> Mutation:
        MUTATIONS[name] = fn
        return fn

    return register


@dataclass
class Context:
    """Everything an operation needs; built once by the window, the CLI or the server."""

    db: Database
    bus: EventBus = field(default_factory=EventBus)
    library: Library = field(default_factory=load_library)
    actor: str = "animatrice"
    clock: Callable[[], float] = field(default_factory=Clock)

    def as_actor(self, actor: str) -> Context:
        return Context(self.db, self.bus, self.library, actor, self.clock)


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed: enough for a view to decide whether to refresh."""

    op: str
    topic: Topic
    seq: int
    workshop_id: int | None
    ids: tuple[int, ...] = ()
    result: Any = None


# the modules that register mutations: an undo in a process that never imported one of them
# (a fresh start, the command line) must still find its mutations
MUTATION_MODULES = (
    "app.ops.mutations", "app.ops.board", "app.ops.votes", "app.ops.projects", "app.ops.cofac",
    "app.ops.photos", "app.ops.participants", "app.ops.feedback", "app.ops.outcomes",
    "app.ops.capitalisation", "app.ops.formats", "app.ops.privacy",
)  # fmt: skip


def _mutation(name: str) -> Mutation:
    if name not in MUTATIONS:
        import importlib

        for module in MUTATION_MODULES:
            importlib.import_module(module)
    return MUTATIONS[name]


def apply_actions(session: Session, actions: list[Action]) -> tuple[list[Action], list[Action]]:
    """Apply mutations in order; return (forward as applied, inverse in reverse order)."""
    forward: list[Action] = []
    inverse: list[Action] = []
    for name, args in actions:
        applied, undo = _mutation(name)(session, dict(args))
        forward.append([name, applied])
        inverse[:0] = undo
    return forward, inverse


# Built once: executing a prepared statement with parameters skips SQLAlchemy's per-call
# coercion and cache-key work, a large share of an operation's cost (see bench/ops.py).
_FORGET_UNDONE = (
    update(JournalEntry)
    .where(JournalEntry.workshop_id == bindparam("wid"), JournalEntry.undo_state == "undone")
    .values(undo_state="dead")
)
_APPEND = insert(JournalEntry)
_TOUCH = (
    update(Workshop)
    .where(Workshop.id == bindparam("wid"))
    .values(updated_at=bindparam("touched_at"))
)


@dataclass(frozen=True, slots=True)
class JournalRef:
    seq: int


def journal(
    session: Session,
    ctx: Context,
    *,
    op: str,
    workshop_id: int | None,
    forward: list[Action],
    inverse: list[Action] | None = None,
    label: str = "",
) -> JournalRef:
    """Append one entry to the journal, in the operation's transaction; returns its `seq`.

    Written with Core statements rather than the ORM's unit of work: this is the hot path of
    every operation (see bench/ops.py).
    """
    undoable = inverse is not None and workshop_id is not None
    session.flush()  # the operation's own ORM changes go first
    conn = connection(session)  # Core statements: no unit of work, no identity map
    if undoable and workshop_id is not None:
        # a new action forgets what was undone before it (the usual redo rule); once per
        # workshop and transaction is enough, until an undo in the same transaction
        applied: set[int] = session.info.setdefault("redo_rule_applied", set())
        if workshop_id not in applied:
            conn.execute(_FORGET_UNDONE, {"wid": workshop_id})
            applied.add(workshop_id)
    result = conn.execute(
        _APPEND, entry_row(ctx, op, workshop_id, forward, inverse if undoable else None, label)
    )
    session.info.pop("phase_row", None)  # what one operation read is not the next one's
    key = result.inserted_primary_key
    assert key is not None
    return JournalRef(int(key[0]))


def entry_row(
    ctx: Context,
    op: str,
    workshop_id: int | None,
    forward: list[Action],
    inverse: list[Action] | None,
    label: str,
) -> dict[str, Any]:
    """A journal row's values (`journal` appends one; a batch of post-its appends many)."""
    return {
        "workshop_id": workshop_id,
        "at": ctx.clock(),
        "actor": ctx.actor,
        "op": op,
        "label": label[:200],
        "forward": forward,
        "inverse": inverse,
        "undo_state": "done" if inverse is not None else "",
    }


def connection(session: Session) -> Connection:
    """The session's connection, looked up once per transaction (a hot path)."""
    conn = session.info.get("connection")
    if conn is None:
        conn = session.info["connection"] = session.connection()
    return conn


def touch(session: Session, workshop_id: int, at: float) -> None:
    """Mark the workshop as modified without loading it (once per transaction: the writes
    grouped in one transaction are milliseconds apart)."""
    touched: set[int] = session.info.setdefault("touched", set())
    if workshop_id not in touched:
        connection(session).execute(_TOUCH, {"wid": workshop_id, "touched_at": at})
        touched.add(workshop_id)


def pin(session: Session, obj: T) -> T:
    """Keep `obj` in the session's identity map until the transaction ends.

    The identity map holds unmodified objects weakly: an entity loaded to validate an operation
    would be loaded again by its mutation a moment later. Pinning saves that second SELECT.
    """
    session.info.setdefault("pinned", []).append(obj)
    return obj


@dataclass(frozen=True, slots=True)
class Remember:
    """A request's idempotency key and the answer a retry gets, stored with the write."""

    key: str
    actor: str
    answer: dict[str, Any]
    at: float


@dataclass(slots=True)
class Step:
    """What an operation's `build` hands to the write path.

    `actions` are mutations the path applies (their inverses make the entry undoable);
    `applied` are mutations the operation already applied itself with prepared statements
    (the phones' hot paths), journalled as they are, before `actions`. Either way, what is
    journalled must be registered mutations with their full values (ids included), so a
    co-facilitator's replica replays them. `result` is handed back to the caller; `actor`
    journals the entry as someone else (a participant's phone); `ids` overrides the ids of
    the event (by default every `id` of the forward mutations); `remember` stores a request's
    key in the same transaction; `after` runs once the entry is journalled (same transaction).
    """

    workshop_id: int | None
    actions: list[Action] = field(default_factory=list)
    label: str = ""
    applied: list[Action] = field(default_factory=list)
    result: Any = None
    actor: str | None = None
    ids: tuple[int, ...] | None = None
    remember: Remember | None = None
    after: Callable[[Session, JournalRef], None] | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What `perform` returns: the change (None for a replayed request), the result."""

    change: Change | None
    result: Any = None
    replayed: bool = False


# `build` validates and returns a Step; or an Outcome (a retry answered from its stored key:
# nothing is written), or a `Later` completed by the store's deferred statements (an Outcome)
Build = Callable[[Session], "Step | Outcome | Later"]

_REMEMBER = insert(IdempotentRequest)
_STORED = select(IdempotentRequest.response).where(IdempotentRequest.key == bindparam("key"))


def stored_answer(session: Session, key: str) -> dict[str, Any] | None:
    """The answer remembered for a request's key (a retry), None for a new request."""
    found = connection(session).execute(_STORED, {"key": key}).scalar()
    return dict(found) if found is not None else None


def remember(session: Session, what: Remember) -> None:
    connection(session).execute(
        _REMEMBER, {"key": what.key, "actor": what.actor, "response": what.answer, "at": what.at}
    )


def commit_step(
    session: Session, ctx: Context, *, op: str, topic: Topic, step: Step, undoable: bool = True
) -> Outcome:
    """Apply, journal and remember one step, inside the store's write (the core of `perform`;
    a batch of deferred writes builds the same entries itself, see ops/notes.py)."""
    forward, inverse = apply_actions(session, step.actions) if step.actions else ([], [])
    if step.applied:
        forward = step.applied + forward
        if undoable:
            raise AssertionError(f"{op}: mutations applied by hand have no inverse")
    entry = journal(
        session,
        ctx if step.actor is None else ctx.as_actor(step.actor),
        op=op,
        workshop_id=step.workshop_id,
        forward=forward,
        inverse=inverse if undoable else None,
        label=step.label,
    )
    if step.remember is not None:
        remember(session, step.remember)
    if step.after is not None:
        step.after(session, entry)
    ids = step.ids
    if ids is None:
        ids = tuple(a[1]["id"] for a in forward if isinstance(a[1].get("id"), int))
    change = Change(op, topic, entry.seq, step.workshop_id, ids)
    note_change(session, change)  # other processes on a PostgreSQL base hear of it at commit
    return Outcome(change, step.result)


def _work(
    ctx: Context, op: str, topic: Topic, build: Build, undoable: bool, deferring: bool
) -> Callable[[Session], Outcome]:
    """The store's work of one operation (a `Later` it returns is an Outcome once the store
    ran the deferred statements: what `write` returns)."""

    def work(session: Session) -> Outcome | Later:
        step = build(session)
        if isinstance(step, Outcome | Later):
            return step
        return commit_step(session, ctx, op=op, topic=topic, step=step, undoable=undoable)

    return cast(Callable[[Session], Outcome], Deferring(work) if deferring else work)


def perform(
    ctx: Context,
    *,
    op: str,
    topic: Topic,
    build: Build,
    undoable: bool = True,
    deferring: bool = False,
) -> Outcome:
    """Run one operation through the one write path: write, journal, publish.

    `deferring`: `build` may return a `Later` (its inserts run together with the following
    writes of the same kind, see `Deferring`).
    """
    outcome: Outcome = ctx.db.write(_work(ctx, op, topic, build, undoable, deferring))
    if outcome.change is not None:
        publish(ctx, outcome.change)
    return outcome


async def perform_async(
    ctx: Context,
    *,
    op: str,
    topic: Topic,
    build: Build,
    undoable: bool = True,
    deferring: bool = False,
) -> Outcome:
    """`perform` from the server's event loop: the same write, awaited (no thread held)."""
    outcome: Outcome = await ctx.db.write_async(_work(ctx, op, topic, build, undoable, deferring))
    if outcome.change is not None:
        publish(ctx, outcome.change)
    return outcome


def execute(
    ctx: Context,
    *,
    op: str,
    topic: Topic,
    build: Callable[[Session], tuple[int | None, list[Action], str]],
    undoable: bool = True,
) -> Change:
    """Run one operation: `build` validates and returns (workshop id, mutations, label)."""

    def step(session: Session) -> Step:
        workshop_id, actions, label = build(session)
        return Step(workshop_id, actions, label)

    change = perform(ctx, op=op, topic=topic, build=step, undoable=undoable).change
    assert change is not None
    return change


def publish(ctx: Context, change: Change) -> None:
    ctx.bus.publish(Event(change.topic, change.op, change.workshop_id, change.seq, change.ids))


def undo_candidates(
    session: Session, workshop_id: int
) -> tuple[JournalEntry | None, JournalEntry | None]:
    """The entry an undo would revert, and the one a redo would apply again."""
    undo = session.scalars(
        select(JournalEntry)
        .where(JournalEntry.workshop_id == workshop_id, JournalEntry.undo_state == "done")
        .order_by(JournalEntry.seq.desc())
        .limit(1)
    ).first()
    redo = session.scalars(
        select(JournalEntry)
        .where(JournalEntry.workshop_id == workshop_id, JournalEntry.undo_state == "undone")
        .order_by(JournalEntry.seq.asc())
        .limit(1)
    ).first()
    return undo, redo


def _undo_or_redo(ctx: Context, workshop_id: int, *, redo: bool) -> Change | None:
    def work(session: Session) -> Change | None:
        to_undo, to_redo = undo_candidates(session, workshop_id)
        target = to_redo if redo else to_undo
        if target is None:
            return None
        actions = target.forward if redo else (target.inverse or [])
        forward, reverse = apply_actions(session, actions)
        # what reverts this step now: fresher than the entry's old snapshot (votes cast on a
        # restored post-it since, say), so undo → redo → undo loses nothing
        if redo:
            target.inverse = reverse
        else:
            target.forward = reverse
        target.undo_state = "done" if redo else "undone"
        session.info.get("redo_rule_applied", set()).discard(workshop_id)
        entry = JournalEntry(
            workshop_id=workshop_id,
            at=ctx.clock(),
            actor=ctx.actor,
            op="redo" if redo else "undo",
            label=target.label,
            forward=forward,
            inverse=None,
            undo_state="",
        )
        session.add(entry)
        session.flush()
        topic = TOPIC_OF_PREFIX.get(target.op.split(".")[0], Topic.WORKSHOP)
        change = Change(entry.op, topic, entry.seq, workshop_id, (target.seq,))
        note_change(session, change)
        return change

    change = ctx.db.write(work)
    if change is not None:
        publish(ctx, change)
    return change


def undo(ctx: Context, workshop_id: int) -> Change | None:
    """Revert the workshop's last undoable action (it survives a restart: it is in the journal)."""
    return _undo_or_redo(ctx, workshop_id, redo=False)


def redo(ctx: Context, workshop_id: int) -> Change | None:
    return _undo_or_redo(ctx, workshop_id, redo=True)

"""What every operation shares: the context, the journal, mutations and undo.

An operation validates its input, applies one or more *mutations* in a single
transaction, appends one journal entry (monotonic `seq`, who, when, what) in that
same transaction, then publishes one event. A mutation returns the arguments it
really applied (with the ids it assigned) and the mutations that revert it, so
the journal holds both directions: undo applies `inverse`, redo applies `forward`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.events import Event, EventBus, Topic
from app.library import Library, load_library
from app.store.db import Database
from app.store.models import JournalEntry, Workshop

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
    "app.ops.photos",
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
        _APPEND,
        {
            "workshop_id": workshop_id,
            "at": ctx.clock(),
            "actor": ctx.actor,
            "op": op,
            "label": label[:200],
            "forward": forward,
            "inverse": inverse if undoable else None,
            "undo_state": "done" if undoable else "",
        },
    )
    session.info.pop("phase_row", None)  # what one operation read is not the next one's
    key = result.inserted_primary_key
    assert key is not None
    return JournalRef(int(key[0]))


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


def execute(
    ctx: Context,
    *,
    op: str,
    topic: Topic,
    build: Callable[[Session], tuple[int | None, list[Action], str]],
    undoable: bool = True,
) -> Change:
    """Run one operation: `build` validates and returns (workshop id, mutations, label)."""

    def work(session: Session) -> Change:
        workshop_id, actions, label = build(session)
        forward, inverse = apply_actions(session, actions)
        entry = journal(
            session,
            ctx,
            op=op,
            workshop_id=workshop_id,
            forward=forward,
            inverse=inverse if undoable else None,
            label=label,
        )
        ids = tuple(a[1]["id"] for a in forward if isinstance(a[1].get("id"), int))
        return Change(op, topic, entry.seq, workshop_id, ids)

    change = ctx.db.write(work)
    publish(ctx, change)
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
        return Change(entry.op, topic, entry.seq, workshop_id, (target.seq,))

    change = ctx.db.write(work)
    if change is not None:
        publish(ctx, change)
    return change


def undo(ctx: Context, workshop_id: int) -> Change | None:
    """Revert the workshop's last undoable action (it survives a restart: it is in the journal)."""
    return _undo_or_redo(ctx, workshop_id, redo=False)


def redo(ctx: Context, workshop_id: int) -> Change | None:
    return _undo_or_redo(ctx, workshop_id, redo=True)

"""The reversible mutations the journal records. Each returns (applied args, inverse)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import RowMapping, Update, bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.errors import InvalidInput, NotFound
from app.ops.base import Action, connection, mutation, pin
from app.store.models import LiveTimer, Phase, Workshop

PHASE_FIELDS = (
    "title", "method_key", "planned_minutes", "kind", "instructions", "notes",
    "private_writing", "board_template",
)  # fmt: skip
# what a séance recorded on a phase: kept by delete/undo, changed only by `phase.times`
PHASE_TIMES = ("actual_start", "actual_end", "left_remaining", "left_planned")
WORKSHOP_FIELDS = (
    "title", "cadrage", "place", "start_date", "status", "board_scope", "phone_notes",
)  # fmt: skip


def get_phase(session: Session, phase_id: int) -> Phase:
    phase = session.get(Phase, phase_id)
    if phase is None:
        raise NotFound("Cette séquence n'existe plus.")
    return pin(session, phase)


# The agenda's hot path reads and writes a phase's plain fields with prepared statements
# instead of loading an ORM object and flushing it (see bench/ops.py).
_PHASE_ROW = select(Phase.id, Phase.workshop_id, *(getattr(Phase, k) for k in PHASE_FIELDS)).where(
    Phase.id == bindparam("pid")
)


def phase_row(session: Session, phase_id: int) -> RowMapping:
    """A phase's plain fields, without loading it as an object.

    The row an operation read to validate is handed to its mutation (one SELECT, not two);
    the journal entry that ends the operation forgets it.
    """
    cached = session.info.get("phase_row")
    if cached is not None and cached["id"] == phase_id:
        return cached
    row = connection(session).execute(_PHASE_ROW, {"pid": phase_id}).mappings().first()
    if row is None:
        raise NotFound("Cette séquence n'existe plus.")
    session.info["phase_row"] = row
    return row


@lru_cache(maxsize=64)
def _phase_update_statement(keys: tuple[str, ...]) -> Update:
    return (
        update(Phase)
        .where(Phase.id == bindparam("pid"))
        .values({key: bindparam(f"new_{key}") for key in keys})
    )


def get_workshop(session: Session, workshop_id: int) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            "L'atelier n° {workshop_id} n'existe pas (ou a été supprimé).", workshop_id=workshop_id
        )
    return workshop


def _shift(session: Session, block_id: int, from_position: int, delta: int) -> None:
    session.execute(
        update(Phase)
        .where(Phase.block_id == block_id, Phase.position >= from_position)
        .values(position=Phase.position + delta)
    )


def _block_size(session: Session, block_id: int) -> int:
    return len(session.scalars(select(Phase.id).where(Phase.block_id == block_id)).all())


@mutation("phase.insert")
def phase_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    position = max(0, min(int(args["position"]), _block_size(session, args["block_id"])))
    _shift(session, args["block_id"], position, +1)
    phase = Phase(
        id=args.get("id"),
        workshop_id=args["workshop_id"],
        block_id=args["block_id"],
        position=position,
        **{k: args[k] for k in PHASE_FIELDS + PHASE_TIMES if k in args},
    )
    session.add(phase)
    session.flush()
    applied = {**args, "id": phase.id, "position": position}
    return applied, [["phase.delete", {"id": phase.id}]]


@mutation("phase.delete")
def phase_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    phase = get_phase(session, args["id"])
    live = session.scalars(
        select(LiveTimer).where(LiveTimer.phase_id == phase.id, LiveTimer.state != "ended")
    ).first()
    if live is not None:
        raise InvalidInput(
            "« {title} » est en cours dans la séance : passez à une autre séquence avant de la retirer.",
            title=phase.title,
        )
    snapshot = {
        "id": phase.id,
        "workshop_id": phase.workshop_id,
        "block_id": phase.block_id,
        "position": phase.position,
        **{k: getattr(phase, k) for k in PHASE_FIELDS + PHASE_TIMES},
    }
    session.delete(phase)
    session.flush()
    _shift(session, snapshot["block_id"], snapshot["position"] + 1, -1)
    return {"id": snapshot["id"]}, [["phase.insert", snapshot]]


@mutation("phase.update")
def phase_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = phase_row(session, args["id"])
    session.info.pop("phase_row", None)  # used once: the phase changes now
    changes = {k: v for k, v in args["changes"].items() if k in PHASE_FIELDS}
    old = {k: row[k] for k in changes}
    if changes:
        session.flush()  # earlier ORM changes of the transaction go first
        statement = _phase_update_statement(tuple(sorted(changes)))
        params = {"pid": row["id"], **{f"new_{k}": v for k, v in changes.items()}}
        connection(session).execute(statement, params)
        loaded = session.identity_map.get(session.identity_key(Phase, row["id"]))
        if loaded is not None:  # an object of this phase already loaded sees the new values
            for key, value in changes.items():
                set_committed_value(loaded, key, value)
    return {"id": row["id"], "changes": changes}, [
        ["phase.update", {"id": row["id"], "changes": old}]
    ]


@mutation("phase.move")
def phase_move(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    phase = get_phase(session, args["id"])
    old_block, old_position = phase.block_id, phase.position
    new_block = args.get("block_id") or old_block
    phase.position = -1  # out of the way while the others close the gap
    session.flush()
    _shift(session, old_block, old_position + 1, -1)
    position = max(
        0,
        min(
            int(args["position"]),
            _block_size(session, new_block) - (1 if new_block == old_block else 0),
        ),
    )
    _shift(session, new_block, position, +1)
    phase.block_id = new_block
    phase.position = position
    session.flush()
    applied = {"id": phase.id, "block_id": new_block, "position": position}
    return applied, [
        ["phase.move", {"id": phase.id, "block_id": old_block, "position": old_position}]
    ]


def _to_db(key: str, value: Any) -> Any:
    if key == "start_date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _to_json(key: str, value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


@mutation("workshop.update")
def workshop_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    workshop = get_workshop(session, args["id"])
    changes = {k: _to_json(k, v) for k, v in args["changes"].items() if k in WORKSHOP_FIELDS}
    old = {k: _to_json(k, getattr(workshop, k)) for k in changes}
    for key, value in changes.items():
        setattr(workshop, key, _to_db(key, value))
    return {"id": workshop.id, "changes": changes}, [
        ["workshop.update", {"id": workshop.id, "changes": old}]
    ]


@mutation("workshop.join_code")
def workshop_join_code(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    """The workshop's join code, replaced (its posters stop working)."""
    workshop = get_workshop(session, args["id"])
    old = workshop.join_code
    workshop.join_code = args["code"]
    return {"id": workshop.id, "code": args["code"]}, [
        ["workshop.join_code", {"id": workshop.id, "code": old}]
    ]


TIMER_FIELDS = (
    "block_id",
    "phase_id",
    "state",
    "planned",
    "remaining",
    "deadline",
    "session_start",
)


def _timer_row(timer: LiveTimer | None) -> dict[str, Any] | None:
    if timer is None:
        return None
    return {"workshop_id": timer.workshop_id, **{k: getattr(timer, k) for k in TIMER_FIELDS}}


@mutation("timer.set")
def timer_set(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Replace the workshop's timer row (`row` None removes it)."""
    workshop_id = args["workshop_id"]
    timer = session.get(LiveTimer, workshop_id)
    before = _timer_row(timer)
    row = args.get("row")
    if row is None:
        if timer is not None:
            session.delete(timer)
    else:
        if timer is None:
            timer = LiveTimer(workshop_id=workshop_id)
            session.add(timer)
        for key in TIMER_FIELDS:
            if key in row:
                setattr(timer, key, row[key])
    session.flush()
    return {"workshop_id": workshop_id, "row": row}, [
        ["timer.set", {"workshop_id": workshop_id, "row": before}]
    ]


@mutation("phase.times")
def phase_times(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Record when a phase really started and ended."""
    phase = get_phase(session, args["id"])
    old = {k: getattr(phase, k) for k in PHASE_TIMES}
    for key in PHASE_TIMES:
        if key in args:
            setattr(phase, key, args[key])
    applied: dict[str, Any] = {"id": phase.id}
    applied.update({k: args[k] for k in PHASE_TIMES if k in args})
    return applied, [["phase.times", {"id": phase.id, **old}]]

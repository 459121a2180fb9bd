"""Agenda operations, all undoable: add a phase (from a method), remove, reorder, durations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.agenda import MAX_TEXT_CHARS, MAX_TITLE_CHARS, check_minutes, clean_text
from app.domain.model import PhaseKind
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops import mutations as _mutations  # noqa: F401
from app.ops.base import Action, Change, Context, execute, touch
from app.ops.mutations import get_phase, phase_row
from app.store.models import Block, Phase


def _get_block(session: Session, block_id: int) -> Block:
    block = session.get(Block, block_id)
    if block is None:
        raise NotFound("Cette partie de l'agenda n'existe plus.")
    return block


def _touch(session: Session, ctx: Context, workshop_id: int) -> None:
    touch(session, workshop_id, ctx.clock())


def add_phase(
    ctx: Context,
    block_id: int,
    *,
    method_key: str | None = None,
    title: str | None = None,
    minutes: int | None = None,
    position: int | None = None,
    kind: PhaseKind = PhaseKind.WORK,
) -> Change:
    """Add a phase, from a method of the library or blank; at the end unless a position is given."""
    method = ctx.library.method(method_key)
    if method_key and method is None:
        raise InvalidInput("Méthode inconnue « {method_key} ».", method_key=method_key)
    if kind == PhaseKind.BREAK:
        default_title, default_minutes = "Pause", 15
    elif method:
        default_title, default_minutes = method.name, method.default_minutes
    else:
        default_title, default_minutes = "Nouvelle séquence", 15
    clean_title = clean_text(
        title or default_title, what="Titre", limit=MAX_TITLE_CHARS, required=True
    )
    planned = check_minutes(minutes if minutes is not None else default_minutes)
    instructions = method.summary if method else ""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        block = _get_block(session, block_id)
        _touch(session, ctx, block.workshop_id)
        count = len(session.scalars(select(Phase.id).where(Phase.block_id == block.id)).all())
        args = {
            "workshop_id": block.workshop_id,
            "block_id": block.id,
            "position": count if position is None else position,
            "title": clean_title,
            "method_key": method.key if method else None,
            "planned_minutes": planned,
            "kind": PhaseKind(kind).value,
            "instructions": instructions,
            "notes": "",
        }
        return block.workshop_id, [["phase.insert", args]], f"Ajout de « {clean_title} »"

    return execute(ctx, op="agenda.add", topic=Topic.AGENDA, build=build)


def remove_phase(ctx: Context, phase_id: int) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        phase = get_phase(session, phase_id)
        _touch(session, ctx, phase.workshop_id)
        return (
            phase.workshop_id,
            [["phase.delete", {"id": phase.id}]],
            f"Suppression de « {phase.title} »",
        )

    return execute(ctx, op="agenda.remove", topic=Topic.AGENDA, build=build)


def move_phase(ctx: Context, phase_id: int, position: int, block_id: int | None = None) -> Change:
    """Move a phase to `position` (0-based, in its block or in `block_id`)."""
    if position < 0:
        raise InvalidInput("Position invalide.")

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        phase = get_phase(session, phase_id)
        if block_id is not None:
            target = _get_block(session, block_id)
            if target.workshop_id != phase.workshop_id:
                raise InvalidInput("Une séquence ne peut pas changer d'atelier.")
        _touch(session, ctx, phase.workshop_id)
        args = {"id": phase.id, "block_id": block_id or phase.block_id, "position": position}
        return phase.workshop_id, [["phase.move", args]], f"Déplacement de « {phase.title} »"

    return execute(ctx, op="agenda.move", topic=Topic.AGENDA, build=build)


def set_phase_minutes(ctx: Context, phase_id: int, minutes: int) -> Change:
    return update_phase(ctx, phase_id, planned_minutes=minutes)


def update_phase(ctx: Context, phase_id: int, **fields: Any) -> Change:
    """Change title, duration, method, kind, instructions or facilitator notes of a phase."""
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "title":
            changes[key] = clean_text(value, what="Titre", limit=MAX_TITLE_CHARS, required=True)
        elif key == "planned_minutes":
            changes[key] = check_minutes(value)
        elif key in ("instructions", "notes"):
            changes[key] = clean_text(value, what="Texte", limit=MAX_TEXT_CHARS)
        elif key == "method_key":
            if value is not None and ctx.library.method(value) is None:
                raise InvalidInput("Méthode inconnue « {value} ».", value=value)
            changes[key] = value
        elif key == "kind":
            try:
                changes[key] = PhaseKind(value).value
            except ValueError:
                raise InvalidInput("Type de séquence inconnu.") from None
        else:
            raise InvalidInput("Champ inconnu « {key} ».", key=key)

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        phase = phase_row(session, phase_id)
        _touch(session, ctx, phase["workshop_id"])
        what = "Durée" if set(changes) == {"planned_minutes"} else "Modification"
        label = f"{what} de « {phase['title']} »"
        return phase["workshop_id"], [["phase.update", {"id": phase_id, "changes": changes}]], label

    return execute(ctx, op="agenda.update", topic=Topic.AGENDA, build=build)

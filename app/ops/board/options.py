"""A board's settings: private writing and its reveal, the template, the scope and
where phones' post-its arrive."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.board import (
    TEMPLATES,
    Arrival,
    Scope,
)
from app.errors import InvalidInput
from app.ops.base import Action, Change, Context
from app.ops.board.common import (
    _board,
    _phase_of,
    _plural,
    _scope,
)
from app.store.models import Note


def reveal(ctx: Context, workshop_id: int, phase_id: int | None) -> Change:
    """Show the text of the post-its written privately on this board."""

    def build(session: Session) -> tuple[list[Action], str]:
        query = select(Note.id).where(Note.workshop_id == workshop_id, Note.hidden.is_(True))
        if phase_id is not None and _scope(session, workshop_id) == Scope.PHASE:
            query = query.where(Note.phase_id == phase_id)
        hidden = session.scalars(query).all()
        if not hidden:
            raise InvalidInput("Aucun post-it caché à révéler.")
        actions: list[Action] = [
            ["note.update", {"id": i, "changes": {"hidden": False}}] for i in hidden
        ]
        return actions, _plural(len(hidden), "Révéler un post-it", "Révéler {n} post-its")

    return _board(ctx, workshop_id, "board.reveal", build)


def set_private(ctx: Context, workshop_id: int, phase_id: int, private: bool) -> Change:
    """Turn "écriture individuelle" on or off for a phase (phones' text hidden until revealed)."""

    def build(session: Session) -> tuple[list[Action], str]:
        _phase_of(session, workshop_id, phase_id)
        label = "Écriture individuelle" if private else "Fin de l'écriture individuelle"
        return [
            ["phase.update", {"id": phase_id, "changes": {"private_writing": bool(private)}}]
        ], label

    return _board(ctx, workshop_id, "board.private", build)


def set_template(ctx: Context, workshop_id: int, phase_id: int, template: str | None) -> Change:
    if template is not None and template not in TEMPLATES:
        raise InvalidInput("Modèle de tableau inconnu : {template}.", template=template)

    def build(session: Session) -> tuple[list[Action], str]:
        _phase_of(session, workshop_id, phase_id)
        name = TEMPLATES[template].name if template else "celui de la méthode"
        return [
            ["phase.update", {"id": phase_id, "changes": {"board_template": template}}]
        ], f"Modèle : {name}"

    return _board(ctx, workshop_id, "board.template", build)


def set_options(
    ctx: Context, workshop_id: int, *, scope: str | None = None, arrival: str | None = None
) -> Change:
    changes: dict[str, Any] = {}
    try:
        if scope is not None:
            changes["board_scope"] = Scope(scope).value
        if arrival is not None:
            changes["phone_notes"] = Arrival(arrival).value
    except ValueError as exc:
        raise InvalidInput("Réglage du tableau inconnu : {exc}.", exc=exc) from None
    if not changes:
        raise InvalidInput("Rien à modifier.")

    def build(session: Session) -> tuple[list[Action], str]:
        return [["workshop.update", {"id": workshop_id, "changes": changes}]], "Réglages du tableau"

    return _board(ctx, workshop_id, "board.options", build)

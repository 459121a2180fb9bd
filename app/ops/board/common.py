"""Small helpers of the board's operations: rows found or refused, ids, colours,
coordinates, groups left empty, the board's scope, the one transaction (`_board`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.board import (
    COLOURS,
    Scope,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute
from app.ops.mutations import get_phase, get_workshop
from app.store.models import Cluster, Note

LIMIT = 2000  # items one gesture may touch


def _note(session: Session, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise NotFound("Ce post-it n'existe plus.")
    return note


def _cluster(session: Session, cluster_id: int) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound("Ce groupe n'existe plus.")
    return cluster


def _ids(ids: Iterable[int], what: str = "post-it") -> list[int]:
    unique = list(dict.fromkeys(int(i) for i in ids))
    if not unique:
        raise InvalidInput("Sélectionnez au moins un {what}.", what=what)
    if len(unique) > LIMIT:
        raise InvalidInput("{LIMIT} éléments au plus à la fois.", LIMIT=LIMIT)
    return unique


def _notes(session: Session, workshop_id: int, ids: Sequence[int]) -> list[Note]:
    notes = session.scalars(
        select(Note).where(Note.workshop_id == workshop_id, Note.id.in_(ids))
    ).all()
    if len(notes) != len(ids):
        raise NotFound("Un des post-its n'existe plus (un autre écran l'a peut-être supprimé).")
    by_id = {n.id: n for n in notes}
    return [by_id[i] for i in ids]


def _colour(value: str) -> str:
    if value not in COLOURS:
        raise InvalidInput("Couleur inconnue : {value}.", value=value)
    return value


def _coordinate(value: float) -> float:
    number = float(value)
    if not -1e6 <= number <= 1e6:  # NaN fails both comparisons
        raise InvalidInput("Position hors du tableau.")
    return number


def _emptied_clusters(session: Session, leaving: Mapping[int, int | None]) -> list[Action]:
    """Delete the clusters that the notes in `leaving` (note id → old cluster) leave empty."""
    actions: list[Action] = []
    for cluster_id in {c for c in leaving.values() if c is not None}:
        remaining = session.scalar(
            select(func.count())
            .select_from(Note)
            .where(Note.cluster_id == cluster_id, Note.id.not_in(list(leaving)))
        )
        if not remaining:
            actions.append(["cluster.delete", {"id": cluster_id}])
    return actions


def _phase_of(session: Session, workshop_id: int, phase_id: int | None) -> int | None:
    if phase_id is None:
        return None
    phase = get_phase(session, phase_id)
    if phase.workshop_id != workshop_id:
        raise InvalidInput("Cette séquence appartient à un autre atelier.")
    return phase.id


def _board(ctx: Context, workshop_id: int, op: str, build: Any) -> Change:
    def wrapped(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        actions, label = build(session)
        return workshop_id, actions, label

    return execute(ctx, op=op, topic=Topic.BOARD, build=wrapped)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


def _scope(session: Session, workshop_id: int) -> Scope:
    return Scope(get_workshop(session, workshop_id).board_scope)

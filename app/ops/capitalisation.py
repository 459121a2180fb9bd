"""Retours d'expérience on methods (capitalisation): the facilitator's review of each method
used in a séance, and what the reviews and the séances add up to per method.

A method counts as used once per phase run with it (a phase the timer started) in a workshop
that is not a répétition; reviews of répétitions are not counted either. A second review of
the same method for the same workshop and phase replaces the first (one undoable operation).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.capitalisation import (
    MAX_REVIEW_TEXT,
    RATINGS,
    MethodReviewInfo,
    MethodUsage,
    usage,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute, mutation
from app.ops.mutations import get_workshop
from app.store.models import MethodReview, Phase, Workshop

REVIEW_FIELDS = ("workshop_id", "phase_id", "method_key", "rating", "worked", "change", "at")


@mutation("method_review.insert")
def review_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A retour d'expérience: {workshop_id, phase_id, method_key, rating, worked, change, at},
    an `id` when it comes back."""
    fields = {k: args[k] for k in REVIEW_FIELDS}
    if fields["phase_id"] is not None and session.get(Phase, fields["phase_id"]) is None:
        fields["phase_id"] = None  # the phase left the agenda since: the review stays
    row = MethodReview(id=args.get("id"), **fields)
    session.add(row)
    session.flush()
    return {**fields, "id": row.id}, [["method_review.delete", {"id": row.id}]]


@mutation("method_review.delete")
def review_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(MethodReview, args["id"])
    if row is None:
        raise NotFound("Ce retour d'expérience n'existe plus.")
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in REVIEW_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["method_review.insert", snapshot]]


def _rating(rating: object) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS:
        raise InvalidInput("La note va de 1 à 5.")
    return rating


def review_method(
    ctx: Context,
    workshop_id: int,
    method_key: str,
    rating: int,
    worked: str = "",
    change: str = "",
    phase_id: int | None = None,
) -> Change:
    """Record the facilitator's retour d'expérience on a method (replacing her earlier one for
    the same workshop, method and phase). Undoable; `Change.ids` holds the review's id."""
    key = clean_text(method_key, what="La méthode", limit=60, required=True).strip()
    values = {
        "rating": _rating(rating),
        "worked": clean_text(worked, what="Ce qui a marché", limit=MAX_REVIEW_TEXT).strip(),
        "change": clean_text(change, what="Ce qu'il faudrait changer",
                             limit=MAX_REVIEW_TEXT).strip(),
    }  # fmt: skip

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        if phase_id is not None:
            phase = session.get(Phase, phase_id)
            if phase is None or phase.workshop_id != workshop_id:
                raise NotFound(
                    "La séquence n° {phase_id} n'est pas dans cet atelier.", phase_id=phase_id
                )
        earlier = session.scalars(
            select(MethodReview.id).where(
                MethodReview.workshop_id == workshop_id,
                MethodReview.method_key == key,
                MethodReview.phase_id.is_(None)
                if phase_id is None
                else MethodReview.phase_id == phase_id,
            )
        ).all()
        actions: list[Action] = [["method_review.delete", {"id": i}] for i in earlier]
        row = {"workshop_id": workshop_id, "phase_id": phase_id, "method_key": key,
               **values, "at": ctx.clock()}  # fmt: skip
        actions.append(["method_review.insert", row])
        method = ctx.library.method(key)
        name = method.name if method else key
        return workshop_id, actions, f"Retour d'expérience « {name[:40]} »"

    return execute(ctx, op="capitalisation.review", topic=Topic.WORKSHOP, build=build)


def _info(row: MethodReview, title: str = "") -> MethodReviewInfo:
    return MethodReviewInfo(
        row.id, row.workshop_id, row.phase_id, row.method_key, row.rating, row.worked,
        row.change, row.at, title,
    )  # fmt: skip


def method_reviews(ctx: Context, workshop_id: int) -> list[MethodReviewInfo]:
    """The workshop's retours d'expérience, oldest first."""

    def work(session: Session) -> list[MethodReviewInfo]:
        title = get_workshop(session, workshop_id).title
        rows = session.scalars(
            select(MethodReview)
            .where(MethodReview.workshop_id == workshop_id)
            .order_by(MethodReview.at, MethodReview.id)
        )
        return [_info(r, title) for r in rows]

    return ctx.db.read(work)


def usage_between(
    session: Session, first: float | None = None, after_last: float | None = None
) -> dict[str, MethodUsage]:
    """Per method: phases run with it and its reviews (within [first, after_last) when given),
    répétitions aside. Inside a read (the bilan shares its transaction)."""
    counted = (
        select(Phase.method_key, func.count())
        .join(Workshop, Phase.workshop_id == Workshop.id)
        .where(
            Phase.method_key.is_not(None),
            Phase.actual_start.is_not(None),
            Workshop.rehearsal_of.is_(None),
        )
    )
    reviewed = (
        select(MethodReview, Workshop.title)
        .join(Workshop, MethodReview.workshop_id == Workshop.id)
        .where(Workshop.rehearsal_of.is_(None))
    )
    if first is not None:
        counted = counted.where(Phase.actual_start >= first)
        reviewed = reviewed.where(MethodReview.at >= first)
    if after_last is not None:
        counted = counted.where(Phase.actual_start < after_last)
        reviewed = reviewed.where(MethodReview.at < after_last)
    uses = Counter(
        {key: n for key, n in session.execute(counted.group_by(Phase.method_key)) if key}
    )
    reviews = [_info(row, title) for row, title in session.execute(reviewed)]
    return usage(uses, reviews)


def method_usage(ctx: Context) -> dict[str, MethodUsage]:
    """Per method key: times used, ratings (their mean), latest notes; every workshop."""
    return ctx.db.read(lambda session: usage_between(session))

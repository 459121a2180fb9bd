"""Répétition: a copy of a workshop to practise on, and its wipe in one action.

LaBase's "marche à suivre" has a step for test sessions and co-facilitation rehearsal. A
rehearsal is a new workshop made from the original's cadrage and agenda (séances, phases,
board templates, the programme's milestones) through the JSON archive (`app.ops.archive`),
with nothing of a live séance (no participant, post-it, vote, feedback, chantier, photo, no
actual times), and flagged `rehearsal_of = <the original's id>`. The simulated phones
(`app.rehearsal`) then play its séance through the real server.

A rehearsal is never counted in the bilan (`app.ops.activity` leaves it out) and is wiped by
`wipe_rehearsal`: every row of it, its journal entries and its phones' stored answers, in one
transaction; one journal entry (no workshop) keeps the trace that it existed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import KnownError
from app.events import Topic
from app.ops import archive
from app.ops.base import Change, Context, Step, journal, perform
from app.ops.mutations import get_workshop
from app.store.models import IdempotentRequest, JournalEntry, Workshop

PREFIX = "Répétition — "
# what a rehearsal copies of its original (the archive's other tables start empty)
COPIED = ("workshops", "programmes", "milestones", "blocks", "phases", "methods")
# what a séance wrote on the copied rows: a rehearsal starts from a fresh agenda
RESET = {
    "phases": ("actual_start", "actual_end", "left_remaining", "left_planned"),
    "milestones": ("done_at",),
}


class RehearsalError(KnownError):
    code = "repetition"


def rehearsal_title(title: str) -> str:
    """The rehearsal's title: the original's, marked (at most the column's 200 characters)."""
    return (PREFIX + title.removeprefix(PREFIX))[:200]


def create_rehearsal(ctx: Context, workshop_id: int) -> Change:
    """A rehearsal of the workshop (of its original, when it is a rehearsal itself); the
    change's `workshop_id` is the new workshop's."""
    data = archive.export_archive(ctx, workshop_id, linked=True)
    tables: dict[str, list[dict[str, Any]]] = data["tables"]
    for name in tables:
        if name not in COPIED:
            tables[name] = []
    for name, columns in RESET.items():
        for row in tables[name]:
            row.update(dict.fromkeys(columns))
    (workshop,) = tables["workshops"]
    original = workshop["rehearsal_of"] or workshop_id
    original_title = str(workshop["title"])
    now = ctx.clock()
    workshop.update(
        title=rehearsal_title(original_title),
        status="draft",
        rehearsal_of=original,
        created_at=now,
        updated_at=now,
    )
    data["sha256"] = archive._digest(tables)

    def mark(session: Session, new_ids: archive.NewIds) -> None:
        new_id = next(iter(new_ids["workshops"].values()))
        journal(
            session,
            ctx,
            op="rehearsal.create",
            workshop_id=new_id,
            forward=[["rehearsal.create", {"id": new_id, "original": original}]],
            label=f"Répétition préparée à partir de « {original_title.removeprefix(PREFIX)} »",
        )

    return archive.import_archive(ctx, data, then=mark)


def is_rehearsal(ctx: Context, workshop_id: int) -> bool:
    return ctx.db.read(lambda s: get_workshop(s, workshop_id).rehearsal_of is not None)


def wipe_rehearsal(ctx: Context, workshop_id: int) -> Change:
    """Erase a rehearsal for good: its rows, its journal entries, its phones' stored answers.
    A workshop that is not a rehearsal is refused and nothing changes."""

    def build(session: Session) -> Step:
        workshop = get_workshop(session, workshop_id)
        if workshop.rehearsal_of is None:
            raise RehearsalError(
                "« {title} » n'est pas une répétition : il n'est pas effacé ainsi. Rien n'a été supprimé.",
                title=workshop.title,
            )
        title = workshop.title
        original = workshop.rehearsal_of
        session.delete(workshop)  # every row of it follows (foreign keys, on delete cascade)
        session.execute(
            delete(IdempotentRequest).where(IdempotentRequest.key.startswith(f"{workshop_id}:"))
        )

        def forget(session: Session, _entry: object) -> None:
            # once the trace is journalled: its sequence is then above the entries that go, so
            # a sequence is never given twice (SQLite would reuse the last one's)
            session.execute(delete(JournalEntry).where(JournalEntry.workshop_id == workshop_id))

        return Step(
            None,  # the trace only: nothing of the rehearsal is left to point at
            label=f"Répétition effacée : {title}",
            applied=[["rehearsal.wipe", {"id": workshop_id, "original": original}]],
            ids=(workshop_id,),
            after=forget,
        )

    outcome = perform(ctx, op="rehearsal.wipe", topic=Topic.WORKSHOPS, build=build, undoable=False)
    assert outcome.change is not None
    # the views look for the workshop that went: the event names it
    return replace(outcome.change, workshop_id=workshop_id)


def rehearsals_of(ctx: Context, workshop_id: int) -> list[int]:
    """The ids of the workshop's rehearsals, oldest first."""
    return ctx.db.read(
        lambda s: list(
            s.scalars(
                select(Workshop.id)
                .where(Workshop.rehearsal_of == workshop_id)
                .order_by(Workshop.id)
            )
        )
    )

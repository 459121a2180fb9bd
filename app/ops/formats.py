"""Save a workshop's agenda as a facilitator's own format, in the base.

The format is stored in `custom_formats` (one row per key, the Format as JSON), so every
laptop on a shared PostgreSQL base offers it; `load_saved_formats` adds the base's formats to
a context's library (the window and the command line call it once they open the base). Files
of the older custom folder are still read by `app.library.load_library`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.errors import InvalidInput
from app.events import Topic
from app.library import (
    BlockTemplate,
    Format,
    MilestoneTemplate,
    PhaseTemplate,
    add_saved_formats,
    slugify,
)
from app.ops.base import Action, Context, execute, mutation
from app.ops.queries import workshop_detail
from app.store.models import CustomFormat


def _row(session: Session, key: str) -> CustomFormat | None:
    return session.scalars(select(CustomFormat).where(CustomFormat.key == key)).first()


@mutation("format.save")
def format_save(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A saved format: {key, data, saved_at}, replacing the one of the same key."""
    row = _row(session, args["key"])
    if row is None:
        undo: list[Action] = [["format.delete", {"key": args["key"]}]]
        session.add(CustomFormat(key=args["key"], data=args["data"], saved_at=args["saved_at"]))
    else:
        undo = [["format.save", {"key": row.key, "data": row.data, "saved_at": row.saved_at}]]
        row.data, row.saved_at = args["data"], args["saved_at"]
    session.flush()
    return dict(args), undo


@mutation("format.delete")
def format_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = _row(session, args["key"])
    if row is None:
        return dict(args), []
    undo: list[Action] = [["format.save", {"key": row.key, "data": row.data,
                                           "saved_at": row.saved_at}]]  # fmt: skip
    session.delete(row)
    session.flush()
    return dict(args), undo


def save_as_format(ctx: Context, workshop_id: int, name: str, tagline: str = "") -> Format:
    """Store the agenda (blocks, phases, milestones) as a new format (or over her own one of
    the same name) and add it to the library."""
    clean_name = clean_text(name, what="Nom du format", limit=120, required=True).strip()
    detail = workshop_detail(ctx, workshop_id)
    key = "perso-" + slugify(clean_name)
    if key in ctx.library.formats and not ctx.library.formats[key].custom:
        raise InvalidInput(
            "Le nom « {clean_name} » est déjà pris par un format fourni.", clean_name=clean_name
        )
    blocks = []
    for block in detail.blocks:
        phases = [
            PhaseTemplate(
                title=p.title,
                method=p.method_key,
                minutes=p.planned_minutes,
                kind=p.kind.value,
                instructions=p.instructions,
                notes=p.notes,
            )
            for p in block.phases
        ]
        blocks.append(BlockTemplate(title=block.title, week=block.week, phases=phases))
    fmt = Format(
        key=key,
        name=clean_name,
        tagline=tagline or f"D'après « {detail.title} »",
        description=detail.cadrage.objectives[:500],
        block_label=detail.block_label,
        block_minutes=detail.block_minutes,
        blocks=blocks,
        milestones=[MilestoneTemplate(title=m.title, week=m.week) for m in detail.milestones],
    )
    data = fmt.model_dump(mode="json", exclude_none=True, exclude={"custom"})

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = {"key": key, "data": data, "saved_at": ctx.clock()}
        return None, [["format.save", row]], f"Format « {clean_name[:40]} »"

    execute(ctx, op="formats.save", topic=Topic.WORKSHOPS, build=build, undoable=False)
    saved = fmt.model_copy(update={"custom": True})
    ctx.library.formats[key] = saved
    return saved


def load_saved_formats(ctx: Context) -> list[Format]:
    """Add the formats saved in the base to the context's library; returns them."""
    rows = ctx.db.read(
        lambda s: [
            (r.key, dict(r.data))
            for r in s.scalars(select(CustomFormat).order_by(CustomFormat.key))
        ]
    )
    add_saved_formats(ctx.library, rows)
    return [ctx.library.formats[k] for k, _data in rows if k in ctx.library.formats]

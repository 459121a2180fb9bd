"""Save a workshop's agenda as a facilitator's own format."""

from __future__ import annotations

from pathlib import Path

from app.domain.agenda import clean_text
from app.errors import InvalidInput
from app.library import (
    BlockTemplate,
    Format,
    MilestoneTemplate,
    PhaseTemplate,
    slugify,
    write_format,
)
from app.ops.base import Context
from app.ops.queries import workshop_detail


def save_as_format(
    ctx: Context, workshop_id: int, name: str, folder: Path, tagline: str = ""
) -> Format:
    """Write the agenda (blocks, phases, milestones) as a new format and add it to the library."""
    clean_name = clean_text(name, what="Nom du format", limit=120, required=True).strip()
    detail = workshop_detail(ctx, workshop_id)
    key = "perso-" + slugify(clean_name)
    if key in ctx.library.formats and not ctx.library.formats[key].custom:
        raise InvalidInput(f"Le nom « {clean_name} » est déjà pris par un format fourni.")
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
    write_format(fmt, folder)
    saved = fmt.model_copy(update={"custom": True})
    ctx.library.formats[key] = saved
    return saved

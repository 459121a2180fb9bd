"""Chantiers the 3 mois programme follows: their status moves as the work goes on."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.report import PROJECT_STATUSES
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute, mutation
from app.ops.board import update_fields
from app.store.models import Project


@mutation("project.update")
def project_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(Project, args["id"])
    if row is None:
        raise NotFound("Ce chantier n'existe plus.")
    return update_fields(row, ("status", "title", "description"), args, "project.update")


def set_status(ctx: Context, project_id: int, status: str) -> Change:
    """Move a chantier along: idée → en incubation → en expérimentation → en déploiement…"""
    if status not in PROJECT_STATUSES:
        raise InvalidInput(f"Statut de chantier inconnu : {status}.")

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = session.get(Project, project_id)
        if row is None:
            raise NotFound("Ce chantier n'existe plus.")
        label = f"Chantier « {row.title[:40]} » : {PROJECT_STATUSES[status].lower()}"
        return (
            row.workshop_id,
            [["project.update", {"id": row.id, "changes": {"status": status}}]],
            label,
        )

    return execute(ctx, op="projects.status", topic=Topic.WORKSHOP, build=build)

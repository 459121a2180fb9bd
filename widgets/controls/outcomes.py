"""What a workshop leads to: its action plan and its chantiers (with their timelines), the
programme's milestones, and the lab-wide list of chantiers.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`). Writes go through
`_write` with the core's name of the operation, so a co-facilitator's laptop sends them to the
host (`app.ops.cofac.REMOTE_OPS`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.ops import outcomes, projects
from app.ops.base import Change
from app.ops.outcomes import _UNSET as ACTION_UNSET  # the core's "not given"
from app.ops.projects import UNSET
from widgets.controls.base import Controls

if TYPE_CHECKING:
    from app.ops.outcomes import ActionInfo, FateTrail
    from app.ops.projects import ChantierInfo


class OutcomeControls(Controls):
    """The action plan (`app.ops.outcomes`) and the chantiers (`app.ops.projects`)."""

    # -- the action plan -------------------------------------------------------------------------
    def actions(self, workshop_id: int) -> list[ActionInfo]:
        """The workshop's action plan, in its order."""
        return self._call(outcomes.actions, self.ctx, workshop_id) or []

    def create_action(
        self,
        workshop_id: int,
        what: str,
        *,
        who: str = "",
        participant_id: int | None = None,
        due: date | None = None,
        status: str = "a_faire",
    ) -> Change | None:
        return self._write(
            "outcomes.create_action",
            outcomes.create_action,
            workshop_id,
            what,
            who=who,
            participant_id=participant_id,
            due=due,
            status=status,
        )

    def update_action(
        self,
        action_id: int,
        *,
        what: str | None = None,
        who: str | None = None,
        participant_id: int | None = ACTION_UNSET,
        due: date | None = ACTION_UNSET,
        status: str | None = None,
    ) -> Change | None:
        """Change the fields given of an action (`participant_id` / `due` None clear them)."""
        return self._write(
            "outcomes.update_action",
            outcomes.update_action,
            action_id,
            what=what,
            who=who,
            participant_id=participant_id,
            due=due,
            status=status,
        )

    def delete_action(self, action_id: int) -> Change | None:
        return self._write("outcomes.delete_action", outcomes.delete_action, action_id)

    def move_action(self, action_id: int, position: int) -> Change | None:
        return self._write("outcomes.move_action", outcomes.move_action, action_id, position)

    # -- what became of each post-it -------------------------------------------------------------
    def fate_trail(self, workshop_id: int) -> list[FateTrail]:
        """Every post-it with its votes and its fate, in the order written."""
        return self._call(outcomes.fate_trail, self.ctx, workshop_id) or []

    def set_fate(
        self,
        workshop_id: int,
        note_ids: list[int],
        fate: str | None,
        *,
        reason: str = "",
        into: int | None = None,
        action_id: int | None = None,
        project_id: int | None = None,
    ) -> Change | None:
        """Decide what became of post-its (a decision: delegated laptops only)."""
        return self._write(
            "outcomes.set_fate", outcomes.set_fate, workshop_id, note_ids, fate,
            reason=reason, into=into, action_id=action_id, project_id=project_id,
        )  # fmt: skip

    # -- chantiers -------------------------------------------------------------------------------
    def create_project(
        self, workshop_id: int, title: str, *, description: str = "", owner: str = ""
    ) -> Change | None:
        return self._write(
            "projects.create_project", projects.create_project, workshop_id, title,
            description=description, owner=owner,
        )  # fmt: skip

    def delete_project(self, project_id: int) -> Change | None:
        return self._write("projects.delete_project", projects.delete_project, project_id)

    def chantiers(self, workshop_id: int) -> list[ChantierInfo]:
        """The workshop's chantiers with their timelines, oldest first."""
        return self._call(projects.chantiers, self.ctx, workshop_id) or []

    def all_chantiers(
        self, *, status: str | None = None, partner: str | None = None, text: str | None = None
    ) -> list[ChantierInfo]:
        """Every chantier of the lab (rehearsals left out), newest workshop first."""
        return (
            self._call(projects.all_chantiers, self.ctx, status=status, partner=partner, text=text)
            or []
        )

    def update_project(
        self,
        project_id: int,
        *,
        status: str | None = None,
        owner: str | None = None,
        partners: list[str] | None = None,
        start_date: date | None = UNSET,
        target_date: date | None = UNSET,
        progress: int | None = None,
    ) -> Change | None:
        """Change the fields given of a chantier (a date None clears it)."""
        return self._write(
            "projects.update_project",
            projects.update_project,
            project_id,
            status=status,
            owner=owner,
            partners=partners,
            start_date=start_date,
            target_date=target_date,
            progress=progress,
        )

    def add_project_entry(self, project_id: int, day: date, text: str) -> Change | None:
        return self._write("projects.add_entry", projects.add_entry, project_id, day, text)

    def remove_project_entry(self, entry_id: int) -> Change | None:
        return self._write("projects.remove_entry", projects.remove_entry, entry_id)

    def tick_milestone(self, milestone_id: int, done: bool = True) -> Change | None:
        return self._write("projects.tick_milestone", projects.tick_milestone, milestone_id, done)

"""The vote rounds: their reads, opening, closing, paper votes and promotions.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.ops.base import Change
from app.ops.votes import ResultLine
from widgets.controls.base import Controls

if TYPE_CHECKING:
    from app.ops.votes import Results, RoundInfo


class VoteControls(Controls):
    """The workshop's vote rounds (`app.ops.votes`, imported when first used)."""

    # -- votes ----------------------------------------------------------------------------------
    def vote_rounds(self, workshop_id: int) -> list[RoundInfo]:
        """The workshop's vote rounds (`RoundInfo`), oldest first."""
        from app.ops import votes

        return self._call(votes.rounds, self.ctx, workshop_id) or []

    def vote_results(self, round_id: int) -> Results | None:
        """`Results` of a round (the facilitator sees them even while hidden), or None."""
        from app.ops import votes

        return self._call(votes.results, self.ctx, round_id)

    def promotion_preview(self, round_id: int, top: int) -> list[ResultLine]:
        """The result lines a promotion of the `top` first items would take (the core's own
        selection, read now), for the confirmation; empty when none has votes."""
        from app.ops import votes

        return self._call(votes.promotion_preview, self.ctx, round_id, top=top) or []

    def open_vote(
        self,
        workshop_id: int,
        kind: str,
        items: list[str] | None,
        title: str,
        settings: dict[str, Any],
        phase_id: int | None = None,
        close_in_minutes: int | None = None,
    ) -> Change | None:
        """Open a round on `items` ("note:12", "cluster:3") or the whole board (None)."""
        from app.ops import votes

        if close_in_minutes:
            settings = {**settings, "closes_at": self.ctx.clock() + close_in_minutes * 60}
        return self._call(
            votes.open_round,
            self.ctx,
            workshop_id,
            kind=kind,
            items="board" if items is None else items,
            title=title,
            settings=settings,
            phase_id=phase_id,
        )

    def close_round(self, round_id: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.close_round", votes.close_round, round_id)

    def reopen_round(self, round_id: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.reopen_round", votes.reopen_round, round_id)

    def reveal_results(self, round_id: int, revealed: bool) -> Change | None:
        from app.ops import votes

        return self._write("votes.reveal_results", votes.reveal_results, round_id, revealed)

    def add_paper_votes(
        self, round_id: int, counts: dict[str, int], *, label: str
    ) -> Change | None:
        from app.ops import votes

        return self._write(
            "votes.add_paper_votes", votes.add_paper_votes, round_id, counts, label=label
        )

    def remove_paper_votes(self, round_id: int, voter: str) -> Change | None:
        from app.ops import votes

        return self._write("votes.remove_paper_votes", votes.remove_paper_votes, round_id, voter)

    def promote_to_actions(self, round_id: int, *, top: int) -> Change | None:
        from app.ops import votes

        return self._write("votes.promote_to_actions", votes.promote_to_actions, round_id, top=top)

    def promote_to_projects(self, round_id: int, *, top: int) -> Change | None:
        from app.ops import votes

        return self._write(
            "votes.promote_to_projects", votes.promote_to_projects, round_id, top=top
        )

    def close_due_votes(self, workshop_id: int) -> list[Change]:
        """Write down the close of the rounds whose closing time has passed."""
        from app.ops import votes

        return self._call(votes.close_due_rounds, self.ctx, workshop_id) or []

    def clock(self) -> float:
        return self.ctx.clock()

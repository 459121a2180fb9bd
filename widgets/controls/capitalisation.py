"""Capitalisation: the facilitator's retours d'expérience on methods, and what they add up to.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

from app.domain.capitalisation import MethodReviewInfo, MethodUsage
from app.ops import capitalisation
from app.ops.base import Change
from widgets.controls.base import Controls


class CapitalisationControls(Controls):
    """Retours d'expérience (a co-animateur's laptop sends them to the host)."""

    def review_method(
        self,
        workshop_id: int,
        method_key: str,
        rating: int,
        worked: str = "",
        change: str = "",
        phase_id: int | None = None,
    ) -> Change | None:
        return self._write(
            "capitalisation.review_method", capitalisation.review_method, workshop_id,
            method_key, rating, worked, change, phase_id,
        )  # fmt: skip

    def method_reviews(self, workshop_id: int) -> list[MethodReviewInfo]:
        return self._call(capitalisation.method_reviews, self.ctx, workshop_id) or []

    def method_usage(self) -> dict[str, MethodUsage]:
        return self._call(capitalisation.method_usage, self.ctx) or {}

"""End-of-séance feedback: when phones are asked for it, and what an answer may hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CLOSING_METHOD = "tour-cloture"
MAX_FEEDBACK_TEXT = 500
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class PhaseSlot:
    """What the rule needs of a phase of the séance, in agenda order."""

    id: int
    method_key: str | None
    is_break: bool


def closing_phase_ids(phases: Sequence[PhaseSlot]) -> frozenset[int]:
    """The phases in which phones show the feedback form.

    Those of the closing method ("Tour de clôture et verbatims") when the séance has any; else
    the séance's last phase that is not a break, so that an agenda built by hand still ends
    with feedback.
    """
    closing = frozenset(p.id for p in phases if p.method_key == CLOSING_METHOD)
    if closing:
        return closing
    work = [p for p in phases if not p.is_break]
    return frozenset({work[-1].id}) if work else frozenset()


def is_closing(phases: Sequence[PhaseSlot], current_id: int | None) -> bool:
    return current_id is not None and current_id in closing_phase_ids(phases)


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """What the console shows while answers come in."""

    answers: int
    average: float | None
    distribution: tuple[int, int, int, int, int]  # answers rating 1, 2, 3, 4, 5

    @classmethod
    def of(cls, ratings: Sequence[int]) -> FeedbackSummary:
        counts = [0] * len(RATINGS)
        for rating in ratings:
            counts[rating - 1] += 1
        average = sum(ratings) / len(ratings) if ratings else None
        return cls(len(ratings), average, (counts[0], counts[1], counts[2], counts[3], counts[4]))

"""Capitalisation, the last step of LaBase's marche à suivre: what the facilitator says of the
methods she used (a retour d'expérience per method after a séance), and what they add up to.

Pure: `usage` turns how often each method ran and its reviews into one `MethodUsage` per
method, for the method library and the bilan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RATINGS = range(1, 6)
MAX_REVIEW_TEXT = 1000
LATEST_NOTES = 3


@dataclass(frozen=True, slots=True)
class MethodReviewInfo:
    """One retour d'expérience: the facilitator's own words on a method, and a 1–5 rating."""

    id: int
    workshop_id: int
    phase_id: int | None
    method_key: str
    rating: int
    worked: str  # ce qui a marché (« à retenir »)
    change: str  # ce qu'il faudrait changer
    at: float
    workshop_title: str = ""

    @property
    def has_notes(self) -> bool:
        return bool(self.worked or self.change)


@dataclass(frozen=True, slots=True)
class MethodUsage:
    """How a method served: phases run with it, its ratings, its latest written notes."""

    method_key: str
    times_used: int
    ratings: tuple[int, ...] = ()
    latest: tuple[MethodReviewInfo, ...] = ()  # newest first, only reviews with words

    @property
    def reviews(self) -> int:
        return len(self.ratings)

    @property
    def mean(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


def usage(
    uses: Mapping[str, int], reviews: Iterable[MethodReviewInfo], latest: int = LATEST_NOTES
) -> dict[str, MethodUsage]:
    """Per method key: times used (`uses`), every rating, the `latest` reviews with notes.
    A method reviewed but never counted as used (a séance not run in Atelier) still shows."""
    ratings: dict[str, list[int]] = defaultdict(list)
    noted: dict[str, list[MethodReviewInfo]] = defaultdict(list)
    for review in sorted(reviews, key=lambda r: (r.at, r.id)):
        ratings[review.method_key].append(review.rating)
        if review.has_notes:
            noted[review.method_key].append(review)
    keys = sorted(set(uses) | set(ratings))
    return {
        key: MethodUsage(
            method_key=key,
            times_used=uses.get(key, 0),
            ratings=tuple(ratings.get(key, ())),
            latest=tuple(reversed(noted.get(key, [])))[:latest],
        )
        for key in keys
    }


def to_review(phases: Iterable[tuple[int, str | None]]) -> list[tuple[int, str]]:
    """The (phase id, method key) a séance's retour d'expérience asks about: each method once,
    at its first phase; phases without a method are left out."""
    seen: set[str] = set()
    out: list[tuple[int, str]] = []
    for phase_id, key in phases:
        if key and key not in seen:
            seen.add(key)
            out.append((phase_id, key))
    return out

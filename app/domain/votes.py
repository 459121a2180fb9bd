"""Pure voting rules: round settings, ballot validation, tallies and rankings (no database).

Four kinds of round:

* ``dots`` (gommettes): N dots per participant (1–20), at most M on one item, own post-its
  allowed or not;
* ``points``: a budget (e.g. 100) shared across items;
* ``majority`` (jugement majoritaire): every item graded on the scale `GRADES`; items ranked by
  their majority value (Balinski & Laraki): the majority grade (the lower median), then, for
  tied items, the majority grade of what is left once one median grade is removed, and so on;
* ``criteria`` (grille multi-critères): every item scored 1–5 on each criterion, criteria
  weighted; ranked by the weighted mean; impact/feasibility coordinates for the 2×2 chart.
  A criterion may be eliminatory, with a threshold: an item whose mean on it is below the
  threshold is eliminated, whatever its other scores; eliminated items come after every
  survivor (ranked among themselves), each with the criteria that eliminated it.

A ballot is a mapping ``{(item, criterion): value}`` where an item is ``("note", id)`` or
``("cluster", id)`` and the criterion is ``""`` except in a criteria grid. Tallies are
computed from *counts*: how many ballots gave `value` to (item, criterion). The same counts
are kept live in the store and recomputed from the stored votes, and must always agree.

Ranks use standard competition ranking: items that tie share a rank (1, 1, 3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from app.errors import KnownError, phrase

KINDS = {
    "dots": "Gommettes",
    "points": "Points à répartir",
    "majority": "Jugement majoritaire",
    "criteria": "Grille multi-critères",
}
GRADES = ("À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien", "Excellent")
ITEM_TYPES = ("note", "cluster")
MAX_DOTS = 20
MAX_BUDGET = 1000
MAX_ITEMS = 200
MAX_CRITERIA = 8
SCORE_MIN, SCORE_MAX = 1, 5
AXES = {"impact": "Impact", "feasibility": "Faisabilité", "": "—"}

Item = tuple[str, int]
Key = tuple[Item, str]  # (item, criterion)
Ballot = dict[Key, int]


class VoteError(KnownError):
    """A ballot or a round refused, with a stable code and a French message."""

    code = "vote_invalide"


@dataclass(frozen=True, slots=True)
class Criterion:
    key: str
    label: str
    weight: int = 1
    axis: str = ""  # "impact", "feasibility" or "" (for the 2×2 chart)
    threshold: int | None = None  # eliminatory: an item whose mean is below it is eliminated

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "weight": self.weight,
            "axis": self.axis,
        }
        if self.threshold is not None:
            data["threshold"] = self.threshold
        return data


# LaBase's decision tree, as a preset grid: a project that does not interest at least two of
# the four partners, or cannot be done within the 18 months, is out whatever its other scores
LABASE_THRESHOLD = 3  # the middle of the 1–5 scale
LABASE_CRITERIA = (
    Criterion(
        "partenaires", "Intéresse au moins 2 des 4 partenaires", 1, "impact", LABASE_THRESHOLD
    ),
    Criterion("transversal", "Favorise le travail transversal entre administrations", 1, "impact"),
    Criterion(
        "faisable",
        "Faisable dans les 18 mois de l'expérimentation",
        1,
        "feasibility",
        LABASE_THRESHOLD,
    ),
    Criterion("moyens", "Correspond aux moyens disponibles", 1, "feasibility"),
    Criterion("sobriete", "Favorise la sobriété écologique et économique", 1, "impact"),
)


def item_key(item: Item) -> str:
    """The wire form of an item: ``"note:12"``."""
    return f"{item[0]}:{item[1]}"


def parse_item(value: object) -> Item:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        kind, ident = value
    elif isinstance(value, str) and ":" in value:
        kind, _, raw = value.partition(":")
        ident = int(raw) if raw.isdigit() and len(raw) < 12 else -1
    else:
        raise VoteError("Élément de vote inconnu.", code="element_inconnu")
    if kind not in ITEM_TYPES or isinstance(ident, bool) or not isinstance(ident, int) or ident < 1:
        raise VoteError("Élément de vote inconnu.", code="element_inconnu")
    return (str(kind), ident)


def _int(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise VoteError("{what} : un nombre entier est attendu.", code="saisie_invalide", what=what)
    if not low <= value <= high:
        raise VoteError(
            "{what} : de {low} à {high}.", code="saisie_invalide", what=what, low=low, high=high
        )
    return value


@dataclass(frozen=True, slots=True)
class RoundSettings:
    """What a round allows, checked once when it opens (stored as JSON with the round)."""

    kind: str
    dots: int = 3
    cap: int = 3  # most dots on one item
    own_allowed: bool = True  # may one vote for one's own post-its
    budget: int = 100
    criteria: tuple[Criterion, ...] = ()
    anonymous: bool = True
    live_results: bool = False  # False: hidden until revealed
    closes_at: float | None = None

    @classmethod
    def parse(cls, kind: str, raw: Mapping[str, Any] | None = None) -> RoundSettings:
        raw = dict(raw or {})
        if kind not in KINDS:
            raise VoteError("Type de vote inconnu.", code="saisie_invalide")
        dots = _int(raw.get("dots", 3), "Nombre de gommettes", 1, MAX_DOTS)
        cap = _int(raw.get("cap", dots), "Gommettes au plus par élément", 1, MAX_DOTS)
        budget = _int(raw.get("budget", 100), "Budget de points", 1, MAX_BUDGET)
        criteria: tuple[Criterion, ...] = ()
        if kind == "criteria":
            given = raw.get("criteria", "labase")
            criteria = LABASE_CRITERIA if given == "labase" else _parse_criteria(given)
        closes_at = raw.get("closes_at")
        if closes_at is not None and (
            isinstance(closes_at, bool) or not isinstance(closes_at, (int, float))
        ):
            raise VoteError("Heure de clôture invalide.", code="saisie_invalide")
        return cls(
            kind=kind,
            dots=dots,
            cap=min(cap, dots),
            own_allowed=bool(raw.get("own_allowed", True)),
            budget=budget,
            criteria=criteria,
            anonymous=bool(raw.get("anonymous", True)),
            live_results=bool(raw.get("live_results", False)),
            closes_at=float(closes_at) if closes_at is not None else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "anonymous": self.anonymous,
            "live_results": self.live_results,
            "closes_at": self.closes_at,
        }
        if self.kind == "dots":
            data |= {"dots": self.dots, "cap": self.cap, "own_allowed": self.own_allowed}
        elif self.kind == "points":
            data |= {"budget": self.budget}
        elif self.kind == "criteria":
            data |= {"criteria": [c.to_dict() for c in self.criteria]}
        return data

    def criterion_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.criteria) if self.kind == "criteria" else ("",)


def _parse_criteria(given: object) -> tuple[Criterion, ...]:
    if not isinstance(given, list) or not 1 <= len(given) <= MAX_CRITERIA:
        raise VoteError(
            "De 1 à {MAX_CRITERIA} critères.", code="saisie_invalide", MAX_CRITERIA=MAX_CRITERIA
        )
    out: list[Criterion] = []
    for n, c in enumerate(given, 1):
        if not isinstance(c, Mapping):
            raise VoteError("Critère invalide.", code="saisie_invalide")
        label = str(c.get("label", "")).strip()[:120]
        key = str(c.get("key") or f"c{n}")[:40]
        if not label:
            raise VoteError("Chaque critère a un intitulé.", code="saisie_invalide")
        weight = _int(c.get("weight", 1), phrase("Poids de « {label} »", label=label), 1, 10)
        axis = c.get("axis", "")
        if axis not in AXES:
            raise VoteError("Axe inconnu (impact ou faisabilité).", code="saisie_invalide")
        threshold = c.get("threshold")
        if threshold is not None:
            threshold = _int(
                threshold,
                phrase("Seuil éliminatoire de « {label} »", label=label),
                SCORE_MIN,
                SCORE_MAX,
            )
        out.append(Criterion(key, label, weight, str(axis), threshold))
    if len({c.key for c in out}) != len(out):
        raise VoteError("Deux critères portent la même clé.", code="saisie_invalide")
    return tuple(out)


def parse_ballot(settings: RoundSettings, raw: object) -> Ballot:
    """The wire form (``{"note:3": 2}``, or ``{"note:3": {"impact": 4}}`` for a grid) to a
    ballot; shape only, the rules are `check_ballot`'s."""
    if not isinstance(raw, Mapping) or len(raw) > MAX_ITEMS:
        raise VoteError("Bulletin illisible.", code="saisie_invalide")
    ballot: Ballot = {}
    for name, value in raw.items():
        item = parse_item(name)
        if settings.kind == "criteria":
            if not isinstance(value, Mapping) or len(value) > MAX_CRITERIA:
                raise VoteError("Bulletin illisible.", code="saisie_invalide")
            for crit, score in value.items():
                ballot[(item, str(crit))] = _int(score, "Note", -(10**6), 10**6)
        else:
            ballot[(item, "")] = _int(value, "Valeur", -(10**6), 10**6)
    return ballot


def check_ballot(
    settings: RoundSettings,
    items: Iterable[Item],
    ballot: Mapping[Key, int],
    own: Iterable[Item] = (),
) -> Ballot:
    """Validate one participant's whole ballot; return it without its zero entries.

    `own` are the participant's own post-its (refused when the round forbids them).
    Raises `VoteError` with a French message.
    """
    allowed = set(items)
    mine = set(own)
    crits = settings.criterion_keys()
    clean: Ballot = {}
    for (item, crit), value in ballot.items():
        if item not in allowed:
            raise VoteError("Cet élément ne fait pas partie du vote.", code="element_inconnu")
        if crit not in crits:
            raise VoteError("Critère inconnu pour ce vote.", code="element_inconnu")
        if settings.kind in ("dots", "points"):
            if value < 0:
                raise VoteError("Une valeur ne peut pas être négative.", code="saisie_invalide")
            if value == 0:
                continue
        clean[(item, crit)] = value
    kind = settings.kind
    if kind == "dots":
        if not settings.own_allowed and any(item in mine for item, _ in clean):
            raise VoteError(
                "Vous ne pouvez pas voter pour vos propres post-its.", code="propre_post_it"
            )
        if any(v > settings.cap for v in clean.values()):
            raise VoteError(
                "1 gommette au plus sur un même élément."
                if settings.cap == 1
                else "{n} gommettes au plus sur un même élément.",
                code="plafond_atteint",
                n=settings.cap,
            )
        if sum(clean.values()) > settings.dots:
            raise VoteError(
                "Plus de gommettes : vous en avez {dots} en tout.",
                code="plus_de_gommettes",
                dots=settings.dots,
            )
    elif kind == "points":
        if sum(clean.values()) > settings.budget:
            raise VoteError(
                "Plus de points : votre budget est de {budget}.",
                code="plus_de_points",
                budget=settings.budget,
            )
    elif kind == "majority":
        if any(not 0 <= v < len(GRADES) for v in clean.values()):
            raise VoteError("Mention inconnue.", code="saisie_invalide")
        if {item for item, _ in clean} != allowed:
            raise VoteError("Donnez une mention à chaque élément.", code="bulletin_incomplet")
    elif kind == "criteria":
        if any(not SCORE_MIN <= v <= SCORE_MAX for v in clean.values()):
            raise VoteError("Chaque note va de 1 à 5.", code="saisie_invalide")
        if len(clean) != len(allowed) * len(crits):
            raise VoteError("Notez chaque élément sur chaque critère.", code="bulletin_incomplet")
    return clean


def remaining(settings: RoundSettings, ballot: Mapping[Key, int]) -> int | None:
    """Dots or points left to place (None for the kinds that grade every item)."""
    if settings.kind == "dots":
        return settings.dots - sum(ballot.values())
    if settings.kind == "points":
        return settings.budget - sum(ballot.values())
    return None


# -- tallies ---------------------------------------------------------------------------------
Counts = dict[tuple[Item, str, int], int]  # (item, criterion, value) -> ballots


def counts_of(ballots: Iterable[Mapping[Key, int]]) -> Counts:
    """The counts that a set of ballots makes (what the store keeps live)."""
    out: Counts = {}
    for ballot in ballots:
        for (item, crit), value in ballot.items():
            out[(item, crit, value)] = out.get((item, crit, value), 0) + 1
    return out


@dataclass(frozen=True, slots=True)
class Ranked:
    """One line of a ranking. `score` is comparable between items of the same round."""

    rank: int
    item: Item
    tied: bool
    score: float  # total (dots, points), weighted mean (criteria), majority grade (majority)
    detail: dict[str, Any] = field(default_factory=dict)


def _rank(items: list[Item], key: Any, score: Any, detail: Any) -> list[Ranked]:
    """Standard competition ranking on `key` (higher first); equal keys share a rank and are
    marked tied (listed in the round's order)."""
    ordered = sorted(items, key=key, reverse=True)  # stable: ties keep the round's order
    ranks: list[int] = []
    for pos, item in enumerate(ordered):
        same = pos > 0 and key(ordered[pos - 1]) == key(item)
        ranks.append(ranks[-1] if same else pos + 1)
    return [
        Ranked(r, item, ranks.count(r) > 1, score(item), detail(item))
        for r, item in zip(ranks, ordered, strict=True)
    ]


def totals(counts: Counts, items: Iterable[Item]) -> dict[Item, int]:
    out = dict.fromkeys(items, 0)
    for (item, _crit, value), n in counts.items():
        if item in out:
            out[item] += value * n
    return out


def rank_totals(counts: Counts, items: Iterable[Item]) -> list[Ranked]:
    """Dots and points: the total per item; ties are ties."""
    sums = totals(counts, items)
    voters: dict[Item, int] = dict.fromkeys(sums, 0)
    for (item, _crit, value), n in counts.items():
        if item in voters and value:
            voters[item] += n
    return _rank(
        list(sums),
        key=lambda i: sums[i],
        score=lambda i: float(sums[i]),
        detail=lambda i: {"total": sums[i], "voters": voters[i]},
    )


# majority judgment --------------------------------------------------------------------------
def profile(counts: Counts, item: Item) -> list[int]:
    """How many ballots gave each grade to `item` (index 0 = À rejeter)."""
    out = [0] * len(GRADES)
    for (it, _crit, value), n in counts.items():
        if it == item and 0 <= value < len(GRADES):
            out[value] += n
    return out


def majority_grade(grades: list[int]) -> int | None:
    """The lower median of a profile (Balinski & Laraki's majority grade), None if empty."""
    total = sum(grades)
    if total == 0:
        return None
    position = (total - 1) // 2  # 0-based index of the lower median among sorted grades
    seen = 0
    for grade, n in enumerate(grades):
        seen += n
        if seen > position:
            return grade
    raise AssertionError("unreachable")


def majority_value(grades: list[int]) -> tuple[int, ...]:
    """Balinski & Laraki's majority value: the majority grade, then the majority grade of
    what is left once one instance of it is removed, and so on until no grade is left.
    Items are ranked by comparing these sequences lexicographically."""
    left = list(grades)
    out: list[int] = []
    while True:
        g = majority_grade(left)
        if g is None:
            return tuple(out)
        out.append(g)
        left[g] -= 1


def gauge(grades: list[int]) -> tuple[float, int | None, float]:
    """(share strictly above the majority grade, majority grade, share strictly below)."""
    total = sum(grades)
    g = majority_grade(grades)
    if g is None or total == 0:
        return 0.0, None, 0.0
    return sum(grades[g + 1 :]) / total, g, sum(grades[:g]) / total


def rank_majority(counts: Counts, items: Iterable[Item]) -> list[Ranked]:
    profiles = {item: profile(counts, item) for item in items}
    values = {item: majority_value(p) for item, p in profiles.items()}

    def detail(item: Item) -> dict[str, Any]:
        above, grade, below = gauge(profiles[item])
        return {
            "profile": profiles[item],
            "grade": grade,
            "grade_label": GRADES[grade] if grade is not None else "—",
            "above": above,
            "below": below,
        }

    return _rank(
        list(profiles),
        key=lambda i: values[i],
        score=lambda i: float(values[i][0]) if values[i] else -1.0,
        detail=detail,
    )


# criteria grid ------------------------------------------------------------------------------
def criterion_means(
    counts: Counts, item: Item, criteria: Iterable[Criterion]
) -> dict[str, Fraction]:
    sums: dict[str, int] = {}
    ns: dict[str, int] = {}
    for (it, crit, value), n in counts.items():
        if it == item:
            sums[crit] = sums.get(crit, 0) + value * n
            ns[crit] = ns.get(crit, 0) + n
    return {c.key: Fraction(sums[c.key], ns[c.key]) for c in criteria if ns.get(c.key)}


def weighted(
    means: Mapping[str, Fraction], criteria: Iterable[Criterion], axis: str | None = None
) -> Fraction | None:
    """The weighted mean of the criteria means (of one axis, if given); exact."""
    chosen = [c for c in criteria if axis is None or c.axis == axis]
    weight = sum(c.weight for c in chosen if c.key in means)
    if not weight:
        return None
    return sum((means[c.key] * c.weight for c in chosen if c.key in means), Fraction(0)) / weight


def eliminations(
    means: Mapping[str, Fraction], criteria: Iterable[Criterion]
) -> list[dict[str, Any]]:
    """The eliminatory criteria an item's means fall below (none when not scored on them):
    ``{"key", "label", "mean", "threshold"}`` each, in the grid's order."""
    return [
        {"key": c.key, "label": c.label, "mean": float(means[c.key]), "threshold": c.threshold}
        for c in criteria
        if c.threshold is not None and c.key in means and means[c.key] < c.threshold
    ]


def rank_criteria(
    counts: Counts, items: Iterable[Item], criteria: tuple[Criterion, ...]
) -> list[Ranked]:
    """Survivors by weighted mean, then the eliminated ones (by weighted mean among
    themselves, ranks continuing), each with ``detail["eliminated"]`` saying why."""
    means = {item: criterion_means(counts, item, criteria) for item in items}
    scores = {item: weighted(m, criteria) or Fraction(0) for item, m in means.items()}
    out = {item: eliminations(m, criteria) for item, m in means.items()}

    def detail(item: Item) -> dict[str, Any]:
        impact = weighted(means[item], criteria, "impact")
        feasibility = weighted(means[item], criteria, "feasibility")
        return {
            "means": {k: float(v) for k, v in means[item].items()},
            "impact": float(impact) if impact is not None else None,
            "feasibility": float(feasibility) if feasibility is not None else None,
            "quadrant": quadrant(impact, feasibility),
            "eliminated": out[item],
        }

    def ranked(group: list[Item]) -> list[Ranked]:
        return _rank(
            group, key=lambda i: scores[i], score=lambda i: float(scores[i]), detail=detail
        )

    survivors = ranked([i for i in means if not out[i]])
    eliminated = ranked([i for i in means if out[i]])
    behind = len(survivors)
    return survivors + [
        Ranked(r.rank + behind, r.item, r.tied, r.score, r.detail) for r in eliminated
    ]


def decimals_to_differ(values: Iterable[float], least: int = 1, most: int = 4) -> int:
    """How many decimals show `values` so that different values never read the same (at
    least `least`, at most `most`): 3,33 and 3,34 rather than two 3,3."""
    distinct = {round(v, 9) for v in values}
    for places in range(least, most):
        if len({f"{v:.{places}f}" for v in distinct}) == len(distinct):
            return places
    return most


def quadrant(impact: Fraction | None, feasibility: Fraction | None) -> str:
    """Where an item falls on the 2×2 chart (the middle of the 1–5 scale is 3)."""
    if impact is None or feasibility is None:
        return ""
    high_i, high_f = impact >= 3, feasibility >= 3
    if high_i and high_f:
        return "Prioritaire"
    if high_i:
        return "À préparer"
    if high_f:
        return "Facile"
    return "À écarter"


def rank(settings: RoundSettings, counts: Counts, items: Iterable[Item]) -> list[Ranked]:
    items = list(items)
    if settings.kind == "majority":
        return rank_majority(counts, items)
    if settings.kind == "criteria":
        return rank_criteria(counts, items, settings.criteria)
    return rank_totals(counts, items)

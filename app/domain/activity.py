"""The bilan d'activité: a lab's key figures over a period, across workshops, as plain data.

Built by `app.ops.activity.activity_data`, drawn by `app.reports.bilan`. Nothing here names a
participant: the bilan counts people, and quotes feedback, which is anonymous.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from app.domain.feedback import RATINGS
from app.domain.french import french_date
from app.errors import DateText, InvalidInput

CATEGORIES = ("public", "prive", "association", "usager")
FORMAT_ORDER = {"3h": 0, "3j": 1, "3m": 2}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FRENCH = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


@dataclass(frozen=True, slots=True)
class Period:
    """From `start` to `end`, both days included (local time)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(
                "La période se termine le {end}, avant de commencer le {start} : inversez les deux dates.",
                end=DateText(french_date(self.end), self.end),
                start=DateText(french_date(self.start), self.start),
            )

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def first_second(self) -> float:
        return datetime.combine(self.start, time.min).timestamp()

    @property
    def after_last_second(self) -> float:
        return datetime.combine(self.end + timedelta(days=1), time.min).timestamp()

    def holds(self, timestamp: float) -> bool:
        return self.first_second <= timestamp < self.after_last_second

    @property
    def is_calendar_year(self) -> bool:
        return (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        )

    def months(self) -> list[date]:
        """The first day of every month the period touches."""
        out, month = [], self.start.replace(day=1)
        while month <= self.end:
            out.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return out


def parse_day(text: str, what: str) -> date:
    """'2026-01-31' or '31/01/2026'; a clear French error otherwise (`what`: 'de début')."""
    value = text.strip()
    iso, french = _ISO.match(value), _FRENCH.match(value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if french:
            return date(int(french[3]), int(french[2]), int(french[1]))
    except ValueError:
        raise InvalidInput(
            "La date {what} « {value} » n'existe pas dans le calendrier : vérifiez le jour et le mois.",
            what=what,
            value=value,
        ) from None
    raise InvalidInput(
        "Date {what} illisible : « {value} ». Écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-01-31) ou JJ/MM/AAAA (31/01/2026).",
        what=what,
        value=value,
    )


def parse_period(start: str, end: str) -> Period:
    return Period(parse_day(start, "de début"), parse_day(end, "de fin"))


def person_key(name: str, organisation: str) -> str:
    """Who a participant is across workshops: name and organisation, case, accents and
    spaces aside ("Éva  Martin", "eva martin" are the same person at the same place)."""

    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    return f"{plain(name)}\x1f{plain(organisation)}"


@dataclass(frozen=True, slots=True)
class ActivityWorkshop:
    """One workshop's share of the period."""

    id: int
    title: str
    format_key: str
    format_name: str
    place: str
    first_day: date  # of its séances held in the period
    last_day: date
    sessions: int  # séances held in the period
    sessions_planned: int  # séances in its agenda, held or not
    participants: int
    by_category: dict[str, int]
    notes: int
    vote_rounds: int
    actions: int
    projects: int
    ratings: tuple[int, ...]  # feedback answers given in the period
    is_programme: bool  # a programme of several séances over weeks (3 mois)
    checked_in: bool  # False: nobody checked in, its participants are those registered
    format_name_en: str = ""  # the format's English name (the bilan in English)

    @property
    def average_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


@dataclass(frozen=True, slots=True)
class ActivityProject:
    title: str
    workshop_title: str
    status: str
    created: date


@dataclass(frozen=True, slots=True)
class Verbatim:
    text: str
    rating: int
    workshop_title: str


@dataclass(frozen=True, slots=True)
class ActivityMethod:
    """A method of the library used in the period (capitalisation): how often, how rated."""

    key: str
    name: str
    times_used: int  # phases run with it
    reviews: int  # the facilitators' retours d'expérience
    mean: float | None  # their mean rating, out of 5
    name_en: str = ""  # the method's English name (the bilan in English)


@dataclass(frozen=True, slots=True)
class MethodQuote:
    """A facilitator's « à retenir » on a method: her own words, as typed."""

    text: str
    method_name: str
    workshop_title: str
    method_name_en: str = ""


@dataclass(frozen=True, slots=True)
class ActivityData:
    period: Period
    workshops: tuple[ActivityWorkshop, ...]  # by first séance in the period
    session_days: tuple[date, ...]  # the day of each séance held, in order
    places: tuple[tuple[str, int], ...]  # place, séances held there (most first)
    organisations: tuple[tuple[str, str, int], ...]  # name, main category, participants
    projects: tuple[ActivityProject, ...]  # chantiers created in the period
    incubating: tuple[ActivityProject, ...]  # in incubation now, created by the period's end
    verbatims: tuple[Verbatim, ...]
    # the funnel's end: chantiers in incubation or beyond today (expérimentation, déploiement,
    # terminé), created by the period's end, whatever workshop they came from
    incubated: tuple[ActivityProject, ...] = ()
    people: int = 0  # distinct people among the participations (`person_key`)
    # capitalisation: the methods used or reviewed in the period (most used first), and the
    # latest « à retenir » of the facilitators' retours d'expérience
    methods: tuple[ActivityMethod, ...] = ()
    method_quotes: tuple[MethodQuote, ...] = ()
    organisation: str = ""
    author: str = ""
    made_on: date = field(default_factory=date.today)

    @property
    def sessions(self) -> int:
        return len(self.session_days)

    @property
    def participants(self) -> int:
        return sum(w.participants for w in self.workshops)

    @property
    def by_category(self) -> dict[str, int]:
        totals = dict.fromkeys(CATEGORIES, 0)
        for w in self.workshops:
            for category, n in w.by_category.items():
                totals[category] = totals.get(category, 0) + n
        return totals

    @property
    def notes(self) -> int:
        return sum(w.notes for w in self.workshops)

    @property
    def vote_rounds(self) -> int:
        return sum(w.vote_rounds for w in self.workshops)

    @property
    def actions(self) -> int:
        return sum(w.actions for w in self.workshops)

    @property
    def programmes(self) -> tuple[ActivityWorkshop, ...]:
        return tuple(w for w in self.workshops if w.is_programme)

    @property
    def ratings(self) -> tuple[int, ...]:
        return tuple(r for w in self.workshops for r in w.ratings)

    @property
    def rating_counts(self) -> dict[int, int]:
        counts = dict.fromkeys(RATINGS, 0)
        for r in self.ratings:
            counts[r] += 1
        return counts

    @property
    def average_rating(self) -> float | None:
        ratings = self.ratings
        return sum(ratings) / len(ratings) if ratings else None

    @property
    def is_empty(self) -> bool:
        return not self.workshops

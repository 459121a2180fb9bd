"""What views get of the vote rounds: plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.votes import RoundSettings


# -- what views get: plain dataclasses ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RoundItem:
    key: str  # "note:12"
    label: str
    own: bool = False  # the phone's own post-it


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    title: str
    kind: str
    kind_label: str
    settings: RoundSettings
    items: tuple[RoundItem, ...]
    is_open: bool
    status: str  # open, closed
    revealed: bool
    opened_at: float
    closed_at: float | None


@dataclass(frozen=True, slots=True)
class BallotResult:
    round_id: int
    choices: dict[str, Any]  # the wire form of the ballot as stored
    remaining: int | None
    done: bool
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class Turnout:
    voted: int  # phones whose ballot holds at least one vote
    checked_in: int  # people checked in to the workshop
    done: int
    done_names: tuple[str, ...]
    paper_ballots: int

    @property
    def text(self) -> str:
        return f"{self.voted} / {self.checked_in} ont voté"


@dataclass(frozen=True, slots=True)
class ResultLine:
    rank: int
    key: str
    label: str
    tied: bool
    score: float
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PaperBallot:
    """One paper ballot as she typed it: hand-counted dots (or points) per item."""

    voter: str  # "paper:<n>"
    label: str
    at: float
    votes: dict[str, int]  # "note:12" -> dots
    total: int


@dataclass(frozen=True, slots=True)
class Results:
    round: RoundInfo
    lines: tuple[ResultLine, ...]
    turnout: Turnout
    voters: tuple[tuple[str, dict[str, Any]], ...] = ()  # named rounds only: (who, ballot)
    paper: tuple[PaperBallot, ...] = ()  # the paper ballots, oldest first (the console only)


@dataclass(frozen=True, slots=True)
class PhoneView:
    """What one phone shows: the round, its own ballot, the dots left, results if visible."""

    round: RoundInfo
    choices: dict[str, Any]
    remaining: int | None
    done: bool
    results: tuple[ResultLine, ...] | None


@dataclass(frozen=True, slots=True)
class RoomRound:
    """What every phone shows of the current round, read once for all of them (the server's
    cache of the room, app/server/room_cache.py): the round with no item marked as anyone's
    own, and each post-it item's author, so a phone's own items are marked per phone."""

    round: RoundInfo
    authors: dict[str, int]  # item key ("note:12") -> the participant who wrote it
    visible: bool  # results shown to phones (revealed, or live)


@dataclass(frozen=True, slots=True)
class RoomBallots:
    """Every phone's ballot in one round (paper ones aside), and the results if visible."""

    round_id: int
    ballots: dict[int, dict[Any, int]]  # participant id -> its ballot (a domain `Ballot`)
    done: frozenset[int]  # participants who said "J'ai fini"
    results: tuple[ResultLine, ...] | None

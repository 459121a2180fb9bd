"""Plain data handed to views and the command line. No ORM, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    LIVE = "live"
    CLOSED = "closed"
    ARCHIVED = "archived"


STATUS_LABELS = {
    Status.DRAFT: "En préparation",
    Status.LIVE: "En cours",
    Status.CLOSED: "Terminé",
    Status.ARCHIVED: "Archivé",
}


class PhaseKind(StrEnum):
    WORK = "work"
    BREAK = "break"


CADRAGE_FIELDS: tuple[tuple[str, str, str], ...] = (
    # key, French label, hint shown in the empty field
    (
        "owners",
        "Porteurs du projet",
        "Qui porte le projet ? Direction, service, personne référente…",
    ),
    ("why", "Pourquoi", "Le problème ou l'occasion qui motive l'atelier."),
    ("objectives", "Objectifs", "Ce que l'on veut avoir obtenu à la fin."),
    ("scope", "Périmètre", "Ce qui est dans le sujet, et ce qui n'y est pas."),
    ("deliverables", "Livrables", "Ce qui sera remis : compte-rendu, plan d'action, prototype…"),
    ("partners", "Partenaires concernés", "Une organisation par ligne."),
    ("audience", "Public visé", "Agents, partenaires, acteurs privés, usagers…"),
)
# how many participants are expected: digits ("" when not known), kept with the texts
EXPECTED = "expected"
EXPECTED_LABEL = "Nombre de participants attendus"
EXPECTED_MAX = 9999
CADRAGE_KEYS = (*(key for key, _, _ in CADRAGE_FIELDS), EXPECTED)
CADRAGE_MAX_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Cadrage:
    owners: str = ""
    why: str = ""
    objectives: str = ""
    scope: str = ""
    deliverables: str = ""
    partners: str = ""
    audience: str = ""
    expected: str = ""  # digits, or "" when not known

    @classmethod
    def from_dict(cls, data: dict[str, str] | None) -> Cadrage:
        data = data or {}
        return cls(**{k: str(data.get(k, "") or "") for k in CADRAGE_KEYS})

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in CADRAGE_KEYS}

    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class WorkshopSummary:
    id: int
    title: str
    format_key: str
    format_name: str
    status: Status
    updated_at: float
    start_date: date | None = None
    place: str = ""
    rehearsal_of: int | None = None  # a répétition: the workshop it copies


@dataclass(frozen=True, slots=True)
class PhaseInfo:
    id: int
    block_id: int
    position: int
    title: str
    planned_minutes: int
    kind: PhaseKind = PhaseKind.WORK
    method_key: str | None = None
    instructions: str = ""
    notes: str = ""
    actual_start: float | None = None
    actual_end: float | None = None


@dataclass(frozen=True, slots=True)
class BlockInfo:
    id: int
    number: int
    title: str
    week: int | None
    day: date | None
    phases: tuple[PhaseInfo, ...] = ()

    @property
    def planned_minutes(self) -> int:
        return sum(p.planned_minutes for p in self.phases)


@dataclass(frozen=True, slots=True)
class MilestoneInfo:
    id: int
    title: str
    week: int
    done: bool


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """A chantier the programme follows (promoted from a vote, or written by hand)."""

    id: int
    title: str
    status: str  # idee, en_incubation, en_experimentation… (app/domain/report.PROJECT_STATUSES)
    description: str = ""


@dataclass(frozen=True, slots=True)
class WorkshopDetail:
    id: int
    title: str
    format_key: str
    format_name: str
    status: Status
    cadrage: Cadrage
    place: str
    start_date: date | None
    block_label: str
    block_minutes: int
    blocks: tuple[BlockInfo, ...]
    milestones: tuple[MilestoneInfo, ...] = ()
    projects: tuple[ProjectInfo, ...] = ()  # the chantiers, oldest first
    can_undo: bool = False
    can_redo: bool = False
    undo_label: str = ""  # the journal's French label of the step an undo would revert
    redo_label: str = ""
    undo_op: str = ""  # that step's operation ("board.move"): the window names it in English
    redo_op: str = ""
    last_seq: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    rehearsal_of: int | None = None  # a répétition: the workshop it copies

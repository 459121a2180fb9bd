"""The post-it board's rules without a database or Qt: palette, geometry, templates, layout.

Positions are in board units (one unit is one pixel at 100 % zoom); a post-it is NOTE_W × NOTE_H.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

NOTE_W = 200.0
NOTE_H = 140.0
GAP = 20.0
GRID = 20.0
MAX_TEXT = 280
MAX_CLUSTER_TITLE = 120
INBOX_X = -(NOTE_W + 3 * GAP)  # the "Arrivées" column, left of the board's origin
INBOX_W = NOTE_W + 2 * GAP


@dataclass(frozen=True, slots=True)
class Colour:
    key: str
    name: str  # shown beside the swatch, so a colour is never told by its hue alone
    fill: str
    ink: str = "#111111"


# Okabe & Ito's palette, designed to stay distinct for the common colour-vision deficiencies;
# each fill keeps a contrast ratio above 4.5 with black text.
PALETTE: tuple[Colour, ...] = (
    Colour("jaune", "Jaune", "#F0E442"),
    Colour("orange", "Orange", "#E69F00"),
    Colour("bleu", "Bleu ciel", "#56B4E9"),
    Colour("vert", "Vert", "#3FB68E"),
    Colour("rouge", "Vermillon", "#E8743B"),
    Colour("rose", "Rose", "#D98CB8"),
)
COLOURS = {c.key: c for c in PALETTE}
DEFAULT_COLOUR = "jaune"


def colour(key: str) -> Colour:
    return COLOURS.get(key, COLOURS[DEFAULT_COLOUR])


class Scope(StrEnum):
    PHASE = "phase"  # one board per phase
    WORKSHOP = "workshop"  # one board for the whole workshop


class Arrival(StrEnum):
    INBOX = "inbox"  # phones' post-its stack in the "Arrivées" column
    BOARD = "board"  # they land straight on the board, in the first zone


@dataclass(frozen=True, slots=True)
class Zone:
    title: str
    x: float
    y: float
    w: float
    h: float
    subtitle: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    name: str
    zones: tuple[Zone, ...] = ()


def _columns(
    key: str, name: str, titles: list[str], subtitles: list[str] | None = None
) -> Template:
    width = 3 * NOTE_W + 4 * GAP
    subtitles = subtitles or [""] * len(titles)
    return Template(
        key,
        name,
        tuple(
            Zone(title, i * (width + GAP), 0.0, width, 1200.0, subtitle)
            for i, (title, subtitle) in enumerate(zip(titles, subtitles, strict=True))
        ),
    )


def _quadrants(key: str, name: str, titles: list[str], subtitles: list[str]) -> Template:
    width, height = 3 * NOTE_W + 4 * GAP, 3 * NOTE_H + 6 * GAP
    spots = [(0, 0), (1, 0), (0, 1), (1, 1)]
    return Template(
        key,
        name,
        tuple(
            Zone(title, col * (width + GAP), row * (height + GAP), width, height, subtitle)
            for (col, row), title, subtitle in zip(spots, titles, subtitles, strict=True)
        ),
    )


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template("libre", "Tableau libre"),
        _columns("irritants-idees-questions", "Irritants / Idées / Questions",
                 ["Irritants", "Idées", "Questions"]),
        _quadrants("impact-facilite", "Matrice impact / facilité",
                   ["À creuser", "Priorités", "À écarter", "Gains rapides"],
                   ["impact fort · difficile", "impact fort · facile",
                    "impact faible · difficile", "impact faible · facile"]),
        _columns("frise", "Ligne du temps", ["Avant", "Pendant", "Après"],
                 ["ce qui s'est passé", "aujourd'hui", "ce qui vient"]),
        _quadrants("empathie", "Carte d'empathie", ["Dit", "Pense", "Fait", "Ressent"],
                   ["ses mots", "ce qu'il ou elle croit", "ses gestes", "ses émotions"]),
        _columns("retrospective", "Rétrospective", ["À garder", "À améliorer", "À essayer"]),
        _quadrants("grille-retours", "Grille de retours",
                   ["Ce qui plaît", "Critiques", "Questions", "Idées"], ["", "", "", ""]),
    )
}  # fmt: skip


def template_for(template_key: str | None, method_board: str | None) -> Template:
    """The phase's own choice first, then its method's, then a free board."""
    for key in (template_key, method_board):
        if key and key in TEMPLATES:
            return TEMPLATES[key]
    return TEMPLATES["libre"]


def snap(value: float) -> float:
    return round(value / GRID) * GRID


def inbox_slot(index: int) -> tuple[float, float]:
    """Where the index-th post-it waiting in the "Arrivées" column goes."""
    return INBOX_X + GAP, GAP + 60.0 + index * (NOTE_H * 0.45)


def inbox_next(lowest: float | None) -> tuple[float, float]:
    """The next place in "Arrivées": under the lowest post-it waiting there (taking some out
    never makes a new one land on another)."""
    if lowest is None:
        return inbox_slot(0)
    return INBOX_X + GAP, lowest + NOTE_H * 0.45


def board_slot(template: Template, index: int) -> tuple[float, float]:
    """Where the index-th post-it put straight on the board goes (first zone, row by row)."""
    zone = template.zones[0] if template.zones else Zone("", 0.0, 0.0, 3 * NOTE_W + 4 * GAP, 0.0)
    per_row = max(1, int((zone.w - GAP) // (NOTE_W + GAP)))
    row, col = divmod(index, per_row)
    return zone.x + GAP + col * (NOTE_W + GAP), zone.y + 80.0 + row * (NOTE_H + GAP)


def tidy(origin: tuple[float, float], count: int) -> list[tuple[float, float]]:
    """Positions for `count` post-its gathered into a cluster whose top-left is `origin`."""
    per_row = max(1, min(4, math.ceil(math.sqrt(count))))
    x0, y0 = origin
    return [
        (x0 + (i % per_row) * (NOTE_W + GAP), y0 + (i // per_row) * (NOTE_H + GAP))
        for i in range(count)
    ]


def in_inbox(x: float) -> bool:
    return x < INBOX_X + INBOX_W - GAP


@dataclass(frozen=True, slots=True)
class NoteCard:
    id: int
    text: str
    author: str  # "anonyme" when nobody signed it
    colour: str
    x: float
    y: float
    created_at: float
    cluster_id: int | None = None
    hidden: bool = False  # written privately, not revealed yet: the text is not shown
    from_phone: bool = False


@dataclass(frozen=True, slots=True)
class ClusterCard:
    id: int
    title: str
    colour: str
    x: float
    y: float
    collapsed: bool
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class BoardData:
    """Everything a board view shows; the view never owns the truth."""

    workshop_id: int
    phase_id: int | None  # None: the workshop's single board
    title: str
    template: Template
    scope: Scope
    arrival: Arrival
    private: bool  # the phase is in "écriture individuelle"
    notes: tuple[NoteCard, ...] = ()
    clusters: tuple[ClusterCard, ...] = ()
    phases: tuple[tuple[int, str], ...] = field(default_factory=tuple)  # (id, title) to pick from

    @property
    def hidden_count(self) -> int:
        return sum(1 for n in self.notes if n.hidden)

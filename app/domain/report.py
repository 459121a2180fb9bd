"""What a compte-rendu shows, as plain data: built by `app.ops.report_data`, drawn by
`app.reports`. Names are already what may be printed: a participant who did not consent
to be named appears by initials only, and nothing here holds their full name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.board import BoardData
from app.domain.model import Cadrage

CATEGORY_LABELS = {
    "public": "Agents publics",
    "prive": "Acteurs privés",
    "association": "Associations",
    "usager": "Citoyens et usagers",
}

CATEGORY_WORDS = {  # in a sentence: one, many
    "public": ("agent public", "agents publics"),
    "prive": ("acteur privé", "acteurs privés"),
    "association": ("association", "associations"),
    "usager": ("citoyen ou usager", "citoyens et usagers"),
}


def category_words(category: str, count: int) -> str:
    """'1 acteur privé', '3 acteurs privés': the category's words for `count` people."""
    one, many = CATEGORY_WORDS.get(category, (category, category))
    return one if count == 1 else many


VOTE_KINDS = {  # the names the console and the phones use (app/domain/votes.py KINDS)
    "dots": "Vote à gommettes",
    "points": "Points à répartir",
    "majority": "Jugement majoritaire",
    "criteria": "Grille multi-critères",
}

ACTION_STATUSES = {
    "a_faire": "À faire",
    "en_cours": "En cours",
    "fait": "Fait",
    "abandonnee": "Abandonnée",
}
FATES = {
    "retenue": "Retenue",
    "fusionnee": "Fusionnée",
    "mise_de_cote": "Mise de côté",
}
PROJECT_STATUSES = {
    "idee": "Idée",
    "en_incubation": "En incubation",
    "en_experimentation": "En expérimentation",
    "en_deploiement": "En déploiement (passage à l'échelle)",
    "abandonne": "Abandonné",
    "termine": "Terminé",
}
# a chantier incubated, whether still in incubation or gone further (the funnel's end)
INCUBATED = ("en_incubation", "en_experimentation", "en_deploiement", "termine")


def initials(name: str) -> str:
    """'Yann Le Gall' → 'Y. L. G.', 'Mehdi Aït-Ali' → 'M. A.-A.' (empty name → '?')."""
    words = []
    for word in name.split():
        parts = [p for p in word.split("-") if p]
        if parts:
            words.append("-".join(f"{p[0].upper()}." for p in parts))
    return " ".join(words) or "?"


def shown_name(name: str, consent_named: bool) -> str:
    """What a document may print about a participant: their name, or their initials."""
    return name.strip() if consent_named else initials(name)


@dataclass(frozen=True, slots=True)
class ReportPhase:
    title: str
    kind: str  # work, break
    method_key: str | None
    method_name: str
    planned_minutes: int
    actual_start: float | None
    actual_end: float | None
    method_name_en: str = ""  # the method's English name (documents in English)

    @property
    def actual_minutes(self) -> float | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return max(0.0, (self.actual_end - self.actual_start) / 60)


@dataclass(frozen=True, slots=True)
class ReportBlock:
    number: int
    title: str
    day: date | None
    phases: tuple[ReportPhase, ...]


@dataclass(frozen=True, slots=True)
class ReportParticipant:
    shown_name: str  # name if they consented, initials otherwise
    named: bool
    organisation: str
    category: str
    checked_in_at: float | None


@dataclass(frozen=True, slots=True)
class ReportNote:
    id: int
    text: str
    created_at: float


@dataclass(frozen=True, slots=True)
class ReportCluster:
    id: int | None  # None: the post-its left outside any cluster
    title: str
    color: str
    notes: tuple[ReportNote, ...]


@dataclass(frozen=True, slots=True)
class VoteResult:
    """One line of a round's ranking, as the voting engine ranks it (app/domain/votes.py)."""

    label: str  # the post-it's text or the cluster's title
    item_type: str
    item_id: int
    rank: int  # 1 for the first; tied items share a rank
    tied: bool
    voters: int  # people (or paper ballots) who gave it something
    total: int = 0  # dots and points: the sum
    grade: str = ""  # majority judgment: the majority grade's name
    profile: tuple[int, ...] = ()  # majority judgment: ballots per grade, "À rejeter" first
    score: float | None = None  # criteria grid: the weighted mean (1 to 5)
    by_criterion: dict[str, float] = field(default_factory=dict)  # criterion label → mean
    # criteria grid: why it was eliminated, (criterion label, its mean, the threshold) each
    eliminated: tuple[tuple[str, float, int], ...] = ()

    @property
    def scored(self) -> bool:
        return self.voters > 0


@dataclass(frozen=True, slots=True)
class ReportVoteRound:
    title: str
    kind: str
    settings: dict[str, object]
    status: str
    revealed: bool
    opened_at: float
    closed_at: float | None
    voters: int
    paper_ballots: int
    results: tuple[VoteResult, ...]  # ranked, highest first; items without a vote included
    criteria: tuple[str, ...] = ()  # criteria grid: the criteria's names, in the grid's order


@dataclass(frozen=True, slots=True)
class ReportAction:
    what: str
    who: str
    due: date | None
    done: bool
    status: str = "a_faire"  # a_faire, en_cours, fait, abandonnee (ACTION_STATUSES)


@dataclass(frozen=True, slots=True)
class ReportProject:
    title: str
    description: str
    status: str
    owner: str = ""
    start_date: date | None = None
    target_date: date | None = None
    progress: int = 0
    # the next date of its timeline from the day the document is made, else its target date
    next_date: date | None = None
    next_step: str = ""  # that timeline line's text ("" for the target date)
    source_note_id: int | None = None  # the post-it it was promoted from

    @property
    def incubated(self) -> bool:
        return self.status in INCUBATED


@dataclass(frozen=True, slots=True)
class ReportFates:
    """What became of the report's post-its (the moderated ones left out, as everywhere)."""

    retenue: int = 0
    fusionnee: int = 0
    mise_de_cote: int = 0
    undecided: int = 0
    reasons: int = 0  # post-its set aside with a reason written


@dataclass(frozen=True, slots=True)
class ReportFeedback:
    rating: int
    keep: str
    improve: str


@dataclass(frozen=True, slots=True)
class ReportMethod:
    key: str
    name: str
    brique: str
    summary: str
    duration_min: int
    duration_max: int
    steps: tuple[str, ...]
    materials: tuple[str, ...]
    # the same in English (documents in English; the French where the library has none)
    name_en: str = ""
    summary_en: str = ""
    steps_en: tuple[str, ...] = ()
    materials_en: tuple[str, ...] = ()

    def in_lang(self, lang: str) -> ReportMethod:
        """This method as a document in `lang` prints it (its `brique` stays the French label,
        which the documents' catalogue translates)."""
        if lang != "en":
            return self
        return ReportMethod(
            key=self.key,
            name=self.name_en or self.name,
            brique=self.brique,
            summary=self.summary_en or self.summary,
            duration_min=self.duration_min,
            duration_max=self.duration_max,
            steps=self.steps_en or self.steps,
            materials=self.materials_en or self.materials,
        )


@dataclass(frozen=True, slots=True)
class ReportPhoto:
    caption: str
    filename: str
    width: int
    height: int
    data: bytes  # JPEG


@dataclass(frozen=True, slots=True)
class ReportData:
    workshop_id: int
    title: str
    format_name: str
    status: str
    place: str
    start_date: date | None
    end_date: date | None
    cadrage: Cadrage
    blocks: tuple[ReportBlock, ...]
    participants: tuple[ReportParticipant, ...]
    registered: int  # participants known, checked in or not
    clusters: tuple[ReportCluster, ...]
    hidden_notes: int  # moderated post-its, left out of the report
    vote_rounds: tuple[ReportVoteRound, ...]
    actions: tuple[ReportAction, ...]
    projects: tuple[ReportProject, ...]
    feedback: tuple[ReportFeedback, ...]
    methods: tuple[ReportMethod, ...]
    facilitators: tuple[str, ...] = ()
    organisation: str = ""
    logo_png: bytes | None = None
    # the board as the facilitator left it, drawn by the window (the core has no Qt)
    board_png: bytes | None = None
    # the same board as data: drawn as vector shapes when no picture was given (headless);
    # its size tells whether the board can be shown legibly on a page at all
    board: BoardData | None = None
    photos: tuple[ReportPhoto, ...] = ()  # attached by the facilitator: the annexe shows them
    rehearsal: bool = False  # a répétition (simulated phones): the cover says so
    format_name_en: str = ""  # the format's English name (documents in English)
    fates: ReportFates = field(default_factory=ReportFates)

    @property
    def incubated(self) -> tuple[ReportProject, ...]:
        """The chantiers in incubation or gone further: the funnel's end."""
        return tuple(p for p in self.projects if p.incubated)

    @property
    def note_count(self) -> int:
        return sum(len(c.notes) for c in self.clusters)

    @property
    def present(self) -> tuple[ReportParticipant, ...]:
        """Who attended: the checked-in participants, or everyone known if nobody checked in."""
        checked = tuple(p for p in self.participants if p.checked_in_at is not None)
        return checked or self.participants

    @property
    def average_rating(self) -> float | None:
        if not self.feedback:
            return None
        return sum(f.rating for f in self.feedback) / len(self.feedback)


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """A line of the émargement sheet: the sheet is signed, so it carries the full name."""

    name: str
    organisation: str
    category: str
    checked_in_at: float | None


@dataclass(frozen=True, slots=True)
class AttendanceSheet:
    workshop_id: int
    title: str
    format_name: str
    place: str
    day: date | None
    organisation: str
    rows: tuple[AttendanceRow, ...]
    format_name_en: str = ""

"""The session timer as data, and what any view shows from it.

A timer is a deadline (while running) or a remaining time (while ready or paused). Nothing
counts ticks: every view computes what to show from the timer and the current time, so two
views given the same clock show the same second, and a 3-hour session drifts by exactly 0 ms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

AMBER_SECONDS = 120  # the projector turns amber two minutes before the end
MAX_SECONDS = 12 * 3600


class TimerState(StrEnum):
    READY = "ready"  # the phase is shown, its countdown not started
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"  # the séance is over


class Stage(StrEnum):
    READY = "ready"
    NORMAL = "normal"
    AMBER = "amber"
    OVERRUN = "overrun"
    PAUSED = "paused"
    BREAK = "break"
    ENDED = "ended"


def time_left(state: str, remaining: float, deadline: float | None, now: float) -> float:
    """Seconds left (negative: overrun): from the deadline while running, else as stored."""
    if state == TimerState.RUNNING and deadline is not None:
        return deadline - now
    return remaining


@dataclass(frozen=True, slots=True)
class Timer:
    """The authoritative state, as stored (one row per workshop)."""

    workshop_id: int
    block_id: int
    phase_id: int | None
    state: TimerState
    planned: float  # seconds planned for the current phase
    remaining: float  # seconds left when not running (negative: overrun)
    deadline: float | None  # wall-clock seconds at which the phase ends, when running
    session_start: float
    is_break: bool = False

    def remaining_at(self, now: float) -> float:
        return time_left(self.state, self.remaining, self.deadline, now)

    def to_wire(self, now: float) -> dict[str, object]:
        """What a remote view (phone, laptop) needs: it corrects `server_now` by its offset."""
        return {
            "phase_id": self.phase_id,
            "state": self.state.value,
            "planned": self.planned,
            "remaining": self.remaining,
            "deadline": self.deadline,
            "is_break": self.is_break,
            "server_now": now,
        }


@dataclass(frozen=True, slots=True)
class Display:
    """What a countdown shows at one instant."""

    seconds: float  # signed: negative once the phase overruns
    text: str  # "12:34", "−00:42", "1:02:03"
    stage: Stage
    progress: float  # 0.0 at start … 1.0 at the end (capped)
    next_change: float  # seconds until the displayed second changes (≤ 1)


def countdown_text(seconds: float) -> str:
    """Whole seconds left, rounded up while counting down; overrun shown with a minus sign."""
    if seconds > 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "−" if whole > 0 else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def until_next_second(seconds: float) -> float:
    """Time until `countdown_text(seconds - t)` changes, for a running countdown."""
    frac = seconds - math.floor(seconds)
    return frac if frac > 1e-6 else 1.0


def display(timer: Timer | None, now: float, amber_at: float = AMBER_SECONDS) -> Display:
    if timer is None or timer.phase_id is None or timer.state == TimerState.ENDED:
        return Display(0.0, "00:00", Stage.ENDED, 1.0, 1.0)
    seconds = timer.remaining_at(now)
    text = countdown_text(seconds)
    progress = 1.0 if timer.planned <= 0 else min(1.0, max(0.0, 1 - seconds / timer.planned))
    running = timer.state == TimerState.RUNNING
    if timer.is_break and seconds > 0 and running:
        stage = Stage.BREAK
    elif timer.state == TimerState.READY:
        stage = Stage.READY
    elif seconds <= 0:
        stage = Stage.OVERRUN
    elif timer.state == TimerState.PAUSED:
        stage = Stage.PAUSED
    elif seconds <= amber_at:
        stage = Stage.AMBER
    else:
        stage = Stage.NORMAL
    next_change = until_next_second(seconds) if running else 1.0
    return Display(seconds, text, stage, progress, next_change)


def drift_minutes(seconds: float) -> int:
    """The drift in whole minutes: positive when late, negative when ahead, 0 on time."""
    return round(seconds / 60)


def drift_text(seconds: float) -> str:
    """'7 min de retard', 'À l’heure', '3 min d’avance': said in words, never as a sign."""
    minutes = drift_minutes(seconds)
    if minutes == 0:
        return "À l’heure"
    if minutes > 0:
        return f"{minutes} min de retard"
    return f"{-minutes} min d’avance"


@dataclass(frozen=True, slots=True)
class PhaseRun:
    """One phase of the running séance, as the console lists it."""

    id: int
    title: str
    planned_minutes: int
    is_break: bool
    instructions: str
    notes: str
    method_key: str | None
    actual_start: float | None
    actual_end: float | None

    @property
    def done(self) -> bool:
        return self.actual_end is not None

    @property
    def actual_seconds(self) -> float | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return self.actual_end - self.actual_start


@dataclass(frozen=True, slots=True)
class LiveSession:
    """Everything the console and the projector need, without the time of day."""

    workshop_id: int
    title: str
    block_id: int
    block_title: str
    block_label: str
    timer: Timer
    phases: tuple[PhaseRun, ...]

    @property
    def heading(self) -> str:
        """'Title · Jour 2 — Imaginer et choisir', or the title alone for a single séance."""
        if not self.block_title or self.block_title == self.block_label:
            return self.title
        return f"{self.title} · {self.block_title}"

    @property
    def index(self) -> int | None:
        for i, phase in enumerate(self.phases):
            if phase.id == self.timer.phase_id:
                return i
        return None

    @property
    def current(self) -> PhaseRun | None:
        i = self.index
        return None if i is None else self.phases[i]

    @property
    def next(self) -> PhaseRun | None:
        i = self.index
        return None if i is None or i + 1 >= len(self.phases) else self.phases[i + 1]

    @property
    def to_come(self) -> int:
        """How many phases, besides the current one, have not been held: what ending the
        séance now would leave out."""
        i = self.index
        return sum(1 for n, p in enumerate(self.phases) if not p.done and n != i)

    @property
    def held_seconds(self) -> float:
        """The real duration so far: the time the finished phases occupied the room."""
        return sum(p.actual_seconds or 0.0 for p in self.phases)

    @property
    def planned_total(self) -> int:
        """Minutes planned for the whole séance."""
        return sum(p.planned_minutes for p in self.phases)

    @property
    def stopped_after(self) -> int | None:
        """The number (from 1) of the last phase held when phases after it were not: the
        séance was stopped there. None when it ran to its end (or nothing was held)."""
        last = max((n for n, p in enumerate(self.phases) if p.done), default=None)
        if last is None or all(p.done for p in self.phases[last + 1 :]):
            return None
        return last + 1

    def drift(self, now: float) -> float:
        """Seconds the séance runs behind (+) or ahead (−) of its programme."""
        total = 0.0
        for phase in self.phases:
            if phase.actual_seconds is not None:
                total += phase.actual_seconds - phase.planned_minutes * 60
        current = self.current
        if (
            current is not None
            and not current.done
            and current.actual_start is not None
            and self.timer.state != TimerState.ENDED
        ):
            # the same measure as a finished phase: time in the room beyond what was planned
            total += max(0.0, now - current.actual_start - current.planned_minutes * 60)
        return total

    def resume_at(self, now: float) -> float:
        """Wall-clock time at which the current phase ends (e.g. when a break is over)."""
        return now + max(0.0, self.timer.remaining_at(now))


def clock_offset(sent: float, server_now: float, received: float) -> float:
    """Server clock minus local clock, from one request/answer (the midpoint estimate).

    A remote view (phone, co-facilitator laptop) sends at `sent`, the server answers with its
    `server_now`, the answer arrives at `received` (both local times). The error is at most half
    the round trip; views keep the estimate from the exchange with the shortest round trip.
    """
    return server_now - (sent + received) / 2


def from_wire(data: dict[str, object], workshop_id: int = 0) -> Timer:
    """The inverse of `Timer.to_wire`, for a remote view."""

    def number(key: str) -> float:
        value = data[key]
        assert isinstance(value, int | float)
        return float(value)

    deadline = data.get("deadline")
    phase = data.get("phase_id")
    return Timer(
        workshop_id=workshop_id,
        block_id=0,
        phase_id=int(phase) if isinstance(phase, int) else None,
        state=TimerState(str(data["state"])),
        planned=number("planned"),
        remaining=number("remaining"),
        deadline=float(deadline) if isinstance(deadline, int | float) else None,
        session_start=0.0,
        is_break=bool(data.get("is_break")),
    )

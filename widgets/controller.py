"""The window's single door to the core: calls `app.ops`, hands plain data back.

Widgets never see a session or an ORM row. A `KnownError` becomes the `error`
signal (a French message for a dialog); anything else is a bug and propagates.

`Controller` is one class; its methods are split by area between this module and the mixins
of `widgets.controls` (each module under ~600 lines).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.domain.feedback import FeedbackSummary
from app.domain.model import PhaseKind, WorkshopDetail, WorkshopSummary
from app.errors import KnownError
from app.library import Format, Method
from app.ops import agenda, feedback, formats, notes, participants, queries, workshops
from app.ops.base import Change, Context, redo, undo
from widgets.controls.base import Op, P, T, documents_lang
from widgets.controls.board import BoardControls
from widgets.controls.capitalisation import CapitalisationControls
from widgets.controls.cofac import CofacControls
from widgets.controls.documents import DocumentControls
from widgets.controls.live import LiveControls
from widgets.controls.outcomes import OutcomeControls
from widgets.controls.privacy import PrivacyControls
from widgets.controls.votes import VoteControls
from widgets.core_errors import error_text

if TYPE_CHECKING:
    from app.ops.notes import BoardNote
    from app.ops.participants import Attendee, CheckInResult
    from app.rehearsal import Rehearsal, Stats

__all__ = ["Controller", "Op", "P"]


class Controller(
    QObject,
    LiveControls,
    DocumentControls,
    BoardControls,
    VoteControls,
    CofacControls,
    OutcomeControls,
    CapitalisationControls,
    PrivacyControls,
):
    """One class, its methods by area: reads, workshops, rehearsal, agenda and participants
    here; the séance and the phones' server, documents and photos, the board, votes,
    co-facilitation, actions and chantiers in the mixins of `widgets.controls` (QObject
    first in the bases)."""

    error = Signal(str)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return fn(*args, **kwargs)
        except KnownError as exc:
            self.error.emit(error_text(exc))
            return None

    def _write(
        self, op: str, fn: Op[P], first: int, /, *args: P.args, **kwargs: P.kwargs
    ) -> Change | None:
        """Run `fn(ctx, first, ...)`, the core's operation named `op` in the co-facilitation
        API (`app.ops.cofac.REMOTE_OPS`, "board.add_note"): a `RemoteController` sends `op`
        to the host instead. `first` is the workshop, or the round of a vote."""
        return self._call(fn, self.ctx, first, *args, **kwargs)

    # -- reads -------------------------------------------------------------------------------
    def workshops(self) -> list[WorkshopSummary]:
        return queries.list_workshops(self.ctx, include_archived=True)

    def detail(self, workshop_id: int) -> WorkshopDetail | None:
        return self._call(queries.workshop_detail, self.ctx, workshop_id)

    def formats(self) -> list[Format]:
        order = {"3h": 0, "3j": 1, "3m": 2}
        return sorted(
            self.ctx.library.formats.values(), key=lambda f: (order.get(f.key, 9), f.name)
        )

    def methods(self) -> list[Method]:
        return sorted(self.ctx.library.methods.values(), key=lambda m: m.name.casefold())

    def method(self, key: str | None) -> Method | None:
        return self.ctx.library.method(key)

    def library_problems(self) -> list[str]:
        return [error_text(p) for p in self.ctx.library.problems]

    # -- workshops ---------------------------------------------------------------------------
    def create(
        self, format_key: str, title: str, place: str, start_date: date | None
    ) -> Change | None:
        return self._call(
            workshops.create_workshop,
            self.ctx,
            format_key=format_key,
            title=title,
            place=place,
            start_date=start_date,
            lang=documents_lang(),  # an English window makes its workshops' agenda in English
        )

    def rename(self, workshop_id: int, title: str) -> Change | None:
        return self._call(workshops.rename_workshop, self.ctx, workshop_id, title)

    def duplicate(self, workshop_id: int) -> Change | None:
        return self._call(workshops.duplicate_workshop, self.ctx, workshop_id)

    def archive(self, workshop_id: int, archived: bool) -> Change | None:
        fn = workshops.archive_workshop if archived else workshops.unarchive_workshop
        return self._call(fn, self.ctx, workshop_id)

    def delete(self, workshop_id: int) -> Change | None:
        return self._call(workshops.delete_workshop, self.ctx, workshop_id)

    # -- répétition (app/ops/rehearsal.py, app/rehearsal.py) ----------------------------------
    def create_rehearsal(self, workshop_id: int) -> Change | None:
        from app.ops.rehearsal import create_rehearsal

        return self._call(create_rehearsal, self.ctx, workshop_id)

    def wipe_rehearsal(self, workshop_id: int) -> Change | None:
        from app.ops.rehearsal import wipe_rehearsal

        return self._call(wipe_rehearsal, self.ctx, workshop_id)

    def start_rehearsal_phones(
        self,
        url: str,
        code: str,
        phones: int,
        on_change: Callable[[Stats], None],
        *,
        speed: float = 1.0,
    ) -> Rehearsal | None:
        """`phones` simulated phones on the séance served at `url` (called back off the GUI
        thread: `on_change` must hand over to it, a queued signal does)."""
        from app.rehearsal import Rehearsal

        return self._call(
            lambda: Rehearsal(url, code, phones, speed=speed, on_change=on_change).start()
        )

    def save_cadrage(self, workshop_id: int, fields: dict[str, str]) -> Change | None:
        return self._call(workshops.update_cadrage, self.ctx, workshop_id, **fields)

    def save_details(self, workshop_id: int, place: str, start_date: date | None) -> Change | None:
        return self._call(
            workshops.update_details, self.ctx, workshop_id, place=place, start_date=start_date
        )

    def save_as_format(self, workshop_id: int, name: str) -> Format | None:
        return self._call(formats.save_as_format, self.ctx, workshop_id, name)

    def load_saved_formats(self) -> list[Format]:
        """The formats saved in the base, added to the library (at start)."""
        return self._call(formats.load_saved_formats, self.ctx) or []

    # -- agenda ------------------------------------------------------------------------------
    def add_phase(
        self,
        block_id: int,
        method_key: str | None = None,
        position: int | None = None,
        kind: PhaseKind = PhaseKind.WORK,
    ) -> Change | None:
        return self._call(
            agenda.add_phase,
            self.ctx,
            block_id,
            method_key=method_key,
            position=position,
            kind=kind,
        )

    def remove_phase(self, phase_id: int) -> Change | None:
        return self._call(agenda.remove_phase, self.ctx, phase_id)

    def move_phase(self, phase_id: int, position: int) -> Change | None:
        return self._call(agenda.move_phase, self.ctx, phase_id, position)

    def update_phase(self, phase_id: int, fields: dict[str, Any]) -> Change | None:
        return self._call(agenda.update_phase, self.ctx, phase_id, **fields)

    def undo(self, workshop_id: int) -> Change | None:
        return self._call(undo, self.ctx, workshop_id)

    def redo(self, workshop_id: int) -> Change | None:
        return self._call(redo, self.ctx, workshop_id)

    # -- participants and their post-its ------------------------------------------------------
    def attendees(self, workshop_id: int) -> list[Attendee]:
        return self._call(participants.attendees, self.ctx, workshop_id) or []

    def check_in_by_hand(
        self, workshop_id: int, name: str, organisation: str, category: str, consent: bool
    ) -> CheckInResult | Change | None:
        import secrets

        return self._call(
            participants.check_in,
            self.ctx,
            workshop_id,
            name=name,
            organisation=organisation,
            category=category,
            consent_named=consent,
            key=secrets.token_hex(16),
            source="manual",
        )

    def rename_participant(self, workshop_id: int, participant_id: int, name: str) -> Change | None:
        return self._call(
            participants.rename_participant, self.ctx, workshop_id, participant_id, name
        )

    def remove_participant(self, workshop_id: int, participant_id: int) -> Change | None:
        return self._call(participants.remove_participant, self.ctx, workshop_id, participant_id)

    def workshop_notes(self, workshop_id: int) -> list[BoardNote]:
        return self._call(notes.workshop_notes, self.ctx, workshop_id) or []

    def feedback_answers(self, workshop_id: int) -> tuple[FeedbackSummary, bool] | None:
        """The answers received (count, average) and whether phones are asked for them (the
        séance is in its closing phase)."""
        summary = self._call(feedback.feedback_summary, self.ctx, workshop_id)
        asking = self._call(feedback.feedback_open, self.ctx, workshop_id)
        return None if summary is None else (summary, bool(asking))

"""Participants' end-of-séance feedback: a 1-to-5 rating and two optional sentences.

Phones are asked in the séance's closing phase (`app.domain.feedback.closing_phase_ids`). One
answer per participant: a second one replaces the first. Each answer carries the phone's key,
so a retry returns the first answer and writes nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.feedback import (
    MAX_FEEDBACK_TEXT,
    RATINGS,
    FeedbackSummary,
    PhaseSlot,
    is_closing,
)
from app.domain.timer import TimerState
from app.errors import InvalidInput, KnownError, NotFound
from app.events import Topic
from app.ops.base import (
    Action,
    Context,
    Outcome,
    Remember,
    Step,
    apply_actions,
    connection,
    mutation,
    perform,
)
from app.ops.participants import check_key
from app.store.models import Feedback, IdempotentRequest, LiveTimer, Participant, Phase

_STORED = select(IdempotentRequest.response).where(IdempotentRequest.key == bindparam("key"))
_MEMBER = select(Participant.id).where(
    Participant.id == bindparam("pid"), Participant.workshop_id == bindparam("wid")
)
_TIMER = select(LiveTimer.block_id, LiveTimer.phase_id, LiveTimer.state).where(
    LiveTimer.workshop_id == bindparam("wid")
)
_PHASES = (
    select(Phase.id, Phase.method_key, Phase.kind)
    .where(Phase.block_id == bindparam("bid"))
    .order_by(Phase.position)
)
_MINE = select(Feedback.id, Feedback.rating, Feedback.keep, Feedback.improve, Feedback.at).where(
    Feedback.participant_id == bindparam("pid"), Feedback.workshop_id == bindparam("wid")
)
_INSERT = insert(Feedback)
_REPLACE = (
    update(Feedback)
    .where(Feedback.id == bindparam("fid"))
    .values(
        rating=bindparam("rating"),
        keep=bindparam("keep"),
        improve=bindparam("improve"),
        at=bindparam("at"),
    )
)
FEEDBACK_VALUES = ("rating", "keep", "improve", "at")

CLOSED_MESSAGE = "Les retours s'ouvrent à la clôture de la séance."


class FeedbackClosed(KnownError):
    """An answer sent outside the closing phase (409)."""

    code = "retours_fermes"


@dataclass(frozen=True, slots=True)
class FeedbackInfo:
    rating: int
    keep: str
    improve: str
    at: float


@dataclass(frozen=True, slots=True)
class PhoneFeedback:
    """What a phone shows: whether the form is open, and its own answer if it gave one."""

    open: bool
    mine: FeedbackInfo | None


@mutation("feedback.upsert")
def feedback_set(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A participant's answer: a new row (`new`, its id kept when the journal gives one), or
    the one they gave before replaced (`id`). Not undoable (no inverse). (Not `feedback.set`:
    older journals hold entries of that name without the answer, which cannot be replayed.)"""
    conn = connection(session)
    values = {k: args[k] for k in FEEDBACK_VALUES}
    owner = {"workshop_id": args["workshop_id"], "participant_id": args["participant_id"]}
    if args.get("new", args.get("id") is None):
        row = {**owner, **values}
        if args.get("id") is not None:  # a replica: the host's id
            row["id"] = args["id"]
        inserted = conn.execute(_INSERT, row).inserted_primary_key
        assert inserted is not None
        return {**owner, **values, "id": int(inserted[0]), "new": True}, []
    conn.execute(_REPLACE, {"fid": args["id"], **values})
    return {**owner, **values, "id": args["id"], "new": False}, []


def check_rating(rating: object) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS:
        raise InvalidInput("La note va de 1 à 5.")
    return rating


def _open(conn: Connection, workshop_id: int) -> bool:
    timer = conn.execute(_TIMER, {"wid": workshop_id}).first()
    if timer is None or timer.state == TimerState.ENDED or timer.phase_id is None:
        return False
    phases = [
        PhaseSlot(row.id, row.method_key, row.kind == "break")
        for row in conn.execute(_PHASES, {"bid": timer.block_id})
    ]
    return is_closing(phases, timer.phase_id)


def _mine(conn: Connection, workshop_id: int, participant_id: int) -> FeedbackInfo | None:
    row = conn.execute(_MINE, {"pid": participant_id, "wid": workshop_id}).first()
    return FeedbackInfo(row.rating, row.keep, row.improve, row.at) if row else None


def give_feedback(
    ctx: Context,
    workshop_id: int,
    participant_id: int,
    *,
    rating: object,
    keep: object = "",
    improve: object = "",
    key: str,
) -> tuple[FeedbackInfo, bool]:
    """Record (or replace) a participant's answer; returns it and whether this was a retry."""
    clean_rating = check_rating(rating)
    clean_keep = clean_text(keep, what="Ce que je retiens", limit=MAX_FEEDBACK_TEXT).strip()
    clean_improve = clean_text(
        improve, what="Ce qui pourrait être amélioré", limit=MAX_FEEDBACK_TEXT
    ).strip()
    scoped = f"{workshop_id}:f{participant_id}:{check_key(key)}"

    def build(session: Session) -> Step | Outcome:
        conn = connection(session)
        earlier = conn.execute(_STORED, {"key": scoped}).scalar()
        if earlier is not None:
            return Outcome(None, FeedbackInfo(**earlier), True)
        if conn.execute(_MEMBER, {"pid": participant_id, "wid": workshop_id}).first() is None:
            raise NotFound("Participant inconnu pour cet atelier.")
        if not _open(conn, workshop_id):
            raise FeedbackClosed(CLOSED_MESSAGE)
        now = ctx.clock()
        info = FeedbackInfo(clean_rating, clean_keep, clean_improve, now)
        values = {"rating": clean_rating, "keep": clean_keep, "improve": clean_improve, "at": now}
        existing = conn.execute(_MINE, {"pid": participant_id, "wid": workshop_id}).first()
        # one answer per participant: a new one replaces it
        answer = {"workshop_id": workshop_id, "participant_id": participant_id, **values,
                  "id": existing.id if existing is not None else None}  # fmt: skip
        applied, _ = apply_actions(session, [["feedback.upsert", answer]])
        actor = f"participant:{participant_id}"
        return Step(
            workshop_id,
            label="Retour de fin de séance",
            applied=applied,
            result=info,
            actor=actor,
            ids=(participant_id,),
            remember=Remember(scoped, actor, asdict(info), now),
        )

    outcome = perform(ctx, op="feedback.give", topic=Topic.FEEDBACK, build=build, undoable=False)
    return outcome.result, outcome.replayed


def phone_feedback(ctx: Context, workshop_id: int, participant_id: int) -> PhoneFeedback:
    def work(session: Session) -> PhoneFeedback:
        conn = connection(session)
        return PhoneFeedback(_open(conn, workshop_id), _mine(conn, workshop_id, participant_id))

    return ctx.db.read(work)


def feedback_open(ctx: Context, workshop_id: int) -> bool:
    """Whether the séance is in its closing phase (phones show the form)."""
    return ctx.db.read(lambda session: _open(connection(session), workshop_id))


def feedback_summary(ctx: Context, workshop_id: int) -> FeedbackSummary:
    """How many answered, and the average, for the console (live)."""

    def work(session: Session) -> FeedbackSummary:
        ratings = session.scalars(
            select(Feedback.rating).where(Feedback.workshop_id == workshop_id)
        ).all()
        return FeedbackSummary.of([int(r) for r in ratings])

    return ctx.db.read(work)

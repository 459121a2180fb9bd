"""Participants: check-in from a phone (or by hand), and who they are when they come back.

A phone's write carries an idempotency key made by the phone: a retry with the same key gets
the first answer back and writes nothing (the answer is stored with the write, in the same
transaction). A participant's token (192 random bits) is their only credential.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.errors import InvalidInput
from app.events import Topic
from app.ops.base import Change, Context, journal, publish
from app.ops.mutations import get_workshop
from app.store.models import CheckIn, IdempotentRequest, LiveTimer, Participant

CATEGORIES = {
    "public": "Agent public",
    "prive": "Privé",
    "association": "Association",
    "usager": "Citoyen·ne / usager",
}
MAX_NAME = 80
MAX_ORGANISATION = 120
KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


@dataclass(frozen=True, slots=True)
class CheckInResult:
    participant_id: int
    token: str
    name: str
    replayed: bool = False  # True when this answer is the stored answer to an earlier request
    # who just arrived, as the server will ask on the phone's next request (not stored: a
    # replayed answer has none)
    info: ParticipantInfo | None = None


@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    id: int
    name: str
    organisation: str
    category: str
    consent_named: bool


def check_key(key: str) -> str:
    if not isinstance(key, str) or not KEY.match(key):
        raise InvalidInput("Clé de requête invalide (8 à 64 lettres, chiffres, - ou _).")
    return key


def _stored(session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(IdempotentRequest, key)
    return dict(row.response) if row is not None else None


def check_in(
    ctx: Context,
    workshop_id: int,
    *,
    name: str,
    organisation: str = "",
    category: str,
    consent_named: bool = False,
    key: str,
    source: str = "phone",
) -> CheckInResult:
    """Register a participant and their arrival; the same `key` again returns the same answer."""
    work = _check_in_work(
        ctx, workshop_id, name, organisation, category, consent_named, key, source
    )
    change, result = ctx.db.write(work)
    if change is not None:
        publish(ctx, change)
    return result


async def check_in_async(
    ctx: Context,
    workshop_id: int,
    *,
    name: str,
    organisation: str = "",
    category: str,
    consent_named: bool = False,
    key: str,
    source: str = "phone",
) -> CheckInResult:
    """`check_in` from the server's event loop: the same write, awaited from the group commit
    (no worker thread held while 500 phones arrive)."""
    work = _check_in_work(
        ctx, workshop_id, name, organisation, category, consent_named, key, source
    )
    change, result = await ctx.db.write_async(work)
    if change is not None:
        publish(ctx, change)
    return result


def _check_in_work(
    ctx: Context,
    workshop_id: int,
    name: str,
    organisation: str,
    category: str,
    consent_named: bool,
    key: str,
    source: str,
) -> Callable[[Session], tuple[Change | None, CheckInResult]]:
    """The checked input and the transaction's work of one check-in (raises on bad input)."""
    clean_name = clean_text(name, what="Nom", limit=MAX_NAME, required=True).strip()
    clean_org = clean_text(organisation, what="Organisation", limit=MAX_ORGANISATION).strip()
    if category not in CATEGORIES:
        raise InvalidInput("Catégorie inconnue : choisissez dans la liste.")
    scoped = f"{workshop_id}:{check_key(key)}"

    def work(session: Session) -> tuple[Change | None, CheckInResult]:
        earlier = _stored(session, scoped)
        if earlier is not None:
            return None, CheckInResult(**{**earlier, "replayed": True})
        get_workshop(session, workshop_id)
        now = ctx.clock()
        participant = Participant(
            workshop_id=workshop_id,
            name=clean_name,
            organisation=clean_org,
            category=category,
            consent_named=bool(consent_named),
            token=secrets.token_urlsafe(24),
            created_at=now,
        )
        session.add(participant)
        session.flush()
        timer = session.get(LiveTimer, workshop_id)
        session.add(
            CheckIn(
                participant_id=participant.id,
                block_id=timer.block_id if timer is not None else None,
                at=now,
                source=source,
            )
        )
        assert participant.token is not None
        info = ParticipantInfo(participant.id, clean_name, clean_org, category, bool(consent_named))
        result = CheckInResult(participant.id, participant.token, clean_name, info=info)
        answer = asdict(result)
        answer.pop("replayed")
        answer.pop("info")
        session.add(IdempotentRequest(key=scoped, actor=f"participant:{participant.id}",
                                      response=answer, at=now))  # fmt: skip
        entry = journal(
            session,
            ctx.as_actor("téléphone" if source == "phone" else ctx.actor),
            op="participants.check_in",
            workshop_id=workshop_id,
            # the token is a credential: it never goes to the journal (replayed to laptops)
            forward=[["participant.check_in", {"id": participant.id, "name": clean_name}]],
            label=f"Arrivée de {clean_name}",
        )
        change = Change("participants.check_in", Topic.PARTICIPANTS, entry.seq, workshop_id,
                        (participant.id,))  # fmt: skip
        return change, result

    return work


def participant_by_token(ctx: Context, workshop_id: int, token: str) -> ParticipantInfo | None:
    if not isinstance(token, str) or not 16 <= len(token) <= 64:
        return None

    def work(session: Session) -> ParticipantInfo | None:
        p = session.scalars(
            select(Participant).where(
                Participant.token == token, Participant.workshop_id == workshop_id
            )
        ).first()
        if p is None:
            return None
        return ParticipantInfo(p.id, p.name, p.organisation, p.category, p.consent_named)

    return ctx.db.read(work)


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of the check-in panel."""

    id: int
    name: str
    organisation: str
    category: str
    consent_named: bool
    arrived_at: float | None
    source: str


def attendees(ctx: Context, workshop_id: int) -> list[Attendee]:
    def work(session: Session) -> list[Attendee]:
        people = session.scalars(
            select(Participant)
            .where(Participant.workshop_id == workshop_id)
            .order_by(Participant.id)
        ).all()
        first: dict[int, CheckIn] = {}
        for c in session.scalars(
            select(CheckIn)
            .join(Participant, CheckIn.participant_id == Participant.id)
            .where(Participant.workshop_id == workshop_id)
            .order_by(CheckIn.at)
        ):
            first.setdefault(c.participant_id, c)
        return [
            Attendee(
                p.id,
                p.name,
                p.organisation,
                p.category,
                p.consent_named,
                first[p.id].at if p.id in first else None,
                first[p.id].source if p.id in first else "",
            )
            for p in people
        ]

    return ctx.db.read(work)


def _participant(session: Session, workshop_id: int, participant_id: int) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None or p.workshop_id != workshop_id:
        raise InvalidInput("Ce participant n'existe plus.")
    return p


def rename_participant(ctx: Context, workshop_id: int, participant_id: int, name: str) -> Change:
    clean = clean_text(name, what="Nom", limit=MAX_NAME, required=True).strip()

    def work(session: Session) -> Change:
        p = _participant(session, workshop_id, participant_id)
        old, p.name = p.name, clean
        entry = journal(session, ctx, op="participants.rename", workshop_id=workshop_id,
                        forward=[["participant.rename", {"id": p.id, "name": clean}]],
                        label=f"« {old} » renommé « {clean} »")  # fmt: skip
        return Change("participants.rename", Topic.PARTICIPANTS, entry.seq, workshop_id, (p.id,))

    change = ctx.db.write(work)
    publish(ctx, change)
    return change


def remove_participant(ctx: Context, workshop_id: int, participant_id: int) -> Change:
    """Remove a duplicate: their check-ins go; their post-its stay, without an author link."""

    def work(session: Session) -> Change:
        p = _participant(session, workshop_id, participant_id)
        name = p.name
        for c in session.scalars(select(CheckIn).where(CheckIn.participant_id == p.id)):
            session.delete(c)
        session.delete(p)
        session.flush()
        entry = journal(session, ctx, op="participants.remove", workshop_id=workshop_id,
                        forward=[["participant.remove", {"id": participant_id}]],
                        label=f"{name} retiré·e de la liste")  # fmt: skip
        return Change("participants.remove", Topic.PARTICIPANTS, entry.seq, workshop_id,
                      (participant_id,))  # fmt: skip

    change = ctx.db.write(work)
    publish(ctx, change)
    return change

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

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.timer import TimerState
from app.errors import InvalidInput, SeanceNotOpen
from app.events import Topic
from app.ops.base import (
    Action,
    Change,
    Context,
    Outcome,
    Remember,
    Step,
    apply_actions,
    connection,
    execute,
    mutation,
    perform,
    perform_async,
    pin,
)
from app.ops.mutations import get_workshop
from app.store.models import (
    CheckIn,
    IdempotentRequest,
    LiveTimer,
    Participant,
    Vote,
    VoteBallot,
)

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


# -- mutations (what the journal keeps, what a co-facilitator's replica replays) ---------------
PARTICIPANT_COLUMNS = (
    "workshop_id", "name", "organisation", "category", "consent_named", "token", "created_at",
)  # fmt: skip
CHECKIN_COLUMNS = ("participant_id", "block_id", "at", "source")
_INSERT_PARTICIPANT = insert(Participant)
_INSERT_CHECKIN = insert(CheckIn)


def _insert_row(
    session: Session, statement: Any, columns: tuple[str, ...], args: dict[str, Any]
) -> int:
    """Insert one row with a prepared statement (its id kept when the journal gives one)."""
    row = {k: args.get(k) for k in columns}
    if args.get("id") is not None:
        row["id"] = args["id"]
    session.flush()  # the transaction's earlier ORM changes go first
    inserted = connection(session).execute(statement, row).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


@mutation("participant.insert")
def participant_insert(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    """A participant's row. The token is a credential: the journalled arguments blank it (a
    replica replays the row without it). Not undoable (no inverse)."""
    new_id = _insert_row(session, _INSERT_PARTICIPANT, PARTICIPANT_COLUMNS, args)
    applied = {**{k: args.get(k) for k in PARTICIPANT_COLUMNS}, "id": new_id, "token": None}
    return applied, []


@mutation("checkin.insert")
def checkin_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    new_id = _insert_row(session, _INSERT_CHECKIN, CHECKIN_COLUMNS, args)
    return {**{k: args.get(k) for k in CHECKIN_COLUMNS}, "id": new_id}, []


@mutation("participant.rename")
def participant_rename(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    p = session.get(Participant, args["id"])
    if p is None:
        raise InvalidInput("Ce participant n'existe plus.")
    old, p.name = p.name, args["name"]
    return {"id": p.id, "name": p.name}, [["participant.rename", {"id": p.id, "name": old}]]


@mutation("participant.remove")
def participant_remove(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    """Remove a participant and their check-ins (their post-its stay, without an author
    link; their ballots stay counted, as `anon:<id>`: a voter `p:<id>` must name a
    participant, or the workshop's archive would not import). Not undoable (no inverse)."""
    p = session.get(Participant, args["id"])
    if p is None:
        raise InvalidInput("Ce participant n'existe plus.")
    for c in session.scalars(select(CheckIn).where(CheckIn.participant_id == p.id)):
        session.delete(c)
    for model in (Vote, VoteBallot):
        session.execute(
            update(model).where(model.voter == f"p:{p.id}").values(voter=f"anon:{p.id}")
        )
    session.execute(  # the answers remembered for their phone hold their name and token
        delete(IdempotentRequest).where(
            IdempotentRequest.actor == f"participant:{p.id}",
            IdempotentRequest.key.like(f"{p.workshop_id}:%"),
        )
    )
    session.delete(p)
    session.flush()
    return {"id": args["id"]}, []


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
    build = _check_in_build(
        ctx, workshop_id, name, organisation, category, consent_named, key, source
    )
    outcome = perform(ctx, op=CHECK_IN_OP, topic=Topic.PARTICIPANTS, build=build, undoable=False)
    result: CheckInResult = outcome.result
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
    build = _check_in_build(
        ctx, workshop_id, name, organisation, category, consent_named, key, source
    )
    outcome = await perform_async(
        ctx, op=CHECK_IN_OP, topic=Topic.PARTICIPANTS, build=build, undoable=False
    )
    result: CheckInResult = outcome.result
    return result


CHECK_IN_OP = "participants.check_in"


def _check_in_build(
    ctx: Context,
    workshop_id: int,
    name: str,
    organisation: str,
    category: str,
    consent_named: bool,
    key: str,
    source: str,
) -> Callable[[Session], Step | Outcome]:
    """The checked input and the transaction's work of one check-in (raises on bad input).

    Journalled as `participant.insert` (its token blanked) and `checkin.insert`, with their
    values and ids: a co-facilitator's replica replays them."""
    clean_name = clean_text(name, what="Nom", limit=MAX_NAME, required=True).strip()
    clean_org = clean_text(organisation, what="Organisation", limit=MAX_ORGANISATION).strip()
    if category not in CATEGORIES:
        raise InvalidInput("Catégorie inconnue : choisissez dans la liste.")
    scoped = f"{workshop_id}:{check_key(key)}"

    def build(session: Session) -> Step | Outcome:
        earlier = _stored(session, scoped)
        if earlier is not None:
            return Outcome(None, CheckInResult(**{**earlier, "replayed": True}), True)
        get_workshop(session, workshop_id)
        now = ctx.clock()
        token = secrets.token_urlsafe(24)
        person = {"workshop_id": workshop_id, "name": clean_name, "organisation": clean_org,
                  "category": category, "consent_named": bool(consent_named), "token": token,
                  "created_at": now}  # fmt: skip
        applied, _ = apply_actions(session, [["participant.insert", person]])
        participant_id = int(applied[0][1]["id"])
        timer = session.get(LiveTimer, workshop_id)
        if source == "phone" and timer is not None and timer.state == TimerState.ENDED:
            # read in the write: another server on the same base may have ended the séance
            raise SeanceNotOpen("ended")
        arrival = {"participant_id": participant_id,
                   "block_id": timer.block_id if timer is not None else None, "at": now,
                   "source": source}  # fmt: skip
        arrived, _ = apply_actions(session, [["checkin.insert", arrival]])
        info = ParticipantInfo(participant_id, clean_name, clean_org, category, bool(consent_named))
        result = CheckInResult(participant_id, token, clean_name, info=info)
        answer = asdict(result)
        answer.pop("replayed")
        answer.pop("info")
        return Step(
            workshop_id,
            label=f"Arrivée de {clean_name}",
            # the token is a credential: `participant.insert` journals it blanked
            applied=applied + arrived,
            result=result,
            actor="téléphone" if source == "phone" else ctx.actor,
            ids=(participant_id,),
            remember=Remember(scoped, f"participant:{participant_id}", answer, now),
        )

    return build


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

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        p = pin(session, _participant(session, workshop_id, participant_id))
        actions: list[Action] = [["participant.rename", {"id": p.id, "name": clean}]]
        return workshop_id, actions, f"« {p.name} » renommé « {clean} »"

    return execute(
        ctx, op="participants.rename", topic=Topic.PARTICIPANTS, build=build, undoable=False
    )


def remove_participant(ctx: Context, workshop_id: int, participant_id: int) -> Change:
    """Remove a duplicate: their check-ins go; their post-its stay, without an author link."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        p = pin(session, _participant(session, workshop_id, participant_id))
        actions: list[Action] = [["participant.remove", {"id": p.id}]]
        return workshop_id, actions, f"{p.name} retiré·e de la liste"

    return execute(
        ctx, op="participants.remove", topic=Topic.PARTICIPANTS, build=build, undoable=False
    )

"""Co-facilitation: laptops paired with a séance, their roles, their operations, their replica.

The host's store is the single source of truth. A co-facilitator laptop sends *operations*
(names from `REMOTE_OPS`, each allowed to some roles); the host runs them as the co-facilitator
(`ctx.as_actor("cofac:<name>")`, so the history says who did what), in its own order, exactly
once per idempotency key. Every laptop then reads the host's state back: it replays the host's
journal entries whose mutations are all known (`replayable`), and takes a whole-workshop
snapshot otherwise (phones' ballots are journalled without their rows) or when it
is far behind.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    select,
    update,
)
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.errors import InvalidInput, KnownError, NotFound
from app.events import Topic
from app.ops import base, pairing
from app.ops.base import Action, Change, Context, connection, execute, mutation
from app.ops.mutations import get_workshop
from app.ops.participants import check_key
from app.ops.remote_ops import REMOTE_OPS as REMOTE_OPS  # re-exported: `cofac.REMOTE_OPS`
from app.store.db import Database
from app.store.models import CoFacilitator

ROLES = {
    "coanimateur": "Co-animateur·rice",
    "copilote": "Co-pilote (décisions déléguées)",
    "gardien": "Gardien·ne du temps",
    "scribe": "Scribe",
    "observateur": "Observateur·rice",
}
DEFAULT_ROLE = "observateur"  # a new laptop reads until the lead gives it a role
LOWEST_ROLE = "observateur"  # sees only what its role needs (`app.ops.replica.for_role`)
MAX_NAME = 80
CODE_DIGITS = pairing.CODE_DIGITS
TOKEN_HOURS = 12.0  # a laptop's token stops working after this (or when its séance ends)


# -- who the laptops are -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CoFacInfo:
    id: int
    workshop_id: int
    name: str
    role: str
    revoked: bool
    created_at: float
    approved: bool = True
    expires: float = 0.0  # when its token stops working (the host's clock; 0: never)

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def actor(self) -> str:
        return f"cofac:{self.name}"


@dataclass(frozen=True, slots=True)
class Paired:
    info: CoFacInfo
    token: str  # given once; the host keeps only its hash


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


PUBLIC_FIELDS = ("workshop_id", "name", "role", "revoked", "created_at", "approved")


def _info(row: CoFacilitator) -> CoFacInfo:
    return CoFacInfo(
        row.id, row.workshop_id, row.name, row.role, row.revoked, row.created_at,
        row.approved, row.token_expires or 0.0,
    )  # fmt: skip


@mutation("cofac.set")
def cofac_set(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Create or change a paired laptop's public fields (never its token: replicas replay
    this, and the journal goes to every laptop)."""
    row = session.get(CoFacilitator, args["id"]) if args.get("id") is not None else None
    fields = {k: args[k] for k in PUBLIC_FIELDS if k in args}
    if row is None:
        row = CoFacilitator(id=args.get("id"), device_key="", token_hash="", **fields)
        session.add(row)
        session.flush()
        return {**args, "id": row.id}, [["cofac.forget", {"id": row.id}]]
    old = {k: getattr(row, k) for k in fields}
    for key, value in fields.items():
        setattr(row, key, value)
    session.flush()
    return {"id": row.id, **fields}, [["cofac.set", {"id": row.id, **old}]]


@mutation("cofac.forget")
def cofac_forget(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(CoFacilitator, args["id"])
    if row is None:
        raise NotFound("Cet ordinateur n'est plus appairé.")
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in PUBLIC_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": snapshot["id"]}, [["cofac.set", snapshot]]


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput("Rôle inconnu : {role}.", role=role)
    return role


def pair(
    ctx: Context, workshop_id: int, *, name: str, device_key: str, role: str = DEFAULT_ROLE
) -> Paired:
    """Register a laptop (the pairing code was checked by the caller) and give it a token.

    The same laptop (`device_key`) pairing again keeps its row, role and approval, unless it
    was revoked, and gets a new token: the old one stops working. A new laptop is not approved:
    it gets no data until the lead approves it (`approve`). The token expires after
    `TOKEN_HOURS` (and is refused by the server once the séance has ended).
    """
    clean = clean_text(name, what="Nom", limit=MAX_NAME, required=True).strip()
    device = check_key(device_key)
    _check_role(role)
    token = secrets.token_urlsafe(32)  # 256 bits

    def build(session: Session) -> base.Step:
        get_workshop(session, workshop_id)
        same = session.scalars(
            select(CoFacilitator).where(
                CoFacilitator.workshop_id == workshop_id,
                CoFacilitator.device_key == device,
                CoFacilitator.revoked.is_(False),
            )
        ).first()
        if same is not None:
            args: dict[str, Any] = {"id": same.id, "name": clean}
        else:
            args = {"workshop_id": workshop_id, "name": clean, "role": role, "revoked": False,
                    "created_at": ctx.clock(), "approved": False}  # fmt: skip
        forward, _ = base.apply_actions(session, [["cofac.set", args]])
        cofac_id = int(forward[0][1]["id"])
        # the credential, outside the journal (which every laptop replays)
        connection(session).execute(
            update(CoFacilitator)
            .where(CoFacilitator.id == cofac_id)
            .values(
                device_key=device,
                token_hash=token_hash(token),
                token_expires=ctx.clock() + TOKEN_HOURS * 3600,
            )
        )
        return base.Step(workshop_id, label=f"Ordinateur appairé : {clean}", applied=forward)

    change = base.perform(ctx, op="cofac.pair", topic=Topic.COFAC, build=build, undoable=False)
    assert change.change is not None
    found = cofac_info(ctx, change.change.ids[0])
    assert found is not None
    return Paired(found, token)


def cofac_info(ctx: Context, cofac_id: int) -> CoFacInfo | None:
    def work(session: Session) -> CoFacInfo | None:
        row = session.get(CoFacilitator, cofac_id)
        return _info(row) if row is not None else None

    return ctx.db.read(work)


def by_token(ctx: Context, workshop_id: int, token: str) -> CoFacInfo | None:
    """The laptop a token belongs to, None if unknown, revoked or expired."""
    if not isinstance(token, str) or not 32 <= len(token) <= 64:
        return None
    hashed = token_hash(token)

    def work(session: Session) -> CoFacInfo | None:
        row = session.scalars(
            select(CoFacilitator).where(
                CoFacilitator.token_hash == hashed,
                CoFacilitator.workshop_id == workshop_id,
                CoFacilitator.revoked.is_(False),
            )
        ).first()
        if row is None or (row.token_expires and row.token_expires <= now):
            return None
        return _info(row)

    now = ctx.clock()
    return ctx.db.read(work)


def cofacilitators(ctx: Context, workshop_id: int) -> list[CoFacInfo]:
    def work(session: Session) -> list[CoFacInfo]:
        rows = session.scalars(
            select(CoFacilitator)
            .where(CoFacilitator.workshop_id == workshop_id)
            .order_by(CoFacilitator.id)
        )
        return [_info(r) for r in rows]

    return ctx.db.read(work)


def _laptop(session: Session, workshop_id: int, cofac_id: int) -> CoFacilitator:
    row = session.get(CoFacilitator, cofac_id)
    if row is None or row.workshop_id != workshop_id:
        raise NotFound("Cet ordinateur n'est plus appairé.")
    return row


def set_role(ctx: Context, workshop_id: int, cofac_id: int, role: str) -> Change:
    """The lead gives a laptop a role (effective from its next request)."""
    _check_role(role)

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _laptop(session, workshop_id, cofac_id)
        if row.revoked:
            raise InvalidInput(
                "« {name} » a été déconnecté : appairez-le à nouveau.", name=row.name
            )
        label = f"Rôle de {row.name} : {ROLES[role]}"
        return workshop_id, [["cofac.set", {"id": row.id, "role": role}]], label

    return execute(ctx, op="cofac.role", topic=Topic.COFAC, build=build, undoable=False)


def approve(ctx: Context, workshop_id: int, cofac_id: int) -> Change:
    """The lead lets a newly paired laptop in: from now on it gets the workshop's data (what
    its role may see)."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _laptop(session, workshop_id, cofac_id)
        if row.revoked:
            raise InvalidInput(
                "« {name} » a été déconnecté : appairez-le à nouveau.", name=row.name
            )
        label = f"Ordinateur accepté : {row.name}"
        return workshop_id, [["cofac.set", {"id": row.id, "approved": True}]], label

    return execute(ctx, op="cofac.approve", topic=Topic.COFAC, build=build, undoable=False)


def revoke(ctx: Context, workshop_id: int, cofac_id: int) -> Change:
    """The lead disconnects a laptop: its token stops working at once."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _laptop(session, workshop_id, cofac_id)
        pairing.forget_code(session, workshop_id)  # a new code: whoever saw it cannot pair
        return (
            workshop_id,
            [["cofac.set", {"id": row.id, "revoked": True}]],
            f"Ordinateur déconnecté : {row.name}",
        )

    return execute(ctx, op="cofac.revoke", topic=Topic.COFAC, build=build, undoable=False)


def allowed(role: str, op: str) -> bool:
    remote = REMOTE_OPS.get(op)
    return remote is not None and role in remote.roles


@dataclass(frozen=True, slots=True)
class RemoteResult:
    seq: int
    ids: tuple[int, ...]
    replayed: bool = False


class _Replayed(Exception):
    def __init__(self, response: dict[str, Any]) -> None:
        super().__init__("replayed")
        self.response = response


def _answer(result: Any) -> dict[str, Any]:
    """What is remembered of an operation's result: its journal entry and the ids it made."""
    found = result
    if isinstance(result, base.Outcome):  # what `base.perform`'s write returns
        found = result.change
    elif isinstance(result, tuple):
        found = next((r for r in result if isinstance(r, Change)), None)
    if isinstance(found, Change):
        return {"seq": found.seq, "ids": list(found.ids)}
    return {"seq": 0, "ids": []}


class _KeyedDatabase:
    """The store, seen by one remote operation: its first write also checks and remembers
    the request's key in the same transaction, so a resent operation never applies twice.

    Not a write path of its own: whichever operation runs still writes, journals and
    publishes through `base.perform`; this only adds the laptop's key to its transaction
    (whatever the operation, undo and redo included, and without each one knowing it)."""

    def __init__(self, db: Database, key: str, actor: str, clock: Callable[[], float]) -> None:
        self._db, self._key, self._actor, self._clock = db, key, actor, clock
        self._used = False
        self.answer: dict[str, Any] | None = None  # what the first write remembered

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def write(self, work: Callable[[Session], Any]) -> Any:
        if self._used:
            return self._db.write(work)
        self._used = True

        def keyed(session: Session) -> Any:
            earlier = base.stored_answer(session, self._key)
            if earlier is not None:
                raise _Replayed(earlier)
            result = work(session)
            self.answer = _answer(result)
            base.remember(
                session, base.Remember(self._key, self._actor, self.answer, self._clock())
            )
            return result

        return self._db.write(keyed)


def run_remote(
    ctx: Context, workshop_id: int, who: CoFacInfo, op: str, args: Mapping[str, Any], key: str
) -> RemoteResult:
    """Run a laptop's operation on the host, as that laptop, once per `key`."""
    remote = REMOTE_OPS.get(op)
    if remote is None:
        raise KnownError("Opération inconnue : {op}.", code="operation_inconnue", op=op[:60])
    if who.role not in remote.roles:
        raise KnownError(
            "Votre rôle ({role_label}) ne le permet pas : {label}.",
            code="interdit",
            role_label=who.role_label,
            label=remote.label,
        )
    scoped = f"{workshop_id}:c{who.id}:{check_key(key)}"

    earlier = ctx.db.read(lambda session: base.stored_answer(session, scoped))
    if earlier is not None:
        return RemoteResult(int(earlier["seq"]), tuple(earlier["ids"]), replayed=True)
    keyed = _KeyedDatabase(ctx.db, scoped, who.actor, ctx.clock)
    actx = Context(cast(Database, keyed), ctx.bus, ctx.library, who.actor, ctx.clock)
    arguments = dict(args)
    if op == "participants.check_in":
        arguments["_key"] = key
    try:
        result = remote.fn(actx, workshop_id, arguments)
    except _Replayed as replay:
        return RemoteResult(int(replay.response["seq"]), tuple(replay.response["ids"]), True)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput("Paramètres invalides pour « {op} » ({exc}).", op=op, exc=exc) from None
    answer = keyed.answer if keyed.answer is not None else _answer(result)
    return RemoteResult(int(answer["seq"]), tuple(answer["ids"]))

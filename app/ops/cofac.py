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
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    select,
    update,
)
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.timer import TimerState
from app.errors import InvalidInput, KnownError, NotFound
from app.events import Topic
from app.ops import base, board, live, outcomes, participants, projects, votes
from app.ops.base import Action, Change, Context, connection, execute, mutation
from app.ops.mutations import get_workshop
from app.ops.participants import check_key
from app.store.db import Database
from app.store.models import (
    Action as ActionRow,
)
from app.store.models import (
    CoFacilitator,
    LiveTimer,
    Milestone,
    Phase,
    Programme,
    Project,
    ProjectEntry,
    VoteRound,
)

ROLES = {
    "coanimateur": "Co-animateur·rice",
    "gardien": "Gardien·ne du temps",
    "scribe": "Scribe",
    "observateur": "Observateur·rice",
}
DEFAULT_ROLE = "observateur"  # a new laptop reads until the lead gives it a role
MAX_NAME = 80
CODE_DIGITS = 6


# -- who the laptops are -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CoFacInfo:
    id: int
    workshop_id: int
    name: str
    role: str
    revoked: bool
    created_at: float

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


def new_pairing_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


PUBLIC_FIELDS = ("workshop_id", "name", "role", "revoked", "created_at")


def _info(row: CoFacilitator) -> CoFacInfo:
    return CoFacInfo(row.id, row.workshop_id, row.name, row.role, row.revoked, row.created_at)


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
        raise InvalidInput(f"Rôle inconnu : {role}.")
    return role


def pair(
    ctx: Context, workshop_id: int, *, name: str, device_key: str, role: str = DEFAULT_ROLE
) -> Paired:
    """Register a laptop (the pairing code was checked by the caller) and give it a token.

    The same laptop (`device_key`) pairing again keeps its row and role, unless it was
    revoked, and gets a new token: the old one stops working.
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
                    "created_at": ctx.clock()}  # fmt: skip
        forward, _ = base.apply_actions(session, [["cofac.set", args]])
        cofac_id = int(forward[0][1]["id"])
        # the credential, outside the journal (which every laptop replays)
        connection(session).execute(
            update(CoFacilitator)
            .where(CoFacilitator.id == cofac_id)
            .values(device_key=device, token_hash=token_hash(token))
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
    """The laptop a token belongs to, None if unknown or revoked."""
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
        return _info(row) if row is not None else None

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
            raise InvalidInput(f"« {row.name} » a été déconnecté : appairez-le à nouveau.")
        label = f"Rôle de {row.name} : {ROLES[role]}"
        return workshop_id, [["cofac.set", {"id": row.id, "role": role}]], label

    return execute(ctx, op="cofac.role", topic=Topic.COFAC, build=build, undoable=False)


def revoke(ctx: Context, workshop_id: int, cofac_id: int) -> Change:
    """The lead disconnects a laptop: its token stops working at once."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _laptop(session, workshop_id, cofac_id)
        return (
            workshop_id,
            [["cofac.set", {"id": row.id, "revoked": True}]],
            f"Ordinateur déconnecté : {row.name}",
        )

    return execute(ctx, op="cofac.revoke", topic=Topic.COFAC, build=build, undoable=False)


# -- what a laptop may ask the host to do ------------------------------------------------------
COANIMATION = frozenset({"coanimateur"})
TIMEKEEPING = frozenset({"coanimateur", "gardien"})
BOARD = frozenset({"coanimateur", "scribe"})

RemoteFn = Callable[[Context, int, dict[str, Any]], Any]


@dataclass(frozen=True, slots=True)
class RemoteOp:
    fn: RemoteFn
    roles: frozenset[str]
    label: str


def _kw(args: Mapping[str, Any], *names: str) -> dict[str, Any]:
    unknown = set(args) - set(names)
    if unknown:
        raise InvalidInput(f"Paramètre inconnu : {', '.join(sorted(unknown))}.")
    return {k: args[k] for k in names if k in args}


def _triples(value: Any) -> list[tuple[int, float, float]]:
    if not isinstance(value, list):
        raise InvalidInput("Positions invalides.")
    out = []
    for item in value:
        if not isinstance(item, list | tuple) or len(item) != 3:
            raise InvalidInput("Positions invalides.")
        out.append((int(item[0]), float(item[1]), float(item[2])))
    return out


def _round_of(ctx: Context, workshop_id: int, round_id: Any) -> int:
    """A vote round of *this* workshop (a laptop never reaches another one)."""
    if not isinstance(round_id, int):
        raise InvalidInput("Tour de vote invalide.")

    def work(session: Session) -> int | None:
        return session.scalar(select(VoteRound.workshop_id).where(VoteRound.id == round_id))

    if ctx.db.read(work) != workshop_id:
        raise NotFound("Ce tour de vote n'existe pas.")
    return round_id


def _not_the_end(ctx: Context, workshop_id: int) -> None:
    """ "Séquence suivante" after the last phase ends the séance: only the lead does that."""

    def work(session: Session) -> bool:
        timer = session.get(LiveTimer, workshop_id)
        if timer is None or timer.state == TimerState.ENDED:
            return False
        last = session.scalar(
            select(Phase.id)
            .where(Phase.block_id == timer.block_id)
            .order_by(Phase.position.desc())
            .limit(1)
        )
        return last is not None and last == timer.phase_id

    if ctx.db.read(work):
        raise KnownError(
            "C'est la dernière séquence : seule l'animatrice peut terminer la séance.",
            code="interdit",
        )


def _next(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    _kw(a)
    _not_the_end(ctx, wid)
    return live.next_phase(ctx, wid)


def _timer(fn: Callable[[Context, int], Change]) -> RemoteFn:
    def run(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
        _kw(a)
        return fn(ctx, wid)

    return run


def _check_in(ctx: Context, wid: int, a: dict[str, Any]) -> Any:
    key = a.pop("_key", "")
    kw = _kw(a, "name", "organisation", "category", "consent_named")
    return participants.check_in(ctx, wid, key=key, source="manual", **kw)


# -- the action plan and the chantiers: only those of *this* workshop ---------------------------
def _owned(ctx: Context, workshop_id: int, kind: str, item_id: Any) -> int:
    """An action, chantier, timeline line or milestone of this workshop (a laptop never
    reaches another one's)."""
    if isinstance(item_id, bool) or not isinstance(item_id, int):
        raise InvalidInput("Identifiant invalide.")
    queries = {
        "action": select(ActionRow.workshop_id).where(ActionRow.id == item_id),
        "project": select(Project.workshop_id).where(Project.id == item_id),
        "entry": select(Project.workshop_id)
        .join(ProjectEntry, ProjectEntry.project_id == Project.id)
        .where(ProjectEntry.id == item_id),
        "milestone": select(Programme.workshop_id)
        .join(Milestone, Milestone.programme_id == Programme.id)
        .where(Milestone.id == item_id),
    }
    if ctx.db.read(lambda session: session.scalar(queries[kind])) != workshop_id:
        raise NotFound("Cet élément n'existe pas dans cet atelier.")
    return item_id


def _day(value: Any) -> date | None:
    """A date sent as AAAA-MM-JJ (None clears it)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput("Date invalide : attendue au format AAAA-MM-JJ.") from None


def _dated(args: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: _day(v) if k in names else v for k, v in args.items()}


def _create_action(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    kw = _kw(a, "what", "who", "participant_id", "due", "status")
    return outcomes.create_action(ctx, wid, **_dated(kw, "due"))


def _update_action(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    action_id = _owned(ctx, wid, "action", a.pop("action_id", None))
    kw = _kw(a, "what", "who", "participant_id", "due", "status")
    return outcomes.update_action(ctx, action_id, **_dated(kw, "due"))


def _update_project(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    project_id = _owned(ctx, wid, "project", a.pop("project_id", None))
    kw = _kw(a, "title", "description", "status", "owner", "partners", "start_date",
             "target_date", "progress")  # fmt: skip
    return projects.update_project(ctx, project_id, **_dated(kw, "start_date", "target_date"))


def _add_entry(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    project_id = _owned(ctx, wid, "project", a.pop("project_id", None))
    kw = _kw(a, "day", "text")
    day = _day(kw.get("day"))
    if day is None:
        raise InvalidInput("Date invalide : attendue au format AAAA-MM-JJ.")
    return projects.add_entry(ctx, project_id, day, str(kw.get("text", "")))


REMOTE_OPS: dict[str, RemoteOp] = {
    # the board (scribe)
    "board.add_note": RemoteOp(
        lambda c, w, a: board.add_note(
            c, w, **_kw(a, "text", "phase_id", "colour", "x", "y", "author")
        ),
        BOARD,
        "écrire un post-it",
    ),
    "board.edit_note": RemoteOp(
        lambda c, w, a: board.edit_note(c, w, int(a["note_id"]), str(a["text"])),
        BOARD,
        "modifier un post-it",
    ),
    "board.recolour": RemoteOp(
        lambda c, w, a: board.recolour(c, w, list(a["note_ids"]), str(a["colour"])),
        BOARD,
        "changer la couleur d'un post-it",
    ),
    "board.move": RemoteOp(
        lambda c, w, a: board.move(
            c,
            w,
            _triples(a.get("notes", [])),
            _triples(a.get("clusters", [])),
            snap_to_grid=bool(a.get("snap_to_grid", False)),
        ),
        BOARD,
        "déplacer des post-its",
    ),
    "board.delete_notes": RemoteOp(
        lambda c, w, a: board.delete_notes(c, w, list(a["note_ids"])),
        BOARD,
        "supprimer des post-its",
    ),
    "board.duplicate_notes": RemoteOp(
        lambda c, w, a: board.duplicate_notes(c, w, list(a["note_ids"])),
        BOARD,
        "dupliquer des post-its",
    ),
    "board.group": RemoteOp(
        lambda c, w, a: board.group(
            c,
            w,
            list(a["note_ids"]),
            **_kw({k: v for k, v in a.items() if k != "note_ids"}, "title", "phase_id", "into"),
        ),
        BOARD,
        "regrouper des post-its",
    ),
    "board.ungroup": RemoteOp(
        lambda c, w, a: board.ungroup(c, w, int(a["cluster_id"])), BOARD, "dégrouper"
    ),
    "board.update_cluster": RemoteOp(
        lambda c, w, a: board.update_cluster(
            c,
            w,
            int(a["cluster_id"]),
            **_kw(
                {k: v for k, v in a.items() if k != "cluster_id"}, "title", "colour", "collapsed"
            ),
        ),
        BOARD,
        "modifier un groupe",
    ),
    "board.tidy": RemoteOp(
        lambda c, w, a: board.tidy(
            c,
            w,
            [int(i) for i in a["note_ids"]] if a.get("note_ids") is not None else None,
            **_kw({k: v for k, v in a.items() if k != "note_ids"}, "cluster_id", "phase_id"),
        ),
        BOARD,
        "ranger le tableau",
    ),
    "board.reveal": RemoteOp(
        lambda c, w, a: board.reveal(c, w, a.get("phase_id")), BOARD, "révéler les post-its"
    ),
    # the timer (gardien·ne du temps)
    "live.toggle": RemoteOp(_timer(live.toggle), TIMEKEEPING, "démarrer ou arrêter le minuteur"),
    "live.start": RemoteOp(_timer(live.start), TIMEKEEPING, "démarrer le minuteur"),
    "live.pause": RemoteOp(_timer(live.pause), TIMEKEEPING, "mettre le minuteur en pause"),
    "live.reset": RemoteOp(_timer(live.reset), TIMEKEEPING, "réinitialiser le minuteur"),
    "live.next_phase": RemoteOp(_next, TIMEKEEPING, "passer à la séquence suivante"),
    "live.previous_phase": RemoteOp(
        _timer(live.previous_phase), TIMEKEEPING, "revenir à la séquence précédente"
    ),
    "live.adjust": RemoteOp(
        lambda c, w, a: live.adjust(c, w, float(a["seconds"])), TIMEKEEPING, "ajuster le minuteur"
    ),
    # votes, check-in, undo (co-animateur·rice)
    "votes.open_round": RemoteOp(
        lambda c, w, a: votes.open_round(
            c, w, **_kw(a, "kind", "items", "title", "settings", "phase_id")
        ),
        COANIMATION,
        "ouvrir un vote",
    ),
    "votes.close_round": RemoteOp(
        lambda c, w, a: votes.close_round(c, _round_of(c, w, a.get("round_id"))),
        COANIMATION,
        "clore un vote",
    ),
    "votes.reopen_round": RemoteOp(
        lambda c, w, a: votes.reopen_round(
            c, _round_of(c, w, a.get("round_id")), closes_at=a.get("closes_at")
        ),
        COANIMATION,
        "rouvrir un vote",
    ),
    "votes.reveal_results": RemoteOp(
        lambda c, w, a: votes.reveal_results(
            c, _round_of(c, w, a.get("round_id")), bool(a.get("revealed", True))
        ),
        COANIMATION,
        "révéler les résultats",
    ),
    "votes.add_paper_votes": RemoteOp(
        lambda c, w, a: votes.add_paper_votes(
            c,
            _round_of(c, w, a.get("round_id")),
            dict(a["counts"]),
            label=str(a.get("label", "Bulletins papier")),
        ),
        COANIMATION,
        "ajouter des votes papier",
    ),
    "participants.check_in": RemoteOp(_check_in, COANIMATION, "enregistrer une arrivée"),
    "participants.rename": RemoteOp(
        lambda c, w, a: participants.rename_participant(
            c, w, int(a["participant_id"]), str(a["name"])
        ),
        COANIMATION,
        "corriger un nom",
    ),
    "participants.remove": RemoteOp(
        lambda c, w, a: participants.remove_participant(c, w, int(a["participant_id"])),
        COANIMATION,
        "retirer une personne de la liste",
    ),
    "undo": RemoteOp(lambda c, w, a: base.undo(c, w), COANIMATION, "annuler"),
    "redo": RemoteOp(lambda c, w, a: base.redo(c, w), COANIMATION, "rétablir"),
    # what the workshop leads to: actions, chantiers, their timelines, milestones (the
    # promotions after a vote stay the lead's)
    "outcomes.create_action": RemoteOp(_create_action, COANIMATION, "ajouter une action"),
    "outcomes.update_action": RemoteOp(_update_action, COANIMATION, "modifier une action"),
    "outcomes.delete_action": RemoteOp(
        lambda c, w, a: outcomes.delete_action(c, _owned(c, w, "action", a.get("action_id"))),
        COANIMATION,
        "supprimer une action",
    ),
    "outcomes.move_action": RemoteOp(
        lambda c, w, a: outcomes.move_action(
            c, _owned(c, w, "action", a.get("action_id")), int(a["position"])
        ),
        COANIMATION,
        "déplacer une action",
    ),
    "projects.update_project": RemoteOp(_update_project, COANIMATION, "modifier un chantier"),
    "projects.add_entry": RemoteOp(_add_entry, COANIMATION, "ajouter au suivi d'un chantier"),
    "projects.remove_entry": RemoteOp(
        lambda c, w, a: projects.remove_entry(c, _owned(c, w, "entry", a.get("entry_id"))),
        COANIMATION,
        "retirer une ligne du suivi d'un chantier",
    ),
    "projects.tick_milestone": RemoteOp(
        lambda c, w, a: projects.tick_milestone(
            c, _owned(c, w, "milestone", a.get("milestone_id")), bool(a.get("done", True))
        ),
        COANIMATION,
        "cocher un jalon",
    ),
}


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
        raise KnownError(f"Opération inconnue : {op[:60]}.", code="operation_inconnue")
    if who.role not in remote.roles:
        raise KnownError(
            f"Votre rôle ({who.role_label}) ne le permet pas : {remote.label}.", code="interdit"
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
        raise InvalidInput(f"Paramètres invalides pour « {op} » ({exc}).") from None
    answer = keyed.answer if keyed.answer is not None else _answer(result)
    return RemoteResult(int(answer["seq"]), tuple(answer["ids"]))

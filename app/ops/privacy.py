"""Personal data (RGPD): erase one person, anonymise a workshop, keep workshops no longer
than the retention setting says.

Three operations, each through the one write path and each a registered mutation, so a
co-facilitator's replica replays it on its next sync and scrubs its own copy too:

- `erase_participant` ("Supprimer cette personne"): her row stays, emptied ("Personne
  effacée", no organisation, no token, no consent to be named), so every count holds (who
  came, by category, ballots, feedback); her post-its stay on the board without an author
  (their text is the group's work, and the votes on them stay valid); an action or a chantier
  she carried by name loses its owner. The journal's payloads and labels (undo history
  included) lose her name, her organisation and her post-its' author; the entries that held
  them can no longer be undone (undo must not bring her back); her phone's idempotency rows
  (whose answers hold her name and token) are deleted. Not undoable, by design.
- `anonymise_workshop` ("Anonymiser l'atelier", after the export): every person's name
  becomes initials ("Marie Dupont" → "M. D."): participants, post-its' authors, the actions'
  and chantiers' owners, the co-facilitators, and the same names in the journal's payloads and
  labels; the phones' tokens and the workshop's idempotency rows go. Running it again changes
  nothing (initials of initials are the same).
- `apply_retention`: at start-up, the workshops whose date is older than the retention
  setting are anonymised (or deleted, per the setting).

Scrubbing the journal is the one deliberate exception to "the journal is append-only"
(HACKING.md). The rotating backups are rewritten at once (`Database.rewrite_backups`), and on
SQLite the freed pages are zeroed (`secure_delete`) and the write-ahead log truncated, so the
erased text is nowhere in the files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.events import Topic
from app.ops.base import Action, Change, Context, Step, apply_actions, mutation, perform
from app.ops.mutations import get_workshop
from app.store.models import (
    Action as PlanAction,
)
from app.store.models import (
    Block,
    CoFacilitator,
    IdempotentRequest,
    JournalEntry,
    Note,
    Participant,
    Project,
    Workshop,
)

ERASED_NAME = "Personne effacée"
ERASE_OP = "participants.erase"
ANONYMISE_OP = "workshops.anonymise"
# the mutations a replica applies even when it must take a snapshot for the rest: they scrub
# its own journal, which a snapshot never rewrites
SCRUBBING_MUTATIONS = ("participant.erase", "workshop.anonymise")
# journalled arguments that hold a person's name (participants, co-facilitators, post-its'
# authors, the owners of actions and chantiers)
NAME_KEYS = frozenset({"name", "author", "who", "owner"})
# the shortest name replaced inside free text (a label); shorter ones only as a whole value
MIN_NAME_IN_TEXT = 3
RETENTION_ACTIONS = ("anonymise", "purge")


def initials(name: str) -> str:
    """A name as its initials: "Marie Dupont" → "M. D.", "Jean-Pierre" → "J.-P."; initials
    stay as they are, so anonymising twice changes nothing."""
    words = []
    for word in name.split():
        letters = ["".join(c for c in p if c.isalnum())[:1].upper() for p in word.split("-")]
        shown = "-".join(f"{letter}." for letter in letters if letter)
        if shown:
            words.append(shown)
    return " ".join(words)


# -- scrubbing JSON payloads ------------------------------------------------------------------
Fix = Callable[[str | None, str], str]  # (the argument's key, its text) → the text kept


def _walk(value: Any, fix: Fix, key: str | None = None) -> Any:
    if isinstance(value, str):
        return fix(key, value)
    if isinstance(value, list):
        return [_walk(v, fix, key) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, fix, k) for k, v in value.items()}
    return value


def _replace_names(text: str, names: dict[str, str]) -> str:
    """Every name of `names` (long enough) inside `text` replaced by its stand-in."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= MIN_NAME_IN_TEXT and name in text:
            text = re.sub(re.escape(name), names[name], text)
    return text


def _scrub_journal(
    session: Session,
    workshop_id: int,
    fix_action: Callable[[Any], Any],
    fix_label: Callable[[str], str],
    *,
    kill_undo: bool,
) -> int:
    """Rewrite the workshop's journal entries whose payload or label `fix_*` change; an entry
    changed by an erasure can no longer be undone or redone (`kill_undo`). Returns how many."""
    changed = 0
    for entry in session.scalars(
        select(JournalEntry).where(JournalEntry.workshop_id == workshop_id)
    ):
        forward = [fix_action(a) for a in entry.forward or []]
        inverse = None if entry.inverse is None else [fix_action(a) for a in entry.inverse]
        label = fix_label(entry.label or "")
        if forward == entry.forward and inverse == entry.inverse and label == entry.label:
            continue
        entry.forward, entry.inverse, entry.label = forward, inverse, label
        if kill_undo and entry.undo_state in ("done", "undone"):
            entry.undo_state = "dead"
        changed += 1
    session.flush()
    return changed


# -- erasing one person -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Traces:
    """What identifies a participant, wherever it was written."""

    participant_id: int
    workshop_id: int
    names: frozenset[str]  # every name she had (renames included)
    organisations: frozenset[str]


def _traces(session: Session, participant_id: int) -> Traces | None:
    """Her name(s) and organisation, from her row and from the journal's check-in and renames
    (a replica, or a backup, may hold only some of them). None if nothing holds her."""
    names: set[str] = set()
    organisations: set[str] = set()
    workshop_id: int | None = None
    person = session.get(Participant, participant_id)
    if person is not None:
        workshop_id = person.workshop_id
        names.add(person.name)
        organisations.add(person.organisation)
    query = select(JournalEntry).where(
        JournalEntry.op.in_(("participants.check_in", "participants.rename"))
    )
    if workshop_id is not None:  # her workshop's entries only (an index lookup)
        query = query.where(JournalEntry.workshop_id == workshop_id)
    for entry in session.scalars(query):
        for action in entry.forward or []:
            if (
                isinstance(action, list)
                and len(action) == 2
                and action[0] in ("participant.insert", "participant.rename")
                and isinstance(action[1], dict)
                and action[1].get("id") == participant_id
            ):
                args = action[1]
                if workshop_id is None and entry.workshop_id is not None:
                    workshop_id = entry.workshop_id
                if entry.workshop_id != workshop_id:
                    continue
                if isinstance(args.get("name"), str):
                    names.add(args["name"])
                if isinstance(args.get("organisation"), str):
                    organisations.add(args["organisation"])
    if workshop_id is None:
        return None
    names.discard(ERASED_NAME)
    names.discard("")
    organisations.discard("")
    return Traces(participant_id, workshop_id, frozenset(names), frozenset(organisations))


def _erase(session: Session, traces: Traces) -> None:
    """Erase what identifies her: rows, journal, idempotency rows (see the module's doc)."""
    pid, wid = traces.participant_id, traces.workshop_id
    stand_in = dict.fromkeys(traces.names, ERASED_NAME)
    session.execute(
        update(Participant)
        .where(Participant.id == pid)
        .values(name=ERASED_NAME, organisation="", token=None, consent_named=False)
    )
    session.execute(update(Note).where(Note.participant_id == pid).values(author=""))
    if traces.names:
        session.execute(  # a post-it the team typed in her name
            update(Note)
            .where(Note.workshop_id == wid, Note.author.in_(traces.names))
            .values(author="")
        )
        session.execute(
            update(PlanAction)
            .where(PlanAction.workshop_id == wid,
                   (PlanAction.participant_id == pid) | PlanAction.who.in_(traces.names))
            .values(who="", participant_id=None)
        )  # fmt: skip
        session.execute(
            update(Project)
            .where(Project.workshop_id == wid, Project.owner.in_(traces.names))
            .values(owner="")
        )
    actor = f"participant:{pid}"
    session.execute(
        delete(IdempotentRequest).where(
            IdempotentRequest.actor == actor, IdempotentRequest.key.like(f"{wid}:%")
        )
    )

    def fix(key: str | None, text: str) -> str:
        if key == "author" and text in traces.names:
            return ""
        if key in ("who", "owner"):
            return _replace_names(text, {n: "" for n in traces.names}).strip()
        if text in traces.names:
            return ERASED_NAME
        return text

    def fix_action(action: Any) -> Any:
        if not (isinstance(action, list) and len(action) == 2 and isinstance(action[1], dict)):
            return _walk(action, fix)
        name, args = action
        args = dict(args)
        if name in ("participant.insert", "participant.rename") and args.get("id") == pid:
            args.update(name=ERASED_NAME)
            if "organisation" in args:
                args["organisation"] = ""
            if "consent_named" in args:
                args["consent_named"] = False
        if args.get("participant_id") == pid and "author" in args:
            args["author"] = ""
        return [name, _walk(args, fix)]

    _scrub_journal(
        session, wid, fix_action, lambda label: _replace_names(label, stand_in), kill_undo=True
    )


@mutation("participant.erase")
def participant_erase(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    """{id}: erase a participant (see the module's doc); nothing to erase is no error (a
    replica or a backup that never held her). Not undoable (no inverse)."""
    traces = _traces(session, int(args["id"]))
    if traces is not None:
        _erase(session, traces)
    return {"id": int(args["id"])}, []


def erase_participant(ctx: Context, workshop_id: int, participant_id: int) -> Change:
    """ "Supprimer cette personne": erase her everywhere, counts kept (see the module's doc);
    the backups are rewritten at once. Not undoable."""

    def build(session: Session) -> Step:
        person = session.get(Participant, participant_id)
        if person is None or person.workshop_id != workshop_id:
            raise InvalidInput("Ce participant n'existe plus.")
        if person.name == ERASED_NAME and person.token is None:
            raise InvalidInput("Cette personne a déjà été effacée.")
        return Step(
            workshop_id,
            actions=[["participant.erase", {"id": participant_id}]],
            label="Une personne a été effacée (RGPD)",
            ids=(participant_id,),
        )

    outcome = perform(ctx, op=ERASE_OP, topic=Topic.PARTICIPANTS, build=build, undoable=False)
    _reach_backups(ctx, [["participant.erase", {"id": participant_id}]])
    assert outcome.change is not None
    return outcome.change


def _reach_backups(ctx: Context, actions: list[Action]) -> None:
    """The same scrub in every rotating backup, then the freed pages of the base forgotten."""
    ctx.db.rewrite_backups(lambda session: apply_actions(session, actions))
    ctx.db.forget_freed()


# -- anonymising a workshop -------------------------------------------------------------------
def _people_names(session: Session, workshop_id: int) -> set[str]:
    """Every person's name the workshop's rows hold."""
    found: set[str] = set()
    for column, scope in (
        (Participant.name, Participant.workshop_id),
        (Note.author, Note.workshop_id),
        (PlanAction.who, PlanAction.workshop_id),
        (Project.owner, Project.workshop_id),
        (CoFacilitator.name, CoFacilitator.workshop_id),
    ):
        found.update(v for v in session.scalars(select(column).where(scope == workshop_id)) if v)
    return found


def _anonymise(session: Session, workshop_id: int) -> None:
    names = _people_names(session, workshop_id)
    # and the names the journal still holds (renamed since, or a co-facilitator forgotten)
    entries = list(
        session.scalars(select(JournalEntry).where(JournalEntry.workshop_id == workshop_id))
    )

    def collect(key: str | None, text: str) -> str:
        if key in NAME_KEYS and text:
            names.add(text)
        return text

    for entry in entries:
        _walk(entry.forward, collect)
        _walk(entry.inverse, collect)
    names.discard(ERASED_NAME)
    short = {name: initials(name) for name in names if initials(name) != name}
    for model, column in (
        (Participant, "name"),
        (Note, "author"),
        (PlanAction, "who"),
        (Project, "owner"),
        (CoFacilitator, "name"),
    ):
        for row in session.scalars(select(model).where(model.workshop_id == workshop_id)):
            value = getattr(row, column)
            if value and value != ERASED_NAME:
                setattr(row, column, initials(value))
    session.execute(
        update(Participant).where(Participant.workshop_id == workshop_id).values(token=None)
    )
    session.execute(delete(IdempotentRequest).where(IdempotentRequest.key.like(f"{workshop_id}:%")))
    session.flush()

    def fix(key: str | None, text: str) -> str:
        if key in NAME_KEYS and text != ERASED_NAME:
            return initials(text)
        return short.get(text, text)

    _scrub_journal(
        session,
        workshop_id,
        lambda action: _walk(action, fix),
        lambda label: _replace_names(label, short),
        kill_undo=False,
    )


@mutation("workshop.anonymise")
def workshop_anonymise(
    session: Session, args: dict[str, Any]
) -> tuple[dict[str, Any], list[Action]]:
    """{id}: every name of the workshop as initials (see the module's doc); a workshop this
    store does not hold is no error. Not undoable (no inverse)."""
    if session.get(Workshop, int(args["id"])) is not None:
        _anonymise(session, int(args["id"]))
    return {"id": int(args["id"])}, []


def anonymise_workshop(ctx: Context, workshop_id: int) -> Change:
    """ "Anonymiser l'atelier": names become initials everywhere (see the module's doc); the
    backups are rewritten at once. Not undoable."""

    def build(session: Session) -> Step:
        get_workshop(session, workshop_id)
        return Step(
            workshop_id,
            actions=[["workshop.anonymise", {"id": workshop_id}]],
            label="Atelier anonymisé (noms remplacés par des initiales)",
            ids=(workshop_id,),
        )

    outcome = perform(ctx, op=ANONYMISE_OP, topic=Topic.WORKSHOP, build=build, undoable=False)
    _reach_backups(ctx, [["workshop.anonymise", {"id": workshop_id}]])
    assert outcome.change is not None
    return outcome.change


# -- retention --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Retained:
    """A workshop the retention setting reached at start-up."""

    workshop_id: int
    title: str
    day: date  # the workshop's date (its last day)
    action: str  # anonymise, purge


def _workshop_day(workshop: Workshop, days: Iterable[date | None]) -> date:
    """A workshop's date: its last dated day (a block's, or its start), else its creation."""
    known = [d for d in (*days, workshop.start_date) if d is not None]
    if known:
        return max(known)
    return date.fromtimestamp(workshop.created_at)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day if it has fewer)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for back in range(4):
        try:
            return date(year, month + 1, day.day - back)
        except ValueError:
            continue
    return date(year, month + 1, 1)


def past_retention(ctx: Context, months: int, today: date, action: str) -> list[Retained]:
    """The workshops whose date is more than `months` months before `today` and that the
    retention has yet to reach (an anonymised one is reached: only a purge takes it again)."""
    cutoff = months_before(today, months)

    def work(session: Session) -> list[Retained]:
        days: dict[int, list[date | None]] = {}
        for wid, day in session.execute(select(Block.workshop_id, Block.day)):
            days.setdefault(wid, []).append(day)
        old = []
        for workshop in session.scalars(select(Workshop).order_by(Workshop.id)):
            day = _workshop_day(workshop, days.get(workshop.id, []))
            if day < cutoff:
                old.append(Retained(workshop.id, workshop.title, day, action))
        if not old or action != "anonymise":
            return old
        done = set(
            session.scalars(
                select(JournalEntry.workshop_id).where(
                    JournalEntry.workshop_id.in_([r.workshop_id for r in old]),
                    JournalEntry.op == ANONYMISE_OP,
                )
            )
        )
        return [r for r in old if r.workshop_id not in done]

    return ctx.db.read(work)


def apply_retention(
    ctx: Context, *, months: int, action: str, today: date | None = None
) -> list[Retained]:
    """Anonymise (or delete, `action="purge"`) the workshops past retention; `months` 0 keeps
    every workshop. Returns what was done, for the notice."""
    if action not in RETENTION_ACTIONS:
        raise InvalidInput("Action de conservation inconnue : « {action} ».", action=action)
    if months <= 0:
        return []
    from app.ops import workshops  # the deletion lives with the other whole-workshop ops

    reached = past_retention(ctx, months, today or date.today(), action)
    for item in reached:
        if action == "purge":
            workshops.delete_workshop(ctx, item.workshop_id, from_backups=True)
        else:
            anonymise_workshop(ctx, item.workshop_id)
    return reached


def retention_notice(reached: list[Retained]) -> str:
    """What the window (a message) and the command line (stderr) say of it, in French."""
    if not reached:
        return ""
    verb = "supprimé" if reached[0].action == "purge" else "anonymisé"
    titles = ", ".join(f"« {r.title} »" for r in reached[:5])
    more = f" et {len(reached) - 5} autre(s)" if len(reached) > 5 else ""
    plural = "s" if len(reached) > 1 else ""
    return (
        f"Durée de conservation dépassée : {len(reached)} atelier{plural} {verb}{plural} "
        f"({titles}{more}). Réglable dans Préférences › Durée de conservation."
    )

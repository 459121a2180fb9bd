"""What a workshop leads to ("suites et décisions"): each post-it's fate after the votes, and
the action plan (what, who, by when, status). Chantiers are in `app.ops.projects`.

A post-it has exactly one fate state: none yet (no `note_fates` row), `retenue` (linked to the
action or chantier it became: the promotions set it), `fusionnee` (with another post-it) or
`mise_de_cote` (with an optional reason). `fate_trail` reads the whole path back: post-it →
votes (round, rank, score) → action or chantier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.report import ACTION_STATUSES, FATES
from app.domain.votes import parse_item
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute
from app.ops.mutations import get_workshop
from app.ops.votes.mutations import fate_row
from app.ops.votes.reads import _results_lines
from app.store.models import Action as ActionRow
from app.store.models import Cluster, Note, NoteFate, Participant, VoteRound
from app.store.models import Project as ProjectRow

MAX_WHAT = 2000
MAX_WHO = 200
MAX_REASON = 500
_UNSET: Any = object()


# -- the action plan -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActionInfo:
    id: int
    workshop_id: int
    position: int
    what: str
    who: str  # as written, or the participant's name
    participant_id: int | None
    due: date | None
    status: str  # a_faire, en_cours, fait, abandonnee

    @property
    def status_label(self) -> str:
        return ACTION_STATUSES.get(self.status, self.status)


def _what(text: str) -> str:
    return clean_text(text, what="L'action", limit=MAX_WHAT, required=True).strip()


def _who(text: str) -> str:
    return " ".join(clean_text(text, what="Qui", limit=MAX_WHO).split())


def _status(status: str) -> str:
    if status not in ACTION_STATUSES:
        known = ", ".join(ACTION_STATUSES)
        raise InvalidInput(
            "Statut d'action inconnu : {status} (statuts : {known}).",
            status=status[:40],
            known=known,
        )
    return status


def _due(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise InvalidInput("Échéance invalide : attendue au format AAAA-MM-JJ.")
    return value.isoformat()


def _participant(session: Session, workshop_id: int, participant_id: int) -> Participant:
    row = session.get(Participant, participant_id)
    if row is None or row.workshop_id != workshop_id:
        raise NotFound(
            "La personne n° {participant_id} n'est pas inscrite à cet atelier.",
            participant_id=participant_id,
        )
    return row


def _action(session: Session, action_id: int) -> ActionRow:
    row = session.get(ActionRow, action_id)
    if row is None:
        raise NotFound("L'action n° {action_id} n'existe pas.", action_id=action_id)
    return row


def create_action(
    ctx: Context,
    workshop_id: int,
    what: str,
    *,
    who: str = "",
    participant_id: int | None = None,
    due: date | None = None,
    status: str = "a_faire",
) -> Change:
    """Add a line at the end of the action plan. Undoable; `Change.ids` holds its id."""
    text = _what(what)
    values = {"what": text, "who": _who(who), "due": _due(due), "status": _status(status)}

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        if participant_id is not None:
            person = _participant(session, workshop_id, participant_id)
            values["who"] = values["who"] or person.name
        last = session.scalar(
            select(func.max(ActionRow.position)).where(ActionRow.workshop_id == workshop_id)
        )
        insert = {"workshop_id": workshop_id, "position": (last if last is not None else -1) + 1,
                  "participant_id": participant_id, **values}  # fmt: skip
        return workshop_id, [["action.insert", insert]], f"Action « {text[:40]} »"

    return execute(ctx, op="actions.create", topic=Topic.ACTIONS, build=build)


def update_action(
    ctx: Context,
    action_id: int,
    *,
    what: str | None = None,
    who: str | None = None,
    participant_id: int | None = _UNSET,
    due: date | None = _UNSET,
    status: str | None = None,
) -> Change:
    """Change an action's fields (only those given; `participant_id` / `due` None clears
    them). A participant given without `who` puts their name in `who`. Undoable."""
    changes: dict[str, Any] = {}
    if what is not None:
        changes["what"] = _what(what)
    if who is not None:
        changes["who"] = _who(who)
    if due is not _UNSET:
        changes["due"] = _due(due)
    if status is not None:
        changes["status"] = _status(status)

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _action(session, action_id)
        if participant_id is not _UNSET:
            changes["participant_id"] = participant_id
            if participant_id is not None:
                person = _participant(session, row.workshop_id, participant_id)
                if who is None:
                    changes["who"] = person.name
        if not changes:
            raise InvalidInput("Rien à changer.")
        label = f"Modifier l'action « {row.what[:40]} »"
        return row.workshop_id, [["action.update", {"id": row.id, "changes": changes}]], label

    return execute(ctx, op="actions.update", topic=Topic.ACTIONS, build=build)


def delete_action(ctx: Context, action_id: int) -> Change:
    """Remove a line of the action plan (its post-its lose their `retenue`; undo gives both
    back). Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _action(session, action_id)
        later = session.scalars(
            select(ActionRow)
            .where(ActionRow.workshop_id == row.workshop_id, ActionRow.position > row.position)
            .order_by(ActionRow.position)
        ).all()
        actions: list[Action] = [["action.delete", {"id": row.id}]]
        actions += [["action.update", {"id": a.id, "changes": {"position": a.position - 1}}]
                    for a in later]  # fmt: skip
        return row.workshop_id, actions, f"Supprimer l'action « {row.what[:40]} »"

    return execute(ctx, op="actions.delete", topic=Topic.ACTIONS, build=build)


def move_action(ctx: Context, action_id: int, position: int) -> Change:
    """Put an action at `position` (0 first; clamped) in the plan. Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _action(session, action_id)
        rows = list(session.scalars(
            select(ActionRow).where(ActionRow.workshop_id == row.workshop_id)
            .order_by(ActionRow.position, ActionRow.id)
        ))  # fmt: skip
        rows.remove(row)
        rows.insert(max(0, min(int(position), len(rows))), row)
        actions: list[Action] = [
            ["action.update", {"id": a.id, "changes": {"position": n}}]
            for n, a in enumerate(rows)
            if a.position != n
        ]
        if not actions:
            raise InvalidInput("L'action est déjà à cette place.")
        return row.workshop_id, actions, f"Déplacer l'action « {row.what[:40]} »"

    return execute(ctx, op="actions.move", topic=Topic.ACTIONS, build=build)


def actions(ctx: Context, workshop_id: int) -> list[ActionInfo]:
    """The workshop's action plan, in its order."""

    def work(session: Session) -> list[ActionInfo]:
        get_workshop(session, workshop_id)
        rows = session.scalars(
            select(ActionRow)
            .where(ActionRow.workshop_id == workshop_id)
            .order_by(ActionRow.position, ActionRow.id)
        )
        return [
            ActionInfo(
                a.id, a.workshop_id, a.position, a.what, a.who, a.participant_id, a.due, a.status
            )
            for a in rows
        ]

    return ctx.db.read(work)


# -- what became of each post-it -----------------------------------------------------------------
def set_fate(
    ctx: Context,
    workshop_id: int,
    note_ids: list[int],
    fate: str | None,
    *,
    reason: str = "",
    into: int | None = None,
    action_id: int | None = None,
    project_id: int | None = None,
) -> Change:
    """Decide (or change, or clear with `fate` None) what became of post-its: `retenue` with
    the action or the chantier it became (exactly one of `action_id` / `project_id`),
    `fusionnee` with post-it `into` (itself not merged), `mise_de_cote` with an optional
    `reason`. The vote trail a promotion recorded is kept while the post-it stays retenue.
    Undoable."""
    ids = list(dict.fromkeys(int(i) for i in note_ids))
    if not ids:
        raise InvalidInput("Aucun post-it choisi.")
    if fate is not None and fate not in FATES:
        raise InvalidInput(
            "Devenir inconnu : {fate} (retenue, fusionnee, mise_de_cote).", fate=str(fate)[:40]
        )
    text = clean_text(reason, what="La raison", limit=MAX_REASON).strip()
    if fate == "retenue" and (action_id is None) == (project_id is None):
        raise InvalidInput("Une idée retenue devient une action ou un chantier : choisissez-en un.")
    if fate == "fusionnee" and into is None:
        raise InvalidInput("Fusionnée avec quel post-it ? Choisissez-le.")

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        found = set(session.scalars(
            select(Note.id).where(Note.workshop_id == workshop_id, Note.id.in_(ids))
        ))  # fmt: skip
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(
                "Post-it introuvable dans cet atelier : n° {missing}.", missing=missing[0]
            )
        if fate == "fusionnee":
            assert into is not None
            target = session.get(Note, into)
            if target is None or target.workshop_id != workshop_id:
                raise NotFound("Post-it introuvable dans cet atelier : n° {into}.", into=into)
            if into in ids:
                raise InvalidInput("Un post-it ne peut pas être fusionné avec lui-même.")
            merged = fate_row(session, into)
            if merged is not None and merged["fate"] == "fusionnee":
                raise InvalidInput(
                    "Ce post-it est lui-même fusionné avec un autre : fusionnez avec celui-là."
                )
        if action_id is not None:
            link = session.get(ActionRow, action_id)
            if link is None or link.workshop_id != workshop_id:
                raise NotFound(
                    "L'action n° {action_id} n'existe pas dans cet atelier.", action_id=action_id
                )
        if project_id is not None:
            chantier = session.get(ProjectRow, project_id)
            if chantier is None or chantier.workshop_id != workshop_id:
                raise NotFound(
                    "Le chantier n° {project_id} n'existe pas dans cet atelier.",
                    project_id=project_id,
                )
        actions: list[Action] = []
        for note_id in ids:
            before = fate_row(session, note_id)
            row: dict[str, Any] | None = None
            if fate is not None:
                trail = before if before is not None and fate == "retenue" else {}
                row = {
                    "workshop_id": workshop_id, "fate": fate,
                    "reason": text if fate == "mise_de_cote" else "",
                    "merged_into": into if fate == "fusionnee" else None,
                    "action_id": action_id if fate == "retenue" else None,
                    "project_id": project_id if fate == "retenue" else None,
                    "round_id": trail.get("round_id"), "rank": trail.get("rank"),
                    "score": trail.get("score"), "at": ctx.clock(),
                }  # fmt: skip
            if _decided(row) != _decided(before):
                actions.append(["fate.set", {"note_id": note_id, "row": row}])
        if not actions:
            raise InvalidInput("Ces post-its ont déjà ce devenir.")
        what = FATES[fate].lower() if fate is not None else "sans décision"
        n = len(actions)
        label = f"{n} post-it{'s' if n > 1 else ''} : {what}"
        return workshop_id, actions, label

    return execute(ctx, op="outcomes.set_fate", topic=Topic.BOARD, build=build)


def _decided(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A fate without its time: what tells whether a decision changes anything."""
    return None if row is None else {k: v for k, v in row.items() if k != "at"}


@dataclass(frozen=True, slots=True)
class VoteTrail:
    """A post-it in one vote: directly, or through its cluster (`via` "note" / "cluster")."""

    round_id: int
    round_title: str
    rank: int
    score: float
    via: str


@dataclass(frozen=True, slots=True)
class FateTrail:
    """One post-it's path: its text, its votes, and what became of it."""

    note_id: int
    text: str
    cluster_id: int | None
    cluster_title: str
    fate: str | None  # None: nothing decided yet; retenue, fusionnee, mise_de_cote
    reason: str = ""
    merged_into: int | None = None
    action_id: int | None = None
    action_what: str = ""
    project_id: int | None = None
    project_title: str = ""
    # the vote the decision came from (a promotion records it)
    round_id: int | None = None
    rank: int | None = None
    score: float | None = None
    votes: tuple[VoteTrail, ...] = ()

    @property
    def fate_label(self) -> str:
        return FATES.get(self.fate or "", "Sans décision")


def fate_trail(ctx: Context, workshop_id: int) -> list[FateTrail]:
    """Every post-it of the workshop (in the order written) with its votes and its fate."""

    def work(session: Session) -> list[FateTrail]:
        get_workshop(session, workshop_id)
        notes = session.execute(
            select(Note.id, Note.text, Note.cluster_id)
            .where(Note.workshop_id == workshop_id)
            .order_by(Note.created_at, Note.id)
        ).all()
        clusters = dict(session.execute(
            select(Cluster.id, Cluster.title).where(Cluster.workshop_id == workshop_id)
        ).all())  # fmt: skip
        fates = {f.note_id: f for f in session.scalars(
            select(NoteFate).where(NoteFate.workshop_id == workshop_id)
        )}  # fmt: skip
        whats = dict(session.execute(
            select(ActionRow.id, ActionRow.what).where(ActionRow.workshop_id == workshop_id)
        ).all())  # fmt: skip
        titles = dict(session.execute(
            select(ProjectRow.id, ProjectRow.title).where(ProjectRow.workshop_id == workshop_id)
        ).all())  # fmt: skip
        by_item: dict[tuple[str, int], list[tuple[VoteRound, Any]]] = {}
        for round_row in session.scalars(
            select(VoteRound).where(VoteRound.workshop_id == workshop_id)
            .order_by(VoteRound.opened_at, VoteRound.id)
        ):  # fmt: skip
            for line in _results_lines(session, round_row):
                by_item.setdefault(parse_item(line.key), []).append((round_row, line))
        out = []
        for note_id, text, cluster_id in notes:
            votes = [VoteTrail(r.id, r.title, line.rank, line.score, "note")
                     for r, line in by_item.get(("note", note_id), [])]  # fmt: skip
            if cluster_id is not None:
                votes += [VoteTrail(r.id, r.title, line.rank, line.score, "cluster")
                          for r, line in by_item.get(("cluster", cluster_id), [])]  # fmt: skip
            f = fates.get(note_id)
            out.append(FateTrail(
                note_id, text, cluster_id, clusters.get(cluster_id, "") if cluster_id else "",
                f.fate if f else None, f.reason if f else "", f.merged_into if f else None,
                f.action_id if f else None, whats.get(f.action_id, "") if f and f.action_id else "",
                f.project_id if f else None,
                titles.get(f.project_id, "") if f and f.project_id else "",
                f.round_id if f else None, f.rank if f else None, f.score if f else None,
                tuple(sorted(votes, key=lambda v: v.round_id)),
            ))  # fmt: skip
        return out

    return ctx.db.read(work)

"""What a co-facilitator laptop may ask the host to do: `REMOTE_OPS`, each operation with
the roles that may run it and its label, and the small wrappers that check a laptop's
arguments and keep it inside its workshop. `app.ops.cofac.run_remote` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.timer import TimerState
from app.errors import InvalidInput, KnownError, NotFound
from app.ops import base, board, capitalisation, live, outcomes, participants, projects, votes
from app.ops.base import Change, Context
from app.store.models import Action as ActionRow
from app.store.models import (
    LiveTimer,
    Milestone,
    Phase,
    Programme,
    Project,
    ProjectEntry,
    VoteRound,
)

# -- what a laptop may ask the host to do ------------------------------------------------------
# "copilote": a co-animateur to whom the lead delegates the decisions after a vote (promotions,
# fates, a chantier's incubation); without it, those stay the lead's
DECISIONS = frozenset({"copilote"})
COANIMATION = frozenset({"coanimateur"}) | DECISIONS
TIMEKEEPING = frozenset({"gardien"}) | COANIMATION
BOARD = frozenset({"scribe"}) | COANIMATION

RemoteFn = Callable[[Context, int, dict[str, Any]], Any]


@dataclass(frozen=True, slots=True)
class RemoteOp:
    fn: RemoteFn
    roles: frozenset[str]
    label: str


def _kw(args: Mapping[str, Any], *names: str) -> dict[str, Any]:
    unknown = set(args) - set(names)
    if unknown:
        raise InvalidInput("Paramètre inconnu : {items}.", items=", ".join(sorted(unknown)))
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
    # the status is a decision: `projects.set_status`, the lead's unless delegated
    kw = _kw(a, "title", "description", "owner", "partners", "start_date", "target_date",
             "progress")  # fmt: skip
    return projects.update_project(ctx, project_id, **_dated(kw, "start_date", "target_date"))


def _add_entry(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    project_id = _owned(ctx, wid, "project", a.pop("project_id", None))
    kw = _kw(a, "day", "text")
    day = _day(kw.get("day"))
    if day is None:
        raise InvalidInput("Date invalide : attendue au format AAAA-MM-JJ.")
    return projects.add_entry(ctx, project_id, day, str(kw.get("text", "")))


def _review(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    kw = _kw(a, "method_key", "rating", "worked", "change", "phase_id")
    return capitalisation.review_method(
        ctx, wid, str(kw.get("method_key", "")), int(kw.get("rating", 0)),
        str(kw.get("worked", "")), str(kw.get("change", "")), kw.get("phase_id"),
    )  # fmt: skip


def _set_fate(ctx: Context, wid: int, a: dict[str, Any]) -> Change:
    kw = _kw(a, "note_ids", "fate", "reason", "into", "action_id", "project_id")
    if kw.get("action_id") is not None:
        _owned(ctx, wid, "action", kw["action_id"])
    if kw.get("project_id") is not None:
        _owned(ctx, wid, "project", kw["project_id"])
    note_ids = kw.pop("note_ids", None)
    if not isinstance(note_ids, list):
        raise InvalidInput("Post-its invalides.")
    fate = kw.pop("fate", None)
    return outcomes.set_fate(ctx, wid, [int(n) for n in note_ids], fate, **kw)


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
    # decisions — promotions, fates, a chantier's status — are the lead's unless delegated)
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
    "projects.create_project": RemoteOp(
        lambda c, w, a: projects.create_project(c, w, **_kw(a, "title", "description", "owner")),
        COANIMATION,
        "ouvrir un chantier",
    ),
    "capitalisation.review_method": RemoteOp(_review, COANIMATION, "donner un retour d'expérience"),
    # the decisions, delegated ("copilote")
    "votes.promote_to_actions": RemoteOp(
        lambda c, w, a: votes.promote_to_actions(
            c, _round_of(c, w, a.get("round_id")), top=int(a.get("top", 3))
        ),
        DECISIONS,
        "promouvoir en action",
    ),
    "votes.promote_to_projects": RemoteOp(
        lambda c, w, a: votes.promote_to_projects(
            c, _round_of(c, w, a.get("round_id")), top=int(a.get("top", 3))
        ),
        DECISIONS,
        "promouvoir en chantier",
    ),
    "outcomes.set_fate": RemoteOp(_set_fate, DECISIONS, "décider du devenir d'idées"),
    "projects.set_status": RemoteOp(
        lambda c, w, a: projects.set_status(
            c, _owned(c, w, "project", a.get("project_id")), str(a["status"])
        ),
        DECISIONS,
        "changer le statut d'un chantier",
    ),
    "projects.delete_project": RemoteOp(
        lambda c, w, a: projects.delete_project(c, _owned(c, w, "project", a.get("project_id"))),
        DECISIONS,
        "supprimer un chantier",
    ),
}

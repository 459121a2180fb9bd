"""The vote rounds' mutations (journal entries replay them): rounds, paper ballots, the
action plan and the chantiers promoted from a vote."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.votes import Ballot, item_key, parse_item
from app.errors import NotFound
from app.ops.base import Action, connection, mutation
from app.ops.votes.common import _round
from app.ops.votes.statements import _PAPER_ROW
from app.ops.votes.tally import (
    _mark_done,
    _replace,
    _replace_ballot,
    ballot_of,
    ballot_rows,
    participant_of,
)
from app.store.models import Action as ActionRow
from app.store.models import Note, VoteRound
from app.store.models import Project as ProjectRow

# -- mutations (journal entries replay them) ------------------------------------------------
ROUND_FIELDS = ("workshop_id", "phase_id", "title", "kind", "settings", "items", "status",
                "revealed", "opened_at", "closed_at")  # fmt: skip
ROUND_CHANGES = ("status", "revealed", "closed_at", "settings", "title")


@mutation("vote_round.insert")
def round_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = VoteRound(id=args.get("id"), **{k: args[k] for k in ROUND_FIELDS if k in args})
    session.add(row)
    session.flush()
    return {**args, "id": row.id}, [["vote_round.delete", {"id": row.id}]]


@mutation("vote_round.delete")
def round_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = _round(session, args["id"])
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in ROUND_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["vote_round.insert", snapshot]]


@mutation("vote_round.update")
def round_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = _round(session, args["id"])
    changes = {k: v for k, v in args["changes"].items() if k in ROUND_CHANGES}
    old = {k: getattr(row, k) for k in changes}
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return {"id": row.id, "changes": changes}, [
        ["vote_round.update", {"id": row.id, "changes": old}]
    ]


@mutation("vote.paper")
def paper_ballot(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Set a paper ballot (hand-counted dots): {round_id, voter, label, votes, at}."""
    ballot: Ballot = {(parse_item(k), ""): int(v) for k, v in args["votes"].items() if int(v)}
    session.flush()
    # what the ballot was, label and time included: undoing its removal gives it back whole
    stored = connection(session).execute(_PAPER_ROW, {"rid": args["round_id"],
                                                      "vtr": args["voter"]}).first()  # fmt: skip
    old = _replace_ballot(
        session, args["round_id"], args["voter"], ballot, participant_id=None, paper=True,
        label=args.get("label", ""), at=args["at"],
    )  # fmt: skip
    before = {"round_id": args["round_id"], "voter": args["voter"],
              "label": stored.label if stored is not None else args.get("label", ""),
              "votes": {item_key(i): v for (i, _c), v in old.items()},
              "at": stored.at if stored is not None else args["at"]}  # fmt: skip
    return args, [["vote.paper", before]]


# A phone's ballot and its "J'ai fini", as `cast_ballot` / `set_done` applied them on the host
# with prepared statements (not undoable: their inverses are never journalled). They carry
# the voter (``"p:<id>"``) and their votes, what the `votes` rows hold anyway: a replica
# replays them to the host's rows and live counts (moved by the same difference).
@mutation("ballot.replace")
def ballot_replace(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """{round_id, voter, votes: [[item type, item id, criterion, value]…], at}: the voter's
    votes replaced by these, the live counts moved by the difference."""
    old, _done = _replace(
        session, args["round_id"], args["voter"], ballot_of(args["votes"]),
        participant_id=participant_of(args["voter"]), paper=False, label="", at=args["at"],
    )  # fmt: skip
    return args, [["ballot.replace", {**args, "votes": ballot_rows(old)}]]


@mutation("ballot.done")
def ballot_done(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """{round_id, voter, done, at}: "J'ai fini" (or not any more) on the voter's ballot."""
    _mark_done(session, args["round_id"], args["voter"], bool(args["done"]), args["at"])
    return args, [["ballot.done", {**args, "done": not args["done"]}]]


@mutation("action.insert")
def action_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = ActionRow(
        id=args.get("id"), workshop_id=args["workshop_id"], position=args["position"],
        what=args["what"], who=args.get("who", ""),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return {**args, "id": row.id}, [["action.delete", {"id": row.id}]]


@mutation("action.delete")
def action_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ActionRow, args["id"])
    if row is None:
        raise NotFound("Cette action n'existe plus.")
    snapshot = {"id": row.id, "workshop_id": row.workshop_id, "position": row.position,
                "what": row.what, "who": row.who}  # fmt: skip
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["action.insert", snapshot]]


PROJECT_FIELDS = ("workshop_id", "title", "description", "status", "source_note_id",
                  "created_at")  # fmt: skip


@mutation("project.insert")
def project_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A chantier (`Project`): {workshop_id, title, description, status, source_note_id,
    created_at}, an `id` when it comes back (redo, undo of its deletion)."""
    fields = {k: args[k] for k in PROJECT_FIELDS if k in args}
    source = fields.get("source_note_id")
    if source is not None and session.get(Note, source) is None:
        fields["source_note_id"] = None  # its post-it left the board since: the chantier stays
    row = ProjectRow(id=args.get("id"), **fields)
    session.add(row)
    session.flush()
    return {**args, **fields, "id": row.id}, [["project.delete", {"id": row.id}]]


@mutation("project.delete")
def project_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ProjectRow, args["id"])
    if row is None:
        raise NotFound("Ce chantier n'existe plus.")
    snapshot = {"id": row.id, **{k: getattr(row, k) for k in PROJECT_FIELDS}}
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["project.insert", snapshot]]

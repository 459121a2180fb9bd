"""The vote rounds' mutations (journal entries replay them): rounds, paper ballots, the
action plan and the chantiers promoted from a vote."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
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
from app.store.models import Note, NoteFate, Participant, ProjectEntry, VoteRound
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


# -- what became of the post-its, the action plan, the chantiers ------------------------------
FATE_FIELDS = ("workshop_id", "fate", "reason", "merged_into", "action_id", "project_id",
               "round_id", "rank", "score", "at")  # fmt: skip


def fate_row(session: Session, note_id: int) -> dict[str, Any] | None:
    """A post-it's fate as mutation arguments (None: nothing decided yet)."""
    row = session.scalars(select(NoteFate).where(NoteFate.note_id == note_id)).first()
    if row is None:
        return None
    return {k: getattr(row, k) for k in FATE_FIELDS}


def put_fate(session: Session, note_id: int, values: dict[str, Any] | None) -> None:
    """Replace a post-it's fate (None: back to "nothing decided"); one row a post-it at most."""
    row = session.scalars(select(NoteFate).where(NoteFate.note_id == note_id)).first()
    if values is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        row = NoteFate(note_id=note_id)
        session.add(row)
    for key in FATE_FIELDS:
        setattr(row, key, values.get(key, "" if key == "reason" else None))
    session.flush()


@mutation("fate.set")
def fate_set(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Set a post-it's fate: {note_id, row} (`row` None: nothing decided)."""
    note_id = args["note_id"]
    before = fate_row(session, note_id)
    if session.get(Note, note_id) is not None:  # a post-it deleted since keeps no fate
        put_fate(session, note_id, args.get("row"))
    return {"note_id": note_id, "row": args.get("row")}, [
        ["fate.set", {"note_id": note_id, "row": before}]
    ]


def _link_fates(
    session: Session, workshop_id: int, fates: list[dict[str, Any]], link: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[Action]]:
    """Mark the post-its of an action or chantier just made `retenue`, linked to it: what
    was applied and what gives their earlier fates back."""
    applied: list[dict[str, Any]] = []
    undo: list[Action] = []
    for fate in fates:
        note_id = fate["note_id"]
        if session.get(Note, note_id) is None:
            continue  # its post-it left the board since
        undo.append(["fate.set", {"note_id": note_id, "row": fate_row(session, note_id)}])
        put_fate(session, note_id, {
            "workshop_id": workshop_id, "fate": "retenue", "reason": "",
            "merged_into": None, "action_id": None, "project_id": None,
            "round_id": fate.get("round_id"), "rank": fate.get("rank"),
            "score": fate.get("score"), "at": fate.get("at", 0.0), **link,
        })  # fmt: skip
        applied.append(fate)
    return applied, undo


def _linked_fates(session: Session, column: Any, target: int) -> list[dict[str, Any]]:
    """The retenue fates pointing at an action or chantier, taken away with it."""
    rows = session.scalars(select(NoteFate).where(column == target).order_by(NoteFate.id)).all()
    out = [{"note_id": r.note_id, "round_id": r.round_id, "rank": r.rank, "score": r.score,
            "at": r.at} for r in rows]  # fmt: skip
    for row in rows:
        session.delete(row)
    session.flush()
    return out


ACTION_FIELDS = ("workshop_id", "position", "what", "who", "participant_id", "due", "status")
ACTION_CHANGES = ("position", "what", "who", "participant_id", "due", "status")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@mutation("action.insert")
def action_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """An action: {workshop_id, position, what, who, participant_id, due (ISO), status}, an
    `id` when it comes back, `fates`: the post-its it keeps ({note_id, round_id, rank,
    score, at}), marked `retenue` with it."""
    fields = {k: args[k] for k in ACTION_FIELDS if k in args}
    if fields.get("participant_id") is not None and (
        session.get(Participant, fields["participant_id"]) is None
    ):
        fields["participant_id"] = None  # the person left the list since: the name stays
    row = ActionRow(id=args.get("id"), **{k: _day(v) if k == "due" else v
                                            for k, v in fields.items()})  # fmt: skip
    session.add(row)
    session.flush()
    fates, undo = _link_fates(session, row.workshop_id, list(args.get("fates", [])),
                              {"action_id": row.id})  # fmt: skip
    applied = {**args, **fields, "id": row.id}
    if "fates" in args:
        applied["fates"] = fates
    return applied, [*undo, ["action.delete", {"id": row.id}]]


@mutation("action.delete")
def action_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ActionRow, args["id"])
    if row is None:
        raise NotFound("Cette action n'existe plus.")
    snapshot = {"id": row.id, **{k: _iso(getattr(row, k)) for k in ACTION_FIELDS}}
    snapshot["fates"] = _linked_fates(session, NoteFate.action_id, row.id)
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["action.insert", snapshot]]


@mutation("action.update")
def action_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Change an action's fields: {id, changes} (`due` in ISO form)."""
    row = session.get(ActionRow, args["id"])
    if row is None:
        raise NotFound("Cette action n'existe plus.")
    changes = {k: v for k, v in args["changes"].items() if k in ACTION_CHANGES}
    old = {k: _iso(getattr(row, k)) for k in changes}
    for key, value in changes.items():
        setattr(row, key, _day(value) if key == "due" else value)
    session.flush()
    return {"id": row.id, "changes": changes}, [["action.update", {"id": row.id, "changes": old}]]


PROJECT_FIELDS = ("workshop_id", "title", "description", "status", "source_note_id", "owner",
                  "partners", "start_date", "target_date", "progress", "created_at")  # fmt: skip
PROJECT_DATES = ("start_date", "target_date")


@mutation("project.insert")
def project_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A chantier (`Project`): {workshop_id, title, description, status, source_note_id,
    created_at, …}, an `id` when it comes back (redo, undo of its deletion), `fates`: the
    post-its it keeps, marked `retenue` with it."""
    fields = {k: args[k] for k in PROJECT_FIELDS if k in args}
    source = fields.get("source_note_id")
    if source is not None and session.get(Note, source) is None:
        fields["source_note_id"] = None  # its post-it left the board since: the chantier stays
    row = ProjectRow(id=args.get("id"), **{k: _day(v) if k in PROJECT_DATES else v
                                             for k, v in fields.items()})  # fmt: skip
    session.add(row)
    session.flush()
    fates, undo = _link_fates(session, row.workshop_id, list(args.get("fates", [])),
                              {"project_id": row.id})  # fmt: skip
    applied = {**args, **fields, "id": row.id}
    if "fates" in args:
        applied["fates"] = fates
    return applied, [*undo, ["project.delete", {"id": row.id}]]


@mutation("project.delete")
def project_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ProjectRow, args["id"])
    if row is None:
        raise NotFound("Ce chantier n'existe plus.")
    snapshot = {"id": row.id, **{k: _iso(getattr(row, k)) for k in PROJECT_FIELDS}}
    snapshot["fates"] = _linked_fates(session, NoteFate.project_id, row.id)
    entries = session.scalars(
        select(ProjectEntry).where(ProjectEntry.project_id == row.id).order_by(ProjectEntry.id)
    ).all()
    back: list[Action] = [["project.insert", snapshot]]
    back += [["project_entry.insert", {"id": e.id, "project_id": e.project_id,
                                       "day": e.day.isoformat(), "text": e.text,
                                       "created_at": e.created_at}] for e in entries]  # fmt: skip
    session.delete(row)
    session.flush()
    return {"id": row.id}, back

"""The `@mutation` functions journal entries replay: post-its and groups inserted,
deleted, updated, gathered (a group made with its post-its in one step)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.ops.base import Action, mutation
from app.ops.board.common import (
    _cluster,
    _note,
)
from app.ops.votes import release_item, restore_votes
from app.store.models import Cluster, Note, Participant, Phase, VoteRound

NOTE_COLUMNS = (
    "workshop_id", "phase_id", "cluster_id", "participant_id", "author", "text", "color",
    "x", "y", "hidden", "created_at",
)  # fmt: skip
NOTE_CHANGES = ("text", "color", "x", "y", "cluster_id", "hidden")
CLUSTER_COLUMNS = ("workshop_id", "phase_id", "title", "color", "x", "y", "collapsed")
CLUSTER_CHANGES = ("title", "color", "x", "y", "collapsed")


def _still_there(session: Session, model: Any, key: int | None) -> int | None:
    """A reference kept by an undo snapshot, or None if what it named is gone since (a
    participant removed, a phase deleted): an undo must not fail on it for ever."""
    return key if key is not None and session.get(model, key) is not None else None


def _restorable(session: Session, votes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        v
        for v in votes
        if session.get(VoteRound, v["round_id"]) is not None
        and (
            v.get("participant_id") is None
            or session.get(Participant, v["participant_id"]) is not None
        )
    ]


# what an undo snapshot's references point to: they may be gone since (a participant removed,
# a phase deleted), and an undo must not fail on them for ever
_REFERENCES: dict[type, dict[str, type]] = {
    Note: {"participant_id": Participant, "phase_id": Phase, "cluster_id": Cluster},
    Cluster: {"phase_id": Phase},
}


def _insert(
    session: Session, model: type, columns: tuple[str, ...], args: dict[str, Any], undo_name: str
) -> tuple[dict[str, Any], list[Action]]:
    row = {k: args[k] for k in columns if k in args}
    for key, target in _REFERENCES[model].items():
        row[key] = _still_there(session, target, row.get(key))
    item = model(id=args.get("id"), **row)
    session.add(item)
    session.flush()
    # votes given back to it when a deletion is undone (with the live vote counts)
    restore_votes(session, _restorable(session, args.get("votes", [])))
    return {**args, "id": item.id}, [[undo_name, {"id": item.id}]]


def _delete(
    session: Session, item: Any, columns: tuple[str, ...], item_type: str, undo_name: str
) -> tuple[dict[str, Any], list[Action]]:
    """Delete a post-it or a group; its votes go back to their voters (and come back on undo)."""
    snapshot = {"id": item.id, **{k: getattr(item, k) for k in columns},
                "votes": release_item(session, item_type, item.id)}  # fmt: skip
    session.delete(item)
    session.flush()
    return {"id": snapshot["id"]}, [[undo_name, snapshot]]


@mutation("note.insert")
def note_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _insert(session, Note, NOTE_COLUMNS, args, "note.delete")


@mutation("note.delete")
def note_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _delete(session, _note(session, args["id"]), NOTE_COLUMNS, "note", "note.insert")


def update_fields(
    item: Any, allowed: tuple[str, ...], args: dict[str, Any], name: str
) -> tuple[dict[str, Any], list[Action]]:
    """The usual `<thing>.update` mutation: set the allowed fields, the inverse restores them."""
    changes = {k: v for k, v in args["changes"].items() if k in allowed}
    old = {k: getattr(item, k) for k in changes}
    for key, value in changes.items():
        setattr(item, key, value)
    return {"id": item.id, "changes": changes}, [[name, {"id": item.id, "changes": old}]]


@mutation("note.update")
def note_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return update_fields(_note(session, args["id"]), NOTE_CHANGES, args, "note.update")


@mutation("cluster.insert")
def cluster_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return _insert(session, Cluster, CLUSTER_COLUMNS, args, "cluster.delete")


@mutation("cluster.delete")
def cluster_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    cluster = _cluster(session, args["id"])
    return _delete(session, cluster, CLUSTER_COLUMNS, "cluster", "cluster.insert")


@mutation("cluster.update")
def cluster_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return update_fields(_cluster(session, args["id"]), CLUSTER_CHANGES, args, "cluster.update")


@mutation("cluster.gather")
def cluster_gather(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Create a cluster and put post-its in it, at the given places (one step, so the
    cluster's id, known only once inserted, is recorded for redo)."""
    applied, delete_cluster = cluster_insert(session, dict(args["cluster"]))
    cluster_id = applied["id"]
    restore: list[Action] = []
    for note_id, x, y in args["members"]:
        _, undo = note_update(
            session, {"id": note_id, "changes": {"x": x, "y": y, "cluster_id": cluster_id}}
        )
        restore += undo
    return {"cluster": applied, "members": args["members"]}, restore + delete_cluster

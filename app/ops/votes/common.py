"""Small helpers shared by the vote modules: limits, a round's settings and items, the items
still on the board, the wire form of a ballot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.domain.votes import Item, Key, RoundSettings, item_key, parse_item
from app.errors import NotFound
from app.ops.base import connection
from app.ops.votes.statements import _CLUSTERS, _NOTES
from app.store.models import VoteRound

MAX_TITLE = 200
MAX_PAPER = 1000  # hand-counted dots on one item, at most


# -- helpers -------------------------------------------------------------------------------
def voter_of(participant_id: int) -> str:
    return f"p:{participant_id}"


def _settings(row: Any) -> RoundSettings:
    return RoundSettings.parse(row.kind, row.settings)


def _is_open(status: str, settings: RoundSettings, now: float) -> bool:
    return status == "open" and (settings.closes_at is None or now < settings.closes_at)


def _round_items(row: Any) -> list[Item]:
    return [parse_item(i) for i in row.items]


def _live_items(
    session: Session, workshop_id: int, items: Sequence[Item]
) -> dict[Item, int | None]:
    """The round's items that still exist on the board, with each post-it's author."""
    conn = connection(session)
    out: dict[Item, int | None] = {}
    note_ids = [i for t, i in items if t == "note"]
    cluster_ids = [i for t, i in items if t == "cluster"]
    found: dict[Item, int | None] = {}
    if note_ids:
        for nid, author in conn.execute(_NOTES, {"wid": workshop_id, "ids": note_ids}):
            found[("note", nid)] = author
    if cluster_ids:
        for (cid,) in conn.execute(_CLUSTERS, {"wid": workshop_id, "ids": cluster_ids}):
            found[("cluster", cid)] = None
    for item in items:  # in the round's order
        if item in found:
            out[item] = found[item]
    return out


def _wire(settings: RoundSettings, ballot: Mapping[Key, int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for (item, crit), value in ballot.items():
        if settings.kind == "criteria":
            out.setdefault(item_key(item), {})[crit] = value
        else:
            out[item_key(item)] = value
    return out


def _round(session: Session, round_id: int) -> VoteRound:
    found = session.get(VoteRound, round_id)
    if found is None:
        raise NotFound("Ce tour de vote n'existe plus.")
    return found

"""The facilitator's operations on a round: open, close, reopen, reveal, paper votes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.votes import KINDS, Item, RoundSettings, VoteError, item_key, parse_item
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, connection, execute
from app.ops.mutations import get_workshop
from app.ops.votes.common import (
    MAX_PAPER,
    MAX_TITLE,
    _is_open,
    _live_items,
    _round,
    _round_items,
    _settings,
)
from app.ops.votes.statements import _PAPER_ROW
from app.store.models import Cluster, Note, VoteBallot, VoteRound


# -- the facilitator's operations -----------------------------------------------------------
def _board_items(session: Session, workshop_id: int, phase_id: int | None) -> list[Item]:
    """The whole board: every group, and every visible post-it that is in no group."""
    clusters = select(Cluster.id).where(Cluster.workshop_id == workshop_id).order_by(Cluster.id)
    notes = (
        select(Note.id)
        .where(Note.workshop_id == workshop_id, Note.cluster_id.is_(None), Note.hidden.is_(False))
        .order_by(Note.id)
    )
    if phase_id is not None:
        clusters = clusters.where(Cluster.phase_id == phase_id)
        notes = notes.where(Note.phase_id == phase_id)
    out: list[Item] = [("cluster", i) for i in session.scalars(clusters)]
    out += [("note", i) for i in session.scalars(notes)]
    return out


def open_round(
    ctx: Context,
    workshop_id: int,
    *,
    kind: str,
    items: Iterable[Any] | Literal["board"] = "board",
    title: str = "",
    settings: Mapping[str, Any] | None = None,
    phase_id: int | None = None,
) -> Change:
    """Open a tour de vote on the given post-its/groups (or the whole board).

    `settings`: dots, cap, own_allowed (dots); budget (points); criteria ("labase" or a list
    of {key, label, weight, axis}); anonymous, live_results, closes_at. `Change.ids` holds
    the new round's id.
    """
    parsed = RoundSettings.parse(kind, settings)
    clean_title = clean_text(title, what="Titre du vote", limit=MAX_TITLE).strip()
    chosen = None if items == "board" else [parse_item(i) for i in items]

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        wanted = _board_items(session, workshop_id, phase_id) if chosen is None else chosen
        wanted = list(dict.fromkeys(wanted))
        live = _live_items(session, workshop_id, wanted)
        if len(live) != len(wanted):
            raise VoteError(
                "Un des éléments choisis n'est plus au tableau.", code="element_inconnu"
            )
        if not wanted:
            raise VoteError("Aucun post-it à mettre au vote.", code="saisie_invalide")
        row = {
            "workshop_id": workshop_id, "phase_id": phase_id,
            "title": clean_title or KINDS[kind], "kind": kind, "settings": parsed.to_dict(),
            "items": [list(i) for i in wanted], "status": "open", "revealed": False,
            "opened_at": ctx.clock(), "closed_at": None,
        }  # fmt: skip
        return workshop_id, [["vote_round.insert", row]], f"Ouvrir le vote « {row['title']} »"

    return execute(ctx, op="votes.open", topic=Topic.VOTES, build=build, undoable=False)


def _update_round(ctx: Context, round_id: int, op: str, label: str, changes: Any) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        wanted = changes(row)
        return (
            row.workshop_id,
            [["vote_round.update", {"id": row.id, "changes": wanted}]],
            (f"{label} « {row.title} »"),
        )

    return execute(ctx, op=op, topic=Topic.VOTES, build=build, undoable=False)


def close_round(ctx: Context, round_id: int) -> Change:
    now = ctx.clock()

    def changes(row: VoteRound) -> dict[str, Any]:
        if row.status == "closed":
            raise VoteError("Ce vote est déjà clos.", code="vote_clos")
        return {"status": "closed", "closed_at": now}

    return _update_round(ctx, round_id, "votes.close", "Clore le vote", changes)


def reopen_round(ctx: Context, round_id: int, *, closes_at: float | None = None) -> Change:
    """Open a closed round again (a closing time already past is dropped)."""

    def changes(row: VoteRound) -> dict[str, Any]:
        settings = dict(row.settings)
        if row.status == "open" and _is_open("open", _settings(row), ctx.clock()):
            raise VoteError("Ce vote est déjà ouvert.", code="conflit")
        settings["closes_at"] = closes_at
        return {"status": "open", "closed_at": None, "settings": settings}

    return _update_round(ctx, round_id, "votes.reopen", "Rouvrir le vote", changes)


def reveal_results(ctx: Context, round_id: int, revealed: bool = True) -> Change:
    label = "Révéler les résultats de" if revealed else "Masquer les résultats de"
    return _update_round(ctx, round_id, "votes.reveal", label, lambda _row: {"revealed": revealed})


def close_due_rounds(ctx: Context, workshop_id: int) -> list[Change]:
    """Record the close of rounds whose closing time has passed (votes are already refused
    from that time on; this writes it down for the console and the report)."""
    now = ctx.clock()

    def due(session: Session) -> list[int]:
        rows = session.scalars(
            select(VoteRound).where(
                VoteRound.workshop_id == workshop_id, VoteRound.status == "open"
            )
        )
        return [r.id for r in rows if not _is_open(r.status, _settings(r), now)]

    return [close_round(ctx, rid) for rid in ctx.db.read(due)]


def add_paper_votes(
    ctx: Context, round_id: int, counts: Mapping[str, int], *, label: str = "Bulletins papier"
) -> Change:
    """Hand-counted dots for people without a phone, stored as a paper ballot of their own.

    Each call adds one paper ballot (its dots are not bound by one person's allowance).
    """
    clean_label = clean_text(label, what="Libellé", limit=120).strip() or "Bulletins papier"
    votes: dict[str, int] = {}
    for raw_item, value in counts.items():
        item = parse_item(raw_item)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PAPER:
            raise VoteError(
                "Gommettes papier : un nombre de 0 à {MAX_PAPER}.",
                code="saisie_invalide",
                MAX_PAPER=MAX_PAPER,
            )
        if value:
            votes[item_key(item)] = value

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        if row.kind not in ("dots", "points"):
            raise VoteError(
                "Les votes papier s'ajoutent aux gommettes ou aux points.", code="saisie_invalide"
            )
        items = set(_live_items(session, row.workshop_id, _round_items(row)))
        if any(parse_item(k) not in items for k in votes):
            raise VoteError("Cet élément ne fait pas partie du vote.", code="element_inconnu")
        if not votes:
            raise VoteError("Aucune gommette papier à ajouter.", code="saisie_invalide")
        voter = f"paper:{_last_paper_number(session, round_id) + 1}"
        args = {"round_id": round_id, "voter": voter, "label": clean_label, "votes": votes,
                "at": ctx.clock()}  # fmt: skip
        return row.workshop_id, [["vote.paper", args]], f"{clean_label} ({sum(votes.values())})"

    return execute(ctx, op="votes.paper", topic=Topic.BALLOTS, build=build)


def _last_paper_number(session: Session, round_id: int) -> int:
    """The highest n of the round's "paper:<n>" ballots (0 without any): a new paper ballot
    takes the next one, never the number of one still counted after a removal."""
    numbers = [0]
    for voter in session.scalars(
        select(VoteBallot.voter).where(VoteBallot.round_id == round_id, VoteBallot.paper.is_(True))
    ):
        tail = voter.removeprefix("paper:")
        if tail.isdigit():
            numbers.append(int(tail))
    return max(numbers)


def remove_paper_votes(ctx: Context, round_id: int, voter: str) -> Change:
    """Take one paper ballot out of the count (a typing mistake, a ballot counted twice).
    Undoable: the undo gives it back with its label and its dots."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        if not voter.startswith("paper:"):
            raise InvalidInput("Seuls les votes papier se retirent ainsi.")
        stored = connection(session).execute(_PAPER_ROW, {"rid": round_id, "vtr": voter}).first()
        if stored is None:
            raise NotFound("Ce bulletin papier n'est plus compté.")
        args = {"round_id": round_id, "voter": voter, "label": "", "votes": {}, "at": ctx.clock()}
        return row.workshop_id, [["vote.paper", args]], f"Retirer « {stored.label} » (papier)"

    return execute(ctx, op="votes.paper", topic=Topic.BALLOTS, build=build)

"""Grouping suggestions on a board: what a "Suggérer des groupes" dialog needs.

* `suggest(ctx, workshop_id)` reads the board's ungrouped, visible post-its (or the selected
  ones) and returns plain dataclasses: groups with a title and note ids, near-duplicate sets,
  the post-its put in no group. It writes nothing.
* `accept(ctx, workshop_id, groups)` applies the groups the facilitator kept (all of them, or
  one, maybe renamed or trimmed) as ONE undoable operation, through the board's own
  `cluster.gather` mutation: one Ctrl+Z takes them all back.
* Dismissing a suggestion is doing nothing.

Near-duplicates are data only: the board has no "×3" post-it. `DuplicateSet.as_group()`
turns one set into a small group titled "×3 · <text>" that `accept` can make, which is as close
to a merge as the board model goes today.

Measured quality (`python -m bench.grouping`): the groups score ARI ≈ 0.18 against a
facilitator's grouping of 151 post-its (keyword baseline 0.05, goal 0.35), pairwise precision
≈ 0.28. That is too weak to show as a suggestion by default, so `suggest` returns groups only
when asked (`with_groups=True`, or once `GROUPS_BY_DEFAULT` is turned on after a better method
is measured); the near-duplicate sets always.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import grouping
from app.domain.agenda import clean_text
from app.domain.board import GAP, MAX_CLUSTER_TITLE, NOTE_H, NOTE_W, tidy
from app.errors import InvalidInput, NotFound
from app.ops.base import Action, Change, Context
from app.ops.board import _board, _emptied_clusters, _ids, _notes, _phase_of, _plural, board_data
from app.store.models import Note

CLUSTERS_PER_ROW = 4  # accepted groups are laid out in rows, right of what the board holds
GROUPS_BY_DEFAULT = False  # measured ARI 0.18 < 0.35: see the module's docstring


@dataclass(frozen=True, slots=True)
class SuggestedGroup:
    title: str
    note_ids: tuple[int, ...]  # the most typical post-it first


@dataclass(frozen=True, slots=True)
class DuplicateSet:
    """Post-its saying the same thing; `keep` is the one a merge would keep."""

    keep: int
    note_ids: tuple[int, ...]  # `keep` first
    text: str  # the kept post-it's text

    @property
    def label(self) -> str:
        return f"×{len(self.note_ids)}"

    def as_group(self) -> SuggestedGroup:
        """The set as a group `accept` can make: "×3 · Covoiturage entre agents"."""
        text = " ".join(self.text.split())
        room = MAX_CLUSTER_TITLE - len(self.label) - 3
        short = text if len(text) <= room else text[: room - 1].rstrip() + "…"
        return SuggestedGroup(f"{self.label} · {short}", self.note_ids)


@dataclass(frozen=True, slots=True)
class GroupingSuggestion:
    workshop_id: int
    phase_id: int | None  # the board the post-its were read from
    groups: tuple[SuggestedGroup, ...]
    duplicates: tuple[DuplicateSet, ...]
    alone: tuple[int, ...]  # post-its the suggestion puts in no group
    considered: int  # how many post-its were looked at


def suggest(
    ctx: Context,
    workshop_id: int,
    note_ids: Iterable[int] | None = None,
    *,
    phase_id: int | None = None,
    with_groups: bool = GROUPS_BY_DEFAULT,
) -> GroupingSuggestion:
    """Groups proposed for the board's post-its that are in no group yet (or for the selected
    `note_ids`, grouped or not). Hidden post-its (private writing not revealed) are left out:
    their text is not the facilitator's to read yet. Without `with_groups`, `groups` is
    empty and only the near-duplicates are proposed."""
    board = board_data(ctx, workshop_id, phase_id)
    if note_ids is None:
        chosen = [(n.id, n.text) for n in board.notes if n.cluster_id is None and not n.hidden]
    else:
        ids = _ids(note_ids)

        def read(session: Session) -> list[tuple[int, str, bool]]:
            rows = session.execute(
                select(Note.id, Note.text, Note.hidden).where(
                    Note.workshop_id == workshop_id, Note.id.in_(ids)
                )
            ).all()
            if len(rows) != len(ids):
                raise NotFound("Un des post-its n'existe plus.")
            return [(r.id, r.text, bool(r.hidden)) for r in rows]

        by_id = {i: (text, hidden) for i, text, hidden in ctx.db.read(read)}
        chosen = [(i, by_id[i][0]) for i in ids if not by_id[i][1]]
    result = grouping.suggest([text for _, text in chosen])
    ids = [i for i, _ in chosen]
    return GroupingSuggestion(
        workshop_id=workshop_id,
        phase_id=board.phase_id,
        groups=tuple(
            SuggestedGroup(g.title, tuple(ids[i] for i in g.members))
            for g in (result.groups if with_groups else ())
        ),
        duplicates=tuple(
            DuplicateSet(ids[d.keep], tuple(ids[i] for i in d.members), chosen[d.keep][1])
            for d in result.duplicates
        ),
        alone=tuple(ids[i] for i in result.alone) if with_groups else (),
        considered=len(chosen),
    )


def accept(
    ctx: Context,
    workshop_id: int,
    groups: Sequence[SuggestedGroup],
    *,
    phase_id: int | None = None,
) -> Change:
    """Make the chosen groups real: one cluster each, in one undoable operation.

    The clusters are laid out in rows to the right of everything on the board, so none covers
    a post-it; a post-it taken from another group leaves it (a group left empty goes)."""
    if not groups:
        raise InvalidInput("Aucun groupe à créer.")
    titles: list[str] = []
    members: list[list[int]] = []
    seen: set[int] = set()
    for g in groups:
        ids = _ids(g.note_ids)
        if len(ids) < 2:
            raise InvalidInput("Un groupe doit réunir au moins deux post-its.")
        if seen & set(ids):
            raise InvalidInput("Un post-it ne peut aller que dans un groupe.")
        seen.update(ids)
        members.append(ids)
        titles.append(
            clean_text(g.title, what="Titre du groupe", limit=MAX_CLUSTER_TITLE).strip()
            or "Groupe sans titre"
        )
    _ids(seen)  # the limit on what one gesture may touch

    def build(session: Session) -> tuple[list[Action], str]:
        phase = _phase_of(session, workshop_id, phase_id)
        right = session.scalar(
            select(Note.x).where(Note.workshop_id == workshop_id).order_by(Note.x.desc()).limit(1)
        )
        top = session.scalar(
            select(Note.y).where(Note.workshop_id == workshop_id).order_by(Note.y).limit(1)
        )
        x0 = (right or 0.0) + NOTE_W + 4 * GAP
        y = (top or 0.0) + 60.0
        actions: list[Action] = []
        leaving: dict[int, int | None] = {}
        row_height = 0.0
        x = x0
        for index, (title, ids) in enumerate(zip(titles, members, strict=True)):
            if index and index % CLUSTERS_PER_ROW == 0:
                x, y = x0, y + row_height + 60.0 + 2 * GAP
                row_height = 0.0
            notes = _notes(session, workshop_id, ids)
            leaving.update({n.id: n.cluster_id for n in notes if n.cluster_id is not None})
            spots = tidy((x, y), len(notes))
            cluster = {
                "workshop_id": workshop_id,
                "phase_id": phase or notes[0].phase_id,
                "title": title,
                "color": notes[0].color,
                "x": x - GAP,
                "y": y - 60.0,
                "collapsed": False,
            }
            at = [[n.id, sx, sy] for n, (sx, sy) in zip(notes, spots, strict=True)]
            actions.append(["cluster.gather", {"cluster": cluster, "members": at}])
            width = max(sx for sx, _ in spots) - x + NOTE_W
            row_height = max(row_height, max(sy for _, sy in spots) - y + NOTE_H)
            x += width + 3 * GAP
        actions += _emptied_clusters(session, leaving)
        label = _plural(len(titles), "Groupe suggéré « {t} »", "{n} groupes suggérés")
        return actions, label.replace("{t}", titles[0][:40])

    return _board(ctx, workshop_id, "board.group_suggested", build)

"""After the vote: the first items promoted to the action plan or to chantiers."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.model import ProjectInfo
from app.domain.votes import VoteError, parse_item
from app.events import Topic
from app.ops.base import Action, Change, Context, execute
from app.ops.queries import project_infos
from app.ops.votes.common import MAX_TITLE, _round
from app.ops.votes.reads import _results_lines
from app.ops.votes.views import ResultLine
from app.store.models import Action as ActionRow
from app.store.models import Note, VoteRound
from app.store.models import Project as ProjectRow


def promote_to_actions(ctx: Context, round_id: int, *, top: int = 3) -> Change:
    """Copy the `top` first items of the results into the action plan (ties at the edge come
    along: a tie is not broken by chance); their post-its (a cluster's: all of them) become
    `retenue`, linked to their action, in the same operation. Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        chosen = _chosen(session, row, top)
        last = session.scalar(
            select(func.max(ActionRow.position)).where(ActionRow.workshop_id == row.workshop_id)
        )
        start = (last if last is not None else -1) + 1
        now = ctx.clock()
        actions: list[Action] = [
            ["action.insert", {"workshop_id": row.workshop_id, "position": start + n,
                               "what": line.label, "who": "", "status": "a_faire",
                               "fates": _fates(session, row, line, now)}]
            for n, line in enumerate(chosen)
        ]  # fmt: skip
        return row.workshop_id, actions, f"Plan d'action : {len(chosen)} élément(s) du vote"

    return execute(ctx, op="votes.promote", topic=Topic.ACTIONS, build=build)


def _fates(
    session: Session, row: VoteRound, line: ResultLine, at: float
) -> list[dict[str, object]]:
    """The post-its a promoted item keeps (the post-it, or every post-it of the cluster), with
    the vote they come from: what the promotion marks `retenue`."""
    kind, item_id = parse_item(line.key)
    if kind == "note":
        note_ids = [item_id]
    else:
        note_ids = list(
            session.scalars(select(Note.id).where(Note.cluster_id == item_id).order_by(Note.id))
        )
    return [{"note_id": n, "round_id": row.id, "rank": line.rank, "score": line.score, "at": at}
            for n in note_ids]  # fmt: skip


def _selected(session: Session, row: VoteRound, top: int) -> list[ResultLine]:
    """The result lines a promotion takes: the `top` first ranks that received votes, in the
    results' order, ties at the edge included. The one rule of "who is promoted": the
    promotions and their preview (`promotion_preview`) both go through it."""
    lines = _results_lines(session, row)
    return [line for line in lines if line.rank <= top and line.score > 0]


def _chosen(session: Session, row: VoteRound, top: int) -> list[ResultLine]:
    chosen = _selected(session, row, top)
    if not chosen:
        raise VoteError("Aucun élément n'a encore reçu de voix.", code="saisie_invalide")
    return chosen


def promotion_preview(ctx: Context, round_id: int, *, top: int = 3) -> list[ResultLine]:
    """The result lines that `promote_to_actions` would add to the action plan, and that
    `promote_to_projects` would make chantiers (less those that already are), read now: what
    the confirmation lists. Empty when no item has received votes yet."""
    return ctx.db.read(lambda session: _selected(session, _round(session, round_id), top))


def project_title(label: str) -> str:
    """A chantier's title from an item's text: on one line, at most 200 characters."""
    text = " ".join(label.split()) or "Chantier"
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def promote_to_projects(ctx: Context, round_id: int, *, top: int = 3) -> Change:
    """Make the `top` first items of the results chantiers (`Project`, status "idee") that
    the programme follows; ties at the edge come along, as for the action plan. An item
    already promoted (same post-it, or same title in the workshop) is not promoted twice.
    The promoted items' post-its become `retenue`, linked to their chantier.
    Undoable; `Change.ids` holds the new chantiers' ids."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _round(session, round_id)
        chosen = _chosen(session, row, top)
        existing = session.execute(
            select(ProjectRow.title, ProjectRow.source_note_id).where(
                ProjectRow.workshop_id == row.workshop_id
            )
        ).all()
        titles = {t.casefold() for t, _ in existing}
        notes = {n for _, n in existing if n is not None}
        now = ctx.clock()
        actions: list[Action] = []
        for line in chosen:
            kind, item_id = parse_item(line.key)
            title = project_title(line.label)
            source = item_id if kind == "note" else None
            if title.casefold() in titles or (source is not None and source in notes):
                continue
            titles.add(title.casefold())
            whole = line.label.strip()
            description = f"Issu du vote « {row.title} » (rang {line.rank})."
            if whole != title:  # the post-it's whole text when the title had to cut it
                description += "\n" + whole
            actions.append(
                ["project.insert", {"workshop_id": row.workshop_id, "title": title,
                                    "description": description, "status": "idee",
                                    "source_note_id": source, "created_at": now,
                                    "fates": _fates(session, row, line, now)}]
            )  # fmt: skip
        if not actions:
            raise VoteError("Ces éléments sont déjà des chantiers du programme.", code="conflit")
        return row.workshop_id, actions, f"Chantiers : {len(actions)} élément(s) du vote"

    return execute(ctx, op="projects.promote", topic=Topic.WORKSHOP, build=build)


def projects(ctx: Context, workshop_id: int) -> list[ProjectInfo]:
    """The workshop's chantiers, oldest first."""

    def work(session: Session) -> list[ProjectInfo]:
        return list(project_infos(session, workshop_id))

    return ctx.db.read(work)

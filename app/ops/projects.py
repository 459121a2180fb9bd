"""Chantiers followed after the workshop: status, owner, partners, dates, progress, a timeline
of dated entries; the programme's milestones ticked; and the lab-wide list of chantiers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.model import Cadrage
from app.domain.report import PROJECT_STATUSES
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute, mutation
from app.ops.votes.mutations import PROJECT_DATES, _day, _iso
from app.store.models import Milestone, Programme, Project, ProjectEntry, Workshop

PROJECT_CHANGES = ("status", "title", "description", "owner", "partners", "start_date",
                   "target_date", "progress")  # fmt: skip
MAX_OWNER = 200
MAX_ENTRY = 2000


@mutation("project.update")
def project_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """Change a chantier's fields: {id, changes} (dates in ISO form)."""
    row = session.get(Project, args["id"])
    if row is None:
        raise NotFound("Ce chantier n'existe plus.")
    changes = {k: v for k, v in args["changes"].items() if k in PROJECT_CHANGES}
    old = {k: _iso(getattr(row, k)) for k in changes}
    for key, value in changes.items():
        setattr(row, key, _day(value) if key in PROJECT_DATES else value)
    session.flush()
    return {"id": row.id, "changes": changes}, [["project.update", {"id": row.id, "changes": old}]]


@mutation("project_entry.insert")
def entry_insert(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A dated line of a chantier's timeline: {project_id, day (ISO), text, created_at}."""
    row = ProjectEntry(
        id=args.get("id"), project_id=args["project_id"], day=_day(args["day"]),
        text=args["text"], created_at=args["created_at"],
    )  # fmt: skip
    session.add(row)
    session.flush()
    return {**args, "id": row.id}, [["project_entry.delete", {"id": row.id}]]


@mutation("project_entry.delete")
def entry_delete(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    row = session.get(ProjectEntry, args["id"])
    if row is None:
        raise NotFound("Cette ligne du suivi n'existe plus.")
    snapshot = {"id": row.id, "project_id": row.project_id, "day": row.day.isoformat(),
                "text": row.text, "created_at": row.created_at}  # fmt: skip
    session.delete(row)
    session.flush()
    return {"id": row.id}, [["project_entry.insert", snapshot]]


@mutation("milestone.update")
def milestone_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    """A programme's milestone ticked (`done_at`, epoch seconds) or unticked (None)."""
    row = session.get(Milestone, args["id"])
    if row is None:
        raise NotFound("Ce jalon n'existe plus.")
    old = row.done_at
    row.done_at = args["done_at"]
    session.flush()
    return {"id": row.id, "done_at": row.done_at}, [
        ["milestone.update", {"id": row.id, "done_at": old}]
    ]


# -- operations ---------------------------------------------------------------------------------
def _project(session: Session, project_id: int) -> Project:
    row = session.get(Project, project_id)
    if row is None:
        raise NotFound("Le chantier n° {project_id} n'existe pas.", project_id=project_id)
    return row


def _status(status: str) -> str:
    if status not in PROJECT_STATUSES:
        known = ", ".join(PROJECT_STATUSES)
        raise InvalidInput(
            "Statut de chantier inconnu : {status} (statuts : {known}).",
            status=status[:40],
            known=known,
        )
    return status


def set_status(ctx: Context, project_id: int, status: str) -> Change:
    """Move a chantier along: idée → en incubation → en expérimentation → en déploiement…"""
    return update_project(ctx, project_id, status=status)


def create_project(
    ctx: Context, workshop_id: int, title: str, *, description: str = "", owner: str = ""
) -> Change:
    """A chantier the team opens by hand (not from a vote): status "idée". Undoable;
    `Change.ids` holds its id."""
    text = " ".join(clean_text(title, what="Le titre du chantier", limit=400).split())
    if not text:
        raise InvalidInput("Le titre du chantier ne peut pas être vide.")
    about = clean_text(description, what="Description du chantier").strip()
    who = " ".join(clean_text(owner, what="Le porteur", limit=MAX_OWNER).split())

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        from app.ops.mutations import get_workshop

        get_workshop(session, workshop_id)
        taken = session.scalar(
            select(Project.id).where(
                Project.workshop_id == workshop_id, func.lower(Project.title) == text[:200].lower()
            )
        )
        if taken is not None:
            raise InvalidInput(
                "Un chantier « {title} » existe déjà dans cet atelier.", title=text[:60]
            )
        insert = {"workshop_id": workshop_id, "title": text[:200], "description": about,
                  "status": "idee", "owner": who, "source_note_id": None,
                  "created_at": ctx.clock()}  # fmt: skip
        return workshop_id, [["project.insert", insert]], f"Nouveau chantier « {text[:40]} »"

    return execute(ctx, op="projects.create", topic=Topic.WORKSHOP, build=build)


def delete_project(ctx: Context, project_id: int) -> Change:
    """Remove a chantier (its timeline goes with it; its post-its go back to "nothing
    decided").
    Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _project(session, project_id)  # its mutation takes its post-its' fates along
        label = f"Supprimer le chantier « {row.title[:40]} »"
        return row.workshop_id, [["project.delete", {"id": row.id}]], label

    return execute(ctx, op="projects.delete", topic=Topic.WORKSHOP, build=build)


def partners_of(session: Session, workshop_id: int) -> list[str]:
    """The cadrage's partners of a workshop (one organisation a line)."""
    cadrage = session.scalar(select(Workshop.cadrage).where(Workshop.id == workshop_id))
    return Cadrage.from_dict(cadrage or {}).partner_list()


def _partners(session: Session, workshop_id: int, chosen: list[str]) -> list[str]:
    """The partners chosen, spelt as the cadrage spells them; unknown ones refused."""
    known = {p.casefold(): p for p in partners_of(session, workshop_id)}
    out: list[str] = []
    for name in chosen:
        found = known.get(" ".join(str(name).split()).casefold())
        if found is None:
            listed = ", ".join(known.values()) or "aucun : complétez le cadrage"
            raise InvalidInput(
                "« {name} » n'est pas un partenaire du cadrage (partenaires : {listed}).",
                name=str(name)[:60],
                listed=listed,
            )
        if found not in out:
            out.append(found)
    return out


UNSET: Any = object()


def update_project(
    ctx: Context,
    project_id: int,
    *,
    title: str | None = None,
    description: str | None = None,
    status: str | None = None,
    owner: str | None = None,
    partners: list[str] | None = None,
    start_date: date | None = UNSET,
    target_date: date | None = UNSET,
    progress: int | None = None,
) -> Change:
    """Change what is followed of a chantier (only the fields given). Partners are chosen
    among the cadrage's; progress is a percentage (0 to 100); the target date is not before
    the start. Undoable."""
    changes: dict[str, Any] = {}
    if title is not None:
        text = " ".join(title.split())
        if not text:
            raise InvalidInput("Le titre du chantier ne peut pas être vide.")
        changes["title"] = text[:200]
    if description is not None:
        changes["description"] = clean_text(description, what="Description du chantier")
    if status is not None:
        changes["status"] = _status(status)
    if owner is not None:
        changes["owner"] = " ".join(owner.split())[:MAX_OWNER]
    if progress is not None:
        if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
            raise InvalidInput(
                "L'avancement est un pourcentage entier de 0 à 100 ({progress}).", progress=progress
            )
        changes["progress"] = progress
    for key, value in (("start_date", start_date), ("target_date", target_date)):
        if value is not UNSET:
            if value is not None and not isinstance(value, date):
                raise InvalidInput("Date invalide : attendue au format AAAA-MM-JJ.")
            changes[key] = _iso(value)

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _project(session, project_id)
        if partners is not None:
            changes["partners"] = _partners(session, row.workshop_id, partners)
        start = _day(changes.get("start_date", _iso(row.start_date)))
        target = _day(changes.get("target_date", _iso(row.target_date)))
        if start is not None and target is not None and target < start:
            raise InvalidInput("La date visée est avant la date de début du chantier.")
        if not changes:
            raise InvalidInput("Rien à changer.")
        if set(changes) == {"status"}:
            label = f"Chantier « {row.title[:40]} » : {PROJECT_STATUSES[changes['status']].lower()}"
        else:
            label = f"Modifier le chantier « {row.title[:40]} »"
        return row.workshop_id, [["project.update", {"id": row.id, "changes": changes}]], label

    return execute(ctx, op="projects.update", topic=Topic.WORKSHOP, build=build)


def add_entry(ctx: Context, project_id: int, day: date, text: str) -> Change:
    """A dated line in a chantier's timeline ("comité du 12 mars : financement acquis")."""
    body = clean_text(text, what="Ligne de suivi", limit=MAX_ENTRY, required=True).strip()
    if not isinstance(day, date):
        raise InvalidInput("Date invalide : attendue au format AAAA-MM-JJ.")

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _project(session, project_id)
        insert = {"project_id": row.id, "day": day.isoformat(), "text": body,
                  "created_at": ctx.clock()}  # fmt: skip
        return row.workshop_id, [["project_entry.insert", insert]], f"Suivi de « {row.title[:40]} »"

    return execute(ctx, op="projects.add_entry", topic=Topic.WORKSHOP, build=build)


def remove_entry(ctx: Context, entry_id: int) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        entry = session.get(ProjectEntry, entry_id)
        if entry is None:
            raise NotFound("Cette ligne du suivi n'existe plus.")
        row = _project(session, entry.project_id)
        label = f"Retirer une ligne du suivi de « {row.title[:40]} »"
        return row.workshop_id, [["project_entry.delete", {"id": entry.id}]], label

    return execute(ctx, op="projects.remove_entry", topic=Topic.WORKSHOP, build=build)


def tick_milestone(
    ctx: Context, milestone_id: int, done: bool = True, *, at: float | None = None
) -> Change:
    """Tick a programme's milestone (dated `at`, now by default) or untick it. Undoable."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = session.get(Milestone, milestone_id)
        if row is None:
            raise NotFound("Ce jalon n'existe plus.")
        workshop_id = session.scalar(
            select(Programme.workshop_id).where(Programme.id == row.programme_id)
        )
        when = (at if at is not None else ctx.clock()) if done else None
        label = f"Jalon « {row.title[:40]} » {'atteint' if done else 'à atteindre'}"
        return workshop_id, [["milestone.update", {"id": row.id, "done_at": when}]], label

    return execute(ctx, op="projects.milestone", topic=Topic.WORKSHOP, build=build)


# -- reads ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EntryInfo:
    id: int
    day: date
    text: str


@dataclass(frozen=True, slots=True)
class ChantierInfo:
    """A chantier as the lab follows it, with the workshop it came from."""

    id: int
    workshop_id: int
    workshop_title: str
    workshop_date: date | None
    title: str
    description: str
    status: str
    owner: str
    partners: tuple[str, ...]
    start_date: date | None
    target_date: date | None
    progress: int
    entries: tuple[EntryInfo, ...] = ()

    @property
    def status_label(self) -> str:
        return PROJECT_STATUSES.get(self.status, self.status)


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CHANTIER_COLUMNS = (
    Project.id, Project.workshop_id, Workshop.title, Workshop.start_date, Project.title,
    Project.description, Project.status, Project.owner, Project.partners, Project.start_date,
    Project.target_date, Project.progress,
)  # fmt: skip


def _chantiers(session: Session, query: Any, with_entries: bool) -> list[ChantierInfo]:
    rows = session.execute(query).all()
    entries: dict[int, list[EntryInfo]] = {}
    if with_entries and rows:
        ids = [r[0] for r in rows]
        for e in session.execute(
            select(ProjectEntry.project_id, ProjectEntry.id, ProjectEntry.day, ProjectEntry.text)
            .where(ProjectEntry.project_id.in_(ids))
            .order_by(ProjectEntry.day, ProjectEntry.id)
        ):
            entries.setdefault(e[0], []).append(EntryInfo(e[1], e[2], e[3]))
    return [
        ChantierInfo(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            tuple(r[8] or ()),
            r[9],
            r[10],
            r[11],
            tuple(entries.get(r[0], ())),
        )
        for r in rows
    ]


def chantiers(ctx: Context, workshop_id: int) -> list[ChantierInfo]:
    """A workshop's chantiers with their timelines, oldest first."""
    query = (
        select(*_CHANTIER_COLUMNS)
        .join(Workshop, Workshop.id == Project.workshop_id)
        .where(Project.workshop_id == workshop_id)
        .order_by(Project.id)
    )
    return ctx.db.read(lambda session: _chantiers(session, query, True))


def all_chantiers(
    ctx: Context, *, status: str | None = None, partner: str | None = None, text: str | None = None
) -> list[ChantierInfo]:
    """Every chantier of the lab, across workshops (rehearsals left out), newest workshop
    first: optionally of one status, with one partner, or whose title, description or owner
    contains `text` (case and accents ignored). Without timelines (`chantiers` has them)."""
    if status is not None:
        _status(status)
    query = (
        select(*_CHANTIER_COLUMNS)
        .join(Workshop, Workshop.id == Project.workshop_id)
        .where(Workshop.rehearsal_of.is_(None))
        .order_by(Workshop.start_date.desc().nulls_last(), Workshop.id.desc(), Project.id)
    )
    if status is not None:
        query = query.where(Project.status == status)
    found = ctx.db.read(lambda session: _chantiers(session, query, False))
    if partner:
        wanted = _fold(" ".join(partner.split()))
        found = [c for c in found if any(_fold(p) == wanted for p in c.partners)]
    if text:
        needle = _fold(" ".join(text.split()))
        found = [
            c for c in found
            if needle in _fold(c.title) or needle in _fold(c.description) or needle in _fold(c.owner)
        ]  # fmt: skip
    return found

"""Workshop operations: create from a format, rename, duplicate, archive, delete, cadrage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.agenda import MAX_TITLE_CHARS, clean_text
from app.domain.model import (
    CADRAGE_KEYS,
    CADRAGE_MAX_CHARS,
    EXPECTED,
    EXPECTED_MAX,
    Cadrage,
    Status,
)
from app.errors import InvalidInput
from app.events import Topic
from app.library import Format
from app.ops import mutations as _mutations  # noqa: F401  (registers the mutations)
from app.ops.base import Action, Change, Context, Step, execute, perform
from app.ops.mutations import get_workshop
from app.store.models import (
    Block,
    IdempotentRequest,
    JournalEntry,
    Milestone,
    Phase,
    Programme,
    Workshop,
)


def _title(value: object) -> str:
    title = clean_text(value, what="Titre", limit=MAX_TITLE_CHARS, required=True).strip()
    return " ".join(title.split())


def _format(ctx: Context, key: str) -> Format:
    fmt = ctx.library.format(key)
    if fmt is None:
        known = ", ".join(sorted(ctx.library.formats)) or "aucun"
        raise InvalidInput(
            "Format inconnu « {key} » (formats disponibles : {known}).", key=key, known=known
        )
    return fmt


LANGS = ("fr", "en")  # the languages a workshop's agenda may be copied in from its format


def _lang(value: str) -> str:
    if value not in LANGS:
        raise InvalidInput(
            "Langue inconnue « {value} » (langues disponibles : fr, en).", value=value
        )
    return value


def _in(lang: str, french: str, english: str) -> str:
    """A format's text in `lang`: its English when there is one and English is asked."""
    return english if lang == "en" and english else french


def _add_agenda(session: Session, workshop: Workshop, fmt: Format, lang: str = "fr") -> None:
    start = workshop.start_date
    for number, block_t in enumerate(fmt.blocks, start=1):
        day = None
        if start is not None:  # 3 jours: consecutive days; 3 mois: the week's first day
            offset = (block_t.week - 1) * 7 if block_t.week else number - 1
            day = start + timedelta(days=offset)
        block = Block(
            workshop_id=workshop.id,
            number=number,
            title=_in(lang, block_t.title, block_t.title_en),
            week=block_t.week,
            day=day,
        )
        session.add(block)
        session.flush()
        for position, phase_t in enumerate(block_t.phases):
            session.add(
                Phase(
                    workshop_id=workshop.id,
                    block_id=block.id,
                    position=position,
                    title=_in(lang, phase_t.title, phase_t.title_en),
                    method_key=phase_t.method,
                    planned_minutes=phase_t.minutes,
                    kind=phase_t.kind,
                    instructions=_in(lang, phase_t.instructions, phase_t.instructions_en),
                    notes=_in(lang, phase_t.notes, phase_t.notes_en),
                )
            )
    if fmt.milestones:
        programme = Programme(workshop_id=workshop.id, start_date=workshop.start_date)
        session.add(programme)
        session.flush()
        for m in fmt.milestones:
            title = _in(lang, m.title, m.title_en)
            session.add(Milestone(programme_id=programme.id, title=title, week=m.week))


def create_workshop(
    ctx: Context,
    *,
    format_key: str,
    title: str,
    place: str = "",
    start_date: date | None = None,
    lang: str = "fr",
) -> Change:
    """A new workshop with the format's agenda (and, for a programme, its sessions and milestones),
    its titles and instructions in `lang` ("fr", or "en" for a workshop run in English)."""
    fmt = _format(ctx, format_key)
    lang = _lang(lang)
    clean_title = _title(title)
    clean_place = clean_text(place, what="Lieu", limit=200).strip()

    def build(session: Session) -> Step:
        now = ctx.clock()
        workshop = Workshop(
            title=clean_title,
            format_key=fmt.key,
            status=Status.DRAFT.value,
            cadrage=Cadrage().to_dict(),
            place=clean_place,
            start_date=start_date,
            block_label=_in(lang, fmt.block_label, fmt.block_label_en),
            block_minutes=fmt.block_minutes,
            created_at=now,
            updated_at=now,
        )
        session.add(workshop)
        session.flush()
        _add_agenda(session, workshop, fmt, lang)
        return Step(
            workshop.id,
            label=f"Création de « {clean_title} »",
            applied=[
                [
                    "workshop.create",
                    {"id": workshop.id, "format_key": fmt.key, "title": clean_title},
                ]
            ],
        )

    return _whole(ctx, "workshop.create", build)


def _whole(ctx: Context, op: str, build: Callable[[Session], Step]) -> Change:
    """An operation on a whole workshop (create, copy, delete, import): its journal entry
    names it (`workshop.*`, no registered mutation: a replica is made of one workshop that
    exists, it never replays one), not undoable."""
    change = perform(ctx, op=op, topic=Topic.WORKSHOPS, build=build, undoable=False).change
    assert change is not None
    return change


def _update(
    ctx: Context,
    workshop_id: int,
    op: str,
    label: str,
    changes: dict[str, Any],
    topic: Topic = Topic.WORKSHOPS,
) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        workshop = get_workshop(session, workshop_id)
        workshop.updated_at = ctx.clock()
        return workshop.id, [["workshop.update", {"id": workshop.id, "changes": changes}]], label

    return execute(ctx, op=op, topic=topic, build=build, undoable=False)


def rename_workshop(ctx: Context, workshop_id: int, title: str) -> Change:
    clean = _title(title)
    return _update(ctx, workshop_id, "workshop.rename", f"Renommé en « {clean} »", {"title": clean})


def update_details(
    ctx: Context, workshop_id: int, *, place: str | None = None, start_date: date | str | None = ""
) -> Change:
    changes: dict[str, Any] = {}
    if place is not None:
        changes["place"] = clean_text(place, what="Lieu", limit=200).strip()
    if start_date != "":
        changes["start_date"] = start_date.isoformat() if isinstance(start_date, date) else None
    return _update(ctx, workshop_id, "workshop.details", "Lieu et date", changes, Topic.WORKSHOP)


def update_cadrage(ctx: Context, workshop_id: int, **fields: str) -> Change:
    """Save some fields of the cadrage as typed (the rest is kept)."""
    unknown = set(fields) - set(CADRAGE_KEYS)
    if unknown:
        raise InvalidInput("Champ de cadrage inconnu : {items}.", items=", ".join(sorted(unknown)))
    cleaned = {k: clean_text(v, what="Cadrage", limit=CADRAGE_MAX_CHARS) for k, v in fields.items()}
    if EXPECTED in cleaned:
        expected = cleaned[EXPECTED].strip()
        if expected and not (expected.isdigit() and 0 < int(expected) <= EXPECTED_MAX):
            raise InvalidInput(
                "Nombre de participants attendus : un nombre entier de 1 à {EXPECTED_MAX}, ou rien s'il n'est pas connu.",
                EXPECTED_MAX=EXPECTED_MAX,
            )
        cleaned[EXPECTED] = str(int(expected)) if expected else ""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        workshop = get_workshop(session, workshop_id)
        workshop.updated_at = ctx.clock()
        merged = {**Cadrage.from_dict(workshop.cadrage).to_dict(), **cleaned}
        return (
            workshop.id,
            [["workshop.update", {"id": workshop.id, "changes": {"cadrage": merged}}]],
            "Cadrage",
        )

    return execute(ctx, op="workshop.cadrage", topic=Topic.WORKSHOP, build=build, undoable=False)


def set_status(ctx: Context, workshop_id: int, status: Status) -> Change:
    label = {Status.ARCHIVED: "Archivé", Status.DRAFT: "Remis en préparation"}.get(
        status, status.value
    )
    return _update(ctx, workshop_id, "workshop.status", label, {"status": status.value})


def archive_workshop(ctx: Context, workshop_id: int) -> Change:
    return set_status(ctx, workshop_id, Status.ARCHIVED)


def unarchive_workshop(ctx: Context, workshop_id: int) -> Change:
    return set_status(ctx, workshop_id, Status.DRAFT)


def duplicate_workshop(ctx: Context, workshop_id: int, title: str | None = None) -> Change:
    """Reuse a workshop as a template: same cadrage and agenda, nothing of the live session."""

    def build(session: Session) -> Step:
        src = get_workshop(session, workshop_id)
        now = ctx.clock()
        new_title = _title(title) if title else _title(f"{src.title} (copie)"[:MAX_TITLE_CHARS])
        copy = Workshop(
            title=new_title,
            format_key=src.format_key,
            status=Status.DRAFT.value,
            cadrage=dict(src.cadrage),
            place=src.place,
            start_date=None,
            block_label=src.block_label,
            block_minutes=src.block_minutes,
            created_at=now,
            updated_at=now,
        )
        session.add(copy)
        session.flush()
        for block in src.blocks:
            new_block = Block(
                workshop_id=copy.id, number=block.number, title=block.title, week=block.week
            )
            session.add(new_block)
            session.flush()
            for p in block.phases:
                session.add(
                    Phase(
                        workshop_id=copy.id,
                        block_id=new_block.id,
                        position=p.position,
                        title=p.title,
                        method_key=p.method_key,
                        planned_minutes=p.planned_minutes,
                        kind=p.kind,
                        instructions=p.instructions,
                        notes=p.notes,
                    )
                )
        if src.programme is not None:
            programme = Programme(workshop_id=copy.id)
            session.add(programme)
            session.flush()
            for m in src.programme.milestones:
                session.add(Milestone(programme_id=programme.id, title=m.title, week=m.week))
        return Step(
            copy.id,
            label=f"Copie de « {src.title} »",
            applied=[["workshop.duplicate", {"id": copy.id, "source": src.id, "title": new_title}]],
            ids=(copy.id,),
        )

    return _whole(ctx, "workshop.duplicate", build)


def forget_history(session: Session, workshop_id: int, keep: int | None = None) -> None:
    """A deleted workshop's journal entries (names, post-its) but `keep` (the deletion's own,
    journalled first: its sequence is then above those that go, so a sequence is never given
    twice; SQLite would reuse the last one's) and the phones' remembered answers."""
    gone = delete(JournalEntry).where(JournalEntry.workshop_id == workshop_id)
    if keep is not None:
        gone = gone.where(JournalEntry.seq != keep)
    session.execute(gone)
    session.execute(delete(IdempotentRequest).where(IdempotentRequest.key.like(f"{workshop_id}:%")))


def delete_workshop(ctx: Context, workshop_id: int, *, from_backups: bool = False) -> Change:
    """Delete for good (the window asks for confirmation), with its journal and idempotency
    rows; the journal keeps the deletion's trace (its title). `from_backups`: the rotating
    backups lose it too (the retention's purge); otherwise they keep it until they rotate,
    the one way back from a mistaken deletion."""

    def build(session: Session) -> Step:
        workshop = get_workshop(session, workshop_id)
        title = workshop.title
        session.delete(workshop)
        return Step(
            workshop_id,
            label=f"Suppression de « {title} »",
            applied=[["workshop.delete", {"id": workshop_id, "title": title}]],
            after=lambda session, entry: forget_history(session, workshop_id, keep=entry.seq),
        )

    change = _whole(ctx, "workshop.delete", build)
    if from_backups:

        def forget(session: Session) -> None:
            found = session.get(Workshop, workshop_id)
            if found is not None:
                session.delete(found)
            forget_history(session, workshop_id)

        ctx.db.rewrite_backups(forget)
    ctx.db.forget_freed()
    return change


def workshop_ids(ctx: Context) -> list[int]:
    return ctx.db.read(lambda s: list(s.scalars(select(Workshop.id).order_by(Workshop.id))))

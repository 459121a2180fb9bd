"""Operations on both backends: workshops, agenda, journal, undo/redo, events, demo, hostile text."""

from __future__ import annotations

import string
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.agenda import MAX_TITLE_CHARS
from app.domain.model import CADRAGE_KEYS, PhaseKind, Status, WorkshopDetail
from app.errors import InvalidInput, NotFound
from app.events import Event, Topic
from app.ops import agenda, workshops
from app.ops.base import Context, redo, undo
from app.ops.demo import create_demo
from app.ops.queries import journal_entries, list_workshops, workshop_detail
from app.store.db import Database
from app.store.models import (
    Action,
    Block,
    CheckIn,
    Cluster,
    Feedback,
    JournalEntry,
    Milestone,
    Note,
    Participant,
    Phase,
    Project,
    Vote,
    VoteRound,
)

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt"  # from shared/data

# -- helpers ---------------------------------------------------------------------------------


def journal(ctx: Context) -> list[JournalEntry]:
    return ctx.db.read(lambda s: list(s.scalars(select(JournalEntry).order_by(JournalEntry.seq))))


def snapshot(ctx: Context, workshop_id: int) -> tuple[Any, ...]:
    """The agenda as comparable values: blocks, and their phases in order with every field."""

    def read(s: Any) -> tuple[Any, ...]:
        blocks = s.scalars(
            select(Block.id).where(Block.workshop_id == workshop_id).order_by(Block.number)
        ).all()
        phases = s.scalars(
            select(Phase).where(Phase.workshop_id == workshop_id).order_by(Phase.position)
        ).all()
        return tuple(
            (
                block_id,
                tuple(
                    (
                        p.id,
                        p.position,
                        p.title,
                        p.planned_minutes,
                        p.kind,
                        p.method_key,
                        p.instructions,
                        p.notes,
                    )
                    for p in phases
                    if p.block_id == block_id
                ),
            )
            for block_id in blocks
        )

    return ctx.db.read(read)


def assert_positions_contiguous(agenda_or_detail: WorkshopDetail | tuple[Any, ...]) -> None:
    if isinstance(agenda_or_detail, WorkshopDetail):
        for block in agenda_or_detail.blocks:
            assert [p.position for p in block.phases] == list(range(len(block.phases)))
        return
    for _, phases in agenda_or_detail:
        assert [p[1] for p in phases] == list(range(len(phases)))


def first_block(ctx: Context, workshop_id: int) -> int:
    return workshop_detail(ctx, workshop_id).blocks[0].id


@pytest.fixture
def events(ctx: Context) -> Iterator[list[Event]]:
    received: list[Event] = []
    unsubscribe = ctx.bus.subscribe(received.append)
    yield received
    unsubscribe()


@pytest.fixture
def workshop(ctx: Context) -> int:
    wid = workshops.create_workshop(ctx, format_key="3j", title="Atelier d'essai").workshop_id
    assert wid is not None
    return wid


# -- creating from each format ---------------------------------------------------------------


@pytest.mark.parametrize("format_key", ["3h", "3j", "3m"])
def test_create_from_format_copies_its_agenda(ctx: Context, format_key: str) -> None:
    fmt = ctx.library.format(format_key)
    assert fmt is not None
    change = workshops.create_workshop(
        ctx, format_key=format_key, title="  Mobilité   des agents ", place="LaBase"
    )
    detail = workshop_detail(ctx, change.workshop_id)
    assert detail.title == "Mobilité des agents"
    assert detail.place == "LaBase"
    assert detail.format_key == format_key
    assert detail.format_name == fmt.name
    assert detail.status is Status.DRAFT
    assert detail.block_label == fmt.block_label
    assert detail.block_minutes == fmt.block_minutes
    assert [(b.number, b.title, b.week) for b in detail.blocks] == [
        (i, b.title, b.week) for i, b in enumerate(fmt.blocks, start=1)
    ]
    for block, template in zip(detail.blocks, fmt.blocks, strict=True):
        assert [
            (p.title, p.method_key, p.planned_minutes, p.kind.value, p.instructions, p.notes)
            for p in block.phases
        ] == [
            (t.title, t.method, t.minutes, t.kind, t.instructions, t.notes) for t in template.phases
        ]
        assert block.planned_minutes == fmt.block_minutes
    assert_positions_contiguous(detail)
    assert [(m.title, m.week, m.done) for m in detail.milestones] == [
        (m.title, m.week, False) for m in fmt.milestones
    ]
    assert not detail.can_undo and not detail.can_redo  # a creation is not undone, it is deleted


def test_three_months_is_a_programme(ctx: Context) -> None:
    wid = workshops.create_workshop(ctx, format_key="3m", title="Programme").workshop_id
    detail = workshop_detail(ctx, wid)
    assert len(detail.blocks) >= 4
    weeks = [b.week for b in detail.blocks]
    assert all(isinstance(w, int) for w in weeks)
    assert weeks == sorted(weeks) and len(set(weeks)) == len(weeks)
    assert len(detail.milestones) >= 3
    assert all(1 <= m.week <= 16 for m in detail.milestones)


def test_three_hours_and_three_days_have_no_milestones(ctx: Context) -> None:
    short = workshops.create_workshop(ctx, format_key="3h", title="Court").workshop_id
    days = workshops.create_workshop(ctx, format_key="3j", title="Jours").workshop_id
    assert len(workshop_detail(ctx, short).blocks) == 1
    assert len(workshop_detail(ctx, days).blocks) == 3
    assert workshop_detail(ctx, short).milestones == ()
    assert workshop_detail(ctx, days).milestones == ()


def test_unknown_format_and_bad_title_are_refused(ctx: Context) -> None:
    with pytest.raises(InvalidInput, match="Format inconnu « 9x »"):
        workshops.create_workshop(ctx, format_key="9x", title="T")
    with pytest.raises(InvalidInput, match="ne peut pas être vide"):
        workshops.create_workshop(ctx, format_key="3h", title=" \t\n ")
    with pytest.raises(InvalidInput, match=f"{MAX_TITLE_CHARS} caractères au plus"):
        workshops.create_workshop(ctx, format_key="3h", title="x" * (MAX_TITLE_CHARS + 1))
    assert journal(ctx) == []
    assert list_workshops(ctx, include_archived=True) == []


# -- workshop operations ---------------------------------------------------------------------


def test_rename(ctx: Context, workshop: int, events: list[Event]) -> None:
    change = workshops.rename_workshop(ctx, workshop, "Nouveau\tnom ")
    assert workshop_detail(ctx, workshop).title == "Nouveau nom"
    assert [w.title for w in list_workshops(ctx)] == ["Nouveau nom"]
    assert events == [Event(Topic.WORKSHOPS, "workshop.rename", workshop, change.seq, (workshop,))]
    assert journal(ctx)[-1].label == "Renommé en « Nouveau nom »"


def test_duplicate_copies_cadrage_agenda_and_milestones(ctx: Context) -> None:
    src = workshops.create_workshop(
        ctx, format_key="3m", title="Modèle", start_date=None, place="Mérignac"
    ).workshop_id
    workshops.update_cadrage(ctx, src, why="Parce que", partners="A\nB")
    agenda.add_phase(ctx, first_block(ctx, src), title="En plus", minutes=7)
    copy_id = workshops.duplicate_workshop(ctx, src).workshop_id
    assert copy_id != src
    a, b = workshop_detail(ctx, src), workshop_detail(ctx, copy_id)
    assert b.title == "Modèle (copie)"
    assert b.status is Status.DRAFT
    assert b.cadrage == a.cadrage
    assert b.place == "Mérignac"

    def shape(d: WorkshopDetail) -> Any:
        return [
            (
                bl.number,
                bl.title,
                bl.week,
                [(p.title, p.planned_minutes, p.kind) for p in bl.phases],
            )
            for bl in d.blocks
        ]

    assert shape(b) == shape(a)
    assert [(m.title, m.week) for m in b.milestones] == [(m.title, m.week) for m in a.milestones]
    # nothing is shared: changing the copy leaves the source alone
    agenda.remove_phase(ctx, b.blocks[0].phases[0].id)
    assert shape(workshop_detail(ctx, src)) == shape(a)
    named = workshops.duplicate_workshop(ctx, src, title="Deuxième édition").workshop_id
    assert workshop_detail(ctx, named).title == "Deuxième édition"


def test_archive_and_unarchive(ctx: Context, workshop: int, events: list[Event]) -> None:
    other = workshops.create_workshop(ctx, format_key="3h", title="Reste visible").workshop_id
    workshops.archive_workshop(ctx, workshop)
    assert [w.id for w in list_workshops(ctx)] == [other]
    archived = {w.id: w.status for w in list_workshops(ctx, include_archived=True)}
    assert archived == {workshop: Status.ARCHIVED, other: Status.DRAFT}
    workshops.unarchive_workshop(ctx, workshop)
    assert {w.id for w in list_workshops(ctx)} == {workshop, other}
    assert workshop_detail(ctx, workshop).status is Status.DRAFT
    assert [(e.topic, e.op) for e in events][-2:] == [
        (Topic.WORKSHOPS, "workshop.status"),
        (Topic.WORKSHOPS, "workshop.status"),
    ]


def test_list_search(ctx: Context) -> None:
    workshops.create_workshop(ctx, format_key="3h", title="Vélo à Bègles", place="Bègles")
    workshops.create_workshop(ctx, format_key="3h", title="Covoiturage", place="Cenon")
    assert [w.title for w in list_workshops(ctx, search="VÉLO")] == ["Vélo à Bègles"]
    assert [w.title for w in list_workshops(ctx, search="cenon")] == ["Covoiturage"]
    assert list_workshops(ctx, search="rien de tel") == []


def test_delete_removes_everything_but_the_journal_trace(ctx: Context, events: list[Event]) -> None:
    wid = workshops.create_workshop(ctx, format_key="3m", title="À supprimer").workshop_id
    keep = workshops.create_workshop(ctx, format_key="3h", title="À garder").workshop_id
    change = workshops.delete_workshop(ctx, wid)
    with pytest.raises(NotFound, match="n'existe pas"):
        workshop_detail(ctx, wid)
    assert [w.id for w in list_workshops(ctx, include_archived=True)] == [keep]

    def leftovers(s: Any) -> list[int]:
        return [
            s.scalar(select(func.count()).select_from(Block).where(Block.workshop_id == wid)),
            s.scalar(select(func.count()).select_from(Phase).where(Phase.workshop_id == wid)),
            s.scalar(select(func.count()).select_from(Milestone)),
        ]

    assert ctx.db.read(leftovers) == [0, 0, 0]  # the 3 heures one kept has no milestone
    assert journal(ctx)[-1].op == "workshop.delete"
    assert journal(ctx)[-1].label == "Suppression de « À supprimer »"
    assert events[-1] == Event(Topic.WORKSHOPS, "workshop.delete", wid, change.seq, (wid,))
    with pytest.raises(NotFound):
        workshops.delete_workshop(ctx, wid)


def test_cadrage_update_merges_fields(ctx: Context, workshop: int, events: list[Event]) -> None:
    workshops.update_cadrage(ctx, workshop, owners="DRH", why="Trop de voitures")
    change = workshops.update_cadrage(ctx, workshop, why="Parce que\nvoilà", scope="")
    cadrage = workshop_detail(ctx, workshop).cadrage
    assert cadrage.owners == "DRH"
    assert cadrage.why == "Parce que\nvoilà"
    assert cadrage.scope == ""
    assert events[-1] == Event(
        Topic.WORKSHOP, "workshop.cadrage", workshop, change.seq, (workshop,)
    )
    before = len(journal(ctx))
    with pytest.raises(InvalidInput, match="Champ de cadrage inconnu : budget"):
        workshops.update_cadrage(ctx, workshop, budget="1 €")
    with pytest.raises(InvalidInput, match="5000 caractères au plus"):
        workshops.update_cadrage(ctx, workshop, why="x" * 5001)
    assert len(journal(ctx)) == before
    assert workshop_detail(ctx, workshop).cadrage == cadrage


def test_update_details(ctx: Context, workshop: int) -> None:
    from datetime import date

    workshops.update_details(ctx, workshop, place="Cenon", start_date=date(2027, 3, 4))
    detail = workshop_detail(ctx, workshop)
    assert (detail.place, detail.start_date) == ("Cenon", date(2027, 3, 4))
    workshops.update_details(ctx, workshop, start_date=None)
    assert workshop_detail(ctx, workshop).start_date is None
    assert workshop_detail(ctx, workshop).place == "Cenon"


def test_missing_workshop_is_not_found_and_not_journaled(ctx: Context) -> None:
    for op in (
        lambda: workshops.rename_workshop(ctx, 999, "x"),
        lambda: workshops.archive_workshop(ctx, 999),
        lambda: workshops.update_cadrage(ctx, 999, why="x"),
        lambda: workshops.duplicate_workshop(ctx, 999),
        lambda: workshop_detail(ctx, 999),
    ):
        with pytest.raises(NotFound) as caught:
            op()
        assert caught.value.message == "L'atelier n° 999 n'existe pas (ou a été supprimé)."
        assert caught.value.code == "introuvable"
    assert journal(ctx) == []


# -- agenda operations -----------------------------------------------------------------------


def test_add_phase_from_method_blank_and_break(ctx: Context, workshop: int) -> None:
    block = first_block(ctx, workshop)
    method = next(iter(ctx.library.methods.values()))
    n = len(workshop_detail(ctx, workshop).blocks[0].phases)
    from_method = agenda.add_phase(ctx, block, method_key=method.key)
    blank = agenda.add_phase(ctx, block, position=0)
    pause = agenda.add_phase(ctx, block, kind=PhaseKind.BREAK, position=2)
    phases = workshop_detail(ctx, workshop).blocks[0].phases
    assert len(phases) == n + 3
    by_id = {p.id: p for p in phases}
    m = by_id[from_method.ids[0]]
    assert (m.title, m.method_key, m.planned_minutes, m.instructions) == (
        method.name,
        method.key,
        method.default_minutes,
        method.summary,
    )
    assert method.duration_min <= m.planned_minutes <= method.duration_max
    assert m.position == n + 2  # appended, then shifted by the two inserted before it
    b = by_id[blank.ids[0]]
    assert (b.position, b.title, b.planned_minutes, b.method_key) == (
        0,
        "Nouvelle séquence",
        15,
        None,
    )
    p = by_id[pause.ids[0]]
    assert (p.position, p.title, p.kind) == (2, "Pause", PhaseKind.BREAK)
    assert_positions_contiguous(workshop_detail(ctx, workshop))
    with pytest.raises(InvalidInput, match="Méthode inconnue « nimporte »"):
        agenda.add_phase(ctx, block, method_key="nimporte")


def test_remove_and_move_phase(ctx: Context, workshop: int) -> None:
    detail = workshop_detail(ctx, workshop)
    day1, day2 = detail.blocks[0], detail.blocks[1]
    first, second, third = day1.phases[:3]
    agenda.remove_phase(ctx, second.id)
    ids = [p.id for p in workshop_detail(ctx, workshop).blocks[0].phases]
    assert second.id not in ids and ids[:2] == [first.id, third.id]

    agenda.move_phase(ctx, first.id, 99)  # past the end: goes last
    ids = [p.id for p in workshop_detail(ctx, workshop).blocks[0].phases]
    assert ids[-1] == first.id and ids[0] == third.id

    agenda.move_phase(ctx, first.id, 1, block_id=day2.id)  # to another day
    after = workshop_detail(ctx, workshop)
    assert first.id not in [p.id for p in after.blocks[0].phases]
    assert [p.id for p in after.blocks[1].phases][1] == first.id
    assert_positions_contiguous(after)

    with pytest.raises(InvalidInput, match="Position invalide"):
        agenda.move_phase(ctx, first.id, -1)
    other = workshops.create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    with pytest.raises(InvalidInput, match="changer d'atelier"):
        agenda.move_phase(ctx, first.id, 0, block_id=first_block(ctx, other))
    with pytest.raises(NotFound, match="n'existe plus"):
        agenda.remove_phase(ctx, second.id)


def test_set_minutes_and_update_phase(ctx: Context, workshop: int) -> None:
    phase = workshop_detail(ctx, workshop).blocks[0].phases[0]
    agenda.set_phase_minutes(ctx, phase.id, 720)
    agenda.update_phase(
        ctx, phase.id, title="Accueil\r\ncafé", notes="Clés\u00a0: salle 2", kind="break"
    )
    updated = workshop_detail(ctx, workshop).blocks[0].phases[0]
    assert updated.planned_minutes == 720
    assert updated.title == "Accueil\ncafé"
    assert updated.notes == "Clés\u00a0: salle 2"
    assert updated.kind is PhaseKind.BREAK
    assert journal(ctx)[-2].label == f"Durée de « {phase.title} »"
    for bad in ({"color": "rouge"}, {"kind": "sieste"}, {"method_key": "inconnue"}):
        with pytest.raises(InvalidInput):
            agenda.update_phase(ctx, phase.id, **bad)


@pytest.mark.parametrize("minutes", [0, -5, 721, 10_000, 1.5, "30", None, True])
def test_invalid_minutes_change_nothing(ctx: Context, workshop: int, minutes: Any) -> None:
    phase = workshop_detail(ctx, workshop).blocks[0].phases[0]
    block = first_block(ctx, workshop)
    before_journal = len(journal(ctx))
    before_agenda = snapshot(ctx, workshop)
    attempts: list[Callable[[], object]] = [
        lambda: agenda.set_phase_minutes(ctx, phase.id, minutes),
        lambda: agenda.update_phase(ctx, phase.id, planned_minutes=minutes),
    ]
    if minutes is not None:  # None means "the method's default" when adding
        attempts.append(lambda: agenda.add_phase(ctx, block, minutes=minutes))
    for attempt in attempts:
        with pytest.raises(InvalidInput) as caught:
            attempt()
        assert caught.value.code == "saisie_invalide"
        assert caught.value.message in (
            "Une séquence dure de 1 minute à 12 heures (720 minutes).",
            "La durée doit être un nombre entier de minutes.",
        )
    assert len(journal(ctx)) == before_journal
    assert snapshot(ctx, workshop) == before_agenda


# -- journal and events ----------------------------------------------------------------------


def test_every_operation_appends_one_journal_entry(ctx: Context, events: list[Event]) -> None:
    claire = ctx.as_actor("Claire Martin")
    state: dict[str, int] = {}

    def block() -> int:
        return first_block(ctx, state["w"])

    def phase(i: int = 0) -> int:
        return workshop_detail(ctx, state["w"]).blocks[0].phases[i].id

    steps: list[tuple[str, Topic, Context, Callable[[Context], Any]]] = [
        ("workshop.create", Topic.WORKSHOPS, ctx, lambda c: _create(c, state)),
        ("workshop.rename", Topic.WORKSHOPS, claire, lambda c: _rename(c, state)),
        ("workshop.cadrage", Topic.WORKSHOP, ctx, lambda c: _cadrage(c, state)),
        ("workshop.details", Topic.WORKSHOP, claire, lambda c: _details(c, state)),
        (
            "workshop.status",
            Topic.WORKSHOPS,
            ctx,
            lambda c: workshops.archive_workshop(c, state["w"]),
        ),
        ("agenda.add", Topic.AGENDA, claire, lambda c: agenda.add_phase(c, block(), minutes=5)),
        ("agenda.move", Topic.AGENDA, ctx, lambda c: agenda.move_phase(c, phase(), 2)),
        ("agenda.update", Topic.AGENDA, claire, lambda c: agenda.set_phase_minutes(c, phase(), 9)),
        ("agenda.remove", Topic.AGENDA, ctx, lambda c: agenda.remove_phase(c, phase(1))),
        ("undo", Topic.AGENDA, claire, lambda c: undo(c, state["w"])),
        ("redo", Topic.AGENDA, ctx, lambda c: redo(c, state["w"])),
        ("workshop.duplicate", Topic.WORKSHOPS, claire, lambda c: _duplicate(c, state)),
        (
            "workshop.delete",
            Topic.WORKSHOPS,
            ctx,
            lambda c: workshops.delete_workshop(c, state["w"]),
        ),
    ]
    previous_seq = 0
    for op, topic, actor_ctx, run in steps:
        before = journal(ctx)
        t0 = time.time()
        change = run(actor_ctx)
        t1 = time.time()
        after = journal(ctx)
        if op == "workshop.delete":  # its history goes with it (RGPD): its deletion stays
            before = [e for e in before if e.workshop_id != state["w"]]
        assert len(after) == len(before) + 1, op
        entry = after[-1]
        assert entry.op == op
        assert entry.seq == change.seq
        assert entry.seq > previous_seq
        previous_seq = entry.seq
        assert entry.actor == actor_ctx.actor
        assert t0 <= entry.at <= t1
        assert entry.label
        assert [(e.op, e.seq) for e in after[:-1]] == [(e.op, e.seq) for e in before]
        assert events[-1].topic is topic and events[-1].op == op
        assert events[-1].seq == change.seq
        assert change.topic is topic
    assert len(events) == len(steps)
    assert [e["seq"] for e in journal_entries(ctx)] == [e.seq for e in journal(ctx)]


def _create(c: Context, state: dict[str, int]) -> Any:
    change = workshops.create_workshop(c, format_key="3h", title="Journal")
    state["w"] = change.workshop_id
    return change


def _rename(c: Context, state: dict[str, int]) -> Any:
    return workshops.rename_workshop(c, state["w"], "Journal renommé")


def _cadrage(c: Context, state: dict[str, int]) -> Any:
    return workshops.update_cadrage(c, state["w"], objectives="Tester")


def _details(c: Context, state: dict[str, int]) -> Any:
    return workshops.update_details(c, state["w"], place="Talence")


def _duplicate(c: Context, state: dict[str, int]) -> Any:
    change = workshops.duplicate_workshop(c, state["w"])
    return change


def test_injected_clock_and_actor_are_recorded(store_url: str) -> None:
    db = Database.open(store_url)
    try:
        ctx = Context(db, actor="Hélène", clock=lambda: 1_700_000_000.5)
        wid = workshops.create_workshop(ctx, format_key="3h", title="Horloge").workshop_id
        entry = journal(ctx)[-1]
        assert (entry.actor, entry.at) == ("Hélène", 1_700_000_000.5)
        assert list_workshops(ctx)[0].updated_at == 1_700_000_000.5
        assert journal_entries(ctx, wid)[0]["actor"] == "Hélène"
    finally:
        db.close()


def test_a_failing_subscriber_does_not_break_the_operation(ctx: Context) -> None:
    seen: list[Event] = []

    def broken(event: Event) -> None:
        raise RuntimeError("vue cassée")

    ctx.bus.subscribe(broken)
    ctx.bus.subscribe(seen.append, {Topic.AGENDA})
    wid = workshops.create_workshop(ctx, format_key="3h", title="Bus").workshop_id
    agenda.add_phase(ctx, first_block(ctx, wid))
    assert [e.op for e in seen] == ["agenda.add"]  # the topic filter left the creation out


# -- undo / redo -----------------------------------------------------------------------------


def test_undo_redo_round_trip(ctx: Context, workshop: int, events: list[Event]) -> None:
    initial = snapshot(ctx, workshop)
    block = first_block(ctx, workshop)
    phases = workshop_detail(ctx, workshop).blocks[0].phases
    added = agenda.add_phase(ctx, block, title="Ajoutée", minutes=12, position=1)
    s1 = snapshot(ctx, workshop)
    agenda.set_phase_minutes(ctx, phases[0].id, 33)
    s2 = snapshot(ctx, workshop)
    agenda.remove_phase(ctx, phases[2].id)
    s3 = snapshot(ctx, workshop)
    agenda.move_phase(ctx, added.ids[0], 0, block_id=workshop_detail(ctx, workshop).blocks[2].id)
    s4 = snapshot(ctx, workshop)
    detail = workshop_detail(ctx, workshop)
    assert detail.can_undo and not detail.can_redo
    assert detail.undo_label == "Déplacement de « Ajoutée »"

    for expected in (s3, s2, s1, initial):
        change = undo(ctx, workshop)
        assert change is not None and change.op == "undo"
        assert events[-1].topic is Topic.AGENDA and events[-1].op == "undo"
        assert snapshot(ctx, workshop) == expected
    assert undo(ctx, workshop) is None  # the creation itself is not undone
    detail = workshop_detail(ctx, workshop)
    assert detail.can_redo and not detail.can_undo
    assert detail.redo_label == "Ajout de « Ajoutée »"

    for expected in (s1, s2, s3, s4):
        assert redo(ctx, workshop) is not None
        assert snapshot(ctx, workshop) == expected
    assert redo(ctx, workshop) is None


def test_new_action_after_undo_forgets_the_redo(ctx: Context, workshop: int) -> None:
    block = first_block(ctx, workshop)
    agenda.add_phase(ctx, block, title="Un")
    agenda.add_phase(ctx, block, title="Deux")
    undo(ctx, workshop)
    assert workshop_detail(ctx, workshop).can_redo
    agenda.add_phase(ctx, block, title="Trois")
    assert not workshop_detail(ctx, workshop).can_redo
    assert redo(ctx, workshop) is None
    titles = [p.title for p in workshop_detail(ctx, workshop).blocks[0].phases]
    assert titles[-2:] == ["Un", "Trois"]
    undo(ctx, workshop)
    undo(ctx, workshop)
    assert "Un" not in [p.title for p in workshop_detail(ctx, workshop).blocks[0].phases]


def test_undo_is_per_workshop_and_survives_a_restart(store_url: str) -> None:
    db = Database.open(store_url)
    ctx = Context(db)
    a = workshops.create_workshop(ctx, format_key="3h", title="A").workshop_id
    b = workshops.create_workshop(ctx, format_key="3h", title="B").workshop_id
    start_a = snapshot(ctx, a)
    agenda.add_phase(ctx, first_block(ctx, a), title="Dans A")
    agenda.add_phase(ctx, first_block(ctx, b), title="Dans B")
    after_b = snapshot(ctx, b)
    db.close()

    db = Database.open(store_url)
    try:
        ctx = Context(db)
        assert undo(ctx, a) is not None
        assert snapshot(ctx, a) == start_a
        assert snapshot(ctx, b) == after_b
        assert workshop_detail(ctx, b).undo_label == "Ajout de « Dans B »"
    finally:
        db.close()


def test_workshop_operations_are_not_undoable(ctx: Context, workshop: int) -> None:
    workshops.rename_workshop(ctx, workshop, "Renommé")
    workshops.update_cadrage(ctx, workshop, why="x")
    assert not workshop_detail(ctx, workshop).can_undo
    assert undo(ctx, workshop) is None
    assert workshop_detail(ctx, workshop).title == "Renommé"


TITLE_TEXT = st.text(
    alphabet=st.sampled_from(string.ascii_letters + "éèàçœ ÉÀ'’«»-—🙂\t\n"), min_size=1, max_size=30
).filter(lambda t: t.strip())


@pytest.fixture(scope="module")
def property_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    """One SQLite store for all examples: each example works on a workshop of its own."""
    db = Database.open(tmp_path_factory.mktemp("hypothesis") / "atelier.sqlite3")
    try:
        yield Context(db)
    finally:
        db.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_undo_all_then_redo_all(property_ctx: Context, data: st.DataObject) -> None:
    ctx = property_ctx
    fmt = data.draw(st.sampled_from(["3h", "3j", "3m"]), label="format")
    wid = workshops.create_workshop(ctx, format_key=fmt, title="Propriété").workshop_id
    methods = sorted(ctx.library.methods)
    states = [snapshot(ctx, wid)]
    count = data.draw(st.integers(min_value=1, max_value=10), label="operations")
    for _ in range(count):
        blocks = [block_id for block_id, _ in states[-1]]
        phases = [p[0] for _, block_phases in states[-1] for p in block_phases]
        kind = data.draw(st.sampled_from(["add", "remove", "move", "minutes", "edit"]))
        if kind == "add" or not phases:
            agenda.add_phase(
                ctx,
                data.draw(st.sampled_from(blocks)),
                method_key=data.draw(st.none() | st.sampled_from(methods)),
                title=data.draw(st.none() | TITLE_TEXT),
                minutes=data.draw(st.none() | st.integers(1, 720)),
                position=data.draw(st.none() | st.integers(0, 20)),
                kind=data.draw(st.sampled_from(list(PhaseKind))),
            )
        elif kind == "remove":
            agenda.remove_phase(ctx, data.draw(st.sampled_from(phases)))
        elif kind == "move":
            agenda.move_phase(
                ctx,
                data.draw(st.sampled_from(phases)),
                data.draw(st.integers(0, 20)),
                block_id=data.draw(st.none() | st.sampled_from(blocks)),
            )
        elif kind == "minutes":
            agenda.set_phase_minutes(
                ctx, data.draw(st.sampled_from(phases)), data.draw(st.integers(1, 720))
            )
        else:
            agenda.update_phase(
                ctx,
                data.draw(st.sampled_from(phases)),
                title=data.draw(TITLE_TEXT),
                notes=data.draw(st.text(max_size=20)),
                method_key=data.draw(st.none() | st.sampled_from(methods)),
            )
        states.append(snapshot(ctx, wid))
        assert_positions_contiguous(states[-1])
        assert states[-1] != states[-2] or kind in ("move", "minutes", "edit")

    for expected in reversed(states[:-1]):
        assert undo(ctx, wid) is not None
        assert snapshot(ctx, wid) == expected
    assert undo(ctx, wid) is None
    for expected in states[1:]:
        assert redo(ctx, wid) is not None
        assert snapshot(ctx, wid) == expected
    assert redo(ctx, wid) is None


# -- the demo --------------------------------------------------------------------------------


def test_demo_workshop(ctx: Context, events: list[Event]) -> None:
    change = create_demo(ctx)
    wid = change.workshop_id
    detail = workshop_detail(ctx, wid)
    assert detail.status is Status.CLOSED
    assert detail.format_key == "3h"
    assert detail.cadrage.partner_list()[:2] == ["Bordeaux Métropole", "Département de la Gironde"]
    assert all(getattr(detail.cadrage, k) for k in CADRAGE_KEYS)
    assert detail.counts["participants"] == 25
    assert detail.counts["checkins"] == 25
    assert detail.counts["notes"] == 60
    assert detail.counts["clusters"] == 6
    assert detail.counts["vote_rounds"] == 1
    assert all(
        p.actual_start is not None and p.actual_end is not None for p in detail.blocks[0].phases
    )

    def facts(s: Any) -> dict[str, Any]:
        rounds = s.scalars(select(VoteRound).where(VoteRound.workshop_id == wid)).all()
        votes = s.scalars(select(Vote).where(Vote.round_id == rounds[0].id)).all()
        per_cluster = s.execute(
            select(Note.cluster_id, func.count())
            .where(Note.workshop_id == wid)
            .group_by(Note.cluster_id)
        ).all()
        return {
            "round": (rounds[0].status, rounds[0].revealed, rounds[0].closed_at is not None),
            "items": len(rounds[0].items),
            "votes": [(v.voter, v.value) for v in votes],
            "per_cluster": sorted(n for _, n in per_cluster),
            "clustered": all(c is not None for c, _ in per_cluster),
            "clusters": len(s.scalars(select(Cluster).where(Cluster.workshop_id == wid)).all()),
            "participants": s.scalar(
                select(func.count()).select_from(Participant).where(Participant.workshop_id == wid)
            ),
            "checked_in": s.scalar(select(func.count(func.distinct(CheckIn.participant_id)))),
            "actions": [
                (a.what, a.who, a.due)
                for a in s.scalars(select(Action).where(Action.workshop_id == wid))
            ],
            "feedback": [
                f.rating for f in s.scalars(select(Feedback).where(Feedback.workshop_id == wid))
            ],
            "projects": s.scalar(select(func.count()).select_from(Project)),
        }

    f = ctx.db.read(facts)
    assert f["round"] == ("closed", True, True)
    assert f["items"] == 60
    assert f["per_cluster"] == [10] * 6 and f["clustered"]
    assert f["participants"] == 25 and f["checked_in"] == 25
    voters: dict[str, int] = {}
    for voter, value in f["votes"]:
        assert 1 <= value <= 2  # at most two dots on one idea
        voters[voter] = voters.get(voter, 0) + value
    assert len(voters) == 23 and set(voters.values()) == {3}  # three dots each
    assert len(f["actions"]) == 4
    assert all(what and who and due for what, who, due in f["actions"])
    assert len(f["feedback"]) == 18 and all(1 <= r <= 5 for r in f["feedback"])
    assert f["projects"] == 2
    # the demo's vote reads like a real one: live counts equal a recount, turnout, results
    from app.ops import votes as vote_ops

    (rid,) = [r.id for r in vote_ops.rounds(ctx, wid)]
    assert vote_ops.live_counts(ctx, rid) == vote_ops.recount(ctx, rid)
    results = vote_ops.results(ctx, rid, public=True)
    assert results.turnout.voted == 23 and results.turnout.done == 23
    assert sum(line.score for line in results.lines) == 23 * 3
    assert results.round.settings.cap == 2
    assert [e.op for e in events] == ["workshop.create", "demo.create"]
    assert [e.op for e in journal(ctx)] == ["workshop.create", "demo.create"]


# -- hostile text ----------------------------------------------------------------------------


def hostile_cases() -> list[str]:
    """Each case of the shared file (comments left out; backslash-n/r/t are the characters)."""
    text = HOSTILE.read_text(encoding="utf-8")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    while lines and lines[0].startswith("#"):  # the header
        lines.pop(0)
    cases = [line.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t") for line in lines]
    return [
        *cases,
        "\x00NUL au début, \x00 au milieu\x00",
        "cloche\x07 et échappement \x1b[31mrouge\x1b[0m",
        "suppr\x7f et retour arrière\x08",
        "ancien Mac\rnouvelle ligne",
        "C1 \x85 \x9b contrôles",
        "séparateurs \u2028 ligne \u2029 paragraphe",
        "\ufeffmarque d'ordre",
        "e\u0301 combinant, \U0001f9d1\u200d\U0001f91d\u200d\U0001f9d1 émoji liés",
        " espaces autour ",
    ]


def documented_clean(value: str) -> str:
    """What clean_text documents: text as typed, line ends as LF, controls but tab/LF removed."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or not (ord(c) < 32 or ord(c) == 127))


def test_hostile_cases_are_read() -> None:
    cases = hostile_cases()
    assert "<script>alert('post-it')</script>" in cases
    assert "Ligne 1\nLigne 2\r\nLigne 3" in cases
    assert "" in cases and "   " in cases  # blank-looking lines are cases too
    assert len(cases) >= 35


def test_hostile_text_round_trips(ctx: Context) -> None:
    wid = workshops.create_workshop(ctx, format_key="3h", title="Hostile").workshop_id
    block = first_block(ctx, wid)
    for case in hostile_cases():
        clean = documented_clean(case)

        # as a workshop title: cleaned, and blanks squeezed to single spaces
        if not clean.strip() or len(clean) > MAX_TITLE_CHARS:
            with pytest.raises(InvalidInput) as caught:
                workshops.rename_workshop(ctx, wid, case)
            assert caught.value.message.startswith("Titre : ")
        else:
            workshops.rename_workshop(ctx, wid, case)
            assert workshop_detail(ctx, wid).title == " ".join(clean.split())
            assert list_workshops(ctx)[0].title == " ".join(clean.split())

        # in the cadrage: as typed, minus the control characters
        workshops.update_cadrage(ctx, wid, why=case, partners=case + "\nDeuxième")
        cadrage = workshop_detail(ctx, wid).cadrage
        assert cadrage.why == clean
        assert cadrage.partners == clean + "\nDeuxième"

        # as a phase title and its notes ("" asks for the default title, like None)
        if case == "":
            added = agenda.add_phase(ctx, block, title=case)
            assert snapshot(ctx, wid)[0][1][-1][2] == "Nouvelle séquence"
        elif not clean.strip() or len(clean) > MAX_TITLE_CHARS:
            with pytest.raises(InvalidInput, match=r"^Titre : "):
                agenda.add_phase(ctx, block, title=case)
        else:
            added = agenda.add_phase(ctx, block, title=case, minutes=5)
            agenda.update_phase(ctx, added.ids[0], notes=case, instructions=case)
            phase = next(
                p for p in workshop_detail(ctx, wid).blocks[0].phases if p.id == added.ids[0]
            )
            assert (phase.title, phase.notes, phase.instructions) == (clean, clean, clean)
    assert all("\x00" not in e.label for e in journal(ctx))


def test_line_ends_become_lf_and_controls_go(ctx: Context, workshop: int) -> None:
    workshops.update_cadrage(ctx, workshop, why="a\r\nb\rc\x00d\te\x1b[0mf\x7f\n")
    assert workshop_detail(ctx, workshop).cadrage.why == "a\nb\ncd\te[0mf\n"

"""Répétition: a copy of the workshop played by simulated phones through the real server,
never counted in the bilan, wiped in one action."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, or_, select

from app import rehearsal as sim
from app.domain.activity import Period
from app.errors import KnownError
from app.ops import activity, live, notes, participants, queries, votes
from app.ops.base import Context
from app.ops.rehearsal import create_rehearsal, is_rehearsal, wipe_rehearsal
from app.ops.workshops import create_workshop, update_cadrage
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store import workshop_rows
from app.store.db import Database
from app.store.models import IdempotentRequest, JournalEntry, Workshop
from app.store.workshop_rows import ARCHIVE

DEADLINE = 60.0  # seconds: generous on a loaded machine, never a pace the test relies on


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    db = Database.open(tmp_path / "rehearsal.sqlite3")
    try:
        yield Context(db)
    finally:
        db.close()


def _held_workshop(ctx: Context) -> int:
    """A real workshop, held today: one person checked in, one post-it, its séance ended."""
    wid = create_workshop(ctx, format_key="3h", title="Mobilités du quotidien").workshop_id
    assert wid is not None
    update_cadrage(ctx, wid, why="Faciliter les trajets des agents")
    live.start_session(ctx, wid)
    live.start(ctx, wid)
    who = participants.check_in(ctx, wid, name="Awa", category="public", key="real-awa-0001")
    notes.post_note(ctx, wid, who.participant_id, text="Des vélos de service", key="real-n-0001")
    live.end_session(ctx, wid)
    return wid


def _rows_of(ctx: Context, workshop_id: int) -> dict[str, int]:
    """How many rows of each table belong to the workshop."""

    def work(session: Any) -> dict[str, int]:
        out = {}
        for rule in workshop_rows.TABLES:
            if rule.scope is None:
                continue
            query = select(func.count()).select_from(rule.table)
            out[rule.name] = session.scalar(
                query.where(workshop_rows._scope(rule.name, workshop_id))
            )
        return out

    return ctx.db.read(work)


def test_copy_is_the_agenda_only_and_marked(ctx: Context) -> None:
    wid = _held_workshop(ctx)
    original = queries.workshop_detail(ctx, wid)
    rid = create_rehearsal(ctx, wid).workshop_id
    assert rid is not None and rid != wid
    copy = queries.workshop_detail(ctx, rid)
    assert copy.rehearsal_of == wid and is_rehearsal(ctx, rid) and not is_rehearsal(ctx, wid)
    assert copy.title == "Répétition — Mobilités du quotidien"
    assert copy.cadrage == original.cadrage
    assert [[p.title for p in b.phases] for b in copy.blocks] == [
        [p.title for p in b.phases] for b in original.blocks
    ]
    assert all(p.actual_start is None for b in copy.blocks for p in b.phases)
    rows = _rows_of(ctx, rid)
    assert rows["participants"] == rows["notes"] == rows["checkins"] == 0
    # a rehearsal of the rehearsal still points at the original
    again = create_rehearsal(ctx, rid).workshop_id
    assert again is not None
    assert queries.workshop_detail(ctx, again).rehearsal_of == wid
    assert queries.workshop_detail(ctx, again).title == copy.title
    summaries = {s.id: s for s in queries.list_workshops(ctx)}
    assert summaries[rid].rehearsal_of == wid and summaries[wid].rehearsal_of is None


def test_a_real_workshop_is_not_wiped(ctx: Context) -> None:
    wid = _held_workshop(ctx)
    before = _rows_of(ctx, wid)
    with pytest.raises(KnownError, match="n'est pas une répétition"):
        wipe_rehearsal(ctx, wid)
    assert _rows_of(ctx, wid) == before


def test_25_simulated_phones_rehearse_without_counting_then_wipe(ctx: Context) -> None:
    wid = _held_workshop(ctx)
    today = date.today()
    period = Period(today, today)
    bilan_before = activity.activity_data(ctx, period)
    assert len(bilan_before.workshops) == 1  # the real workshop counts
    original_rows = _rows_of(ctx, wid)

    rid = create_rehearsal(ctx, wid).workshop_id
    assert rid is not None
    live.start_session(ctx, rid)
    live.start(ctx, rid)  # the first phase's timer runs: people write
    code = live.door(ctx, rid)[1]
    server = ServerThread(create_app(ctx, rid), "127.0.0.1", 0).start()
    phones = sim.Rehearsal(server.url, code, 25, speed=6, arrival_seconds=6, seed=7)
    try:
        phones.start()
        assert phones.wait_for(lambda s: s.joined == 25, DEADLINE), phones.stats
        assert phones.wait_for(lambda s: s.notes >= 25, DEADLINE), phones.stats
        votes.open_round(ctx, rid, kind="dots", title="Nos priorités")
        assert phones.wait_for(lambda s: s.ballots == 25, DEADLINE), phones.stats
        live.end_session(ctx, rid)  # the séance ends: the phones stop by themselves
        assert phones.wait_for(lambda s: s.ended, DEADLINE), phones.stats
    finally:
        phones.stop()
        server.stop()
    assert not phones.running
    assert phones.stats.errors == 0, phones.stats

    rows = _rows_of(ctx, rid)
    assert rows["participants"] == 25 and rows["checkins"] == 25
    assert rows["notes"] >= 25 and rows["vote_ballots"] >= 25
    texts = {n.text for n in notes.workshop_notes(ctx, rid)}
    assert texts <= set(sim.IDEAS)

    # the bilan of the period is unchanged: the rehearsal, its people and ideas do not count
    assert activity.activity_data(ctx, period) == bilan_before

    wipe_rehearsal(ctx, rid)

    def left(session: Any) -> tuple[int, int, int]:
        return (
            session.scalar(select(func.count()).select_from(Workshop).where(Workshop.id == rid)),
            session.scalar(
                select(func.count())
                .select_from(JournalEntry)
                .where(JournalEntry.workshop_id == rid)
            ),
            session.scalar(
                select(func.count())
                .select_from(IdempotentRequest)
                .where(or_(IdempotentRequest.key.startswith(f"{rid}:")))
            ),
        )

    assert ctx.db.read(left) == (0, 0, 0)
    assert all(n == 0 for n in _rows_of(ctx, rid).values())
    assert _rows_of(ctx, wid) == original_rows  # the original is untouched
    assert activity.activity_data(ctx, period) == bilan_before


def test_only_this_computer(ctx: Context) -> None:
    sim.check_address("http://127.0.0.1:8765/")
    sim.check_address("http://192.168.1.20:8765/", own=lambda: ["192.168.1.20"])
    with pytest.raises(KnownError, match="qu'au serveur de cet ordinateur"):
        sim.check_address("http://10.0.0.9:8765/", own=lambda: ["192.168.1.20"])
    with pytest.raises(KnownError, match="Entre 1 et 200"):
        sim.Rehearsal("http://127.0.0.1:1/", "CODE", 0)
    with pytest.raises(KnownError, match="Entre 1 et 200"):
        sim.Rehearsal("http://127.0.0.1:1/", "CODE", 201)


@pytest.mark.parametrize("kind", ["dots", "points", "majority", "criteria"])
def test_ballots_follow_the_round_rules(kind: str) -> None:
    items = [{"key": f"note:{n}", "label": f"Idée {n}", "own": n == 1} for n in range(1, 6)]
    round_ = {
        "id": 3, "kind": kind, "items": items, "dots": 3, "cap": 1, "own_allowed": False,
        "budget": 100, "grades": ["À rejeter", "Passable", "Bien", "Très bien"],
        "criteria": [{"key": "impact", "label": "Impact"}, {"key": "cout", "label": "Coût"}],
    }  # fmt: skip
    choices = sim.ballot(round_, random.Random(1))
    if kind == "dots":
        assert sum(choices.values()) == 3 and max(choices.values()) == 1
        assert "note:1" not in choices  # its own post-it is barred
    elif kind == "points":
        assert sum(choices.values()) == 100
    elif kind == "majority":
        assert set(choices) == {i["key"] for i in items}
    else:
        assert all(set(v) == {"impact", "cout"} for v in choices.values())
        assert len(choices) == 5


def test_archive_carries_the_mark(ctx: Context) -> None:
    from app.ops.archive import export_archive, import_archive

    wid = _held_workshop(ctx)
    rid = create_rehearsal(ctx, wid).workshop_id
    assert rid is not None
    assert "rehearsal_of" in workshop_rows.BY_NAME["workshops"].columns
    assert workshop_rows.BY_NAME["workshops"] in workshop_rows.tables_for(ARCHIVE)
    moved = import_archive(ctx, export_archive(ctx, rid)).workshop_id
    assert moved is not None and is_rehearsal(ctx, moved)


def test_compte_rendu_cover_says_rehearsal(ctx: Context, tmp_path: Path) -> None:
    import subprocess

    from app.ops.report_data import report_data
    from app.reports.compte_rendu import build_report

    wid = _held_workshop(ctx)
    rid = create_rehearsal(ctx, wid).workshop_id
    assert rid is not None

    def first_page(workshop_id: int) -> str:
        out = tmp_path / f"cr-{workshop_id}.pdf"
        build_report(report_data(ctx, workshop_id), out)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-l", "1", str(out), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return " ".join(text.split())

    cover = first_page(rid)
    assert cover.startswith("RÉPÉTITION · COMPTE-RENDU") and "compte pas dans le bilan" in cover
    assert "RÉPÉTITION" not in first_page(wid).upper()

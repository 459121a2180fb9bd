"""Capitalisation (issue 15, point 6): the facilitator's retours d'expérience on methods, on
SQLite and PostgreSQL: recorded, replaced, undone; what they add up to per method; an older
file upgrades."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text
from store_helpers import older_store

from app.domain.capitalisation import to_review
from app.domain.clock import FakeClock
from app.errors import InvalidInput, NotFound
from app.ops import capitalisation, live, rehearsal
from app.ops.base import Context, redo, undo
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop
from app.store.db import Database, head_revision
from app.store.models import Phase


@pytest.fixture
def cctx(store_url: str) -> Context:
    db = Database.open(store_url)
    yield Context(db, clock=FakeClock(1_800_000_000.0))  # type: ignore[misc]
    db.close()


def _held(ctx: Context, title: str = "Mobilités", phases: int = 3) -> int:
    """A 3 heures workshop whose first `phases` phases ran on the timer."""
    wid = create_workshop(ctx, format_key="3h", title=title).workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    live.toggle(ctx, wid)
    for _ in range(phases - 1):
        live.next_phase(ctx, wid)
    live.end_session(ctx, wid)
    return wid


def _phase(ctx: Context, wid: int, method: str) -> int:
    detail = workshop_detail(ctx, wid)
    return next(p.id for b in detail.blocks for p in b.phases if p.method_key == method)


def test_a_review_is_recorded_replaced_and_undone(cctx: Context) -> None:
    wid = _held(cctx)
    pid = _phase(cctx, wid, "brainstorming")
    first = capitalisation.review_method(
        cctx, wid, "brainstorming", 3, "Beaucoup d'idées", "Trop long", phase_id=pid
    )
    (review,) = capitalisation.method_reviews(cctx, wid)
    assert (review.id, review.rating, review.worked, review.change, review.phase_id) == (
        first.ids[0], 3, "Beaucoup d'idées", "Trop long", pid,
    )  # fmt: skip
    assert review.workshop_title == "Mobilités"
    # a second word on the same method and phase replaces the first, in one undoable step
    capitalisation.review_method(
        cctx, wid, "brainstorming", 5, "Parfait en 2 tours", "", phase_id=pid
    )
    assert [(r.rating, r.worked) for r in capitalisation.method_reviews(cctx, wid)] == [
        (5, "Parfait en 2 tours")
    ]
    undo(cctx, wid)
    assert [r.rating for r in capitalisation.method_reviews(cctx, wid)] == [3]
    undo(cctx, wid)
    assert capitalisation.method_reviews(cctx, wid) == []
    redo(cctx, wid)
    assert [r.id for r in capitalisation.method_reviews(cctx, wid)] == [first.ids[0]]


def test_reviews_refuse_what_is_not_one(cctx: Context) -> None:
    wid = _held(cctx)
    for rating in (0, 6, True, "4"):
        with pytest.raises(InvalidInput):
            capitalisation.review_method(cctx, wid, "brainstorming", rating)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        capitalisation.review_method(cctx, wid, "", 4)
    with pytest.raises(NotFound):
        capitalisation.review_method(cctx, wid + 1000, "brainstorming", 4)
    other = _held(cctx, "Autre")
    with pytest.raises(NotFound):
        capitalisation.review_method(
            cctx, wid, "brainstorming", 4, phase_id=_phase(cctx, other, "brainstorming")
        )
    hostile = "<script>alert(1)</script> « ça » & 'co'\nligne 2"
    capitalisation.review_method(cctx, wid, "brainstorming", 4, hostile, hostile)
    (review,) = capitalisation.method_reviews(cctx, wid)
    assert review.worked == review.change == hostile.strip()


def test_usage_counts_phases_run_ratings_and_latest_notes(cctx: Context) -> None:
    clock = cctx.clock
    assert isinstance(clock, FakeClock)
    a = _held(cctx, "Atelier A", phases=5)  # accueil, météo, défi, veille, brainstorming
    b = _held(cctx, "Atelier B", phases=4)  # accueil, météo, défi, veille
    capitalisation.review_method(cctx, a, "inclusion-meteo", 4, "Brise la glace")
    clock.advance(60)
    capitalisation.review_method(cctx, b, "inclusion-meteo", 5, "", "Plus court")
    clock.advance(60)
    capitalisation.review_method(cctx, b, "veille-creative", 2)
    # a répétition never counts: neither its phases nor its reviews
    copy = rehearsal.create_rehearsal(cctx, a).workshop_id
    assert copy is not None
    live.start_session(cctx, copy)
    live.toggle(cctx, copy)
    capitalisation.review_method(cctx, copy, "inclusion-meteo", 1, "Répétition")

    usage = capitalisation.method_usage(cctx)
    meteo = usage["inclusion-meteo"]
    assert (meteo.times_used, meteo.ratings, meteo.mean) == (2, (4, 5), 4.5)
    assert [(r.workshop_title, r.worked, r.change) for r in meteo.latest] == [
        ("Atelier B", "", "Plus court"),
        ("Atelier A", "Brise la glace", ""),
    ]
    veille = usage["veille-creative"]
    assert (veille.times_used, veille.mean, veille.latest) == (2, 2.0, ())
    assert (usage["brainstorming"].times_used, usage["brainstorming"].mean) == (1, None)
    assert "vote-gommettes" not in usage  # never run


def test_the_methods_a_seance_asks_about() -> None:
    assert to_review([(1, "a"), (2, None), (3, "b"), (4, "a")]) == [(1, "a"), (3, "b")]


def test_a_0013_file_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = older_store(path, "0013")
    with old.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO workshops (title, format_key, status, cadrage, place, block_label,"
            " block_minutes, board_scope, phone_notes, join_code, created_at, updated_at)"
            " VALUES ('Avant', '3h', 'draft', '{}', '', 'Séance', 180, 'phase', 'inbox',"
            " 'ABCDE', 0, 0)"
        ))  # fmt: skip
    old.close()
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        ctx = Context(db)
        wid = db.read(lambda s: s.scalar(text("SELECT id FROM workshops")))
        assert capitalisation.method_reviews(ctx, wid) == []
        capitalisation.review_method(ctx, wid, "brainstorming", 4, "Bien")
        assert capitalisation.method_usage(ctx)["brainstorming"].mean == 4.0
        assert db.read(lambda s: s.scalars(select(Phase)).all()) == []
    finally:
        db.close()


def test_the_bilan_has_a_capitalisation_section(cctx: Context, tmp_path: Path) -> None:
    from datetime import datetime

    from app.domain.activity import Period
    from app.ops.activity import activity_data
    from app.reports.bilan import build_bilan

    clock = cctx.clock
    assert isinstance(clock, FakeClock)
    a = _held(cctx, "Atelier A", phases=2)  # accueil, météo
    b = _held(cctx, "Atelier B", phases=2)
    capitalisation.review_method(cctx, a, "inclusion-meteo", 4, "Tout le monde a parlé")
    clock.advance(60)
    hostile = "<b>gras</b> & « guillemets »"
    capitalisation.review_method(cctx, b, "inclusion-meteo", 5, hostile, "Plus court")
    year = Period.year(datetime.fromtimestamp(clock()).year)
    data = activity_data(cctx, year)
    (meteo,) = data.methods
    assert (meteo.name, meteo.times_used, meteo.reviews, meteo.mean) == (
        "Météo d’inclusion", 2, 2, 4.5,
    )  # fmt: skip
    assert [q.text for q in data.method_quotes] == [hostile, "Tout le monde a parlé"]
    out = tmp_path / "bilan.pdf"
    build_bilan(data, out)
    read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    body = " ".join(read.replace("\u202f", " ").replace("\u00a0", " ").split())
    assert "Capitalisation" in body
    assert "Météo d’inclusion" in body
    assert "4,5" in body
    assert "« <b>gras</b> & « guillemets » »" in body
    assert "Tout le monde a parlé" in body

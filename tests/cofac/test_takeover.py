"""The lead's laptop dies for good: the co-facilitator carries on the workshop as its host."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cofac_helpers import Host, eventually
from sqlalchemy import select

from app.cofac_client import CoFacClient
from app.domain.clock import FakeClock
from app.domain.timer import TimerState
from app.errors import KnownError
from app.ops import live, notes, participants, queries, replica, takeover
from app.ops import votes as v
from app.ops.base import Context
from app.store.db import Database
from app.store.models import CoFacilitator, Participant


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def mine(tmp_path: Path, clock: FakeClock) -> Context:
    """The co-facilitator laptop's own store (not the replica)."""
    db = Database.open(tmp_path / "mine.sqlite3")
    yield Context(db, clock=clock)
    db.close()


def _lost(host: Host, laptop: CoFacClient, tmp_path: Path) -> None:
    """The host's laptop is gone for good, after the replica caught up."""
    eventually(
        lambda: (
            replica.comparable_state(host.ctx.db, host.workshop_id)
            == replica.comparable_state(laptop.db, host.workshop_id)
        )
    )
    host.stop()
    host.ctx.db.close()
    (tmp_path / "host.sqlite3").unlink()
    assert laptop.wait(lambda: not laptop.online)


def test_the_replica_becomes_her_workshop_with_its_seance_paused_where_it_was(
    make_host: Callable[..., Host],
    make_laptop: Callable[..., CoFacClient],
    mine: Context,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    host = make_host(clock=clock)
    ctx, wid = host.ctx, host.workshop_id
    alex = participants.check_in(ctx, wid, name="Alex", category="usager", key="phone-alex-01")
    notes.post_note(ctx, wid, alex.participant_id, text="Navette", key="note-alex-0001")
    note_ids = [n.id for n in notes.workshop_notes(ctx, wid)]
    rid = v.open_round(ctx, wid, kind="dots", items=[f"note:{n}" for n in note_ids],
                       settings={"dots": 3, "cap": 3}).ids[0]  # fmt: skip
    v.cast_ballot(ctx, wid, rid, alex.participant_id, {f"note:{note_ids[0]}": 2}, key="ballot-01")
    live.next_phase(ctx, wid)  # the second phase…
    live.toggle(ctx, wid)  # …running
    clock.advance(90)
    laptop = make_laptop(host, name="Camille", role="coanimateur")
    before = live.live_session(ctx, wid)
    assert before is not None and before.timer.state == TimerState.RUNNING
    phase_title = next(p.title for p in before.phases if p.id == before.timer.phase_id)
    _lost(host, laptop, tmp_path)
    clock.advance(30)  # the room waits while she takes over

    taken = takeover.take_over(laptop.ctx, wid, mine)
    assert taken.seance_open
    new = taken.workshop_id
    detail = queries.workshop_detail(mine, new)
    assert detail.title == "Atelier mobilité"
    assert sorted(n.text for n in notes.workshop_notes(mine, new)) == [
        "Idée 1",
        "Idée 2",
        "Navette",
    ]
    # participants come along without tokens: phones check in again here
    people = mine.db.read(lambda s: s.execute(select(Participant.name, Participant.token)).all())
    assert [tuple(p) for p in people] == [("Alex", None)]
    assert mine.db.read(lambda s: s.scalars(select(CoFacilitator)).all()) == []
    [round_] = v.rounds(mine, new)
    assert round_.is_open
    assert v.live_counts(mine, round_.id) == v.recount(mine, round_.id)
    first = next(n.id for n in notes.workshop_notes(mine, new) if n.text == "Idée 1")
    assert v.live_counts(mine, round_.id) == {(("note", first), "", 2): 1}  # Alex's 2 dots
    # the séance is where it was, paused with the time it had left when the host died
    seance = live.live_session(mine, new)
    assert seance is not None
    assert seance.timer.state == TimerState.PAUSED
    assert next(p.title for p in seance.phases if p.id == seance.timer.phase_id) == phase_title
    assert seance.timer.remaining == pytest.approx(before.timer.planned - 120)
    state, code = live.door(mine, new)
    assert state == "open" and code and code != live.door(laptop.ctx, wid)[1]
    history = [e["label"] for e in queries.journal_entries(mine, new)]
    assert history[-1] == "Séance reprise sur cet ordinateur : Atelier mobilité"
    # she carries on: the same séance resumes (not a new one), the countdown goes on
    assert live.start_session(mine, new) is None
    live.toggle(mine, new)
    running = live.live_session(mine, new)
    assert running is not None and running.timer.state == TimerState.RUNNING
    assert running.timer.phase_id == seance.timer.phase_id
    # the replica is left as it was (her copy of the lead's séance)
    assert queries.workshop_detail(laptop.ctx, wid).title == "Atelier mobilité"


def test_without_an_open_seance_the_workshop_comes_alone(
    make_host: Callable[..., Host],
    make_laptop: Callable[..., CoFacClient],
    mine: Context,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    host = make_host(clock=clock)
    laptop = make_laptop(host, role="coanimateur")  # an observer's copy hides the lead's notes
    live.end_session(host.ctx, host.workshop_id)
    _lost(host, laptop, tmp_path)
    taken = takeover.take_over(laptop.ctx, host.workshop_id, mine)
    assert not taken.seance_open
    assert live.live_session(mine, taken.workshop_id) is None
    assert len(notes.workshop_notes(mine, taken.workshop_id)) == 2
    # she may start a new séance of it as any workshop of hers
    live.start_session(mine, taken.workshop_id)
    assert live.door(mine, taken.workshop_id)[0] == "open"


def test_a_failed_takeover_writes_nothing(
    host: Host,
    make_laptop: Callable[..., CoFacClient],
    mine: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laptop = make_laptop(host, role="observateur")

    def broken(*_args: object) -> float:
        raise KnownError("Panne simulée.")

    monkeypatch.setattr(takeover, "time_left", broken)  # fails while the timer is brought
    with pytest.raises(KnownError, match="Panne simulée"):
        takeover.take_over(laptop.ctx, host.workshop_id, mine)
    assert queries.list_workshops(mine, include_archived=True) == []

"""Phones' writes (post-its, check-ins, feedback, ballots) reach a co-facilitator's replica as
mutations it replays, not snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from cofac_helpers import Host, eventually
from sqlalchemy import select

from app.cofac_client import CoFacClient
from app.ops import feedback, live, notes, participants, queries, replica, votes
from app.store.models import Feedback, Participant


def _same(host: Host, laptop: CoFacClient) -> bool:
    a = replica.comparable_state(host.ctx.db, host.workshop_id)
    b = replica.comparable_state(laptop.db, host.workshop_id)
    if a != b:
        print({k: (a[k], b[k]) for k in a if a[k] != b[k]})
    return a == b


def test_phones_post_its_check_ins_and_feedback_are_replayed_without_a_snapshot(
    host: Host, make_laptop: Callable[..., CoFacClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = make_laptop(host, role="coanimateur")  # its first sync took a whole copy
    snapshots: list[int] = []
    whole = replica.apply_snapshot

    def counted(*args: Any, **kwargs: Any) -> int:
        snapshots.append(1)
        return whole(*args, **kwargs)

    monkeypatch.setattr(replica, "apply_snapshot", counted)
    wid = host.workshop_id
    alex = participants.check_in(host.ctx, wid, name="Alex", category="usager", key="phone-a-01")
    sam = participants.check_in(host.ctx, wid, name="Sam", category="public", key="phone-s-01")
    for n in range(3):
        notes.post_note(host.ctx, wid, alex.participant_id, text=f"Bus {n}", key=f"note-a-0{n}")
    notes.post_note(host.ctx, wid, sam.participant_id, text="Vélo", key="note-s-001")
    participants.rename_participant(host.ctx, wid, sam.participant_id, "Samia")
    while not feedback.feedback_open(host.ctx, wid):
        live.next_phase(host.ctx, wid)
    feedback.give_feedback(host.ctx, wid, alex.participant_id, rating=4, key="fb-alex-001")
    feedback.give_feedback(host.ctx, wid, alex.participant_id, rating=5, key="fb-alex-002")
    participants.remove_participant(host.ctx, wid, sam.participant_id)
    last = queries.last_seq(host.ctx, wid)
    assert laptop.wait(lambda: laptop.seq() >= last)
    eventually(lambda: _same(host, laptop))
    assert snapshots == []  # every entry was replayed
    page = replica.journal_page(host.ctx, wid, 0, 500)["entries"]
    assert all(replica.replayable(e) for e in page if e["op"] != "workshop.create")
    # what the laptop holds: the rows, never the phones' tokens
    tokens = laptop.db.read(lambda s: s.scalars(select(Participant.token)).all())
    assert tokens == [None]
    ratings = laptop.db.read(lambda s: s.scalars(select(Feedback.rating)).all())
    assert ratings == [5]
    texts = sorted(n.text for n in notes.workshop_notes(laptop.ctx, wid))
    assert {"Bus 0", "Bus 1", "Bus 2", "Vélo"} <= set(texts)


def test_phones_ballots_are_replayed_without_a_snapshot_counts_equal_to_the_hosts(
    host: Host, make_laptop: Callable[..., CoFacClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    wid = host.workshop_id
    people = [
        participants.check_in(host.ctx, wid, name=n, category="public", key=f"join-{n}-01")
        .participant_id
        for n in ("Alex", "Sam", "Lou")
    ]  # fmt: skip
    items = [f"note:{n.id}" for n in (
        notes.post_note(host.ctx, wid, people[0], text=t, key=f"note-000{n}")[0]
        for n, t in enumerate(("Bus", "Vélo", "Tram")))]  # fmt: skip
    rid = votes.open_round(host.ctx, wid, kind="dots", items=items, title="Priorités",
                           settings={"dots": 3, "cap": 3}).ids[0]  # fmt: skip
    laptop = make_laptop(host, role="coanimateur")  # its first sync took a whole copy
    assert laptop.wait(lambda: laptop.seq() >= queries.last_seq(host.ctx, wid))
    snapshots: list[int] = []
    whole = replica.apply_snapshot

    def counted(*args: Any, **kwargs: Any) -> int:
        snapshots.append(1)
        return whole(*args, **kwargs)

    monkeypatch.setattr(replica, "apply_snapshot", counted)
    votes.cast_ballot(host.ctx, wid, rid, people[0], {items[0]: 2, items[1]: 1}, key="vote-a-001")
    votes.cast_ballot(host.ctx, wid, rid, people[0], {items[0]: 2, items[1]: 1}, key="vote-a-001")
    votes.cast_ballot(host.ctx, wid, rid, people[1], {items[1]: 1}, key="vote-s-001")
    votes.set_done(host.ctx, wid, rid, people[1])
    votes.cast_ballot(host.ctx, wid, rid, people[0], {items[2]: 3}, key="vote-a-002")  # a change
    votes.cast_ballot(host.ctx, wid, rid, people[2], {items[2]: 1}, key="vote-l-001")
    votes.cast_ballot(host.ctx, wid, rid, people[2], {}, key="vote-l-002")  # emptied: no ballot
    votes.set_done(host.ctx, wid, rid, people[1], False)
    last = queries.last_seq(host.ctx, wid)
    assert laptop.wait(lambda: laptop.seq() >= last)
    eventually(lambda: _same(host, laptop))
    assert snapshots == []  # every ballot was replayed
    counts = votes.live_counts(host.ctx, rid)
    assert counts == votes.live_counts(laptop.ctx, rid) == votes.recount(laptop.ctx, rid)
    assert counts[(("note", int(items[2][5:])), "", 3)] == 1

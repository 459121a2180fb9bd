"""An observer's laptop (the lowest role) gets what its role needs only (issue 18): no private
notes, no name of a participant who did not agree to be named, no join code, no link from a
ballot or a feedback to a person — in the snapshot and in the journal it replays."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import websockets
from cofac_helpers import Host, eventually
from sqlalchemy import select, text
from websockets.sync.client import connect

from app.cofac_client import CoFacClient
from app.ops import agenda, board, cofac, feedback, live, notes, participants, queries, votes
from app.store.models import Feedback, Participant, Phase, Vote, VoteBallot, Workshop
from app.system.certificate import pinned_context

PRIVATE_NOTE = "Note privée : Dominique traverse une période difficile"
HIDDEN_NAME = "Alex Discret"
NAMED = "Bea Nommée"


def _room(host: Host) -> dict[str, Any]:
    """A séance with what an observer must not see."""
    ctx, wid = host.ctx, host.workshop_id
    phase = queries.workshop_detail(ctx, wid).blocks[0].phases[0].id
    agenda.update_phase(ctx, phase, notes=PRIVATE_NOTE)
    hidden = participants.check_in(
        ctx, wid, name=HIDDEN_NAME, category="usager", key="join-hidden-01"
    ).participant_id
    named = participants.check_in(
        ctx, wid, name=NAMED, category="public", consent_named=True, key="join-named-01"
    ).participant_id
    items = [f"note:{n.id}" for n in notes.workshop_notes(ctx, wid)]
    rid = votes.open_round(ctx, wid, kind="dots", items=items, title="Priorités",
                           settings={"dots": 3, "cap": 3}).ids[0]  # fmt: skip
    votes.cast_ballot(ctx, wid, rid, hidden, {items[0]: 2}, key="ballot-hidden-01")
    votes.cast_ballot(ctx, wid, rid, named, {items[1]: 1}, key="ballot-named-01")
    while not feedback.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)
    feedback.give_feedback(ctx, wid, hidden, rating=2, improve="Trop long", key="fb-hidden-01")
    join_code = live.join_code(ctx, wid)
    return {"hidden": hidden, "named": named, "round": rid, "items": items, "code": join_code}


def _everything(laptop: CoFacClient) -> str:
    """Every row of the replica's base (its kept journal included), as text."""

    def work(session: Any) -> str:
        names = [r[0] for r in session.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table'"))]  # fmt: skip
        dump = {n: [list(map(str, r)) for r in session.execute(text(f'SELECT * FROM "{n}"'))]
                for n in names}  # fmt: skip
        return json.dumps(dump, ensure_ascii=False)

    return laptop.db.read(work)


def _check_hidden(laptop: CoFacClient, room: dict[str, Any]) -> None:
    everything = _everything(laptop)
    for secret in (PRIVATE_NOTE, HIDDEN_NAME, room["code"], f"p:{room['hidden']}",
                   f"p:{room['named']}"):  # fmt: skip
        assert secret not in everything, secret

    def rows(session: Any) -> dict[str, Any]:
        return {
            "notes": session.scalars(select(Phase.notes)).all(),
            "names": sorted(session.scalars(select(Participant.name)).all()),
            "join": session.scalars(select(Workshop.join_code)).all(),
            "voters": session.execute(select(Vote.voter, Vote.participant_id)).all(),
            "ballots": session.execute(select(VoteBallot.voter, VoteBallot.participant_id)).all(),
            "feedback": session.scalars(select(Feedback.participant_id)).all(),
        }

    found = laptop.db.read(rows)
    assert set(found["notes"]) == {""}
    assert found["names"] == ["Anonyme", NAMED]  # the named one keeps her name
    assert found["join"] == [""]
    assert found["voters"] and all(v.startswith("anon:") and p is None for v, p in found["voters"])
    assert len(found["ballots"]) == 2
    assert {v for v, _ in found["ballots"]} == {v for v, _ in found["voters"]}  # they add up
    assert all(p is None for _, p in found["ballots"])
    assert found["feedback"] == [None]
    # what the observer needs is there: the counts, the feedback's rating
    assert votes.live_counts(laptop.ctx, room["round"]) == votes.recount(laptop.ctx, room["round"])


def test_an_observer_gets_no_private_notes_names_codes_nor_voter_links(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    room = _room(host)
    observer = make_laptop(host, name="Obs", role="observateur")
    team = make_laptop(host, name="Co", role="coanimateur")
    last = queries.last_seq(host.ctx, host.workshop_id)
    assert observer.wait(lambda: observer.seq() >= last)
    _check_hidden(observer, room)
    # the team sees what it needs to run the séance (the join code stays the host's)
    assert team.wait(lambda: team.seq() >= last)
    everything = _everything(team)
    assert PRIVATE_NOTE in everything and HIDDEN_NAME in everything

    # what comes next through the journal is hidden too (those entries take a snapshot)
    late = participants.check_in(
        host.ctx, host.workshop_id, name="Claude Secret", category="usager", key="join-late-01"
    ).participant_id
    votes.cast_ballot(host.ctx, host.workshop_id, room["round"], late, {room["items"][0]: 1},
                      key="ballot-late-001")  # fmt: skip
    last = queries.last_seq(host.ctx, host.workshop_id)
    assert observer.wait(lambda: observer.seq() >= last)
    assert "Claude Secret" not in _everything(observer)
    _check_hidden_late = observer.db.read(
        lambda s: s.scalars(select(VoteBallot.participant_id)).all()
    )
    assert _check_hidden_late == [None, None, None]
    with host.http(observer.pairing.token) as client:
        page = client.get("/api/cofac/journal").json()
    assert "Claude Secret" not in json.dumps(page, ensure_ascii=False)


def test_an_observer_given_a_wider_role_gets_the_whole_copy_and_back(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    room = _room(host)
    laptop = make_laptop(host, name="Obs", role="observateur")
    wid, me = host.workshop_id, laptop.pairing.laptop_id
    cofac.set_role(host.ctx, wid, me, "coanimateur")
    eventually(lambda: HIDDEN_NAME in _everything(laptop))
    cofac.set_role(host.ctx, wid, me, "observateur")

    def names() -> list[str]:
        return laptop.db.read(lambda s: sorted(s.scalars(select(Participant.name)).all()))

    # its rows are replaced by an observer's copy (the history it already kept while it was
    # co-animateur stays: it saw it then)
    eventually(lambda: names() == ["Anonyme", NAMED])
    notes_kept = laptop.db.read(lambda s: s.scalars(select(Phase.notes)).all())
    assert set(notes_kept) == {""} and room["hidden"] > 0


def test_an_observers_socket_carries_no_entries_and_a_role_change_reconnects_it(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    """Laptops that see every row get the journal entries in the socket's messages; an
    observer is only told (it fetches the journal, which hides what its role may not see), and
    when its role changes its socket is closed, to reconnect to what it may now see."""
    watcher = make_laptop(host, name="Obs", role="observateur", start=False)
    helper = make_laptop(host, name="Coa", role="coanimateur", start=False)

    def socket(token: str) -> Any:
        return connect(
            f"wss://127.0.0.1:{host.server.cofac_port}/api/cofac/ws",
            additional_headers={"Authorization": f"Bearer {token}"},
            proxy=None,
            ssl=pinned_context(host.certificate),
        )

    def changed(ws: Any) -> dict[str, Any]:
        while True:
            message = json.loads(ws.recv(timeout=10))
            if message["type"] == "changed":
                return dict(message)

    with socket(watcher.pairing.token) as seen, socket(helper.pairing.token) as full:
        assert json.loads(seen.recv(timeout=10))["type"] == "hello"
        assert json.loads(full.recv(timeout=10))["type"] == "hello"
        board.add_note(host.ctx, host.workshop_id, text=PRIVATE_NOTE, x=0.0, y=0.0)
        carried = changed(full)
        assert PRIVATE_NOTE in json.dumps(carried["entries"], ensure_ascii=False)
        told = changed(seen)
        assert "entries" not in told and PRIVATE_NOTE not in json.dumps(told)
        cofac.set_role(host.ctx, host.workshop_id, watcher.pairing.laptop_id, "coanimateur")
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            while True:
                seen.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1012

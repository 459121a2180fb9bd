"""LISTEN/NOTIFY between two stores on one PostgreSQL base (app/store/notify.py).

Two `Database` objects on one base stand for two processes (each has its own origin): what
one commits, the other's relay publishes on its own bus, once, with the same topic, op,
workshop, sequence and ids; a process never hears its own writes twice; a rolled-back write
is never heard of.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from app.errors import NotFound
from app.events import Event, EventBus, Topic
from app.ops import live, notes, participants, workshops
from app.ops.base import Context
from app.store.db import Database
from app.store.notify import APP_NAME, RESYNC, Relay, parse, payloads, start_relay

pytestmark = pytest.mark.postgres


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met before the deadline"
        time.sleep(0.01)


class Heard:
    def __init__(self, bus: EventBus) -> None:
        self.events: list[Event] = []
        self._lock = threading.Lock()
        bus.subscribe(self._on)

    def _on(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)

    def of(self, op: str) -> list[Event]:
        with self._lock:
            return [e for e in self.events if e.op == op]


@pytest.fixture
def two(pg_store: str) -> Iterator[tuple[Context, Context, Relay, Relay]]:
    a, b = Context(Database.open(pg_store)), Context(Database.open(pg_store))
    relay_a = start_relay(a.db, a.bus)
    relay_b = start_relay(b.db, b.bus)
    assert relay_a is not None and relay_b is not None
    try:
        yield a, b, relay_a, relay_b
    finally:
        relay_a.stop()
        relay_b.stop()
        a.db.close()
        b.db.close()


def test_what_one_process_commits_the_other_hears_once(
    two: tuple[Context, Context, Relay, Relay],
) -> None:
    a, b, relay_a, _relay_b = two
    heard_a, heard_b = Heard(a.bus), Heard(b.bus)
    wid = workshops.create_workshop(a, format_key="3h", title="Deux salles").workshop_id
    live.start_session(a, wid)
    joined = participants.check_in(a, wid, name="Awa", category="public", key="phone-0001")
    info, _ = notes.post_note(a, wid, joined.participant_id, text="Une idée", key="note-00001")
    wait_for(lambda: heard_b.of(notes.NOTE_OP))
    [note_b] = heard_b.of(notes.NOTE_OP)
    [note_a] = heard_a.of(notes.NOTE_OP)  # published once by A itself, not again by its relay
    assert note_b == note_a
    assert note_b.topic == Topic.BOARD and note_b.ids == (info.id,) and note_b.workshop_id == wid
    ended = live.end_session(a, wid)
    wait_for(lambda: any(e.seq == ended.seq for e in heard_b.events))
    assert [e.topic for e in heard_b.events if e.seq == ended.seq] == [Topic.TIMER]
    # B writes: once A hears it, A's relay went past A's own notifications (one channel, in
    # commit order), and published none of them again
    marker = live.start_session(b, wid)
    assert marker is not None
    wait_for(lambda: any(e.seq == marker.seq for e in heard_a.events))
    assert len(heard_a.of(notes.NOTE_OP)) == 1 and relay_a.heard == 1


def test_a_refused_write_is_never_heard(two: tuple[Context, Context, Relay, Relay]) -> None:
    a, b, _ra, _rb = two
    heard_b = Heard(b.bus)
    wid = workshops.create_workshop(a, format_key="3h", title="Deux salles").workshop_id
    live.start_session(a, wid)
    with pytest.raises(NotFound):  # refused inside the write's transaction: rolled back
        notes.post_note(a, wid, 999_999, text="Personne", key="note-00002")
    marker = live.pause(a, wid)
    wait_for(lambda: any(e.seq == marker.seq for e in heard_b.events))
    assert not heard_b.of(notes.NOTE_OP)


def test_payloads_stay_under_the_limit_and_parse_back() -> None:
    from app.ops.base import Change

    changes = [
        Change("board.note_add", Topic.BOARD, i, 7, tuple(range(i % 90))) for i in range(1, 400)
    ]
    texts = payloads("me", changes)
    assert len(texts) > 1 and all(len(t.encode()) < 8000 for t in texts)
    events = [e for t in texts for e in parse(t)[1]]
    assert [e.seq for e in events] == list(range(1, 400))
    assert parse("pas du json") == ("", [])
    assert RESYNC == "relay.resync"


def test_a_lost_listening_connection_is_opened_again_and_nothing_is_missed(
    two: tuple[Context, Context, Relay, Relay], postgres_server, pg_store: str
) -> None:
    a, b, _relay_a, relay_b = two
    heard_b = Heard(b.bus)
    wid = workshops.create_workshop(a, format_key="3h", title="Deux salles").workshop_id
    live.start_session(a, wid)
    dbname = pg_store.rsplit("/", 1)[1]
    with postgres_server.admin() as admin:  # the base drops B's listening connection
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name = %s",
            (dbname, APP_NAME),
        ).fetchall()
    assert len(killed) == 2  # A's and B's relays
    moved = live.pause(a, wid)  # written while B's relay may be away: heard all the same
    wait_for(lambda: any((e.seq or 0) >= moved.seq for e in heard_b.events))
    wait_for(lambda: relay_b.reconnections >= 1 and relay_b.listening)
    later = live.start(a, wid)  # and the next ones as usual
    wait_for(lambda: any(e.seq == later.seq and e.op == later.op for e in heard_b.events))

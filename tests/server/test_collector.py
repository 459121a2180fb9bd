"""The garbage collector's long passes at quiet moments (app/server/collector.py)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from app.events import Event, EventBus, Topic
from app.server.collector import QuietCollector


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def quiet() -> Iterator[tuple[QuietCollector, EventBus, Clock]]:
    bus, clock = EventBus(), Clock()
    collector = QuietCollector(bus, quiet_s=2.0, full_every_s=300.0, clock=clock)
    try:
        yield collector, bus, clock
    finally:
        collector.close()
        gc.unfreeze()  # the rest of the test run as it was


def _write(bus: EventBus) -> None:
    bus.publish(Event(Topic.BOARD, "note.insert", 1, 1))


def test_it_collects_only_once_the_room_is_quiet_after_activity(quiet):
    collector, bus, clock = quiet
    clock.now += 60
    assert collector.tick() is None  # nothing happened: nothing to do
    _write(bus)
    clock.now += 1.0
    assert collector.tick() is None  # still busy
    clock.now += 1.5
    gc.unfreeze()
    assert collector.tick() == "frozen"
    assert gc.get_freeze_count() > 0  # what survived is kept out of the next passes
    clock.now += 10
    assert collector.tick() is None  # once per quiet spell


def test_a_cycle_that_dies_while_frozen_is_collected_by_the_periodic_full_pass(quiet):
    collector, bus, clock = quiet
    kept = Cycle()
    gone = weakref.ref(kept)
    _write(bus)
    clock.now += 3
    assert collector.tick() == "frozen"  # `kept` is frozen now
    del kept
    gc.collect()
    assert gone() is not None  # frozen: the collector's passes do not walk it
    _write(bus)
    clock.now += 300
    assert collector.tick() == "full"
    assert gone() is None
    assert [kind for kind, _ms in collector.passes] == ["frozen", "full"]


def test_no_automatic_full_pass_while_it_runs_and_a_busy_room_still_gets_one(quiet):
    collector, bus, clock = quiet
    before = gc.get_threshold()
    collector.start()
    try:
        assert gc.get_threshold()[:2] == before[:2]  # the young passes as usual
        assert gc.get_threshold()[2] >= 10**9  # the full ones at quiet moments only
    finally:
        collector.close()
    assert gc.get_threshold() == before
    busy = QuietCollector(bus, quiet_s=2.0, force_after_s=600.0, clock=clock)
    try:
        for _ in range(650):  # a write every second for 11 minutes: never quiet
            _write(bus)
            clock.now += 1.0
            if busy.tick() is not None:
                break
        assert [kind for kind, _ms in busy.passes] == ["full"]  # forced, and 5 min passed
        assert clock.now - 1000.0 >= 600.0
    finally:
        busy.close()


def test_requests_keep_it_busy_even_without_writes(quiet):
    _collector, bus, clock = quiet
    served = [0]
    reading = QuietCollector(bus, quiet_s=2.0, clock=clock, activity=lambda: served[0])
    try:
        for _ in range(10):  # phones loading the vote: requests, no write
            served[0] += 50
            clock.now += 1.0
            assert reading.tick() is None
        clock.now += 2.5
        assert reading.tick() == "frozen"  # quiet now
    finally:
        reading.close()

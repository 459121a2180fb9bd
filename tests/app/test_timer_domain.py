"""The timer's arithmetic: computed from a deadline, never accumulated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.clock import Clock, FakeClock
from app.domain.timer import (
    Stage,
    Timer,
    TimerState,
    countdown_text,
    display,
    drift_text,
    until_next_second,
)


def _running(planned: float, start: float) -> Timer:
    return Timer(1, 1, 1, TimerState.RUNNING, planned, planned, start + planned, start)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (600, "10:00"),
        (599.2, "10:00"),  # rounded up while counting down: 10:00 until a full second went by
        (599.0, "09:59"),
        (0.4, "00:01"),
        (0.0, "00:00"),
        (-0.6, "00:00"),  # the first overrun second shows 00:00, then −00:01
        (-1.0, "−00:01"),
        (-42.5, "−00:42"),
        (3 * 3600 + 61, "3:01:01"),
        (-3725, "−1:02:05"),
    ],
)
def test_countdown_text(seconds, text):
    assert countdown_text(seconds) == text


def test_stages_follow_the_time_left():
    start = 1_000_000.0
    timer = _running(15 * 60, start)
    assert display(timer, start + 60).stage == Stage.NORMAL
    assert display(timer, start + 13 * 60 + 1).stage == Stage.AMBER
    assert display(timer, start + 15 * 60 + 42).stage == Stage.OVERRUN
    assert display(timer, start + 15 * 60 + 42).text == "−00:42"
    paused = Timer(1, 1, 1, TimerState.PAUSED, 900, 300, None, start)
    assert display(paused, start + 10_000).text == "05:00"  # a paused timer does not move
    assert display(paused, start).stage == Stage.PAUSED
    pause_break = Timer(1, 1, 1, TimerState.RUNNING, 900, 900, start + 900, start, is_break=True)
    assert display(pause_break, start + 10).stage == Stage.BREAK
    assert display(None, start).stage == Stage.ENDED


@given(st.floats(min_value=-5000, max_value=5000, allow_nan=False))
def test_the_displayed_second_changes_exactly_at_the_boundary(seconds):
    wait = until_next_second(seconds)
    assert 0 < wait <= 1
    boundary = seconds - wait
    if abs(boundary - round(boundary)) > 1e-6 or abs(seconds - round(seconds)) < 1e-3:
        return  # float noise right on a boundary: nothing to tell
    assert countdown_text(boundary + 1e-4) == countdown_text(seconds)
    assert countdown_text(boundary - 1e-4) != countdown_text(seconds)


def test_three_hours_of_ticks_drift_by_zero():
    """Recompute at every tick of a 3-hour session: the result is the exact arithmetic."""
    clock = FakeClock(1_795_000_000.0)
    start = clock()
    timer = _running(3 * 3600, start)
    ticks = 0
    while clock() - start < 3 * 3600:
        shown = display(timer, clock())
        clock.advance(shown.next_change)  # what the boundary timer waits for
        ticks += 1
    assert ticks == 3 * 3600
    assert display(timer, clock()).seconds == pytest.approx(0.0, abs=1e-6)


def test_the_clock_is_wall_time_that_moves_monotonically():
    clock = Clock()
    first = clock()
    second = clock()
    assert second >= first
    import time

    assert abs(first - time.time()) < 5


def test_drift_wording():
    assert drift_text(0) == "À l’heure"
    assert drift_text(29) == "À l’heure"
    # said in words: a sign alone does not tell ahead from behind
    assert drift_text(7 * 60) == "7 min de retard"
    assert drift_text(-3 * 60) == "3 min d’avance"


def test_a_remote_view_with_a_wrong_clock_shows_the_same_second():
    """A phone 37 s behind, 80 ms round trip: after one exchange both show the same time."""
    from app.domain.timer import clock_offset, from_wire

    server = FakeClock(1_795_000_000.0)
    skew = -37.0  # the phone's clock minus the server's
    timer = _running(15 * 60, server())
    server.advance(123.4)
    sent_local = server() + skew
    server.advance(0.030)  # request on its way
    wire = timer.to_wire(server())
    server.advance(0.050)  # answer on its way back
    received_local = server() + skew
    offset = clock_offset(sent_local, float(wire["server_now"]), received_local)
    remote = from_wire(wire)
    for step in range(0, 900, 7):
        now = server() + step
        here = display(timer, now).seconds
        there = display(remote, (now + skew) + offset).seconds
        assert abs(here - there) < 0.25


def test_a_break_not_started_is_ready_not_running():
    start = 1_000_000.0
    ready = Timer(1, 1, 1, TimerState.READY, 900, 900, None, start, is_break=True)
    assert display(ready, start + 600).stage == Stage.READY

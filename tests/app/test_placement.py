"""The placement rules without a database: free spots, grids, the arrivals' lane."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.board import GAP, INBOX_X, NOTE_H, NOTE_W, in_inbox, tidy
from app.domain.placement import (
    ARRIVALS_TOP,
    NOTE_AREA,
    Occupancy,
    arrival_index,
    arrival_rows,
    arrival_spot,
    covers,
    group_size,
    group_spots,
    group_unit,
    next_arrival,
    note_rect,
    note_unit,
    overlap,
    pack,
)

coordinate = st.integers(min_value=-60, max_value=60).map(lambda v: v * 10.0)


def test_overlap_and_what_counts_as_covering() -> None:
    a = note_rect(0, 0)
    assert overlap(a, note_rect(NOTE_W, 0)) == 0.0  # side by side
    assert overlap(a, note_rect(100, 70)) == 100 * 70
    assert not covers(a, note_rect(NOTE_W - 10, 0))  # a sliver: 10 × 140 < 10 %
    assert covers(a, note_rect(NOTE_W - 30, 0))  # 30 × 140 = 15 %
    assert covers(a, a)


def test_a_free_spot_is_kept_and_a_taken_one_gives_the_nearest_free_one() -> None:
    board = Occupancy.of([(1, note_rect(0, 0))])
    assert board.nearest_free(300, 0) == (300, 0)
    x, y = board.nearest_free(10, 10)
    assert board.free(note_rect(x, y))
    # the nearest of the four sides: below (140 + 20 - 10 = 150 away) beats the right (210)
    assert (x, y) == (10, NOTE_H + GAP)
    assert board.nearest_free(10, 10, ignore=frozenset({1})) == (10, 10)
    assert board.nearest_free(-500, 0, min_x=0) == (0, -(NOTE_H + GAP))  # a tie: the upper


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(coordinate, coordinate), max_size=40),
    coordinate,
    coordinate,
)
def test_the_spot_found_is_free_and_no_candidate_nearer_is(
    taken: list[tuple[float, float]], x: float, y: float
) -> None:
    board = Occupancy.of((i, note_rect(*spot)) for i, spot in enumerate(taken))
    fx, fy = board.nearest_free(x, y)
    assert board.free(note_rect(fx, fy))
    assert all(overlap(note_rect(fx, fy), r) == 0 for r in board.rects.values())
    found = (fx - x) ** 2 + (fy - y) ** 2
    # every place GAP clear of all the others is as far or farther (the nearest such place
    # has each coordinate the wanted one or GAP from an edge)
    xs = {x} | {r[0] - NOTE_W - GAP for r in board.rects.values()}
    xs |= {r[0] + r[2] + GAP for r in board.rects.values()}
    ys = {y} | {r[1] - NOTE_H - GAP for r in board.rects.values()}
    ys |= {r[1] + r[3] + GAP for r in board.rects.values()}
    for cx in xs:
        for cy in ys:
            if board.free((cx - GAP, cy - GAP, NOTE_W + 2 * GAP, NOTE_H + 2 * GAP)):
                assert (cx - x) ** 2 + (cy - y) ** 2 >= found - 1e-6


def test_a_search_in_a_board_of_2000_post_its_finds_room_at_its_edge() -> None:
    rng = random.Random(7)
    spots = [(c * (NOTE_W + GAP), r * (NOTE_H + GAP)) for c in range(50) for r in range(40)]
    board = Occupancy.of((i, note_rect(*s)) for i, s in enumerate(spots))
    for _ in range(20):
        x, y = rng.uniform(0, 10_000), rng.uniform(0, 6_000)
        fx, fy = board.nearest_free(x, y)
        assert board.free(note_rect(fx, fy))
        board.add(("new", fx, fy), note_rect(fx, fy))


def test_removing_and_moving_keys() -> None:
    board = Occupancy.of([(1, note_rect(0, 0)), (2, note_rect(1000, 0))])
    board.add(1, note_rect(2000, 2000))  # a key added again moves
    assert board.free(note_rect(0, 0))
    assert not board.free(note_rect(2000, 2000))
    board.remove(1)
    board.remove(99)  # unknown: nothing
    assert list(board.rects) == [2]
    assert board.covered(note_rect(1010, 10))
    assert not board.covered(note_rect(1010, 10), lambda key: key != 2)


def test_arrivals_fill_the_visible_height_then_a_new_column_to_the_left() -> None:
    rows = arrival_rows(1000)
    assert rows == int((1000 - ARRIVALS_TOP) // (NOTE_H + GAP)) == 5
    spots = [arrival_spot(k, 1000) for k in range(23)]
    assert spots[0] == (INBOX_X + GAP, ARRIVALS_TOP)
    assert {x for x, _ in spots[:rows]} == {INBOX_X + GAP}  # the first column
    assert spots[rows] == (INBOX_X + GAP - (NOTE_W + GAP), ARRIVALS_TOP)  # then to its left
    assert max(y for _, y in spots) + NOTE_H <= 1000  # the newest stay in view
    assert all(in_inbox(x) for x, _ in spots)
    rects = [note_rect(*s) for s in spots]
    assert not any(overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert [arrival_index(x, y, 1000) for x, y in spots] == list(range(23))
    assert arrival_rows(10) == 1  # a tiny view still has a row


def test_the_next_arrival_follows_the_last_one_and_skips_what_is_in_the_way() -> None:
    lane = Occupancy()
    assert next_arrival(lane, None) == 0
    for k in range(3):
        lane.add(k, note_rect(*arrival_spot(k)))
    lane.remove(1)  # taken out: the next one still comes after the last
    assert next_arrival(lane, None) == 3
    lane.add("dropped", note_rect(arrival_spot(3)[0] + 30, arrival_spot(3)[1]))
    assert next_arrival(lane, None) == 4  # a post-it dropped on place 3
    assert next_arrival(lane, 6) == 7


def test_a_group_s_room_holds_its_grid() -> None:
    for count in (1, 2, 5, 16, 30):
        w, h = group_size(count)
        spots = group_spots((100.0, 50.0), count)
        assert spots == tidy((100.0 + GAP, 50.0 + 60.0), count)
        assert min(x for x, _ in spots) - GAP == 100.0
        assert max(x for x, _ in spots) + NOTE_W + GAP == 100.0 + w
        assert max(y for _, y in spots) + NOTE_H + GAP == 50.0 + h


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=20))
def test_packed_blocks_never_overlap(sizes: list[int]) -> None:
    units = [note_unit(i) if n == 0 else group_unit(i, n) for i, n in enumerate(sizes)]
    offsets, w, h = pack(units)
    rects = [(x, y, u.w, u.h) for u, (x, y) in zip(units, offsets, strict=True)]
    assert not any(overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert all(r[0] + r[2] <= w + 1e-6 and r[1] + r[3] <= h + 1e-6 for r in rects)
    assert pack([]) == ([], 0.0, 0.0)
    narrow, width, _ = pack([note_unit(1), note_unit(2)], width=NOTE_W)
    assert narrow == [(0.0, 0.0), (0.0, NOTE_H + GAP)] and width == NOTE_W


def test_a_sliver_is_ten_percent_of_a_post_it() -> None:
    assert NOTE_AREA == NOTE_W * NOTE_H
    assert not covers(note_rect(0, 0), note_rect(0, NOTE_H * 0.9))
    assert covers(note_rect(0, 0), note_rect(0, NOTE_H * 0.89))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(coordinate, coordinate), max_size=40), coordinate, coordinate)
def test_reading_only_around_the_search_finds_the_same_spot(
    taken: list[tuple[float, float]], x: float, y: float
) -> None:
    everything = [(i, note_rect(*spot)) for i, spot in enumerate(taken)]
    regions: list[tuple[float, float, float, float]] = []

    def load(region: tuple[float, float, float, float]) -> list[tuple[int, tuple[float, ...]]]:
        regions.append(region)
        return [(k, r) for k, r in everything if overlap(r, region) > 0]

    lazy = Occupancy(load=load)  # type: ignore[arg-type]
    lazy.remove(0)  # a post-it being moved: not read again
    eager = Occupancy.of(everything[1:])
    assert lazy.nearest_free(x, y) == eager.nearest_free(x, y)
    assert len(regions) <= 4

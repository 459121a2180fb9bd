"""Where post-its go so that none is ever hidden: free-spot search, grids, the arrivals' flow.

Pure geometry in board units (see `app.domain.board`). A rectangle is `(x, y, w, h)`. The
board's rule: no post-it covers more than a sliver (`SLIVER`, 10 % of a post-it's area) of
another. Placement aims higher: what it places overlaps nothing at all, with `GAP` around it.

`Occupancy` is a bucket grid of the rectangles already on a board, so a search against 2,000
post-its only looks at the few buckets around the place it tries.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from app.domain.board import GAP, INBOX_W, INBOX_X, NOTE_H, NOTE_W, tidy

Rect = tuple[float, float, float, float]

SLIVER = 0.10  # the share of a post-it's area another may cover
NOTE_AREA = NOTE_W * NOTE_H
BOARD_X = INBOX_X + INBOX_W + GAP  # where the board starts, right of the "Arrivées" lane
HEADER = 60.0  # a group's title band above its post-its
ARRIVALS_TOP = 80.0  # under the lane's title and subtitle
ARRIVALS_HEIGHT = 1200.0  # the lane's visible height when the view's own is not known
_CELL = 256.0
_MARGIN = 2 * NOTE_W  # read around a region searched, so that a search reads once or twice
_EPS = 1e-6


def note_rect(x: float, y: float) -> Rect:
    return (x, y, NOTE_W, NOTE_H)


def overlap(a: Rect, b: Rect) -> float:
    """The area two rectangles share."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def covers(a: Rect, b: Rect) -> bool:
    """Whether one post-it hides more than a sliver of the other."""
    return overlap(a, b) > SLIVER * min(a[2] * a[3], b[2] * b[3]) + _EPS


@dataclass
class Occupancy:
    """The rectangles on a board, by key (a post-it's id), in buckets of `_CELL` units.

    With `load`, only the region searched so far is read: `load(region)` gives what overlaps
    `region` (a board of 2,000 post-its is not read whole to place one). A key removed (a
    post-it being moved) is not loaded again.
    """

    rects: dict[Hashable, Rect] = field(default_factory=dict)
    load: Callable[[Rect], Iterable[tuple[Hashable, Rect]]] | None = None
    _buckets: dict[tuple[int, int], set[Hashable]] = field(default_factory=dict)
    _known: Rect | None = None
    _gone: set[Hashable] = field(default_factory=set)

    @classmethod
    def of(cls, items: Iterable[tuple[Hashable, Rect]]) -> Occupancy:
        occupancy = cls()
        for key, rect in items:
            occupancy.add(key, rect)
        return occupancy

    @staticmethod
    def _cells(rect: Rect) -> Iterator[tuple[int, int]]:
        x0, y0 = math.floor(rect[0] / _CELL), math.floor(rect[1] / _CELL)
        x1, y1 = math.floor((rect[0] + rect[2]) / _CELL), math.floor((rect[1] + rect[3]) / _CELL)
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                yield cx, cy

    def add(self, key: Hashable, rect: Rect) -> None:
        self._drop(key)
        self._gone.discard(key)
        self.rects[key] = rect
        for cell in self._cells(rect):
            self._buckets.setdefault(cell, set()).add(key)

    def remove(self, key: Hashable) -> None:
        self._drop(key)
        if self.load is not None:
            self._gone.add(key)

    def _drop(self, key: Hashable) -> None:
        rect = self.rects.pop(key, None)
        if rect is None:
            return
        for cell in self._cells(rect):
            bucket = self._buckets.get(cell)
            if bucket is not None:
                bucket.discard(key)
                if not bucket:
                    del self._buckets[cell]

    def read(self, rect: Rect) -> None:
        """Read what is in `rect` (and some room around it) if it was not read yet."""
        if self.load is None:
            return
        known = self._known
        if known is not None and (
            known[0] <= rect[0] and known[1] <= rect[1]
            and rect[0] + rect[2] <= known[0] + known[2]
            and rect[1] + rect[3] <= known[1] + known[3]
        ):  # fmt: skip
            return
        x0, y0 = rect[0] - _MARGIN, rect[1] - _MARGIN
        x1, y1 = rect[0] + rect[2] + _MARGIN, rect[1] + rect[3] + _MARGIN
        if known is not None:
            x0, y0 = min(x0, known[0]), min(y0, known[1])
            x1, y1 = max(x1, known[0] + known[2]), max(y1, known[1] + known[3])
        self._known = (x0, y0, x1 - x0, y1 - y0)
        for key, found in self.load(self._known):
            if key not in self.rects and key not in self._gone:
                self.add(key, found)

    def near(self, rect: Rect) -> Iterator[tuple[Hashable, Rect]]:
        """The rectangles in the buckets `rect` touches (a superset of those it overlaps)."""
        self.read(rect)
        seen: set[Hashable] = set()
        for cell in self._cells(rect):
            for key in self._buckets.get(cell, ()):
                if key not in seen:
                    seen.add(key)
                    yield key, self.rects[key]

    def free(self, rect: Rect, ignore: frozenset[Hashable] = frozenset()) -> bool:
        """Nothing overlaps `rect` at all (touching is fine)."""
        return not any(k not in ignore and overlap(rect, r) > 0 for k, r in self.near(rect))

    def covered(self, rect: Rect, which: Callable[[Hashable], bool] = lambda key: True) -> bool:
        """Something (of the keys `which` accepts) hides more than a sliver of `rect`, or is
        hidden by it."""
        return any(which(k) and covers(rect, r) for k, r in self.near(rect))

    def nearest_free(
        self,
        x: float,
        y: float,
        w: float = NOTE_W,
        h: float = NOTE_H,
        *,
        ignore: frozenset[Hashable] = frozenset(),
        min_x: float | None = None,
    ) -> tuple[float, float]:
        """The free place for a `w` × `h` rectangle nearest to (x, y), `GAP` clear of the
        others (and not left of `min_x`).

        The nearest free place has each coordinate either the wanted one or against another
        rectangle's edge, so those are the only candidates; the search widens until one is
        free within the radius it looked at.
        """
        if min_x is not None:
            x = max(x, min_x)
        if self.free((x, y, w, h), ignore):
            return x, y
        radius = max(w, h)
        checked = 0.0  # the candidates this near were all tried
        while True:
            look = (x - radius - GAP, y - radius - GAP, w + 2 * (radius + GAP),
                    h + 2 * (radius + GAP))  # fmt: skip
            xs, ys = {x}, {y}
            for key, r in self.near(look):
                if key in ignore:
                    continue
                xs.update((r[0] - w - GAP, r[0] + r[2] + GAP))
                ys.update((r[1] - h - GAP, r[1] + r[3] + GAP))
            if min_x is not None:
                xs = {max(cx, min_x) for cx in xs}
            limit = radius * radius
            candidates = sorted(
                (d, cx, cy)
                for cx in xs
                for cy in ys
                if checked < (d := (cx - x) ** 2 + (cy - y) ** 2) <= limit
            )
            for _, cx, cy in candidates:
                if self.free((cx, cy, w, h), ignore):
                    return cx, cy
            checked = limit  # those were taken, and stay taken as the search widens
            radius *= 2


# -- grids --------------------------------------------------------------------------------------
def grid(origin: tuple[float, float], count: int, per_row: int) -> list[tuple[float, float]]:
    """`count` post-its row by row, `per_row` to a row, top-left at `origin`."""
    x0, y0 = origin
    per_row = max(1, per_row)
    return [
        (x0 + (i % per_row) * (NOTE_W + GAP), y0 + (i // per_row) * (NOTE_H + GAP))
        for i in range(count)
    ]


def group_size(count: int) -> tuple[float, float]:
    """The room a group of `count` post-its laid out by `board.tidy` takes, with its title band
    and margins (its top-left is the group's x, y)."""
    spots = tidy((0.0, 0.0), max(1, count))
    width = max(x for x, _ in spots) + NOTE_W
    height = max(y for _, y in spots) + NOTE_H
    return width + 2 * GAP, height + HEADER + GAP


def group_spots(corner: tuple[float, float], count: int) -> list[tuple[float, float]]:
    """Where the post-its of a group whose top-left corner is `corner` go."""
    return tidy((corner[0] + GAP, corner[1] + HEADER), count)


@dataclass(frozen=True, slots=True)
class Unit:
    """What a tidy moves as one block: a lone post-it, or a group with its post-its inside."""

    key: tuple[str, int]  # ("note", id) or ("cluster", id)
    w: float
    h: float
    inside: tuple[tuple[float, float], ...]  # the post-its' offsets from the block's top-left


def note_unit(note_id: int) -> Unit:
    return Unit(("note", note_id), NOTE_W, NOTE_H, ((0.0, 0.0),))


def group_unit(cluster_id: int, count: int) -> Unit:
    w, h = group_size(count)
    return Unit(("cluster", cluster_id), w, h, tuple(group_spots((0.0, 0.0), count)))


def pack(
    units: Sequence[Unit], width: float | None = None
) -> tuple[list[tuple[float, float]], float, float]:
    """Shelves: the units left to right, `GAP` apart, a new row when `width` is full.

    Returns each unit's offset from the block's top-left, and the block's width and height.
    Without `width`, the block is about as wide as it is tall.
    """
    if not units:
        return [], 0.0, 0.0
    if width is None:
        area = sum((u.w + GAP) * (u.h + GAP) for u in units)
        width = math.sqrt(area) * 1.2
    width = max(width, max(u.w for u in units))
    spots: list[tuple[float, float]] = []
    x = y = row_h = used_w = 0.0
    for unit in units:
        if x > 0 and x + unit.w > width + _EPS:
            x, y, row_h = 0.0, y + row_h + GAP, 0.0
        spots.append((x, y))
        used_w = max(used_w, x + unit.w)
        row_h = max(row_h, unit.h)
        x += unit.w + GAP
    return spots, used_w, y + row_h


# -- the arrivals' lane -------------------------------------------------------------------------
def arrival_rows(visible_height: float = ARRIVALS_HEIGHT) -> int:
    """How many post-its one column of "Arrivées" holds in the visible height."""
    return max(1, int((visible_height - ARRIVALS_TOP) // (NOTE_H + GAP)))


def arrival_spot(index: int, visible_height: float = ARRIVALS_HEIGHT) -> tuple[float, float]:
    """Where the index-th post-it from the phones goes: down the lane's first column as far as
    the view shows, then a new column to its left, and so on (the newest stay in view)."""
    column, row = divmod(max(0, index), arrival_rows(visible_height))
    return (INBOX_X + GAP - column * (NOTE_W + GAP), ARRIVALS_TOP + row * (NOTE_H + GAP))


def arrival_index(x: float, y: float, visible_height: float = ARRIVALS_HEIGHT) -> int:
    """The lane's place nearest to a post-it at (x, y) (the inverse of `arrival_spot`)."""
    rows = arrival_rows(visible_height)
    column = max(0, round((INBOX_X + GAP - x) / (NOTE_W + GAP)))
    row = min(rows - 1, max(0, round((y - ARRIVALS_TOP) / (NOTE_H + GAP))))
    return column * rows + row


def next_arrival(
    lane: Occupancy, after: int | None, visible_height: float = ARRIVALS_HEIGHT
) -> int:
    """The first free place of the lane after place `after` (None: after the post-its in it),
    so arrivals follow each other and never land on a post-it left or put there."""
    if after is None:
        after = max(
            (arrival_index(r[0], r[1], visible_height) for r in lane.rects.values()), default=-1
        )
    index = after + 1
    while not lane.free(note_rect(*arrival_spot(index, visible_height))):
        index += 1
    return index

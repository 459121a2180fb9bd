"""What every phone shows of the current vote, built once per change and served as bytes.

`GET /api/votes/current` used to read the round, its items' labels and authors, the phone's
ballot and the results for each phone: two read transactions and a few ORM rows per phone,
12–24 ms with hundreds of items, while 2,000 phones asked at once when a vote opened. Here:

* the round (its settings, items and labels) is read once per change of the room (a vote
  opened, closed or revealed, the board edited…) and kept as JSON bytes, one fragment per
  item so that a phone's own post-its are marked by splicing a few fragments;
* every phone's ballot (and "J'ai fini") is read in one query per change of the ballots,
  with the results when phones may see them, kept in memory as an index by participant;
* a phone's answer is those bytes joined with its small part; the phones with nothing of
  their own (no ballot yet, no post-it in the round: most of a room when a vote opens) all
  get the same bytes, compressed once when they accept gzip.

Changes are heard on the core's bus (`app/events.py`): each bumps a generation, and the next
request rebuilds what it made stale (one build, however many phones wait for it; a build
that an event overtook is never kept). A round that closes by its deadline is rebuilt after it.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from app.domain.votes import item_key, remaining
from app.events import Event, Topic
from app.ops import votes
from app.ops.base import Context

# what never changes a phone's view of the vote; BALLOTS only changes the ballots' index
QUIET = {Topic.TIMER, Topic.FEEDBACK, Topic.PHOTOS, Topic.COFAC, Topic.WORKSHOPS}
GZIP_FROM = 1024  # bytes: a smaller answer goes as it is
T = TypeVar("T")


def _dumps(value: Any) -> bytes:
    """As starlette's JSONResponse encodes (compact, UTF-8)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class _Round:
    generation: int
    round: votes.RoundInfo | None
    head: bytes = b""  # '{"id":…,"items":['
    items: tuple[bytes, ...] = ()  # each item as JSON, "own": false
    mine: dict[int, dict[int, bytes]] = field(default_factory=dict)  # pid -> position -> own
    joined: bytes = b"null"  # the whole round as every phone without an own item sees it
    visible: bool = False
    until: float = math.inf  # a deadline: rebuilt once it passed (the round closes by itself)

    def for_phone(self, participant_id: int) -> bytes:
        own = self.mine.get(participant_id)
        if not own:
            return self.joined
        items = b",".join(own.get(n, frag) for n, frag in enumerate(self.items))
        return self.head + items + b"]}"


@dataclass(frozen=True)
class _Ballots:
    key: tuple[int, int]  # (round generation, ballots generation)
    ballots: dict[int, dict[Any, int]]
    done: frozenset[int]
    results: bytes  # b"null" when hidden
    blank: bytes  # the answer of a phone with nothing of its own
    blank_gzip: bytes


class RoomCache:
    """The phones' view of the current vote for one workshop's server (its event loop)."""

    def __init__(
        self,
        ctx: Context,
        workshop_id: int,
        round_json: Callable[[votes.RoundInfo], dict[str, Any]],
        lines_json: Callable[[tuple[votes.ResultLine, ...]], list[dict[str, Any]]],
    ) -> None:
        self.ctx, self.workshop_id = ctx, workshop_id
        self._round_json, self._lines_json = round_json, lines_json
        self._counter = itertools.count(1)  # next() is atomic: events come from any thread
        self._round_gen = 0
        self._ballots_gen = 0
        self._round: _Round | None = None
        self._ballots: _Ballots | None = None
        self._flights: dict[tuple[Any, ...], asyncio.Future[Any]] = {}
        self.builds = 0  # how many times the store was read (tests, the bench)
        self.close = ctx.bus.subscribe(self._on_event)

    # -- from any thread ---------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if event.workshop_id not in (self.workshop_id, None) or event.topic in QUIET:
            return
        if event.topic == Topic.BALLOTS:
            self._ballots_gen = next(self._counter)
        elif event.topic == Topic.PARTICIPANTS and event.op == "participants.check_in":
            return  # an arrival changes no round, no item's author, no ballot
        else:
            self._round_gen = next(self._counter)

    # -- on the event loop -------------------------------------------------------------------
    async def answer(self, participant_id: int, gzip_ok: bool = False) -> tuple[bytes, bool]:
        """This phone's `CurrentOut` as JSON bytes, and whether they are gzip-compressed."""
        shared = await self._current_round()
        if shared.round is None:
            return (
                b'{"round":null,"choices":{},"remaining":null,"done":false,"results":null}',
                False,
            )
        index = await self._current_ballots(shared)
        ballot = index.ballots.get(participant_id)
        done = participant_id in index.done
        if not ballot and not done and participant_id not in shared.mine:
            if gzip_ok and index.blank_gzip:
                return index.blank_gzip, True
            return index.blank, False
        return _body(shared, index, shared.for_phone(participant_id), ballot or {}, done), False

    async def _current_round(self) -> _Round:
        generation = self._round_gen
        known = self._round
        if known is not None and known.generation == generation:
            if known.until > self.ctx.clock():
                return known
            generation = self._round_gen = next(self._counter)  # its deadline passed
        return await self._once(("round", generation), lambda: self._build_round(generation))

    async def _current_ballots(self, shared: _Round) -> _Ballots:
        key = (shared.generation, self._ballots_gen)
        known = self._ballots
        if known is not None and known.key == key:
            return known
        return await self._once(("ballots", *key), lambda: self._build_ballots(shared, key))

    async def _once(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        return await once(self._flights, key, build)

    # -- in a worker thread: the store read once, the bytes made once -------------------------
    def _build_round(self, generation: int) -> _Round:
        self.builds += 1
        found = votes.room_round(self.ctx, self.workshop_id)
        if found is None:
            built = _Round(generation, None)
        else:
            info = found.round
            data = self._round_json(info)
            items = data.pop("items")
            head = _dumps(data)[:-1] + b',"items":['
            frags = tuple(_dumps(item) for item in items)
            mine: dict[int, dict[int, bytes]] = {}
            for n, item in enumerate(items):
                author = found.authors.get(item["key"])
                if author is not None:
                    mine.setdefault(author, {})[n] = _dumps({**item, "own": True})
            closes = info.settings.closes_at
            built = _Round(
                generation, info, head, frags, mine, head + b",".join(frags) + b"]}",
                found.visible,
                closes if info.is_open and closes is not None else math.inf,
            )  # fmt: skip
        if generation == self._round_gen:  # no event since the read began: keep it
            self._round = built
        return built

    def _build_ballots(self, shared: _Round, key: tuple[int, int]) -> _Ballots:
        self.builds += 1
        assert shared.round is not None
        found = votes.room_ballots(self.ctx, shared.round.id, with_results=shared.visible)
        results = b"null" if found.results is None else _dumps(self._lines_json(found.results))
        index = _Ballots(key, found.ballots, found.done, results, b"", b"")
        blank = _body(shared, index, shared.joined, {}, False)
        packed = gzip.compress(blank, 5) if len(blank) >= GZIP_FROM else b""
        built = _Ballots(key, found.ballots, found.done, results, blank, packed)
        if key == (self._round_gen, self._ballots_gen):  # no event since the read began
            self._ballots = built
        return built


async def once(
    flights: dict[tuple[Any, ...], asyncio.Future[Any]],
    key: tuple[Any, ...],
    build: Callable[[], T],
) -> T:
    """`build()` in a worker thread, once for every request that asks for `key` while it runs
    (2,000 phones asking at the same instant wait for one read of the store)."""
    flight = flights.get(key)
    if flight is None:
        flight = asyncio.get_running_loop().create_future()
        flights[key] = flight
        try:
            flight.set_result(await run_in_threadpool(build))
        except BaseException as exc:
            flight.set_exception(exc)
        finally:
            del flights[key]
    result: T = await asyncio.shield(flight)
    return result


def _body(
    shared: _Round, index: _Ballots, round_bytes: bytes, ballot: dict[Any, int], done: bool
) -> bytes:
    assert shared.round is not None
    settings = shared.round.settings
    wire: dict[str, Any] = {}
    for (item, criterion), value in ballot.items():
        if settings.kind == "criteria":
            wire.setdefault(item_key(item), {})[criterion] = value
        else:
            wire[item_key(item)] = value
    return b"".join((
        b'{"round":', round_bytes, b',"choices":', _dumps(wire),
        b',"remaining":', _dumps(remaining(settings, ballot)),
        b',"done":', b"true" if done else b"false", b',"results":', index.results, b"}",
    ))  # fmt: skip

"""A typed, thread-safe event bus.

Operations publish an `Event` after their transaction commits. Subscribers are
plain callables, called in the publisher's thread: the Qt side subscribes through
one bridge QObject (widgets/bridge.py) that re-emits each event as a queued signal,
so no widget is ever touched from another thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

log = logging.getLogger(__name__)


class Topic(StrEnum):
    WORKSHOPS = "workshops"  # the list of workshops changed (created, renamed, archived…)
    WORKSHOP = "workshop"  # one workshop's own fields (cadrage, title, status) changed
    AGENDA = "agenda"  # phases or blocks of one workshop changed
    PARTICIPANTS = "participants"
    BOARD = "board"
    VOTES = "votes"  # a vote round opened, closed, revealed… (phones hear it)
    BALLOTS = "ballots"  # a ballot was cast (the console and the projector; not every phone)
    FEEDBACK = "feedback"
    PHOTOS = "photos"  # photos attached to a workshop (the compte-rendu's annexe)
    ACTIONS = "actions"
    TIMER = "timer"
    COFAC = "cofac"  # a co-facilitator laptop paired, changed role or was revoked


@dataclass(frozen=True, slots=True)
class Event:
    topic: Topic
    op: str
    workshop_id: int | None = None
    seq: int | None = None  # journal sequence number of the operation
    ids: tuple[int, ...] = field(default_factory=tuple)  # ids of the entities changed


Handler = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: list[tuple[Handler, frozenset[Topic] | None]] = []

    def subscribe(self, handler: Handler, topics: set[Topic] | None = None) -> Callable[[], None]:
        entry = (handler, frozenset(topics) if topics else None)
        with self._lock:
            self._handlers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._handlers:
                    self._handlers.remove(entry)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            handlers = list(self._handlers)
        for handler, topics in handlers:
            if topics is not None and event.topic not in topics:
                continue
            try:
                handler(event)
            except Exception:  # a broken view must not break the operation
                log.exception("event handler failed for %s", event)

"""Telling phones that something changed, coalesced, over one websocket each.

Operations publish on the core's bus from whatever thread ran them (the window, a request).
The `Broadcaster` hands each event to the server's event loop, gathers what arrives within a
few tens of milliseconds, and sends every connected phone one small message: the journal's
latest sequence number and the topics that changed. The phone fetches what it needs (its
phase, its clock, its own post-its) — nobody is sent everybody's post-its.
A phone that reconnects says the last sequence it saw; if the journal moved on, it is told
at once, so it catches up on whatever it missed while asleep or offline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable

from fastapi import WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketDisconnected

from app.errors import KnownError
from app.events import Event, EventBus, Topic

log = logging.getLogger(__name__)
COALESCE_SECONDS = 0.03
# what phones need to hear about: the séance (phase, clock) and the workshop; not each
# other's post-its or check-ins (a phone gets its own in the answer to its request)
PHONE_TOPICS = {Topic.TIMER, Topic.AGENDA, Topic.WORKSHOP, Topic.VOTES}
# a phone gone away (asleep, out of range, page closed) while its socket was written or read;
# `WebSocketDisconnected`: written after a failed send (a coalesced message) marked it closed
GONE = (WebSocketDisconnect, WebSocketDisconnected)


class Broadcaster:
    def __init__(
        self,
        bus: EventBus,
        workshop_id: int,
        latest_seq: Callable[[], int],
        topics: set[Topic] | None = PHONE_TOPICS,  # None: every topic (co-facilitator laptops)
    ) -> None:
        self.workshop_id = workshop_id
        self.latest_seq = latest_seq
        self._sockets: set[WebSocket] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending_topics: set[str] = set()
        self._pending_seq = 0
        self._flush_scheduled = False
        self._lock = threading.Lock()
        self._unsubscribe = bus.subscribe(self._on_event, topics)

    def close(self) -> None:
        self._unsubscribe()

    @property
    def connected(self) -> int:
        return len(self._sockets)

    # -- from any thread ---------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if event.workshop_id != self.workshop_id or self._loop is None:
            return
        with self._lock:
            self._pending_topics.add(event.topic.value)
            self._pending_seq = max(self._pending_seq, event.seq or 0)
            if self._flush_scheduled:
                return
            self._flush_scheduled = True
        with contextlib.suppress(RuntimeError):  # the loop is closing: nobody to tell
            self._loop.call_soon_threadsafe(self._schedule_flush)

    # -- on the server's event loop ------------------------------------------------------------
    def _schedule_flush(self) -> None:
        assert self._loop is not None
        self._loop.call_later(COALESCE_SECONDS, lambda: asyncio.ensure_future(self._flush()))

    async def _flush(self) -> None:
        with self._lock:
            topics, seq = sorted(self._pending_topics), self._pending_seq
            self._pending_topics, self._flush_scheduled = set(), False
        message = json.dumps({"type": "changed", "seq": seq, "topics": topics})
        await asyncio.gather(*(self._send(ws, message) for ws in list(self._sockets)))

    async def _send(self, ws: WebSocket, message: str) -> None:
        try:
            await ws.send_text(message)
        except Exception:  # a phone gone to sleep: forget it, it will reconnect
            self._sockets.discard(ws)

    async def serve(self, ws: WebSocket, since: int) -> None:
        """One phone's socket, for as long as it stays connected."""
        self._loop = asyncio.get_running_loop()
        await ws.accept()
        self._sockets.add(ws)
        try:
            latest = self.latest_seq()
            await ws.send_text(
                json.dumps({"type": "hello", "seq": latest, "behind": latest > since, "topics": []})
            )
            while True:  # phones only listen; reading notices when they go away
                message = await ws.receive()
                if message["type"] == "websocket.disconnect" or message.get("text") is None:
                    return  # gone; or a binary frame, which no phone page sends: the socket ends
        except GONE:
            pass  # it reconnects, and is told then whether it missed something
        except KnownError as exc:  # the store could not read the journal's latest sequence
            log.warning("phone socket ended: %s (%s)", exc.code, exc.message)
        except Exception:  # anything else is a bug: the socket ends as well, the server goes on
            log.exception("phone socket ended by an unexpected error")
        finally:
            self._sockets.discard(ws)

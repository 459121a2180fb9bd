"""Telling phones and laptops that something changed, coalesced, over one websocket each.

Operations publish on the core's bus from whatever thread ran them (the window, a request).
The `Broadcaster` hands each event to the server's event loop and sends every connected
socket one small message: the journal's latest sequence number and the topics that changed.
A quiet room hears at once (the first event after a quiet spell is sent on the next turn of
the loop); under load, what arrives within `COALESCE_SECONDS` of the previous message goes
together in the next one. The message is encoded once and written to the sockets in slices,
the loop free for requests between them (2,000 phones never hold it for the whole fan-out).
The phone fetches what it needs (its phase, its clock, its own post-its) — nobody is sent
everybody's post-its. Co-facilitator laptops (`carry`) get the journal entries themselves in
the message, read once per message for all of them, instead of each fetching them after.
A socket that reconnects says the last sequence it saw; if the journal moved on (in what
this socket hears of), it is told at once, so it catches up on whatever it missed while
asleep or offline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import threading
from collections.abc import Callable
from typing import Any

from fastapi import WebSocket
from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocketDisconnect, WebSocketDisconnected

from app.errors import KnownError
from app.events import Event, EventBus, Topic

log = logging.getLogger(__name__)
COALESCE_SECONDS = 0.03  # under load: at most one message per socket this often
SLICE = 250  # sockets written per turn of the event loop (~10 ms of it on an idle laptop)
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
        carry: Callable[[int], list[dict[str, Any]] | None] | None = None,
    ) -> None:
        """`carry(after)`: the journal entries after sequence `after` (None: too many to
        carry), sent in each message; read in a worker thread, once per message."""
        self.workshop_id = workshop_id
        self.latest_seq = latest_seq
        self._sockets: set[WebSocket] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending_topics: set[str] = set()
        self._pending_seq = 0
        self._flush_scheduled = False
        self._last_flush = -math.inf  # the loop's time of the last message
        self._sending: asyncio.Lock | None = None  # one message at a time, in order
        self._flushes: set[asyncio.Future[None]] = set()
        self._carry = carry
        self._carried = -1  # what the last message carried entries up to (-1: not yet)
        self._lock = threading.Lock()
        # the latest sequence a socket must know of: read from the store once (in a worker
        # thread), then followed from the events (500 phones reconnecting ask no query each)
        self._stored_seq: int | None = None
        self._heard_seq = 0
        self._unsubscribe = bus.subscribe(self._on_event, topics)

    def close(self) -> None:
        self._unsubscribe()

    @property
    def connected(self) -> int:
        return len(self._sockets)

    # -- from any thread ---------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if event.workshop_id != self.workshop_id:
            return
        self._heard_seq = max(self._heard_seq, event.seq or 0)
        if self._loop is None:
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
        wait = self._last_flush + COALESCE_SECONDS - self._loop.time()
        if wait <= 0:  # quiet until now: tell them on this turn of the loop
            self._start_flush()
        else:  # a message went out a moment ago: gather what comes until the next one
            self._loop.call_later(wait, self._start_flush)

    def _start_flush(self) -> None:
        task = asyncio.ensure_future(self._flush())
        self._flushes.add(task)  # kept until done (the loop holds only weak references)
        task.add_done_callback(self._flushes.discard)

    async def _flush(self) -> None:
        assert self._loop is not None
        if self._sending is None:
            self._sending = asyncio.Lock()
        async with self._sending:  # messages leave in the order of their sequences
            self._last_flush = self._loop.time()
            with self._lock:
                topics, seq = sorted(self._pending_topics), self._pending_seq
                self._pending_topics, self._flush_scheduled = set(), False
            data: dict[str, Any] = {"type": "changed", "seq": seq, "topics": topics}
            if self._carry is not None:
                await self._with_entries(data)
            message = json.dumps(data)  # encoded once for every socket
            sockets = list(self._sockets)
            for start in range(0, len(sockets), SLICE):  # the loop serves requests in between
                await asyncio.gather(
                    *(self._send(ws, message) for ws in sockets[start : start + SLICE])
                )

    async def _with_entries(self, data: dict[str, Any]) -> None:
        """The entries since the previous message, for laptops that have it (`after`)."""
        assert self._carry is not None
        after = self._carried if self._carried >= 0 else data["seq"]
        try:
            entries = await run_in_threadpool(self._carry, after) if after < data["seq"] else []
        except KnownError as exc:  # the store could not read the journal: they fetch it
            log.warning("journal not carried: %s (%s)", exc.code, exc.message)
            entries = None
        if entries is None:
            self._carried = data["seq"]  # they fetch; the next message carries from here
            return
        data["after"], data["entries"] = after, entries
        self._carried = max([after, *(e["seq"] for e in entries)])
        data["seq"] = max(data["seq"], self._carried)

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
            if self._stored_seq is None:
                self._stored_seq = await run_in_threadpool(self.latest_seq)
            latest = max(self._stored_seq, self._heard_seq)
            if self._carry is not None and self._carried < 0:
                self._carried = latest  # the next message carries what follows
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

"""One live stream for several processes on one PostgreSQL base: LISTEN/NOTIFY.

Several `atelier serve` (and windows) may serve one workshop from one PostgreSQL base. Each
process's event bus (app/events.py) hears only its own writes; this module carries the others'.

- Sending: the write path notes each committed operation's change in its session
  (`note_change`, called by app/ops/base and the phones' batched post-its); just before the
  group's transaction commits, `Database` calls `send`, which runs `pg_notify('atelier', …)`
  in that same transaction. NOTIFY is transactional: the others hear of a change only once it
  is committed, and never of one rolled back.
- Receiving: a `Relay` thread per process holds one connection that LISTENs (psycopg 3's
  `Connection.notifies`), and publishes on the local bus the events of the changes other
  processes committed, as the local write path would have (same topic, op, workshop, seq,
  ids). The phones' and co-facilitators' sockets, the séance's door, the tokens' cache and the
  window's views hear them as their own.
- A lost connection (PostgreSQL restarting) is opened again with backoff; what was committed
  meanwhile is caught up from the journal and published as one "relay.resync" event per topic
  and workshop, so every cache forgets and every view and phone refreshes.

On SQLite (one laptop, one process) none of this runs: the in-process bus is the whole stream.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.events import Event, EventBus, Topic
from app.store.models import JournalEntry

log = logging.getLogger(__name__)

CHANNEL = "atelier"
CHANGES = "atelier.changes"  # session.info: the changes of the transaction, to notify at commit
PAYLOAD_LIMIT = 7000  # PostgreSQL refuses a payload of 8000 bytes or more
IDS_SENT = 64  # a change's ids beyond these are left out (views refresh on the topic anyway)
RESYNC = "relay.resync"
APP_NAME = "atelier-relay"  # how the listening connection shows in pg_stat_activity
MAX_BACKOFF_S = 2.0  # a base back from a restart is heard again within this
JOURNAL = JournalEntry.__tablename__
_NOTIFY = text(
    "SELECT pg_notify(:channel, payload) FROM unnest(CAST(:payloads AS text[])) AS payload"
)


def note_change(session: Session, change: Any) -> None:
    """Remember a committed-to-be change (anything with topic, op, workshop_id, seq, ids)."""
    session.info.setdefault(CHANGES, []).append(change)


def payloads(origin: str, changes: Iterable[Any]) -> list[str]:
    """The notifications' texts: as few as fit under PostgreSQL's payload limit."""
    out: list[str] = []
    batch: list[list[Any]] = []
    size = 0
    for change in changes:
        topic = change.topic.value if isinstance(change.topic, Topic) else str(change.topic)
        item = [change.workshop_id, change.seq, topic, change.op, list(change.ids[:IDS_SENT])]
        length = len(json.dumps(item, separators=(",", ":")))
        if batch and size + length > PAYLOAD_LIMIT - 100:
            out.append(json.dumps({"o": origin, "c": batch}, separators=(",", ":")))
            batch, size = [], 0
        batch.append(item)
        size += length + 1
    if batch:
        out.append(json.dumps({"o": origin, "c": batch}, separators=(",", ":")))
    return out


def send(session: Session, origin: str) -> None:
    """Notify the other processes of the transaction's changes (in the transaction)."""
    changes = session.info.pop(CHANGES, None)
    if not changes:
        return
    texts = payloads(origin, changes)
    session.connection().execute(_NOTIFY, {"channel": CHANNEL, "payloads": texts})


def new_origin() -> str:
    return uuid.uuid4().hex[:12]


def parse(payload: str) -> tuple[str, list[Event]]:
    """(the sending process, the events) of one notification; a malformed one has none."""
    try:
        data = json.loads(payload)
        origin = str(data["o"])
        events = [
            Event(Topic(topic), str(op), wid if wid is None else int(wid), int(seq),
                  tuple(int(i) for i in ids))
            for wid, seq, topic, op, ids in data["c"]
        ]  # fmt: skip
    except (ValueError, KeyError, TypeError):
        log.warning("ignored a malformed notification: %.200s", payload)
        return "", []
    return origin, events


def conninfo(url: str) -> str:
    """psycopg's connection string for a SQLAlchemy URL (its `sslmode` and other options kept)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


class Relay:
    """The listening thread of one process: other processes' changes onto the local bus."""

    def __init__(self, url: str, origin: str, bus: EventBus, *, poll: float = 0.25) -> None:
        self._conninfo = conninfo(url)
        self.origin = origin
        self._bus = bus
        self._poll = poll
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._last_seq = 0  # the highest journal sequence heard of (caught up after a loss)
        self.heard = 0  # other processes' changes published here (tests, bench)
        self.reconnections = 0
        self._thread = threading.Thread(target=self._run, name="atelier-relay", daemon=True)

    def start(self, timeout: float = 10.0) -> Relay:
        self._thread.start()
        if not self._listening.wait(timeout):
            log.warning("the relay is not listening yet; it keeps trying")
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def _run(self) -> None:
        import psycopg

        delay = 0.2
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self._conninfo, autocommit=True, connect_timeout=5, application_name=APP_NAME
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if first:
                        self._last_seq = self._latest(conn)
                    else:
                        self.reconnections += 1
                        self._catch_up(conn)
                    first = False
                    self._listening.set()
                    delay = 0.2
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=self._poll):
                            self._heard(note.payload)
            except psycopg.Error as exc:
                self._listening.clear()
                if self._stop.is_set():
                    return
                log.warning("relay: the base does not answer (%s); trying again", exc)
                self._stop.wait(delay)
                delay = min(delay * 2, MAX_BACKOFF_S)
            except Exception:  # a bug: logged, and the relay goes on after a pause
                self._listening.clear()
                log.exception("relay failed")
                self._stop.wait(1.0)
        self._listening.clear()

    def _heard(self, payload: str) -> None:
        origin, events = parse(payload)
        for event in events:
            if event.seq:
                self._last_seq = max(self._last_seq, event.seq)
        if origin == self.origin:
            return  # this process published its own changes already
        for event in events:
            self.heard += 1
            self._bus.publish(event)

    @staticmethod
    def _latest(conn: Any) -> int:
        row = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {JOURNAL}").fetchone()
        return int(row[0]) if row else 0

    def _catch_up(self, conn: Any) -> None:
        """After a lost connection: every workshop whose journal moved on hears of it, once per
        topic (what changed is not known from the journal alone)."""
        rows = conn.execute(
            f"SELECT workshop_id, max(seq) FROM {JOURNAL} WHERE seq > %s GROUP BY workshop_id",
            (self._last_seq,),
        ).fetchall()
        for wid, seq in rows:
            self._last_seq = max(self._last_seq, int(seq))
            for topic in Topic:
                self._bus.publish(Event(topic, RESYNC, wid, int(seq)))


def start_relay(db: Any, bus: EventBus) -> Relay | None:
    """The relay of a process on a PostgreSQL base (None on SQLite: one process, one bus)."""
    if db.is_sqlite:
        return None
    return Relay(db.url, db.origin, bus).start()

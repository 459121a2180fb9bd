"""The co-facilitator laptop's side: pair with a host, keep a full replica, send operations.

No Qt. The replica is an ordinary Atelier store (a file of its own), so the co-facilitator's
window reads it with the usual queries, and the compte-rendu is built from it if the host dies.
Two threads: one listens to the host's websocket (it says "something changed", with the journal
entries themselves when they are few), one does every HTTP request — it sends the outbox,
then catches up on the journal (from the entries the socket carried when they follow what the
replica has, without asking the host). Operations go to a
durable outbox first (a table of the replica, written with the usual fsync), each with its own
idempotency key, so one is sent again after a disconnection and never applies twice. While the
host cannot be reached the client is "hors ligne": reading goes on, operations wait.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session
from websockets.sync.client import connect

from app import __version__
from app.errors import KnownError
from app.events import Event, EventBus, Topic
from app.ops import replica
from app.ops.base import Context
from app.ops.report_data import report_data
from app.reports.compte_rendu import build_report
from app.store.db import Database
from app.store.models import OutboxItem

log = logging.getLogger(__name__)
REPLAY_LIMIT = 500  # further behind than this, a snapshot is quicker than replaying
RECONNECT_FIRST, RECONNECT_MAX = 0.1, 2.0
REVOKED_CLOSE = 4401  # the host closes a revoked laptop's websocket with this code
TOPIC_OF = {
    "board": Topic.BOARD,
    "live": Topic.TIMER,
    "votes": Topic.VOTES,
    "participants": Topic.PARTICIPANTS,
    "cofac": Topic.COFAC,
    "agenda": Topic.AGENDA,
    "feedback": Topic.FEEDBACK,
}


class HostUnreachable(KnownError):
    code = "hors_ligne"

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Hors ligne : l'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer à "
            "lire ; vos actions partiront dès son retour." + (f" ({detail})" if detail else "")
        )


class Revoked(KnownError):
    code = "jeton_invalide"


def base_url(address: str) -> str:
    """'192.168.1.10:8765', 'http://host:8765/…' or a bare host → 'http://host:port/'."""
    text = address.strip()
    if "://" not in text:
        text = f"http://{text}"
    parts = urlsplit(text)
    if not parts.hostname:
        raise KnownError(f"Adresse invalide : « {address} ».", code="saisie_invalide")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"http://{host}:{parts.port or 8765}/"


def _raise_for(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        body = response.json()
        code, message = str(body["code"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        raise HostUnreachable(f"réponse {response.status_code}") from None
    if response.status_code >= 500:
        raise HostUnreachable(message)
    if code == "jeton_invalide":
        raise Revoked(message)
    raise KnownError(message, code=code)


@dataclass(frozen=True, slots=True)
class Pairing:
    url: str
    token: str
    workshop_id: int
    laptop_id: int
    name: str
    role: str
    title: str


def new_device_key() -> str:
    return secrets.token_urlsafe(18)


def pair(address: str, code: str, name: str, device_key: str, *, timeout: float = 5.0) -> Pairing:
    """Join the host's séance with the code it shows (KnownError with the host's message)."""
    url = base_url(address)
    try:
        with httpx.Client(base_url=url, timeout=timeout, trust_env=False) as client:
            response = client.post(
                "/api/cofac/pair", json={"code": code, "name": name, "device_key": device_key}
            )
    except httpx.HTTPError as exc:
        raise HostUnreachable(str(exc)) from None
    _raise_for(response)
    body = response.json()
    if body.get("version") != __version__:
        raise KnownError(
            f"L'ordinateur de l'animatrice a Atelier {body.get('version')}, celui-ci "
            f"{__version__} : installez la même version sur les deux.",
            code="version_differente",
        )
    laptop = body["laptop"]
    return Pairing(
        url, body["token"], int(laptop["workshop_id"]), int(laptop["id"]), laptop["name"],
        laptop["role"], body["title"],
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sent:
    key: str
    op: str
    status: str  # pending, done, refused
    answer: dict[str, Any] | None


class CoFacClient:
    """One paired laptop: its replica (`db`), its outbox, its connection to the host."""

    def __init__(
        self,
        db: Database,
        pairing: Pairing,
        *,
        bus: EventBus | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.db, self.pairing = db, pairing
        self.workshop_id = pairing.workshop_id
        self.bus = bus or EventBus()
        self.ctx = Context(db, self.bus, actor=f"cofac:{pairing.name}")
        self._http = httpx.Client(
            base_url=pairing.url,
            timeout=timeout,
            trust_env=False,
            headers={"Authorization": f"Bearer {pairing.token}"},
        )
        self._sync_lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        # what the socket carried: (the sequence the entries follow, the entries), oldest first
        self._carried: deque[tuple[int, list[dict[str, Any]]]] = deque()
        self._heard = 0  # the latest sequence the socket told of
        self._stop = threading.Event()
        self._state = threading.Condition()
        self.online = False
        self.revoked = False
        self.last_error = ""
        self._threads: list[threading.Thread] = []
        self._socket: Any = None
        self.status_listeners: list[Callable[[bool], None]] = []
        # told (from the caller's or the worker's thread) when an operation is queued or answered
        self.outbox_listeners: list[Callable[[Sent], None]] = []

    # -- status ------------------------------------------------------------------------------
    def _set_online(self, online: bool, error: str = "") -> None:
        with self._state:
            online = online and not self.revoked  # a request answered just before revocation
            changed = online != self.online
            self.online = online
            self.last_error = error
            self._state.notify_all()
        if changed:
            for listener in list(self.status_listeners):
                listener(online)

    def _set_revoked(self, error: str) -> None:
        """The host refused this laptop's token (revoked, or a séance it no longer knows):
        stop for good, and tell the listeners even if it was already offline."""
        with self._state:
            already = self.revoked
            self.revoked = True
            self.online = False
            self.last_error = error
            self._state.notify_all()
        if already:
            return
        log.info("co-facilitation: the host removed this laptop's access; no more reconnecting")
        self._wake.set()  # the worker ends
        sock = self._socket
        if sock is not None:
            try:
                sock.close()
            except Exception:
                log.debug("closing the socket", exc_info=True)
        for listener in list(self.status_listeners):
            listener(False)

    @property
    def running(self) -> bool:
        """Whether the client still talks to the host (False once stopped or revoked)."""
        return any(thread.is_alive() for thread in self._threads)

    @property
    def status_text(self) -> str:
        if self.revoked:
            return "Déconnecté par l'animatrice"
        return "En ligne" if self.online else "Hors ligne"

    # -- reading the host ---------------------------------------------------------------------
    def _get(self, path: str, **params: Any) -> Any:
        try:
            response = self._http.get(path, params=params)
        except httpx.HTTPError as exc:
            raise HostUnreachable(str(exc)) from None
        _raise_for(response)
        return response.json()

    def seq(self) -> int:
        """The host's journal sequence the replica reflects."""
        return replica.replica_seq(self.db, self.workshop_id)

    def sync(self) -> int:
        """Catch up with the host: replay its journal entries, or take a snapshot."""
        with self._sync_lock:
            start = self.seq()
            carried = self._take_carried(start)
            if (
                carried
                and start
                and len(carried) <= REPLAY_LIMIT
                and replica.apply_entries(self.db, self.workshop_id, carried, self.pairing.url)
            ):
                self._announce(carried, whole=False)
                start = self.seq()
            if carried is not None and start >= self._heard:
                return start  # the socket brought everything: no request to the host
            entries: list[dict[str, Any]] = []
            since = start
            while True:
                page = self._get("/api/cofac/journal", since=since)
                entries += page["entries"]
                if not page["more"] or not page["entries"]:
                    break
                since = page["entries"][-1]["seq"]
            if not entries and start:
                return start
            url = self.pairing.url
            if (
                start
                and len(entries) <= REPLAY_LIMIT
                and replica.apply_entries(self.db, self.workshop_id, entries, url)
            ):
                seq = self.seq()
                self._announce(entries, whole=False)
                return seq
            data = self._get("/api/cofac/snapshot")
            seq = replica.apply_snapshot(self.db, data, url)
            after = entries[-1]["seq"] if entries else start
            while after < seq:  # the history up to the snapshot
                page = self._get("/api/cofac/journal", since=after)
                kept = [e for e in page["entries"] if e["seq"] <= seq]
                entries += kept
                if not kept or not page["more"]:
                    break
                after = kept[-1]["seq"]
            self.db.write(lambda s: replica.store_journal(s, self.workshop_id, entries))
            self._announce(entries, whole=True)
            return seq

    def _take_carried(self, start: int) -> list[dict[str, Any]] | None:
        """The entries the socket carried that follow `start` without a gap ([] if it had
        nothing newer), or None if there are none or a gap (the journal is asked then)."""
        batches = []
        while self._carried:
            batches.append(self._carried.popleft())
        if not batches:
            return None
        out: list[dict[str, Any]] = []
        last = start
        for after, entries in batches:
            if after > last:
                return None  # something between: fetched from the journal
            new = [e for e in entries if int(e["seq"]) > last]
            out += new
            last = int(new[-1]["seq"]) if new else last
        return out

    def _announce(self, entries: list[dict[str, Any]], *, whole: bool) -> None:
        """Tell the laptop's own views (through its bus) what the host changed."""
        last = entries[-1]["seq"] if entries else None
        if whole:
            topics = set(Topic)
        else:
            topics = {TOPIC_OF.get(e["op"].split(".")[0], Topic.WORKSHOP) for e in entries}
            if any(e["op"] in ("undo", "redo") for e in entries):
                topics |= {Topic.BOARD, Topic.AGENDA, Topic.VOTES}
        for topic in sorted(topics):
            self.bus.publish(Event(topic, "replica.sync", self.workshop_id, last))

    # -- operations -----------------------------------------------------------------------------
    def submit(self, op: str, args: dict[str, Any] | None = None) -> str:
        """Queue an operation for the host (durably); returns its idempotency key."""
        key = secrets.token_urlsafe(24)

        def work(session: Session) -> None:
            session.add(
                OutboxItem(key=key, workshop_id=self.workshop_id, op=op, args=dict(args or {}),
                           status="pending", created_at=self.ctx.clock())
            )  # fmt: skip

        self.db.write(work)
        self._tell_outbox(Sent(key, op, "pending", None))
        self._wake.set()
        return key

    def _tell_outbox(self, item: Sent) -> None:
        for listener in list(self.outbox_listeners):
            try:
                listener(item)
            except Exception:  # a view's bug must not stop the outbox
                log.exception("outbox listener")

    def outbox(self, status: str | None = None) -> list[Sent]:
        def work(session: Session) -> list[Sent]:
            query = select(OutboxItem).where(OutboxItem.workshop_id == self.workshop_id)
            if status is not None:
                query = query.where(OutboxItem.status == status)
            rows = session.scalars(query.order_by(OutboxItem.id))
            return [Sent(r.key, r.op, r.status, r.answer) for r in rows]

        return self.db.read(work)

    def flush(self) -> int:
        """Send the pending operations, in order; returns how many the host answered."""
        sent = 0
        with self._flush_lock:
            for item in self.outbox("pending"):
                body = {"op": item.op, "args": self._args(item.key), "key": item.key}
                try:
                    response = self._http.post("/api/cofac/op", json=body)
                except httpx.HTTPError as exc:
                    raise HostUnreachable(str(exc)) from None
                try:
                    _raise_for(response)
                except Revoked as exc:
                    self._set_revoked(exc.message)
                    raise
                except HostUnreachable:
                    raise
                except KnownError as exc:
                    if exc.code in ("trop_de_requetes", "appairage_bloque"):
                        raise HostUnreachable(exc.message) from None
                    self._settle(item.key, "refused", {"code": exc.code, "message": exc.message})
                else:
                    self._settle(item.key, "done", response.json())
                sent += 1
        return sent

    def _args(self, key: str) -> dict[str, Any]:
        def work(session: Session) -> dict[str, Any]:
            row = session.scalars(select(OutboxItem).where(OutboxItem.key == key)).one()
            return dict(row.args)

        return self.db.read(work)

    def _settle(self, key: str, status: str, answer: dict[str, Any]) -> None:
        def work(session: Session) -> str:
            row = session.scalars(select(OutboxItem).where(OutboxItem.key == key)).one()
            row.status, row.answer = status, answer
            return row.op

        op = self.db.write(work)
        with self._state:
            self._state.notify_all()
        self._tell_outbox(Sent(key, op, status, answer))

    def wait(self, predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait (without polling the host) until `predicate()` holds after some change of this
        client's state: a sync, an answer, a connection."""
        with self._state:
            return self._state.wait_for(predicate, timeout)

    # -- running in the background -------------------------------------------------------------
    def start(self) -> CoFacClient:
        for target, name in ((self._listen, "cofac-listen"), (self._work, "cofac-work")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._wake.set()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        sock = self._socket
        if sock is not None:
            try:
                sock.close()
            except Exception:
                log.debug("closing the socket", exc_info=True)
        for thread in self._threads:
            thread.join(timeout)
        self._http.close()

    def _ws_url(self) -> str:
        return self.pairing.url.replace("http://", "ws://", 1) + "api/cofac/ws"

    def _listen(self) -> None:
        delay = RECONNECT_FIRST
        while not self._stop.is_set() and not self.revoked:
            try:
                with connect(
                    f"{self._ws_url()}?since={self.seq()}",
                    additional_headers={"Authorization": f"Bearer {self.pairing.token}"},
                    proxy=None,
                    open_timeout=5,
                    compression=None,
                ) as ws:
                    self._socket = ws
                    delay = RECONNECT_FIRST
                    for message in ws:
                        data = json.loads(message)
                        if data.get("type") in ("hello", "changed"):
                            self._heard = max(self._heard, int(data.get("seq") or 0))
                            if isinstance(data.get("entries"), list):
                                self._carried.append((int(data["after"]), data["entries"]))
                            self._wake.set()
            except Exception as exc:  # refused, reset, closed by the host
                if getattr(getattr(exc, "rcvd", None), "code", None) == REVOKED_CLOSE:
                    self._set_revoked("Accès retiré par l'animatrice.")
                elif getattr(exc, "response", None) is not None:
                    # the host answered but refused the socket (a token it no longer takes
                    # is refused before the handshake): the worker asks it over HTTP
                    self._wake.set()
                log.debug("co-facilitation socket: %s", exc)
            self._socket = None
            if self._stop.is_set() or self.revoked:
                break  # revoked: the host will not take this token again
            self._set_online(False, "connexion perdue")
            self._stop.wait(delay)  # a back-off between reconnections, not a test's sleep
            delay = min(delay * 2, RECONNECT_MAX)

    def _work(self) -> None:
        while not self._stop.is_set() and not self.revoked:
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set() or self.revoked:
                break
            try:
                self.flush()
                self.sync()
                self._set_online(True)
            except Revoked as exc:
                self._set_revoked(exc.message)
            except HostUnreachable as exc:
                self._set_online(False, exc.message)
            except KnownError as exc:
                log.warning("co-facilitation: %s", exc.message)
                with self._state:
                    self._state.notify_all()
            except Exception:
                log.exception("co-facilitation worker")
            with self._state:
                self._state.notify_all()

    # -- when the host is gone ------------------------------------------------------------------
    def export_report(self, path: str | Path, **options: Any) -> None:
        """The compte-rendu, from the replica (the host may be gone for good)."""
        build_report(report_data(self.ctx, self.workshop_id, **options), path)


# -- the laptop's replicas folder ---------------------------------------------------------------
REPLICA_FILE = re.compile(r"seance-[A-Za-z0-9-]+-\d+\.sqlite3(-wal|-shm|-journal)?")
REPLICA_KEEP_DAYS = 30


def prune_replicas(
    folder: Path, *, keep_days: float = REPLICA_KEEP_DAYS, now: float | None = None
) -> list[Path]:
    """Delete the replicas (`seance-<host>-<id>.sqlite3` and their -wal/-shm) not written for
    `keep_days` days; nothing else in the folder is touched. Returns the files deleted.

    Run at start-up, before any replica is opened; a file that cannot be deleted is left.
    """
    cutoff = (time.time() if now is None else now) - keep_days * 86400
    groups: dict[str, list[Path]] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = REPLICA_FILE.fullmatch(path.name)
        if match is None or path.is_symlink() or not path.is_file():
            continue
        groups.setdefault(path.name.removesuffix(match.group(1) or ""), []).append(path)
    deleted: list[Path] = []
    for files in groups.values():
        try:
            newest = max(f.stat().st_mtime for f in files)
        except OSError:
            continue
        if newest >= cutoff:
            continue
        for path in sorted(files, key=lambda f: f.name, reverse=True):  # -wal/-shm first
            try:
                path.unlink()
                deleted.append(path)
            except OSError:
                log.warning("could not delete the old replica %s", path, exc_info=True)
    return deleted

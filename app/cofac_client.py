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

Everything goes over TLS to the host's self-signed certificate. Pairing proves with the code
that the certificate is the host's (`app.domain.pairing`, which says the threat model); the
laptop then pins it (`Pairing.certificate`, kept by `app.replica_files`) and talks to nothing
else: another certificate is refused (`CertificateChanged`) before any request is sent.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import ssl
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
from app.domain import pairing as proof
from app.errors import KnownError, phrase
from app.events import Event, EventBus, Topic
from app.ops import replica
from app.ops.base import Context
from app.ops.report_data import report_data
from app.reports.compte_rendu import build_report
from app.store.db import Database
from app.store.models import OutboxItem
from app.system.certificate import fingerprint, peer_certificate, pinned_context

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
        if detail:
            super().__init__(
                "Hors ligne : l'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer "
                "à lire ; vos actions partiront dès son retour. ({detail})",
                detail=detail,
            )
        else:
            super().__init__(
                "Hors ligne : l'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer "
                "à lire ; vos actions partiront dès son retour."
            )


class Revoked(KnownError):
    code = "jeton_invalide"


class CertificateChanged(HostUnreachable):
    """The host answered with another certificate than the one pinned at pairing."""

    code = "certificat_different"

    def __init__(self) -> None:
        super(HostUnreachable, self).__init__(
            "L'ordinateur qui répond à cette adresse n'est pas celui avec lequel cet ordinateur "
            "a été appairé (son certificat a changé) : rien ne lui a été envoyé. Si l'animatrice "
            "a changé d'ordinateur, appairez de nouveau avec le code qu'elle affiche.",
        )


FAKE_HOST = (
    "L'ordinateur qui répond n'a pas prouvé qu'il connaît le code d'appairage : soit le code "
    "est faux, soit ce n'est pas l'ordinateur de l'animatrice (une autre séance peut porter le "
    "même titre). Rien ne lui a été envoyé. Vérifiez les 6 chiffres et l'adresse affichés sur "
    "son écran."
)
COFAC_PORT = 8766  # the host's co-facilitation port (TLS): the phones' port + 1


def _refused_certificate(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _unreachable(exc: httpx.HTTPError) -> HostUnreachable:
    return CertificateChanged() if _refused_certificate(exc) else HostUnreachable(str(exc))


def base_url(address: str) -> str:
    """'192.168.1.10:8766', 'https://host:8766/…' or a bare host → 'https://host:port/' (the
    host's co-facilitation port: always TLS)."""
    text = address.strip()
    if "://" not in text:
        text = f"https://{text}"
    parts = urlsplit(text)
    if not parts.hostname:
        raise KnownError(
            "Adresse invalide : « {address} ».", code="saisie_invalide", address=address
        )
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"https://{host}:{parts.port or COFAC_PORT}/"


def _raise_for(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        body = response.json()
        code, message = str(body["code"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        raise HostUnreachable(
            phrase("réponse {status_code}", status_code=response.status_code)
        ) from None
    if response.status_code >= 500:
        raise HostUnreachable(message)
    if code == "jeton_invalide":
        raise Revoked(message)
    template, params = body.get("template"), body.get("params")
    if isinstance(template, str) and isinstance(params, dict):  # the host's error, translatable
        try:
            known = KnownError(template, code=code, **{str(k): str(v) for k, v in params.items()})
        except (KeyError, IndexError, ValueError):
            known = KnownError(message, code=code)
        if known.message == message:
            raise known
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
    certificate: str = ""  # the host's certificate (PEM), pinned: no other is accepted
    approved: bool = True  # False: the lead has not let this laptop in yet

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate) if self.certificate else ""

    def tls(self) -> ssl.SSLContext:
        """The TLS context of every request to the host: its pinned certificate only."""
        if not self.certificate:  # never paired through the code: trust nothing at all
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            return context
        return pinned_context(self.certificate)


def new_device_key() -> str:
    return secrets.token_urlsafe(18)


def pair(address: str, code: str, name: str, device_key: str, *, timeout: float = 5.0) -> Pairing:
    """Join the host's séance with the code it shows (KnownError with the host's message).

    The certificate the host presents is read first, and every request after is pinned to it;
    the code is never sent: the host proves it knows it for that certificate (else `FAKE_HOST`,
    and nothing else is sent), then this laptop proves it too (`app.domain.pairing`).
    """
    url = base_url(address)
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    try:
        pem = peer_certificate(parts.hostname, parts.port, timeout)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise HostUnreachable(str(exc) or type(exc).__name__) from None
    seen = fingerprint(pem)
    laptop = proof.LaptopSide(code)
    try:
        with httpx.Client(
            base_url=url, timeout=timeout, trust_env=False, verify=pinned_context(pem)
        ) as client:
            response = client.post("/api/cofac/pair/start", json={"message": laptop.message})
            _raise_for(response)
            started = response.json()
            try:
                mine = laptop.finish(str(started["message"]), str(started["proof"]), seen)
            except (proof.ProofFailed, KeyError, TypeError):
                raise KnownError(FAKE_HOST, code="hote_non_authentifie") from None
            response = client.post(
                "/api/cofac/pair",
                json={"exchange": started["exchange"], "proof": mine, "name": name,
                      "device_key": device_key},
            )  # fmt: skip
    except httpx.HTTPError as exc:
        raise _unreachable(exc) from None
    _raise_for(response)
    body = response.json()
    if body.get("version") != __version__:
        raise KnownError(
            "L'ordinateur de l'animatrice a Atelier {host_version}, celui-ci {version} : installez la même version sur les deux.",
            code="version_differente",
            host_version=body.get("version"),
            version=__version__,
        )
    info = body["laptop"]
    return Pairing(
        url, body["token"], int(info["workshop_id"]), int(info["id"]), info["name"],
        info["role"], body["title"], pem, bool(info.get("approved", False)),
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
        self._tls = pairing.tls()
        self._http = httpx.Client(
            base_url=pairing.url,
            timeout=timeout,
            trust_env=False,
            verify=self._tls,
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
        self.waiting = not pairing.approved  # for the lead's approval: no data until then
        self.last_error = ""
        self._threads: list[threading.Thread] = []
        self._socket: Any = None
        self.status_listeners: list[Callable[[bool], None]] = []
        # told (from the caller's or the worker's thread) when an operation is queued or answered
        self.outbox_listeners: list[Callable[[Sent], None]] = []

    # -- status ------------------------------------------------------------------------------
    def _set_online(self, online: bool, error: str = "", *, waiting: bool | None = None) -> None:
        with self._state:
            online = online and not self.revoked  # a request answered just before revocation
            changed = online != self.online or (waiting is not None and waiting != self.waiting)
            self.online = online
            if waiting is not None:
                self.waiting = waiting
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
        if self.waiting and self.online:
            return "En attente de l'accord de l'animatrice"
        return "En ligne" if self.online else "Hors ligne"

    # -- reading the host ---------------------------------------------------------------------
    def _get(self, path: str, **params: Any) -> Any:
        try:
            response = self._http.get(path, params=params)
        except httpx.HTTPError as exc:
            raise _unreachable(exc) from None
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
                and not any(self._about_me(e) for e in entries)
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
            # (an erasure among them scrubs the history this laptop kept before the snapshot)
            self.db.write(lambda s: replica.store_journal(s, self.workshop_id, entries))
            if replica.scrubbing(entries):
                self.db.forget_freed()
            self._announce(entries, whole=True)
            return seq

    def _about_me(self, entry: dict[str, Any]) -> bool:
        """Whether an entry changes what this laptop may see (its role, its approval): then
        a snapshot, which the host makes for its role, replaces the replica's rows."""
        if entry.get("op") not in ("cofac.role", "cofac.approve"):
            return False
        return any(
            isinstance(a, list) and len(a) == 2 and isinstance(a[1], dict)
            and a[1].get("id") == self.pairing.laptop_id
            for a in entry.get("forward") or []
        )  # fmt: skip

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
                    raise _unreachable(exc) from None
                try:
                    _raise_for(response)
                except Revoked as exc:
                    self._set_revoked(exc.message)
                    raise
                except HostUnreachable:
                    raise
                except KnownError as exc:
                    if exc.code == "en_attente":
                        raise  # not approved yet: the item waits
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
        return self.pairing.url.replace("https://", "wss://", 1) + "api/cofac/ws"

    def _listen(self) -> None:
        delay = RECONNECT_FIRST
        while not self._stop.is_set() and not self.revoked:
            try:
                with connect(
                    f"{self._ws_url()}?since={self.seq()}",
                    additional_headers={"Authorization": f"Bearer {self.pairing.token}"},
                    proxy=None,
                    ssl=self._tls,
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
                self._set_online(True, waiting=False)
            except Revoked as exc:
                self._set_revoked(exc.message)
            except HostUnreachable as exc:
                self._set_online(False, exc.message, waiting=self.waiting)
            except KnownError as exc:
                if exc.code == "en_attente":  # the lead has not approved this laptop yet
                    self._set_online(True, exc.message, waiting=True)
                else:
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

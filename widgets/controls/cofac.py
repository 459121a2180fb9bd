"""Co-facilitation: pairing laptops with the host's séance, and joining another's.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.ops.base import Change
from app.replica_files import device_key, pin_certificate, replica_folder, replica_path
from widgets.controls.base import Controls

if TYPE_CHECKING:
    from app.cofac_client import CoFacClient, Pairing
    from app.ops.cofac import CoFacInfo
    from app.ops.takeover import TakenOver
    from app.server.cofac import CofacHost, Presence
    from app.server.discovery import Advertiser, Browser, Found
    from app.server.runner import ServerThread

log = logging.getLogger(__name__)


class CofacControls(Controls):
    """The host's side (the code, the laptops, their roles, the announcement) and the joining
    laptop's (finding séances, pairing, its replica, taking over)."""

    # -- co-facilitation: the host's side ------------------------------------------------------
    @staticmethod
    def _cofac_host(server: ServerThread | None) -> CofacHost | None:
        """The séance server's pairing side, or None."""
        app = getattr(server, "_app", None)  # the FastAPI app the ServerThread serves
        host: CofacHost | None = getattr(getattr(app, "state", None), "cofac", None)
        return host

    def cofac_roles(self) -> list[str]:
        """The co-facilitators' roles (keys of `app.ops.cofac.ROLES`), widest first."""
        from app.ops import cofac

        return list(cofac.ROLES)

    def cofac_code(self, server: ServerThread | None) -> str:
        """The 6-digit pairing code of the open séance ("" without a server)."""
        host = self._cofac_host(server)
        return host.code() if host is not None else ""

    def renew_cofac_code(self, server: ServerThread | None) -> str:
        """A new pairing code (the old one stops working; wrong codes typed against it are
        forgotten): "" without a server."""
        host = self._cofac_host(server)
        return host.new_code() if host is not None else ""

    def cofac_suspended(self, server: ServerThread | None) -> bool:
        """Whether too many wrong codes retired the current pairing code."""
        host = self._cofac_host(server)
        return host.suspended if host is not None else False

    def cofac_laptops(
        self, server: ServerThread | None, workshop_id: int
    ) -> list[tuple[CoFacInfo, Presence | None]]:
        """The laptops paired with the workshop and not revoked: (`CoFacInfo`, `Presence` or
        None if not heard of since the server started)."""
        from app.ops import cofac

        host = self._cofac_host(server)
        presence = host.presence() if host is not None else {}
        laptops = self._call(cofac.cofacilitators, self.ctx, workshop_id) or []
        return [(info, presence.get(info.id)) for info in laptops if not info.revoked]

    def watch_cofac(
        self, server: ServerThread | None, callback: Callable[[], None]
    ) -> Callable[[], None]:
        """Call `callback` (from the server's thread) when a laptop connects or leaves."""
        host = self._cofac_host(server)
        if host is None:
            return lambda: None
        host.presence_listeners.append(callback)

        def forget() -> None:
            if callback in host.presence_listeners:
                host.presence_listeners.remove(callback)

        return forget

    def set_cofac_role(self, workshop_id: int, cofac_id: int, role: str) -> Change | None:
        from app.ops import cofac

        return self._call(cofac.set_role, self.ctx, workshop_id, cofac_id, role)

    def approve_cofac(self, workshop_id: int, cofac_id: int) -> Change | None:
        """Let a newly paired laptop in (it gets no data before)."""
        from app.ops import cofac

        return self._call(cofac.approve, self.ctx, workshop_id, cofac_id)

    def revoke_cofac(self, workshop_id: int, cofac_id: int) -> Change | None:
        from app.ops import cofac

        return self._call(cofac.revoke, self.ctx, workshop_id, cofac_id)

    def advertise(self, workshop_id: int, server: ServerThread, host: str) -> Advertiser | None:
        """Announce the séance on the local network (in the background) for "Rejoindre une
        séance"; only on the chosen address when there is one. The advertiser, or None."""
        from app.server.discovery import Advertiser
        from app.system.network import local_addresses

        detail = self.detail(workshop_id)
        chosen = host not in ("", "0.0.0.0") and host in local_addresses()
        addresses = [host] if chosen else [a for a in local_addresses() if ":" not in a]
        if detail is None or not addresses:
            return None
        return Advertiser(
            detail.title,
            server.cofac_port,  # laptops talk to the host over TLS, there
            workshop_id,
            addresses,
            interfaces=addresses if chosen else None,
        ).start()

    @staticmethod
    def stop_advertising(advertiser: Advertiser) -> None:
        """Withdraw the announcement; zeroconf's goodbye takes a moment: not on the GUI thread."""
        import threading

        threading.Thread(target=advertiser.close, name="atelier-mdns-close", daemon=True).start()

    # -- co-facilitation: joining another laptop's séance ---------------------------------------
    @staticmethod
    def browse_seances(host: str, on_change: Callable[[list[Found]], None]) -> Browser | None:
        """Look for séances on the local network (only on the chosen address's network when the
        settings name one); `on_change(list of Found)` is called from zeroconf's threads. The
        browser (close it), or None if this computer has no network at all."""
        from app.server.discovery import Browser

        try:
            return Browser(
                interfaces=[host] if host not in ("", "0.0.0.0") else None, on_change=on_change
            )
        except OSError:
            log.warning("no local network to browse", exc_info=True)
            return None

    def pair_job(self, address: str, code: str, name: str) -> Callable[[], Pairing]:
        """Pairing with a host as a job to run off the GUI thread: job() → `Pairing`, or
        KnownError with the host's French message."""
        from app.cofac_client import pair

        folder = self._replica_folder()
        key = device_key(folder)  # kept: pairing again keeps its role

        def job() -> Pairing:
            paired = pair(address, code, name, key)
            try:  # the certificate the code proved: every later request is pinned to it
                pin_certificate(folder, paired.url, paired.certificate)
            except OSError:
                log.warning("could not keep the host's certificate", exc_info=True)
            return paired

        return job

    def _replica_folder(self) -> Path:
        return replica_folder(self.ctx.db.url)

    def prune_replicas(self) -> int:
        """At start-up: delete the copies of séances joined from this laptop and not written
        for 30 days (`app.cofac_client.prune_replicas`); how many files went."""
        from app.cofac_client import prune_replicas

        gone = prune_replicas(self._replica_folder())
        if gone:
            log.info("deleted %d file(s) of old co-animation replicas", len(gone))
        return len(gone)

    def take_over(self, remote: Controls, workshop_id: int) -> TakenOver | None:
        """Carry on a joined séance on this laptop: the workshop of the replica `remote` reads
        becomes one of this store, or None (the French error shown)."""
        from app.ops.takeover import take_over

        return self._call(take_over, remote.ctx, workshop_id, self.ctx)

    def open_replica(self, pairing: Pairing) -> CoFacClient | None:
        """The replica of the joined workshop (a store of its own, next to this laptop's) and
        its connection to the host, not started (`widgets.remote_controller.RemoteController`
        runs it); None (error shown) if the replica's file could not be opened."""
        from app.cofac_client import CoFacClient
        from app.store.db import Database

        def open_() -> CoFacClient:
            folder = self._replica_folder()
            folder.mkdir(parents=True, exist_ok=True)
            db = Database.open(replica_path(folder, pairing.url, pairing.workshop_id))
            client = CoFacClient(db, pairing)
            client.ctx.library = self.ctx.library  # the same method library as this laptop's
            client.ctx.clock = self.ctx.clock
            return client

        return self._call(open_)

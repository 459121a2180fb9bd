"""Finding the running séances on the local network (mDNS / DNS-SD, the `zeroconf` package).

The host advertises ``_atelier._tcp.local.`` with the workshop's title while its server runs;
a co-facilitator's "Rejoindre une séance" browses for it. Nothing leaves the local network
(multicast DNS is link-local); tests pass ``interfaces=["127.0.0.1"]`` so that nothing is sent
on a real network. An address typed by hand works without any of this.
"""

from __future__ import annotations

import logging
import re
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

from app import __version__

log = logging.getLogger(__name__)
SERVICE = "_atelier._tcp.local."


@dataclass(frozen=True, slots=True)
class Found:
    name: str  # the service's instance name
    title: str  # the workshop's title
    address: str
    port: int
    workshop_id: int
    version: str

    @property
    def url(self) -> str:
        return f"https://{self.address}:{self.port}/"


def _instance(title: str, workshop_id: int, port: int) -> str:
    """A DNS-SD instance name (at most 63 bytes), unique per workshop and port. The
    computer's name is not in it: strangers on the Wi-Fi need not learn whose laptop this is
    (the title stays, for « Rejoindre une séance »; pairing proves the host, not its name)."""
    text = re.sub(r"[.\x00-\x1f]", " ", title).strip()[:30] or "Atelier"
    name = f"{text} - {workshop_id}-{port}"
    while len(name.encode()) > 63:
        text = text[:-1]
        name = f"{text} - {workshop_id}-{port}"
    return name


class Advertiser:
    """Announce one séance's server; registering takes a second or two, so it is done in a
    background thread (the séance does not wait for it)."""

    def __init__(
        self,
        title: str,
        port: int,
        workshop_id: int,
        addresses: Sequence[str],
        *,
        interfaces: Sequence[str] | None = None,
    ) -> None:
        self.info = ServiceInfo(
            SERVICE,
            f"{_instance(title, workshop_id, port)}.{SERVICE}",
            addresses=[socket.inet_aton(a) for a in addresses],
            port=port,
            properties={"title": title[:200], "workshop": str(workshop_id), "version": __version__},
            server=f"atelier-{workshop_id}-{port}.local.",
        )
        self._interfaces = list(interfaces) if interfaces is not None else None
        self._zc: Zeroconf | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.registered = threading.Event()
        self._thread = threading.Thread(target=self._register, name="atelier-mdns", daemon=True)

    def start(self) -> Advertiser:
        self._thread.start()
        return self

    def _register(self) -> None:
        try:
            zc = _zeroconf(self._interfaces)
            with self._lock:
                if self._closed:
                    zc.close()
                    return
                self._zc = zc
            # another séance of the same title and number may be announced from this computer
            # (another database): zeroconf then adds " (2)" to the name
            zc.register_service(self.info, allow_name_change=True)
            self.registered.set()
        except Exception:  # no network at all: discovery is a convenience
            log.warning("could not advertise the séance on the local network", exc_info=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            zc, self._zc = self._zc, None
        if self._thread.ident is not None:  # started
            self._thread.join(10)
        if zc is not None:
            try:
                if self.registered.is_set():
                    zc.unregister_service(self.info)
            finally:
                zc.close()


def _zeroconf(interfaces: Sequence[str] | None) -> Zeroconf:
    if interfaces is None:
        return Zeroconf(ip_version=IPVersion.V4Only)
    return Zeroconf(interfaces=list(interfaces), ip_version=IPVersion.V4Only)


class Browser:
    """The séances advertised on the local network, kept up to date while open; `on_change`
    is called (from zeroconf's threads) with what is known each time it changes."""

    def __init__(
        self,
        *,
        interfaces: Sequence[str] | None = None,
        on_change: Callable[[list[Found]], None] | None = None,
    ) -> None:
        self._zc = _zeroconf(interfaces)
        self._found: dict[str, Found] = {}
        self._listener = on_change
        self._changed = threading.Condition(threading.RLock())
        self._browser = ServiceBrowser(self._zc, SERVICE, handlers=[self._on_change])

    def _on_change(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is ServiceStateChange.Removed:
            with self._changed:
                self._found.pop(name, None)
                self._changed.notify_all()
            self._tell()
            return
        # resolving waits on the network: not in zeroconf's own thread
        threading.Thread(target=self._resolve, args=(name,), daemon=True).start()

    def _resolve(self, name: str) -> None:
        info = self._zc.get_service_info(SERVICE, name, timeout=3000)
        if info is None:
            return
        found = _found(name, info)
        if found is None:
            return
        with self._changed:
            self._found[name] = found
            self._changed.notify_all()
        self._tell()

    def _tell(self) -> None:
        if self._listener is not None:
            self._listener(self.found)

    @property
    def found(self) -> list[Found]:
        with self._changed:  # re-entrant: also called by `wait` under the lock
            return sorted(self._found.values(), key=lambda f: (f.title.casefold(), f.name))

    def wait(
        self, predicate: Callable[[list[Found]], bool] = bool, timeout: float = 5.0
    ) -> list[Found]:
        """Wait until what is known satisfies `predicate` (by default: anything), or the
        timeout; returns what is known."""
        with self._changed:
            self._changed.wait_for(lambda: predicate(self.found), timeout)
        return self.found

    def close(self) -> None:
        self._browser.cancel()
        self._zc.close()


def _found(name: str, info: Any) -> Found | None:
    addresses = info.parsed_addresses(IPVersion.V4Only)
    if not addresses or not info.port:
        return None
    props = {
        (k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else "")
        for k, v in (info.properties or {}).items()
    }
    try:
        workshop_id = int(props.get("workshop", "0"))
    except ValueError:
        return None
    return Found(
        name=name,
        title=props.get("title", name),
        address=addresses[0],
        port=int(info.port),
        workshop_id=workshop_id,
        version=props.get("version", ""),
    )

"""What the co-facilitation tests share: a host served on loopback, and a polling helper."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from app.events import Event
from app.ops.base import Context
from app.server.app import create_app
from app.server.cofac import CofacHost
from app.server.runner import ServerThread
from app.system.certificate import pinned_context

WAIT = 15.0  # seconds a condition may take on a loaded 2-core machine before a test fails


@dataclass
class Host:
    ctx: Context
    workshop_id: int
    server: ServerThread
    port: int
    events: list[Event] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        """Where laptops talk to the host: the co-facilitation port, over TLS."""
        return self.server.cofac_url

    @property
    def phone_url(self) -> str:
        return self.server.url

    @property
    def certificate(self) -> str:
        pem: str = self.server._app.state.certificate.pem
        return pem

    @property
    def cofac(self) -> CofacHost:
        host: CofacHost = self.server._app.state.cofac
        return host

    def code(self) -> str:
        return self.cofac.code()

    def stop(self) -> None:
        self.server.stop()

    def restart(self) -> None:
        """The host's server again, on the same port (the laptop reconnects by itself)."""
        cofac_port = self.server.cofac_port
        self.server = ServerThread(
            create_app(self.ctx, self.workshop_id), "127.0.0.1", self.port, cofac_port
        ).start()
        assert self.server.port == self.port and self.server.cofac_port == cofac_port

    def heard(self, event: Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_event(self, predicate: Callable[[Event], bool], timeout: float = WAIT) -> Event:
        with self._changed:
            found: list[Event] = []

            def seen() -> bool:
                found[:] = [e for e in self.events if predicate(e)]
                return bool(found)

            assert self._changed.wait_for(seen, timeout), "the host never heard of it"
            return found[0]

    def http(self, token: str = "") -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(
            base_url=self.url,
            timeout=10,
            headers=headers,
            trust_env=False,
            verify=pinned_context(self.certificate),
        )


def eventually(predicate: Callable[[], bool], timeout: float = WAIT) -> None:
    """A polling helper: the condition lives in another thread's store, re-checked every
    10 ms until it holds (or the test fails after `timeout`)."""
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        tick.wait(0.01)

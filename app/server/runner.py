"""Run the server in a background thread of the app (or of `atelier serve`), and stop it.

uvicorn's `Server` installs signal handlers, which only the main thread may do: the subclass
here does not (the owner stops it with `stop()`). A port already taken falls back to the next
ones, then to any free port.
"""

from __future__ import annotations

import importlib.util
import logging
import socket
import threading

import uvicorn
from fastapi import FastAPI

from app.errors import KnownError

log = logging.getLogger(__name__)
FALLBACK_PORTS = 10


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# uvicorn's compiled parts, when installed (pyproject.toml asks for them; uvloop does not exist
# on Windows): the HTTP parser and the event loop are most of a small request's server time
# (bench/phones.py: /api/health 0.65 -> 0.3 ms of CPU each). Without them, the pure-Python ones.
HTTP = "httptools" if _installed("httptools") else "h11"
LOOP = "uvloop" if _installed("uvloop") else "asyncio"


class _QuietServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the owner decides when to stop
        return


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on `port`, else one of the next ports, else any free port."""
    candidates = [port + i for i in range(FALLBACK_PORTS)] if port else []
    candidates.append(0)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    last: OSError | None = None
    for candidate in candidates:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            # answers leave at once (Nagle's delay met the client's delayed ACK: 40 ms each);
            # accepted connections inherit it
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            last = exc
            continue
        sock.listen(2048)
        sock.set_inheritable(True)
        return sock
    raise KnownError(
        f"Impossible d'ouvrir le serveur sur {host} ({last}).", code="serveur_indisponible"
    )


class ServerThread:
    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int = 8765) -> None:
        self.host = host
        self._app = app
        self._socket = _bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(
            app,
            log_level="warning",
            lifespan="off",
            access_log=False,
            ws="auto",
            http=HTTP,
            loop=LOOP,
        )
        self._server = _QuietServer(config)
        self._thread = threading.Thread(target=self._run, name="atelier-server", daemon=True)
        self._failed: BaseException | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # reported by start()
            self._failed = exc
            log.exception("server stopped")

    def start(self, timeout: float = 15.0) -> ServerThread:
        self._thread.start()
        ready = threading.Event()

        def watch() -> None:
            while not self._server.started and self._thread.is_alive():
                self._thread.join(0.01)
            ready.set()

        threading.Thread(target=watch, daemon=True).start()
        if not ready.wait(timeout) or not self._server.started:
            self.stop()
            raise KnownError(
                "Le serveur des téléphones n'a pas démarré.", code="serveur_indisponible"
            )
        return self

    def stop(self, timeout: float = 10.0) -> None:
        broadcaster = getattr(self._app.state, "broadcaster", None)
        if broadcaster is not None:
            broadcaster.close()  # no more events from the core to this server
        for close in getattr(self._app.state, "closers", []):
            close()
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._socket.close()

    def activity(self) -> tuple[int, int]:
        """What changes while phones are served: requests so far, connections open now."""
        state = self._server.server_state
        return state.total_requests, len(state.connections)

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and self._server.started

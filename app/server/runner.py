"""Run the server in a background thread of the app (or of `atelier serve`), and stop it.

uvicorn's `Server` installs signal handlers, which only the main thread may do: the subclass
here does not (the owner stops it with `stop()`). A port already taken falls back to the next
ones, then to any free port.

An app that carries a co-facilitation app (`app.state.cofac_app`, see `app.server.app`) gets a
second server, on a port of its own (`cofac_port`, by default the phones' port + 1), over TLS
with the host's certificate: laptops talk to the host there, phones never do.
"""

from __future__ import annotations

import importlib.util
import logging
import socket
import threading
from typing import Any

import uvicorn
from fastapi import FastAPI

from app.errors import KnownError
from app.server.limits import KEEP_ALIVE, MAX_HEAD

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
        "Impossible d'ouvrir le serveur sur {host} ({last}).",
        code="serveur_indisponible",
        host=host,
        last=last,
    )


def _config(app: FastAPI, **tls: str) -> uvicorn.Config:
    http: Any = HTTP
    if HTTP == "httptools":  # with the limits on a request's head (size, time)
        from app.server.wire import BoundedHttpTools

        http = BoundedHttpTools
    return uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        access_log=False,
        ws="auto",
        http=http,
        loop=LOOP,
        h11_max_incomplete_event_size=MAX_HEAD,  # h11's own limit, when it parses
        timeout_keep_alive=KEEP_ALIVE,
        **tls,  # type: ignore[arg-type]
    )


class ServerThread:
    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 8765,
        cofac_port: int | None = None,
    ) -> None:
        self.host = host
        self._app = app
        self._socket = _bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        self._server = _QuietServer(_config(app))
        self._thread = threading.Thread(
            target=self._run, args=(self._server, self._socket), name="atelier-server", daemon=True
        )
        self._failed: BaseException | None = None
        # co-facilitator laptops: the same séance's other app, over TLS, on a port of its own
        cofac_app = getattr(app.state, "cofac_app", None)
        self._tls: tuple[_QuietServer, socket.socket, threading.Thread] | None = None
        self.cofac_port = 0
        if cofac_app is not None:
            certificate = cofac_app.state.certificate
            wanted = cofac_port if cofac_port is not None else (port + 1 if port else 0)
            sock = _bind(host, wanted)
            server = _QuietServer(
                _config(
                    cofac_app,
                    ssl_certfile=str(certificate.cert_path),
                    ssl_keyfile=str(certificate.key_path),
                )
            )
            thread = threading.Thread(
                target=self._run, args=(server, sock), name="atelier-cofac-tls", daemon=True
            )
            self._tls = (server, sock, thread)
            self.cofac_port = sock.getsockname()[1]

    @property
    def app(self) -> FastAPI:
        """The app served (its `state` holds the séance's join-code lockout)."""
        return self._app

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def cofac_url(self) -> str:
        """Where co-facilitator laptops talk to the host (TLS); "" without that server."""
        if self._tls is None:
            return ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.cofac_port}/"

    def _run(self, server: uvicorn.Server, sock: socket.socket) -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported by start()
            self._failed = exc
            log.exception("server stopped")

    def _servers(self) -> list[tuple[uvicorn.Server, threading.Thread]]:
        found: list[tuple[uvicorn.Server, threading.Thread]] = [(self._server, self._thread)]
        if self._tls is not None:
            found.append((self._tls[0], self._tls[2]))
        return found

    def start(self, timeout: float = 15.0) -> ServerThread:
        for _server, thread in self._servers():
            thread.start()
        ready = threading.Event()

        def watch() -> None:
            for server, thread in self._servers():
                while not server.started and thread.is_alive():
                    thread.join(0.01)
            ready.set()

        threading.Thread(target=watch, daemon=True).start()
        if not ready.wait(timeout) or not all(s.started for s, _t in self._servers()):
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
        for server, _thread in self._servers():
            server.should_exit = True
        for _server, thread in self._servers():
            if thread.is_alive():
                thread.join(timeout)
        self._socket.close()
        if self._tls is not None:
            self._tls[1].close()

    def activity(self) -> tuple[int, int]:
        """What changes while phones are served: requests so far, connections open now."""
        state = self._server.server_state
        return state.total_requests, len(state.connections)

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and self._server.started

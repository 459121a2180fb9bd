"""The live séance and the phones' server: the timer's writes, the server, the QR poster.

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.timer import LiveSession
from app.errors import KnownError
from app.ops import live
from app.ops.base import Change
from widgets.controls.base import Controls, documents_lang
from widgets.core_errors import error_text

if TYPE_CHECKING:
    from app.server.limits import LockoutState
    from app.server.netcheck import NetCheck
    from app.server.runner import ServerThread


class LiveControls(Controls):
    """The séance: its timer and phases, then the server phones join, its code and poster."""

    # -- the live séance ---------------------------------------------------------------------
    def live_session(self, workshop_id: int) -> LiveSession | None:
        return self._call(live.live_session, self.ctx, workshop_id)

    def start_session(self, workshop_id: int, block_id: int | None = None) -> bool:
        """Open (or resume) the séance; False if the core refused (the error was shown)."""
        try:
            live.start_session(self.ctx, workshop_id, block_id)
        except KnownError as exc:
            self.error.emit(error_text(exc))
            return False
        return True

    def toggle_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.toggle", live.toggle, workshop_id)

    def pause_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.pause", live.pause, workshop_id)

    def adjust_timer(self, workshop_id: int, seconds: float) -> Change | None:
        return self._write("live.adjust", live.adjust, workshop_id, seconds)

    def reset_timer(self, workshop_id: int) -> Change | None:
        return self._write("live.reset", live.reset, workshop_id)

    def next_phase(self, workshop_id: int) -> Change | None:
        return self._write("live.next_phase", live.next_phase, workshop_id)

    def previous_phase(self, workshop_id: int) -> Change | None:
        return self._write("live.previous_phase", live.previous_phase, workshop_id)

    def end_session(self, workshop_id: int) -> Change | None:
        return self._write("live.end_session", live.end_session, workshop_id)

    # -- the phones' server ------------------------------------------------------------------
    def start_server(
        self, workshop_id: int, host: str, port: int, cofac_port: int | None = None
    ) -> tuple[ServerThread, str] | None:
        """Serve the workshop to phones (and to co-facilitator laptops over TLS on `cofac_port`,
        by default the next port); returns (server, the address phones use) or None."""
        from app.server.app import create_app
        from app.server.runner import ServerThread
        from app.settings import load_settings
        from app.system.network import serving_address

        def start() -> tuple[ServerThread, str]:
            listen, shown = serving_address(host)
            shared = bool(load_settings().get("shared_address"))  # a room behind one NAT
            api = create_app(self.ctx, workshop_id, shared_address=shared)
            server = ServerThread(api, listen, port, cofac_port)
            server.start()
            return server, f"http://{shown}:{server.port}/web/"

        return self._call(start)

    def code_lockout(self, server: ServerThread) -> LockoutState | None:
        """Whether wrong join codes suspended new arrivals (app/server/limits.py)."""
        return self._call(server.app.state.access.lockout.state)

    def lift_code_lockout(self, server: ServerThread) -> LockoutState | None:
        """New arrivals may type the code again (the room's and every address's lockout)."""
        return self._call(server.app.state.access.lockout.lift)

    def start_netcheck(
        self, check: NetCheck, host: str, port: int
    ) -> tuple[ServerThread, str] | None:
        """« Tester le réseau… »: the test server where the séance's would listen; returns
        (server, the address the test QR code shows) or None (the error shown)."""
        from app.server.netcheck import PAGE, start_netcheck
        from app.system.network import serving_address

        def start() -> tuple[ServerThread, str]:
            listen, shown = serving_address(host)
            server = start_netcheck(check, listen, port)
            return server, f"http://{shown}:{server.port}{PAGE}"

        return self._call(start)

    def save_poster(self, workshop_id: int, url: str, code: str, path: str, size: str) -> bool:
        """The QR poster of the running séance: the address and code the projector shows, and
        the Wi-Fi named in the settings. False (the error shown) if it could not be written."""
        from app.reports.poster import PosterInfo, build_poster
        from app.settings import load_settings

        detail = self.detail(workshop_id)
        if detail is None:
            return False
        settings = load_settings()
        info = PosterInfo(
            title=detail.title,
            join_url=url,
            code=code,
            organisation=str(settings.get("organisation", "") or ""),
            wifi_ssid=str(settings.get("wifi_ssid", "") or ""),
            wifi_password=str(settings.get("wifi_password", "") or ""),
        )

        lang = documents_lang()

        def build() -> bool:
            build_poster(info, path, size, lang=lang)
            return True

        return bool(self._call(build))

    def join_code(self, workshop_id: int) -> str:
        """The open séance's join code ("" when none is open)."""
        door = self._call(live.door, self.ctx, workshop_id)
        return door[1] if door else ""

    def workshop_join_code(self, workshop_id: int) -> str:
        """The workshop's join code, séance open or not: the one its posters carry."""
        return self._call(live.join_code, self.ctx, workshop_id) or ""

    def renew_join_code(self, workshop_id: int) -> Change | None:
        return self._call(live.renew_join_code, self.ctx, workshop_id)

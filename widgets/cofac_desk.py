"""The lead's side of co-animation during a séance: the panel, the announcement on the network.

The runner tells it when the séance's server starts and stops; it then announces the séance on
the local network (for "Rejoindre une séance…" on another laptop), keeps the co-animation panel
up to date (pairing code, laptops, who is connected) and turns the lead's choices into
operations. Connections are told from the server's thread: re-emitted as a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.events import Event, Topic
from widgets.cofac_panel import CofacPanel
from widgets.controller import Controller
from widgets.live_console import LiveConsole


class CofacDesk(QObject):
    presence_changed = Signal()  # emitted from the server's thread: delivered queued

    def __init__(
        self,
        controller: Controller,
        console: LiveConsole,
        window: Any,
        confirm: Callable[[str, str, str], bool],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.console = console
        self.window = window
        self.confirm = confirm
        self.status = status
        self.workshop_id: int | None = None
        self.server: Any = None
        self.address = ""
        self.advertiser: Any = None
        self._unwatch: Callable[[], None] = lambda: None
        self.panel: CofacPanel | None = None
        self.presence_changed.connect(self.refresh)
        console.cofac_requested.connect(self.show_panel)
        console.cofac_button.setVisible(not getattr(controller, "remote", False))

    # -- the séance's server ---------------------------------------------------------------------
    def server_started(self, workshop_id: int, server: Any, host: str, url: str) -> None:
        self.server_stopped()
        self.workshop_id, self.server = workshop_id, server
        # what to type by hand on a laptop: this address, the co-facilitation port (TLS)
        where = url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        self.address = f"{where}:{getattr(server, 'cofac_port', 0)}"
        self._unwatch = self.controller.watch_cofac(server, self.presence_changed.emit)
        self.advertiser = self.controller.advertise(workshop_id, server, host)
        self.refresh()

    def server_stopped(self) -> None:
        self._unwatch()
        self._unwatch = lambda: None
        if self.advertiser is not None:
            self.controller.stop_advertising(self.advertiser)
        self.advertiser = None
        self.server = None
        self.refresh()

    def on_event(self, event: Event) -> None:
        if event.topic == Topic.COFAC:
            self.refresh()

    # -- the panel ---------------------------------------------------------------------------------
    def show_panel(self) -> None:
        if self.panel is None:
            self.panel = CofacPanel(self.window)
            self.panel.role_requested.connect(self.set_role)
            self.panel.revoke_requested.connect(self.revoke)
            self.panel.approve_requested.connect(self.approve)
            self.panel.new_code_requested.connect(self.new_code)
        self._fill(self.panel)
        if self.panel.isVisible():  # behind the console: brought forward
            self.panel.raise_()
            self.panel.activateWindow()
        else:
            self.panel.show()

    def _laptops(self) -> list[tuple[Any, Any]]:
        if self.server is None or self.workshop_id is None:
            return []
        return self.controller.cofac_laptops(self.server, self.workshop_id)

    def refresh(self) -> None:
        """The console's button counts the laptops online; the panel, when shown, says all."""
        laptops = self._laptops()
        online = sum(1 for _info, presence in laptops if presence is not None and presence.online)
        waiting = sum(1 for info, _presence in laptops if not getattr(info, "approved", True))
        if waiting:  # a laptop typed the code: the lead lets it in from the panel
            label = self.tr("Co-animation ({n} en attente)").format(n=waiting)
        elif online:
            label = self.tr("Co-animation ({n})").format(n=online)
        else:
            label = self.tr("Co-animation")
        self.console.cofac_button.setText(label)
        if self.panel is not None and self.panel.isVisible():  # else filled when shown
            self._fill(self.panel, laptops)

    def _fill(self, panel: CofacPanel, laptops: list[tuple[Any, Any]] | None = None) -> None:
        running = self.server is not None
        panel.set_code(
            self.controller.cofac_code(self.server) if running else "",
            self.address,
            running and self.controller.cofac_suspended(self.server),
        )
        laptops = self._laptops() if laptops is None else laptops
        panel.set_laptops(laptops, self.controller.cofac_roles())

    def set_role(self, laptop_id: int, role: str) -> None:
        if self.workshop_id is not None:
            self.controller.set_cofac_role(self.workshop_id, laptop_id, role)
        self.refresh()  # also when refused: the combo shows the role the core kept

    def new_code(self) -> None:
        if self.server is not None:
            self.controller.renew_cofac_code(self.server)
        self.refresh()
        if self.panel is not None:
            self._fill(self.panel)

    def approve(self, laptop_id: int) -> None:
        if self.workshop_id is not None:
            self.controller.approve_cofac(self.workshop_id, laptop_id)
        self.refresh()

    def revoke(self, laptop_id: int, name: str) -> None:
        if self.workshop_id is None:
            return
        sure = self.confirm(
            self.tr("Révoquer un ordinateur"),
            self.tr(
                "Déconnecter « {name} » de la séance ? Cet ordinateur ne pourra plus rien lire "
                "ni faire ; un nouveau code d'appairage remplace l'actuel."
            ).format(name=name),
            self.tr("Révoquer"),
        )
        if sure and self.controller.revoke_cofac(self.workshop_id, laptop_id) is not None:
            self.status(self.tr("« {name} » a été déconnecté.").format(name=name))
        self.refresh()

    def shutdown(self) -> None:
        self.server_stopped()
        if self.panel is not None:
            self.panel.close()

"""The one place where core events reach Qt: re-emitted as a signal on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.events import Event, EventBus


class EventBridge(QObject):
    """Subscribes to the core's bus; `event` is always delivered in the GUI thread."""

    # the name shadows QObject.event(QEvent), which this object never receives anything for
    event = Signal(object)  # type: ignore[assignment]
    _incoming = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Auto: an event published on the GUI thread (a facilitator's own action) is delivered
        # at once, so the window is up to date when the action returns; one published from the
        # server thread is queued and delivered by the GUI event loop.
        self._incoming.connect(self._deliver, Qt.ConnectionType.AutoConnection)
        self._unsubscribe = bus.subscribe(self._incoming.emit)

    @Slot(object)
    def _deliver(self, event: Event) -> None:
        self.event.emit(event)

    def close(self) -> None:
        self._unsubscribe()

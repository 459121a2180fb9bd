"""What every part of the `Controller` relies on: its context, `_call`, `_write`, `error`.

`Controls` is a plain class (not a QObject) the mixins of `widgets.controls` derive from, so
mypy checks each against these declarations; `widgets.controller.Controller` (a QObject, first
in its bases) gives the real ones. Mixins define no `__init__`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from app.domain.model import WorkshopDetail
from app.ops.base import Change, Context

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

if TYPE_CHECKING:
    from app.reports.i18n import Lang


def documents_lang() -> Lang:
    """The documents are printed in the window's language."""
    from widgets.core_text import language

    return "en" if language() == "en" else "fr"


T = TypeVar("T")
P = ParamSpec("P")
# an operation of the core on a workshop (or a vote round): ctx, its id, then its arguments
Op = Callable[Concatenate[Context, int, P], Change]


class Controls:
    """The Controller's attributes and methods its mixins use (see `widgets.controller`)."""

    ctx: Context
    error: SignalInstance  # the Controller's `Signal(str)`: a French message for a dialog

    def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """`fn(*args, **kwargs)`, or None with a `KnownError`'s message sent to `error`."""
        raise NotImplementedError

    def _write(
        self, op: str, fn: Op[P], first: int, /, *args: P.args, **kwargs: P.kwargs
    ) -> Change | None:
        """Run `fn(ctx, first, ...)`, the core's operation named `op` (sent to the host by a
        `RemoteController`)."""
        raise NotImplementedError

    def detail(self, workshop_id: int) -> WorkshopDetail | None:
        raise NotImplementedError

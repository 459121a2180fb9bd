"""« Tester le réseau… »: before the day, check that phones reach this laptop.

A tiny server of its own (no séance, no database) on the address and port the séance's server
will use: `/` sends the phone to the test page (`assets/web/reseau/`), which fetches
`/api/reseau/ping` a few times and reports the median round trip to `/api/reseau/report`.
`NetCheck` records each phone seen (its browser family only: no address, no full user agent)
and tells its `on_phone` callback, from the server's thread.

No Qt here: the dialog (widgets/netcheck_dialog.py) re-emits `on_phone` as a Qt signal.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from app.errors import NotFound
from app.resources import asset
from app.server.runner import ServerThread

PAGE = "/test/"
MAX_PHONES = 50  # a test, not a séance: more are counted, not listed


@dataclass(frozen=True)
class PhoneSeen:
    """One phone that reached the laptop and measured its round trip."""

    key: str  # random, made by the page for this visit (no personal data)
    device: str  # "Android · Chrome", "iPhone · Safari"… from the user agent, nothing more
    round_trip_ms: float  # the median of the page's pings
    seen_at: float  # time.time()


class Report(BaseModel):
    key: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")
    round_trip_ms: float = Field(ge=0, le=60_000)


_DEVICES = (  # first match wins: iPad before Mac (iPadOS says "Macintosh" with touch)
    (re.compile(r"iPhone"), "iPhone"),
    (re.compile(r"iPad"), "iPad"),
    (re.compile(r"Android"), "Android"),
    (re.compile(r"Windows"), "Windows"),
    (re.compile(r"Macintosh|Mac OS X"), "Mac"),
    (re.compile(r"CrOS"), "Chromebook"),
    (re.compile(r"Linux"), "Linux"),
)
_BROWSERS = (  # first match wins: the engines' tokens are shared, the brands are not
    (re.compile(r"SamsungBrowser/"), "Samsung Internet"),
    (re.compile(r"EdgA?/|EdgiOS/"), "Edge"),
    (re.compile(r"OPR/|OPiOS/"), "Opera"),
    (re.compile(r"Firefox/|FxiOS/"), "Firefox"),
    (re.compile(r"CriOS/|Chrome/|Chromium/"), "Chrome"),
    (re.compile(r"Safari/"), "Safari"),
)


def device_family(user_agent: str) -> str:
    """What kind of phone and browser, from the user agent: "Android · Chrome". Nothing more
    (no model, no version): enough to tell two phones apart in the list."""
    system = next((name for rx, name in _DEVICES if rx.search(user_agent)), "")
    browser = next((name for rx, name in _BROWSERS if rx.search(user_agent)), "")
    return " · ".join(part for part in (system, browser) if part) or "Appareil inconnu"


class NetCheck:
    """The phones seen by the test server; thread-safe. `on_phone` is called from the server's
    thread with each report (a phone that reports again replaces its line)."""

    def __init__(
        self,
        on_phone: Callable[[PhoneSeen], None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.on_phone = on_phone
        self._clock = clock
        self._lock = threading.Lock()
        self._phones: dict[str, PhoneSeen] = {}

    def phones(self) -> list[PhoneSeen]:
        with self._lock:
            return sorted(self._phones.values(), key=lambda p: p.seen_at)

    def record(self, key: str, user_agent: str, round_trip_ms: float) -> PhoneSeen:
        phone = PhoneSeen(key, device_family(user_agent), round(round_trip_ms, 1), self._clock())
        with self._lock:
            if key in self._phones or len(self._phones) < MAX_PHONES:
                self._phones[key] = phone
        if self.on_phone is not None:
            self.on_phone(phone)
        return phone


def create_netcheck_app(check: NetCheck) -> FastAPI:
    """The test server: the test page, a ping, and the report. Nothing else."""
    api = FastAPI(title="Atelier — test du réseau", docs_url=None, redoc_url=None, openapi_url=None)
    page = asset("web", "reseau")
    if not page.is_dir():
        raise NotFound("La page de test des téléphones manque ({page}).", page=page)

    @api.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse(PAGE)

    @api.get("/api/reseau/ping")
    def ping() -> JSONResponse:
        return JSONResponse({"ok": True}, headers={"Cache-Control": "no-store"})

    @api.post("/api/reseau/report")
    def report(body: Report, request: Request) -> JSONResponse:
        user_agent = request.headers.get("user-agent", "")[:400]
        phone = check.record(body.key, user_agent, body.round_trip_ms)
        return JSONResponse(
            {"ok": True, "device": phone.device, "round_trip_ms": phone.round_trip_ms},
            headers={"Cache-Control": "no-store"},
        )

    api.mount(PAGE.rstrip("/"), StaticFiles(directory=page, html=True), name="reseau")
    return api


def start_netcheck(check: NetCheck, host: str, port: int) -> ServerThread:
    """Start the test server on `host` ("" or "0.0.0.0": every network) and `port` (the next
    free one if taken, as the séance's server does); the caller stops it."""
    return ServerThread(create_netcheck_app(check), host or "0.0.0.0", port).start()

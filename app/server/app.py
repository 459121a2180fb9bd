"""The local HTTP API that phones (and co-facilitator laptops) talk to.

No Qt here. Every answer is JSON with a stable `code` and a French `message` on error
(app/server/problems.py); the server serves nothing outside `assets/web/`; FastAPI's
documentation pages, which load scripts from a CDN, are off (the schema stays at
`/openapi.json`).

`create_app` only assembles the parts: the credential checks (app/server/access.py), the
routers by audience (phones, facilitator, votes, feedback), the `Guard` middleware and the hot
lane (app/server/guard.py, app/server/fast.py). The co-facilitation routes are a second app
(`api.state.cofac_app`) that `app.server.runner` serves over TLS only, with the host's
certificate (`api.state.certificate`, `app.system.certificate`): phones cannot trust a
self-signed certificate, so they stay on plain HTTP, which serves nothing else.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.errors import NotFound
from app.ops import queries
from app.ops.base import Context
from app.resources import asset
from app.server.access import Access, Door
from app.server.cofac import cofac_router
from app.server.facilitator import facilitator_router
from app.server.fast import Endpoint
from app.server.feedback import feedback_router
from app.server.guard import AtelierAPI, Guard, hot_lane
from app.server.phones import phones_router
from app.server.problems import HANDLERS, by_path
from app.server.push import Broadcaster
from app.server.security import AllowedHosts, security_router
from app.server.votes import votes_router
from app.store.db import default_db_path
from app.system.certificate import Certificate, host_certificate

# no OpenTelemetry offline: said once here, rather than FastAPI asking its providers (which
# read os.environ) on every request; older FastAPI versions have no such option
NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def certificate_folder(db_url: str) -> Path:
    """Where the host's co-facilitation certificate is kept: beside the store at `db_url` (a
    SQLite file), else beside the default store in the user's data folder."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        return Path(db_url.removeprefix("sqlite:///")).parent
    return default_db_path().parent


def _cofac_app(certificate: Certificate) -> AtelierAPI:
    api = AtelierAPI(
        title="Atelier co-animation",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",  # over TLS, to laptops (and to the access tests' walk)
    )
    for kind, answer_with in HANDLERS.items():
        api.add_exception_handler(kind, by_path(answer_with))
    api.state.certificate = certificate
    return api


def create_app(
    ctx: Context,
    workshop_id: int,
    facilitator_token: str | None = None,
    certificate: Certificate | None = None,
    *,
    shared_address: bool = False,
) -> AtelierAPI:
    """The server of one workshop's séance.

    `facilitator_token` is the credential of the facilitator routes (a co-facilitator laptop,
    `atelier serve`); without it, those routes are closed. `certificate` is the host's TLS
    certificate for co-facilitator laptops (by default the one kept beside the store, made
    the first time). `shared_address`: the room reaches the laptop through one address (a
    NAT), check-ins are limited per device only (app/server/limits.py).
    """
    certificate = certificate or host_certificate(certificate_folder(ctx.db.url))
    door = Door(ctx, workshop_id)
    access = Access(ctx, workshop_id, door, facilitator_token, shared_address=shared_address)
    api = AtelierAPI(
        title="Atelier",
        version=__version__,
        docs_url=None,  # the docs pages load scripts from a CDN: never offline
        redoc_url=None,
        openapi_url="/openapi.json",
        **NO_TELEMETRY,
    )
    for kind, answer_with in HANDLERS.items():
        api.add_exception_handler(kind, by_path(answer_with))
    api.state.closers = [access.close, door.close]
    api.state.door = door  # other route modules close their participant routes with it too
    api.state.access = access  # the join-code lockout, shown to the facilitator

    # each phone's socket is told the journal's latest sequence on connecting: read once (one
    # indexed max(seq)), then followed from the events (500 phones reconnecting after a Wi-Fi
    # hiccup ask nothing of the store)
    broadcaster = Broadcaster(ctx.bus, workshop_id, lambda: queries.last_seq(ctx, workshop_id))
    api.state.broadcaster = broadcaster

    # the phones' hot writes: straight from uvicorn to their endpoints (app/server/fast.py)
    hot: dict[str, Endpoint] = {}
    phone_routes = phones_router(ctx, workshop_id, access, broadcaster, hot)
    api.include_router(phone_routes)
    api.state.states = phone_routes.states  # type: ignore[attr-defined]  # the séance's state
    api.state.closers.append(api.state.states.close)
    api.include_router(facilitator_router(ctx, workshop_id, access.facilitator))
    vote_routes = votes_router(
        ctx, workshop_id, access.participant, access.facilitator, access.participant_async, hot
    )
    api.include_router(vote_routes)
    api.state.room = vote_routes.room  # type: ignore[attr-defined]  # the vote as phones see it
    api.state.closers.append(api.state.room.close)
    # co-facilitator laptops: their own app, served over TLS only
    cofac_api = _cofac_app(certificate)
    cofac_routes, cofac_host = cofac_router(ctx, workshop_id, door, certificate.fingerprint)
    cofac_api.include_router(cofac_routes)
    cofac_api.add_middleware(Guard)
    api.state.cofac_app = cofac_api
    api.state.certificate = certificate
    api.state.cofac = cofac_host  # the host shows `cofac_host.code()`
    api.state.closers.append(cofac_host.close)
    api.include_router(feedback_router(ctx, workshop_id, access.participant))
    api.include_router(security_router(access.lockout, access.facilitator))

    @api.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/web/")

    web = asset("web")
    if not web.is_dir():
        raise NotFound("Les pages des téléphones manquent ({web}).", web=web)
    api.mount("/web", StaticFiles(directory=web, html=True), name="web")
    api.add_middleware(Guard)
    api.lane = hot_lane(hot, HANDLERS)
    api.hosts = AllowedHosts()  # a request naming another `Host` is refused
    return api

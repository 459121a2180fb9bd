"""Access: the facilitation team's routes refuse phones and strangers; a phone sees and
changes only its own things; tokens are long and random and never reach the log.

The team's routes are read from the apps' own routers (every `/api/facilitator/…` route of the
phones' port and every `/api/cofac/…` route of the laptops' TLS port but pairing), so a new
route is covered without editing this file; a valid request for each is drawn from that
server's /openapi.json.
"""

from __future__ import annotations

import logging
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import requests.adapters
import schemathesis
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.system.certificate import pinned_context

TEAM = "T" * 43
# a laptop pairs with the séance's code, no token yet
PUBLIC_TEAM_ROUTES = {"/api/cofac/pair", "/api/cofac/pair/start"}


class _Pinned(requests.adapters.HTTPAdapter):
    """requests (schemathesis' client) trusting the host's certificate only, as a laptop."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        kwargs["assert_hostname"] = False  # pinned: an address on a LAN has no name to check
        super().init_poolmanager(*args, **kwargs)


def _every_route(routes: Any) -> Iterator[Any]:
    """The app's routes, those of included routers too (FastAPI keeps those apart)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _every_route(included.routes)
        else:
            yield route


@dataclass
class Served:
    url: str
    team_routes: list[tuple[str, str]]  # (method, path) on the phones' port
    phones: list[dict[str, str]]  # Authorization headers
    tokens: list[str]
    laptop_url: str = ""  # the co-facilitation port (TLS)
    laptop_routes: list[tuple[str, str]] = field(default_factory=list)
    laptop_schema: dict[str, Any] = field(default_factory=dict)
    tls: ssl.SSLContext | None = None


def _team_routes(app: Any, prefix: str) -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in _every_route(app.routes)
        if isinstance(route, APIRoute)
        and route.path.startswith(prefix)
        and route.path not in PUBLIC_TEAM_ROUTES
        for method in sorted(route.methods)
    ]


@pytest.fixture
def served(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[Served]:
    caplog.set_level(logging.DEBUG)  # everything the app and its libraries log, kept
    db = Database.open(tmp_path / "acces.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Accès").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    api = create_app(ctx, wid, facilitator_token=TEAM)
    team_routes = _team_routes(api, "/api/facilitator/")
    assert _team_routes(api, "/api/cofac/") == []  # laptops are served over TLS only
    laptops = api.state.cofac_app
    laptop_routes = _team_routes(laptops, "/api/cofac/")
    server = ServerThread(api, "127.0.0.1", 0).start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            code = live.door(ctx, wid)[1]
            tokens = []
            for n in range(40):
                joined = client.post("/api/join", json={"code": code, "name": f"P{n}",
                                                        "category": "public", "key": f"acces-{n:04d}"})  # fmt: skip
                assert joined.status_code == 201, joined.text
                tokens.append(joined.json()["token"])
        yield Served(server.url, team_routes, [{"Authorization": f"Bearer {t}"} for t in tokens],
                     tokens, server.cofac_url, laptop_routes, laptops.openapi(),
                     pinned_context(api.state.certificate.pem))  # fmt: skip
    finally:
        server.stop()
        db.close()
    logged = caplog.text
    assert all(token not in logged for token in [*tokens, TEAM]), "a token reached the log"


def test_tokens_are_long_random_and_distinct(served: Served) -> None:
    assert len(set(served.tokens)) == len(served.tokens)
    for token in served.tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
        assert len(token) * 6 >= 128  # URL-safe base64: 6 bits a character


def _refused_everywhere(
    served: Served,
    schema: Any,
    routes: list[tuple[str, str]],
    base: str,
    session: requests.Session | None = None,
) -> list[str]:
    by_route = {
        (op.method.upper(), op.path): op for op in (r.ok() for r in schema.get_all_operations())
    }
    checked = []
    for method, path in routes:
        operation = by_route[(method, path)]  # a route missing from the schema fails here

        @given(case=operation.as_strategy())
        @settings(max_examples=3, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def refused(case: schemathesis.Case) -> None:
            for who, expected in ((None, 401), ("Bearer nimportequoi-0000", 401),
                                  (served.phones[0]["Authorization"], 403)):  # fmt: skip
                headers = dict(case.headers or {})
                headers.pop("authorization", None)
                if who is not None:
                    headers["authorization"] = who
                case.headers = headers
                answer = case.call(base_url=base.rstrip("/"), session=session)
                assert answer.status_code in (expected, 422), (
                    case.method,
                    case.path,
                    who,
                    answer.text,
                )
                if answer.status_code == 422:  # refused before the credentials were looked at
                    continue
                assert answer.json()["code"] in ("jeton_invalide", "interdit")

        refused()
        checked.append(f"{method} {path}")
    return checked


def test_every_team_route_refuses_phones_and_strangers(served: Served) -> None:
    # the phones' port: the timer and votes (open, paper, drive, results); nothing of laptops
    assert len(served.team_routes) >= 5
    phones = schemathesis.openapi.from_url(f"{served.url}openapi.json")
    checked = _refused_everywhere(served, phones, served.team_routes, served.url)
    assert len(checked) == len(served.team_routes)
    # the laptops' port (TLS): me, operations, snapshot, journal
    assert len(served.laptop_routes) >= 4
    assert served.tls is not None
    session = requests.Session()
    session.mount("https://", _Pinned(served.tls))
    laptops = schemathesis.openapi.from_dict(served.laptop_schema)
    checked = _refused_everywhere(served, laptops, served.laptop_routes, served.laptop_url, session)
    assert len(checked) == len(served.laptop_routes)


def test_a_phone_sees_and_changes_only_its_own_things(served: Served) -> None:
    alex, sam = served.phones[0], served.phones[1]
    with httpx.Client(base_url=served.url, timeout=10) as client:
        mine = client.post("/api/notes", json={"text": "Secret d'Alex", "key": "meme-cle-001"},
                           headers=alex)  # fmt: skip
        assert mine.status_code == 201
        # Sam replays Alex's key: a post-it of Sam's own, not Alex's answer
        theirs = client.post("/api/notes", json={"text": "À Sam", "key": "meme-cle-001"},
                             headers=sam)  # fmt: skip
        assert theirs.status_code == 201
        assert theirs.json()["text"] == "À Sam" and theirs.json()["id"] != mine.json()["id"]
        assert [n["text"] for n in client.get("/api/notes/mine", headers=sam).json()] == ["À Sam"]
        assert "Secret d'Alex" not in client.get("/api/notes/mine", headers=sam).text
        # a phone's own identity only
        assert client.get("/api/me", headers=sam).json()["name"] == "P1"
        opened = client.post("/api/facilitator/votes", json={"kind": "dots"},
                             headers={"Authorization": f"Bearer {TEAM}"})  # fmt: skip
        assert opened.status_code == 200, opened.text
        rid = opened.json()["round_id"]
        item = f"note:{theirs.json()['id']}"  # Sam's post-it: Alex may vote for it
        voted = client.post(f"/api/votes/{rid}/ballot",
                            json={"key": "vote-cle-001", "choices": {item: 1}}, headers=alex)  # fmt: skip
        assert voted.status_code == 200, voted.text
        # Sam's view of the round has Sam's (empty) ballot, not Alex's; the same key is Sam's own
        assert client.get("/api/votes/current", headers=sam).json()["choices"] == {}
        again = client.post(f"/api/votes/{rid}/ballot",
                            json={"key": "vote-cle-001", "choices": {}}, headers=sam)  # fmt: skip
        assert again.status_code == 200 and again.json()["choices"] == {}
        assert client.get("/api/votes/current", headers=alex).json()["choices"] == {item: 1}
        # the results are the team's while hidden
        hidden = client.get(f"/api/votes/{rid}/results", headers=sam)
        assert hidden.status_code == 403 and hidden.json()["code"] == "resultats_caches"

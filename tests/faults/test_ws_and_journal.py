"""Access to the two websockets: each opens only for its own kind of token.

`/ws` (phones, `?token=`) and `/api/cofac/ws` (co-facilitator laptops, `Authorization:
Bearer`) are refused without a token, with a made-up one, and with a token of another kind
(the team's, a laptop's, a phone's, or the right token passed the other way); refused means
the handshake is turned down or the socket closed with 4401, before any message. The right
token opens each socket, which greets with `hello`.

A laptop asking the journal after a sequence number SQLite cannot hold gets a 422, not a 500.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from app.cofac_client import pair
from app.ops import cofac, live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.system.certificate import pinned_context

TEAM = "E" * 43
MADE_UP = "Zm9vYmFyLW5pbXBvcnRlcXVvaS0wMDAwLWFiY2RlZmdo"


@dataclass
class Tokens:
    http: str  # http://host:port/ (phones)
    ws: str  # ws://host:port/
    phone: str
    laptop: str
    team: str
    laptops_http: str = ""  # https://host:cofac_port/ (laptops, TLS)
    laptops_ws: str = ""  # wss://host:cofac_port/
    tls: ssl.SSLContext | None = None  # pinned to the host's certificate


@pytest.fixture
def tokens(tmp_path: Path) -> Iterator[Tokens]:
    db = Database.open(tmp_path / "ws.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Sockets").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    api = create_app(ctx, wid, facilitator_token=TEAM)
    server = ServerThread(api, "127.0.0.1", 0).start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            joined = client.post("/api/join", json={"code": live.door(ctx, wid)[1], "name": "Alex",
                                                    "category": "public", "key": "ws-join-0001"})  # fmt: skip
            assert joined.status_code == 201, joined.text
        paired = pair(server.cofac_url, api.state.cofac.code(), "Camille", "ws-laptop-0001")
        cofac.approve(ctx, wid, paired.laptop_id)
        yield Tokens(
            server.url,
            server.url.replace("http://", "ws://"),
            joined.json()["token"],
            paired.token,
            TEAM,
            server.cofac_url,
            server.cofac_url.replace("https://", "wss://"),
            pinned_context(paired.certificate),
        )
    finally:
        server.stop()
        db.close()


def _open(url: str, token: str | None = None, tls: ssl.SSLContext | None = None) -> str:
    """'hello' if the socket opened and greeted; otherwise how it was refused."""
    headers = {"Authorization": f"Bearer {token}"} if token is not None else None
    try:
        with connect(
            url, additional_headers=headers, open_timeout=10, close_timeout=2, ssl=tls
        ) as ws:
            return str(json.loads(ws.recv(timeout=10))["type"])
    except InvalidStatus as refused:  # turned down during the handshake
        return f"http {refused.response.status_code}"
    except ConnectionClosed as closed:  # accepted, then closed before any message
        return f"closed {closed.rcvd.code if closed.rcvd else None}"


REFUSED = {"http 403", "closed 4401"}


def test_the_phones_socket_opens_only_for_a_phone(tokens: Tokens) -> None:
    phones = f"{tokens.ws}ws?since=0"
    assert _open(f"{phones}&token={tokens.phone}") == "hello"
    for token in ("", MADE_UP, tokens.team, tokens.laptop, tokens.phone[:-1]):
        assert _open(f"{phones}&token={token}") in REFUSED, token
    assert _open(phones) in REFUSED  # no token at all
    assert _open(phones, tokens.phone) in REFUSED  # the phone's token as a header: not read


def test_the_laptops_socket_opens_only_for_a_paired_laptop(tokens: Tokens) -> None:
    laptops = f"{tokens.laptops_ws}api/cofac/ws?since=0"
    assert _open(laptops, tokens.laptop, tokens.tls) == "hello"
    assert _open(laptops, None, tokens.tls) in REFUSED  # no token
    for token in ("", MADE_UP, tokens.team, tokens.phone, tokens.laptop[:-1]):
        assert _open(laptops, token, tokens.tls) in REFUSED, token
    assert _open(f"{laptops}&token={tokens.laptop}", None, tokens.tls) in REFUSED  # query
    # the phones' plain port has no laptops' socket at all
    assert _open(f"{tokens.ws}api/cofac/ws?since=0", tokens.laptop) != "hello"


@pytest.mark.parametrize("since", [2**63 - 1, 2**63, 10**30, -1])
def test_the_journal_after_a_huge_sequence_is_refused_or_empty_never_a_500(
    tokens: Tokens, since: int
) -> None:
    laptop = {"Authorization": f"Bearer {tokens.laptop}"}
    with httpx.Client(base_url=tokens.laptops_http, timeout=10, verify=tokens.tls) as client:
        answer = client.get("/api/cofac/journal", params={"since": since}, headers=laptop)
        if since < 0 or since >= 2**63:
            assert answer.status_code == 422, answer.text
            assert answer.json()["code"] == "saisie_invalide"
        else:  # the largest sequence SQLite holds: nothing after it
            assert answer.status_code == 200, answer.text
            assert answer.json()["entries"] == [] and answer.json()["more"] is False
        # the laptop's next ordinary request is answered as usual
        assert (
            client.get("/api/cofac/journal", params={"since": 0}, headers=laptop).status_code == 200
        )

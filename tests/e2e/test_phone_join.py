"""Joining at 390 px in Chromium: the bare address asks for the séance's code; outside a séance
the page says why it waits, and opens by itself when the séance starts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Participant

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Context, int, ServerThread]]:
    db = Database.open(tmp_path / "join.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    assert wid is not None
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    try:
        yield ctx, wid, server
    finally:
        server.stop()
        db.close()


def _participants(ctx: Context) -> int:
    return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Participant)))


def test_the_bare_address_asks_for_the_code_first(browser, room, tmp_path):
    ctx, wid, server = room
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    wrong = "ZZZZZ" if code != "ZZZZZ" else "YYYYY"
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(f"{server.url}web/")  # typed from the projector, without the QR code
        page.wait_for_selector("#code-step:not([hidden])")
        assert page.locator("#join").is_hidden() and page.locator("#live").is_hidden()
        assert page.locator("#code").input_value() == ""
        page.screenshot(path=str(tmp_path / "phone-code.png"))
        page.fill("#code", wrong)
        page.click("#code-button")
        page.wait_for_selector("#code-error:not([hidden])")
        assert "vérifiez les 5 caractères" in page.locator("#code-error").text_content()
        assert page.locator("#join").is_hidden()
        page.screenshot(path=str(tmp_path / "phone-code-wrong.png"))

        page.fill("#code", f"{code[:2].lower()} {code[2:]}")  # as people type it
        page.click("#code-button")
        page.wait_for_selector("#join:not([hidden])")
        assert page.locator("#code-step").is_hidden()
        page.fill("#name", "Dominique")
        page.check("input[name=category][value=public]")
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")
        assert page.locator("#me").text_content().endswith("Dominique")
        assert _participants(ctx) == 1
        page.reload()  # checked in: the token is enough, no code asked again
        page.wait_for_selector("#live:not([hidden])")
        assert page.locator("#code-step").is_hidden()
    finally:
        page.close()


def test_an_old_qr_code_asks_for_the_new_code(browser, room):
    ctx, wid, server = room
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    stale = "ZZZZZ" if code != "ZZZZZ" else "YYYYY"
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(f"{server.url}web/?code={stale}")  # last month's poster
        page.wait_for_selector("#code-step:not([hidden])")
        assert page.locator("#code").input_value() == stale
        assert "ne correspond pas" in page.locator("#code-error").text_content()
        page.fill("#code", code)
        page.click("#code-button")
        page.wait_for_selector("#join:not([hidden])")
    finally:
        page.close()


def test_before_and_after_the_seance_the_page_says_so(browser, room, tmp_path):
    ctx, wid, server = room
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(f"{server.url}web/")
        page.wait_for_selector("#closed:not([hidden])")
        assert page.locator("#closed-title").text_content() == "La séance n’a pas commencé"
        assert page.locator("#code-step").is_hidden() and page.locator("#join").is_hidden()
        page.screenshot(path=str(tmp_path / "phone-not-started.png"))

        live.start_session(ctx, wid)  # the page opens by itself (it asks every few seconds)
        page.wait_for_selector("#code-step:not([hidden])", timeout=15_000)
        page.fill("#code", live.door(ctx, wid)[1])
        page.click("#code-button")
        page.wait_for_selector("#join:not([hidden])")
        page.fill("#name", "Sam")
        page.check("input[name=category][value=usager]")
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")

        live.end_session(ctx, wid)  # the websocket brings it at once
        page.wait_for_selector("#closed:not([hidden])", timeout=5_000)
        assert page.locator("#closed-title").text_content() == "La séance est terminée"
        assert page.locator("#live").is_hidden()
        page.screenshot(path=str(tmp_path / "phone-ended.png"))
    finally:
        page.close()

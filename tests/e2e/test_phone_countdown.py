"""The phone page in a real headless Chromium at 390 px shows the projector's countdown."""

from __future__ import annotations

import time

from app.domain.timer import display
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database


def link(server: ServerThread, ctx: Context, workshop_id: int) -> str:
    """The address in the projector's QR code: the phone page with the séance's join code."""
    return f"{server.url}web/?code={live.door(ctx, workshop_id)[1]}"


def check_in(page, name: str, category: str = "usager") -> None:
    """What a participant does on arrival: the form, then the séance view."""
    page.wait_for_selector("#join:not([hidden])")
    page.fill("#name", name)
    page.check(f"input[name=category][value={category}]")
    page.click("#join-button")
    page.wait_for_selector("#live:not([hidden])")


def test_the_phone_shows_the_same_countdown_as_the_projector(browser, tmp_path):
    db = Database.open(tmp_path / "e2e.sqlite3")
    ctx = Context(db)
    wid = create_workshop(
        ctx, format_key="3h", title='Mobilité <img src=x onerror="alert(1)">'
    ).workshop_id
    live.start_session(ctx, wid)
    live.start(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(link(server, ctx, wid))  # the workshop is shown to a phone with the code
        title = live.live_session(ctx, wid).current.title
        page.wait_for_function(
            "expected => document.getElementById('phase').textContent === expected", arg=title
        )
        heading = page.locator("#heading")
        assert heading.text_content().startswith("Mobilité <img")  # shown as text
        assert page.locator("#heading img").count() == 0
        # the phone computes the countdown itself: compare with the core at the same instant
        shown = page.locator("#countdown").text_content()
        session = live.live_session(ctx, wid)
        expected = {display(session.timer, time.time() + d).text for d in (-1.0, 0.0, 1.0)}
        assert shown in expected
        page.screenshot(path=str(tmp_path / "phone.png"))
        assert (tmp_path / "phone.png").stat().st_size > 1000
    finally:
        page.close()
        server.stop()
        db.close()


def test_check_in_from_the_phone_then_reload_as_the_same_participant(browser, tmp_path):
    from sqlalchemy import func, select

    from app.ops.workshops import update_cadrage
    from app.store.models import Participant

    db = Database.open(tmp_path / "join.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Accueil").workshop_id
    update_cadrage(ctx, wid, partners="Bordeaux Métropole\nDREAL Nouvelle-Aquitaine")
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    count = lambda: db.read(  # noqa: E731
        lambda s: s.scalar(select(func.count()).select_from(Participant))
    )
    try:
        page.goto(link(server, ctx, wid))
        page.wait_for_selector("#join:not([hidden])")
        page.fill("#name", "Camille <b>Durand</b>")
        page.click("#partner-list .suggestion >> text=DREAL Nouvelle-Aquitaine")
        page.check("input[name=category][value=public]")
        page.screenshot(path=str(tmp_path / "phone-join.png"))
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")
        assert page.locator("#me").text_content().endswith("Camille <b>Durand</b>")
        assert page.locator("#me b").count() == 0
        assert count() == 1
        page.reload()
        page.wait_for_selector("#live:not([hidden])")
        assert "Camille" in page.locator("#me").text_content()
        assert count() == 1  # the same participant, not a second one
    finally:
        page.close()
        server.stop()
        db.close()


def test_a_post_it_written_offline_arrives_once_when_the_network_returns(browser, tmp_path):
    from sqlalchemy import select

    from app.store.models import Note

    db = Database.open(tmp_path / "offline.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Hors ligne").workshop_id
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    stored = lambda: db.read(lambda s: [n.text for n in s.scalars(select(Note))])  # noqa: E731
    try:
        page.goto(link(server, ctx, wid))
        check_in(page, "Alex")

        page.fill("#note", "Des navettes <b>entre</b> sites")
        page.click("#send")
        page.wait_for_function(
            "() => document.querySelector('#mine li .status')?.textContent === 'envoyé ✓'"
        )
        assert stored() == ["Des navettes <b>entre</b> sites"]

        context.set_offline(True)  # the Wi-Fi drops
        page.fill("#note", "Un parking vélo couvert")
        page.click("#send")
        page.wait_for_function(
            "() => [...document.querySelectorAll('#mine li .status')]"
            ".some(s => s.textContent === 'en attente du réseau')"
        )
        page.screenshot(path=str(tmp_path / "phone-offline.png"))
        assert len(stored()) == 1

        context.set_offline(False)  # back: the outbox is sent, each item once
        page.wait_for_function(
            "() => [...document.querySelectorAll('#mine li .status')]"
            ".every(s => s.textContent === 'envoyé ✓') "
            "&& document.querySelectorAll('#mine li').length === 2",
            timeout=20_000,
        )
        assert stored() == ["Des navettes <b>entre</b> sites", "Un parking vélo couvert"]
        assert page.locator("#mine b").count() == 0
        page.reload()  # and after a reload, still two, still the same participant
        page.wait_for_function("() => document.querySelectorAll('#mine li').length === 2")
        assert len(stored()) == 2
    finally:
        context.close()
        server.stop()
        db.close()


def test_the_phone_follows_the_laptop_at_once(browser, tmp_path):
    db = Database.open(tmp_path / "push.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Direct").workshop_id
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(link(server, ctx, wid))
        check_in(page, "Alex")
        page.wait_for_function("() => document.getElementById('state').textContent === 'Bientôt'")
        live.start(ctx, wid)  # she presses Space on the laptop
        # the socket brings it well before the 15-second safety poll
        page.wait_for_function(
            "() => document.getElementById('state').textContent === 'En cours'", timeout=3000
        )
        live.next_phase(ctx, wid)
        title = live.live_session(ctx, wid).current.title
        page.wait_for_function(
            "t => document.getElementById('phase').textContent === t", arg=title, timeout=3000
        )
    finally:
        page.close()
        server.stop()
        db.close()

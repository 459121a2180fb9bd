"""The check-in form's organisation, typed on a 320 px phone: any organisation, the cadrage's
partners one tap away, a text too long refused in French and kept in the field."""

from __future__ import annotations

from sqlalchemy import select

from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop, update_cadrage
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Participant

HOSTILE_PARTNER = "<img src=x onerror=alert(1)>"
PARTNERS = ["Bordeaux Métropole", "DREAL Nouvelle-Aquitaine", HOSTILE_PARTNER,
            "Direction départementale des territoires et de la mer de la Gironde"]  # fmt: skip
NARROW = {"width": 320, "height": 640}


def _serve(tmp_path):
    db = Database.open(tmp_path / "org.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Accueil").workshop_id
    assert wid is not None
    update_cadrage(ctx, wid, partners="\n".join(PARTNERS))
    live.start_session(ctx, wid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    return db, server, f"{server.url}web/?code={live.door(ctx, wid)[1]}"


def _organisations(db: Database) -> list[str]:
    return db.read(lambda s: [p.organisation for p in s.scalars(select(Participant))])


def _no_alert(page) -> list[str]:
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    return alerts


def test_a_typed_organisation_lands_in_the_base_at_320_px(browser, tmp_path):
    db, server, link = _serve(tmp_path)
    page = browser.new_page(viewport=NARROW)
    alerts = _no_alert(page)
    try:
        page.goto(link)
        page.wait_for_selector("#join:not([hidden])")
        chips = page.locator("#partner-list .suggestion")
        assert chips.all_text_contents() == PARTNERS  # the partners, as text
        assert page.locator("#partner-list img").count() == 0
        page.fill("#name", "Camille")
        page.fill("#organisation", "Mairie de Poitiers")
        page.check("input[name=category][value=public]")
        # nothing wider than the phone: no sideways scrolling with one thumb
        assert page.evaluate("document.scrollingElement.scrollWidth") <= NARROW["width"]
        for width in (320, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(tmp_path / f"phone-organisation-{width}.png"), full_page=True)
        page.set_viewport_size(NARROW)
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")
        assert _organisations(db) == ["Mairie de Poitiers"]
        assert alerts == []
    finally:
        page.close()
        server.stop()
        db.close()


def test_an_organisation_too_long_is_refused_and_kept_then_a_partner_in_one_tap(browser, tmp_path):
    db, server, link = _serve(tmp_path)
    page = browser.new_page(viewport=NARROW)
    alerts = _no_alert(page)
    typed = ("Organisation très longue " * 12).strip() + "!"  # 300 characters
    assert len(typed) == 300
    try:
        page.goto(link)
        page.wait_for_selector("#join:not([hidden])")
        page.fill("#name", "Dominique")
        page.fill("#organisation", typed)
        page.check("input[name=category][value=association]")
        page.click("#join-button")
        error = page.locator("#join-error")
        error.wait_for(state="visible")
        assert error.text_content().startswith("Organisation : 120 caractères au plus (300 saisis)")
        assert page.input_value("#organisation") == typed  # kept, to shorten it
        assert page.is_visible("#join")
        page.screenshot(path=str(tmp_path / "phone-organisation-refused.png"), full_page=True)
        assert _organisations(db) == []
        # a partner is one tap: the field takes its name, the chip shows it is chosen
        chip = page.locator("#partner-list .suggestion", has_text="onerror")
        chip.click()
        assert page.input_value("#organisation") == HOSTILE_PARTNER
        assert chip.get_attribute("aria-pressed") == "true"
        page.click("#join-button")
        page.wait_for_selector("#live:not([hidden])")
        assert _organisations(db) == [HOSTILE_PARTNER]  # stored as data
        assert alerts == []
    finally:
        page.close()
        server.stop()
        db.close()

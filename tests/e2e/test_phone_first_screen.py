"""The current activity comes first on a small phone (320 and 390 px, Chromium): after check-in
with an earlier vote closed and revealed, the post-it field is on the first screen and the
results wait, folded, under "Résultats précédents" until the control is pressed (by keyboard
here); an open vote's ballot comes before the post-its. Screenshots in /tmp/phone-shots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note

SHOTS = Path("/tmp/phone-shots")
MIN_TARGET = 48  # px: a thumb-sized target
SCREENS = [{"width": 320, "height": 568}, {"width": 390, "height": 844}]


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Context, int, ServerThread, list[str]]]:
    db = Database.open(tmp_path / "first.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)

    def add(session) -> list[int]:
        rows = [
            Note(workshop_id=wid, created_at=0.0,
                 text=f"Idée n° {n} : <b>des navettes</b> entre les sites administratifs "
                      "de la métropole, le matin et le soir")
            for n in range(40)
        ]  # fmt: skip
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    keys = [f"note:{n}" for n in db.write(add)]
    voter = participants.check_in(ctx, wid, name="Awa", category="public", key="join-awa-0001")
    rid = v.open_round(ctx, wid, kind="dots", items=keys, title="Nos priorités",
                       settings={"dots": 3, "cap": 2}).ids[0]  # fmt: skip
    v.cast_ballot(ctx, wid, rid, voter.participant_id, {keys[3]: 2, keys[7]: 1}, key="ballot-0001")
    v.close_round(ctx, rid)
    v.reveal_results(ctx, rid)
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    try:
        yield ctx, wid, server, keys
    finally:
        server.stop()
        db.close()


def _check_in(page: Page, url: str, ctx: Context, wid: int) -> None:
    page.goto(f"{url}web/?code={live.door(ctx, wid)[1]}")
    page.wait_for_selector("#join:not([hidden])")
    page.fill("#name", "Dominique")
    page.check("input[name=category][value=public]")
    page.click("#join-button")
    page.wait_for_selector("#live:not([hidden])")


def _top(page: Page, selector: str) -> float:
    """Where the element starts in the page (not in the scrolled viewport)."""
    return page.evaluate(
        "(s) => document.querySelector(s).getBoundingClientRect().top + scrollY", selector
    )


def _no_overflow(page: Page, width: int) -> None:
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes == [width, width], sizes


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}px")
def test_the_post_it_field_comes_before_earlier_results(browser, room, screen):
    ctx, wid, server, keys = room
    SHOTS.mkdir(parents=True, exist_ok=True)
    width, height = screen["width"], screen["height"]
    page = browser.new_context(viewport=screen).new_page()
    try:
        _check_in(page, server.url, ctx, wid)
        toggle = page.locator("#past-toggle")
        expect(toggle).to_be_visible()  # votes.js found the closed round
        expect(toggle).to_have_text("Résultats précédents▾")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator(".vote-results")).to_be_hidden()
        expect(page.locator("#vote")).to_be_hidden()
        assert page.evaluate("scrollY") == 0  # the séance view opens at its top
        note = _top(page, "#note")
        assert note < height, note  # on the first screen
        send = page.locator("#send").bounding_box()
        assert send is not None and send["y"] + send["height"] < 2 * height
        box = toggle.bounding_box()
        assert box is not None and box["height"] >= MIN_TARGET and box["width"] <= width
        _no_overflow(page, width)
        page.screenshot(path=str(SHOTS / f"first-{width}.png"))
        page.screenshot(path=str(SHOTS / f"first-{width}-full.png"), full_page=True)

        toggle.focus()  # a keyboard reaches it and opens it
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        results = page.locator(".vote-results")
        expect(results).to_be_visible()
        expect(results.locator("li").first.locator(".score")).to_have_text("2")
        assert page.locator("#past-body b").count() == 0  # participants' text is text
        assert _top(page, "#note") == note  # nothing came above the field
        _no_overflow(page, width)
        toggle.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"past-{width}.png"))
        page.screenshot(path=str(SHOTS / f"past-{width}-full.png"), full_page=True)
        toggle.click()  # folded again
        expect(results).to_be_hidden()

        # the laptop opens a new vote: its ballot comes first, before the post-its
        v.open_round(ctx, wid, kind="dots", items=keys[:4], title="Le tour suivant",
                     settings={"dots": 2, "cap": 1})  # fmt: skip
        expect(page.locator("#vote .vote-title")).to_have_text("Le tour suivant")
        expect(page.locator("#past")).to_be_hidden()
        ballot = page.locator("#vote").bounding_box()
        field = page.locator("#note").bounding_box()
        assert ballot is not None and field is not None
        assert ballot["y"] < height and ballot["y"] < field["y"]
        _no_overflow(page, width)
        page.screenshot(path=str(SHOTS / f"vote-{width}.png"))
    finally:
        page.context.close()

"""Two phones vote with dots in Debian's Chromium at 390 px: dots left, change of mind,
'J'ai fini', the close and the reveal heard through the websocket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import select

from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note, Vote

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed (installed by .ci/run)"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


def phone(browser: Browser, url: str, token: str) -> Page:
    """A phone already checked in (its token in the page's storage, as after the form)."""
    page = browser.new_context(viewport=PHONE).new_page()
    page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
    page.goto(f"{url}web/")
    page.wait_for_selector("#vote:not([hidden])")
    return page


def text(page: Page, selector: str) -> str:
    return page.locator(selector).first.text_content() or ""


def wait_text(page: Page, selector: str, expected: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s)?.textContent === t", arg=[selector, expected]
    )


def test_two_phones_cast_dots_change_their_mind_and_see_the_results(browser, tmp_path):
    db = Database.open(tmp_path / "vote.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    live.start_session(ctx, wid)
    people = [
        participants.check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0001")
        for n in ("Alex", "Sam")
    ]

    def add(session) -> list[int]:
        texts = ["Navettes entre les sites", 'Vélos <img src=x onerror="alert(1)">',
                 "Covoiturage des agents"]  # fmt: skip
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in texts]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = db.write(add)
    rid = v.open_round(ctx, wid, kind="dots", items=[f"note:{n}" for n in notes],
                       title="Nos priorités", settings={"dots": 3, "cap": 2}).ids[0]  # fmt: skip
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    stored = lambda: db.read(  # noqa: E731
        lambda s: sorted((x.voter, x.item_id, x.value) for x in s.scalars(select(Vote)))
    )
    pages: list[Page] = []
    try:
        alex = phone(browser, server.url, people[0].token)
        pages.append(alex)
        assert text(alex, ".vote-left") == "3 gommettes restantes"
        assert alex.locator(".vote-card").count() == 3
        assert alex.locator(".vote-card img").count() == 0  # the hostile label is text
        assert "<img" in text(alex, f".vote-card[data-key='note:{notes[1]}'] .vote-label")
        velo = alex.locator(f".vote-card[data-key='note:{notes[1]}']")
        velo.locator(".vote-plus").click()
        velo.locator(".vote-plus").click()
        wait_text(alex, ".vote-left", "1 gommette restante")
        assert velo.locator(".vote-plus").is_disabled()  # at most 2 on one post-it
        wait_text(alex, ".vote-status", "Vote enregistré ✓")
        assert stored() == [(f"p:{people[0].participant_id}", notes[1], 2)]
        alex.locator(f".vote-card[data-key='note:{notes[0]}'] .vote-plus").click()
        wait_text(alex, ".vote-left", "Plus de gommettes : retirez-en une pour changer d’avis")
        assert alex.locator(".vote-plus:not([disabled])").count() == 0
        alex.screenshot(path=str(tmp_path / "phone-vote.png"), full_page=True)
        velo.locator(".vote-minus").click()  # a change of mind
        wait_text(alex, ".vote-left", "1 gommette restante")
        wait_text(alex, ".vote-status", "Vote enregistré ✓")
        alex.click(".vote-done")
        wait_text(alex, ".vote-done", "Je reprends mon vote")

        sam = phone(browser, server.url, people[1].token)
        pages.append(sam)
        sam.locator(f".vote-card[data-key='note:{notes[0]}'] .vote-plus").click()
        wait_text(sam, ".vote-status", "Vote enregistré ✓")
        assert stored() == sorted([
            (f"p:{people[0].participant_id}", notes[0], 1),
            (f"p:{people[0].participant_id}", notes[1], 1),
            (f"p:{people[1].participant_id}", notes[0], 1),
        ])  # fmt: skip
        res = v.results(ctx, rid)
        assert res.turnout.text == "2 / 2 ont voté" and res.turnout.done_names == ("Alex",)
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)

        v.close_round(ctx, rid)  # the laptop closes the vote: phones hear it
        wait_text(sam, ".vote-closed", "Vote clos")
        assert (
            sam.locator(".vote-plus").count() == 3
            and sam.locator(".vote-plus:not([disabled])").count() == 0
        )
        assert sam.locator(".vote-results").count() == 0  # hidden until revealed
        v.reveal_results(ctx, rid)
        sam.wait_for_selector(".vote-results")
        assert text(sam, ".vote-results li .label") == "Navettes entre les sites"
        assert text(sam, ".vote-results li .score") == "2"
        sam.screenshot(path=str(tmp_path / "phone-results.png"), full_page=True)
    finally:
        for page in pages:
            page.context.close()
        server.stop()
        db.close()

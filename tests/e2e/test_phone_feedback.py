"""End-of-séance feedback on a phone at 390 px in Chromium: the form appears when the séance
reaches its closing phase, a smiley and two sentences are sent, an answer whose reply was lost
is sent again and counts once, and a change of mind replaces it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from sqlalchemy import func, select

from app.ops import feedback as fb
from app.ops import live, participants
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Feedback, JournalEntry

PHONE = {"width": 390, "height": 844}
HOSTILE = '<img src=x onerror="alert(1)"> & <b>gras</b> 👩🏽‍🚒'
# where the screenshots go: a folder of the caller's choice, else the test's own tmp_path
SHOTS = os.environ.get("ATELIER_SHOTS")


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Context, int, ServerThread, str]]:
    db = Database.open(tmp_path / "feedback.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    token = participants.check_in(ctx, wid, name="Alex", category="public", key="join-alex-01")
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    try:
        yield ctx, wid, server, token.token
    finally:
        server.stop()
        db.close()


def _stored(ctx: Context) -> list[tuple[int, str, str]]:
    return ctx.db.read(
        lambda s: [(f.rating, f.keep, f.improve) for f in s.scalars(select(Feedback))]
    )


def _answers_written(ctx: Context) -> int:
    return ctx.db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.op == "feedback.give")
        )
    )


def test_a_phone_rates_the_seance_in_its_closing_phase(browser, room, tmp_path):
    ctx, wid, server, token = room
    shots = Path(SHOTS) if SHOTS else tmp_path
    page: Page = browser.new_context(viewport=PHONE).new_page()
    page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
    try:
        page.goto(f"{server.url}web/")
        expect(page.locator("#live")).to_be_visible()
        expect(page.locator("#feedback")).to_be_hidden()  # not before the closing phase
        while not fb.feedback_open(ctx, wid):  # the laptop moves on; the phone hears it
            live.next_phase(ctx, wid)
        form = page.locator("#feedback")
        expect(form).to_be_visible()
        expect(form.locator(".feedback-face")).to_have_count(5)
        expect(page.locator("#phase")).to_have_text("Clôture et retours")
        form.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "phone-feedback-empty.png"))

        form.locator(".feedback-send").click()  # no rating yet
        expect(form.locator(".feedback-error")).to_have_text("Choisissez une note de 1 à 5.")
        form.locator(".feedback-face[data-rating='4']").click()
        expect(form.locator(".feedback-picked")).to_have_text("4 / 5 — Satisfait·e")
        expect(form.locator(".feedback-face.picked")).to_have_attribute("aria-checked", "true")
        page.fill("#feedback-keep", HOSTILE)
        page.fill("#feedback-improve", "x" * 600)  # the field stops at 500
        expect(form.locator(".feedback-count").nth(1)).to_have_text("500 / 500")
        page.fill("#feedback-improve", "Plus de temps pour le vote")
        page.screenshot(path=str(shots / "phone-feedback-filled.png"), full_page=True)

        # the first answer reaches the server but its reply is lost: the phone sends it again
        lost: list[str] = []

        def lose_first_reply(route: Route) -> None:
            if route.request.method == "POST" and not lost:
                lost.append(route.request.post_data or "")
                route.fetch()  # the server writes it…
                route.abort()  # …and the phone never hears back
                return
            route.continue_()

        page.route("**/api/feedback", lose_first_reply)
        form.locator(".feedback-send").click()
        expect(form.locator(".feedback-title")).to_have_text("Merci pour votre avis !")
        assert lost and _answers_written(ctx) == 1  # sent twice, written once
        assert _stored(ctx) == [(4, HOSTILE, "Plus de temps pour le vote")]
        expect(form.locator(".feedback-said").first).to_have_text(HOSTILE)
        assert form.locator("img").count() == 0  # text, never HTML
        page.screenshot(path=str(shots / "phone-feedback-thanks.png"), full_page=True)

        form.locator(".feedback-edit").click()  # a change of mind replaces the answer
        expect(page.locator("#feedback-keep")).to_have_value(HOSTILE)
        form.locator(".feedback-face[data-rating='5']").click()
        page.fill("#feedback-keep", "")
        form.locator(".feedback-send").click()
        expect(form.locator(".feedback-given p")).to_have_text(
            "Votre note : 5 / 5 — Très satisfait·e"
        )
        assert _stored(ctx) == [(5, "", "Plus de temps pour le vote")]
        assert fb.feedback_summary(ctx, wid).answers == 1

        live.end_session(ctx, wid)  # the séance ends: the page says so
        expect(page.locator("#closed-title")).to_have_text("La séance est terminée")
    finally:
        page.context.close()

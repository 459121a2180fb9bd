"""A phone never drops a post-it or a ballot it could not send (Chromium, 390 px): a server
error (503, the database away) keeps it "en attente" with its key, tried again with backoff and
sent once, across a reload too; a refusal of the post-it itself (422) leaves the text in the
field with the reason."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from sqlalchemy import select

from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note, Vote

PHONE = {"width": 390, "height": 844}
OUTAGE = json.dumps({"code": "base_de_donnees", "message": "Le serveur est indisponible."})
# every status the phone's list shows, in order, whatever the timing (read at the end)
WATCH = """
window.__statuses = [];
new MutationObserver(() => {
  const mine = document.getElementById("mine");
  if (!mine) return;
  for (const s of mine.querySelectorAll(".status")) {
    const last = window.__statuses[window.__statuses.length - 1];
    if (s.textContent !== last) window.__statuses.push(s.textContent);
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Context, int, ServerThread, str]]:
    db = Database.open(tmp_path / "outbox.sqlite3")
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


def _phone(browser, url: str, token: str) -> Page:
    page = browser.new_context(viewport=PHONE).new_page()
    page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
    page.add_init_script(WATCH)
    page.goto(f"{url}web/")
    expect(page.locator("#live")).to_be_visible()
    return page


def _notes(ctx: Context) -> list[str]:
    return ctx.db.read(lambda s: [n.text for n in s.scalars(select(Note))])


def _pending(page: Page, text: str):
    return page.locator("#mine li.pending", has_text=text)


def test_a_post_it_met_by_503_waits_and_is_sent_once(browser, room):
    ctx, _wid, server, token = room
    page = _phone(browser, server.url, token)
    keys: list[str] = []

    def outage_twice(route: Route) -> None:
        if route.request.method != "POST":
            return route.continue_()
        keys.append(route.request.post_data_json["key"])
        if len(keys) <= 2:
            return route.fulfill(status=503, body=OUTAGE, content_type="application/json")
        return route.continue_()

    try:
        page.route("**/api/notes", outage_twice)
        page.fill("#note", "Un parking vélo couvert")
        page.click("#send")
        expect(page.locator("#note")).to_have_value("")  # taken: kept on the phone
        sent = page.locator("#mine li:not(.pending)", has_text="Un parking vélo couvert")
        expect(sent.locator(".status")).to_have_text("envoyé ✓")
        statuses = page.evaluate("window.__statuses")
        assert "en attente : envoi automatique dès que possible" in statuses, statuses
        assert statuses[-1] == "envoyé ✓"
        assert len(keys) == 3 and len(set(keys)) == 1  # one key, three tries, no duplicate
        assert _notes(ctx) == ["Un parking vélo couvert"]  # exactly one copy
        expect(page.locator("#note-error")).to_be_hidden()
        expect(page.locator("#mine li")).to_have_count(1)
        assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('outbox'))"
                             ".map(k => JSON.parse(localStorage[k]).length)") == [0]  # fmt: skip
    finally:
        page.context.close()


def test_a_pending_post_it_survives_a_reload(browser, room):
    ctx, _wid, server, token = room
    page = _phone(browser, server.url, token)
    keys: list[str] = []

    def outage(route: Route) -> None:
        if route.request.method != "POST":
            return route.continue_()
        keys.append(route.request.post_data_json["key"])
        return route.fulfill(status=503, body=OUTAGE, content_type="application/json")

    try:
        page.route("**/api/notes", outage)
        page.fill("#note", "Des navettes <b>entre</b> sites")
        page.click("#send")
        waiting = _pending(page, "Des navettes <b>entre</b> sites")
        expect(waiting.locator(".status")).to_have_text(
            "en attente : envoi automatique dès que possible"
        )
        stored = page.evaluate("JSON.stringify(localStorage)")
        assert token not in stored.replace(f'"atelier.token":"{token}"', "")  # nowhere new
        page.reload()  # still down: kept on the phone, shown as waiting
        expect(waiting.locator(".status")).to_have_text(
            "en attente : envoi automatique dès que possible"
        )
        tried = len(keys)
        page.unroute("**/api/notes")  # the database is back: the next try goes through
        sent = page.locator("#mine li:not(.pending)", has_text="Des navettes <b>entre</b> sites")
        expect(sent.locator(".status")).to_have_text("envoyé ✓", timeout=45_000)
        assert tried >= 2 and len(set(keys)) == 1
        assert _notes(ctx) == ["Des navettes <b>entre</b> sites"]
        assert page.locator("#mine b").count() == 0
        expect(page.locator("#mine li")).to_have_count(1)
        expect(page.locator("#note")).to_have_value("")
    finally:
        page.context.close()


def test_a_refused_post_it_stays_in_the_field_with_the_reason(browser, room):
    ctx, _wid, server, token = room
    page = _phone(browser, server.url, token)
    try:
        page.evaluate("document.getElementById('note').removeAttribute('maxlength')")
        long = "Trop long. " * 30  # 330 characters: the server says 422
        page.fill("#note", long)
        with page.expect_response(lambda r: r.url.endswith("/api/notes")) as answer:
            page.click("#send")
        assert answer.value.status == 422
        expect(page.locator("#note-error")).to_have_text(
            "Post-it trop long : 280 caractères au plus (329 saisis). "
            "Raccourcissez-le, puis envoyez-le à nouveau."
        )
        expect(page.locator("#note")).to_have_value(long.strip())
        expect(page.locator("#mine li")).to_have_count(0)  # not waiting: refused, and said so
        assert _notes(ctx) == []
    finally:
        page.context.close()


def test_a_ballot_met_by_503_waits_across_a_reload_and_counts_once(browser, room):
    ctx, wid, server, token = room

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in ("Navettes", "Vélos")]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = ctx.db.write(add)
    rid = v.open_round(ctx, wid, kind="dots", items=[f"note:{n}" for n in notes],
                       title="Nos priorités", settings={"dots": 3, "cap": 2}).ids[0]  # fmt: skip
    page = _phone(browser, server.url, token)
    keys: list[str] = []

    def outage(route: Route) -> None:
        keys.append(route.request.post_data_json["key"])
        return route.fulfill(status=503, body=OUTAGE, content_type="application/json")

    ballots = f"**/api/votes/{rid}/ballot"
    stored = lambda: ctx.db.read(  # noqa: E731
        lambda s: sorted((x.item_id, x.value) for x in s.scalars(select(Vote)))
    )
    try:
        page.route(ballots, outage)
        card = page.locator(f".vote-card[data-key='note:{notes[1]}']")
        card.locator(".vote-plus").click()
        expect(page.locator(".vote-status")).to_have_text(
            "En attente : envoi automatique dès que possible"
        )
        expect(card.locator(".vote-dots")).to_have_text("●")  # the choice stays as made
        page.reload()
        expect(page.locator(".vote-status")).to_have_text(
            "En attente : envoi automatique dès que possible"
        )
        expect(card.locator(".vote-dots")).to_have_text("●")  # kept across the reload
        assert stored() == []
        page.unroute(ballots)
        expect(page.locator(".vote-status")).to_have_text("Vote enregistré ✓", timeout=45_000)
        assert len(keys) >= 2 and len(set(keys)) == 1  # the same ballot, the same key
        assert stored() == [(notes[1], 1)]
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)
    finally:
        page.context.close()

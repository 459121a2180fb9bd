"""A phone page waits gracefully (issue 20): one vote request at a time however many changes
its socket announces, and a failed one tried again with a growing, jittered delay."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# every fetch of /api/votes/current the page makes: when, and how many were on their way
COUNT_FETCHES = """
window.__votes = {calls: [], pending: 0, most: 0};
const realFetch = window.fetch.bind(window);
window.fetch = async (url, options) => {
  const mine = String(url).includes("/api/votes/current");
  if (!mine) return realFetch(url, options);
  const seen = window.__votes;
  seen.calls.push(performance.now());
  seen.pending += 1;
  seen.most = Math.max(seen.most, seen.pending);
  try { return await realFetch(url, options); } finally { seen.pending -= 1; }
};
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed (installed by .ci/run)"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def seance(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = Database.open(tmp_path / "waits.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    token = participants.check_in(ctx, wid, name="Alex", category="public", key="join-a-0001").token

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in ("Navettes", "Vélos")]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = db.write(add)
    v.open_round(ctx, wid, kind="dots", items=[f"note:{n}" for n in notes], title="Priorités")
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    try:
        yield server.url, token
    finally:
        server.stop()
        db.close()


def _phone(browser: Browser, url: str, token: str) -> Page:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
    page.add_init_script(COUNT_FETCHES)
    return page


def test_changes_heard_while_loading_make_one_more_request_not_one_each(browser, seance):
    url, token = seance
    page = _phone(browser, url, token)
    page.goto(f"{url}web/")
    page.wait_for_selector("#vote:not([hidden])")
    page.wait_for_function("window.__votes.pending === 0")
    before = page.evaluate("window.__votes.calls.length")
    page.evaluate(
        """() => { for (let i = 0; i < 8; i++) window.dispatchEvent(new CustomEvent(
             "atelier:changed", {detail: {type: "changed", topics: ["votes"]}})); }"""
    )
    page.wait_for_function(
        f"window.__votes.calls.length > {before} && window.__votes.pending === 0"
    )
    made = page.evaluate("window.__votes.calls.length") - before
    assert made == 2  # the one on its way, then once more for whatever came meanwhile
    assert page.evaluate("window.__votes.most") == 1  # never two at once
    page.context.close()


def test_a_failed_load_is_tried_again_later_and_later(browser, seance):
    url, token = seance
    page = _phone(browser, url, token)
    refused = {"n": 0}

    def busy(route: Route) -> None:
        if refused["n"] < 3:
            refused["n"] += 1
            route.fulfill(status=503, content_type="application/json",
                          body='{"code": "serveur_occupe", "message": "Occupé"}')  # fmt: skip
        else:
            route.continue_()

    page.route("**/api/votes/current", busy)
    page.goto(f"{url}web/")
    page.wait_for_selector("#vote:not([hidden])", timeout=20_000)  # after 3 refusals
    calls = page.evaluate("window.__votes.calls")
    assert len(calls) >= 4
    gaps = [b - a for a, b in itertools.pairwise(calls[:4])]
    # backoff with jitter: 0.5–1 s, then 1–2 s, then 2–4 s (not in step with other phones)
    assert 450 <= gaps[0] <= 1500 and 950 <= gaps[1] <= 2500 and 1950 <= gaps[2] <= 4500
    page.context.close()

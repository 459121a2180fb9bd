"""One phone in Debian's Chromium at 390 px casts a points ballot, a majority-judgment ballot
and a criteria ballot, one round after the other as the laptop opens them: each ballot is
acknowledged by the server, stored once (a resent request with the same key changes
nothing), and each page keeps large targets with nothing cut off. Screenshots of the three
pages are written next to the test's files (phone-points.png, phone-majority.png,
phone-criteria.png)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, Response
from sqlalchemy import func, select

from app.domain.votes import GRADES
from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import IdempotentRequest, Note, Vote, VoteBallot

TEXTS = (
    "Navette partagée entre la gare et les sites administratifs de la métropole",
    "Vélos de service",
    "Covoiturage <b>des</b> agents",
)
PHONE = {"width": 390, "height": 844}
MIN_TARGET = 48  # px: a thumb-sized target, each side (Material: 48 dp)


def _phone(browser: Browser, url: str, token: str) -> Page:
    page = browser.new_context(viewport=PHONE).new_page()
    page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
    page.goto(f"{url}web/")
    page.wait_for_selector("#vote:not([hidden])")
    return page


def _wait_text(page: Page, selector: str, expected: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s)?.textContent === t", arg=[selector, expected]
    )


def _ballot_ack(page: Page, round_id: int, expected: dict[str, Any]) -> Any:
    """Waits for the server's answer to the ballot that carries `expected`."""

    def wanted(response: Response) -> bool:
        request = response.request
        return (
            request.method == "POST"
            and response.url.endswith(f"/api/votes/{round_id}/ballot")
            and (request.post_data_json or {}).get("choices") == expected
        )

    return page.expect_response(wanted)


def _resend(page: Page, round_id: int, body: dict[str, Any]) -> dict[str, Any]:
    """The same request again, from the phone (a retry after a lost answer)."""
    return page.evaluate(
        """async ([rid, body]) => {
            const answer = await fetch(`/api/votes/${rid}/ballot`, {
                method: "POST",
                headers: {"Content-Type": "application/json",
                          Authorization: `Bearer ${localStorage.getItem("atelier.token")}`},
                body: JSON.stringify(body),
            });
            return {status: answer.status, body: await answer.json()};
        }""",
        [round_id, body],
    )


def _check_layout(page: Page, targets: str) -> None:
    """Nothing wider than the phone, every target at least thumb-sized."""
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1] == PHONE["width"], overflow
    small = page.evaluate(
        """([selector, least]) => [...document.querySelectorAll(selector)]
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.width < least || r.height < least || r.right > innerWidth)
            .map((r) => [r.width, r.height, r.right])""",
        [targets, MIN_TARGET],
    )
    assert small == [], f"{targets}: targets too small or cut: {small}"
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.vote-label, .vote-criterion')]
            .filter((e) => e.scrollWidth > e.clientWidth).length"""
    )
    assert labels == 0  # every label wraps within its card


def test_one_phone_casts_points_majority_and_criteria_ballots(browser, tmp_path):
    db = Database.open(tmp_path / "ballots.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3m", title="Mobilités").workshop_id
    live.start_session(ctx, wid)
    awa = participants.check_in(ctx, wid, name="Awa", category="public", key="join-awa-0001")
    voter = f"p:{awa.participant_id}"

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in TEXTS]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = db.write(add)
    keys = [f"note:{n}" for n in notes]

    def stored(rid: int) -> dict[str, Any]:
        def work(session) -> dict[str, Any]:
            rows = session.execute(
                select(Vote.item_id, Vote.criterion, Vote.value, Vote.voter, Vote.paper).where(
                    Vote.round_id == rid
                )
            ).all()
            ballots = session.scalar(
                select(func.count()).select_from(VoteBallot).where(VoteBallot.round_id == rid)
            )
            return {"votes": sorted(r[:3] for r in rows), "voters": {r.voter for r in rows},
                    "paper": any(r.paper for r in rows), "ballots": ballots}  # fmt: skip

        return db.read(work)

    def keys_stored() -> int:
        return db.read(lambda s: s.scalar(select(func.count()).select_from(IdempotentRequest)))

    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    page: Page | None = None
    try:
        # -- points: a budget of 20 shared with the +5 buttons and a slider ------------------
        rid = v.open_round(ctx, wid, kind="points", items=keys, title="Où mettre le budget ?",
                           settings={"budget": 20}).ids[0]  # fmt: skip
        page = _phone(browser, server.url, awa.token)
        assert page.locator(".vote-left").text_content() == "20 points restants"
        assert page.locator(".vote-card").count() == 3
        assert page.locator(".vote-card b").count() == 0  # the label is text
        first = page.locator(f".vote-card[data-key='{keys[0]}']")
        third = page.locator(f".vote-card[data-key='{keys[2]}']")
        expected = {keys[0]: 10, keys[2]: 10}
        with _ballot_ack(page, rid, expected) as ack:
            first.locator(".vote-plus").click()
            first.locator(".vote-plus").click()
            third.locator(".vote-slider").fill("10")
        answer = ack.value
        assert answer.ok and answer.json()["choices"] == expected
        _wait_text(page, ".vote-left", "0 point restant")
        _wait_text(page, ".vote-status", "Vote enregistré ✓")
        assert third.locator(".vote-points").text_content() == "10"
        assert first.locator(".vote-plus").is_disabled()  # the budget is spent
        _check_layout(page, ".vote-row button, .vote-slider")
        page.screenshot(path=str(tmp_path / "phone-points.png"), full_page=True)
        counted = stored(rid)
        assert counted == {
            "votes": [(notes[0], "", 10), (notes[2], "", 10)],
            "voters": {voter},
            "paper": False,
            "ballots": 1,
        }
        # the same request resent (its answer lost on the way): counted once
        before = keys_stored()
        again = _resend(page, rid, answer.request.post_data_json)
        assert again["status"] == 200 and again["body"]["choices"] == expected
        assert stored(rid) == counted and keys_stored() == before
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)
        v.close_round(ctx, rid)
        _wait_text(page, ".vote-closed", "Vote clos")

        # -- majority judgment: a grade for each item ----------------------------------------
        rid = v.open_round(ctx, wid, kind="majority", items=keys, title="Quelle mention ?").ids[0]
        _wait_text(page, ".vote-title", "Quelle mention ?")  # heard through the websocket
        assert page.locator(".vote-card .grade").count() == 3 * len(GRADES)
        picks = {keys[0]: 6, keys[1]: 3, keys[2]: 0}
        with _ballot_ack(page, rid, picks) as ack:
            for key, grade in picks.items():
                page.locator(f".vote-card[data-key='{key}'] .grade-{grade}").click()
        answer = ack.value
        assert answer.ok and answer.json()["choices"] == picks
        _wait_text(page, ".vote-status", "Vote enregistré ✓")
        assert page.locator(".vote-left").text_content() == "Bulletin complet ✓"
        picked = page.locator(".grade.picked")
        assert [picked.nth(i).text_content() for i in range(3)] == [
            "Excellent",
            "Assez bien",
            "À rejeter",
        ]
        _check_layout(page, ".vote-grades button")
        page.screenshot(path=str(tmp_path / "phone-majority.png"), full_page=True)
        counted = stored(rid)
        assert counted["votes"] == [(notes[0], "", 6), (notes[1], "", 3), (notes[2], "", 0)]
        assert counted["voters"] == {voter} and counted["ballots"] == 1
        before = keys_stored()
        assert _resend(page, rid, answer.request.post_data_json)["status"] == 200
        assert stored(rid) == counted and keys_stored() == before
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)
        v.close_round(ctx, rid)
        _wait_text(page, ".vote-closed", "Vote clos")

        # -- the criteria grid with LaBase's five criteria, on two items ----------------------
        rid = v.open_round(ctx, wid, kind="criteria", items=keys[:2], title="Grille LaBase",
                           settings={"criteria": "labase"}).ids[0]  # fmt: skip
        _wait_text(page, ".vote-title", "Grille LaBase")
        criteria = [c.key for c in v.rounds(ctx, wid)[-1].settings.criteria]
        assert len(criteria) == 5
        assert page.locator(".vote-card").first.locator(".vote-criterion").count() == 5
        scores = {
            keys[0]: {c: 5 - n % 2 for n, c in enumerate(criteria)},
            keys[1]: {c: 1 + n for n, c in enumerate(criteria)},
        }
        with _ballot_ack(page, rid, scores) as ack:
            for key, grid in scores.items():
                card = page.locator(f".vote-card[data-key='{key}']")
                for n, (_criterion, score) in enumerate(grid.items()):
                    card.locator(".vote-scores").nth(n).locator(".score").nth(score - 1).click()
        answer = ack.value
        assert answer.ok and answer.json()["choices"] == scores
        _wait_text(page, ".vote-status", "Vote enregistré ✓")
        assert page.locator(".vote-left").text_content() == "Bulletin complet ✓"
        assert page.locator(".score.picked").count() == 10
        _check_layout(page, ".vote-scores button")
        page.screenshot(path=str(tmp_path / "phone-criteria.png"), full_page=True)
        counted = stored(rid)
        assert counted["votes"] == sorted(
            (notes[i], c, s) for i in (0, 1) for c, s in scores[keys[i]].items()
        )
        assert counted["voters"] == {voter} and counted["ballots"] == 1
        before = keys_stored()
        assert _resend(page, rid, answer.request.post_data_json)["body"]["choices"] == scores
        assert stored(rid) == counted and keys_stored() == before
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)
        assert v.results(ctx, rid).lines[0].key == keys[0]  # 4,6 on average against 3
    finally:
        if page is not None:
            page.context.close()
        server.stop()
        db.close()

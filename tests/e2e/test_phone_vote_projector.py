"""Two phones vote with dots in Chromium at 390 px, then the laptop reveals: the projector's
chart (the séance's own VoteProjection, rendered at 1920×1080) ranks what the phones chose,
ties as ties, and the phones show the same ranking. Screenshots: phone-cards.png,
phone-revealed.png, projector-results.png, next to the test's files."""

from __future__ import annotations

from playwright.sync_api import Page
from sqlalchemy import func, select

from app.ops import live, participants
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note, Vote

PHONE = {"width": 390, "height": 844}
TEXTS = ("Navette gare", "Vélos de service", "Covoiturage des agents", "Télétravail")


def _wait_text(page: Page, selector: str, expected: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s)?.textContent === t", arg=[selector, expected]
    )


def test_two_phones_vote_and_the_projector_ranks_their_dots(browser, qtbot, tmp_path):
    from widgets.live_clock import LiveClock
    from widgets.projector_view import ProjectorView
    from widgets.vote_projection import VoteProjection

    db = Database.open(tmp_path / "projector.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    live.start_session(ctx, wid)
    people = [
        participants.check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0003")
        for n in ("Alex", "Sam")
    ]

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in TEXTS]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    notes = db.write(add)
    keys = [f"note:{n}" for n in notes]
    rid = v.open_round(ctx, wid, kind="dots", items=keys, title="Nos priorités",
                       settings={"dots": 3, "cap": 2}).ids[0]  # fmt: skip
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    clock = LiveClock(ctx.clock)
    projector = ProjectorView(clock)
    qtbot.addWidget(projector)
    projection = VoteProjection(projector)
    pages: list[Page] = []
    try:
        clock.set_session(live.live_session(ctx, wid))
        projector.resize(1920, 1080)
        projector.show()
        qtbot.waitExposed(projector)

        def phone(token: str) -> Page:
            page = browser.new_context(viewport=PHONE).new_page()
            page.add_init_script(f"localStorage.setItem('atelier.token', {token!r})")
            page.goto(f"{server.url}web/")
            page.wait_for_selector("#vote:not([hidden])")
            pages.append(page)
            return page

        def dots(page: Page, chosen: dict[int, int]) -> None:
            """Tap the dots, and wait for the server's answer to the whole ballot."""
            wanted = {keys[n]: count for n, count in chosen.items()}
            with page.expect_response(
                lambda r: (
                    r.url.endswith(f"/api/votes/{rid}/ballot")
                    and (r.request.post_data_json or {}).get("choices") == wanted
                )
            ) as answer:
                for n, count in chosen.items():
                    for _ in range(count):
                        page.locator(f".vote-card[data-key='{keys[n]}'] .vote-plus").click()
            assert answer.value.ok and answer.value.json()["choices"] == wanted
            _wait_text(page, ".vote-left", "Plus de gommettes : retirez-en une pour changer d’avis")
            _wait_text(page, ".vote-status", "Vote enregistré ✓")

        alex, sam = phone(people[0].token), phone(people[1].token)
        dots(alex, {2: 2, 0: 1})
        alex.screenshot(path=str(tmp_path / "phone-cards.png"), full_page=True)
        dots(sam, {0: 1, 3: 2})

        def counted() -> list[tuple[int, int]]:
            return db.read(
                lambda s: s.execute(
                    select(Vote.item_id, func.sum(Vote.value))
                    .where(Vote.round_id == rid)
                    .group_by(Vote.item_id)
                    .order_by(Vote.item_id)
                ).all()
            )

        assert counted() == [(notes[0], 2), (notes[2], 2), (notes[3], 2)]
        assert v.live_counts(ctx, rid) == v.recount(ctx, rid)

        # hidden: the projector asks the room to vote, with the turnout only
        projection.show_results(v.results(ctx, rid), ctx.clock())
        projection.setVisible(True)
        assert projection.state.text() == "Votez sur votre téléphone"
        assert projection.turnout.text() == "2 / 2 ont voté"
        assert not projection.chart.isVisible()

        v.close_round(ctx, rid)
        v.reveal_results(ctx, rid)
        projection.show_results(v.results(ctx, rid, public=True), ctx.clock())
        corner = projection.corner
        qtbot.waitUntil(lambda: corner.isVisible() and corner.width() >= corner.sizeHint().width())
        assert corner.text() == "2 / 2 ont voté"  # laid out whole, not cut
        assert projection.chart.height() > 300
        assert [(r.rank, r.tied, r.label, r.text) for r in projection.chart.rows] == [
            (1, True, "Navette gare", "2"),
            (1, True, "Covoiturage des agents", "2"),
            (1, True, "Télétravail", "2"),
            (4, False, "Vélos de service", "0"),
        ]
        projector.grab().save(str(tmp_path / "projector-results.png"))
        image = projection.chart.grab().toImage()
        assert not image.isNull() and image.width() > 1000

        # the phones heard the reveal and rank the same way
        sam.wait_for_selector(".vote-results")
        ranks = sam.locator(".vote-results li .rank")
        labels = sam.locator(".vote-results li .label")
        assert [ranks.nth(i).text_content() for i in range(4)] == [
            "1 ex æquo",
            "1 ex æquo",
            "1 ex æquo",
            "4",
        ]
        assert [labels.nth(i).text_content() for i in range(4)] == [
            r.label for r in projection.chart.rows
        ]
        heights = sam.evaluate(
            "() => [...document.querySelectorAll('.vote-results .rank')]"
            ".map((e) => e.getBoundingClientRect().height)"
        )
        assert len(set(heights)) == 1  # "1 ex æquo" on one line, as high as "4"
        width = sam.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        sam.screenshot(path=str(tmp_path / "phone-revealed.png"), full_page=True)
    finally:
        for page in pages:
            page.context.close()
        clock.stop()
        projector.close()
        server.stop()
        db.close()

"""The phone page to WCAG 2.1 AA (RGAA), checked by axe-core on every screen a participant
meets: séance not started, the code asked (and refused), the check-in form (and its error),
the séance with the post-it field and a post-it sent, each of the four vote types open, "J'ai
fini", a refused ballot, results shown, the feedback form and its thanks, the séance ended and
the network lost. axe-core (tests/vendor/axe-core, MPL-2.0) is injected by Playwright into
Debian's Chromium; no network is needed.

The walk runs on a 390 px phone, and on a 320 px phone with its text at 200 % (the phone's
text-size setting: the page's type is in rem): no screen may scroll sideways, every control
keeps a name and a visible focus. Screenshots of a few screens go to $ATELIER_SHOTS when set,
else next to the test's files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from app.ops import feedback as fb
from app.ops import live
from app.ops import votes as v
from app.ops.base import Context
from app.ops.workshops import create_workshop, update_cadrage
from app.server.app import create_app
from app.server.runner import ServerThread
from app.store.db import Database
from app.store.models import Note

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOTS = os.environ.get("ATELIER_SHOTS")
TEXTS = (
    "Navette partagée entre la gare et les sites administratifs de la métropole",
    "Vélos de service",
    "Covoiturage <b>des</b> agents",
)
PHONES = {  # name: (viewport, the text's size as a share of the phone's default)
    "390": ({"width": 390, "height": 844}, 1.0),
    "320-texte-200": ({"width": 320, "height": 640}, 2.0),
}


class Walk:
    """One phone walking the screens, each audited when reached."""

    def __init__(self, page: Page, width: int, text_scale: float, shots: Path, name: str) -> None:
        self.page, self.width, self.text_scale = page, width, text_scale
        self.shots, self.name = shots, name
        self.audited: list[str] = []

    def audit(self, screen: str, *, shot: bool = False) -> None:
        page = self.page
        if self.text_scale != 1.0:  # re-applied: a reload or a new panel keeps it
            page.evaluate(
                "(s) => { document.documentElement.style.fontSize = `${s * 100}%`; }",
                self.text_scale,
            )
        if not page.evaluate("() => !!window.axe"):
            page.add_script_tag(path=str(AXE))
        result: dict[str, Any] = page.evaluate(
            "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            TAGS,
        )
        found = [
            (rule["id"], rule["help"], [n["target"] for n in rule["nodes"]][:5])
            for rule in result["violations"]
        ]
        assert found == [], f"{self.name} · {screen}: {found}"
        wide = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if wide[0] > wide[1]:  # which elements reach past the right edge, for the message
            wide += page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter((e) => e.getBoundingClientRect().right
                        > document.documentElement.clientWidth + 0.5)
                    .map((e) => `${e.tagName}#${e.id}.${e.className}`)
                    .concat([...document.querySelectorAll('body *')]
                        .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth)
                        .map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}`))
                    .slice(0, 12)"""
            )
        assert wide[0] <= wide[1] == self.width, f"{self.name} · {screen}: scrolls sideways {wide}"
        unnamed = page.evaluate(
            """() => [...document.querySelectorAll('button, input, textarea, select')]
                .filter((e) => e.offsetParent !== null)
                .filter((e) => !(e.getAttribute('aria-label') || e.labels?.length
                                 || e.textContent.trim()))
                .map((e) => e.outerHTML.slice(0, 80))"""
        )
        assert unnamed == [], f"{self.name} · {screen}: controls without a name {unnamed}"
        if shot:
            page.screenshot(path=str(self.shots / f"a11y-{self.name}-{screen}.png"), full_page=True)
        self.audited.append(screen)

    def focus_ring(self, selector: str) -> None:
        """The control reached by the keyboard shows where the focus is (WCAG 2.4.7)."""
        ring = self.page.evaluate(
            """(selector) => {
                const e = document.querySelector(selector);
                e.focus({focusVisible: true});
                const s = getComputedStyle(e);
                return [document.activeElement === e, s.outlineStyle, parseFloat(s.outlineWidth)];
            }""",
            selector,
        )
        assert ring[0] and ring[1] != "none" and ring[2] >= 2, (selector, ring)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Context, int, ServerThread, list[str]]]:
    db = Database.open(tmp_path / "a11y.sqlite3")
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    assert wid is not None
    update_cadrage(ctx, wid, partners="Mairie de Bègles\nTisséo <Voyageurs>")

    def add(session: Any) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, created_at=0.0) for t in TEXTS]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    keys = [f"note:{n}" for n in db.write(add)]
    server = ServerThread(create_app(ctx, wid), "127.0.0.1", 0).start()
    try:
        yield ctx, wid, server, keys
    finally:
        server.stop()
        db.close()


def _title(page: Page, expected: str) -> None:
    expect(page.locator("#vote .vote-title")).to_have_text(expected)


@pytest.mark.parametrize("phone", list(PHONES))
def test_every_phone_screen_passes_axe_core(
    browser: Browser, room: tuple[Context, int, ServerThread, list[str]], tmp_path: Path,
    phone: str,
) -> None:  # fmt: skip
    ctx, wid, server, keys = room
    viewport, scale = PHONES[phone]
    shots = Path(SHOTS) if SHOTS else tmp_path
    # the page's CSP refuses any script but its own: axe is let in for the audit only
    context = browser.new_context(viewport=viewport, device_scale_factor=2, bypass_csp=True)
    page = context.new_page()
    walk = Walk(page, viewport["width"], scale, shots, phone)
    try:
        page.goto(f"{server.url}web/")  # before the séance: the page says why it waits
        expect(page.locator("#closed-title")).to_have_text("La séance n’a pas commencé")
        walk.audit("pas-commencee")
        # the audit sees what it must: an unnamed button is a violation (then taken away)
        seen = page.evaluate(
            """async (tags) => {
                const b = document.body.appendChild(document.createElement("button"));
                const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                b.remove();
                return r.violations.map((v) => v.id);
            }""",
            TAGS,
        )
        assert "button-name" in seen, seen

        live.start_session(ctx, wid)  # it opens by itself and asks for the code
        expect(page.locator("#code-step")).to_be_visible(timeout=15_000)
        walk.audit("code", shot=True)
        walk.focus_ring("#code")
        walk.focus_ring("#code-button")
        code = live.door(ctx, wid)[1]
        page.fill("#code", "ZZZZZ" if code != "ZZZZZ" else "YYYYY")
        page.click("#code-button")
        expect(page.locator("#code-error")).to_be_visible()
        walk.audit("code-refuse")

        page.fill("#code", code)
        page.click("#code-button")
        expect(page.locator("#join")).to_be_visible()
        expect(page.locator(".suggestion")).to_have_count(2)
        walk.audit("inscription", shot=True)
        walk.focus_ring(".suggestion")
        walk.focus_ring("#consent")
        page.click("#join-button")  # no name
        expect(page.locator("#join-error")).to_have_text("Indiquez un nom ou un pseudonyme.")
        walk.audit("inscription-erreur")
        page.fill("#name", "Awa")
        page.locator("#categories input").first.check()
        page.click("#join-button")
        expect(page.locator("#live")).to_be_visible()
        # the focus follows to the new panel's title (screen readers carry on from there)
        expect(page.locator("#phase")).to_be_focused()
        walk.audit("seance")
        page.fill("#note", "Une navette <b>le soir</b>")
        page.click("#send")
        expect(page.locator("#mine li")).to_have_count(1)
        expect(page.locator("#mine .status")).to_have_text("envoyé ✓")
        walk.audit("post-it-envoye", shot=True)
        walk.focus_ring("#note")
        walk.focus_ring("#send")

        # -- the four vote types, open ---------------------------------------------------------
        rid = v.open_round(ctx, wid, kind="dots", items=keys, title="Gommettes",
                           settings={"dots": 3, "cap": 2}).ids[0]  # fmt: skip
        _title(page, "Gommettes")
        first = page.locator(f".vote-card[data-key='{keys[0]}']")
        first.locator(".vote-plus").click()
        expect(page.locator(".vote-status")).to_have_text("Vote enregistré ✓")
        walk.audit("vote-gommettes", shot=True)
        # the +/− buttons say what they do and to which post-it (and the dots how many)
        expect(first.locator(".vote-plus")).to_have_accessible_name(
            f"Ajouter une gommette : {TEXTS[0]}"
        )
        expect(first.locator(".vote-minus")).to_have_accessible_name(
            f"Retirer une gommette : {TEXTS[0]}"
        )
        expect(first.locator(".vote-dots")).to_have_accessible_name("1 gommette")
        walk.focus_ring(".vote-card .vote-plus")
        page.click(".vote-done")  # "J'ai fini"
        expect(page.locator(".vote-thanks")).to_be_visible()
        walk.audit("vote-fini", shot=True)
        page.route(  # a ballot refused by the server: the reason is said
            f"**/api/votes/{rid}/ballot",
            lambda route: route.fulfill(
                status=422, content_type="application/json",
                json={"code": "saisie_invalide", "message": "Deux gommettes au plus par post-it."},
            ),
        )  # fmt: skip
        first.locator(".vote-plus").click()
        expect(page.locator("#vote .error")).to_have_text("Deux gommettes au plus par post-it.")
        walk.audit("vote-refuse")
        page.unroute(f"**/api/votes/{rid}/ballot")
        v.close_round(ctx, rid)
        v.reveal_results(ctx, rid)
        expect(page.locator("#past")).to_be_visible()
        expect(page.locator("#past-body .vote-results")).to_be_visible()  # unfolded when heard
        walk.audit("resultats", shot=True)
        walk.focus_ring("#past-toggle")

        for kind, title, settings in (
            ("points", "Points", {"budget": 20}),
            ("majority", "Mentions", {}),
            ("criteria", "Grille", {"criteria": "labase"}),
        ):
            rid = v.open_round(ctx, wid, kind=kind, items=keys[:2], title=title,
                               settings=settings).ids[0]  # fmt: skip
            _title(page, title)
            walk.audit(f"vote-{kind}", shot=kind != "points")
            if kind == "points":
                card = page.locator(f".vote-card[data-key='{keys[2 - 1]}']")
                expect(card.locator(".vote-plus")).to_have_accessible_name(
                    f"Ajouter 5 points : {TEXTS[1]}"
                )
                expect(card.locator(".vote-slider")).to_have_accessible_name(
                    f"Points pour {TEXTS[1]}"
                )
            v.close_round(ctx, rid)
            expect(page.locator("#vote")).to_be_hidden()

        # -- the closing phase's feedback ---------------------------------------------------
        while not fb.feedback_open(ctx, wid):
            live.next_phase(ctx, wid)
        form = page.locator("#feedback")
        expect(form).to_be_visible()
        walk.audit("avis", shot=True)
        walk.focus_ring(".feedback-face")
        form.locator(".feedback-send").click()  # no rating yet
        expect(form.locator(".feedback-error")).to_be_visible()
        walk.audit("avis-erreur")
        form.locator(".feedback-face[data-rating='4']").click()
        page.fill("#feedback-keep", "Le vote <b>rapide</b>")
        form.locator(".feedback-send").click()
        expect(form.locator(".feedback-title")).to_have_text("Merci pour votre avis !")
        walk.audit("avis-merci")

        live.end_session(ctx, wid)
        expect(page.locator("#closed-title")).to_have_text("La séance est terminée")
        walk.audit("terminee", shot=True)
        server.stop()  # the network goes: the page says it waits
        page.evaluate("refresh()")  # its next poll (every 15 s), now
        expect(page.locator("#network")).to_be_visible()
        walk.audit("reseau-perdu")
    finally:
        page.context.close()
    assert len(walk.audited) == 19, walk.audited

"""Capitalisation in the window: the retour d'expérience offered when a séance ends (answered,
or left for later and reached again), and the method library's line."""

from __future__ import annotations

from app.domain.clock import FakeClock
from app.ops import capitalisation, live
from app.ops.workshops import create_workshop
from widgets.method_review_dialog import MethodReviewDialog, ReviewAnswer, ReviewItem


def _ended(make_window, qtbot, answers):
    """A 3 heures séance run up to its inspiration phase, then ended (confirmed)."""
    clock = FakeClock()
    window = make_window(clock=clock)
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    console = window.runner.console
    console.toggle_button.click()
    for _ in range(3):  # accueil → météo → défi → veille
        clock.advance(60)
        console.next_button.click()
    window.dialogs.reviews.extend(answers)
    window.dialogs.confirms.append(True)
    console.end_button.click()
    qtbot.waitUntil(lambda: console.review_button.isVisible())
    return window, ctx, wid


def test_the_end_of_a_seance_offers_a_retour_d_experience(make_window, qtbot):
    window, ctx, wid = _ended(make_window, qtbot, [None])  # « Plus tard »
    assert live.live_session(ctx, wid).timer.state.value == "ended"
    (items,) = window.dialogs.review_items
    assert [(i.method_key, i.name, i.rating) for i in items] == [
        ("inclusion-meteo", "Météo d’inclusion", None),
        ("veille-creative", "Veille créative", None),
    ]
    assert capitalisation.method_reviews(ctx, wid) == []

    # later, from the ended console: answered this time
    meteo = items[0]
    window.dialogs.reviews.append(
        [ReviewAnswer(meteo.phase_id, "inclusion-meteo", 4, "Tout le monde a parlé", "Plus court")]
    )
    window.runner.console.review_button.click()
    (review,) = capitalisation.method_reviews(ctx, wid)
    assert (review.method_key, review.rating, review.worked, review.change, review.phase_id) == (
        "inclusion-meteo", 4, "Tout le monde a parlé", "Plus court", meteo.phase_id,
    )  # fmt: skip

    # and from the Fichier menu, on the workshop: what was said comes back in the form
    window.runner.review_action.trigger()
    again = window.dialogs.review_items[-1]
    assert (again[0].rating, again[0].worked) == (4, "Tout le monde a parlé")

    # the method library says how the method served
    window.open_workshop(wid)
    library = window.editor.library
    rows = [library.list.item(i).text() for i in range(library.list.count())]
    line = next(r for r in rows if r.startswith("Météo d’inclusion"))
    assert "Utilisée 1 fois · note moyenne 4,0 / 5" in line
    other = next(r for r in rows if r.startswith("Brainstorming"))
    assert "Utilisée" not in other
    for row in range(library.list.count()):
        if library.list.item(row).text().startswith("Météo d’inclusion"):
            library.list.setCurrentRow(row)
    sheet = library.sheet.toPlainText()
    assert "Tout le monde a parlé" in sheet and "Plus court" in sheet


def test_an_answered_offer_is_saved_at_once(make_window, qtbot):
    answers = [[ReviewAnswer(None, "veille-creative", 2, "<b>pas</b> de markup", "")]]
    window, ctx, wid = _ended(make_window, qtbot, answers)
    (review,) = capitalisation.method_reviews(ctx, wid)
    assert (review.method_key, review.rating, review.worked) == (
        "veille-creative", 2, "<b>pas</b> de markup",
    )  # fmt: skip
    window.open_workshop(wid)
    library = window.editor.library
    library.search.setText("Veille")
    assert "note moyenne 2,0 / 5" in library.list.item(0).text()
    assert "<b>pas</b> de markup" in library.sheet.toPlainText()


def test_the_dialog_keeps_only_rated_methods(qtbot):
    items = [ReviewItem(1, "a", "A"), ReviewItem(2, "b", "B", 3, "Bien", "")]
    dialog = MethodReviewDialog(items)
    qtbot.addWidget(dialog)
    assert [a.method_key for a in dialog.value()] == ["b"]
    dialog.ratings[0].setCurrentIndex(5)
    dialog.worked[0].setText("  Clair  ")
    assert dialog.value()[0] == ReviewAnswer(1, "a", 5, "Clair", "")


def test_a_format_saved_in_one_window_is_offered_by_the_next_on_the_same_base(make_window):
    first = make_window()
    ctx = first.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité").workshop_id
    first.dialogs.texts.append("Ma demi-journée")
    first.save_as_format(wid)
    assert "perso-ma-demi-journee" in ctx.library.formats
    # another laptop on the same base (here: a second window on the same file)
    second = make_window()
    saved = second.controller.ctx.library.formats["perso-ma-demi-journee"]
    assert saved.custom and saved.name == "Ma demi-journée"
    assert "perso-ma-demi-journee" in {f.key for f in second.controller.formats()}

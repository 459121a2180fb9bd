"""The console counts the feedback answers and shows their average live, as phones send them
from the server's threads."""

from __future__ import annotations

import threading

from app.domain.clock import FakeClock
from app.ops import feedback as fb
from app.ops import live, participants
from app.ops.workshops import create_workshop


def test_the_console_shows_answers_and_average_live(make_window, qtbot):
    window = make_window(clock=FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    people = [
        participants.check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0001")
        for n in ("Alex", "Sam", "Lou")
    ]
    window.open_workshop(wid)
    window.editor.start.click()
    label = window.runner.console.feedback_label
    assert label.isHidden()  # nobody is asked before the closing phase
    while not fb.feedback_open(ctx, wid):
        window.runner.console.next_button.click()
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.text() == "Retours : aucune réponse pour l'instant"

    def phone(i: int, rating: int) -> None:  # what a request thread of the server does
        fb.give_feedback(ctx, wid, people[i].participant_id, rating=rating, key=f"fb-{i}-00001")

    for i, rating in enumerate((5, 4)):
        sender = threading.Thread(target=phone, args=(i, rating))
        sender.start()
        sender.join()
    qtbot.waitUntil(lambda: label.text() == "Retours : 2 · moyenne 4,5 / 5")
    assert label.toolTip() == "Notes de 1 à 5 : 1★ 0 · 2★ 0 · 3★ 0 · 4★ 1 · 5★ 1"
    fb.give_feedback(ctx, wid, people[0].participant_id, rating=2, key="fb-0-00002")
    qtbot.waitUntil(lambda: label.text() == "Retours : 2 · moyenne 3,0 / 5")  # replaced
    live.end_session(ctx, wid)  # after the séance the figures stay in sight
    qtbot.waitUntil(lambda: window.runner.console.end_button.isEnabled() is False)
    assert label.isVisible() and label.text() == "Retours : 2 · moyenne 3,0 / 5"

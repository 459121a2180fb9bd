"""A first real workshop, run and closed like a facilitator new to Atelier would: the projector
in front, her own post-its signed, the drift in words, ending early, the ended console, reopening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.clock import FakeClock
from app.domain.model import Status
from app.domain.timer import TimerState
from app.ops import live
from app.ops.workshops import create_workshop
from app.settings import load_settings, save_settings
from widgets.projector_view import other_screen


def _start(make_window, qtbot):
    clock = FakeClock()
    window = make_window(clock=clock)
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    return window, ctx, wid, clock


def test_with_one_screen_the_projector_opens_in_front(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    projector = window.runner.projector
    assert len(QApplication.screens()) == 1  # the offscreen platform: one screen
    assert projector.isVisible() and not projector.isFullScreen()
    # in front of the console, and the timer's keys work from it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING


def test_with_two_screens_the_projector_goes_to_the_other_one():
    laptop, room = object(), object()
    assert other_screen([laptop, room], laptop) is room
    assert other_screen([room, laptop], laptop) is room  # whichever is the primary one
    assert other_screen([laptop], laptop) is None


def test_her_post_its_are_signed_as_the_facilitator(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    panel.entry.setText("Un covoiturage entre agents")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    settings = load_settings()
    save_settings({**settings, "facilitator_name": "Claire Martin"})
    panel.entry.setText("Des vélos de service")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)

    notes = window.controller.workshop_notes(wid)
    assert [n.author for n in notes] == ["Animatrice", "Claire Martin"]
    footers = sorted(item.footer for item in panel.scene.notes.values())
    assert footers[0].startswith("Animatrice · ") and footers[1].startswith("Claire Martin · ")
    assert not any("anonyme" in f for f in footers)


def test_the_drift_says_ahead_or_late_in_words(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    console = window.runner.console
    console.toggle_button.click()
    clock.advance(60)
    console.next_button.click()  # the first sequence took 1 min of its 10
    window.runner.live.refresh()
    assert console.drift.text() == "9 min d’avance"
    assert console.drift.property("late") is False
    console.toggle_button.click()
    clock.advance(45 * 60)  # far beyond the second sequence
    window.runner.live.refresh()
    assert console.drift.text().endswith("min de retard")
    assert console.drift.property("late") is True


def test_ending_early_asks_with_what_is_left_then_the_console_says_it_is_over(
    make_window, qtbot, tmp_path: Path
):
    window, ctx, wid, clock = _start(make_window, qtbot)
    console = window.runner.console
    total = len(live.live_session(ctx, wid).phases)
    console.toggle_button.click()
    clock.advance(120)
    console.next_button.click()
    clock.advance(120)

    window.dialogs.confirms.append(False)
    console.end_button.click()
    question = window.dialogs.asked[-1]
    assert f"séquence 2 sur {total} : il reste {total - 2} séquences" in question
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING  # she said no

    window.dialogs.confirms.append(True)
    console.end_button.click()
    assert live.live_session(ctx, wid).timer.state == TimerState.ENDED
    window.runner.live.refresh()
    assert console.phase_title.text() == "Séance terminée"
    assert console.position.text() == f"Séance arrêtée après la séquence 2 sur {total}"
    assert console.state.text() == "Durée réelle : 4 min (prévu : 3 h)"
    assert console.next_label.text() == ""  # no "À suivre…"
    assert not console.countdown.isVisible() and not console.toggle_button.isVisible()
    assert not console.drift.isVisible()
    assert console.report_button.isVisible()
    rows = [console.agenda.item(i).text() for i in range(console.agenda.count())]
    assert rows[1].startswith("✓") and all("non réalisée" in r for r in rows[2:])

    out = tmp_path / "compte-rendu.pdf"
    window.dialogs.saves.append(str(out))
    console.report_button.click()
    assert window.dialogs.asked[-1] == "Enregistrer le compte-rendu"
    qtbot.waitUntil(lambda: window.report_task is None, timeout=30_000)
    assert out.exists() and window.dialogs.errors == []


def test_the_last_sequence_ends_without_talk_of_what_is_left(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    console = window.runner.console
    for _ in range(len(live.live_session(ctx, wid).phases) - 1):
        console.next_button.click()
    window.dialogs.confirms.append(True)
    console.end_button.click()
    assert "il reste" not in window.dialogs.asked[-1]
    assert live.live_session(ctx, wid).timer.state == TimerState.ENDED


def test_a_finished_workshop_is_reopened_only_after_asking(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.dialogs.confirms.append(True)
    window.runner.console.end_button.click()
    assert window.controller.detail(wid).status == Status.CLOSED
    window.runner.console.back_button.click()
    assert window.stack.currentWidget() is window.editor

    window.dialogs.confirms.append(False)
    window.editor.start.click()
    assert "est terminé. Rouvrir sa séance ?" in window.dialogs.asked[-1]
    assert window.stack.currentWidget() is window.editor
    assert window.controller.detail(wid).status == Status.CLOSED
    assert live.live_session(ctx, wid).timer.state == TimerState.ENDED

    window.dialogs.confirms.append(True)
    window.editor.start.click()
    assert window.stack.currentWidget() is window.runner.console
    assert window.controller.detail(wid).status == Status.LIVE
    assert live.live_session(ctx, wid).timer.state == TimerState.READY
    assert window.runner.console.toggle_button.isVisible()
    assert not window.runner.console.report_button.isVisible()

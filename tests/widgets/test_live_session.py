"""The console and the projector driven like a facilitator would, on a clock the test moves."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.clock import FakeClock
from app.domain.timer import Stage, TimerState
from app.ops import live
from app.ops.workshops import create_workshop
from widgets.projector_view import PALETTE


def _start(make_window, qtbot, format_key="3h", **kwargs):
    clock = FakeClock()
    window = make_window(clock=clock)
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key=format_key, title="Mobilité des agents", **kwargs)
    wid = wid.workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    return window, ctx, wid, clock


def _tick(window):
    """What the boundary timer does when it fires: recompute from the clock."""
    window.runner.live.refresh()


def _background(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(4, 4)


def test_start_opens_console_and_projector_ready(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    runner = window.runner
    assert window.stack.currentWidget() is runner.console
    assert runner.projector.isVisible()
    first = ctx.library.format("3h").blocks[0].phases[0]
    assert runner.console.phase_title.text() == first.title
    assert runner.console.countdown.text() == f"{first.minutes:02d}:00"
    assert runner.projector.stage == Stage.READY
    assert runner.projector.title.text() == first.title
    assert runner.console.drift.text() == "À l’heure"


def test_space_plus_next_overrun_and_colours(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    runner, console, projector = window.runner, window.runner.console, window.runner.projector
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING
    assert console.toggle_button.text() == "Pause (Espace)"

    clock.advance(5.0)
    _tick(window)
    assert console.countdown.text() == "09:55"
    console.plus5_button.click()
    assert console.countdown.text() == "14:55"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    clock.advance(600)
    _tick(window)
    assert console.countdown.text() == "14:55"
    assert projector.stage == Stage.PAUSED
    qtbot.keyClick(window, Qt.Key.Key_Space)  # resume

    clock.advance(14 * 60 + 55 - 90)  # 1 min 30 s left: amber
    _tick(window)
    assert projector.stage == Stage.AMBER
    assert _background(projector) == QColor(PALETTE[Stage.AMBER][0])

    played = runner.chime.played
    clock.advance(90 + 42)  # 42 s over
    _tick(window)
    assert console.countdown.text() == "−00:42"
    assert projector.ring.text == "−00:42"
    assert projector.stage == Stage.OVERRUN
    assert _background(projector) == QColor(PALETTE[Stage.OVERRUN][0])
    assert runner.chime.played == played + 1  # rang once, silently here (no audio device)
    # 25 min 42 s in the room (a 10-min pause included) for 10 min planned
    assert console.drift.text() == "16 min de retard"  # in words, in the warning colour
    assert console.drift.property("late") is True
    assert "#b3261e" in console.drift.styleSheet()

    qtbot.keyClick(window, Qt.Key.Key_Right)
    second = ctx.library.format("3h").blocks[0].phases[1]
    assert projector.title.text() == second.title
    assert projector.stage == Stage.NORMAL
    session = live.live_session(ctx, wid)
    done = session.phases[0]
    # actual = time the phase occupied the room, from its start to its end, pause included
    assert done.actual_seconds == 5 + 600 + 14 * 60 + 55 + 42
    assert console.agenda.item(0).text().startswith("✓")


def test_break_shows_when_work_resumes(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    phases = ctx.library.format("3h").blocks[0].phases
    break_index = next(i for i, p in enumerate(phases) if p.kind == "break")
    for _ in range(break_index):
        window.runner.console.next_button.click()
    window.runner.console.toggle_button.click()
    _tick(window)
    projector = window.runner.projector
    assert projector.stage == Stage.BREAK
    assert projector.title.text().startswith("Pause — reprise à ")
    assert " h " in projector.title.text()


def test_closing_the_projector_does_not_stop_the_timer(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.runner.console.toggle_button.click()
    window.runner.projector.close()
    clock.advance(60)
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING
    _tick(window)
    assert window.runner.console.countdown.text() == "09:00"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.runner.projector.isVisible()


def test_restart_resumes_the_running_phase(make_window, qtbot, db_path):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.runner.console.next_button.click()
    window.runner.console.toggle_button.click()
    clock.advance(125)
    window.close()  # the app goes away while the phase runs

    clock.advance(60)  # it comes back a minute later
    again = make_window(clock=clock)
    again.open_workshop(wid)
    assert again.editor.start.text() == "Reprendre la séance ▶"
    again.editor.start.click()
    console = again.runner.console
    second = again.controller.ctx.library.format("3h").blocks[0].phases[1]
    assert console.phase_title.text() == second.title
    left = second.minutes * 60 - 185
    assert console.countdown.text() == f"{left // 60:02d}:{left % 60:02d}"


def test_end_session_asks_then_records(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.runner.console.toggle_button.click()
    clock.advance(30)
    window.dialogs.confirms.append(False)
    window.runner.console.end_button.click()
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING
    window.dialogs.confirms.append(True)
    window.runner.console.end_button.click()
    assert live.live_session(ctx, wid).timer.state == TimerState.ENDED
    assert window.runner.projector.stage == Stage.ENDED
    assert not window.runner.console.toggle_button.isEnabled()


def test_three_days_pick_the_day_and_three_months_timeline(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot, format_key="3j")
    console = window.runner.console
    assert console.block_picker.isVisibleTo(console)
    assert console.blocks.count() == 3
    console.blocks.setCurrentIndex(1)
    console.run_block.click()
    assert "Jour 2" in live.live_session(ctx, wid).block_title
    assert not console.tabs.isTabVisible(console.programme_index)

    start = date.today() - timedelta(weeks=5)
    programme = create_workshop(ctx, format_key="3m", title="Programme", start_date=start)
    window.start_session(programme.workshop_id)
    assert console.tabs.isTabVisible(console.programme_index)
    rows = [console.programme.item(i).text() for i in range(console.programme.count())]
    assert any("⚠ en retard" in r for r in rows)  # milestones of weeks 2 and 3 are past
    assert any("▶ prochaine" in r for r in rows)


def test_adjust_refuses_beyond_twelve_hours(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    for _ in range(150):  # 10 min + 142 × 5 min fit in 12 h; the next ones are refused
        window.runner.console.plus5_button.click()
    assert window.dialogs.errors
    assert "12 heures" in window.dialogs.errors[-1]
    assert window.runner.console.countdown.text() == "12:00:00"


def test_keys_stay_with_the_console_and_stop_when_the_seance_ends(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    projector = window.runner.projector
    assert projector.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.runner.toggle_action in projector.actions()  # Space works there too
    window.dialogs.confirms.append(True)
    window.runner.end_action.trigger()
    assert not window.runner.toggle_action.isEnabled()
    assert window.runner.projector_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.dialogs.errors == []


def test_deleting_the_live_workshop_closes_its_views(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.runner.console.toggle_button.click()
    window.controller.delete(wid)
    assert window.stack.currentWidget() is window.home
    assert not window.runner.projector.isVisible()
    assert not window.runner.live._timer.isActive()
    assert window.dialogs.errors == []


def test_opening_another_seance_pauses_the_running_one_after_asking(make_window, qtbot):
    window, ctx, first, clock = _start(make_window, qtbot)
    window.runner.console.toggle_button.click()
    other = create_workshop(ctx, format_key="3h", title="Autre atelier").workshop_id
    window.dialogs.confirms.append(False)
    window.start_session(other)
    assert window.runner.workshop_id == first
    window.dialogs.confirms.append(True)
    window.start_session(other)
    assert window.runner.workshop_id == other
    assert live.live_session(ctx, first).timer.state == TimerState.PAUSED


def test_home_shows_the_live_status(make_window, qtbot):
    window, ctx, wid, clock = _start(make_window, qtbot)
    window.show_home()
    row = window.home.visible_ids().index(wid)
    assert window.home.table.item(row, 2).text() == "En cours"


def test_the_projector_shows_a_qr_code_phones_can_open(make_window, qtbot, tmp_path):
    import shutil
    import subprocess

    import httpx

    window, ctx, wid, clock = _start(make_window, qtbot)
    runner = window.runner
    assert runner.server is not None and runner.server.running
    projector = runner.projector
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.qr.geometry().right() < projector.qr_area.width())
    qtbot.waitUntil(lambda: projector.qr_area.geometry().right() <= projector.width())
    assert projector.qr_area.isVisible()
    url = projector.qr.text
    code = live.door(ctx, wid)[1]
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/web/?code={code}")
    assert projector.qr_address.text() in url
    # read the QR back from the rendered projector, as a phone's camera would
    shot = tmp_path / "projector.png"
    projector.grab().save(str(shot))
    zbar = shutil.which("zbarimg")
    assert zbar, "zbar-tools is needed (installed by .ci/run)"
    decoded = subprocess.run(
        [zbar, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == url
    assert httpx.get(url.split("/web/")[0] + "/api/health", timeout=10).json()["ok"]
    # the séance ends: the server stops with it
    window.dialogs.confirms.append(True)
    runner.end_action.trigger()
    assert runner.server is None and not projector.qr_area.isVisible()

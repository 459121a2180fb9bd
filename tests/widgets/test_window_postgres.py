"""The window on a shared PostgreSQL base (the test run's own server): open a workshop, run a
séance, the board, a vote, the compte-rendu; and what another process writes on that base (an
`atelier serve` of another room) shows in the window through LISTEN/NOTIFY."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.clock import FakeClock
from app.domain.timer import TimerState
from app.ops import board, live, notes, participants, votes
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.notify import start_relay
from widgets.vote_dialog import VoteRequest

pytestmark = pytest.mark.postgres


def test_a_seance_board_vote_and_compte_rendu_on_postgresql(
    make_window, qtbot, pg_store: str, tmp_path: Path
) -> None:
    window = make_window(pg_store, clock=FakeClock())
    ctx = window.controller.ctx
    assert not ctx.db.is_sqlite
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    # the séance: console and projector, the timer from the keyboard
    window.editor.start.click()
    qtbot.keyClick(window.runner.projector, Qt.Key.Key_Space)
    assert live.live_session(ctx, wid).timer.state == TimerState.RUNNING
    # the board: her post-its typed in the panel
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    for text in ("Covoiturage", "Navette gare", "Vélos de service"):
        panel.entry.setText(text)
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.scene.notes) == 3)
    ids = sorted(panel.scene.notes)
    # a vote on two of them, three phones voting
    people = [
        participants.check_in(ctx, wid, name=name, category="public", key=f"join-{n:04d}-0001")
        for n, name in enumerate(("Awa", "Bruno", "Chloé"))
    ]
    panel.scene.clearSelection()
    for nid in ids[:2]:
        panel.scene.notes[nid].setSelected(True)
    window.dialogs.votes.append(
        VoteRequest("dots", "Quelles idées creuser ?", {"dots": 3, "cap": 2})
    )
    qtbot.mouseClick(panel.vote_button, Qt.MouseButton.LeftButton)
    desk = window.runner.votes
    assert desk.results is not None
    rid = desk.results.round.id
    for n, person in enumerate(people):
        votes.cast_ballot(ctx, wid, rid, person.participant_id, {f"note:{ids[0]}": 2,
                          f"note:{ids[1]}": 1}, key=f"ballot-{n:08d}")  # fmt: skip
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "3 / 3 ont voté", timeout=10_000)
    # the séance ends; the compte-rendu is built off the GUI thread and reads back
    live.end_session(ctx, wid)
    out = tmp_path / "compte-rendu.pdf"
    window.dialogs.saves.append(str(out))
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.report_task is None, timeout=60_000)
    assert window.dialogs.errors == []
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Mobilité des agents" in text and "Covoiturage" in text and "Navette gare" in text


def test_what_another_process_writes_shows_in_the_window(make_window, qtbot, pg_store: str):
    window = make_window(pg_store, clock=FakeClock())
    ctx = window.controller.ctx
    relay = start_relay(ctx.db, ctx.bus)  # what `atelier` (widgets/application.run) starts
    assert relay is not None
    other = Context(Database.open(pg_store))  # another room's server, on the same base
    try:
        wid = create_workshop(ctx, format_key="3h", title="Deux salles").workshop_id
        window.open_workshop(wid)
        window.editor.start.click()
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        panel = window.runner.board
        qtbot.waitUntil(lambda: panel.data is not None)
        assert panel.scene.notes == {}
        joined = participants.check_in(
            other, wid, name="Awa", category="public", key="join-other-01"
        )
        info, _ = notes.post_note(other, wid, joined.participant_id, text="Venu de la salle B",
                                  key="note-other-0001")  # fmt: skip
        qtbot.waitUntil(lambda: info.id in panel.scene.notes, timeout=10_000)
        board.add_note(other, wid, text="Posé par la co-animatrice", phase_id=panel.data.phase_id,
                       x=600, y=300)  # fmt: skip
        qtbot.waitUntil(lambda: len(panel.scene.notes) == 2, timeout=10_000)
    finally:
        relay.stop()
        other.db.close()

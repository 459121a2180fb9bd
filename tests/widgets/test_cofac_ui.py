"""Co-animation in the windows: the lead's panel, a second laptop joining, roles, revocation.

Two windows in one process: the host (a séance and its real server on 127.0.0.1) and a
co-facilitator's laptop with a database of its own, which joins through "Rejoindre une
séance…"; discovery is restricted to 127.0.0.1 by the settings' server address.
"""

from __future__ import annotations

from app.domain.timer import TimerState
from app.ops import live
from app.ops.replica import journal_page
from app.ops.workshops import create_workshop

WAIT = 20_000  # ms: zeroconf and the replica's first copy on a loaded 2-core machine


def _host(make_window):
    host = make_window()
    ctx = host.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Atelier mobilité").workshop_id
    host.start_session(wid)
    assert host.runner.server is not None
    return host, wid


def _join(laptop, qtbot, port: int, code: str, name: str = "Camille"):
    laptop.join_action.trigger()
    dialog = laptop.join_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.address.setText(f"127.0.0.1:{port}")
    dialog.code.setText(code)
    dialog.name.setText(name)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: bool(laptop.cofac_windows), timeout=WAIT)
    cofac = laptop.cofac_windows[0]
    qtbot.waitUntil(lambda: cofac.stack.currentWidget() is cofac.runner.console, timeout=WAIT)
    return cofac


def test_the_lead_shows_the_code_and_a_laptop_joins_gets_a_role_and_is_revoked(
    make_window, qtbot, tmp_path
):
    host, wid = _host(make_window)
    runner = host.runner
    port = runner.server.port
    runner.console.cofac_button.click()
    panel = runner.cofac.panel
    assert panel is not None and panel.isVisible()
    code = host.controller.cofac_code(runner.server)
    assert len(code) == 6 and code.isdigit()
    assert panel.code.text() == f"{code[:3]}\u2009{code[3:]}"
    assert f"127.0.0.1:{port}" in panel.address.text()
    assert panel.empty.isVisible() and not panel.table.isVisible()

    laptop = make_window(tmp_path / "laptop.sqlite3")
    # the join dialog lists the séance found on the (loopback) network
    laptop.join_action.trigger()
    dialog = laptop.join_dialog
    qtbot.waitUntil(
        lambda: any(
            f":{port}" in dialog.seances.item(i).text() for i in range(dialog.seances.count())
        ),
        timeout=WAIT,
    )
    row = next(
        i for i in range(dialog.seances.count()) if f":{port}" in dialog.seances.item(i).text()
    )
    assert dialog.seances.item(row).text().startswith("Atelier mobilité — ")
    # a wrong code: the host's French refusal, the dialog stays
    dialog.address.setText(f"127.0.0.1:{port}")
    dialog.code.setText("000 000" if code != "000000" else "111 111")
    dialog.name.setText("Camille")
    dialog.join_button.click()
    qtbot.waitUntil(lambda: "ne correspond pas" in dialog.message.text(), timeout=WAIT)
    assert laptop.cofac_windows == []
    dialog.reject()
    qtbot.waitUntil(lambda: laptop.join_dialog is None)

    cofac = _join(laptop, qtbot, port, code)
    console = cofac.runner.console
    assert not console.back_button.isVisible() and not console.cofac_button.isVisible()
    assert not cofac.runner.projector.isVisible()  # the lead's laptop projects
    qtbot.waitUntil(lambda: cofac.connection.text() == "● En ligne", timeout=WAIT)
    assert "Camille, Observateur·rice" in cofac.who.text()
    assert cofac.waiting.text() == "Aucune action en attente"
    assert console.phase_title.text() == runner.console.phase_title.text()
    # an observer reads: the timer's buttons say why they are disabled
    assert not console.toggle_button.isEnabled()
    assert "ne permet pas" in console.toggle_button.toolTip()
    assert not console.end_button.isEnabled()
    assert console.end_button.toolTip() == "Réservé à l'animatrice : terminer la séance."

    # the lead sees the laptop, online, and makes it the time keeper
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=WAIT)
    assert panel.table.item(0, 0).text() == "Camille"
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "● En ligne", timeout=WAIT)
    combo = panel.role_combo(0)
    assert combo.currentData() == "observateur"
    index = combo.findData("gardien")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert panel.role_combo(0).currentData() == "gardien"
    qtbot.waitUntil(lambda: console.toggle_button.isEnabled(), timeout=WAIT)
    assert "Gardien·ne du temps" in cofac.who.text()

    # the lead starts the countdown; the time keeper's pause pauses the lead's timer
    runner.console.toggle_button.click()
    qtbot.waitUntil(lambda: console.toggle_button.text() == "Pause (Espace)", timeout=WAIT)
    console.toggle_button.click()
    ctx = host.controller.ctx
    qtbot.waitUntil(
        lambda: live.live_session(ctx, wid).timer.state == TimerState.PAUSED, timeout=WAIT
    )
    qtbot.waitUntil(lambda: runner.console.toggle_button.text() == "Reprendre (Espace)")
    assert journal_page(ctx, wid, 0, 500)["entries"][-1]["actor"] == "cofac:Camille"
    qtbot.waitUntil(lambda: cofac.waiting.text() == "Aucune action en attente", timeout=WAIT)
    # … but the board is the scribe's
    board = cofac.runner.board
    console.show_board(True)
    for widget in (board.entry, board.group_button, board.delete_button, board.vote_button):
        assert not widget.isEnabled()
    assert board.group_button.toolTip() == (
        "Votre rôle (Gardien·ne du temps) ne permet pas de regrouper des post-its."
    )
    assert not cofac.runner.console.checkin.add_button.isEnabled()

    # revoked: the laptop says it lost access, and can act no more
    host.dialogs.confirms.append(True)
    panel.revoke_button(0).click()
    assert "Camille" in host.dialogs.asked[-1]
    assert panel.table.rowCount() == 0
    assert panel.code.text().replace("\u2009", "") != code  # a new code after a revocation
    qtbot.waitUntil(lambda: "Accès retiré" in cofac.connection.text(), timeout=WAIT)
    console.show_board(False)
    assert not console.toggle_button.isEnabled()
    assert "retiré l'accès" in console.toggle_button.toolTip()
    cofac.close()
    qtbot.waitUntil(lambda: laptop.cofac_windows == [])

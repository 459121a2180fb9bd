"""Co-animation in the windows: the lead's panel, a second laptop joining, roles, revocation.

Two windows in one process: the host (a séance and its real server on 127.0.0.1) and a
co-facilitator's laptop with a database of its own, which joins through "Rejoindre une
séance…"; discovery is restricted to 127.0.0.1 by the settings' server address.
"""

from __future__ import annotations

import os
import subprocess

import httpx
from PySide6.QtCore import QLocale, Qt

from app.cofac_client import CoFacClient, Pairing
from app.domain.timer import TimerState
from app.ops import board, cofac, live, notes, participants, votes
from app.ops.replica import journal_page
from app.ops.workshops import create_workshop
from app.store.db import Database
from widgets import session_runner
from widgets.application import install_translations
from widgets.remote_controller import OP_LABELS, RemoteController

WAIT = 20_000  # ms: zeroconf and the replica's first copy on a loaded 2-core machine


def _host(make_window):
    host = make_window()
    ctx = host.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Atelier mobilité").workshop_id
    host.start_session(wid)
    assert host.runner.server is not None
    return host, wid


def _join(laptop, qtbot, port: int, code: str, name: str = "Camille", host=None, wid=None):
    """Join from `laptop` (the co-facilitation port); `host` (when given) then accepts it."""
    laptop.join_action.trigger()
    dialog = laptop.join_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.address.setText(f"127.0.0.1:{port}")
    dialog.code.setText(code)
    dialog.name.setText(name)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: bool(laptop.cofac_windows), timeout=WAIT)
    cofac = laptop.cofac_windows[0]
    if host is not None:
        qtbot.waitUntil(
            lambda: cofac.connection.text() == "◌ En attente de l'accord de l'animatrice",
            timeout=WAIT,
        )
        assert cofac.controller.live_session(cofac.workshop_id) is None  # nothing received
        host.controller.approve_cofac(wid, _laptop_id(host, wid))
    qtbot.waitUntil(lambda: cofac.stack.currentWidget() is cofac.runner.console, timeout=WAIT)
    return cofac


def test_the_lead_shows_the_code_and_a_laptop_joins_gets_a_role_and_is_revoked(
    make_window, qtbot, tmp_path
):
    host, wid = _host(make_window)
    runner = host.runner
    port = runner.server.cofac_port  # laptops talk to the host there, over TLS
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
    # other séances (other tests, benches, another run on this machine) may be announced too,
    # even on this port once theirs has ended: ours is the one with our title and address
    ours = f"Atelier mobilité — 127.0.0.1:{port}"
    qtbot.waitUntil(
        lambda: any(dialog.seances.item(i).text() == ours for i in range(dialog.seances.count())),
        timeout=WAIT,
    )
    # a wrong code: the host's French refusal, the dialog stays
    dialog.address.setText(f"127.0.0.1:{port}")
    dialog.code.setText("000 000" if code != "000000" else "111 111")
    dialog.name.setText("Camille")
    dialog.join_button.click()
    # (the host does not prove the code the laptop typed: pairing stops there, nothing sent)
    qtbot.waitUntil(lambda: "le code est faux" in dialog.message.text(), timeout=WAIT)
    assert laptop.cofac_windows == []
    dialog.reject()
    qtbot.waitUntil(lambda: laptop.join_dialog is None)

    laptop.join_action.trigger()
    dialog = laptop.join_dialog
    dialog.address.setText(f"127.0.0.1:{port}")
    dialog.code.setText(code)
    dialog.name.setText("Camille")
    dialog.join_button.click()
    qtbot.waitUntil(lambda: bool(laptop.cofac_windows), timeout=WAIT)
    cofac = laptop.cofac_windows[0]
    # the right code, but no data until the lead accepts this laptop in her panel
    qtbot.waitUntil(
        lambda: cofac.connection.text() == "◌ En attente de l'accord de l'animatrice",
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=WAIT)
    assert panel.table.item(0, 2).text() == "En attente d'accord"
    assert "en attente" in runner.console.cofac_button.text()
    assert panel.accept_button(0).isVisibleTo(panel)
    assert cofac.controller.live_session(cofac.workshop_id) is None
    panel.accept_button(0).click()
    qtbot.waitUntil(lambda: cofac.stack.currentWidget() is cofac.runner.console, timeout=WAIT)
    assert not panel.accept_button(0).isVisibleTo(panel)
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
    # …and stops trying to reconnect, saying so
    client = cofac.controller.client
    qtbot.waitUntil(lambda: not client.running, timeout=WAIT)
    assert "ne cherche plus à s'y reconnecter" in cofac.connection.toolTip()
    assert "ne se reconnecte plus" in cofac.statusBar().currentMessage()
    # her copy is still hers to carry on, and the question says how old it is
    cofac.dialogs = laptop.dialogs
    laptop.dialogs.confirms.append(False)
    cofac.take_over_action.trigger()
    assert "n'a plus accès à la séance" in laptop.dialogs.asked[-1]
    assert laptop.controller.workshops() == []
    console.show_board(False)
    assert not console.toggle_button.isEnabled()
    assert "retiré l'accès" in console.toggle_button.toolTip()
    cofac.close()
    qtbot.waitUntil(lambda: laptop.cofac_windows == [])


def _laptop_id(host, wid: int) -> int:
    laptops = host.controller.cofac_laptops(host.runner.server, wid)
    assert len(laptops) == 1
    return int(laptops[0][0].id)


def _from_laptop(ctx, wid: int, label: str) -> int:
    """How many times the host's journal holds the laptop's action `label`."""
    entries = journal_page(ctx, wid, 0, 5000)["entries"]
    return sum(1 for e in entries if e["actor"] == "cofac:Camille" and e["label"] == label)


def _host_board_texts(host) -> set[str]:
    return {item.card.text for item in host.runner.board.scene.notes.values()}


def _ephemeral_port(monkeypatch) -> None:
    """The host's server on a port the system picks: once stopped, its port is not taken by
    another Atelier (other tests, benches) that the laptop would then reach."""
    monkeypatch.setattr(session_runner, "SERVER_PORT", 0)


def test_a_scribe_writes_post_its_online_and_offline_each_reaches_the_host_once(
    make_window, qtbot, tmp_path, monkeypatch
):
    _ephemeral_port(monkeypatch)
    host, wid = _host(make_window)
    runner, ctx = host.runner, host.controller.ctx
    port, phones = runner.server.cofac_port, runner.server.port
    runner.console.show_board(True)
    laptop = make_window(tmp_path / "laptop.sqlite3")
    cofac = _join(laptop, qtbot, port, host.controller.cofac_code(runner.server), host=host,
                  wid=wid)  # fmt: skip
    host.controller.set_cofac_role(wid, _laptop_id(host, wid), "scribe")
    board_ = cofac.runner.board
    cofac.runner.console.show_board(True)
    qtbot.waitUntil(lambda: board_.entry.isEnabled() and "Scribe" in cofac.who.text(), timeout=WAIT)

    # online: her post-it is on the lead's board, in the lead's history under her name
    board_.entry.setText("Covoiturage entre agents")
    qtbot.keyClick(board_.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Covoiturage entre agents" in _host_board_texts(host), timeout=WAIT)
    assert _from_laptop(ctx, wid, "Post-it « Covoiturage entre agents »") == 1
    qtbot.waitUntil(
        lambda: "Covoiturage entre agents" in {i.card.text for i in board_.scene.notes.values()},
        timeout=WAIT,
    )

    # the lead's laptop drops off the network: she reads on, her post-its wait
    runner.stop_server()
    qtbot.waitUntil(lambda: cofac.connection.text() == "○ Hors ligne", timeout=WAIT)
    for text in ("Navette du matin", "Vélos de service"):
        board_.entry.setText(text)
        qtbot.keyClick(board_.entry, Qt.Key.Key_Return)
        assert board_.entry.text() == ""  # taken: it waits in the outbox
    assert cofac.waiting.text() == "2 action(s) en attente d'envoi"
    assert cofac.connection.text() == "○ Hors ligne"
    assert board_.entry.isEnabled()  # she may go on writing
    assert _from_laptop(ctx, wid, "Post-it « Navette du matin »") == 0

    # the lead's laptop is back on the same address: each post-it arrives once
    monkeypatch.setattr(session_runner, "SERVER_PORT", phones)
    monkeypatch.setattr(session_runner, "COFAC_PORT", port)
    runner.start_server(wid)
    assert runner.server is not None and runner.server.cofac_port == port
    qtbot.waitUntil(lambda: cofac.connection.text() == "● En ligne", timeout=WAIT)
    qtbot.waitUntil(lambda: cofac.waiting.text() == "Aucune action en attente", timeout=WAIT)
    qtbot.waitUntil(lambda: "Vélos de service" in _host_board_texts(host), timeout=WAIT)
    for text in ("Covoiturage entre agents", "Navette du matin", "Vélos de service"):
        assert _from_laptop(ctx, wid, f"Post-it « {text} »") == 1
        assert [n.text for n in notes.workshop_notes(ctx, wid)].count(text) == 1
    assert [s.status for s in cofac.controller.client.outbox()] == ["done"] * 3
    cofac.close()
    qtbot.waitUntil(lambda: laptop.cofac_windows == [])


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_leads_laptop_dies_she_exports_the_report_and_carries_on_as_the_host(
    make_window, qtbot, tmp_path, monkeypatch
):
    _ephemeral_port(monkeypatch)
    host, wid = _host(make_window)
    runner, ctx = host.runner, host.controller.ctx
    # a phone checked in, posted and voted; the lead wrote a post-it; the countdown runs
    alex = participants.check_in(ctx, wid, name="Alex Martin", category="usager",
                                 consent_named=True, key="phone-alex-0001")  # fmt: skip
    notes.post_note(ctx, wid, alex.participant_id, text="Navette électrique", key="note-0001")
    board.add_note(ctx, wid, text="Covoiturage", x=0.0, y=0.0)
    ids = [n.id for n in notes.workshop_notes(ctx, wid)]
    rid = votes.open_round(ctx, wid, kind="dots", items=[f"note:{i}" for i in ids],
                           settings={"dots": 3, "cap": 3}).ids[0]  # fmt: skip
    votes.cast_ballot(ctx, wid, rid, alex.participant_id, {f"note:{ids[0]}": 2}, key="ballot-01")
    runner.console.toggle_button.click()
    laptop = make_window(tmp_path / "laptop.sqlite3")
    cofac = _join(laptop, qtbot, runner.server.cofac_port,
                  host.controller.cofac_code(runner.server), host=host, wid=wid)  # fmt: skip
    qtbot.waitUntil(
        lambda: cofac.runner.console.toggle_button.text() == "Pause (Espace)", timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: (
            votes.rounds(cofac.controller.ctx, wid)
            and sum(votes.live_counts(cofac.controller.ctx, rid).values()) == 1
        ),
        timeout=WAIT,
    )
    phase = live.live_session(ctx, wid).timer.phase_id

    # the lead's laptop dies for good
    runner.stop_server()
    qtbot.waitUntil(lambda: cofac.connection.text() == "○ Hors ligne", timeout=WAIT)
    cofac.dialogs = laptop.dialogs  # her laptop's questions

    # the compte-rendu, from her copy
    pdf = tmp_path / "compte-rendu.pdf"
    laptop.dialogs.saves.append(str(pdf))
    cofac.report_action.trigger()
    qtbot.waitUntil(lambda: cofac.report_task is None, timeout=30_000)
    assert cofac.statusBar().currentMessage().startswith("Compte-rendu enregistré")
    text = _pdf_text(pdf)
    assert "Atelier mobilité" in text
    assert "Navette électrique" in text and "Covoiturage" in text and "Alex Martin" in text

    # she takes the workshop over: asked first, told what happens to the phones
    laptop.dialogs.confirms.append(False)
    cofac.take_over_action.trigger()
    assert laptop.controller.workshops() == [] and laptop.cofac_windows == [cofac]
    laptop.dialogs.confirms.append(True)
    cofac.take_over_action.trigger()
    asked = laptop.dialogs.asked[-1]
    assert "minuteur en pause" in asked and "s'enregistre à nouveau" in asked
    assert "répond encore" not in asked  # the lead's laptop is gone
    qtbot.waitUntil(lambda: laptop.cofac_windows == [], timeout=WAIT)

    mine = laptop.controller.ctx
    [workshop] = laptop.controller.workshops()
    new = workshop.id
    assert workshop.title == "Atelier mobilité"
    assert sorted(n.text for n in notes.workshop_notes(mine, new)) == [
        "Covoiturage",
        "Navette électrique",
    ]
    assert [a.name for a in participants.attendees(mine, new)] == ["Alex Martin"]
    [round_] = votes.rounds(mine, new)
    assert round_.is_open and sum(votes.live_counts(mine, round_.id).values()) == 1
    # the séance resumed here: her console, her server, the timer paused where it was
    assert laptop.stack.currentWidget() is laptop.runner.console
    assert laptop.runner.workshop_id == new and laptop.runner.server is not None
    seance = live.live_session(mine, new)
    assert seance.timer.state == TimerState.PAUSED
    assert [p.title for p in seance.phases if p.id == seance.timer.phase_id] == [
        p.title for p in live.live_session(ctx, wid).phases if p.id == phase
    ]
    assert "Atelier repris sur cet ordinateur" in laptop.statusBar().currentMessage()
    assert laptop.runner.console.toggle_button.text() == "Reprendre (Espace)"

    # a phone checks in again with her séance's code, and she resumes the countdown
    state, code = live.door(mine, new)
    assert state == "open"
    with httpx.Client(base_url=laptop.runner.server.url, timeout=10, trust_env=False) as phone:
        answer = phone.post(
            "/api/join",
            json={"code": code, "name": "Alex Martin", "category": "usager",
                  "key": "phone-alex-0002"},
        )  # fmt: skip
    assert answer.status_code == 201
    names = [a.name for a in participants.attendees(mine, new)]
    assert names == ["Alex Martin", "Alex Martin"]  # the earlier arrival stays in the list
    laptop.runner.console.toggle_button.click()
    assert live.live_session(mine, new).timer.state == TimerState.RUNNING
    qtbot.waitUntil(lambda: laptop.runner.console.toggle_button.text() == "Pause (Espace)")


def test_old_replicas_are_deleted_from_the_laptops_folder(make_window, tmp_path):
    window = make_window()
    folder = tmp_path / "replicas"  # next to the laptop's database
    folder.mkdir()
    old = folder / "seance-192-168-1-10-8765-3.sqlite3"
    recent = folder / "seance-192-168-1-10-8765-4.sqlite3"
    for path, days in ((old, 31), (recent, 1)):
        path.write_bytes(b"")
        when = path.stat().st_mtime - days * 86400
        os.utime(path, (when, when))
    assert window.controller.prune_replicas() == 1
    assert not old.exists() and recent.exists()


def test_refusals_name_the_action_in_the_windows_language(qapp, tmp_path):
    # the window's names of the core's remote operations: every one, the same French
    assert {op: str(label) for op, label in OP_LABELS.items()} == {
        op: remote.label for op, remote in cofac.REMOTE_OPS.items()
    }
    db = Database.open(tmp_path / "replica.sqlite3")
    pairing = Pairing("https://127.0.0.1:9/", "t" * 43, 1, 1, "Camille", "gardien", "Atelier")
    client = CoFacClient(db, pairing)  # not started: refusals are decided on this laptop
    remote = RemoteController(client)
    try:
        assert remote.refusal("live.toggle") == ""
        assert remote.refusal("board.group") == (
            "Votre rôle (Gardien·ne du temps) ne permet pas de regrouper des post-its."
        )
        previous = QLocale()
        translators = install_translations(qapp, "en")
        try:
            assert remote.refusal("board.group") == (
                "Your role (Time keeper) does not allow you to group sticky notes."
            )
            assert remote.refusal("participants.check_in") == (
                "Your role (Time keeper) does not allow you to check someone in."
            )
            assert remote.refusal("live.end_session") == (
                "Only the lead facilitator can do this: end the session."
            )
            for op, what in cofac.REMOTE_OPS.items():
                refused = remote.refusal(op)
                assert what.label not in refused, f"{op}: {refused!r} is half French"
        finally:
            for translator in translators:
                qapp.removeTranslator(translator)
                translator.deleteLater()
            QLocale.setDefault(previous)
    finally:
        remote.stop()
        remote.deleteLater()


def test_strangers_guesses_retire_the_code_and_the_lead_shows_a_new_one(make_window, qtbot):
    from app.domain.pairing import LaptopSide
    from app.server.cofac import GLOBAL_CEILING
    from app.system.certificate import pinned_context

    host, wid = _host(make_window)
    runner = host.runner
    runner.console.cofac_button.click()
    panel = runner.cofac.panel
    code = host.controller.cofac_code(runner.server)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    tls = pinned_context(runner.server._app.state.certificate.pem)
    for n in range(GLOBAL_CEILING):  # from several computers of the network (5 each at most)
        transport = httpx.HTTPTransport(local_address=f"127.0.2.{n // 5 + 1}", verify=tls)
        with httpx.Client(base_url=runner.server.cofac_url, transport=transport) as client:
            answer = client.post(
                "/api/cofac/pair/start", json={"message": LaptopSide(wrong).message}
            )
            assert answer.status_code == 200, answer.text
    qtbot.waitUntil(lambda: "ne sert plus" in panel.address.text(), timeout=WAIT)
    panel.new_code_button.click()
    fresh = host.controller.cofac_code(runner.server)
    assert fresh != code and panel.code.text() == f"{fresh[:3]}\u2009{fresh[3:]}"
    assert "ne sert plus" not in panel.address.text()
    assert not host.controller.cofac_suspended(runner.server)

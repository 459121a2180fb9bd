"""The facilitator's side of voting, driven in the window: open a round from the board, phones
vote, turnout, close, reveal on the projector, paper votes, promotion to actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.ops import board, participants, votes
from app.ops.workshops import create_workshop
from app.reports.text import one_line
from app.store.models import Action
from widgets.paper_votes_dialog import PaperVotes
from widgets.vote_dialog import VoteDialog, VoteRequest

HOSTILE = (Path(__file__).parents[1] / "data" / "hostile-text.txt").read_text(encoding="utf-8")
DOTS = VoteRequest("dots", "Quelles idées creuser ?", {"dots": 3, "cap": 2})


def _console(make_window, qtbot, notes=("Covoiturage", "Navette gare", "Vélos de service")):
    """A séance open on the board, with post-its and three people checked in."""
    clock = FakeClock()
    window = make_window(clock=clock)
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    phase = panel.data.phase_id
    ids = [
        board.add_note(ctx, wid, text=text, phase_id=phase, x=300 + 220 * i, y=200).ids[0]
        for i, text in enumerate(notes)
    ]
    people = [
        participants.check_in(ctx, wid, name=name, category="public", key=f"join-{n:04d}-0001")
        for n, name in enumerate(("Awa", "Bruno", "Chloé"))
    ]
    panel.reload()
    return window, ctx, wid, panel, ids, [p.participant_id for p in people], clock


def _select(panel, note_ids):
    panel.scene.clearSelection()
    for nid in note_ids:
        panel.scene.notes[nid].setSelected(True)


def _open(window, qtbot, panel, note_ids, request=DOTS):
    _select(panel, note_ids)
    window.dialogs.votes.append(request)
    qtbot.mouseClick(panel.vote_button, Qt.MouseButton.LeftButton)
    desk = window.runner.votes
    assert desk.results is not None
    return desk, desk.results.round.id


def _ballot(ctx, wid, rid, pid, choices, n=[0]):  # noqa: B006 - a counter for unique keys
    n[0] += 1
    return votes.cast_ballot(ctx, wid, rid, pid, choices, key=f"ballot-{n[0]:08d}")


def test_open_a_round_from_the_board_selection(make_window, qtbot):
    window, ctx, wid, panel, ids, _people, _clock = _console(make_window, qtbot)
    desk, rid = _open(window, qtbot, panel, ids[:2])
    # the dialog was told what the vote is on
    assert window.dialogs.asked[-1] == "Vote sur 2 post-it(s) sélectionné(s)"
    (info,) = votes.rounds(ctx, wid)
    assert info.id == rid and info.is_open and info.kind == "dots"
    assert [i.key for i in info.items] == [f"note:{ids[0]}", f"note:{ids[1]}"]
    assert (info.settings.dots, info.settings.cap, info.settings.live_results) == (3, 2, False)
    # the console shows the vote tab, the projector asks the room to vote
    console = window.runner.console
    assert console.pages.currentIndex() == 0
    assert console.tabs.currentWidget() is desk.panel
    assert desk.panel.title.text() == "Quelles idées creuser ?"
    assert desk.panel.turnout.text() == "0 / 3 ont voté"
    assert "Gommettes · 3 gommette(s) par personne, 2 au plus par élément" in (
        desk.panel.summary.text()
    )
    projection = desk.projection
    assert projection.isVisible()
    assert projection.geometry() == window.runner.projector.rect()
    assert projection.state.text() == "Votez sur votre téléphone"
    assert projection.turnout.text() == "0 / 3 ont voté"
    assert not projection.chart.isVisible()
    # results stay hidden in the console until she asks to see them
    assert not desk.panel.table.isVisible() and desk.panel.hidden_note.isVisible()


def test_whole_board_when_nothing_is_selected_and_a_cancelled_dialog(make_window, qtbot):
    window, ctx, wid, panel, ids, _people, _clock = _console(make_window, qtbot)
    board.group(ctx, wid, ids[:2], phase_id=panel.data.phase_id)
    panel.reload()
    panel.scene.clearSelection()
    window.dialogs.votes.append(None)  # she cancels: nothing opens
    qtbot.keyClick(
        panel.view,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.dialogs.asked[-1].startswith("Rien n'est sélectionné : vote sur tout le tableau")
    assert "(1 groupe(s) et 1 post-it(s) hors groupe)" in window.dialogs.asked[-1]
    assert votes.rounds(ctx, wid) == []
    desk, rid = _open(window, qtbot, panel, [], VoteRequest("majority", "", {}))
    (info,) = votes.rounds(ctx, wid)
    assert [i.key.split(":")[0] for i in info.items] == ["cluster", "note"]
    assert info.title == "Jugement majoritaire"


def test_ballots_update_turnout_in_batches_then_close_and_reveal(make_window, qtbot):
    window, ctx, wid, panel, ids, people, _clock = _console(make_window, qtbot)
    desk, rid = _open(window, qtbot, panel, ids)
    reloads = []
    original = desk.reload
    desk.reload = lambda: (reloads.append(1), original())[1]
    desk._refresh.timeout.disconnect()
    desk._refresh.timeout.connect(desk.reload)
    a, b, c = (f"note:{i}" for i in ids)
    # a burst: Awa changes her mind ten times, Bruno votes
    for n in range(10):
        _ballot(ctx, wid, rid, people[0], {a: 2} if n % 2 else {a: 1, b: 1})
    _ballot(ctx, wid, rid, people[1], {b: 2, c: 1})
    votes.set_done(ctx, wid, rid, people[1])
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "2 / 3 ont voté")
    assert len(reloads) == 1  # eleven ballots and a "J'ai fini": one refresh
    assert desk.panel.done.text() == "1 ont fini : Bruno"
    assert desk.projection.turnout.text() == "2 / 3 ont voté"
    assert not desk._refresh.isActive()
    # close, with a confirmation; a refusal first
    window.dialogs.confirms += [False, True]
    qtbot.mouseClick(desk.panel.close_button, Qt.MouseButton.LeftButton)
    assert votes.rounds(ctx, wid)[0].is_open
    qtbot.mouseClick(desk.panel.close_button, Qt.MouseButton.LeftButton)
    assert not votes.rounds(ctx, wid)[0].is_open
    assert desk.panel.status.text() == "Vote clos"
    assert desk.projection.state.text() == "Vote clos — les résultats arrivent"
    assert not desk.panel.close_button.isEnabled() and desk.panel.reopen_button.isEnabled()
    # reveal: the projector ranks them; Awa's 2 + 0 and Bruno's 0 + 2 make a tie for first
    qtbot.mouseClick(desk.panel.reveal_button, Qt.MouseButton.LeftButton)
    assert votes.results(ctx, rid, public=True).round.revealed
    chart = desk.projection.chart
    assert chart.isVisible() and not desk.projection.state.isVisible()
    assert [(r.rank, r.tied, r.label, r.text) for r in chart.rows] == [
        (1, True, "Covoiturage", "2"),
        (1, True, "Navette gare", "2"),
        (3, False, "Vélos de service", "1"),
    ]
    assert desk.projection.corner.text() == "2 / 3 ont voté"
    table = desk.panel.table
    assert [table.topLevelItem(i).text(0) for i in range(3)] == ["1 ex æquo", "1 ex æquo", "3"]
    assert table.topLevelItem(2).text(2) == "1 gommette(s)"
    assert desk.panel.reveal_button.text() == "Masquer les résultats"
    # the projector's pixels: the first bars in amber, on the dark background
    projector = window.runner.projector
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: chart.height() > 300)
    image = chart.grab().toImage()
    row_h = min(chart.max_row, chart.height() / 3)
    bar_y = int(row_h * 0.71)  # the bar sits under the item's text
    assert image.pixelColor(int(chart.width() * 0.5), bar_y).name() == "#fbbf24"
    assert image.pixelColor(int(chart.width() * 0.5), int(row_h + bar_y)).name() == "#fbbf24"
    assert image.pixelColor(int(chart.width() * 0.6), int(2 * row_h + bar_y)).name() == "#1e293b"
    # reopen: phones vote again, the projector says so over the live results
    qtbot.mouseClick(desk.panel.reopen_button, Qt.MouseButton.LeftButton)
    assert votes.rounds(ctx, wid)[0].is_open
    assert desk.projection.corner.text() == "Votez sur votre téléphone · 2 / 3 ont voté"
    # hide again: the room sees the turnout only
    qtbot.mouseClick(desk.panel.reveal_button, Qt.MouseButton.LeftButton)
    assert desk.projection.state.text() == "Votez sur votre téléphone"
    # "Projeter" off gives the projector back to the timer
    desk.panel.project_button.click()
    assert not desk.projection.isVisible()


def test_paper_votes_and_promotion_to_actions(make_window, qtbot):
    window, ctx, wid, panel, ids, people, _clock = _console(make_window, qtbot)
    request = VoteRequest("dots", "Priorités", {"dots": 3, "cap": 3, "live_results": True})
    desk, rid = _open(window, qtbot, panel, ids, request)
    a, b, c = (f"note:{i}" for i in ids)
    _ballot(ctx, wid, rid, people[0], {a: 3})
    window.dialogs.papers.append(PaperVotes("Table du fond", {c: 4, b: 1}))
    qtbot.mouseClick(desk.panel.paper_button, Qt.MouseButton.LeftButton)
    assert window.dialogs.asked[-1] == "paper:gommettes:3"
    results = votes.results(ctx, rid)
    assert [(line.label, line.score) for line in results.lines] == [
        ("Vélos de service", 4.0),
        ("Covoiturage", 3.0),
        ("Navette gare", 1.0),
    ]
    assert results.turnout.paper_ballots == 1 and results.turnout.voted == 1
    assert desk.panel.paper.text() == "+ 1 bulletin(s) papier"
    # live results: shown at once, in the console and on the projector
    assert desk.panel.table.topLevelItem(0).text(1) == "Vélos de service"
    assert desk.projection.chart.rows[0].label == "Vélos de service"
    # promote the first two to the action plan, after a confirmation listing them
    desk.panel.promote_count.setValue(2)
    window.dialogs.confirms.append(True)
    qtbot.mouseClick(desk.panel.promote_button, Qt.MouseButton.LeftButton)
    assert "• Vélos de service\n• Covoiturage" in window.dialogs.asked[-1]
    stored = ctx.db.read(
        lambda s: s.scalars(
            select(Action.what).where(Action.workshop_id == wid).order_by(Action.position)
        ).all()
    )
    assert stored == ["Vélos de service", "Covoiturage"]
    assert "2 action(s) ajoutée(s)" in window.statusBar().currentMessage()


def test_the_promotion_confirmation_lists_what_the_core_promotes_not_a_stale_table(
    make_window, qtbot
):
    window, ctx, wid, panel, ids, people, _clock = _console(make_window, qtbot)
    request = VoteRequest("dots", "Priorités", {"dots": 3, "cap": 3, "live_results": True})
    desk, rid = _open(window, qtbot, panel, ids, request)
    a, b, c = (f"note:{i}" for i in ids)
    _ballot(ctx, wid, rid, people[0], {a: 3})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "1 / 3 ont voté")
    assert desk.panel.table.topLevelItem(0).text(1) == "Covoiturage"
    # two ballots arrive; the console's table is not refreshed yet (it waits a moment)
    _ballot(ctx, wid, rid, people[1], {c: 3})
    _ballot(ctx, wid, rid, people[2], {c: 1, b: 1})
    assert desk.panel.table.topLevelItem(0).text(1) == "Covoiturage"
    # she promotes the first one: the confirmation names what the core promotes
    desk.panel.promote_count.setValue(1)
    window.dialogs.confirms.append(True)
    qtbot.mouseClick(desk.panel.promote_button, Qt.MouseButton.LeftButton)
    assert "• Vélos de service" in window.dialogs.asked[-1]
    assert "Covoiturage" not in window.dialogs.asked[-1]
    stored = ctx.db.read(lambda s: s.scalars(select(Action.what)).all())
    assert stored == ["Vélos de service"]
    assert "1 action(s) ajoutée(s)" in window.statusBar().currentMessage()


def test_hostile_post_it_text_is_shown_as_text(make_window, qtbot):
    lines = [line for line in HOSTILE.splitlines() if line and not line.startswith("#")][:6]
    texts = [line.replace("\\n", "\n") for line in lines]
    window, ctx, wid, panel, ids, people, _clock = _console(make_window, qtbot, texts)
    request = VoteRequest("points", "<b>Vote</b> <img src=x>", {"budget": 10, "live_results": True})
    desk, rid = _open(window, qtbot, panel, ids, request)
    _ballot(ctx, wid, rid, people[0], {f"note:{ids[0]}": 6, f"note:{ids[1]}": 4})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "1 / 3 ont voté")
    assert desk.panel.title.text() == "<b>Vote</b> <img src=x>"
    assert desk.panel.title.textFormat() == Qt.TextFormat.PlainText
    assert desk.projection.title.textFormat() == Qt.TextFormat.PlainText
    table = desk.panel.table
    shown = {table.topLevelItem(i).text(1) for i in range(table.topLevelItemCount())}
    assert shown == {one_line(t) for t in texts}
    first = table.topLevelItem(0)
    assert first.text(1) == one_line(texts[0])  # "<script>alert('post-it')</script>"
    assert "&lt;script&gt;" in first.toolTip(1)  # escaped: the tooltip shows the tags
    assert {r.label for r in desk.projection.chart.rows} == set(texts)
    # the charts draw every line without error, cut to their width
    window.runner.projector.resize(1920, 1080)
    assert not desk.projection.chart.grab().toImage().isNull()


def test_closing_time_closes_the_round(make_window, qtbot):
    window, ctx, wid, panel, ids, people, clock = _console(make_window, qtbot)
    request = VoteRequest("dots", "", {"dots": 1}, close_in_minutes=2)
    desk, rid = _open(window, qtbot, panel, ids, request)
    assert desk._closing.isActive()
    assert desk.panel.closing.text().endswith("(dans 2:00)")
    assert "encore 2:00" in desk.projection.closing.text()
    clock.advance(60)
    qtbot.waitUntil(lambda: desk.panel.closing.text().endswith("(dans 1:00)"))
    clock.advance(61)
    qtbot.waitUntil(lambda: votes.rounds(ctx, wid)[0].status == "closed")
    qtbot.waitUntil(lambda: desk.panel.status.text() == "Vote clos")
    assert not desk._closing.isActive()


def test_criteria_grid_and_majority_results(make_window, qtbot):
    window, ctx, wid, panel, ids, people, _clock = _console(make_window, qtbot)
    dialog = VoteDialog("test")
    dialog.kind.setCurrentIndex(dialog.kind.findData("criteria"))
    dialog.live.setChecked(True)
    request = dialog.value()
    dialog.deleteLater()
    assert [c["key"] for c in request.settings["criteria"]] == [
        "partenaires", "transversal", "faisable", "moyens", "sobriete",
    ]  # fmt: skip
    # LaBase's preset: partners and 18 months eliminatory under 3
    assert [c.get("threshold") for c in request.settings["criteria"]] == [3, None, 3, None, None]
    desk, rid = _open(window, qtbot, panel, ids[:2], request)
    keys = [c["key"] for c in request.settings["criteria"]]
    high = dict.fromkeys(keys, 5)
    low = {k: (4 if k in ("faisable", "moyens") else 2) for k in keys}
    _ballot(ctx, wid, rid, people[0], {f"note:{ids[0]}": high, f"note:{ids[1]}": low})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "1 / 3 ont voté")
    assert desk.panel.quadrant.isVisible() and desk.projection.quadrant.isVisible()
    points = {(p.rank, p.impact, p.feasibility) for p in desk.panel.quadrant.points}
    assert points == {(1, 5.0, 5.0), (2, 2.0, 4.0)}
    table = desk.panel.table
    assert table.topLevelItem(0).text(2) == "5,0 / 5 · Prioritaire"
    assert table.topLevelItem(1).text(2) == "2,8 / 5 · Facile · éliminée"  # partners: 2 < 3
    # majority judgment: the grade profile and the majority grade
    majority = VoteRequest("majority", "Mention", {"live_results": True})
    desk, rid = _open(window, qtbot, panel, ids[:2], majority)
    a, b = f"note:{ids[0]}", f"note:{ids[1]}"
    _ballot(ctx, wid, rid, people[0], {a: 4, b: 2})
    _ballot(ctx, wid, rid, people[1], {a: 5, b: 6})
    _ballot(ctx, wid, rid, people[2], {a: 1, b: 3})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "3 / 3 ont voté")
    rows = desk.projection.chart.rows
    assert [(r.label, r.text) for r in rows] == [
        ("Covoiturage", "Bien"),
        ("Navette gare", "Assez bien"),
    ]
    assert rows[0].profile == (0, 1, 0, 0, 1, 1, 0)
    assert not desk.panel.paper_button.isEnabled()


def test_vote_dialog_values():
    dialog = VoteDialog("Vote sur 3 post-it(s)")
    dialog.dots.setValue(5)
    dialog.cap.setValue(5)
    dialog.dots.setValue(2)  # the cap follows the dots down
    dialog.own.setChecked(False)
    dialog.named.setChecked(True)
    dialog.timed.setChecked(True)
    dialog.minutes.setValue(7)
    dialog.title.setText("  Priorités  ")
    value = dialog.value()
    assert value == VoteRequest(
        "dots",
        "Priorités",
        {"anonymous": False, "live_results": False, "dots": 2, "cap": 2, "own_allowed": False},
        7,
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData("points"))
    dialog.budget.setValue(50)
    assert dialog.value().settings["budget"] == 50
    dialog.kind.setCurrentIndex(dialog.kind.findData("criteria"))
    dialog.criteria.setCurrentCell(0, 0)
    dialog._remove_criterion()
    assert len(dialog.value().settings["criteria"]) == 4
    dialog.load_labase()
    assert len(dialog.value().settings["criteria"]) == 5
    # a criterion made eliminatory with a threshold, another one no longer
    threshold = dialog.criteria.cellWidget(1, 3)
    assert threshold.text() == "non"
    threshold.setValue(2)
    dialog.criteria.cellWidget(0, 3).setValue(0)
    given = dialog.value().settings["criteria"]
    assert [c.get("threshold") for c in given] == [None, 2, 3, None, None]
    dialog.deleteLater()

"""After the vote, in the window: promote the first items to chantiers (shown in the
console's Programme tab), see and take out a paper ballot, and who voted what for a named
round, on her console only; an anonymous round shows no name beside any choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget
from sqlalchemy import select

from app.domain.clock import FakeClock
from app.ops import board, participants, votes
from app.ops.workshops import create_workshop
from app.store.models import Project
from widgets.paper_votes_dialog import PaperVotes
from widgets.vote_dialog import VoteRequest

NAMES = ("Awa", "Bruno", "Chloé")


def _console(make_window, qtbot, format_key="3h"):
    """A séance open on the board, three post-its, three people checked in."""
    window = make_window(clock=FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key=format_key, title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    texts = ("Covoiturage", "Navette gare", "Vélos de service")
    ids = [
        board.add_note(ctx, wid, text=t, phase_id=panel.data.phase_id, x=300 + 220 * i, y=200)
        .ids[0]
        for i, t in enumerate(texts)
    ]  # fmt: skip
    people = [
        participants.check_in(ctx, wid, name=name, category="public", key=f"join-{n:04d}-0002")
        .participant_id
        for n, name in enumerate(NAMES)
    ]  # fmt: skip
    panel.reload()
    return window, ctx, wid, panel, [f"note:{i}" for i in ids], people


def _open(window, qtbot, panel, request):
    panel.scene.clearSelection()
    for note in panel.scene.notes.values():
        note.setSelected(True)
    window.dialogs.votes.append(request)
    qtbot.mouseClick(panel.vote_button, Qt.MouseButton.LeftButton)
    desk = window.runner.votes
    assert desk.results is not None
    return desk, desk.results.round.id


def _ballot(ctx, wid, rid, pid, choices, n=[0]):  # noqa: B006 - a counter for unique keys
    n[0] += 1
    return votes.cast_ballot(ctx, wid, rid, pid, choices, key=f"followup-{n[0]:08d}")


def _rows(tree: QTreeWidget, column: int = 0) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def _shown_text(widget) -> str:
    """Every text a widget shows: its labels, its item views (text and tooltips)."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    for tree in widget.findChildren(QTreeWidget):
        if tree.isVisible():
            for i in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(i)
                for c in range(tree.columnCount()):
                    parts += [item.text(c), item.toolTip(c)]
    return "\n".join(parts)


def test_promote_the_first_items_to_chantiers_shown_in_the_programme_tab(make_window, qtbot):
    window, ctx, wid, panel, keys, people = _console(make_window, qtbot, "3m")
    request = VoteRequest("dots", "Priorités", {"dots": 3, "cap": 3, "live_results": True})
    desk, rid = _open(window, qtbot, panel, request)
    _ballot(ctx, wid, rid, people[0], {keys[2]: 2, keys[0]: 1})
    _ballot(ctx, wid, rid, people[1], {keys[0]: 2})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "2 / 3 ont voté")
    console = window.runner.console
    assert console.tabs.isTabVisible(console.programme_index)  # a 3 mois: its programme
    timeline = console.programme.count()
    button = desk.panel.promote_projects_button
    assert button.isEnabled() and button.text() == "Promouvoir en chantier"
    desk.panel.promote_count.setValue(1)
    window.dialogs.confirms += [False, True]  # she cancels once, then confirms
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert votes.projects(ctx, wid) == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "• Covoiturage" in window.dialogs.asked[-1]
    assert "Vélos" not in window.dialogs.asked[-1]  # 2nd with 2 dots: not among the first 1
    stored = ctx.db.read(lambda s: s.execute(select(Project.title, Project.status)).all())
    assert stored == [("Covoiturage", "idee")]
    assert window.statusBar().currentMessage() == (
        "1 chantier(s) créé(s), dans l'onglet « Programme » — Ctrl+Z pour annuler"
    )
    # the programme tab shows it after its timeline (the operation's event refreshes it)
    qtbot.waitUntil(lambda: console.programme.count() == timeline + 1)
    last = console.programme.item(timeline)
    assert last.text() == "Chantier · Idée · Covoiturage"
    assert last.toolTip().count("Issu du vote « Priorités » (rang 1).") == 1
    # Ctrl+Z takes it back
    window.undo()
    assert votes.projects(ctx, wid) == []
    qtbot.waitUntil(lambda: console.programme.count() == timeline)


def test_a_three_hours_workshop_promotes_chantiers_for_the_report(make_window, qtbot):
    window, ctx, wid, panel, keys, people = _console(make_window, qtbot)
    request = VoteRequest("points", "Budget", {"budget": 10, "live_results": True})
    desk, rid = _open(window, qtbot, panel, request)
    _ballot(ctx, wid, rid, people[0], {keys[1]: 10})
    qtbot.waitUntil(lambda: desk.panel.turnout.text() == "1 / 3 ont voté")
    window.dialogs.confirms.append(True)
    qtbot.mouseClick(desk.panel.promote_projects_button, Qt.MouseButton.LeftButton)
    assert [p.title for p in votes.projects(ctx, wid)] == ["Navette gare"]
    assert window.statusBar().currentMessage() == (
        "1 chantier(s) créé(s), repris au compte-rendu — Ctrl+Z pour annuler"
    )
    console = window.runner.console
    assert not console.tabs.isTabVisible(console.programme_index)  # no programme to show


def test_the_workshop_editor_lists_the_chantiers_of_a_programme(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3m", title="Incubation").workshop_id

    def add(session) -> None:
        session.add(Project(workshop_id=wid, title="<b>Navette</b>", description="Du vote",
                            status="en_incubation", created_at=0.0))  # fmt: skip

    ctx.db.write(add)
    window.open_workshop(wid)
    view = window.editor.programme
    texts = [view.list.item(i).text() for i in range(view.list.count())]
    assert texts[-1] == "Chantier · En incubation · <b>Navette</b>"  # as text, never markup
    assert "&lt;b&gt;" in view.list.item(view.list.count() - 1).toolTip()


def test_a_paper_ballot_is_listed_then_taken_out_with_a_confirmation_and_undo(make_window, qtbot):
    window, ctx, wid, panel, keys, people = _console(make_window, qtbot)
    request = VoteRequest("dots", "Priorités", {"dots": 3, "cap": 3, "live_results": True})
    desk, rid = _open(window, qtbot, panel, request)
    p = desk.panel
    assert not p.paper_box.isVisible()
    window.dialogs.papers += [
        PaperVotes("Table du fond", {keys[0]: 4, keys[1]: 1}),
        PaperVotes("<i>Salle</i> annexe", {keys[2]: 2}),
    ]
    qtbot.mouseClick(p.paper_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(p.paper_button, Qt.MouseButton.LeftButton)
    assert p.paper_box.isVisible() and p.paper.text() == "+ 2 bulletin(s) papier"
    assert _rows(p.paper_list) == ["Table du fond", "<i>Salle</i> annexe"]
    assert _rows(p.paper_list, 1) == ["5", "2"]
    assert _rows(p.paper_list, 2) == ["Covoiturage : 4 · Navette gare : 1", "Vélos de service : 2"]
    assert not p.paper_remove_button.isEnabled()  # nothing chosen yet
    p.paper_list.topLevelItem(0).setSelected(True)
    assert p.paper_remove_button.isEnabled()
    window.dialogs.confirms += [False, True]
    qtbot.mouseClick(p.paper_remove_button, Qt.MouseButton.LeftButton)
    assert window.dialogs.asked[-1] == (
        "Retirer le bulletin papier « Table du fond » (5 gommette(s)) du vote ?"
    )
    assert len(votes.results(ctx, rid).paper) == 2  # she said no
    qtbot.mouseClick(p.paper_remove_button, Qt.MouseButton.LeftButton)
    assert [b.label for b in votes.results(ctx, rid).paper] == ["<i>Salle</i> annexe"]
    assert _rows(p.paper_list) == ["<i>Salle</i> annexe"]
    assert p.paper.text() == "+ 1 bulletin(s) papier"
    assert _rows(p.table, 1)[0] == "Vélos de service"  # the results follow
    assert window.statusBar().currentMessage() == "Bulletin papier retiré — Ctrl+Z pour annuler"
    window.undo()
    qtbot.waitUntil(lambda: _rows(p.paper_list) == ["<i>Salle</i> annexe", "Table du fond"])
    assert _rows(p.table, 1)[0] == "Covoiturage"


def test_a_named_round_shows_who_voted_what_on_the_console_never_the_projector(make_window, qtbot):
    window, ctx, wid, panel, keys, people = _console(make_window, qtbot)
    request = VoteRequest("majority", "Mention", {"anonymous": False})
    desk, rid = _open(window, qtbot, panel, request)
    p = desk.panel
    _ballot(ctx, wid, rid, people[0], {keys[0]: 5, keys[1]: 2, keys[2]: 3})
    _ballot(ctx, wid, rid, people[2], {keys[0]: 4, keys[1]: 6, keys[2]: 0})
    qtbot.waitUntil(lambda: p.turnout.text() == "2 / 3 ont voté")
    assert not p.voters.isVisible()  # results hidden: the names with them
    p.peek.setChecked(True)
    assert p.voters.isVisible() and p.voters_title.isVisible()
    assert _rows(p.voters) == ["Awa", "Chloé"]
    assert _rows(p.voters, 1) == [
        "Covoiturage : Très bien · Navette gare : Passable · Vélos de service : Assez bien",
        "Covoiturage : Bien · Navette gare : Excellent · Vélos de service : À rejeter",
    ]
    first = next(
        p.table.topLevelItem(i)
        for i in range(p.table.topLevelItemCount())
        if p.table.topLevelItem(i).text(1) == "Covoiturage"
    )
    assert "Awa : Très bien" in first.toolTip(2) and "Chloé : Bien" in first.toolTip(2)
    # revealed on the projector: the ranking, never a name
    given = []
    show = desk.projection.show_results
    desk.projection.show_results = lambda res, now: (given.append(res), show(res, now))
    qtbot.mouseClick(p.reveal_button, Qt.MouseButton.LeftButton)
    assert given and all(res.voters == () and res.paper == () for res in given)
    projection = desk.projection
    assert projection.isVisible() and projection.chart.isVisible()
    shown = _shown_text(projection) + "\n".join(r.label for r in projection.chart.rows)
    assert "Covoiturage" in shown
    assert not any(name in shown for name in NAMES)


def test_an_anonymous_round_shows_no_name_beside_a_choice(make_window, qtbot):
    window, ctx, wid, panel, keys, people = _console(make_window, qtbot)
    request = VoteRequest("points", "Budget", {"budget": 10, "live_results": True})
    desk, rid = _open(window, qtbot, panel, request)
    p = desk.panel
    for who in range(3):
        _ballot(ctx, wid, rid, people[who], {keys[who]: 6, keys[(who + 1) % 3]: 4})
    votes.set_done(ctx, wid, rid, people[0])
    qtbot.waitUntil(lambda: p.turnout.text() == "3 / 3 ont voté")
    assert p.table.isVisible()
    assert not p.voters.isVisible() and not p.voters_title.isVisible()
    assert p.voters.topLevelItemCount() == 0
    # a name shows only as "who is done", never next to an item or a score
    assert p.done.text() == "1 ont fini : Awa"
    shown = _shown_text(p).replace(p.done.text(), "")
    assert "Covoiturage" in shown
    assert not any(name in shown for name in NAMES)
    projection = _shown_text(desk.projection)
    assert not any(name in projection for name in NAMES)


def test_a_co_facilitator_laptop_names_what_stays_the_lead_s():
    from app.ops.cofac import REMOTE_OPS
    from widgets.remote_controller import LEAD_ONLY_OPS

    # removing paper votes stays the lead's; the promotions too, unless she delegates them
    assert "votes.remove_paper_votes" not in REMOTE_OPS  # the host never runs it for a laptop
    assert LEAD_ONLY_OPS["votes.remove_paper_votes"] == "retirer des votes papier"
    for op in ("votes.promote_to_projects", "votes.promote_to_actions"):
        assert REMOTE_OPS[op].roles == {"copilote"}

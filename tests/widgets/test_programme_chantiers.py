"""The 3 mois programme follows its chantiers: their status is moved from the programme tab."""

from __future__ import annotations

from app.domain.clock import FakeClock
from app.ops.workshops import create_workshop
from app.store.models import Project


def test_a_chantiers_status_is_moved_from_the_programme(make_window, qtbot):
    window = make_window(clock=FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3m", title="Incubation").workshop_id

    def add(session):
        session.add(Project(workshop_id=wid, title="Navette <b>partagée</b>", created_at=1.0))

    ctx.db.write(add)
    window.open_workshop(wid)
    programme = window.editor.programme
    items = [programme.list.item(i) for i in range(programme.list.count())]
    (chantier,) = [i for i in items if i.text().startswith("Chantier")]
    assert chantier.text() == "Chantier · Idée · Navette <b>partagée</b>"  # plain text
    menu = programme.status_menu(chantier)
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    assert labels[:2] == ["Statut : Idée", "Statut : En incubation"]
    assert menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    menu.deleteLater()

    def moved():
        items = [programme.list.item(i).text() for i in range(programme.list.count())]
        return "Chantier · En incubation · Navette <b>partagée</b>" in items

    qtbot.waitUntil(moved)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not moved())
    # a séance's line has no status menu
    assert programme.status_menu(programme.list.item(0)) is None

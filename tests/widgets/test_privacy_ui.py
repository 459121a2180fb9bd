"""The window's personal data (RGPD): « Supprimer cette personne » in the check-in list,
« Anonymiser l'atelier » in the File menu, the retention at start-up (a message that does not
stop her), and Aide → « Données personnelles » with this computer's real paths."""

from __future__ import annotations

from datetime import date

from app.domain.clock import FakeClock
from app.ops import participants, privacy
from app.ops.workshops import create_workshop, update_details
from app.settings import secret_storage
from widgets.manual_checkin_dialog import ManualCheckIn
from widgets.privacy_dialog import PrivacyDialog


def _menu_texts(window, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


def test_erasing_a_person_from_the_list_asks_then_erases_her(make_window, qtbot):
    window = make_window(clock=FakeClock(1_795_000_000.0))
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Accueil").workshop_id
    window.start_session(wid)
    panel = window.runner.console.checkin
    assert not panel.erase_button.isEnabled()  # nobody chosen
    window.dialogs.manual += [
        ManualCheckIn("Dominique Martin", "Bordeaux Métropole", "public", True)
    ]
    panel.add_button.click()
    panel.table.selectRow(0)
    assert panel.erase_button.isEnabled()
    window.dialogs.confirms.append(False)
    panel.erase_button.click()
    assert panel.table.item(0, 0).text() == "Dominique Martin"  # she said no
    window.dialogs.confirms.append(True)
    panel.erase_button.click()
    asked = window.dialogs.asked[-1]
    assert "Dominique Martin" in asked and "ne peut pas être annulé" in asked
    assert panel.table.rowCount() == 1  # still counted
    assert panel.table.item(0, 0).text() == privacy.ERASED_NAME
    assert panel.count.text() == "1 présent(s)"
    assert window.dialogs.errors == []


def test_anonymise_the_workshop_from_the_file_menu(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Quartier").workshop_id
    participants.check_in(ctx, wid, name="Awa Diallo", category="usager", key="join-awa-00001")
    assert "A&nonymiser l'atelier…" in _menu_texts(window, "&Fichier")
    window.refresh_home()
    window.home.select(wid)
    window.dialogs.confirms.append(False)
    window.anonymise_action.trigger()
    assert [p.name for p in participants.attendees(ctx, wid)] == ["Awa Diallo"]
    assert "ne peut pas être annulé" in window.dialogs.asked[-1]
    window.dialogs.confirms.append(True)
    window.anonymise_action.trigger()
    assert [p.name for p in participants.attendees(ctx, wid)] == ["A. D."]
    assert "anonymisé" in window.statusBar().currentMessage()


def test_retention_at_start_up_says_so_without_stopping_her(make_window, qtbot):
    window = make_window()
    ctx = window.controller.ctx
    old = create_workshop(ctx, format_key="3h", title="Ancien").workshop_id
    update_details(ctx, old, start_date=date(date.today().year - 2, 3, 1))
    participants.check_in(ctx, old, name="Awa Diallo", category="usager", key="join-awa-00001")
    window.apply_retention()
    assert "1 atelier anonymisé" in window.statusBar().currentMessage()
    assert [p.name for p in participants.attendees(ctx, old)] == ["A. D."]
    assert window.dialogs.asked == [] and window.dialogs.errors == []  # nothing to answer


def test_the_personal_data_page_shows_the_real_places(make_window, qtbot, db_path):
    window = make_window()
    assert "&Données personnelles…" in _menu_texts(window, "&Aide")
    window.show_privacy()
    dialog = window.findChild(PrivacyDialog)
    assert dialog is not None
    text = dialog.page.toPlainText()
    assert str(db_path) in text and str(db_path.parent / "backups") in text
    assert "12 mois" in text and "Supprimer cette personne" in text
    assert secret_storage() in text  # the keyring, or the file when there is none
    dialog.close()

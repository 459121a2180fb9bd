"""'Exporter l'atelier (archive)…' and 'Importer un atelier…' in the File menu: the archive
written by one window is imported by another on a different database and selected on the home
view; a refused file shows the French message and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from app.ops.demo import TITLE, create_demo


def test_export_then_import_on_another_laptop(make_window, qtbot, tmp_path: Path):
    lab = make_window()
    wid = create_demo(lab.controller.ctx).workshop_id
    lab.refresh_home()
    lab.home.select(wid)
    out = tmp_path / "mobilite"
    lab.dialogs.saves.append(str(out))
    lab.archive_export_action.trigger()
    archive = tmp_path / "mobilite.json"
    assert lab.dialogs.asked == ["Exporter l'atelier (archive)"]
    assert str(archive) in lab.statusBar().currentMessage()
    assert (
        json.loads(archive.read_text(encoding="utf-8"))["tables"]["workshops"][0]["title"] == TITLE
    )

    away = make_window(tmp_path / "hors-les-murs.sqlite3")
    create_demo(away.controller.ctx)  # a workshop already there, with the same title
    away.refresh_home()
    before = {w.id for w in away.controller.workshops()}
    away.dialogs.opens.append(str(archive))
    away.archive_import_action.trigger()
    assert away.dialogs.asked == ["Importer un atelier"] and away.dialogs.errors == []
    (new,) = {w.id for w in away.controller.workshops()} - before
    assert away.stack.currentWidget() is away.home
    assert away.home.current_id() == new
    assert away.statusBar().currentMessage() == f"Atelier importé : « {TITLE} »"
    detail = away.controller.detail(new)
    original = lab.controller.detail(wid)
    assert detail is not None and original is not None
    assert detail.counts == original.counts and detail.counts["notes"] > 0


def test_a_refused_file_changes_nothing(make_window, tmp_path: Path):
    window = make_window()
    create_demo(window.controller.ctx)
    before = window.controller.workshops()
    damaged = tmp_path / "abime.json"
    damaged.write_text('{"format": "atelier-archive", "tables": {', encoding="utf-8")
    foreign = tmp_path / "autre.json"
    foreign.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    window.dialogs.opens += [str(damaged), str(foreign), None]
    for _ in range(3):
        window.archive_import_action.trigger()
    assert len(window.dialogs.errors) == 2
    assert "« abime.json » n'est pas une archive Atelier lisible" in window.dialogs.errors[0]
    assert (
        "Rien n'a été importé" in window.dialogs.errors[1] or "archive" in window.dialogs.errors[1]
    )
    assert window.controller.workshops() == before


def test_export_needs_a_workshop(make_window):
    window = make_window()
    window.archive_export_action.trigger()
    assert window.dialogs.asked == []
    assert window.statusBar().currentMessage() == "Ouvrez ou sélectionnez d'abord un atelier."


def test_importing_a_workshop_already_here_asks_replace_keep_both_or_cancel(
    make_window, tmp_path: Path
):
    window = make_window()
    wid = create_demo(window.controller.ctx).workshop_id
    window.refresh_home()
    window.home.select(wid)
    window.dialogs.saves.append(str(tmp_path / "mobilite"))
    window.archive_export_action.trigger()
    archive = str(tmp_path / "mobilite.json")

    def titles() -> list[tuple[int, str]]:
        return sorted((w.id, w.title) for w in window.controller.workshops())

    before = titles()
    # Annuler: nothing imported
    window.dialogs.opens.append(archive)
    window.dialogs.choices.append(None)
    window.archive_import_action.trigger()
    assert (
        f"La base contient déjà l'atelier « {TITLE} » de cette archive."
        in (window.dialogs.asked[-1])
    )
    assert titles() == before and window.dialogs.errors == []
    # Garder les deux: the import titled "… (copie)"
    window.dialogs.opens.append(archive)
    window.dialogs.choices.append("copy")
    window.archive_import_action.trigger()
    (copy,) = set(titles()) - set(before)
    assert copy[1] == f"{TITLE} (copie)" and window.home.current_id() == copy[0]
    # Remplacer: the original goes, the archive's takes its place, the copy stays
    window.dialogs.opens.append(archive)
    window.dialogs.choices.append("replace")
    window.archive_import_action.trigger()
    after = titles()
    assert (wid, TITLE) not in after and copy in after
    assert [t for _, t in after].count(TITLE) == 1 and len(after) == len(before) + 1
    assert window.home.current_id() == max(i for i, _ in after)
    assert window.dialogs.errors == []

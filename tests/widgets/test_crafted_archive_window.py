"""The window against crafted archives: its import refuses one with a French message and
changes nothing; a bad status already in the base does not break the home list."""

from __future__ import annotations

import json

from sqlalchemy import func, select, update

from app.ops import archive
from app.ops.archive import export_archive
from app.ops.workshops import create_workshop
from app.store.models import Workshop


def test_the_window_refuses_a_crafted_archive(make_window, tmp_path):
    window = make_window()
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Source").workshop_id
    data = export_archive(ctx, wid)
    data["tables"]["workshops"][0]["status"] = "pwned"
    data["sha256"] = archive._digest(data["tables"])  # resealed, as an attacker would
    path = tmp_path / "piege.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    count = ctx.db.read(lambda s: s.scalar(select(func.count(Workshop.id))))
    window.dialogs.opens.append(str(path))
    window.import_archive()
    assert len(window.dialogs.errors) == 1
    assert "workshops.status a une valeur inconnue (« pwned »)" in window.dialogs.errors[0]
    assert ctx.db.read(lambda s: s.scalar(select(func.count(Workshop.id)))) == count


def test_a_bad_status_in_the_base_leaves_the_home_list_whole(make_window, tmp_path):
    window = make_window()
    ctx = window.controller.ctx
    good = create_workshop(ctx, format_key="3h", title="Intact").workshop_id
    bad = create_workshop(ctx, format_key="3h", title="Abîmé").workshop_id
    ctx.db.write(lambda s: s.execute(update(Workshop).where(Workshop.id == bad)
                                     .values(status="pwned")))  # fmt: skip
    window.show_home()
    window.refresh_home()
    assert set(window.home.visible_ids()) == {good, bad}
    assert window.dialogs.errors == []
    window.open_workshop(bad)  # its page opens too
    assert window.dialogs.errors == []

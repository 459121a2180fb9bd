"""The join code belongs to the workshop: a poster printed the day before works for every séance
until the code is renewed on purpose; an older file gets its workshops' codes on upgrade."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from store_helpers import older_store

from app.domain.join_code import ALPHABET, LENGTH
from app.ops import live
from app.ops.archive import export_archive, import_archive
from app.ops.base import Context
from app.ops.workshops import create_workshop, duplicate_workshop
from app.store.db import Database, head_revision
from app.store.models import Workshop


def _valid(code: str) -> bool:
    return len(code) == LENGTH and set(code) <= set(ALPHABET)


def test_a_new_workshop_has_a_code_before_any_seance(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    assert _valid(live.join_code(ctx, wid))
    assert live.door(ctx, wid) == ("absent", "")  # phones still wait for the séance


def test_the_code_survives_a_seance_ended_and_started_again(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    printed = live.join_code(ctx, wid)  # the poster, the day before
    live.start_session(ctx, wid)
    assert live.door(ctx, wid) == ("open", printed)
    live.end_session(ctx, wid)
    assert live.door(ctx, wid) == ("ended", "")
    live.start_session(ctx, wid)
    assert live.door(ctx, wid) == ("open", printed)


def test_renewing_the_code_on_purpose(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    other = create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    assert other is not None
    old, others = live.join_code(ctx, wid), live.join_code(ctx, other)
    live.start_session(ctx, wid)
    change = live.renew_join_code(ctx, wid)
    new = live.join_code(ctx, wid)
    assert _valid(new) and new != old
    assert live.door(ctx, wid) == ("open", new)  # the open séance takes the new one at once
    assert live.join_code(ctx, other) == others
    assert change.workshop_id == wid


def test_a_copy_gets_a_code_of_its_own(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    code = live.join_code(ctx, wid)
    archive = export_archive(ctx, wid)
    assert "join_code" not in archive["tables"]["workshops"][0]  # posters are the host's
    imported = import_archive(ctx, archive).workshop_id
    copied = duplicate_workshop(ctx, wid).workshop_id
    assert imported is not None and copied is not None
    codes = {code, live.join_code(ctx, imported), live.join_code(ctx, copied)}
    assert len(codes) == 3 and all(_valid(c) for c in codes)


def test_an_older_file_upgrades_keeping_the_last_seance_code(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = older_store(path, "0010")
    with old.engine.begin() as conn:
        ids = []
        for title in ("Avec séance", "Sans séance"):
            ids.append(
                conn.execute(
                    text(
                        "INSERT INTO workshops (title, format_key, status, cadrage, place,"
                        " block_label, block_minutes, board_scope, phone_notes, created_at,"
                        " updated_at) VALUES (:t, '3h', 'draft', '{}', '', 'Séance', 180,"
                        " 'phase', 'inbox', 0, 0) RETURNING id"
                    ),
                    {"t": title},
                ).scalar_one()
            )
        block = conn.execute(
            text(
                "INSERT INTO blocks (workshop_id, number, title) VALUES (:w, 1, 'S') RETURNING id"
            ),
            {"w": ids[0]},
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO live_timers (workshop_id, block_id, state, planned, remaining,"
                " session_start, join_code) VALUES (:w, :b, 'paused', 0, 0, 0, 'QRSTV')"
            ),
            {"w": ids[0], "b": block},
        )
    old.close()

    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        codes = db.read(lambda s: [s.get(Workshop, i).join_code for i in ids])
        assert codes[0] == "QRSTV"  # the printed posters of the last séance still work
        assert _valid(codes[1])
        assert live.door(Context(db), ids[0]) == ("open", "QRSTV")  # its séance goes on
    finally:
        db.close()

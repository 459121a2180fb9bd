"""The pairing code in the base (app/ops/pairing.py), on SQLite and PostgreSQL: one code per
séance whoever asks, a new one for the next séance, after a revocation or when the lead asks,
and a workshop deleted with its code."""

from __future__ import annotations

from pathlib import Path

from store_helpers import older_store

from app.ops import cofac, live, pairing, workshops
from app.ops.base import Context
from app.store.db import Database, head_revision
from app.store.models import PairingCode


def test_one_code_per_seance_in_the_base(ctx: Context) -> None:
    wid = workshops.create_workshop(ctx, format_key="3h", title="Deux salles").workshop_id
    assert wid is not None
    assert pairing.current_code(ctx, wid) == ""  # no séance open: no code
    live.start_session(ctx, wid)
    code = pairing.current_code(ctx, wid)
    assert len(code) == 6 and code.isdigit() and pairing.current_code(ctx, wid) == code
    other = Context(ctx.db)  # another server of the same base
    assert pairing.current_code(other, wid) == code
    # a revocation blanks it: the next one asked for is new
    laptop = cofac.pair(ctx, wid, name="Camille", device_key="laptop-key-0001")
    cofac.revoke(ctx, wid, laptop.info.id)
    renewed = pairing.current_code(ctx, wid)
    assert renewed not in ("", code)
    # the lead asks for a new one: the old one stops working everywhere
    again = pairing.renew_code(ctx, wid)
    assert again not in ("", renewed) and pairing.current_code(other, wid) == again
    renewed = again
    # the séance ends: the code expires; the next séance has its own
    live.end_session(ctx, wid)
    assert pairing.current_code(ctx, wid) == ""
    live.start_session(ctx, wid)
    assert pairing.current_code(ctx, wid) not in ("", renewed)
    # the workshop goes, its code with it
    workshops.delete_workshop(ctx, wid)
    assert ctx.db.read(lambda s: s.query(PairingCode).count()) == 0


def test_a_0015_file_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = older_store(path, "0015")
    old.close()
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        ctx = Context(db)
        wid = workshops.create_workshop(ctx, format_key="3h", title="Après").workshop_id
        assert wid is not None
        live.start_session(ctx, wid)
        assert len(pairing.current_code(ctx, wid)) == 6
    finally:
        db.close()

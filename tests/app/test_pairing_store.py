"""The pairing code and its lockout in the base (app/ops/pairing.py), on SQLite and PostgreSQL:
one code per séance whoever asks, a new one for the next séance or after a revocation, wrong
codes counted in the base, and a workshop deleted with its code."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from app.ops import cofac, live, pairing, workshops
from app.ops.base import Context
from app.store.db import MIGRATIONS, Database, head_revision
from app.store.models import PairingCode


def test_one_code_per_seance_counted_and_locked_in_the_base(ctx: Context) -> None:
    wid = workshops.create_workshop(ctx, format_key="3h", title="Deux salles").workshop_id
    assert wid is not None
    assert pairing.current_code(ctx, wid) == ""  # no séance open: no code
    live.start_session(ctx, wid)
    code = pairing.current_code(ctx, wid)
    assert len(code) == 6 and code.isdigit() and pairing.current_code(ctx, wid) == code
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    verdicts = [pairing.check_code(ctx, wid, wrong, 1000.0 + n).outcome for n in range(5)]
    assert verdicts == [pairing.WRONG] * 4 + [pairing.LOCKED]
    assert pairing.locked_until(ctx, wid) == 1004.0 + pairing.LOCK_SECONDS
    assert pairing.check_code(ctx, wid, code, 1060.0).outcome == pairing.LOCKED
    assert pairing.check_code(ctx, wid, f" {code[:3]} {code[3:]} ", 1065.0).outcome == pairing.RIGHT
    # a revocation blanks it: the next one asked for is new
    laptop = cofac.pair(ctx, wid, name="Camille", device_key="laptop-key-0001")
    cofac.revoke(ctx, wid, laptop.info.id)
    renewed = pairing.current_code(ctx, wid)
    assert renewed not in ("", code)
    assert pairing.check_code(ctx, wid, code, 2000.0).outcome == pairing.WRONG
    # the séance ends: the code expires; the next séance has its own
    live.end_session(ctx, wid)
    assert pairing.current_code(ctx, wid) == ""
    assert pairing.check_code(ctx, wid, renewed, 2001.0).outcome == pairing.EXPIRED
    live.start_session(ctx, wid)
    assert pairing.current_code(ctx, wid) not in ("", renewed)
    # the workshop goes, its code with it
    workshops.delete_workshop(ctx, wid)
    assert ctx.db.read(lambda s: s.query(PairingCode).count()) == 0


def test_a_0014_file_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = Database.open(path, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0014")
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

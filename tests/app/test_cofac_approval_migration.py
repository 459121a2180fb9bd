"""The co-facilitation approval and token expiry columns: a base from before them upgrades,
and the laptops paired then keep working (approved, no expiry of their own)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from store_helpers import older_store

from app.ops import cofac
from app.ops.base import Context
from app.store.db import Database, head_revision


def test_a_0014_file_upgrades_and_its_laptops_stay_approved(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = older_store(path, "0014")
    token = "x" * 43
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workshops (title, format_key, status, cadrage, place, block_label,"
                " block_minutes, board_scope, phone_notes, join_code, created_at, updated_at)"
                " VALUES ('Avant', '3h', 'draft', '{}', '', 'Séance', 180, 'phase', 'inbox',"
                " 'ABCDE', 0, 0)"
            )
        )
        conn.execute(text(
            "INSERT INTO cofacilitators (workshop_id, name, role, device_key, token_hash,"
            " revoked, created_at) VALUES (1, 'Camille', 'scribe', 'laptop-0001', :hash, 0, 0)"
        ), {"hash": cofac.token_hash(token)})  # fmt: skip
    old.close()
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        ctx = Context(db)
        found = cofac.by_token(ctx, 1, token)
        assert found is not None and found.approved and found.expires == 0.0
        # a laptop paired from now on waits for the lead, and its token expires
        new = cofac.pair(ctx, 1, name="Sacha", device_key="laptop-0002")
        assert not new.info.approved
        assert new.info.expires > ctx.clock()
        cofac.approve(ctx, 1, new.info.id)
        approved = cofac.by_token(ctx, 1, new.token)
        assert approved is not None and approved.approved
    finally:
        db.close()

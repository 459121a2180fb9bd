"""`queries.last_seq`: what a phone's socket is told on connecting, read alone."""

from __future__ import annotations

from app.ops import live, notes, participants, queries
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database


def test_last_seq_is_the_workshops_latest_journal_entry(tmp_path):
    ctx = Context(Database.open(tmp_path / "seq.sqlite3"))
    try:
        first = create_workshop(ctx, format_key="3h", title="Un").workshop_id
        other = create_workshop(ctx, format_key="3h", title="Deux").workshop_id
        assert first is not None and other is not None
        assert queries.last_seq(ctx, first) == queries.workshop_detail(ctx, first).last_seq > 0
        live.start_session(ctx, first)
        pid = participants.check_in(ctx, first, name="A", category="usager", key="join-a-0001")
        notes.post_note(ctx, first, pid.participant_id, text="Idée", key="note-a-000001")
        assert queries.last_seq(ctx, first) == queries.workshop_detail(ctx, first).last_seq
        assert queries.last_seq(ctx, other) == queries.workshop_detail(ctx, other).last_seq
        assert queries.last_seq(ctx, other) < queries.last_seq(ctx, first)
        assert queries.last_seq(ctx, 999) == 0
    finally:
        ctx.db.close()

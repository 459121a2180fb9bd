"""the séance's join code, kept with its timer row so that a restart shows the same one

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("live_timers") as batch:
        batch.add_column(
            sa.Column("join_code", sa.String(length=8), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("live_timers") as batch:
        batch.drop_column("join_code")

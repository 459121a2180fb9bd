"""phases remember the time left when a séance moves away from them

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 13:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("phases") as batch:
        batch.add_column(sa.Column("left_remaining", sa.Float(), nullable=True))
        batch.add_column(sa.Column("left_planned", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("phases") as batch:
        batch.drop_column("left_planned")
        batch.drop_column("left_remaining")

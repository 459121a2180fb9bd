"""a répétition: a copy of a workshop run with simulated phones, never counted in the bilan

Revision ID: 0012
Revises: 0010 (set to 0011 when merged after workshops.join_code)
Create Date: 2026-12-01 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("rehearsal_of", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("rehearsal_of")

"""pairing codes in the base: one co-facilitation pairing code per séance, shared by every
server of a base (several `atelier serve` on one PostgreSQL)

Revision ID: 0016
Revises: 0015
Create Date: 2027-02-01 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pairing_codes",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("seance", sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_pairing_codes_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workshop_id", name="pk_pairing_codes"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("pairing_codes")

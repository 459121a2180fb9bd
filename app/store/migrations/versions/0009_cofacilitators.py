"""co-facilitation: paired laptops and their roles; a replica's sync point and outbox

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cofacilitators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("device_key", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_cofacilitators_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cofacilitators")),
    )
    op.create_index(op.f("ix_cofacilitators_workshop_id"), "cofacilitators", ["workshop_id"])
    op.create_index(op.f("ix_cofacilitators_token_hash"), "cofacilitators", ["token_hash"])
    op.create_table(
        "replica_state",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("host_url", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("synced_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", name=op.f("pk_replica_state")),
    )
    op.create_table(
        "cofac_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=60), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cofac_outbox")),
        sa.UniqueConstraint("key", name=op.f("uq_cofac_outbox_key")),
    )
    op.create_index(op.f("ix_cofac_outbox_workshop_id"), "cofac_outbox", ["workshop_id"])
    op.create_index(op.f("ix_cofac_outbox_status"), "cofac_outbox", ["status"])


def downgrade() -> None:
    op.drop_table("cofac_outbox")
    op.drop_table("replica_state")
    op.drop_table("cofacilitators")

"""capitalisation: the facilitator's retours d'expérience on the methods she used

`method_reviews`: after a séance, for a method of its agenda, what worked, what to change and
a rating from 1 to 5; the method library and the bilan read them back. `custom_formats`: the
formats facilitators save from a workshop, in the base (a shared PostgreSQL base shares them).

Revision ID: 0014
Revises: 0013
Create Date: 2027-01-20 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "method_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("method_key", sa.String(60), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("worked", sa.Text(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_method_reviews_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"], ["phases.id"], name="fk_method_reviews_phase_id_phases",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_method_reviews"),
    )  # fmt: skip
    op.create_index("ix_method_reviews_workshop_id", "method_reviews", ["workshop_id"])
    op.create_index("ix_method_reviews_method_key", "method_reviews", ["method_key"])
    op.create_table(
        "custom_formats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_custom_formats"),
        sa.UniqueConstraint("key", name="uq_custom_formats_key"),
    )


def downgrade() -> None:
    op.drop_table("custom_formats")
    op.drop_table("method_reviews")

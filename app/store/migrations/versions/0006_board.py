"""the board: private writing and template per phase, scope and arrivals per workshop

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("phases") as batch:
        batch.add_column(
            sa.Column("private_writing", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("board_template", sa.String(40), nullable=True))
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(
            sa.Column("board_scope", sa.String(10), nullable=False, server_default="phase")
        )
        batch.add_column(
            sa.Column("phone_notes", sa.String(10), nullable=False, server_default="inbox")
        )
    op.create_index("ix_notes_workshop_phase", "notes", ["workshop_id", "phase_id"])


def downgrade() -> None:
    op.drop_index("ix_notes_workshop_phase", "notes")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("phone_notes")
        batch.drop_column("board_scope")
    with op.batch_alter_table("phases") as batch:
        batch.drop_column("board_template")
        batch.drop_column("private_writing")

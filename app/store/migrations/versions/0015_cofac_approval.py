"""co-facilitation least privilege: a laptop waits for the lead's approval, its token expires

`cofacilitators.approved`: a newly paired laptop gets no data until the lead approves it (the
laptops paired before this revision keep working: approved). `cofacilitators.token_expires`:
when its token stops working (the host's wall clock; 0 for the laptops paired before).

Revision ID: 0015
Revises: 0014
Create Date: 2027-01-25 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cofacilitators") as batch:
        batch.add_column(
            sa.Column("approved", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("token_expires", sa.Float(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("cofacilitators") as batch:
        batch.drop_column("token_expires")
        batch.drop_column("approved")

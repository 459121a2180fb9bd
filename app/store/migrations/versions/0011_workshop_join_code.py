"""the join code belongs to the workshop, so that a poster printed the day before still works
after a séance is ended and started again

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 09:00:00
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# app/domain/join_code.py as it was when this migration was written (a migration never changes)
_ALPHABET = "23456789BCDFGHJKMNPQRSTVWXYZ"


def _new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(5))


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(
            sa.Column("join_code", sa.String(length=8), nullable=False, server_default="")
        )
    conn = op.get_bind()
    # each workshop keeps the code of its latest séance (one timer row each), else a new one
    kept: dict[int, str] = dict(
        conn.execute(
            sa.text("SELECT workshop_id, join_code FROM live_timers WHERE join_code <> ''")
        ).all()
    )
    for (workshop_id,) in conn.execute(sa.text("SELECT id FROM workshops")).all():
        conn.execute(
            sa.text("UPDATE workshops SET join_code = :code WHERE id = :id"),
            {"code": kept.get(workshop_id) or _new_code(), "id": workshop_id},
        )
    with op.batch_alter_table("live_timers") as batch:
        batch.drop_column("join_code")


def downgrade() -> None:
    with op.batch_alter_table("live_timers") as batch:
        batch.add_column(
            sa.Column("join_code", sa.String(length=8), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE live_timers SET join_code = "
        "(SELECT join_code FROM workshops WHERE workshops.id = live_timers.workshop_id)"
    )
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("join_code")

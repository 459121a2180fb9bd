"""from ideas to decisions to projects: post-its' fates, real actions, followed chantiers

Actions get a status (a_faire, en_cours, fait, abandonnee; the old `done` becomes fait or
a_faire) and a participant; chantiers an owner, partners, dates, a progress and a timeline
(`project_entries`), their statuses renamed (incubation → en_incubation…); `note_fates` says
what became of each post-it after the votes.

Revision ID: 0013
Revises: 0012
Create Date: 2027-01-10 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

RENAMED = {
    "incubation": "en_incubation",
    "experimentation": "en_experimentation",
    "deploiement": "en_deploiement",
}


def upgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.add_column(
            sa.Column("status", sa.String(20), nullable=False, server_default="a_faire")
        )
        batch.add_column(sa.Column("participant_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_actions_participant_id_participants",
            "participants",
            ["participant_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(sa.text("UPDATE actions SET status = CASE WHEN done THEN 'fait' ELSE 'a_faire' END"))
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("done")

    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("owner", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("partners", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("start_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("target_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("progress", sa.Integer(), nullable=False, server_default="0"))
        batch.create_index("ix_projects_status", ["status"])
    for old, new in RENAMED.items():
        op.execute(
            sa.text("UPDATE projects SET status = :new WHERE status = :old").bindparams(
                old=old, new=new
            )
        )

    op.create_table(
        "project_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name="fk_project_entries_project_id_projects",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_project_entries"),
    )
    op.create_index("ix_project_entries_project_id", "project_entries", ["project_id"])

    op.create_table(
        "note_fates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("fate", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_note_fates_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_note_fates_note_id_notes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["merged_into"], ["notes.id"], name="fk_note_fates_merged_into_notes",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["action_id"], ["actions.id"], name="fk_note_fates_action_id_actions",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_note_fates_project_id_projects",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["vote_rounds.id"], name="fk_note_fates_round_id_vote_rounds",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_note_fates"),
        sa.UniqueConstraint("note_id", name="uq_note_fates_note_id"),
    )  # fmt: skip
    op.create_index("ix_note_fates_workshop_id", "note_fates", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("note_fates")
    op.drop_table("project_entries")
    for old, new in RENAMED.items():
        op.execute(
            sa.text("UPDATE projects SET status = :old WHERE status = :new").bindparams(
                old=old, new=new
            )
        )
    with op.batch_alter_table("projects") as batch:
        batch.drop_index("ix_projects_status")
        for column in ("progress", "target_date", "start_date", "partners", "owner"):
            batch.drop_column(column)
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("done", sa.Boolean(), nullable=False, server_default="0"))
    op.execute(sa.text("UPDATE actions SET done = (status = 'fait')"))
    with op.batch_alter_table("actions") as batch:
        batch.drop_constraint("fk_actions_participant_id_participants", type_="foreignkey")
        batch.drop_column("participant_id")
        batch.drop_column("status")

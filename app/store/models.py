"""SQLAlchemy 2 models. Timestamps are UTC epoch seconds (float), dates are `date`."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.join_code import new_code

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _fk(target: str) -> Any:
    return ForeignKey(target, ondelete="CASCADE")


class Workshop(Base):
    __tablename__ = "workshops"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    format_key: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    cadrage: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    place: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    block_label: Mapped[str] = mapped_column(String(40), default="Séance")
    block_minutes: Mapped[int] = mapped_column(Integer, default=180)
    board_scope: Mapped[str] = mapped_column(String(10), default="phase")  # phase, workshop
    phone_notes: Mapped[str] = mapped_column(String(10), default="inbox")  # inbox, board
    # what phones type (or carry in the QR code's address) to check in: the workshop's own, so
    # a poster printed the day before works for every séance until renewed on purpose
    join_code: Mapped[str] = mapped_column(String(8), default=new_code, server_default="")
    # a répétition (a séance run with simulated phones to practise): the id of the workshop it
    # copies; never counted in the bilan. Not a foreign key: an archived or copied rehearsal
    # stays one even where its original is not
    rehearsal_of: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)

    blocks: Mapped[list[Block]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Block.number",
    )
    programme: Mapped[Programme | None] = relationship(
        back_populates="workshop", cascade="all, delete-orphan", passive_deletes=True
    )


class Programme(Base):
    """A programme of several sessions (the blocks of a 3 mois workshop) and milestones."""

    __tablename__ = "programmes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), unique=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    workshop: Mapped[Workshop] = relationship(back_populates="programme")
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Milestone.week"
    )


class Milestone(Base):
    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(_fk("programmes.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    week: Mapped[int] = mapped_column(Integer)
    done_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class Block(Base):
    """One day (3 jours), one séance (3 mois), or the whole half-day (3 heures)."""

    __tablename__ = "blocks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day: Mapped[date | None] = mapped_column(Date, nullable=True)
    workshop: Mapped[Workshop] = relationship(back_populates="blocks")
    phases: Mapped[list[Phase]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Phase.position"
    )


class Phase(Base):
    __tablename__ = "phases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    block_id: Mapped[int] = mapped_column(_fk("blocks.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    method_key: Mapped[str | None] = mapped_column(String(60), nullable=True)
    planned_minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="work")
    instructions: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    actual_start: Mapped[float | None] = mapped_column(Float, nullable=True)
    actual_end: Mapped[float | None] = mapped_column(Float, nullable=True)
    # when a séance leaves the phase before its end: what was left, and its (adjusted) length
    left_remaining: Mapped[float | None] = mapped_column(Float, nullable=True)
    left_planned: Mapped[float | None] = mapped_column(Float, nullable=True)
    # the board: "écriture individuelle" hides phones' post-its until revealed; a template key
    private_writing: Mapped[bool] = mapped_column(Boolean, default=False)
    board_template: Mapped[str | None] = mapped_column(String(40), nullable=True)


class CustomMethod(Base):
    """A method a facilitator added to her library (the shipped ones live in formats/)."""

    __tablename__ = "methods"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[float] = mapped_column(Float)


class CustomFormat(Base):
    """A format a facilitator saved from a workshop ("Enregistrer comme format…"): in the base,
    so a shared PostgreSQL base shares it (the shipped ones live in formats/)."""

    __tablename__ = "custom_formats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the Format, as JSON
    saved_at: Mapped[float] = mapped_column(Float)


class Participant(Base):
    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(20))  # public, prive, association, usager
    consent_named: Mapped[bool] = mapped_column(Boolean, default=False)
    token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class CheckIn(Base):
    __tablename__ = "checkins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(_fk("participants.id"), index=True)
    block_id: Mapped[int | None] = mapped_column(_fk("blocks.id"), nullable=True)
    at: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(10), default="phone")  # phone, manual


class Cluster(Base):
    __tablename__ = "clusters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    color: Mapped[str] = mapped_column(String(20), default="jaune")
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False)


class Note(Base):
    """A post-it."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_workshop_phase", "workshop_id", "phase_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", ondelete="SET NULL"), nullable=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), nullable=True, index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True
    )
    author: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text)
    color: Mapped[str] = mapped_column(String(20), default="jaune")
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)


class VoteRound(Base):
    __tablename__ = "vote_rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # dots, points, majority, criteria
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [["note", id], ["cluster", id]]
    status: Mapped[str] = mapped_column(String(10), default="open")
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    opened_at: Mapped[float] = mapped_column(Float)
    closed_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class Vote(Base):
    """One participant's allocation to one item (and criterion), a row of its own."""

    __tablename__ = "votes"
    __table_args__ = (
        UniqueConstraint(
            "round_id", "voter", "item_type", "item_id", "criterion", name="uq_votes_ballot"
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(_fk("vote_rounds.id"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True
    )
    voter: Mapped[str] = mapped_column(String(80))  # "p:<participant id>" or "paper:<n>"
    item_type: Mapped[str] = mapped_column(String(10))
    item_id: Mapped[int] = mapped_column(Integer)
    criterion: Mapped[str] = mapped_column(String(60), default="")
    value: Mapped[int] = mapped_column(Integer)
    paper: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[float] = mapped_column(Float)


class VoteBallot(Base):
    """One voter's ballot in a round (its votes are the `Vote` rows of the same voter):
    who voted, when, whether they said "J'ai fini", and whether it is a paper count."""

    __tablename__ = "vote_ballots"
    __table_args__ = (UniqueConstraint("round_id", "voter", name="uq_vote_ballots_voter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(_fk("vote_rounds.id"), index=True)
    voter: Mapped[str] = mapped_column(String(80))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True
    )
    paper: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str] = mapped_column(String(120), default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[float] = mapped_column(Float)


class VoteCount(Base):
    """The live tally, kept in the ballot's transaction: how many ballots of a round gave
    `value` to an item (and criterion). Always equal to what the `Vote` rows add up to."""

    __tablename__ = "vote_counts"
    round_id: Mapped[int] = mapped_column(_fk("vote_rounds.id"), primary_key=True)
    item_type: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    criterion: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, primary_key=True)
    ballots: Mapped[int] = mapped_column(Integer, default=0)


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    rating: Mapped[int] = mapped_column(Integer)
    keep: Mapped[str] = mapped_column(Text, default="")
    improve: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[float] = mapped_column(Float)


ACTION_STATUSES = ("a_faire", "en_cours", "fait", "abandonnee")


class Action(Base):
    """A line of the action plan: what, who (a participant or free text), by when, status."""

    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200), default="")
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True
    )
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="a_faire", server_default="a_faire")


class Project(Base):
    """A chantier: an idea promoted to be worked on and followed through incubation."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="idee", index=True)
    source_note_id: Mapped[int | None] = mapped_column(
        ForeignKey("notes.id", ondelete="SET NULL"), nullable=True
    )
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # organisations among the cadrage's partners, as the cadrage spells them
    partners: Mapped[list[Any]] = mapped_column(JSON, default=list)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    progress: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # 0–100
    created_at: Mapped[float] = mapped_column(Float)


class ProjectEntry(Base):
    """A dated line of a chantier's timeline ("comité du 12 mars : financement acquis")."""

    __tablename__ = "project_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(_fk("projects.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)


class NoteFate(Base):
    """What became of a post-it after the votes (no row: nothing decided yet): `retenue`
    (linked to the action or chantier it became), `fusionnee` (with another post-it) or
    `mise_de_cote` (with an optional reason). The vote it came from (round, rank, score) is
    kept with it when a promotion set it."""

    __tablename__ = "note_fates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    note_id: Mapped[int] = mapped_column(_fk("notes.id"), unique=True)
    fate: Mapped[str] = mapped_column(String(20))  # retenue, fusionnee, mise_de_cote
    reason: Mapped[str] = mapped_column(Text, default="")
    merged_into: Mapped[int | None] = mapped_column(
        ForeignKey("notes.id", ondelete="SET NULL"), nullable=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), nullable=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), nullable=True
    )
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("vote_rounds.id", ondelete="SET NULL"), nullable=True
    )
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    at: Mapped[float] = mapped_column(Float)


class Photo(Base):
    """A picture she attaches to the workshop (a paper board, the room): the compte-rendu's
    annexe shows it. Kept as a JPEG already turned upright and scaled for the page; a removed
    photo stays (hidden) so that undo can bring it back."""

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(String(300), default="")
    filename: Mapped[str] = mapped_column(String(255), default="")
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[float] = mapped_column(Float)


class MethodReview(Base):
    """A retour d'expérience: after a séance, what the facilitator says of a method she used
    (what worked, what to change, a rating from 1 to 5). Capitalisation reads them back."""

    __tablename__ = "method_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", ondelete="SET NULL"), nullable=True
    )
    method_key: Mapped[str] = mapped_column(String(60), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    worked: Mapped[str] = mapped_column(Text, default="")
    change: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[float] = mapped_column(Float)


class JournalEntry(Base):
    """The operation journal: audit trail, undo/redo, and what replicas replay.

    `forward` and `inverse` are lists of [mutation, arguments] pairs; applying
    `inverse` undoes the entry, applying `forward` again redoes it.
    """

    __tablename__ = "journal"
    __table_args__ = (
        Index("ix_journal_workshop_seq", "workshop_id", "seq"),
        # undo, redo and the redo rule look up entries by state: keep it an index lookup
        Index("ix_journal_workshop_undo", "workshop_id", "undo_state"),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workshop_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[float] = mapped_column(Float)
    actor: Mapped[str] = mapped_column(String(120))
    op: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(200), default="")
    forward: Mapped[list[Any]] = mapped_column(JSON, default=list)
    inverse: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    undo_state: Mapped[str] = mapped_column(String(10), default="")  # "", done, undone, dead


class LiveTimer(Base):
    """The running séance's timer, one row per workshop (see app/domain/timer.py)."""

    __tablename__ = "live_timers"
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), primary_key=True)
    block_id: Mapped[int] = mapped_column(_fk("blocks.id"))
    phase_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    state: Mapped[str] = mapped_column(String(10))
    planned: Mapped[float] = mapped_column(Float)
    remaining: Mapped[float] = mapped_column(Float)
    deadline: Mapped[float | None] = mapped_column(Float, nullable=True)
    session_start: Mapped[float] = mapped_column(Float)


class IdempotentRequest(Base):
    """The first answer to a write that a phone or a laptop may retry.

    A retry carrying the same key gets this answer back instead of writing twice.
    """

    __tablename__ = "idempotent_requests"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    actor: Mapped[str] = mapped_column(String(120))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[float] = mapped_column(Float)


class PairingCode(Base):
    """The séance's co-facilitation pairing code, one row per workshop: in the base, so that
    every server of a shared PostgreSQL base shows the same code (app/ops/pairing.py). Never
    copied: laptops pair again."""

    __tablename__ = "pairing_codes"
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), default="")  # "" once revoked: a new one next
    seance: Mapped[str] = mapped_column(String(60), default="")  # the séance it was made for


class CoFacilitator(Base):
    """A second laptop paired with a workshop's séance, and the role the lead gave it.

    Its credential is a random token; only its SHA-256 is kept (`token_hash`), and replicas
    get the row without it. `revoked` stops the token at once. A new laptop is not
    `approved`: it gets no data until the lead approves it. Its token stops working at
    `token_expires` (the host's wall clock; 0: the end of its séance only).
    """

    __tablename__ = "cofacilitators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(_fk("workshops.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))  # coanimateur, gardien, scribe, observateur
    device_key: Mapped[str] = mapped_column(String(64), default="")
    token_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)
    approved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=true())
    token_expires: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")


class ReplicaState(Base):
    """On a co-facilitator laptop: which host a replicated workshop comes from, the host's
    journal sequence its rows reflect (written in the same transaction as the rows)."""

    __tablename__ = "replica_state"
    workshop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host_url: Mapped[str] = mapped_column(String(200), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    synced_at: Mapped[float] = mapped_column(Float, default=0.0)


class OutboxItem(Base):
    """On a co-facilitator laptop: an operation waiting to be sent to the host, once.

    `key` is the idempotency key the host remembers, so a resent item never applies twice;
    `status` is pending, done or refused (with the host's French `message`).
    """

    __tablename__ = "cofac_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    workshop_id: Mapped[int] = mapped_column(Integer, index=True)
    op: Mapped[str] = mapped_column(String(60))
    args: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)

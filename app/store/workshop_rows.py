"""A whole workshop's rows, table by table: the one description both copies of a workshop use.

The JSON archive (`app.ops.archive`: a workshop moved to another laptop, under new ids) and a
co-facilitator's replica (`app.ops.replica`: the host's rows, under the same ids) both read a
workshop through `TABLES`. For every table of `Base.metadata` it says:

- which of its rows belong to a workshop (`scope`: the column that leads to the workshop);
- every column it carries (`columns`), and which ones are secrets that never leave the host
  (`secret`, with the value a replica gets in their place; the archive leaves them out);
- the ids held in columns that are not foreign keys (`ids_inside`: vote items, voters, the
  timer's phase), which the archive renumbers and which order the inserts;
- which copy leaves the table out, and why (`left_out_of`);

and `LOCAL` lists the tables that are no workshop's rows at all (this laptop's machinery).
`tables_for(use)` gives a copy's tables parents first (foreign keys, then `ids_inside`), the
order rows are inserted in; `encode` / `decode` turn values into JSON and back.

A new table or column fails `tests/app/test_workshop_rows.py` until it is described here.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

from sqlalchemy import Column, Date, LargeBinary, Select, Table, select
from sqlalchemy.sql.util import sort_tables

from app.store.models import Base

Use = Literal["archive", "replica"]
ARCHIVE: Use = "archive"
REPLICA: Use = "replica"
USES: tuple[Use, ...] = (ARCHIVE, REPLICA)

# Tables that hold no workshop's rows: what this laptop keeps for itself.
LOCAL: Mapping[str, str] = {
    "journal": "the history: undo on this laptop; a replica stores the host's entries itself",
    "idempotent_requests": "the first answers to retried writes, this server's own",
    "replica_state": "which host a co-facilitator's copy follows",
    "cofac_outbox": "a co-facilitator's operations waiting to be sent",
    "pairing_codes": "the séance's co-facilitation pairing code, shared by the servers of one "
    "base; never copied (a secret; laptops pair again with a copy)",
    "custom_formats": "the formats facilitators saved: the library's, no workshop's (a shared "
    "PostgreSQL base shares them; a workshop made from one keeps its agenda, not the format)",
}

_TIMER = "the running séance's timer stays on its laptop (a takeover brings it along itself)"
_PHOTOS = (
    "photos stay on the host: the compte-rendu with its photos is made there, and megabytes "
    "of pictures in every snapshot (phones' writes call for one) would choke the room's Wi-Fi"
)


@dataclass(frozen=True, slots=True)
class WorkshopTable:
    """How one table's rows are part of a workshop."""

    name: str
    # every column it carries (the secrets aside), space separated, in any order
    carried: str
    # the column that leads to the workshop: "id" (the workshop itself), "workshop_id", or a
    # foreign key to a table that is scoped itself; None: every row (the methods library)
    scope: str | None
    secret: Mapping[str, Any] = field(default_factory=dict)  # column → what a replica gets
    ids_inside: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # → tables
    left_out_of: Mapping[Use, str] = field(default_factory=dict)  # use → why
    hidden_when: str = ""  # a boolean column: its rows that are true are not copied

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]

    @property
    def columns(self) -> tuple[str, ...]:
        """The carried columns, in the table's order."""
        carried = set(self.carried.split())
        return tuple(c.name for c in self.table.columns if c.name in carried)

    @property
    def refs(self) -> dict[str, str]:
        """Carried columns that are foreign keys: {column: the table its id refers to}."""
        return {
            c.name: next(iter(c.foreign_keys)).column.table.name
            for c in self.table.columns
            if c.foreign_keys and c.name in self.columns
        }

    def rows(self, workshop_id: int) -> Select[Any]:
        """The workshop's rows of this table (every column), in primary key order."""
        table = self.table
        query = select(table)
        if self.scope is not None:
            query = query.where(_scope(self.name, workshop_id))
        if self.hidden_when:  # a removed photo only waits for an undo
            query = query.where(table.c[self.hidden_when].is_(False))
        return query.order_by(*table.primary_key.columns)


def _scope(name: str, workshop_id: int) -> Any:
    """The condition that keeps the rows of table `name` that belong to the workshop."""
    rule = BY_NAME[name]
    table = rule.table
    if rule.scope == "id":
        return table.c.id == workshop_id
    if rule.scope == "workshop_id":
        return table.c.workshop_id == workshop_id
    assert rule.scope is not None
    column = table.c[rule.scope]
    parent = next(iter(column.foreign_keys)).column.table
    return column.in_(select(parent.c.id).where(_scope(parent.name, workshop_id)))


W = "workshop_id"
TABLES: tuple[WorkshopTable, ...] = (
    WorkshopTable("workshops", "id title format_key status cadrage place start_date block_label "
                  "block_minutes board_scope phone_notes rehearsal_of created_at updated_at", "id",
                  secret={"join_code": ""}),  # printed on the posters: a copy gets its own
    WorkshopTable("programmes", "id workshop_id start_date", W),
    WorkshopTable("milestones", "id programme_id title week done_at", "programme_id"),
    WorkshopTable("blocks", "id workshop_id number title week day", W),
    WorkshopTable("phases", "id workshop_id block_id position title method_key planned_minutes "
                  "kind instructions notes actual_start actual_end left_remaining left_planned "
                  "private_writing board_template", W),
    WorkshopTable(
        "methods", "id key data created_at", None,
        left_out_of={ARCHIVE: "in the archive's own 'methods' list: the key and data of the "
                     "methods its agenda uses (one of the same key already there is kept)"},
    ),
    WorkshopTable("participants", "id workshop_id name organisation category consent_named "
                  "created_at", W, secret={"token": None}),  # a phone's credential
    WorkshopTable("checkins", "id participant_id block_id at source", "participant_id"),
    WorkshopTable("clusters", "id workshop_id phase_id title color x y collapsed", W),
    WorkshopTable("notes", "id workshop_id phase_id cluster_id participant_id author text color "
                  "x y hidden created_at", W),
    WorkshopTable("vote_rounds", "id workshop_id phase_id title kind settings items status "
                  "revealed opened_at closed_at", W, ids_inside={"items": ("notes", "clusters")}),
    WorkshopTable("votes", "id round_id participant_id voter item_type item_id criterion value "
                  "paper at", "round_id",
                  ids_inside={"voter": ("participants",), "item_id": ("notes", "clusters")}),
    WorkshopTable("vote_ballots", "id round_id voter participant_id paper label done at",
                  "round_id", ids_inside={"voter": ("participants",)}),
    WorkshopTable("vote_counts", "round_id item_type item_id criterion value ballots",
                  "round_id", ids_inside={"item_id": ("notes", "clusters")}),
    WorkshopTable("feedback", "id workshop_id participant_id rating keep improve at", W),
    WorkshopTable("actions", "id workshop_id position what who participant_id due status", W),
    WorkshopTable("projects", "id workshop_id title description status source_note_id owner "
                  "partners start_date target_date progress created_at", W),
    WorkshopTable("project_entries", "id project_id day text created_at", "project_id"),
    WorkshopTable("note_fates", "id workshop_id note_id fate reason merged_into action_id "
                  "project_id round_id rank score at", W),
    WorkshopTable("method_reviews", "id workshop_id phase_id method_key rating worked change "
                  "at", W),
    WorkshopTable("photos", "id workshop_id position caption filename width height data "
                  "removed added_at", W, left_out_of={REPLICA: _PHOTOS}, hidden_when="removed"),
    WorkshopTable("live_timers", "workshop_id block_id phase_id state planned remaining deadline "
                  "session_start", W, ids_inside={"phase_id": ("phases",)},
                  left_out_of={ARCHIVE: _TIMER}),
    WorkshopTable(
        "cofacilitators", "id workshop_id name role revoked created_at approved", W,
        # a laptop's credential, and when it expires
        secret={"token_hash": "", "device_key": "", "token_expires": 0.0},
        left_out_of={ARCHIVE: "pairings belong to the host's séance: laptops pair again"},
    ),
)  # fmt: skip
BY_NAME: Mapping[str, WorkshopTable] = {t.name: t for t in TABLES}


@cache
def tables_for(use: Use) -> tuple[WorkshopTable, ...]:
    """The tables `use` copies, parents before children (the order rows are inserted in)."""
    chosen = [t for t in TABLES if use not in t.left_out_of]
    names = {t.name for t in chosen}
    after = [
        (BY_NAME[parent].table, t.table)
        for t in chosen
        for targets in t.ids_inside.values()
        for parent in targets
        if parent in names
    ]
    ordered = sort_tables([t.table for t in chosen], extra_dependencies=after)
    return tuple(BY_NAME[table.name] for table in ordered)


def encode(value: Any) -> Any:
    """A column's value as JSON: dates in ISO form, bytes (a photo) in base64."""
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value.isoformat() if isinstance(value, date) else value


def decode(column: Column[Any], value: Any) -> Any:
    """What `encode` gave, back as the column's value (raises ValueError if it is not)."""
    if isinstance(value, str):
        if isinstance(column.type, Date):
            return date.fromisoformat(value)
        if isinstance(column.type, LargeBinary):
            return base64.b64decode(value, validate=True)
    return value

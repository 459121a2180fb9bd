"""The one description of a workshop's rows: every table and column of the store is in it, and
the archive and the co-facilitators' replica both copy what it says."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Integer, MetaData, Table

from app.ops import archive, replica
from app.ops.base import Context
from app.ops.demo import create_demo
from app.store import workshop_rows
from app.store.models import Base
from app.store.workshop_rows import ARCHIVE, LOCAL, REPLICA, TABLES, USES, tables_for


def undescribed(metadata: MetaData) -> list[str]:
    """What `metadata` holds that `workshop_rows` does not describe (or describes wrongly)."""
    problems: list[str] = []
    described = {t.name: t for t in TABLES}
    for name in sorted(set(metadata.tables) - set(described) - set(LOCAL)):
        problems.append(f"table {name}: neither a workshop's rows nor LOCAL")
    for name in sorted(set(described) & set(LOCAL)):
        problems.append(f"table {name}: both a workshop's rows and LOCAL")
    for name in sorted((set(described) | set(LOCAL)) - set(metadata.tables)):
        problems.append(f"table {name}: described but not in the store")
    for name, rule in described.items():
        if name not in metadata.tables:
            continue
        columns = {c.name for c in metadata.tables[name].columns}
        carried, secret = set(rule.carried.split()), set(rule.secret)
        for column in sorted(columns - carried - secret):
            problems.append(f"column {name}.{column}: neither carried nor secret")
        for column in sorted(carried & secret):
            problems.append(f"column {name}.{column}: both carried and secret")
        for column in sorted((carried | secret | set(rule.ids_inside)) - columns):
            problems.append(f"column {name}.{column}: described but not in the table")
    return problems


def test_every_table_and_every_column_is_described() -> None:
    assert undescribed(Base.metadata) == []


def test_a_new_table_or_column_that_no_copy_describes_fails() -> None:
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    Table("stickers", metadata, Column("id", Integer, primary_key=True))
    metadata.tables["notes"].append_column(Column("pinned", Boolean))
    assert undescribed(metadata) == [
        "table stickers: neither a workshop's rows nor LOCAL",
        "column notes.pinned: neither carried nor secret",
    ]


def test_each_table_says_how_it_belongs_to_a_workshop_and_why_a_copy_leaves_it_out() -> None:
    tables = Base.metadata.tables
    for rule in TABLES:
        assert (
            rule.scope in (None, "id", "workshop_id")
            or tables[rule.name].c[rule.scope].foreign_keys
        ), f"{rule.name}: its scope column is no foreign key"
        assert set(rule.left_out_of) <= set(USES)
        assert all(why.strip() for why in rule.left_out_of.values())
        if rule.hidden_when:
            assert isinstance(tables[rule.name].c[rule.hidden_when].type, Boolean)
    assert all(why.strip() for why in LOCAL.values())
    # what each copy leaves out, and why: the facts the two copies were built on
    assert "photos" not in {t.name for t in tables_for(REPLICA)}  # the host keeps pictures
    assert {"live_timers", "cofacilitators", "methods"}.isdisjoint(
        t.name for t in tables_for(ARCHIVE)
    )  # the methods go in the archive's own list
    assert workshop_rows.BY_NAME["participants"].secret == {"token": None}
    assert workshop_rows.BY_NAME["cofacilitators"].secret == {
        "token_hash": "",
        "device_key": "",
        "token_expires": 0.0,
    }


def test_each_copy_inserts_parents_first() -> None:
    for use in USES:
        seen: set[str] = set()
        for rule in tables_for(use):
            for column, target in rule.refs.items():
                assert target in seen, f"{use}: {rule.name}.{column} before {target}"
            for column, targets in rule.ids_inside.items():
                assert all(t in seen for t in targets), f"{use}: {rule.name}.{column}"
            seen.add(rule.name)


def test_the_archive_and_the_snapshot_copy_what_the_description_says(ctx: Context) -> None:
    wid = create_demo(ctx).workshop_id
    assert wid is not None
    data = archive.export_archive(ctx, wid)["tables"]
    assert set(data) == {t.name for t in tables_for(ARCHIVE)} | {"methods"}
    for rule in tables_for(ARCHIVE):
        for row in data[rule.name]:
            assert list(row) == list(rule.columns)  # no secret in it
    assert data["notes"] and data["photos"] and data["vote_counts"]
    snapshot: dict[str, Any] = replica.snapshot(ctx, wid)["tables"]
    assert list(snapshot) == [t.name for t in tables_for(REPLICA)]
    for rule in tables_for(REPLICA):
        names = snapshot[rule.name]["columns"]
        assert set(names) == set(rule.columns) | set(rule.secret)
        for row in snapshot[rule.name]["rows"]:
            assert all(row[names.index(k)] == blank for k, blank in rule.secret.items())
    assert set(LOCAL) | {"photos"} == replica.NOT_REPLICATED

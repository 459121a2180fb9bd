"""Property: promotions, fate changes, undo and redo never lose or double an idea: every
post-it keeps exactly one fate state (none, retenue, fusionnee, mise_de_cote), one row at most."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import KnownError
from app.ops import board, outcomes, votes
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Note, NoteFate

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("promote_actions"), st.integers(1, 4)),
        st.tuples(st.just("promote_projects"), st.integers(1, 4)),
        st.tuples(st.just("fate"), st.integers(0, 5), st.sampled_from(
            [None, "mise_de_cote", "fusionnee", "retenue"]), st.integers(0, 5)),
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
        st.tuples(st.just("delete_action")),
    ),
    max_size=12,
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    store = Database.open(tmp_path_factory.mktemp("fates") / "fates.sqlite3")
    yield store
    store.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_every_post_it_has_exactly_one_fate_state(db: Database, steps: list[tuple]) -> None:
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Propriétés").workshop_id
    assert wid is not None
    ids = [board.add_note(ctx, wid, text=f"Idée {n}", x=0.0, y=0.0).ids[0] for n in range(6)]
    board.group(ctx, wid, ids[:2], title="Groupe")
    cid = db.read(lambda s: s.get(Note, ids[0]).cluster_id)
    items = [f"cluster:{cid}", *(f"note:{i}" for i in ids[2:])]
    rid = votes.open_round(ctx, wid, kind="dots", items=items, title="Vote").ids[0]
    votes.add_paper_votes(ctx, rid, {k: n + 1 for n, k in enumerate(items)})
    done, undone = 0, 0  # this example's own steps (undo never reaches the setup)
    for step in steps:
        if (step[0] == "undo" and not done) or (step[0] == "redo" and not undone):
            continue
        try:
            if step[0] == "promote_actions":
                votes.promote_to_actions(ctx, rid, top=step[1])
            elif step[0] == "promote_projects":
                votes.promote_to_projects(ctx, rid, top=step[1])
            elif step[0] == "fate":
                _, who, fate, other = step
                plan = outcomes.actions(ctx, wid)
                outcomes.set_fate(
                    ctx, wid, [ids[who]], fate, into=ids[other], reason="parce que",
                    action_id=plan[0].id if fate == "retenue" and plan else None,
                )  # fmt: skip
            elif step[0] == "undo":
                undo(ctx, wid)
                done, undone = done - 1, undone + 1
            elif step[0] == "redo":
                redo(ctx, wid)
                done, undone = done + 1, undone - 1
            else:
                plan = outcomes.actions(ctx, wid)
                if not plan:
                    raise KnownError("Aucune action à supprimer.")
                outcomes.delete_action(ctx, plan[-1].id)
            if step[0] not in ("undo", "redo"):
                done, undone = done + 1, 0
        except KnownError:
            pass  # refused: changes nothing (checked below like any other step)
        trail = outcomes.fate_trail(ctx, wid)
        assert sorted(t.note_id for t in trail) == sorted(ids)  # no idea lost, none doubled
        assert all(t.fate in (None, "retenue", "fusionnee", "mise_de_cote") for t in trail)

        def rows(session):
            return session.execute(
                select(NoteFate.note_id, func.count())
                .where(NoteFate.workshop_id == wid)
                .group_by(NoteFate.note_id)
            ).all()

        assert all(count == 1 for _note, count in db.read(rows))
        for t in trail:
            if t.fate == "fusionnee":
                assert t.merged_into in ids and t.merged_into != t.note_id
            if t.fate == "mise_de_cote":
                assert t.action_id is None and t.project_id is None

"""Promotions and fates never lose or double an idea (issue 15): whatever the facilitator does
— promotions after a vote, fates decided by hand, actions and chantiers deleted, post-its
deleted, undo and redo in any order — every post-it appears exactly once in the trail, with at
most one fate, and a fate always points at something that exists."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import func, select

from app.errors import KnownError
from app.ops import board, outcomes, projects, votes
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Action, Note, NoteFate, Project

_START: dict[str, tuple[Path, int, int]] = {}


def _start() -> tuple[Path, int, int]:
    """A store made once (copied for each example): eight post-its, two grouped, a dot vote
    with paper votes on them: (file, workshop id, round id)."""
    if "file" not in _START:
        path = Path(tempfile.mkdtemp(prefix="atelier-fates-")) / "start.sqlite3"
        db = Database.open(path)
        try:
            ctx = Context(db)
            wid = create_workshop(ctx, format_key="3h", title="Devenirs").workshop_id
            assert wid is not None
            ids = [board.add_note(ctx, wid, text=f"Idée {n}", x=0.0, y=0.0).ids[0]
                   for n in range(8)]  # fmt: skip
            board.group(ctx, wid, ids[:2], title="Mobilité")
            rid = votes.open_round(ctx, wid, kind="dots", title="Priorités").ids[0]
            items = [line.key for line in votes.results(ctx, rid).lines]
            votes.add_paper_votes(ctx, rid, {k: n + 1 for n, k in enumerate(items)})
        finally:
            db.close()
        _START["file"] = (path, wid, rid)
    return _START["file"]


class Fates(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        source, self.wid, self.rid = _start()
        self.folder = Path(tempfile.mkdtemp(prefix="atelier-fates-"))
        shutil.copy(source, self.folder / "store.sqlite3")
        self.db = Database.open(self.folder / "store.sqlite3")
        self.ctx = Context(self.db)

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _notes(self) -> list[int]:
        return [t.note_id for t in outcomes.fate_trail(self.ctx, self.wid)]

    def _try(self, fn, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # a refusal comes with a message and changes nothing (the invariants check it)
        with contextlib.suppress(KnownError):
            fn(*args, **kwargs)

    @rule(top=st.integers(1, 6))
    def promote_actions(self, top: int) -> None:
        self._try(votes.promote_to_actions, self.ctx, self.rid, top=top)

    @rule(top=st.integers(1, 6))
    def promote_chantiers(self, top: int) -> None:
        self._try(votes.promote_to_projects, self.ctx, self.rid, top=top)

    @rule(
        picks=st.lists(st.integers(0, 7), min_size=1, max_size=3),
        fate=st.sampled_from([None, "retenue", "fusionnee", "mise_de_cote"]),
        goal=st.integers(0, 7),
    )
    def decide(self, picks: list[int], fate: str | None, goal: int) -> None:
        notes = self._notes()
        if not notes:
            return
        chosen = [notes[p % len(notes)] for p in picks]
        kwargs: dict[str, object] = {}
        if fate == "fusionnee":
            kwargs["into"] = notes[goal % len(notes)]
        elif fate == "retenue":
            plan = outcomes.actions(self.ctx, self.wid)
            chantiers = projects.chantiers(self.ctx, self.wid)
            if plan and goal % 2 == 0:
                kwargs["action_id"] = plan[goal % len(plan)].id
            elif chantiers:
                kwargs["project_id"] = chantiers[goal % len(chantiers)].id
            else:
                kwargs["action_id"] = outcomes.create_action(self.ctx, self.wid, "Faire").ids[0]
        elif fate == "mise_de_cote":
            kwargs["reason"] = "Plus tard"
        self._try(outcomes.set_fate, self.ctx, self.wid, chosen, fate, **kwargs)

    @rule(which=st.integers(0, 5))
    def delete_action(self, which: int) -> None:
        plan = outcomes.actions(self.ctx, self.wid)
        if plan:
            self._try(outcomes.delete_action, self.ctx, plan[which % len(plan)].id)

    @rule(which=st.integers(0, 5))
    def delete_chantier(self, which: int) -> None:
        chantiers = projects.chantiers(self.ctx, self.wid)
        if chantiers:
            self._try(projects.delete_project, self.ctx, chantiers[which % len(chantiers)].id)

    @rule(which=st.integers(0, 7))
    def delete_note(self, which: int) -> None:
        notes = self._notes()
        if len(notes) > 2:
            self._try(board.delete_notes, self.ctx, self.wid, [notes[which % len(notes)]])

    @rule()
    def undo_one(self) -> None:
        self._try(undo, self.ctx, self.wid)

    @rule()
    def redo_one(self) -> None:
        self._try(redo, self.ctx, self.wid)

    @invariant()
    def every_idea_once_with_one_fate_pointing_at_something_real(self) -> None:
        def read(session):  # type: ignore[no-untyped-def]
            notes = set(session.scalars(select(Note.id).where(Note.workshop_id == self.wid)))
            fates = session.scalars(select(NoteFate).where(NoteFate.workshop_id == self.wid)).all()
            actions = set(session.scalars(select(Action.id)))
            chantiers = set(session.scalars(select(Project.id)))
            per_note = dict(session.execute(
                select(NoteFate.note_id, func.count()).group_by(NoteFate.note_id)
            ).all())  # fmt: skip
            return notes, fates, actions, chantiers, per_note

        notes, fates, actions, chantiers, per_note = self.db.read(read)
        trail = self._notes()
        assert sorted(trail) == sorted(notes)  # no idea lost, none doubled
        assert all(count == 1 for count in per_note.values())
        for f in fates:
            assert f.note_id in notes, "a fate without its post-it"
            if f.fate == "retenue":
                assert (f.action_id in actions) != (f.project_id in chantiers), (
                    "a retained idea points at exactly one real action or chantier"
                )
            elif f.fate == "fusionnee":
                assert f.merged_into in notes and f.merged_into != f.note_id


Fates.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestFates = Fates.TestCase

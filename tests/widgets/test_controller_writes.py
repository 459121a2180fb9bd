"""The controller's writes: each typed method runs the core's operation it names for the
co-facilitation API, and a co-facilitator's laptop sends that name with the arguments by name."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from types import ModuleType
from typing import Any

import pytest

from app.events import Topic
from app.ops import board, cofac, grouping, live, outcomes, projects, votes
from app.ops.base import Change
from widgets.controller import Controller
from widgets.remote_controller import LEAD_ONLY_METHODS, LEAD_ONLY_OPS, RemoteController

AREAS: dict[str, ModuleType] = {
    "board": board, "live": live, "votes": votes, "outcomes": outcomes, "projects": projects,
}  # fmt: skip
# operations named after the board but written in a module of their own
ELSEWHERE: dict[str, Callable[..., Any]] = {"board.group_suggested": grouping.accept}

# every write of the Controller that goes through `_write`, with arguments of the right types
WRITES: list[Callable[[Controller], object]] = [
    lambda c: c.toggle_timer(1),
    lambda c: c.pause_timer(1),
    lambda c: c.adjust_timer(1, 60),
    lambda c: c.reset_timer(1),
    lambda c: c.next_phase(1),
    lambda c: c.previous_phase(1),
    lambda c: c.end_session(1),
    lambda c: c.add_note(1, text="Idée", phase_id=None, colour="yellow", x=1.0, y=2.0),
    lambda c: c.edit_note(1, 5, "Autre idée"),
    lambda c: c.recolour_notes(1, [5, 6], "blue"),
    lambda c: c.move_notes(1, [(5, 1.0, 2.0)], [], snap_to_grid=True, out_of_group=[6]),
    lambda c: c.delete_notes(1, [5]),
    lambda c: c.duplicate_notes(1, [5]),
    lambda c: c.group_notes(1, [5, 6], phase_id=3),
    lambda c: c.group_notes(1, [7], into=2),
    lambda c: c.ungroup(1, 2),
    lambda c: c.accept_groups(1, [grouping.SuggestedGroup("Vélo", (5, 6))], phase_id=3),
    lambda c: c.update_cluster(1, 2, title="Groupe"),
    lambda c: c.tidy_board(1, [5, 6]),
    lambda c: c.tidy_board(1, cluster_id=2),
    lambda c: c.tidy_board(1, phase_id=3),
    lambda c: c.reveal_notes(1, 3),
    lambda c: c.set_private_writing(1, 3, True),
    lambda c: c.set_board_template(1, 3, None),
    lambda c: c.set_board_options(1, scope="workshop"),
    lambda c: c.close_round(9),
    lambda c: c.reopen_round(9),
    lambda c: c.reveal_results(9, False),
    lambda c: c.add_paper_votes(9, {"note:5": 2}, label="Table 2"),
    lambda c: c.remove_paper_votes(9, "paper:1"),
    lambda c: c.promote_to_actions(9, top=3),
    lambda c: c.promote_to_projects(9, top=2),
    lambda c: c.create_action(1, "Écrire au SGAR", who="Awa", due=date(2026, 3, 12)),
    lambda c: c.update_action(4, status="fait"),
    lambda c: c.update_action(4, participant_id=None, due=None),
    lambda c: c.delete_action(4),
    lambda c: c.move_action(4, 0),
    lambda c: c.update_project(7, status="en_incubation", partners=["DREAL"], progress=40),
    lambda c: c.update_project(7, start_date=None),
    lambda c: c.add_project_entry(7, date(2026, 3, 12), "comité : financement acquis"),
    lambda c: c.remove_project_entry(8),
    lambda c: c.tick_milestone(3, False),
]


class Recording(Controller):
    def __init__(self) -> None:
        super().__init__(ctx=None)  # type: ignore[arg-type]  # never reached: _write records
        self.calls: list[tuple[str, Callable[..., Any], int, tuple[Any, ...], dict[str, Any]]] = []

    def _write(self, op: str, fn: Any, first: int, /, *args: Any, **kwargs: Any) -> Change | None:
        self.calls.append((op, fn, first, args, kwargs))
        return None


@pytest.mark.parametrize("write", WRITES)
def test_each_write_names_the_core_operation_it_runs(write: Callable[[Controller], object]) -> None:
    controller = Recording()
    write(controller)
    ((op, fn, _first, args, kwargs),) = controller.calls
    area, name = op.split(".")
    expected = ELSEWHERE.get(op) or getattr(AREAS[area], name)
    assert expected is fn, f"{op} runs {fn.__module__}.{fn.__name__}"
    assert op in cofac.REMOTE_OPS or op in LEAD_ONLY_OPS, f"{op}: a laptop cannot ask for it"
    # the arguments fit the operation (ctx and the workshop or round first)
    inspect.signature(fn).bind(None, _first, *args, **kwargs)


class FakeClient:
    """What a RemoteController needs of `CoFacClient` to send: a replica's context and the
    outbox; every role allowed."""

    def __init__(self) -> None:
        self.ctx = None
        self.workshop_id = 1
        self.revoked = False
        self.status_listeners: list[Any] = []
        self.outbox_listeners: list[Any] = []
        self.submitted: list[tuple[str, dict[str, Any]]] = []

    def submit(self, op: str, args: dict[str, Any]) -> None:
        self.submitted.append((op, args))


def _remote(role: str = "coanimateur") -> tuple[RemoteController, FakeClient]:
    client = FakeClient()
    remote = RemoteController(client)  # type: ignore[arg-type]
    remote.role = lambda: role  # type: ignore[method-assign]
    return remote, client


def test_a_laptop_sends_the_operation_with_its_arguments_by_name() -> None:
    remote, client = _remote()
    change = remote.move_notes(1, [(5, 1.0, 2.0)], [], snap_to_grid=True, out_of_group=[6])
    assert change is not None and change.op == "cofac:board.move" and change.topic == Topic.BOARD
    remote.add_paper_votes(9, {"note:5": 2}, label="Table 2")
    remote.adjust_timer(1, -60)
    remote.group_notes(1, [5, 6], phase_id=None)  # a default is left to the host
    assert client.submitted == [
        (
            "board.move",
            {"notes": [[5, 1.0, 2.0]], "clusters": [], "snap_to_grid": True, "out_of_group": [6]},
        ),
        ("votes.add_paper_votes", {"round_id": 9, "counts": {"note:5": 2}, "label": "Table 2"}),
        ("live.adjust", {"seconds": -60}),
        ("board.group", {"note_ids": [5, 6]}),
    ]
    client.submitted.clear()
    remote.update_action(4, due=date(2026, 3, 12))  # a date as AAAA-MM-JJ, the rest left out
    remote.update_project(7, target_date=None)
    assert client.submitted == [
        ("outcomes.update_action", {"action_id": 4, "due": "2026-03-12"}),
        ("projects.update_project", {"project_id": 7, "target_date": None}),
    ]


def test_what_only_the_lead_does_is_refused_on_a_laptop_without_asking_the_host() -> None:
    remote, client = _remote()
    refusals: list[str] = []
    remote.error.connect(refusals.append)
    assert remote.end_session(1) is None
    assert remote.set_private_writing(1, 3, True) is None
    assert remote.promote_to_projects(9, top=2) is None
    assert remote.rename(1, "Autre titre") is None
    assert remote.accept_groups(1, [grouping.SuggestedGroup("Vélo", (5, 6))]) is None
    assert client.submitted == [] and len(refusals) == 5


def test_every_lead_only_method_is_a_write_of_the_controller() -> None:
    for name in LEAD_ONLY_METHODS:
        assert callable(getattr(Controller, name, None)), f"Controller.{name} is gone"
        assert getattr(RemoteController, name) is not getattr(Controller, name)

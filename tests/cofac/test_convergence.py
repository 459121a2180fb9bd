"""Whatever the interleaving of actions from the host and two laptops, every laptop ends with
the host's state (the host applies in its order; laptops read it back)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from cofac_helpers import Host, eventually
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.cofac_client import CoFacClient
from app.errors import KnownError
from app.ops import base, board, live, notes, queries, replica
from app.ops.base import Context
from app.store.models import Cluster

KINDS = (
    "add",
    "move",
    "edit",
    "group",
    "ungroup",
    "delete",
    "recolour",
    "toggle",
    "adjust",
    "undo",
)
# what the laptops' (remote) and the host's (local) versions of each kind are
REMOTE = {
    "add": "board.add_note",
    "move": "board.move",
    "edit": "board.edit_note",
    "group": "board.group",
    "ungroup": "board.ungroup",
    "delete": "board.delete_notes",
    "recolour": "board.recolour",
    "toggle": "live.toggle",
    "adjust": "live.adjust",
    "undo": "undo",
}


def _targets(ctx: Context, workshop_id: int) -> tuple[list[int], list[int]]:
    data = notes.workshop_notes(ctx, workshop_id)
    clusters = ctx.db.read(
        lambda s: list(s.scalars(select(Cluster.id).where(Cluster.workshop_id == workshop_id)))
    )
    return [n.id for n in data], clusters


def _args(kind: str, note_ids: list[int], cluster_ids: list[int], pick: int) -> dict[str, Any]:
    def one() -> int:
        return note_ids[pick % len(note_ids)] if note_ids else 10_000 + pick

    if kind == "add":
        return {"text": f"Idée {pick}", "x": pick % 300, "y": pick % 200}
    if kind == "move":
        return {"notes": [[one(), float(pick % 500), float(pick % 70)]]}
    if kind == "edit":
        return {"note_id": one(), "text": f"Modifié {pick}"}
    if kind == "group":
        chosen = [one(), note_ids[(pick + 1) % len(note_ids)] if note_ids else 10_001]
        return {"note_ids": chosen, "title": f"Groupe {pick}"}
    if kind == "ungroup":
        return {"cluster_id": cluster_ids[pick % len(cluster_ids)] if cluster_ids else 99_999}
    if kind == "delete":
        return {"note_ids": [one()]}
    if kind == "recolour":
        return {"note_ids": [one()], "colour": ("bleu", "rose", "vert")[pick % 3]}
    if kind == "adjust":
        return {"seconds": 60}
    return {}


def _on_host(host: Host, kind: str, pick: int) -> None:
    ctx, wid = host.ctx, host.workshop_id
    note_ids, cluster_ids = _targets(ctx, wid)
    a = _args(kind, note_ids, cluster_ids, pick)
    try:
        if kind == "add":
            board.add_note(ctx, wid, **a)
        elif kind == "move":
            board.move(ctx, wid, [tuple(a["notes"][0])])
        elif kind == "edit":
            board.edit_note(ctx, wid, a["note_id"], a["text"])
        elif kind == "group":
            board.group(ctx, wid, a["note_ids"], title=a["title"])
        elif kind == "ungroup":
            board.ungroup(ctx, wid, a["cluster_id"])
        elif kind == "delete":
            board.delete_notes(ctx, wid, a["note_ids"])
        elif kind == "recolour":
            board.recolour(ctx, wid, a["note_ids"], a["colour"])
        elif kind == "toggle":
            live.toggle(ctx, wid)
        elif kind == "adjust":
            live.adjust(ctx, wid, 60)
        else:
            base.undo(ctx, wid)
    except KnownError:
        pass  # e.g. a post-it another screen deleted: refused, as it would be in the window


def _on_laptop(laptop: CoFacClient, kind: str, pick: int) -> None:
    # the laptop acts on what it sees: its replica, possibly behind the host
    note_ids, cluster_ids = _targets(laptop.ctx, laptop.workshop_id)
    laptop.submit(REMOTE[kind], _args(kind, note_ids, cluster_ids, pick))


STEP = st.tuples(
    st.sampled_from(("host", "laptop 1", "laptop 2", "flush 1", "flush 2", "sync 1", "sync 2")),
    st.sampled_from(KINDS),
    st.integers(0, 10_000),
)


def _settle(host: Host, laptops: list[CoFacClient]) -> None:
    for laptop in laptops:
        laptop.flush()
    for laptop in laptops:
        laptop.sync()


def _check(host: Host, laptops: list[CoFacClient]) -> None:
    expected = replica.comparable_state(host.ctx.db, host.workshop_id)
    history = [e["seq"] for e in queries.journal_entries(host.ctx, host.workshop_id, 0, 100_000)]
    for laptop in laptops:
        assert replica.comparable_state(laptop.db, host.workshop_id) == expected
        assert laptop.outbox("pending") == []  # every action was answered: applied or refused
        ours = queries.journal_entries(laptop.ctx, host.workshop_id, 0, 100_000)
        assert [e["seq"] for e in ours] == history


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=1, max_size=25))
def test_random_interleavings_end_in_the_same_state(
    host: Host, make_laptop: Callable[..., CoFacClient], steps: list[tuple[str, str, int]]
) -> None:
    laptops = getattr(host, "laptops", None)
    if laptops is None:  # the host and its laptops last for every example of the test
        laptops = [
            make_laptop(host, name=name, role="coanimateur", start=False)
            for name in ("Camille", "Sacha")
        ]
        for laptop in laptops:
            laptop.sync()
        host.laptops = laptops  # type: ignore[attr-defined]
    for who, kind, pick in steps:
        if who == "host":
            _on_host(host, kind, pick)
        elif who.startswith("laptop"):
            _on_laptop(laptops[int(who[-1]) - 1], kind, pick)
        elif who.startswith("flush"):
            laptops[int(who[-1]) - 1].flush()
        else:
            laptops[int(who[-1]) - 1].sync()
    _settle(host, laptops)
    _check(host, laptops)


def test_two_people_moving_the_same_post_it_at_once_see_the_same_result(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    """The window's drag on the host, and two laptops' drags, all at the same time."""
    laptops = [make_laptop(host, name=n, role="scribe") for n in ("Camille", "Sacha")]
    note = notes.workshop_notes(host.ctx, host.workshop_id)[0].id
    go = threading.Barrier(3)

    def host_drags() -> None:
        go.wait()
        for n in range(20):
            board.move(host.ctx, host.workshop_id, [(note, 1000.0 + n, 0.0)])

    def laptop_drags(laptop: CoFacClient, x: float) -> None:
        go.wait()
        for n in range(20):
            laptop.submit("board.move", {"notes": [[note, x + n, 50.0]]})

    threads = [threading.Thread(target=host_drags)] + [
        threading.Thread(target=laptop_drags, args=(laptop, 2000.0 * (i + 1)))
        for i, laptop in enumerate(laptops)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for laptop in laptops:
        assert laptop.wait(lambda lp=laptop: lp.outbox("pending") == [], 30)
    last = queries.workshop_detail(host.ctx, host.workshop_id).last_seq
    eventually(lambda: all(lp.seq() == last for lp in laptops))
    _check(host, laptops)
    moves = [
        e
        for e in queries.journal_entries(host.ctx, host.workshop_id, 0, 10_000)
        if e["op"] == "board.move"
    ]
    assert len(moves) == 60  # nothing silently dropped: every drag is in the history
    assert {e["actor"] for e in moves} == {"animatrice", "cofac:Camille", "cofac:Sacha"}

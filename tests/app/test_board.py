"""The post-it board through the core: every gesture is one undoable, durable operation."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.board import (
    INBOX_X,
    NOTE_H,
    NOTE_W,
    PALETTE,
    TEMPLATES,
    board_slot,
    in_inbox,
    template_for,
)
from app.errors import InvalidInput, NotFound
from app.events import Topic
from app.library import load_library
from app.ops import board, live, notes, participants
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Cluster, JournalEntry, Note

HOSTILE = (Path(__file__).parents[1] / "data" / "hostile-text.txt").read_text(encoding="utf-8")


def _workshop(ctx: Context) -> tuple[int, int]:
    wid = create_workshop(ctx, format_key="3h", title="Tableau").workshop_id
    assert wid is not None
    first = board.board_data(ctx, wid)
    assert first.phase_id is not None
    return wid, first.phase_id


def _add(ctx: Context, wid: int, pid: int, text: str, x: float = 0, y: float = 0) -> int:
    return board.add_note(ctx, wid, text=text, phase_id=pid, x=x, y=y).ids[0]


def test_notes_are_added_moved_edited_and_deleted_with_undo(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    seen: list[str] = []
    ctx.bus.subscribe(lambda e: seen.append(e.op), {Topic.BOARD})
    a = _add(ctx, wid, pid, "Covoiturage entre agents")
    b = _add(ctx, wid, pid, "Navette depuis la gare", x=300)
    data = board.board_data(ctx, wid, pid)
    assert [(n.id, n.text, n.author) for n in data.notes] == [
        (a, "Covoiturage entre agents", "anonyme"),
        (b, "Navette depuis la gare", "anonyme"),
    ]
    board.move(ctx, wid, [(a, 40, 60), (b, 440, 60)])
    board.edit_note(ctx, wid, a, "Covoiturage entre collègues")
    board.recolour(ctx, wid, [a, b], "bleu")
    board.delete_notes(ctx, wid, [b])
    data = board.board_data(ctx, wid, pid)
    assert [(n.id, n.text, n.colour, n.x, n.y) for n in data.notes] == [
        (a, "Covoiturage entre collègues", "bleu", 40, 60)
    ]
    assert seen == [
        "board.note_add", "board.note_add", "board.move", "board.note_edit", "board.recolour",
        "board.delete",
    ]  # fmt: skip
    undo(ctx, wid)  # the deletion
    undo(ctx, wid)  # the colour
    by_id = {n.id: n for n in board.board_data(ctx, wid, pid).notes}
    assert by_id[b].text == "Navette depuis la gare" and by_id[b].x == 440
    assert by_id[a].colour == by_id[b].colour == "jaune"
    undo(ctx, wid)  # the edit
    undo(ctx, wid)  # the move: both post-its in one step
    by_id = {n.id: n for n in board.board_data(ctx, wid, pid).notes}
    assert (by_id[a].text, by_id[a].x, by_id[b].x) == ("Covoiturage entre agents", 0, 300)
    redo(ctx, wid)
    by_id = {n.id: n for n in board.board_data(ctx, wid, pid).notes}
    assert (by_id[a].x, by_id[b].x) == (40, 440)


def test_a_drag_is_one_journal_entry_and_snaps_to_the_grid_when_asked(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    ids = [_add(ctx, wid, pid, f"Idée {i}", x=i * 220) for i in range(50)]
    before = _count_journal(ctx, wid)
    board.move(ctx, wid, [(i, n * 220 + 13, 27) for n, i in enumerate(ids)], snap_to_grid=True)
    assert _count_journal(ctx, wid) == before + 1
    positions = {(n.x, n.y) for n in board.board_data(ctx, wid, pid).notes}
    assert all(x % 20 == 0 and y == 20 for x, y in positions)


def _count_journal(ctx: Context, wid: int) -> int:
    return ctx.db.read(
        lambda s: len(
            s.scalars(select(JournalEntry.seq).where(JournalEntry.workshop_id == wid)).all()
        )
    )


def test_grouping_ungrouping_and_undo_give_back_the_exact_board(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    ids = [_add(ctx, wid, pid, f"Post-it {i}", x=i * 500, y=i * 90) for i in range(5)]
    before = board.board_data(ctx, wid, pid)
    change = board.group(ctx, wid, ids[:3], title="Mobilité douce")
    (cluster,) = board.board_data(ctx, wid, pid).clusters
    assert change.op == "board.group"
    assert (cluster.title, set(cluster.note_ids)) == ("Mobilité douce", set(ids[:3]))
    grouped = {n.id: n for n in board.board_data(ctx, wid, pid).notes}
    # laid out tidily from the top-left of the selection, without overlaps
    spots = {(grouped[i].x, grouped[i].y) for i in ids[:3]}
    assert len(spots) == 3 and min(spots) == (0, 0)
    # dragging a post-it onto a grouped one adds it to that group
    board.group(ctx, wid, [ids[3]], into=cluster.id)
    assert set(board.board_data(ctx, wid, pid).clusters[0].note_ids) == set(ids[:4])
    board.update_cluster(
        ctx, wid, cluster.id, title="Vélo et marche", colour="vert", collapsed=True
    )
    data = board.board_data(ctx, wid, pid)
    assert (data.clusters[0].title, data.clusters[0].colour, data.clusters[0].collapsed) == (
        "Vélo et marche", "vert", True,
    )  # fmt: skip
    assert {n.colour for n in data.notes if n.cluster_id == cluster.id} == {"vert"}
    board.ungroup(ctx, wid, cluster.id)
    assert board.board_data(ctx, wid, pid).clusters == ()
    for _ in range(4):
        undo(ctx, wid)
    assert board.board_data(ctx, wid, pid) == before
    for _ in range(4):
        redo(ctx, wid)
    after = board.board_data(ctx, wid, pid)
    assert after.clusters == () and {n.cluster_id for n in after.notes} == {None}


def test_moving_every_post_it_out_of_a_group_deletes_it_and_undo_restores_it(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    ids = [_add(ctx, wid, pid, f"P{i}") for i in range(4)]
    board.group(ctx, wid, ids[:2], title="Premier")
    board.group(ctx, wid, ids[2:], title="Second")
    first, second = board.board_data(ctx, wid, pid).clusters
    board.group(ctx, wid, ids[:2], into=second.id)  # the first group is left empty: it goes
    (only,) = board.board_data(ctx, wid, pid).clusters
    assert only.id == second.id and set(only.note_ids) == set(ids)
    undo(ctx, wid)
    assert [c.title for c in board.board_data(ctx, wid, pid).clusters] == ["Premier", "Second"]
    board.delete_notes(ctx, wid, ids[:2])  # deleting a whole group's post-its deletes it too
    assert [c.title for c in board.board_data(ctx, wid, pid).clusters] == ["Second"]


def test_duplicate_and_bad_input_change_nothing(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    a = _add(ctx, wid, pid, "Original")
    board.duplicate_notes(ctx, wid, [a])
    texts = [n.text for n in board.board_data(ctx, wid, pid).notes]
    assert texts == ["Original", "Original"]
    before = board.board_data(ctx, wid, pid)
    journal = _count_journal(ctx, wid)
    with pytest.raises(InvalidInput):
        board.add_note(ctx, wid, text="   ", phase_id=pid)
    with pytest.raises(InvalidInput):
        board.add_note(ctx, wid, text="x" * 281, phase_id=pid)
    with pytest.raises(InvalidInput):
        board.recolour(ctx, wid, [a], "fuchsia")
    with pytest.raises(InvalidInput):
        board.move(ctx, wid, [(a, float("nan"), 0)])
    with pytest.raises(InvalidInput):
        board.group(ctx, wid, [a])  # one post-it is not a group
    with pytest.raises(NotFound):
        board.move(ctx, wid, [(a, 1, 1), (999_999, 2, 2)])  # all or nothing
    with pytest.raises(NotFound):
        board.delete_notes(ctx, wid + 1000, [a])  # another workshop's id
    with pytest.raises(InvalidInput):
        board.set_template(ctx, wid, pid, "inconnu")
    assert board.board_data(ctx, wid, pid) == before
    assert _count_journal(ctx, wid) == journal


def test_hostile_text_is_stored_exactly_as_typed(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    stored = []
    for line in HOSTILE.splitlines():
        if not line.strip():
            continue
        text = line[:280]
        # refused with a message is acceptable, as long as nothing half-happens
        with contextlib.suppress(InvalidInput):
            stored.append((_add(ctx, wid, pid, text), text))
    by_id = {n.id: n.text for n in board.board_data(ctx, wid, pid).notes}
    for note_id, text in stored:
        clean = "".join(c for c in text if c in "\n\t" or (ord(c) >= 32 and ord(c) != 127))
        assert by_id[note_id] == clean.strip()
    assert len(stored) >= 10


def test_private_writing_hides_phone_post_its_until_revealed(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    live.start_session(ctx, wid)
    board.set_private(ctx, wid, pid, True)
    me = participants.check_in(ctx, wid, name="Awa", category="usager", key="k" * 16)
    for i in range(3):
        notes.post_note(ctx, wid, me.participant_id, text=f"Secret {i}", key=f"note-{i:012d}")
    data = board.board_data(ctx, wid)
    assert data.private and data.hidden_count == 3
    assert all(n.from_phone and n.author == "Awa" for n in data.notes)
    board.reveal(ctx, wid, pid)
    assert board.board_data(ctx, wid).hidden_count == 0
    undo(ctx, wid)
    assert board.board_data(ctx, wid).hidden_count == 3
    board.set_private(ctx, wid, pid, False)
    board.reveal(ctx, wid, pid)
    with pytest.raises(InvalidInput):
        board.reveal(ctx, wid, pid)  # nothing left to reveal
    notes.post_note(ctx, wid, me.participant_id, text="Public", key="public-000000001")
    assert board.board_data(ctx, wid).hidden_count == 0


def test_phone_post_its_stack_in_arrivals_or_land_in_the_first_zone(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    live.start_session(ctx, wid)
    me = participants.check_in(ctx, wid, name="Léa", category="public", key="l" * 16)
    for i in range(3):
        notes.post_note(ctx, wid, me.participant_id, text=f"Idée {i}", key=f"inbox-{i:012d}")
    arrived = board.board_data(ctx, wid).notes
    assert all(in_inbox(n.x) and n.x == INBOX_X + 20 for n in arrived)
    assert len({n.y for n in arrived}) == 3  # stacked, not on top of each other
    board.set_options(ctx, wid, arrival="board")
    board.set_template(ctx, wid, pid, "irritants-idees-questions")
    notes.post_note(ctx, wid, me.participant_id, text="Directe", key="direct-000000001")
    direct = next(n for n in board.board_data(ctx, wid).notes if n.text == "Directe")
    zone = TEMPLATES["irritants-idees-questions"].zones[0]
    assert not in_inbox(direct.x)
    assert zone.x <= direct.x and direct.x + NOTE_W <= zone.x + zone.w
    assert zone.y <= direct.y and direct.y + NOTE_H <= zone.y + zone.h
    assert (direct.x, direct.y) == board_slot(TEMPLATES["irritants-idees-questions"], 3)


def test_scope_phase_or_workshop(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    other = board.board_data(ctx, wid).phases[1][0]
    _add(ctx, wid, pid, "Phase 1")
    _add(ctx, wid, other, "Phase 2")
    assert [n.text for n in board.board_data(ctx, wid, pid).notes] == ["Phase 1"]
    board.set_options(ctx, wid, scope="workshop")
    data = board.board_data(ctx, wid, pid)
    assert data.title == "Tableau de l'atelier"
    assert [n.text for n in data.notes] == ["Phase 1", "Phase 2"]
    with pytest.raises(InvalidInput):
        board.set_options(ctx, wid, scope="partout")


def test_the_template_comes_from_the_method_unless_the_phase_chose_one() -> None:
    library = load_library()
    method = library.method("matrice-impact-facilite")
    assert method is not None and method.board == "impact-facilite"
    assert template_for(None, method.board).name == "Matrice impact / facilité"
    assert template_for("retrospective", method.board).key == "retrospective"
    assert template_for(None, None).zones == ()
    boards = {m.board for m in library.methods.values() if m.board}
    assert boards <= set(TEMPLATES)  # every method names a template that exists
    assert len({c.key for c in PALETTE}) == 6 and all(c.name for c in PALETTE)


def test_a_deleted_post_its_votes_go_back_and_return_on_undo(ctx: Context) -> None:
    from app.store.models import Vote, VoteRound

    wid, pid = _workshop(ctx)
    a = _add(ctx, wid, pid, "Avec des votes")

    def vote(session):  # stored directly: the voting rules are tested elsewhere
        rnd = VoteRound(workshop_id=wid, title="Vote", kind="dots", opened_at=1.0)
        session.add(rnd)
        session.flush()
        for voter in ("p:1", "p:2"):
            session.add(
                Vote(round_id=rnd.id, voter=voter, item_type="note", item_id=a, value=1, at=1.0)
            )

    ctx.db.write(vote)
    count = lambda: ctx.db.read(lambda s: len(s.scalars(select(Vote.id)).all()))  # noqa: E731
    assert count() == 2
    board.delete_notes(ctx, wid, [a])
    assert count() == 0
    undo(ctx, wid)
    assert count() == 2


def test_undo_survives_a_restart(store_url: str) -> None:
    db = Database.open(store_url)
    ctx = Context(db)
    wid, pid = _workshop(ctx)
    ids = [_add(ctx, wid, pid, f"N{i}") for i in range(3)]
    board.group(ctx, wid, ids, title="Avant redémarrage")
    db.close()
    db = Database.open(store_url)
    try:
        ctx = Context(db)
        assert len(board.board_data(ctx, wid, pid).clusters) == 1
        undo(ctx, wid)
        assert board.board_data(ctx, wid, pid).clusters == ()
        assert ctx.db.read(lambda s: s.scalars(select(Cluster.id)).all()) == []
        assert len(ctx.db.read(lambda s: s.scalars(select(Note.id)).all())) == 3
    finally:
        db.close()


def test_undo_of_a_deletion_survives_the_removal_of_its_author(ctx: Context) -> None:
    """A phone's post-it deleted, then its author removed (not undoable): undoing the deletion
    brings the post-it back without an author instead of failing for ever."""
    wid, pid = _workshop(ctx)
    live.start_session(ctx, wid)
    me = participants.check_in(ctx, wid, name="Doublon", category="usager", key="d" * 16)
    info, _ = notes.post_note(ctx, wid, me.participant_id, text="Gardé", key="kept-00000000001")
    board.delete_notes(ctx, wid, [info.id])
    participants.remove_participant(ctx, wid, me.participant_id)
    undo(ctx, wid)
    (back,) = board.board_data(ctx, wid).notes
    assert back.text == "Gardé" and not back.from_phone


def test_a_copy_of_a_hidden_post_it_stays_hidden(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    live.start_session(ctx, wid)
    board.set_private(ctx, wid, pid, True)
    me = participants.check_in(ctx, wid, name="Awa", category="usager", key="h" * 16)
    info, _ = notes.post_note(ctx, wid, me.participant_id, text="Secret", key="secret-000000001")
    board.duplicate_notes(ctx, wid, [info.id])
    data = board.board_data(ctx, wid)
    assert data.hidden_count == 2
    copy = next(n for n in data.notes if n.id != info.id)
    assert not copy.from_phone and copy.cluster_id is None


def test_arrivals_never_land_on_each_other_after_some_were_taken_out(ctx: Context) -> None:
    wid, pid = _workshop(ctx)
    live.start_session(ctx, wid)
    me = participants.check_in(ctx, wid, name="Léa", category="public", key="m" * 16)
    ids = [
        notes.post_note(ctx, wid, me.participant_id, text=f"N{i}", key=f"arr-{i:012d}")[0].id
        for i in range(3)
    ]
    board.move(ctx, wid, [(ids[0], 400, 400)])  # she takes the first one out
    notes.post_note(ctx, wid, me.participant_id, text="N3", key="arr-000000000003")
    spots = [(n.x, n.y) for n in board.board_data(ctx, wid).notes if in_inbox(n.x)]
    assert len(spots) == 3 and len(set(spots)) == 3


def test_undo_redo_undo_keeps_votes_cast_in_between(ctx: Context) -> None:
    from app.store.models import Vote, VoteRound

    wid, pid = _workshop(ctx)
    a = _add(ctx, wid, pid, "Voté")

    def add_round(session):
        rnd = VoteRound(workshop_id=wid, title="Vote", kind="dots", opened_at=1.0)
        session.add(rnd)
        session.flush()
        return rnd.id

    rid = ctx.db.write(add_round)

    def vote(voter):
        ctx.db.write(
            lambda s: s.add(
                Vote(round_id=rid, voter=voter, item_type="note", item_id=a, value=1, at=1.0)
            )
        )

    count = lambda: ctx.db.read(lambda s: len(s.scalars(select(Vote.id)).all()))  # noqa: E731
    vote("p:1")
    board.delete_notes(ctx, wid, [a])
    undo(ctx, wid)
    vote("p:2")  # a vote on the restored post-it
    assert count() == 2
    redo(ctx, wid)  # deleted again: both votes go back to their voters
    assert count() == 0
    undo(ctx, wid)  # and both come back
    assert count() == 2
